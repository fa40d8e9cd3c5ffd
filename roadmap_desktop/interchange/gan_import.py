"""GanttProject (.gan) files in: nested tasks, milestones, dependencies with lag, completion, notes and
resources, through the mapping in planner_import.

What the format holds (GanttProject's own reader and writer are the reference): ``<task>`` elements
nest; ``start`` is YYYY-MM-DD, ``duration`` counts working days of the project calendar (its default
week, ``<default-week sun="1" ...>`` with 1 = a day off, and its dated holidays), ``meeting="true"``
marks a milestone, ``complete`` is a percentage. A dependency is written on the PREDECESSOR:
``<depend id="successor" type="2" difference="lag days">`` with type 1 = start-start, 2 = finish-start,
3 = finish-finish, 4 = start-finish. ``<allocation task-id resource-id responsible>`` assigns ``<resource>`` people.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from ..domain.project import Project
from ..domain.timeline import MAX_DURATION_DAYS
from .planner_import import Dropped, Link, PlannerImport, PlanTask, build_import
from .safe_xml import PlannerReadError, local, read_xml

_GAN_TYPES = {"1": "SS", "2": "FS", "3": "FF", "4": "SF", "SS": "SS", "FS": "FS", "FF": "FF", "SF": "SF"}
_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
# Parts of a .gan with plan data the project has no place for; the view's settings are not reported.
_REPORTED = {"previous": "baselines", "vacations": "resource vacations"}


def import_gan(path: str | os.PathLike[str], project: Project) -> PlannerImport:
    """Read the .gan file at ``path`` and plan its import into ``project`` (nothing changes until the
    command is applied); raises PlannerReadError with one line."""
    file = Path(path)
    root = read_xml(file, "GanttProject file")
    return gan_import(root, project, file.name, file)


def gan_import(root: ET.Element, project: Project, source: str, where: str | os.PathLike[str]) -> PlannerImport:
    if local(root.tag) != "project" or (root.find("tasks") is None and not root.findall("task")):
        raise PlannerReadError(where, "is not a GanttProject file (no <project> with <tasks>)")
    dropped = Dropped()
    for child in root:
        name = local(child.tag)
        if name in _REPORTED and len(child):
            dropped[_REPORTED[name]] += len(child)
    calendar = _Calendar(root)
    owners = _owners(root)
    tasks: list[PlanTask] = []
    successors: list[tuple[str, str, str, float]] = []  # (predecessor, successor, type, lag)
    tasks_element = root.find("tasks")
    container = tasks_element if tasks_element is not None else root
    _walk(container, 1, tasks, successors, owners, calendar, dropped, where)
    by_key = {task.key: task for task in tasks}
    for predecessor, successor, kind, lag in successors:
        target = by_key.get(successor)
        if target is None:
            dropped["links to missing tasks"] += 1
        else:
            target.links.append(Link(predecessor, kind, lag))
    return build_import(tasks, project, source, dropped, root.get("name", ""))


def _walk(
    parent: ET.Element,
    level: int,
    tasks: list[PlanTask],
    successors: list[tuple[str, str, str, float]],
    owners: dict[str, list[str]],
    calendar: _Calendar,
    dropped: Dropped,
    where: str | os.PathLike[str],
) -> None:
    for element in parent:
        if local(element.tag) != "task":
            continue
        key = element.get("id", "")
        name = element.get("name", "")
        milestone = element.get("meeting", "false").lower() == "true"
        start = _date(element.get("start"), name, where)
        duration = _number(element.get("duration"))
        task = PlanTask(
            key=key,
            name=name,
            level=level,
            start=start,
            days=_calendar_days(start, duration, calendar) if start is not None and duration is not None else None,
            milestone=milestone,
            percent=_number(element.get("complete")) or 0.0,
            notes="".join(element.findtext("notes") or ""),
            owners=owners.get(key, []),
        )
        tasks.append(task)
        custom = element.findall("customproperty")
        if custom:
            dropped["custom task fields"] += len(custom)
        for depend in element.findall("depend"):
            kind = _GAN_TYPES.get(depend.get("type", "2").strip().upper(), "?")
            successors.append((key, depend.get("id", ""), kind, _number(depend.get("difference")) or 0.0))
        _walk(element, level + 1, tasks, successors, owners, calendar, dropped, where)


def _date(text: str | None, name: str, where: str | os.PathLike[str]) -> dt.date | None:
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise PlannerReadError(where, f"task {name[:80]!r} has the start {text[:40]!r}, not a date") from None
    return day  # outside the supported range, build_import refuses it with the range in words


def _number(text: str | None) -> float | None:
    try:
        value = float(text) if text is not None and text.strip() else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None  # "inf" and "nan" are no numbers


class _Calendar:
    """The project calendar: the default week (GanttProject's has Saturday and Sunday off) and the
    dated exceptions, ``<date year month date type="HOLIDAY|WORKING_DAY">`` (no year: every year)."""

    def __init__(self, root: ET.Element) -> None:
        week = root.find("calendars/day-types/default-week")
        if week is None:
            week = root.find("calendars/default-week")
        days = tuple(week.get(day, "0").strip() != "1" for day in _WEEK) if week is not None else (True,) * 7
        self.week = days if any(days) else (True,) * 7
        self.exceptions: dict[tuple[int, int, int], bool] = {}  # (year or 0, month, day): working
        for element in root.iterfind("calendars/date"):
            try:
                year = int(element.get("year") or 0)
                key = (year, int(element.get("month", "")), int(element.get("date", "")))
            except ValueError:
                continue
            self.exceptions[key] = element.get("type", "HOLIDAY").upper() == "WORKING_DAY"

    def working(self, day: dt.date) -> bool:
        for key in ((day.year, day.month, day.day), (0, day.month, day.day)):
            if key in self.exceptions:
                return self.exceptions[key]
        return self.week[day.weekday()]


def _calendar_days(start: dt.date, duration: float, calendar: _Calendar) -> int:
    """Calendar days from ``start`` through the last of ``duration`` working days, both included."""
    wanted = max(round(duration), 1)
    if wanted > MAX_DURATION_DAYS:
        return wanted  # build_import refuses it; no need to walk the calendar
    day, counted, span = start.toordinal(), 0, 0
    last = dt.date.max.toordinal()
    while span <= 4 * MAX_DURATION_DAYS:  # a calendar with hardly a working day still ends
        span += 1
        if day > last or calendar.working(dt.date.fromordinal(day)):
            counted += 1
            if counted == wanted:
                return span
        day += 1
    return span


def _owners(root: ET.Element) -> dict[str, list[str]]:
    """{task id: resource names}, the responsible one first."""
    names = {r.get("id", ""): r.get("name", "") for r in root.iterfind("resources/resource")}
    owners: dict[str, list[str]] = {}
    for allocation in root.iterfind("allocations/allocation"):
        name = names.get(allocation.get("resource-id", ""), "")
        if not name:
            continue
        names_of_task = owners.setdefault(allocation.get("task-id", ""), [])
        if name in names_of_task:
            continue
        if allocation.get("responsible", "false").lower() == "true":
            names_of_task.insert(0, name)
        else:
            names_of_task.append(name)
    return owners
