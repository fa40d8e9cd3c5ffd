"""Now / Next / Later: the one rule that puts a timeline item in a board column (the board tab and the PDF)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .timeline import TimelineItem

NOW_DAYS, NEXT_DAYS = 30, 120  # a dated item without a chosen column: Now if it starts within 30 days, Next within 120
COLUMNS = ("now", "next", "later", "")  # "" is Unsorted: no chosen column and no date


def board_column(item: TimelineItem, today: dt.date) -> str | None:
    """The column the user chose; else by the start date (an item under way is Now); Unsorted ("")
    without a date; None for a finished dated item nobody placed (it is off the board)."""
    if item.horizon in ("now", "next", "later"):
        return item.horizon
    if item.start is None:
        return ""
    if item.status == "done":
        return None
    days = (item.start - today).days
    return "now" if days <= NOW_DAYS else "next" if days <= NEXT_DAYS else "later"


def is_placed_by_date(item: TimelineItem) -> bool:
    """Whether the item's column comes from its start date rather than the user's choice."""
    return item.horizon not in ("now", "next", "later") and item.start is not None


def board_columns(items: Iterable[TimelineItem], today: dt.date) -> dict[str, list[TimelineItem]]:
    """Every column in COLUMNS order, its items by start date (undated ones last, in project order)."""
    columns: dict[str, list[TimelineItem]] = {key: [] for key in COLUMNS}
    for item in items:
        column = board_column(item, today)
        if column is not None:
            columns[column].append(item)
    for placed in columns.values():
        placed.sort(key=lambda i: (i.start is None, i.start or dt.date.min))
    return columns
