"""The timeline as MS Project XML (MSPDI), which MS Project, ProjectLibre, GanttProject and OmniPlan open.

- Each lane with dated items is a summary task (outline level 1); its items are its sub-tasks in
  project order. Items without a lane follow at level 1. Items without a start date, and lanes without
  dated items, are left out (``left_out`` counts them).
- The project calendar works every day, 08:00-12:00 and 13:00-17:00: the timeline counts calendar
  days, so a 10-day item is 80 hours of work and ends on the same date in every reader.
- Every item is "start no earlier than" its start, a pinned one "must start on" it, so a reader that
  re-schedules keeps the dates; dependencies are finish-to-start links whose lag is the gap between
  the dates (negative for an overlap).
- Owners become resources (split at commas and semicolons) assigned to the item; completion is 0,
  50 (in progress, blocked) or 100 (done); notes are the item's notes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..domain.project import Project
from ..domain.timeline import TimelineItem
from ..persistence.atomic import atomic_write_text
from .controls import strip_controls

NAMESPACE = "http://schemas.microsoft.com/project"
DAY_START, DAY_FINISH = "08:00:00", "17:00:00"
HOURS_PER_DAY = 8
LAG_PER_DAY = HOURS_PER_DAY * 60 * 10  # LinkLag is in tenths of a minute of working time
CONSTRAINT_SNET, CONSTRAINT_MSO = "4", "2"
_PERCENT = {"done": 100, "in_progress": 50, "blocked": 50}
_XML_INVALID = re.compile("[\ufffe\uffff\ud800-\udfff]")


@dataclass
class MspdiExport:
    text: str
    left_out: int  # items without a start date


def _clean(text: str, keep: str = "\n\t") -> str:
    return _XML_INVALID.sub("", strip_controls(text, keep=keep))


def _add(parent: ET.Element, name: str, text: object) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = str(text)
    return element


def _stamp(day: dt.date, time: str) -> str:
    return f"{day.isoformat()}T{time}"


def _hours(days: int) -> str:
    return f"PT{days * HOURS_PER_DAY}H0M0S"


def owners_of(text: str) -> list[str]:
    """The people in an owner field: split at commas and semicolons (also the full-width ones)."""
    return [name.strip() for name in re.split(r"[,;，；、]", text) if name.strip()]


def project_to_mspdi(project: Project) -> MspdiExport:
    dated = [item for item in project.items if item.start is not None]
    lanes = {lane.id: lane for lane in project.lanes}
    groups: list[tuple[str, list[TimelineItem]]] = []
    for lane in project.lanes:
        members = [item for item in dated if item.lane_id == lane.id]
        if members:
            groups.append((lane.name, members))
    loose = [item for item in dated if item.lane_id not in lanes]

    root = ET.Element("Project", xmlns=NAMESPACE)
    _add(root, "SaveVersion", 14)
    _add(root, "Name", _clean(project.info.name, keep="") + ".xml")
    _add(root, "Title", _clean(project.info.name, keep=""))
    _add(root, "CreationDate", project.created.strftime("%Y-%m-%dT%H:%M:%S"))
    _add(root, "LastSaved", project.modified.strftime("%Y-%m-%dT%H:%M:%S"))
    _add(root, "ScheduleFromStart", 1)
    if dated:
        first = min(item.start for item in dated)  # type: ignore[type-var]
        last = max(item.end for item in dated)  # type: ignore[type-var]
        _add(root, "StartDate", _stamp(first, DAY_START))
        _add(root, "FinishDate", _stamp(last, DAY_FINISH))
    _add(root, "CalendarUID", 1)
    _add(root, "DefaultStartTime", DAY_START)
    _add(root, "DefaultFinishTime", DAY_FINISH)
    _add(root, "MinutesPerDay", HOURS_PER_DAY * 60)
    _add(root, "MinutesPerWeek", HOURS_PER_DAY * 60 * 7)
    _add(root, "DaysPerMonth", 30)
    _calendar(root)

    tasks = ET.SubElement(root, "Tasks")
    uids: dict[str, int] = {}
    rows: list[tuple[int, TimelineItem | None, str, list[TimelineItem]]] = []
    for name, members in groups:
        rows.append((1, None, name, members))
        rows += [(2, item, "", []) for item in members]
    rows += [(1, item, "", []) for item in loose]
    for number, (_level, item, _name, _members) in enumerate(rows, start=1):
        if item is not None:
            uids[item.id] = number
    outline = [0, 0]
    for number, (level, item, name, members) in enumerate(rows, start=1):
        outline[level - 1] += 1
        if level == 1:
            outline[1] = 0
        label = ".".join(str(n) for n in outline[:level])
        if item is None:
            _summary_task(tasks, number, label, name, members)
        else:
            _item_task(tasks, number, label, level, item, project, uids)

    _resources(root, project, [item for _level, item, _name, _members in rows if item is not None], uids)
    ET.indent(root)
    text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + ET.tostring(root, encoding="unicode")
    return MspdiExport(text + "\n", len(project.items) - len(dated))


def write_mspdi(project: Project, path: str | os.PathLike[str]) -> MspdiExport:
    """Write the MSPDI file atomically; raises SaveError."""
    export = project_to_mspdi(project)
    atomic_write_text(path, export.text)
    return export


def _calendar(root: ET.Element) -> None:
    calendar = ET.SubElement(ET.SubElement(root, "Calendars"), "Calendar")
    _add(calendar, "UID", 1)
    _add(calendar, "Name", "Every day")
    _add(calendar, "IsBaseCalendar", 1)
    _add(calendar, "BaseCalendarUID", -1)
    week = ET.SubElement(calendar, "WeekDays")
    for day_type in range(1, 8):  # Sunday .. Saturday
        day = ET.SubElement(week, "WeekDay")
        _add(day, "DayType", day_type)
        _add(day, "DayWorking", 1)
        times = ET.SubElement(day, "WorkingTimes")
        for start, finish in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
            period = ET.SubElement(times, "WorkingTime")
            _add(period, "FromTime", start)
            _add(period, "ToTime", finish)


def _summary_task(tasks: ET.Element, uid: int, label: str, name: str, members: list[TimelineItem]) -> None:
    first = min(item.start for item in members)  # type: ignore[type-var]
    last = max(item.end for item in members)  # type: ignore[type-var]
    task = ET.SubElement(tasks, "Task")
    _add(task, "UID", uid)
    _add(task, "ID", uid)
    _add(task, "Name", _clean(name, keep=""))
    _add(task, "Type", 1)
    _add(task, "IsNull", 0)
    _add(task, "OutlineNumber", label)
    _add(task, "OutlineLevel", 1)
    _add(task, "Start", _stamp(first, DAY_START))
    _add(task, "Finish", _stamp(last, DAY_FINISH))
    _add(task, "Duration", _hours((last - first).days + 1))
    _add(task, "DurationFormat", 7)
    _add(task, "Milestone", 0)
    _add(task, "Summary", 1)


def _item_task(
    tasks: ET.Element, uid: int, label: str, level: int, item: TimelineItem, project: Project, uids: dict[str, int]
) -> None:
    start, end = item.start, item.end
    assert start is not None and end is not None
    task = ET.SubElement(tasks, "Task")
    _add(task, "UID", uid)
    _add(task, "ID", uid)
    _add(task, "Name", _clean(item.title, keep=""))
    _add(task, "Manual", 0)
    _add(task, "Type", 1)  # fixed duration: assigning people does not change it
    _add(task, "IsNull", 0)
    _add(task, "OutlineNumber", label)
    _add(task, "OutlineLevel", level)
    _add(task, "Start", _stamp(start, DAY_START))
    _add(task, "Finish", _stamp(start if item.milestone else end, DAY_START if item.milestone else DAY_FINISH))
    days = 0 if item.milestone else (end - start).days + 1
    _add(task, "Duration", _hours(days))
    _add(task, "DurationFormat", 7)
    _add(task, "Estimated", 0)
    _add(task, "Milestone", int(item.milestone))
    _add(task, "Summary", 0)
    _add(task, "PercentComplete", _PERCENT.get(item.status, 0))
    _add(task, "ConstraintType", CONSTRAINT_MSO if item.pinned else CONSTRAINT_SNET)
    _add(task, "ConstraintDate", _stamp(start, DAY_START))
    notes = _clean(item.notes)
    if notes:
        _add(task, "Notes", notes)
    for predecessor_id in item.depends_on:
        predecessor = project.find("item", predecessor_id)
        if predecessor is None or predecessor_id not in uids:
            continue
        assert isinstance(predecessor, TimelineItem) and predecessor.end is not None
        link = ET.SubElement(task, "PredecessorLink")
        _add(link, "PredecessorUID", uids[predecessor_id])
        _add(link, "Type", 1)
        _add(link, "CrossProject", 0)
        # the scheduler's rule: a zero-length predecessor lets its successor start on its own day
        zero_length = predecessor.milestone or not predecessor.duration_days
        gap = start.toordinal() - predecessor.end.toordinal() - (0 if zero_length else 1)
        _add(link, "LinkLag", gap * LAG_PER_DAY)
        _add(link, "LagFormat", 7)


def _resources(root: ET.Element, project: Project, items: list[TimelineItem], uids: dict[str, int]) -> None:
    people: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    for item in items:
        for name in owners_of(_clean(item.owner, keep="")):
            uid = people.setdefault(name, len(people) + 1)
            pairs.append((uids[item.id], uid))
    resources = ET.SubElement(root, "Resources")
    for name, uid in people.items():
        resource = ET.SubElement(resources, "Resource")
        _add(resource, "UID", uid)
        _add(resource, "ID", uid)
        _add(resource, "Name", name)
        _add(resource, "Type", 1)
        _add(resource, "IsNull", 0)
    assignments = ET.SubElement(root, "Assignments")
    for number, (task_uid, resource_uid) in enumerate(pairs, start=1):
        assignment = ET.SubElement(assignments, "Assignment")
        _add(assignment, "UID", number)
        _add(assignment, "TaskUID", task_uid)
        _add(assignment, "ResourceUID", resource_uid)
        _add(assignment, "Units", 1)
