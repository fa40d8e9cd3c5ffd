"""Auto-scheduling of timeline items: finish-to-start dependencies, lane capacity, pinned dates,
the critical path and slack. The rules are written down in docs/scheduling.md.

Internally a day is its ``date.toordinal()`` and an item occupies the half-open day range
``[start, finish)`` with ``finish = start + duration``; a zero-length item (a milestone) has
``finish == start``, so a successor of a milestone may start on the milestone's own day, and a
successor of any other item starts the day after that item's last day.
"""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .commands import Command, Macro, SetField
from .dates import clamp, ordinal_problem, ordinal_text, range_problem
from .project import Project
from .timeline import TimelineItem

LABEL = "Auto-schedule"
_NO_START = dt.date.max.toordinal() + 1  # items without a start sort after every dated one


class ScheduleError(ValueError):
    """The items cannot be scheduled (a dependency cycle, or dates past the supported range); the message
    names the items."""


class ScheduleRangeError(ScheduleError):
    """The schedule would put an item (or the forecast a finish) outside the supported dates."""


@dataclass(frozen=True)
class ScheduledItem:
    item_id: str
    start: dt.date
    end: dt.date  # last day, inclusive; a milestone ends on its start day
    duration_days: int  # as scheduled: 0 for milestones
    slack_days: int  # total slack; negative only around a pinned conflict
    fixed: bool  # kept its start: pinned with a date, done with a date, or any dated item of a drawn plan
    waited_for: str | None  # the item in the same lane whose finish freed the capacity it needed


@dataclass(frozen=True)
class Conflict:
    kind: str  # "dependency": a kept item starts before a predecessor ends; "capacity": kept items overlap
    item_id: str  # the pinned (or, for capacity, done; in a drawn plan, any dated) item
    other_id: str  # the predecessor, or the fixed item it overlaps
    message: str


@dataclass(frozen=True)
class Schedule:
    anchor: dt.date
    items: dict[str, ScheduledItem]  # in project order
    order: tuple[str, ...]  # the order the items were placed in (topological)
    critical_path: tuple[str, ...]  # first to last
    finish: dt.date | None  # the latest end; None for a project without items
    conflicts: tuple[Conflict, ...]

    def changed_starts(self, project: Project) -> dict[str, dt.date]:
        """The new start of every item whose start the schedule changes, in project order."""
        return {
            item.id: self.items[item.id].start
            for item in project.items
            if item.id in self.items and item.start != self.items[item.id].start
        }


def effective_duration(item: TimelineItem) -> int:
    """Days the item occupies: milestones are zero-length whatever their duration says."""
    return 0 if item.milestone else max(int(item.duration_days), 0)


def is_fixed(item: TimelineItem) -> bool:
    """Auto-schedule keeps the start of pinned items and of finished work (when it has a start)."""
    return item.start is not None and (item.pinned or item.status == "done")


def predecessors(project: Project) -> list[list[int]]:
    """Per item (by index), the indexes of the items it depends on: existing ones, each once, in order."""
    index = {item.id: i for i, item in enumerate(project.items)}
    result: list[list[int]] = []
    for item in project.items:
        seen: list[int] = []
        for ref in item.depends_on:
            j = index.get(ref)
            if j is not None and j not in seen:
                seen.append(j)
        result.append(seen)
    return result


def parked(item: TimelineItem) -> bool:
    """An item on the Now / Next / Later board without a date: planned by horizon, not by date."""
    return item.start is None and bool(item.horizon)


def plan_view(project: Project) -> Project:
    """The project as auto-schedule and the forecast see it: without parked items (links to them
    are ignored like links to missing items). Shares the entities; read it, do not edit it."""
    return Project(
        info=project.info,
        lanes=project.lanes,
        items=[item for item in project.items if not parked(item)],
        risks=project.risks,
        requirements=project.requirements,
    )


def default_anchor(project: Project) -> dt.date:
    starts = [item.start for item in project.items if item.start is not None]
    return min(starts) if starts else clamp(dt.date.today())  # a clock set far off still plans in range


