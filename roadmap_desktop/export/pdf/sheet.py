"""What every page of the roadmap PDF shares: the project, its words, fonts, dates and section headings."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter

from ...domain.project import FRAMEWORKS, Project
from ...domain.scheduling import ScheduleError
from ...interchange.forecast_report import ForecastReport, forecast_report
from ...render.ink import INK
from ...wording import wording
from .fonts import make_font
from .layout import draw_lines, line_height, wrap_lines
from .options import PdfOptions
from .style import INK_SOFT, pt

# The wording key of each section's title.
SECTION_TITLES = {
    "title": "pdf.overview",
    "one_page": "pdf.one_page",
    "timeline": "document.timeline",
    "forecast": "pdf.forecast",
    "board": "pdf.board",
    "requirements": "pdf.requirements",
    "risks": "document.risks",
}


class Sheet:
    """The page area, fonts and words of one export; the section modules plan and paint on it."""

    def __init__(self, project: Project, options: PdfOptions, families: list[str], page: QRectF) -> None:
        self.project = project
        self.options = options
        self.families = families
        self.w = wording(project.info.language)
        self.page = page
        self.header_h = pt(20)
        self.footer_h = pt(20)
        self.body = QRectF(0, self.header_h, page.width(), page.height() - self.header_h - self.footer_h)
        self._fonts: dict[tuple[float, bool], QFont] = {}
        self.today = options.today

    def font(self, size_pt: float, bold: bool = False) -> QFont:
        key = (size_pt, bold)
        if key not in self._fonts:
            self._fonts[key] = make_font(self.families, size_pt, bold)
        return self._fonts[key]

    @cached_property
    def report(self) -> ForecastReport | ScheduleError | None:
        """The forecast of the roadmap as drawn (see interchange/forecast_report.py), computed once."""
        return forecast_report(self.project)

    @property
    def critical_ids(self) -> frozenset[str]:
        return self.report.critical_ids if isinstance(self.report, ForecastReport) else frozenset()

    # -- words --------------------------------------------------------------------------------------------
    def section_title(self, section: str) -> str:
        return self.w[SECTION_TITLES[section]]

    def continued(self, title: str) -> str:
        """The heading of a section's second and later pages."""
        return self.w("pdf.continued", title=title)

    def describe(self, section: str) -> str:
        """One line on what a section shows (the contents on the title page, the section's subtitle)."""
        if section == "requirements":
            return self.w("pdf.about.requirements", framework=self.w.around_latin(self.framework_label()))
        return self.w[f"pdf.about.{section}"]

    def framework_label(self) -> str:
        code = self.project.info.framework
        return self.w.choice(code if code in FRAMEWORKS else "rice")

    def date_text(self, day: dt.date, year: bool = True) -> str:
        """The catalog's "pdf.date" ("10 Mar 2025"), or "pdf.date_no_year" ("10 Mar")."""
        key = "pdf.date" if year else "pdf.date_no_year"
        return self.w(key, day=day.day, month=self.w[f"month.{day.month}"], month_number=day.month, year=day.year)

    def month_text(self, day: dt.date) -> str:
        return self.w("pdf.month", month=self.w[f"month.{day.month}"], month_number=day.month, year=day.year)

    def span_text(self, first: dt.date, last: dt.date) -> str:
        """A span of months ("Jan – Nov 2025" within a year); the years spelled out when they differ."""
        if (first.year, first.month) == (last.year, last.month):
            return self.month_text(first)
        if first.year == last.year:
            return self.w(
                "pdf.months_in_year",
                first=self.w[f"month.{first.month}"],
                last=self.w[f"month.{last.month}"],
                first_number=first.month,
                last_number=last.month,
                year=first.year,
            )
        return self.w("pdf.timeline_range", first=self.month_text(first), last=self.month_text(last))

    # -- drawing ------------------------------------------------------------------------------------------
    def section_heading(self, painter: QPainter | None, title: str, subtitle: str = "") -> float:
        """Draw (or, without a painter, only measure) a section heading; return the y below it."""
        y = self.body.top() + pt(4)
        title_font = self.font(17, bold=True)
        lines = wrap_lines(title, title_font, self.body.width(), 2)
        if painter is not None:
            draw_lines(painter, lines, title_font, 0, y, self.body.width(), INK)
        y += len(lines) * line_height(title_font)
        if subtitle:
            sub_font = self.font(9)
            sub = wrap_lines(subtitle, sub_font, self.body.width(), 2)
            if painter is not None:
                draw_lines(painter, sub, sub_font, 0, y, self.body.width(), INK_SOFT)
            y += len(sub) * line_height(sub_font)
        return y + pt(10)

    def draw_empty(self, painter: QPainter, title: str, subtitle: str = "") -> None:
        y = self.section_heading(painter, title, subtitle)
        draw_lines(painter, [self.w["none_yet"]], self.font(10), 0, y, self.body.width(), INK_SOFT)
