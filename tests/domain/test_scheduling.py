"""Auto-scheduling: dependencies, lane capacity, pinned dates, milestones, critical path and slack, the
undoable apply, and (hypothesis) random projects where every rule must hold."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.scheduling import ScheduleError, schedule, schedule_command
from roadmap_desktop.domain.timeline import Lane, TimelineItem

D0 = dt.date(2026, 3, 2)


def day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def make(*items: TimelineItem, lanes: tuple[Lane, ...] = ()) -> Project:
    project = Project.new("Schedule")
    project.lanes = list(lanes)
    project.items = list(items)
    return project


def item(title: str, days: int = 5, after: tuple[TimelineItem, ...] = (), **fields) -> TimelineItem:
    return TimelineItem(title=title, duration_days=days, depends_on=[a.id for a in after], **fields)


def titles(project: Project, ids) -> list[str]:
    return [project.get("item", i).title for i in ids]


def test_chain_starts_each_item_the_day_after_its_predecessor_ends():
    a = item("A", 5)
    b = item("B", 3, (a,))
    c = item("C", 1, (b,))
    plan = schedule(make(a, b, c), D0)
    assert (plan.items[a.id].start, plan.items[a.id].end) == (day(0), day(4))
    assert (plan.items[b.id].start, plan.items[b.id].end) == (day(5), day(7))
    assert (plan.items[c.id].start, plan.items[c.id].end) == (day(8), day(8))
    assert plan.finish == day(8)
    assert plan.critical_path == (a.id, b.id, c.id)
    assert all(s.slack_days == 0 for s in plan.items.values())


def test_diamond_critical_path_and_slack():
    a = item("A", 2)
    b = item("B long", 10, (a,))
    c = item("C short", 4, (a,))
    d = item("D", 3, (b, c))
    project = make(a, b, c, d)
    plan = schedule(project, D0)
    assert plan.items[d.id].start == day(12)  # after the longer branch
    assert titles(project, plan.critical_path) == ["A", "B long", "D"]
    assert plan.items[c.id].slack_days == 6
    assert [plan.items[i].slack_days for i in plan.critical_path] == [0, 0, 0]


def test_a_launch_milestone_after_milestones_closes_the_critical_path():
    build = item("Build", 10)
    beta = item("Private beta", 0, (build,), milestone=True)
    other = item("Docs", 10)  # ends the same day, listed later: not on the path
    launch = item("Launch", 0, (beta,), milestone=True)
    project = make(beta, launch, build, other)  # beta and launch share their day; beta is listed first
    plan = schedule(project, D0)
    assert plan.items[launch.id].end == plan.items[beta.id].end == plan.items[build.id].end + dt.timedelta(days=1)
    assert titles(project, plan.critical_path) == ["Build", "Private beta", "Launch"]


def test_cycle_message_names_the_items_in_order():
    a = item("Alpha")
    b = item("Beta", after=(a,))
    c = item("Gamma", after=(b,))
    a.depends_on = [c.id]
    free = item("Free")
    with pytest.raises(ScheduleError) as caught:
        schedule(make(free, a, b, c), D0)
    assert str(caught.value) == "dependency cycle: Alpha → Beta → Gamma → Alpha"
    assert "\n" not in str(caught.value)


def test_self_dependency_is_a_cycle():
    a = item("Loop")
    a.depends_on = [a.id]
    with pytest.raises(ScheduleError, match="dependency cycle: Loop → Loop"):
        schedule(make(a), D0)


def test_missing_dependencies_are_ignored():
    a = item("A", 3)
    a.depends_on = ["no-such-item"]
    assert schedule(make(a), D0).items[a.id].start == D0


def test_lane_capacity_one_runs_items_one_after_another():
    lane = Lane(name="Team", capacity=1)
    a, b, c = (item(t, 4, lane_id=lane.id) for t in "ABC")
    plan = schedule(make(a, b, c, lanes=(lane,)), D0)
    assert [plan.items[x.id].start for x in (a, b, c)] == [day(0), day(4), day(8)]
    assert plan.items[a.id].waited_for is None
    assert plan.items[b.id].waited_for == a.id and plan.items[c.id].waited_for == b.id
    assert plan.critical_path == (a.id, b.id, c.id)  # capacity waits are part of the chain


def test_lane_capacity_two_runs_two_at_once():
    lane = Lane(name="Team", capacity=2)
    a, b, c, d = (item(t, 4, lane_id=lane.id) for t in "ABCD")
    other = Lane(name="Unlimited")
    e = item("E", 4, lane_id=other.id)
    plan = schedule(make(a, b, c, d, e, lanes=(lane, other)), D0)
    assert [plan.items[x.id].start for x in (a, b, c, d, e)] == [day(0), day(0), day(4), day(4), day(0)]


def test_milestones_take_no_capacity_and_successors_start_on_their_day():
    lane = Lane(name="Team", capacity=1)
    a = item("Build", 5, lane_id=lane.id)
    m = item("Launch", 7, (a,), milestone=True, lane_id=lane.id)  # a milestone is zero-length whatever it says
    b = item("Iterate", 2, (m,), lane_id=lane.id)
    plan = schedule(make(a, m, b, lanes=(lane,)), D0)
    assert plan.items[m.id].start == plan.items[m.id].end == day(5)  # the day after Build ends
    assert plan.items[b.id].start == day(5)  # on the milestone's day
    assert plan.items[m.id].duration_days == 0
    assert plan.critical_path == (a.id, m.id, b.id)


def test_pinned_items_keep_their_start_and_others_fit_around_them():
    lane = Lane(name="Team", capacity=1)
    pinned = item("Conference demo", 3, start=day(2), pinned=True, lane_id=lane.id)
    free = item("Refactor", 4, lane_id=lane.id)
    project = make(free, pinned, lanes=(lane,))
    plan = schedule(project, D0)
    assert plan.items[pinned.id].start == day(2) and plan.items[pinned.id].fixed
    assert plan.items[free.id].start == day(5)  # does not fit before the pinned item
    assert plan.items[free.id].waited_for == pinned.id
    assert not plan.conflicts


def test_pinned_conflict_names_both_items_and_does_not_move_it():
    a = item("Data collection", 10)
    pinned = item("Training run", 5, (a,), start=day(3), pinned=True)
    project = make(a, pinned)
    plan = schedule(project, D0)
    assert plan.items[pinned.id].start == day(3)
    (conflict,) = plan.conflicts
    assert (conflict.kind, conflict.item_id, conflict.other_id) == ("dependency", pinned.id, a.id)
    assert "Training run" in conflict.message and "Data collection" in conflict.message
    assert plan.items[a.id].slack_days < 0  # behind the pinned date


def test_done_items_stay_put_and_anchor_defaults_to_earliest_start():
    done = item("Research", 5, start=day(-30), status="done")
    later = item("Build", 5, start=day(40))
    plan = schedule(make(done, later))
    assert plan.anchor == day(-30)
    assert plan.items[done.id].start == day(-30) and plan.items[done.id].fixed
    assert plan.items[later.id].start == day(-30)  # as soon as possible


def test_empty_project():
    plan = schedule(make(), D0)
    assert plan.items == {} and plan.finish is None and plan.critical_path == ()


def test_schedule_command_is_one_undo_step_that_restores_the_starts():
    a = item("A", 5, start=day(20))
    b = item("B", 3, (a,))
    c = item("C", 2, start=D0)  # already where the schedule puts it
    project = make(a, b, c)
    before = {x.id: (x.start, x.duration_days, x.title) for x in project.items}
    plan = schedule(project, D0)
    command = schedule_command(project, plan)
    assert command.label == "Auto-schedule"
    assert {sub.entity_id for sub in command.commands} == {a.id, b.id}  # unchanged starts are left out
    assert all(sub.name == "start" for sub in command.commands)
    inverse = command.apply(project)
    assert (a.start, b.start, c.start) == (day(0), day(5), D0)
    assert inverse.label == "Auto-schedule"
    inverse.apply(project)
    assert {x.id: (x.start, x.duration_days, x.title) for x in project.items} == before


def test_deterministic_and_ties_broken_by_current_start_then_project_order():
    lane = Lane(name="Team", capacity=1)
    first = item("Second in project, earlier start", 2, start=day(9), lane_id=lane.id)
    second = item("First in project, no start", 2, lane_id=lane.id)
    third = item("Later start", 2, start=day(10), lane_id=lane.id)
    project = make(second, third, first, lanes=(lane,))
    one, two = schedule(project, D0), schedule(project, D0)
    assert one == two
    assert titles(project, one.order) == [first.title, third.title, second.title]


# -- random projects ----------------------------------------------------------------------------------


@st.composite
def projects(draw, pinned: bool = True) -> Project:
    lanes = [
        Lane(name=f"L{k}", capacity=draw(st.sampled_from([None, 1, 2, 3]))) for k in range(draw(st.integers(1, 3)))
    ]
    count = draw(st.integers(1, 14))
    items: list[TimelineItem] = []
    for k in range(count):
        earlier = draw(st.lists(st.integers(0, k - 1), max_size=3)) if k else []
        is_pinned = pinned and draw(st.booleans()) and draw(st.booleans())
        items.append(
            TimelineItem(
                title=f"I{k}",
                lane_id=draw(st.sampled_from(lanes)).id,
                duration_days=draw(st.integers(0, 8)),
                milestone=draw(st.integers(0, 5)) == 0,
                pinned=is_pinned,
                start=day(draw(st.integers(-5, 30))) if is_pinned or draw(st.booleans()) else None,
                depends_on=[items[j].id for j in earlier],
            )
        )
    order = draw(st.permutations(range(count)))  # project order need not be dependency order
    project = make(*(items[k] for k in order), lanes=tuple(lanes))
    return project


RANDOM = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def occupancy(project: Project, plan) -> dict[tuple[str, dt.date], int]:
    used: dict[tuple[str, dt.date], int] = {}
    for it in project.items:
        s = plan.items[it.id]
        for k in range(s.duration_days):
            key = (it.lane_id, s.start + dt.timedelta(days=k))
            used[key] = used.get(key, 0) + 1
    return used


@RANDOM
@given(projects())
def test_random_dependencies_respected_pins_kept_or_reported(project):
    plan = schedule(project, D0)
    conflicts = {(c.item_id, c.other_id) for c in plan.conflicts if c.kind == "dependency"}
    for it in project.items:
        s = plan.items[it.id]
        if it.pinned and it.start is not None:
            assert s.start == it.start
        else:
            assert s.start >= D0
        for ref in it.depends_on:
            pred = plan.items[ref]
            earliest = pred.start + dt.timedelta(days=pred.duration_days)
            assert s.start >= earliest or (it.id, ref) in conflicts
    assert plan == schedule(project, D0)


@RANDOM
@given(projects(pinned=False))
def test_random_capacity_never_exceeded_and_critical_path_has_no_slack(project):
    plan = schedule(project, D0)
    capacity = {lane.id: lane.capacity for lane in project.lanes}
    for (lane_id, _day), used in occupancy(project, plan).items():
        assert capacity[lane_id] is None or used <= capacity[lane_id]
    assert all(s.slack_days >= 0 for s in plan.items.values())
    assert [plan.items[i].slack_days for i in plan.critical_path] == [0] * len(plan.critical_path)
    assert max(s.end for s in plan.items.values()) == plan.finish == plan.items[plan.critical_path[-1]].end
    first = plan.items[plan.critical_path[0]]
    assert first.start == D0  # the chain starts at the anchor


def test_items_parked_on_the_board_are_left_out():
    from roadmap_desktop.domain.scheduling import parked, plan_view

    project = Project.new("Parked")
    lane = project.lanes[0].id
    dated = TimelineItem(title="Dated", lane_id=lane, start=dt.date(2027, 1, 4), duration_days=5)
    loose = TimelineItem(title="Loose", lane_id=lane, duration_days=3)
    later = TimelineItem(title="Later idea", lane_id=lane, horizon="later", depends_on=[dated.id])
    project.items = [dated, loose, later]
    assert [parked(i) for i in project.items] == [False, False, True]
    plan = schedule(plan_view(project))
    assert set(plan.items) == {dated.id, loose.id}
    command = schedule_command(project, plan)
    command.apply(project)
    assert later.start is None and loose.start is not None


def test_the_drawn_plan_keeps_every_date_places_the_rest_and_reports_late_starts():
    a = item("Data collection", 10, start=day(0))
    b = item("Training run", 5, (a,), start=day(20))  # drawn later than it needs to
    c = item("Evaluation", 3, (b,), start=day(22))  # drawn before Training run ends
    d = item("Report", 2, (c,))  # no date: placed after its predecessor
    project = make(a, b, c, d)
    plan = schedule(project, D0, keep_dates=True)
    assert [plan.items[i.id].start for i in (a, b, c)] == [day(0), day(20), day(22)]
    assert plan.items[d.id].start == day(25) and not plan.items[d.id].fixed
    assert all(plan.items[i.id].fixed for i in (a, b, c))
    (conflict,) = plan.conflicts
    assert (conflict.kind, conflict.item_id, conflict.other_id) == ("dependency", c.id, b.id)
    assert conflict.message.startswith("“Evaluation” starts")  # not called pinned: it is only drawn there
    assert titles(project, plan.critical_path) == ["Training run", "Evaluation", "Report"]  # the gap ends it
    assert plan.items[a.id].slack_days == 7  # Training run must end by Evaluation's day 22: start by 17
    assert schedule(project, D0).items[b.id].start == day(10)  # auto-schedule still moves it


def test_a_long_cycle_is_one_short_line_naming_the_first_few_and_counting_the_rest():
    steps = [item(f"Step {n} " + "with a very long title " * 10) for n in range(1, 301)]
    for earlier, later in itertools.pairwise(steps):
        later.depends_on = [earlier.id]
    steps[0].depends_on = [steps[-1].id]
    with pytest.raises(ScheduleError) as caught:
        schedule(make(*steps), D0)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 500, len(message)
    assert message.startswith("dependency cycle: Step 1 with a very long title")
    assert "… 295 more items → Step 1 " in message
    assert message.count(" → ") == 6  # five named, the count, and back to the first
