"""The timeline as a Mermaid ``gantt`` chart (text for wikis and docs that render Mermaid; no Qt).

Mermaid's gantt lexer is fragile: ``:`` ``#`` ``;`` and ``%`` end or comment out a task name, ``%%{``
anywhere in the text (even in a comment) is a directive that reconfigures the renderer, and a name
that starts with a keyword (``section``, ``title``, ``click``, ``call``, ``gantt``, a date, ...) is
read as that statement, also when the keyword is the whole name (we write `` :`` after it). Every
piece of project text that reaches the chart, comments included, is therefore sanitised: control
characters are dropped, line breaks become spaces, the four characters and ``<`` ``>`` become their
full-width forms (：＃；％＜＞) and a leading keyword gets a "· " prefix.

A dependency is written as ``after id ...`` only where that reproduces the item's stored start
(Mermaid starts such a task when its latest dependency ends); otherwise the stored date is kept,
since the dates in the project are the plan, and the dependency goes into a ``%%`` comment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from ..domain.dates import shift
from ..domain.project import Project
from ..domain.timeline import TimelineItem
from ..wording import wording
from .controls import strip_controls

_REPLACEMENTS = str.maketrans({":": "：", "#": "＃", ";": "；", "%": "％", "<": "＜", ">": "＞"})
# Statements of Mermaid's gantt lexer (case-insensitive, first match wins) that a task name must not
# start with. The lexer needs whitespace after most keywords; the end of the name counts as such,
# since the task's " :" follows it.
_RESERVED_START = re.compile(
    r"(gantt|inclusiveenddates|topaxis|\d{4}-\d\d-\d\d"
    r"|(dateformat|axisformat|tickinterval|includes|excludes|todaymarker|weekday|title|accdescription"
    r"|section|click|href|call)(\s|$)"
    r"|acctitle\s*(:|$)|accdescr\s*([:{]|$))",
    re.IGNORECASE,
)
_STATUS_TAGS = {"done": "done", "in_progress": "active", "blocked": "crit"}


def sanitize(text: str, fallback: str = "untitled") -> str:
    """A name Mermaid reads as plain text (see the module docstring)."""
    text = " ".join(strip_controls(text, keep="\n\t").translate(_REPLACEMENTS).split())
    if not text:
        return fallback
    return "· " + text if _RESERVED_START.match(text) else text


def task_ids(items: list[TimelineItem]) -> dict[str, str]:
    """Short Mermaid ids (``t`` + hex digits of the item id's hash): stable across exports and edits."""
    digests = {item.id: hashlib.sha1(item.id.encode("utf-8")).hexdigest() for item in items}
    length = 6
    while len({d[:length] for d in digests.values()}) < len(digests) and length < 40:
        length += 2
    return {item_id: "t" + digest[:length] for item_id, digest in digests.items()}


def project_to_mermaid(project: Project) -> str:
    ids = task_ids(project.items)
    scheduled = {item.id: item for item in project.items if item.start is not None}
    starts = _start_expressions(project.items, scheduled, ids)

    lines = ["gantt", f"    title {sanitize(project.info.name, 'Roadmap')}", "    dateFormat YYYY-MM-DD"]
    lane_ids = {lane.id for lane in project.lanes}
    groups = [(lane.name, [i for i in project.items if i.lane_id == lane.id]) for lane in project.lanes]
    groups.append(
        (wording(project.info.language)["document.unassigned"], [i for i in project.items if i.lane_id not in lane_ids])
    )
    for name, items in groups:
        items = sorted((i for i in items if i.start is not None), key=lambda i: i.start)  # type: ignore[arg-type, return-value]
        if not items:
            continue
        lines.append(f"    section {sanitize(name, 'Lane')}")
        for item in items:
            start, note = starts[item.id]
            if note:
                lines.append(f"    %% {ids[item.id]} depends on {note}")
            tags = [t for t in (_STATUS_TAGS.get(item.status), "milestone" if item.milestone else None) if t]
            data = ", ".join([*tags, ids[item.id], start, f"{_duration(item)}d"])
            lines.append(f"    {sanitize(item.title)} :{data}")
    unscheduled = [item for item in project.items if item.start is None]
    if unscheduled:
        titles = ", ".join(sanitize(item.title) for item in unscheduled)
        lines.append(f"    %% not scheduled: {titles}")
    return "\n".join(lines) + "\n"


def _duration(item: TimelineItem) -> int:
    # Our 0 and 1 both end on the start day; Mermaid's 0d is only right for a milestone.
    return 0 if item.milestone else max(item.duration_days, 1)


def _mermaid_end(item: TimelineItem) -> dt.date:
    """Where Mermaid ends the task: start + duration (exclusive), the start day for a milestone."""
    return shift(item.start, _duration(item))  # type: ignore[arg-type]


def _start_expressions(
    items: list[TimelineItem], scheduled: dict[str, TimelineItem], ids: dict[str, str]
) -> dict[str, tuple[str, str]]:
    """Per scheduled item: its start (``after ...`` or a date) and a comment naming other dependencies."""
    out: dict[str, tuple[str, str]] = {}
    # Decide in date order, letting an item use `after` only on items decided before it: no cycles.
    for item in sorted(scheduled.values(), key=lambda i: i.start):  # type: ignore[arg-type, return-value]
        deps = [scheduled[d] for d in item.depends_on if d in scheduled and d != item.id]
        if deps and all(d.id in out for d in deps) and max(_mermaid_end(d) for d in deps) == item.start:
            out[item.id] = ("after " + " ".join(ids[d.id] for d in deps), "")
        else:
            out[item.id] = (item.start.isoformat(), " ".join(ids[d.id] for d in deps))  # type: ignore[union-attr]
    return out
