"""Timeline items and the lanes they sit in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from .dates import from_ordinal, ordinal_problem
from .entity import Entity
from .fields import FieldKind as K
from .fields import FieldSpec, FieldValueError
from .phases import PHASE_CODES

ITEM_STATUSES = ("not_started", "in_progress", "done", "blocked")
HORIZONS = ("", "now", "next", "later")
MAX_DURATION_DAYS = 3650


@dataclass
class Lane(Entity):
    KIND: ClassVar[str] = "lane"
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("name", "Name", K.TEXT, required=True),
        FieldSpec("capacity", "Capacity", K.INT, minimum=1, maximum=1000),
    )

    name: str = "New lane"
    capacity: int | None = None  # items at once; None means unlimited


@dataclass
class TimelineItem(Entity):
    KIND: ClassVar[str] = "item"
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("title", "Title", K.TEXT, required=True),
        FieldSpec("lane_id", "Lane", K.REF, ref_kind="lane"),
        FieldSpec("phase", "Phase", K.CHOICE, PHASE_CODES),
        FieldSpec("start", "Start", K.DATE),
        FieldSpec("duration_days", "Duration (days)", K.INT, minimum=0, maximum=MAX_DURATION_DAYS, required=True),
        FieldSpec("milestone", "Milestone", K.BOOL),
        FieldSpec("pinned", "Pinned date", K.BOOL),
        FieldSpec("horizon", "Now / Next / Later", K.CHOICE, HORIZONS),
        FieldSpec("optimistic_days", "Optimistic (days)", K.INT, minimum=0, maximum=MAX_DURATION_DAYS, in_table=False),
        FieldSpec(
            "pessimistic_days", "Pessimistic (days)", K.INT, minimum=0, maximum=MAX_DURATION_DAYS, in_table=False
        ),
        FieldSpec("status", "Status", K.CHOICE, ITEM_STATUSES),
        FieldSpec("owner", "Owner", K.TEXT),
        FieldSpec("depends_on", "Depends on", K.REFS, ref_kind="item"),
        FieldSpec("notes", "Notes", K.LONG_TEXT, in_table=False),
    )

    title: str = "New item"
    lane_id: str = ""
    phase: str = ""
    start: dt.date | None = None  # None: not scheduled yet
    # The end is derived from start and duration so the two can never disagree.
    duration_days: int = 10
    milestone: bool = False
    pinned: bool = False  # auto-schedule keeps the start as it is
    horizon: str = ""  # Now / Next / Later board column, for items without dates
    # Forecast range; the duration is the likely value. None: derived from the duration.
    optimistic_days: int | None = None
    pessimistic_days: int | None = None
    status: str = "not_started"
    owner: str = ""
    depends_on: list[str] = field(default_factory=list)
    notes: str = ""

    @property
    def end(self) -> dt.date | None:
        """Last day of the item (inclusive); a milestone ends on its start day. Saturates at ``date.max``
        for an item built in memory past the supported range (a loaded or edited one never is)."""
        ordinal = self.end_ordinal()
        return None if ordinal is None else from_ordinal(ordinal)

    def end_ordinal(self) -> int | None:
        """The last day as a day number (``date.toordinal()``), which may lie beyond ``date.max``."""
        if self.start is None:
            return None
        if self.milestone:  # zero-length whatever its duration field says, as drawn and scheduled
            return self.start.toordinal()
        return self.start.toordinal() + max(int(self.duration_days or 0) - 1, 0)

    def check(self) -> None:
        """The end (start + duration) must be a supported date too."""
        ordinal = self.end_ordinal()
        problem = None if ordinal is None else ordinal_problem(ordinal)
        if problem:
            days = max(int(self.duration_days or 0), 0)
            raise FieldValueError(f"End: {problem} (it starts {self.start} and lasts {days} days)")
