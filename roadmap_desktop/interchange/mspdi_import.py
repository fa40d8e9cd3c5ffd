"""MS Project XML (MSPDI) in: tasks in outline order, milestones, predecessors with type and lag,
ISO 8601 durations, completion, notes, assigned resources; through the mapping in planner_import.

MSPDI facts used here: ``OutlineLevel`` 0 is the project's own summary task (skipped); ``Start`` and
``Finish`` are local date-times (a finish at 00:00 is the end of the day before); ``Duration`` is
working time such as ``PT80H0M0S`` (used only when a task has no finish, at ``MinutesPerDay``);
``PredecessorLink/Type`` is 0 = finish-finish, 1 = finish-start, 2 = start-finish, 3 = start-start;
``LinkLag`` is in tenths of a minute, of working time unless ``LagFormat`` is an elapsed one;
``ConstraintType`` 2 or 3 (must start / finish on) pins the date.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..domain.project import Project
from .planner_import import Dropped, Link, PlannerImport, PlanTask, build_import
from .safe_xml import PlannerReadError, local, read_xml

_LINK_TYPES = {"0": "FF", "1": "FS", "2": "SF", "3": "SS"}
_ELAPSED_FORMATS = {"4", "6", "8", "10", "12"}  # elapsed minutes, hours, days, weeks, months
_PERCENT_FORMATS = {"19", "20"}
_ISO_DURATION = re.compile(
    r"-?P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<MO>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?(?:(?P<D>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MI>\d+(?:\.\d+)?)M)?(?:(?P<S>\d+(?:\.\d+)?)S)?)?"
)
# Task parts with data the project has no place for, by element name.
_REPORTED = {
    "ExtendedAttribute": "custom task fields",
    "Baseline": "baselines",
    "OutlineCode": "outline codes",
    "TimephasedData": "timephased data",
}


def import_mspdi(path: str | os.PathLike[str], project: Project) -> PlannerImport:
    """Read the MS Project XML file at ``path`` and plan its import into ``project`` (nothing changes
    until the command is applied); raises PlannerReadError with one line."""
    file = Path(path)
    root = read_xml(file, "MS Project XML file")
    return mspdi_import(root, project, file.name, file)


def iso_duration_hours(text: str, hours_per_day: float = 8.0) -> float | None:
    """Hours in an ISO 8601 duration (``PT80H0M0S``, ``P2DT4H``); days, weeks, months and years count as
    working days of ``hours_per_day`` (5 a week, 20 a month, 260 a year). None if it is not one."""
    match = _ISO_DURATION.fullmatch(text.strip())
    if not match or text.strip().lstrip("-") in ("P", "PT"):
        return None
    part = {name: float(value) if value else 0.0 for name, value in match.groupdict().items()}
    days = part["D"] + 5 * part["W"] + 20 * part["MO"] + 260 * part["Y"]
    hours = days * hours_per_day + part["H"] + part["MI"] / 60 + part["S"] / 3600
    if not math.isfinite(hours):
        return None  # 400 digits of hours are no duration
    return -hours if text.strip().startswith("-") else hours


def mspdi_import(root: ET.Element, project: Project, source: str, where: str | os.PathLike[str]) -> PlannerImport:
    if local(root.tag) != "Project" or _child(root, "Tasks") is None:
        raise PlannerReadError(where, "is not an MS Project XML file (no <Project> with <Tasks>)")
    minutes_per_day = _number(_text(root, "MinutesPerDay")) or 480.0
    if minutes_per_day <= 0:
        minutes_per_day = 480.0
    dropped = Dropped()
    owners = _owners(root)
    tasks: list[PlanTask] = []
    for element in _children(_child(root, "Tasks"), "Task"):
        if _text(element, "IsNull") == "1":
            continue
        level = int(_number(_text(element, "OutlineLevel")) or 1)
        if level <= 0:
            continue  # the project summary task
        tasks.append(_task(element, level, minutes_per_day, owners, dropped, where))
    return build_import(tasks, project, source, dropped, _text(root, "Title") or _text(root, "Name"))


def _task(
    element: ET.Element,
    level: int,
    minutes_per_day: float,
    owners: dict[str, list[str]],
    dropped: Dropped,
    where: str | os.PathLike[str],
) -> PlanTask:
    key = _text(element, "UID")
    name = _text(element, "Name")
    start = _datetime(_text(element, "Start"), name, where)
    finish = _datetime(_text(element, "Finish"), name, where)
    days = None
    if start is not None and finish is not None:
        last = finish.date()
        if finish.time() == dt.time(0, 0) and finish.date() > start.date():
            last -= dt.timedelta(days=1)  # a finish at midnight ends the day before
        days = max((last - start.date()).days + 1, 1)
    elif start is not None:
        hours = iso_duration_hours(_text(element, "Duration"), minutes_per_day / 60)
        if hours is not None:
            days = max(math.ceil(hours / (minutes_per_day / 60) - 1e-9), 1)
    for child in element:
        what = _REPORTED.get(local(child.tag))
        if what:
            dropped[what] += 1
    links = []
    for link in _children(element, "PredecessorLink"):
        lag = _number(_text(link, "LinkLag")) or 0.0
        lag_format = _text(link, "LagFormat")
        if lag_format in _PERCENT_FORMATS:
            lag_days = 0.0
        else:
            per_day = 24 * 60 * 10 if lag_format in _ELAPSED_FORMATS else minutes_per_day * 10
            lag_days = lag / per_day
        kind = _LINK_TYPES.get(_text(link, "Type") or "1", "?")
        links.append(Link(_text(link, "PredecessorUID"), kind, lag_days))
    return PlanTask(
        key=key,
        name=name,
        level=level,
        start=start.date() if start is not None else None,
        days=days,
        milestone=_text(element, "Milestone") == "1",
        percent=_number(_text(element, "PercentComplete")) or 0.0,
        notes=_text(element, "Notes"),
        owners=owners.get(key, []),
        links=links,
        pinned=_text(element, "ConstraintType") in ("2", "3"),
        summary_flag=_text(element, "Summary") == "1",
    )


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    for child in element:
        if local(child.tag) == name:
            return child
    return None


def _children(element: ET.Element | None, name: str) -> list[ET.Element]:
    return [] if element is None else [child for child in element if local(child.tag) == name]


def _text(element: ET.Element, name: str) -> str:
    child = _child(element, name)
    return (child.text or "").strip() if child is not None else ""


def _number(text: str) -> float | None:
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


def _datetime(text: str, name: str, where: str | os.PathLike[str]) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text[:19])
    except ValueError:
        raise PlannerReadError(where, f"task {name[:80]!r} has the date {text[:40]!r}, not a date and time") from None


def _owners(root: ET.Element) -> dict[str, list[str]]:
    """{task UID: resource names}, in the order of the assignments."""
    names = {}
    for resource in _children(_child(root, "Resources"), "Resource"):
        if _text(resource, "IsNull") != "1":
            names[_text(resource, "UID")] = _text(resource, "Name")
    owners: dict[str, list[str]] = {}
    for assignment in _children(_child(root, "Assignments"), "Assignment"):
        name = names.get(_text(assignment, "ResourceUID"), "")
        task_names = owners.setdefault(_text(assignment, "TaskUID"), [])
        if name and name not in task_names:
            task_names.append(name)
    return owners