class _LaneUsage:
    """How many items run in one lane, as a step function over days."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.points: list[int] = []  # sorted day numbers where the usage changes
        self.usage: list[int] = []  # usage on [points[k], points[k + 1]); the last is always 0
        self.finishers: dict[int, str] = {}  # finish day -> the first item placed that finishes then
        self.spans: list[tuple[int, int, str]] = []

    def _split(self, day: int) -> int:
        k = bisect_left(self.points, day)
        if k < len(self.points) and self.points[k] == day:
            return k
        self.points.insert(k, day)
        self.usage.insert(k, self.usage[k - 1] if k > 0 else 0)
        return k

    def peak(self, start: int, finish: int) -> int:
        """The most items running at once on any day of [start, finish)."""
        k = max(bisect_right(self.points, start) - 1, 0)
        peak = 0
        while k < len(self.points) and self.points[k] < finish:
            peak = max(peak, self.usage[k])
            k += 1
        return peak

    def add(self, start: int, finish: int, item_id: str) -> None:
        if finish <= start:
            return  # zero-length items take no capacity
        first, last = self._split(start), self._split(finish)
        for k in range(first, last):
            self.usage[k] += 1
        self.finishers.setdefault(finish, item_id)
        self.spans.append((start, finish, item_id))

    def earliest(self, day: int, duration: int) -> int:
        """The first day >= ``day`` from which ``duration`` days have a free place (one pass)."""
        if duration <= 0:
            return day
        points, usage = self.points, self.usage
        k = max(bisect_right(points, day) - 1, 0)
        while k < len(points) and points[k] < day + duration:
            if usage[k] >= self.capacity:
                day = points[k + 1]  # the last segment has usage 0, so k + 1 exists
            k += 1
        return day


def _id(items: list[TimelineItem], index: int | None) -> str | None:
    return None if index is None else items[index].id


def _cycle_message(project: Project, preds: list[list[int]], remaining: set[int]) -> str:
    """Walk predecessors inside the unschedulable rest until an item repeats: that loop is a cycle."""
    node = min(remaining)
    path: list[int] = []
    position: dict[int, int] = {}
    while node not in position:
        position[node] = len(path)
        path.append(node)
        node = next(p for p in preds[node] if p in remaining)
    loop = path[position[node] :][::-1]  # predecessor first: each must finish before the next
    first = loop.index(min(loop))
    loop = loop[first:] + loop[:first]
    titles = [_short(project.items[i].title) for i in loop]
    if len(titles) > _CYCLE_NAMED + 1:  # one line, whatever the loop's length: the first few, then a count
        more = len(titles) - _CYCLE_NAMED
        titles = [*titles[:_CYCLE_NAMED], f"… {more} more items"]
    return "dependency cycle: " + " → ".join([*titles, titles[0]])


_CYCLE_NAMED = 5  # items a cycle message names before it counts the rest
_TITLE_SHOWN = 60  # characters of a title in a message


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_SHOWN else title[: _TITLE_SHOWN - 1] + "…"


def schedule(project: Project, anchor: dt.date | None = None, *, keep_dates: bool = False) -> Schedule:
    """Place every item as early as its dependencies, its lane's capacity and the anchor allow.

    ``keep_dates``: the roadmap as drawn: every item with a start keeps it and only items without one are
    placed; a drawn item that starts before a predecessor ends is a dependency conflict. The live forecast
    simulates this plan, so moving a bar moves the forecast. Raises ScheduleError naming a cycle's items.
    """
    items = project.items
    n = len(items)
    anchor = anchor or default_anchor(project)
    problem = range_problem(anchor)
    if problem:
        raise ScheduleRangeError(f"the anchor date {problem}")
    origin = anchor.toordinal()
    preds = predecessors(project)
    succs: list[list[int]] = [[] for _ in range(n)]
    for i, ps in enumerate(preds):
        for p in ps:
            succs[p].append(i)
    duration = [effective_duration(item) for item in items]
    fixed = [item.start is not None if keep_dates else is_fixed(item) for item in items]
    capacity = {lane.id: lane.capacity for lane in project.lanes if lane.capacity is not None}
    lanes = {lane_id: _LaneUsage(cap) for lane_id, cap in capacity.items()}
    conflicts: list[Conflict] = []

    # Fixed items hold their places first, so nothing movable is put where they already are.
    for i, item in enumerate(items):
        lane = lanes.get(item.lane_id)
        if not fixed[i] or lane is None or duration[i] == 0:
            continue
        begin = item.start.toordinal()  # type: ignore[union-attr]
        end = begin + duration[i]
        if lane.peak(begin, end) >= lane.capacity:
            other = next(o for s, f, o in lane.spans if s < end and f > begin)
            kept = "pinned " if item.pinned else "done " if item.status == "done" else ""
            conflicts.append(
                Conflict(
                    "capacity",
                    item.id,
                    other,
                    f"{kept}“{item.title}” overlaps "
                    f"“{project.find('item', other).title}” beyond the lane's capacity of {lane.capacity}",  # type: ignore[union-attr]
                )
            )
        lane.add(begin, end, item.id)

    # Kahn's algorithm; among ready items the earliest current start goes first, then project order.
    waiting = [len(ps) for ps in preds]
    ready = [(items[i].start.toordinal() if items[i].start else _NO_START, i) for i in range(n) if not waiting[i]]
    heapq.heapify(ready)
    start = [0] * n
    finish = [0] * n
    blocker: list[int | None] = [None] * n
    late_blocker: list[int | None] = [None] * n
    order: list[int] = []
    position = {item.id: i for i, item in enumerate(items)}

    def last_day(i: int) -> int:
        return finish[i] - 1 if duration[i] else start[i]

    while ready:
        _key, i = heapq.heappop(ready)
        order.append(i)
        item = items[i]
        earliest = origin
        for p in preds[i]:
            earliest = max(earliest, finish[p])
        if fixed[i]:
            start[i] = item.start.toordinal()  # type: ignore[union-attr]
            if item.pinned or (keep_dates and item.status != "done"):
                for p in preds[i]:
                    if finish[p] > start[i]:
                        kept = "pinned " if item.pinned else ""
                        conflicts.append(
                            Conflict(
                                "dependency",
                                item.id,
                                items[p].id,
                                f"{kept}“{item.title}” starts {item.start} but depends on “{items[p].title}”, "
                                f"which ends {dt.date.fromordinal(last_day(p))}",
                            )
                        )
        else:
            lane = lanes.get(item.lane_id)
            start[i] = lane.earliest(earliest, duration[i]) if lane else earliest
            if lane:
                if start[i] > earliest:
                    blocker[i] = position[lane.finishers[start[i]]]
                lane.add(start[i], start[i] + duration[i], item.id)
        finish[i] = start[i] + duration[i]
        _check_placed(item, start[i], last_day(i), moved=not fixed[i])
        for s in succs[i]:
            waiting[s] -= 1
            if not waiting[s]:
                heapq.heappush(ready, (items[s].start.toordinal() if items[s].start else _NO_START, s))
    if len(order) < n:
        raise ScheduleError(_cycle_message(project, preds, set(range(n)) - set(order)))

    # Backward pass over the same constraints (dependencies and capacity waits) for total slack.
    # A wait for a fixed item placed later in the order is left out: that item's finish is a constant anyway,
    # and following it could walk back into the waiting item.
    rank = {i: k for k, i in enumerate(order)}
    for i, b in enumerate(blocker):
        if b is not None and rank[b] > rank[i]:
            blocker[i] = None
            late_blocker[i] = b
    followers = [list(s) for s in succs]
    for i, b in enumerate(blocker):
        if b is not None:
            followers[b].append(i)
    end_of_project = max(finish, default=origin)
    latest_start = [0] * n
    for i in reversed(order):
        latest_finish = min((latest_start[s] for s in followers[i]), default=end_of_project)
        latest_start[i] = latest_finish - duration[i]

    critical: list[int] = []
    if n:
        # Ties go to the item placed last, so a milestone on the day its last task ends closes the path.
        node: int | None = min(range(n), key=lambda i: (-last_day(i), -finish[i], -rank[i]))
        while node is not None:
            critical.append(node)
            drivers = [*preds[node], *([blocker[node]] if blocker[node] is not None else [])]
            best = max(drivers, key=lambda p: finish[p], default=None)  # first of equals: max keeps the first
            node = best if best is not None and finish[best] >= start[node] else None
        critical.reverse()

    scheduled = {
        item.id: ScheduledItem(
            item_id=item.id,
            start=dt.date.fromordinal(start[i]),
            end=dt.date.fromordinal(last_day(i)),
            duration_days=duration[i],
            slack_days=latest_start[i] - start[i],
            fixed=fixed[i],
            waited_for=_id(items, blocker[i] if blocker[i] is not None else late_blocker[i]),
        )
        for i, item in enumerate(items)
    }
    return Schedule(
        anchor=anchor,
        items=scheduled,
        order=tuple(items[i].id for i in order),
        critical_path=tuple(items[i].id for i in critical),
        finish=dt.date.fromordinal(max(last_day(i) for i in range(n))) if n else None,
        conflicts=tuple(conflicts),
    )


def _check_placed(item: TimelineItem, first: int, last: int, moved: bool) -> None:
    """Refuse a placement outside the supported dates, naming the item (items are placed predecessors
    first, so the first one refused is the one the chain pushes out)."""
    problem = ordinal_problem(first) or ordinal_problem(last)
    if problem is None:
        return
    if moved:
        raise ScheduleRangeError(
            f"“{item.title}” would run {ordinal_text(first)} to {ordinal_text(last)}: {problem} "
            "(its dependencies, its lane's capacity or the anchor push it there)"
        )
    raise ScheduleRangeError(f"“{item.title}” runs {ordinal_text(first)} to {ordinal_text(last)}: {problem}")


def schedule_command(project: Project, result: Schedule) -> Macro:
    """One undo step that moves every item whose start the schedule changes (and touches nothing else)."""
    commands: list[Command] = [
        SetField("item", item_id, "start", start, LABEL) for item_id, start in result.changed_starts(project).items()
    ]
    return Macro(LABEL, commands)
