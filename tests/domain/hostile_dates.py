"""Hostile dates (issue 16, item 1): generators of project files, projects, edits and schedules at the
calendar's edges. Imported by name (tests/domain is on sys.path); no Qt here.

- ``file_cases()``: documents to load, each with the one-line refusal expected, or None when it loads
- ``loadable_projects()``: projects that load, at the supported range's edges (every surface must draw them)
- ``memory_projects()``: projects built in memory past the range, which no file or edit can hold: drawing
  and exporting them must still not crash
- ``edit_cases()``: edits of a loadable project that must be refused (or pass) with one line
- ``schedule_cases()``: projects whose auto-schedule or forecast would run past the range
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from roadmap_desktop.domain.commands import Command, InsertEntity, SetField
from roadmap_desktop.domain.dates import FIRST_DATE, LAST_DATE
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import MAX_DURATION_DAYS, Lane, TimelineItem

DAY = dt.timedelta(days=1)
# The days around every edge: the calendar's own ends, and the supported range's ends, each +-1 day.
EDGE_DAYS: dict[str, dt.date] = {
    "date.min": dt.date.min,
    "date.min+1": dt.date.min + DAY,
    "first-1": FIRST_DATE - DAY,
    "first": FIRST_DATE,
    "first+1": FIRST_DATE + DAY,
    "last-1": LAST_DATE - DAY,
    "last": LAST_DATE,
    "last+1": LAST_DATE + DAY,
    "9999-12-20": dt.date(9999, 12, 20),  # the "9999-12-20 + 10 days"
    "date.max": dt.date.max,
}
DURATIONS = (0, 1, 2, 10, 366, MAX_DURATION_DAYS)
# Leap days: real ones, and 29 February of century years that are not leap years (1900, 2100, 2200).
LEAP_DAYS = {"2000-02-29": True, "2196-02-29": True, "1904-02-29": True, "1900-02-29": False, "2100-02-29": False}
LEAP_DAYS["2200-02-29"] = False
# Texts shaped like dates that are not (year 0, five-digit years, signs, other scripts' digits, spaces).
NOT_DATES = ("0000-01-01", "10000-01-01", "+2024-01-01", "2024-1-1", "١٩٩٩-٠١-٠١", "19٠٠-01-01", " 2024-01-01")
STAMPS = {  # project.created / modified: (text, loads)
    "0001-01-01T00:00:00+05:00": False,
    "9999-12-31T23:59:59-05:00": False,
    "1899-12-31T23:00:00-05:00": False,  # 1900 in UTC, but the day as written is outside
    "1900-01-01T00:00:00": True,
    "2200-12-31T23:59:59+14:00": True,
}


def supported(day: dt.date) -> bool:
    return FIRST_DATE <= day <= LAST_DATE


def end_of(start: dt.date, duration: int, milestone: bool) -> int:
    """The last day as a day number, which may lie past ``date.max``."""
    return start.toordinal() + (0 if milestone else max(duration - 1, 0))


# -- documents -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileCase:
    name: str
    doc: dict
    refused: str | None  # a piece of the one-line refusal; None: the file loads


def document(items: list[dict] | None = None, risks: list[dict] | None = None, **project: object) -> dict:
    """A format-3 document with one lane and the given items and risks."""
    return {
        "format": "roadmap-desktop",
        "format_version": 3,
        "project": {"id": "p", "name": "Edge of time", **project},
        "lanes": [{"id": "lane", "name": "Lane", "capacity": None}],
        "items": items or [],
        "risks": risks or [],
    }


def item_doc(start: str | None, duration: int = 10, milestone: bool = False, **extra: object) -> dict:
    return {
        "id": "i1",
        "title": "Edge item",
        "lane_id": "lane",
        "start": start,
        "duration_days": duration,
        "milestone": milestone,
        **extra,
    }


def file_cases() -> list[FileCase]:
    cases: list[FileCase] = []
    for label, day in EDGE_DAYS.items():
        for duration in DURATIONS:
            for milestone in (False, True):
                end = end_of(day, duration, milestone)
                if not supported(day):
                    refused: str | None = "start"  # the schema's pattern names the field
                elif end > LAST_DATE.toordinal():
                    refused = "End:"
                else:
                    refused = None
                name = f"start {label}, {duration} days" + (", milestone" if milestone else "")
                cases.append(FileCase(name, document([item_doc(day.isoformat(), duration, milestone)]), refused))
        risk = {"id": "r1", "title": "Edge risk", "review_date": day.isoformat()}
        cases.append(FileCase(f"review {label}", document(risks=[risk]), None if supported(day) else "review_date"))
    for text, real in LEAP_DAYS.items():
        cases.append(FileCase(f"start {text}", document([item_doc(text, 1)]), None if real else "date"))
        risk = {"id": "r1", "title": "Leap risk", "review_date": text}
        cases.append(FileCase(f"review {text}", document(risks=[risk]), None if real else "date"))
    for text in NOT_DATES:
        cases.append(FileCase(f"start {text!r}", document([item_doc(text, 1)]), "not a date"))
    for text, loads in STAMPS.items():
        for field in ("created", "modified"):
            refused = None if loads else f"project.{field}"
            cases.append(FileCase(f"{field} {text}", document(**{field: text}), refused))
    # Version 1 files kept start and end; the upgrade turns them into a duration (at most ten years, and the
    # default for an end before the start), then the same checks apply.
    for label, (start, end, refused) in {
        "v1 at both ends": ("1900-01-01", "2200-12-31", None),  # the duration is capped: it loads
        "v1 from 0001": ("0001-01-01", "0001-01-10", "start"),
        "v1 to 9999": ("9999-12-20", "9999-12-31", "start"),
        "v1 ending past the range": ("2200-12-25", "2201-01-05", "End:"),
        "v1 end before start": ("2200-12-31", "1900-01-01", "End:"),
    }.items():
        v1 = document([{"id": "i1", "title": "Old", "lane": "Lane", "start": start, "end": end}])
        v1["format_version"] = 1
        del v1["lanes"]
        cases.append(FileCase(label, v1, refused))
    return cases


# -- projects ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectCase:
    name: str
    build: Callable[[], Project]


def _project(name: str, items: list[TimelineItem], risks: list[Risk] | None = None, capacity: int | None = None):
    project = Project.new(name)
    project.lanes = [Lane(id="lane", name="Lane", capacity=capacity), Lane(id="other", name="Other")]
    for item in items:
        item.lane_id = item.lane_id or "lane"
    project.items = items
    project.risks = risks or []
    return project


def _chain(first: dt.date, count: int, duration: int, lane: str = "lane") -> list[TimelineItem]:
    items: list[TimelineItem] = []
    for n in range(count):
        item = TimelineItem(
            id=f"c{n}",
            title=f"Step {n}",
            lane_id=lane,
            start=first if n == 0 else None,
            duration_days=duration,
            depends_on=[f"c{n - 1}"] if n else [],
        )
        items.append(item)
    return items


def loadable_projects() -> list[ProjectCase]:
    """Projects that every check accepts, as close to the edges as the rules allow."""

    def both_ends() -> Project:
        first = TimelineItem(id="a", title="First day", start=FIRST_DATE, duration_days=MAX_DURATION_DAYS)
        last = TimelineItem(id="b", title="Last days", start=LAST_DATE - 9 * DAY, duration_days=10, depends_on=["a"])
        launch = TimelineItem(id="m", title="Launch", start=LAST_DATE, milestone=True, duration_days=3650)
        start = TimelineItem(id="s", title="Kick-off", start=FIRST_DATE, milestone=True, lane_id="other")
        risk = Risk(id="r", title="Edge risk", review_date=LAST_DATE, delay_days=0, item_ids=["b"])
        return _project("Both ends", [first, last, launch, start], [risk])

    def first_century() -> Project:
        items = [
            TimelineItem(id=f"e{n}", title=f"Early {n}", start=FIRST_DATE + n * DAY, duration_days=n % 3)
            for n in range(12)
        ]
        items.append(TimelineItem(id="leap", title="Leap", start=dt.date(1904, 2, 29), duration_days=366))
        return _project("First days", items, [Risk(id="r", title="Early review", review_date=FIRST_DATE)])

    def last_days() -> Project:
        items = [
            TimelineItem(id=f"l{n}", title=f"Late {n}", start=LAST_DATE - n * DAY, duration_days=n + 1)
            for n in range(12)
        ]
        items.append(TimelineItem(id="ms", title="Final", start=LAST_DATE, milestone=True, depends_on=["l0"]))
        items.append(TimelineItem(id="leap", title="Leap", start=dt.date(2196, 2, 29), duration_days=1))
        items.append(TimelineItem(id="parked", title="Someday", horizon="later"))
        return _project("Last days", items, capacity=2)

    def last_day_done() -> Project:
        done = TimelineItem(id="d", title="Done at the end", start=LAST_DATE, duration_days=1, status="done")
        pinned = TimelineItem(id="p", title="Pinned", start=LAST_DATE - 2 * DAY, duration_days=3, pinned=True)
        return _project("Done at the end", [done, pinned])

    return [
        ProjectCase("both ends", both_ends),
        ProjectCase("first days", first_century),
        ProjectCase("last days", last_days),
        ProjectCase("done at the end", last_day_done),
    ]


def memory_projects() -> list[ProjectCase]:
    """Projects past the range, built without the checks (as a plug-in or a bug could): must not crash."""

    def calendar_ends() -> Project:
        items = [
            TimelineItem(id="min", title="date.min", start=dt.date.min, duration_days=10),
            TimelineItem(id="max", title="date.max", start=dt.date.max, duration_days=10, depends_on=["min"]),
            TimelineItem(id="near", title="9999-12-20", start=dt.date(9999, 12, 20), duration_days=10),
            TimelineItem(id="ms", title="Milestone at date.max", start=dt.date.max, milestone=True),
        ]
        return _project("Calendar ends", items, [Risk(id="r", title="Late", review_date=dt.date.max, item_ids=["max"])])

    def huge_durations() -> Project:
        items = [
            TimelineItem(id="big", title="Forever", start=LAST_DATE, duration_days=10**9),
            TimelineItem(id="neg", title="Negative", start=FIRST_DATE, duration_days=-5),
            TimelineItem(id="after", title="After forever", depends_on=["big"], duration_days=10),
        ]
        return _project("Huge durations", items)

    return [ProjectCase("calendar ends", calendar_ends), ProjectCase("huge durations", huge_durations)]


# -- edits -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EditCase:
    name: str
    command: Callable[[Project], Command]
    refused: bool


def edit_cases() -> list[EditCase]:
    """Edits of ``loadable_projects()[0]`` ("both ends"): each past the range is refused, the rest pass."""

    def start(item_id: str, day: dt.date) -> Callable[[Project], Command]:
        return lambda _p: SetField("item", item_id, "start", day)

    cases = [
        EditCase(f"start of 'Last days' to {label}", start("b", day), not supported(day) or day > LAST_DATE - 9 * DAY)
        for label, day in EDGE_DAYS.items()
    ]
    cases += [
        EditCase("start as text 0001-01-01", start("b", "0001-01-01"), True),  # type: ignore[arg-type]
        EditCase("longer by one day at the end", lambda _p: SetField("item", "b", "duration_days", 11), True),
        EditCase(
            "milestone at the end loses its milestone", lambda _p: SetField("item", "m", "milestone", False), True
        ),
        EditCase("milestone at the start loses it", lambda _p: SetField("item", "s", "milestone", False), False),
        EditCase("review date past the range", lambda _p: SetField("risk", "r", "review_date", LAST_DATE + DAY), True),
        EditCase("review date on the last day", lambda _p: SetField("risk", "r", "review_date", LAST_DATE), False),
        EditCase(
            "insert an item ending past the range",
            lambda _p: InsertEntity(
                "item", TimelineItem(title="New", lane_id="lane", start=LAST_DATE, duration_days=5)
            ),
            True,
        ),
        EditCase(
            "insert an item before the range",
            lambda _p: InsertEntity("item", TimelineItem(title="New", lane_id="lane", start=dt.date.min)),
            True,
        ),
        EditCase(
            "insert an item on the last day",
            lambda _p: InsertEntity(
                "item", TimelineItem(title="New", lane_id="lane", start=LAST_DATE, duration_days=1)
            ),
            False,
        ),
    ]
    return cases


# -- schedules ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleCase:
    name: str
    build: Callable[[], Project]
    anchor: dt.date | None
    refused: str | None  # the title the refusal names; None: it schedules


def schedule_cases() -> list[ScheduleCase]:
    def chain_past_the_end() -> Project:  # dependencies push the third step past the last day
        return _project("Chain", _chain(LAST_DATE - 250 * DAY, 3, 100))

    def capacity_past_the_end() -> Project:  # one lane place: the items queue past the last day
        items = [TimelineItem(id=f"q{n}", title=f"Queued {n}", duration_days=200) for n in range(3)]
        return _project("Queue", items, capacity=1)

    def chain_to_the_last_day() -> Project:  # exactly ends on the last day
        return _project("Chain", _chain(LAST_DATE - 299 * DAY, 3, 100))

    def long_chain() -> Project:  # a thousand ten-year steps: far past date.max in day numbers
        return _project("Long chain", _chain(FIRST_DATE, 1000, MAX_DURATION_DAYS))

    def after_a_milestone_on_the_last_day() -> Project:
        launch = TimelineItem(id="m", title="Launch", start=LAST_DATE, milestone=True, pinned=True)
        after = TimelineItem(id="a", title="After launch", duration_days=1, depends_on=["m"])
        later = TimelineItem(id="b", title="Day after", duration_days=1, depends_on=["a"])
        return _project("After launch", [launch, after, later])

    return [
        ScheduleCase("chain past the end", chain_past_the_end, None, "Step 2"),
        ScheduleCase("capacity past the end", capacity_past_the_end, LAST_DATE - 450 * DAY, "Queued 2"),
        ScheduleCase("chain to the last day", chain_to_the_last_day, None, None),
        ScheduleCase("a thousand ten-year steps", long_chain, None, "Step 30"),
        ScheduleCase("after a milestone on the last day", after_a_milestone_on_the_last_day, None, "Day after"),
        ScheduleCase("anchor before the range", chain_to_the_last_day, FIRST_DATE - DAY, "anchor"),
        ScheduleCase("anchor at date.max", chain_to_the_last_day, dt.date.max, "anchor"),
    ]


def copy_project(project: Project) -> Project:
    return copy.deepcopy(project.snapshot())
