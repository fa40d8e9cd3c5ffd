"""Turning the tasks of another planner (GanttProject, MS Project XML) into lanes and timeline items.

The readers (gan_import, mspdi_import) each produce ``PlanTask`` rows in outline order; ``build_import``
applies the one mapping both share:

- A top-level task with sub-tasks becomes a lane (an existing lane of the same name is reused); every
  task below it that has no sub-tasks of its own becomes an item in that lane, however deep. Summary
  tasks further down are flattened (their sub-tasks stay, they do not). A top-level task without
  sub-tasks becomes an item without a lane.
- Dates are kept as the file has them, in calendar days: a dependency's lag is already in them. An
  item whose every finish-to-start link has a positive lag is pinned, so Auto-schedule keeps the gap.
- Only finish-to-start links become dependencies (the only kind the timeline has); the others, links
  to summary tasks and links to unknown tasks are counted in the summary line.
- Completion: 0 % is not started, 100 % done, anything between in progress.
- A date outside the supported range (domain/dates.py) refuses the whole import with one line.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ..domain.commands import Command, InsertEntity, Macro
from ..domain.dates import ordinal_problem, range_problem
from ..domain.fields import MAX_TEXT
from ..domain.project import Project
from ..domain.timeline import MAX_DURATION_DAYS, Lane, TimelineItem
from .controls import strip_controls
from .safe_xml import PlannerReadError

MAX_TASKS = 20_000
LINK_TYPES = ("FS", "SS", "FF", "SF")
_LINK_NAMES = {"SS": "start-to-start links", "FF": "finish-to-finish links", "SF": "start-to-finish links"}
# Every kind of part an import may leave out, as the summary line names it (the app translates each).
DROPPED_KINDS = (
    "baselines",
    "custom task fields",
    "finish-to-finish links",
    "links of a task to itself",
    "links of an unknown type",
    "links of summary tasks",
    "links to missing tasks",
    "links to summary tasks",
    "nested summary tasks, flattened",
    "outline codes",
    "resource vacations",
    "start-to-finish links",
    "start-to-start links",
    "tasks with a repeated id",
    "timephased data",
)


@dataclass
class Link:
    """``predecessor`` (a task key of the same file) must reach the point ``type`` names first."""

    predecessor: str
    type: str = "FS"
    lag_days: float = 0.0


@dataclass
class PlanTask:
    key: str  # the file's own task id
    name: str
    level: int  # 1 = top level
    start: dt.date | None = None
    days: int | None = None  # calendar days from start to finish, both included; None: not given
    milestone: bool = False
    percent: float = 0.0
    notes: str = ""
    owners: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    pinned: bool = False
    summary_flag: bool = False  # the file marks it a summary task (it may still have no sub-tasks)


class Dropped(Counter):
    """What the file holds that the project cannot: {what: how many}."""

    def line(self) -> str:
        if not self:
            return ""
        return "not imported: " + ", ".join(f"{what} ({count})" for what, count in sorted(self.items()))


@dataclass
class PlannerImport:
    command: Macro  # one undo step: the new lanes, then the items
    lanes: list[Lane]
    items: list[TimelineItem]
    plan_name: str
    source: str
    dropped: Dropped

    def summary(self) -> str:
        """One line for the status bar or the terminal, then the summary of what was left out."""
        lanes = len(self.lanes)
        text = f"imported {_count(len(self.items), 'item')} and {_count(lanes, 'new lane')} from {self.source}"
        return text + (f"; {self.dropped.line()}" if self.dropped else "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def clean_text(text: str, limit: int = MAX_TEXT, keep: str = "\n\t") -> str:
    return strip_controls(text or "", keep=keep).strip()[:limit]


def status_for(percent: float) -> str:
    if percent >= 100:
        return "done"
    return "in_progress" if percent > 0 else "not_started"


def build_import(
    tasks: list[PlanTask], project: Project, source: str, dropped: Dropped, plan_name: str = ""
) -> PlannerImport:
    """The lanes and items for ``tasks`` and ONE Macro that adds them to ``project``; raises
    PlannerReadError (one line) for a date outside the supported range or too many tasks."""
    if len(tasks) > MAX_TASKS:
        raise PlannerReadError(source, f"has more than {MAX_TASKS} tasks")
    keys: set[str] = set()
    unique: list[PlanTask] = []
    for task in tasks:
        if task.key in keys:
            dropped["tasks with a repeated id"] += 1
            continue
        keys.add(task.key)
        unique.append(task)
    tasks = unique
    has_children = [index + 1 < len(tasks) and tasks[index + 1].level > task.level for index, task in enumerate(tasks)]
    existing = {lane.name: lane for lane in project.lanes}
    new_lanes: list[Lane] = []
    items: dict[str, TimelineItem] = {}  # by task key
    summaries: set[str] = set()
    lane_id, lane_level = "", 0
    for task, parent in zip(tasks, has_children, strict=True):
        if lane_level and task.level <= lane_level:
            lane_id, lane_level = "", 0
        top = not lane_level
        if parent or (top and task.summary_flag and task.level <= 1):
            summaries.add(task.key)
            if top:
                lane_id, lane_level = _lane(task, existing, new_lanes), task.level
            else:
                dropped["nested summary tasks, flattened"] += 1
            continue
        items[task.key] = _item(task, lane_id, source)
    by_key = {task.key: task for task in tasks}
    for task in tasks:
        item = items.get(task.key)
        if item is None:
            if task.links:
                dropped["links of summary tasks"] += len(task.links)
            continue
        _link(task, item, items, by_key, summaries, dropped)
    commands: list[Command] = [InsertEntity("lane", lane, None, "Import lane") for lane in new_lanes]
    commands += [InsertEntity("item", item, None, "Import item") for item in items.values()]
    label = f"Import {_count(len(items), 'item')} from {source}"
    name = clean_text(plan_name, keep="")
    return PlannerImport(Macro(label, commands), new_lanes, list(items.values()), name, source, dropped)


def _lane(task: PlanTask, existing: dict[str, Lane], new_lanes: list[Lane]) -> str:
    name = clean_text(task.name, keep="") or f"Lane {task.key}"
    lane = existing.get(name)
    if lane is None:
        lane = existing[name] = Lane(name=name)
        new_lanes.append(lane)
    return lane.id


def _item(task: PlanTask, lane_id: str, source: str) -> TimelineItem:
    title = clean_text(task.name, keep="") or f"Task {clean_text(task.key, 200, keep='')}"
    if task.start is not None:
        problem = range_problem(task.start)
        if problem:
            raise PlannerReadError(source, f"task {title[:80]!r} starts on {problem}; nothing was imported")
    days = 0 if task.milestone else max(task.days if task.days is not None else 1, 1)
    if days > MAX_DURATION_DAYS:
        raise PlannerReadError(
            source, f"task {title[:80]!r} lasts {days} days, more than {MAX_DURATION_DAYS}; nothing was imported"
        )
    if task.start is not None and days:
        problem = ordinal_problem(task.start.toordinal() + days - 1)
        if problem:
            raise PlannerReadError(source, f"task {title[:80]!r} ends on {problem}; nothing was imported")
    return TimelineItem(
        title=title,
        lane_id=lane_id,
        start=task.start,
        duration_days=days,
        milestone=task.milestone,
        pinned=task.pinned,
        status=status_for(task.percent),
        owner=clean_text(", ".join(o for o in (clean_text(x, keep="") for x in task.owners) if o), keep=""),
        notes=clean_text(task.notes),
    )


def _link(
    task: PlanTask,
    item: TimelineItem,
    items: dict[str, TimelineItem],
    by_key: dict[str, PlanTask],
    summaries: set[str],
    dropped: Dropped,
) -> None:
    lags: list[float] = []
    for link in task.links:
        target = items.get(link.predecessor)
        if link.predecessor == task.key:
            dropped["links of a task to itself"] += 1
        elif link.predecessor in summaries:
            dropped["links to summary tasks"] += 1
        elif target is None or link.predecessor not in by_key:
            dropped["links to missing tasks"] += 1
        elif link.type != "FS":
            dropped[_LINK_NAMES.get(link.type, "links of an unknown type")] += 1
        elif target.id not in item.depends_on:
            item.depends_on.append(target.id)
            lags.append(link.lag_days)
    if lags and min(lags) > 0 and item.start is not None:
        item.pinned = True  # a gap after even the latest predecessor: Auto-schedule would close it
