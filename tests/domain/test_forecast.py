"""Monte Carlo forecast: reproducible with a seed, ordered percentiles, exact dates without spread, risks
that push finishes later, histograms that count every run, and agreement with the schedule."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from test_scheduling import projects  # tests/domain is on sys.path (rootdir-relative imports)

from roadmap_desktop.domain.forecast import duration_range, forecast
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.scheduling import schedule
from roadmap_desktop.domain.timeline import Lane, TimelineItem

D0 = dt.date(2026, 3, 2)


def day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def sample() -> Project:
    project = Project.new("Forecast")
    lane = Lane(name="ML", capacity=1)
    project.lanes = [lane]
    data = TimelineItem(title="Collect data", duration_days=10, lane_id=lane.id)
    train = TimelineItem(title="Train", duration_days=8, optimistic_days=5, pessimistic_days=20, lane_id=lane.id)
    train.depends_on = [data.id]
    evaluate = TimelineItem(title="Evaluate", duration_days=4, lane_id=lane.id)  # waits for the lane
    beta = TimelineItem(title="Beta", milestone=True, duration_days=0, depends_on=[train.id, evaluate.id])
    project.items = [data, train, evaluate, beta]
    project.risks = [
        Risk(title="GPU shortage", likelihood=3, delay_days=7, item_ids=[train.id]),
        Risk(title="No delay given", likelihood=5, item_ids=[train.id]),
    ]
    return project


def fixed(project: Project) -> Project:
    for it in project.items:
        it.optimistic_days = it.pessimistic_days = it.duration_days
    project.risks = []
    return project


def test_same_seed_same_result_other_seed_differs():
    project = sample()
    one = forecast(project, runs=2000, seed=7)
    assert one == forecast(project, runs=2000, seed=7)
    other = forecast(project, runs=2000, seed=8)
    assert one.roadmap_histogram != other.roadmap_histogram


def test_percentiles_ordered_and_histograms_count_every_run():
    project = sample()
    result = forecast(project, runs=3000, seed=1)
    assert result.runs == 3000
    for p in [result.roadmap, *result.milestones.values(), *result.items.values()]:
        assert p.p50 <= p.p80 <= p.p90
    assert sum(result.roadmap_histogram.counts) == 3000
    beta = project.items[3]
    assert list(result.milestones) == [beta.id]
    histogram = result.milestone_histograms[beta.id]
    assert sum(histogram.counts) == 3000
    assert len(histogram.edges) == len(histogram.counts) + 1
    assert histogram.edge_dates[0] == result.anchor + dt.timedelta(days=histogram.edges[0])
    assert result.risk_counts == {it.id: (2 if it.title == "Train" else 0) for it in project.items}


def test_fixed_durations_give_zero_spread_and_the_scheduled_dates():
    project = fixed(sample())
    plan = schedule(project, D0)
    result = forecast(project, plan, runs=500)
    assert result.roadmap.p50 == result.roadmap.p90 == plan.finish
    for item_id, p in result.items.items():
        assert p.p50 == p.p80 == p.p90 == plan.items[item_id].end
    assert set(result.roadmap_histogram.counts) == {500}


def test_a_certain_risk_moves_the_forecast_by_its_delay():
    project = fixed(sample())
    train = project.items[1]
    project.risks = [Risk(title="Always", likelihood=5, delay_days=6, item_ids=[train.id])]
    plan = schedule(project, D0)
    certain = forecast(project, plan, runs=200, likelihood_probability={5: 1.0})
    assert certain.roadmap.p50 == certain.roadmap.p90 == plan.finish + dt.timedelta(days=6)
    assert certain.items[train.id].p50 == plan.items[train.id].end + dt.timedelta(days=6)
    project.risks[0].status = "closed"  # closed risks no longer happen
    assert forecast(project, plan, runs=200, likelihood_probability={5: 1.0}).roadmap.p50 == plan.finish


def test_a_likely_risk_shifts_the_mean_by_probability_times_delay():
    project = sample()
    plan = schedule(project, D0)
    without = forecast(project, plan, runs=20000, seed=3, likelihood_probability={})
    with_risk = forecast(project, plan, runs=20000, seed=3)
    # likelihood 3 -> 50 %, delay 7 days on the critical Train item
    assert with_risk.roadmap.mean_days - without.roadmap.mean_days == pytest.approx(3.5, abs=0.3)
    assert with_risk.roadmap.p90 >= without.roadmap.p90


def test_a_delayed_milestone_slides_and_stays_a_point():
    project = fixed(sample())
    beta = project.items[3]
    project.risks = [Risk(title="Sign-off late", likelihood=5, delay_days=3, item_ids=[beta.id])]
    plan = schedule(project, D0)
    result = forecast(project, plan, runs=100, likelihood_probability={5: 1.0})
    assert result.milestones[beta.id].p50 == plan.items[beta.id].end + dt.timedelta(days=3)


def test_pinned_item_never_starts_before_its_date_and_done_items_are_history():
    project = Project.new("Pins")
    project.lanes = []
    done = TimelineItem(title="Kick-off", duration_days=3, start=day(0), status="done", pessimistic_days=30)
    pinned = TimelineItem(title="Fair", duration_days=2, start=day(20), pinned=True, depends_on=[done.id])
    pinned.optimistic_days = pinned.pessimistic_days = 2
    project.items = [done, pinned]
    project.risks = [Risk(title="Late", likelihood=5, delay_days=9, item_ids=[done.id])]
    result = forecast(project, schedule(project, D0), runs=300, likelihood_probability={5: 1.0})
    assert result.items[done.id].p90 == day(2)  # history: no spread, no risk
    assert result.items[pinned.id].p50 == result.items[pinned.id].p90 == day(21)


def test_duration_range_rules():
    assert duration_range(TimelineItem(duration_days=10)) == (8, 10, 15)
    assert duration_range(TimelineItem(duration_days=1)) == (1, 1, 2)
    assert duration_range(TimelineItem(duration_days=3)) == (2, 3, 5)  # 2.4 -> 2, 4.5 -> 5 (halves up)
    assert duration_range(TimelineItem(duration_days=5, optimistic_days=9, pessimistic_days=2)) == (5, 5, 5)
    assert duration_range(TimelineItem(duration_days=9, milestone=True)) == (0, 0, 0)


def test_pert_distribution_and_bad_arguments():
    project = sample()
    result = forecast(project, runs=1000, distribution="pert")
    assert result.roadmap.p50 <= result.roadmap.p80 <= result.roadmap.p90
    with pytest.raises(ValueError, match="runs"):
        forecast(project, runs=0)
    with pytest.raises(ValueError, match="distribution"):
        forecast(project, distribution="normal")


def test_triangular_draws_follow_the_distribution():
    project = Project.new("One")
    project.items = [TimelineItem(title="Only", duration_days=10, optimistic_days=4, pessimistic_days=22)]
    result = forecast(project, schedule(project, D0), runs=40000, seed=5)
    # mean of triangular(4, 10, 22) is 12 days: the last day is 11 days after the start on average
    assert result.items[project.items[0].id].mean_days == pytest.approx(11.0, abs=0.1)
    histogram = result.roadmap_histogram
    assert histogram.edges[0] >= 3 and histogram.edges[-1] <= 23
    peak = histogram.edges[int(np.argmax(histogram.counts))]
    assert 8 <= peak <= 10  # the mode: a 10-day item ends 9 days after its start


def test_empty_project():
    result = forecast(Project.new("Empty"), runs=10)
    assert result.roadmap is None and result.items == {} and result.milestones == {}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_random_projects_without_spread_forecast_the_schedule(project):
    fixed(project)
    plan = schedule(project, D0)
    result = forecast(project, plan, runs=20)
    conflicted = {c.item_id for c in plan.conflicts if c.kind == "dependency"}
    if not conflicted:
        assert result.roadmap.p50 == result.roadmap.p90 == plan.finish
        for item_id, p in result.items.items():
            assert p.p50 == p.p90 == plan.items[item_id].end


def test_the_drawn_plan_forecast_follows_a_moved_item():
    project = fixed(sample())
    project.lanes[0].capacity = None
    for it, start in zip(project.items, (day(0), day(10), day(0), day(18)), strict=True):
        it.start = start
    beta = project.items[3]
    before = forecast(project, schedule(project, D0, keep_dates=True), runs=200)
    assert before.milestones[beta.id].p80 == day(18)
    project.items[1].start = day(24)  # "Train" dragged two weeks later by hand, not pinned
    after = forecast(project, schedule(project, D0, keep_dates=True), runs=200)
    assert after.milestones[beta.id].p80 == day(32)  # Beta waits for Train: 24 + 8 days
    assert forecast(project, schedule(project, D0), runs=200).milestones[beta.id].p80 == day(18)
