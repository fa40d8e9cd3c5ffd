"""The calendar the app supports (FIRST_DATE to LAST_DATE), its checks, and date arithmetic that never overflows.

Every stored date (a start, an item's end, a review date, a file's created/modified stamp) lies in the
supported range: loading, editing and scheduling refuse anything outside it. Code that draws or exports
still computes with ``shift`` and friends, which saturate at ``date.min``/``date.max`` instead of raising,
so that a project built in memory with hostile dates cannot crash a painter (an OverflowError inside a Qt
event handler kills the whole process).
"""

from __future__ import annotations

import datetime as dt

FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2200, 12, 31)
# The stored form, limited to the supported years; exact because the range is whole years.
# [0-9], not \d: a Python validator's \d also matches other scripts' digits.
DATE_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
RANGE_TEXT = f"{FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()}"

_MIN_ORDINAL = dt.date.min.toordinal()
_MAX_ORDINAL = dt.date.max.toordinal()
FIRST_ORDINAL = FIRST_DATE.toordinal()
LAST_ORDINAL = LAST_DATE.toordinal()


class DateRangeError(ValueError):
    """A date falls outside the supported range; the message says which date and which bound."""


def range_problem(day: dt.date) -> str | None:
    """Why ``day`` cannot be stored, or None when it is in the supported range."""
    if day < FIRST_DATE:
        return f"{day.isoformat()} is before {FIRST_DATE.isoformat()}, the first supported date"
    if day > LAST_DATE:
        return f"{day.isoformat()} is after {LAST_DATE.isoformat()}, the last supported date"
    return None


def ordinal_problem(ordinal: int) -> str | None:
    """``range_problem`` for a day number (``date.toordinal()``) that may lie beyond ``date`` itself."""
    if FIRST_ORDINAL <= ordinal <= LAST_ORDINAL:
        return None
    if ordinal < _MIN_ORDINAL:
        return f"{ordinal_text(ordinal)} is before {FIRST_DATE.isoformat()}, the first supported date"
    if ordinal > _MAX_ORDINAL:
        return f"{ordinal_text(ordinal)} is after {LAST_DATE.isoformat()}, the last supported date"
    return range_problem(dt.date.fromordinal(ordinal))


def ordinal_text(ordinal: int) -> str:
    """A day number as YYYY-MM-DD, or words for days the calendar cannot name."""
    if ordinal < _MIN_ORDINAL:
        return "a day before 0001-01-01"
    if ordinal > _MAX_ORDINAL:
        return "a day after 9999-12-31"
    return dt.date.fromordinal(ordinal).isoformat()


def in_range(day: dt.date) -> bool:
    return FIRST_DATE <= day <= LAST_DATE


def check_date(day: dt.date) -> dt.date:
    """``day`` itself, or DateRangeError when it is outside the supported range."""
    problem = range_problem(day)
    if problem:
        raise DateRangeError(problem)
    return day


def parse_date(text: str) -> dt.date:
    """A supported date from exactly ``YYYY-MM-DD``; ValueError (DateRangeError for the range) otherwise."""
    # fromisoformat also takes 20240101 and week dates; only YYYY-MM-DD is documented
    if len(text) != 10 or not text.isascii() or text[4] != "-" or text[7] != "-" or not text[:4].isdigit():
        raise ValueError("expected a date as YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError("expected a date as YYYY-MM-DD") from None
    return check_date(day)


def now_stamp() -> dt.datetime:
    """The current UTC time to the second, held inside the supported dates: a clock set far off still
    stamps (created, modified, saved_at) a file that opens again."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    first = dt.datetime.combine(FIRST_DATE, dt.time(), dt.UTC)
    last = dt.datetime.combine(LAST_DATE, dt.time(23, 59, 59), dt.UTC)
    return first if now < first else last if now > last else now


def clamp(day: dt.date, first: dt.date = FIRST_DATE, last: dt.date = LAST_DATE) -> dt.date:
    return first if day < first else last if day > last else day


def from_ordinal(ordinal: int) -> dt.date:
    """The date of a day number, saturating at ``date.min``/``date.max``."""
    return dt.date.fromordinal(min(max(ordinal, _MIN_ORDINAL), _MAX_ORDINAL))


def shift(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` (negative: back), saturating at ``date.min``/``date.max``."""
    return from_ordinal(day.toordinal() + int(days))


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    """The first day of the month after ``day``'s (``date.max`` in December 9999)."""
    if day.year == dt.MAXYEAR and day.month == 12:
        return dt.date.max
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def whole_months(first: dt.date, last: dt.date, air_days: int = 3) -> tuple[dt.date, dt.date]:
    """From the first day of the month ``air_days`` before ``first`` to the last day of the month
    ``air_days`` after ``last``: the span a printed or projected timeline shows."""
    return month_start(shift(first, -air_days)), shift(next_month(shift(last, air_days)), -1)
