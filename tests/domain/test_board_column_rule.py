"""The Now / Next / Later rule the board tab and the PDF share."""

from __future__ import annotations

import datetime as dt

from roadmap_desktop.domain.now_next_later import NEXT_DAYS, NOW_DAYS, board_column, board_columns
from roadmap_desktop.domain.timeline import TimelineItem

TODAY = dt.date(2026, 3, 2)


def _item(days: int | None = None, horizon: str = "", status: str = "not_started") -> TimelineItem:
    start = None if days is None else TODAY + dt.timedelta(days=days)
    return TimelineItem(title=f"{days} {horizon} {status}", start=start, horizon=horizon, status=status)


def test_a_chosen_column_wins_then_the_start_date_decides():
    assert board_column(_item(400, "now"), TODAY) == "now"
    assert board_column(_item(None, "later"), TODAY) == "later"
    assert board_column(_item(-20), TODAY) == "now"  # under way
    assert board_column(_item(NOW_DAYS), TODAY) == "now"
    assert board_column(_item(NOW_DAYS + 1), TODAY) == "next"
    assert board_column(_item(NEXT_DAYS), TODAY) == "next"
    assert board_column(_item(NEXT_DAYS + 1), TODAY) == "later"
    assert board_column(_item(None), TODAY) == ""
    assert board_column(_item(5, status="done"), TODAY) is None  # finished and nobody placed it
    assert board_column(_item(5, "next", status="done"), TODAY) == "next"


def test_columns_keep_their_order_and_sort_by_start():
    late, early, loose = _item(25), _item(3), _item(None, "now")
    columns = board_columns([late, loose, early], TODAY)
    assert list(columns) == ["now", "next", "later", ""]
    assert columns["now"] == [early, late, loose]
