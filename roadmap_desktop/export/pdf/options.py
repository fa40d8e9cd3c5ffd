"""Options of the PDF roadmap export, validated, with a JSON-ready form for remembered settings (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

from ...domain.dates import DateRangeError, check_date

PAGE_SIZES = ("A4", "Letter", "A3")
ORIENTATIONS = ("portrait", "landscape")
FITS = ("one_page", "split")
SECTIONS = ("title", "one_page", "timeline", "forecast", "board", "requirements", "risks")
# What an export holds unless told otherwise: everything but the one-page summary, which stands alone.
DEFAULT_SECTIONS = ("title", "timeline", "forecast", "board", "requirements", "risks")
# Names people (and the CLI's help) also use for the same sections.
SECTION_ALIASES = {
    "summary": "title",
    "cover": "title",
    "gantt": "timeline",
    "now_next_later": "board",
    "now-next-later": "board",
    "roadmap": "board",
    "requirement": "requirements",
    "priorities": "requirements",
    "risk": "risks",
    "one-page": "one_page",
    "onepage": "one_page",
    "one_page_summary": "one_page",
    "one-pager": "one_page",
    "p80": "forecast",
    "critical_path": "forecast",
}
FIT_ALIASES = {"one page": "one_page", "one-page": "one_page", "fit": "one_page", "split across pages": "split"}
COLOR_BY = ("lane", "status")


@dataclass
class PdfOptions:
    """What the PDF holds and how its pages are laid out. ``None`` dates: the whole project / today."""

    page_size: str = "A4"
    orientation: str = "landscape"
    fit: str = "one_page"  # timeline: "one_page" scales it onto one page, "split" slices it by date range
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    as_of: dt.date | None = None
    color_by: str = "lane"

    def __post_init__(self) -> None:
        self.page_size = _page_size(self.page_size)
        self.orientation = _choice("orientation", self.orientation, ORIENTATIONS)
        self.fit = _choice("fit", FIT_ALIASES.get(str(self.fit).strip().lower(), self.fit), FITS)
        self.sections = parse_sections(self.sections)
        self.date_from = _date("date_from", self.date_from)
        self.date_to = _date("date_to", self.date_to)
        self.as_of = _date("as_of", self.as_of)
        self.color_by = _choice("color_by", self.color_by, COLOR_BY)
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError(f"date_to {self.date_to} is before date_from {self.date_from}")

    @property
    def today(self) -> dt.date:
        return self.as_of or dt.date.today()

    @classmethod
    def from_dict(cls, data: Mapping[str, object] | None, *, strict: bool = True) -> PdfOptions:
        """Options from a dict (remembered settings or CLI keywords).

        ``strict``: unknown keys and bad values raise ValueError naming the option; otherwise (for
        settings written by another version) they fall back to the defaults one by one.
        """
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(k for k in data if k not in known)
        if unknown and strict:
            raise ValueError(f"unknown PDF option {unknown[0]!r}; allowed: {', '.join(sorted(known))}")
        values = {k: v for k, v in data.items() if k in known and v is not None}
        if strict:
            return cls(**values)
        options = cls()
        for key, value in values.items():
            try:
                options = cls(**{**options.to_dict(), key: value})
            except (TypeError, ValueError):
                continue
        return options

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: dates as ISO strings, sections as a list."""
        return {
            "page_size": self.page_size,
            "orientation": self.orientation,
            "fit": self.fit,
            "sections": list(self.sections),
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "color_by": self.color_by,
        }


def resolve_options(options: PdfOptions | dict | None, overrides: dict[str, object] | None = None) -> PdfOptions:
    """``options`` (or the defaults) with ``overrides`` (the command line's keywords) applied; ValueError
    names a bad option."""
    base = options.to_dict() if isinstance(options, PdfOptions) else dict(options or {})
    return PdfOptions.from_dict({**base, **(overrides or {})})


def parse_sections(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Sections from "title, risks" or a list, in the document's order; ValueError names a bad one."""
    if value is None:
        return DEFAULT_SECTIONS
    parts = value.split(",") if isinstance(value, str) else list(value)
    chosen: set[str] = set()
    for part in parts:
        if not isinstance(part, str):
            raise ValueError(f"sections: {part!r} is not a section name; allowed: {', '.join(SECTIONS)}")
        name = part.strip().lower().replace(" ", "_")
        if not name:
            continue
        name = SECTION_ALIASES.get(name, name)
        if name not in SECTIONS:
            raise ValueError(f"unknown section {part.strip()!r}; allowed: {', '.join(SECTIONS)}")
        chosen.add(name)
    if not chosen:
        raise ValueError(f"sections: choose at least one of {', '.join(SECTIONS)}")
    return tuple(s for s in SECTIONS if s in chosen)


def _page_size(value: object) -> str:
    text = str(value).strip()
    for size in PAGE_SIZES:
        if text.lower() == size.lower():
            return size
    raise ValueError(f"unknown page size {text!r}; allowed: {', '.join(PAGE_SIZES)}")


def _choice(name: str, value: object, allowed: tuple[str, ...]) -> str:
    text = str(value).strip().lower()
    if text not in allowed:
        raise ValueError(f"unknown {name} {value!r}; allowed: {', '.join(allowed)}")
    return text


def _date(name: str, value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        if isinstance(value, dt.datetime):
            return check_date(value.date())
        if isinstance(value, dt.date):
            return check_date(value)
        if isinstance(value, str):
            return check_date(dt.date.fromisoformat(value.strip()))
    except DateRangeError as exc:
        raise ValueError(f"{name}: {exc}") from None
    except ValueError:
        pass
    raise ValueError(f"{name}: {value!r} is not a date; use YYYY-MM-DD")
