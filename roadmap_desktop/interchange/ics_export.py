"""The timeline as an iCalendar file (.ics) for calendar programs: one all-day event per dated item.

An item is an event from its start through its last day (DTEND is the day after, as RFC 5545 says for
all-day events); a milestone is a one-day event whose summary starts with ◆. Each event's UID is the
item's id, so importing a newer export updates the events instead of doubling them. The description
holds the lane, the status (in the project's language) and the notes; the lane is also the event's
category. Items without a start date are left out. Written with the ``icalendar`` package.
"""

from __future__ import annotations

import datetime as dt
import os

from icalendar import Calendar, Event

from ..domain.project import Project
from ..persistence.atomic import atomic_write_bytes
from ..wording import wording
from .controls import strip_controls

PRODID = "-//Roadmap Desktop//Roadmap Desktop//EN"
MILESTONE_MARK = "◆ "
UID_DOMAIN = "roadmap-desktop"


def project_to_ics(project: Project) -> bytes:
    w = wording(project.info.language)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _text(project.info.name))
    stamp = project.modified.astimezone(dt.UTC).replace(tzinfo=dt.UTC)
    for item in project.items:
        if item.start is None or item.end is None:
            continue
        event = Event()
        event.add("uid", f"{item.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.end + dt.timedelta(days=1))
        event.add("summary", (MILESTONE_MARK if item.milestone else "") + _text(item.title))
        lane = _text(project.lane_name(item.lane_id))
        colon = w["colon"]
        lines = [f"{w['forecast.lane']}{colon}{lane}"] if lane else []
        lines.append(f"{w['document.status']}{colon}{w.choice(item.status)}")
        owner = _text(item.owner)
        if owner:
            lines.append(f"{w['document.owner']}{colon}{owner}")
        notes = strip_controls(item.notes, keep="\n\t").strip()
        if notes:
            lines += ["", notes]
        event.add("description", "\n".join(lines))
        if lane:
            event.add("categories", [lane])
        event.add("transp", "TRANSPARENT")  # a plan, not a meeting: it does not make anyone busy
        calendar.add_component(event)
    return calendar.to_ical()


def write_ics(project: Project, path: str | os.PathLike[str]) -> None:
    """Write the .ics file atomically; raises SaveError."""
    atomic_write_bytes(path, project_to_ics(project))


def _text(text: str) -> str:
    return " ".join(strip_controls(text, keep="").split())
