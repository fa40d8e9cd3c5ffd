"""The timeline on PDF pages: fitted onto one page, or sliced by whole months (and bands of lanes) across
pages, painted by the same code as the timeline view (render/timeline.py)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen

from ...domain.dates import next_month, shift, whole_months
from ...domain.project import Project
from ...render.timeline import paint_timeline
from ...render.timeline_layout import ZOOM_SCALES, PaintOptions, TimelineLayout
from ...render.timeline_legend import legend_size, paint_legend
from .fonts import make_font
from .layout import Page
from .options import PdfOptions
from .sheet import Sheet
from .style import RULE, TIMELINE_FONT_PX, pt


def plan_timeline(sheet: Sheet) -> list[Page]:
    heading = sheet.section_title("timeline")
    probe = TimelineLayout(sheet.project, *date_bounds(sheet.project, sheet.options), font=timeline_font(sheet))
    subtitle = sheet.w("pdf.timeline_range", first=sheet.date_text(probe.first), last=sheet.date_text(probe.last))
    top = sheet.section_heading(None, heading, subtitle)
    area = QRectF(0, top, sheet.body.width(), sheet.body.bottom() - top)
    if not sheet.project.items:
        return [Page("timeline", heading, lambda p: sheet.draw_empty(p, heading, subtitle))]
    if sheet.options.fit == "split":
        slices = split_timeline(sheet.project, sheet.options, area, timeline_font(sheet))
    else:
        slices = [fit_timeline(sheet.project, sheet.options, area, timeline_font(sheet))]
    pages = []
    for n, piece in enumerate(slices):
        piece.critical = bool(sheet.critical_ids)
        title = heading if n == 0 else sheet.continued(heading)
        sub = sheet.w("pdf.timeline_range", first=sheet.date_text(piece.first), last=sheet.date_text(piece.last))

        def draw(painter: QPainter, piece: TimelineSlice = piece, title: str = title, sub: str = sub) -> None:
            sheet.section_heading(painter, title, sub)
            piece.paint(painter, sheet.options, sheet.critical_ids)

        pages.append(Page("timeline", heading, draw))
    return pages


def timeline_font(sheet: Sheet) -> QFont:
    return make_font(sheet.families, TIMELINE_FONT_PX, scale=1.0)


@dataclass
class TimelineSlice:
    """One page's piece of a timeline: the content rectangle (layout units) and where it goes."""

    layout: TimelineLayout
    rect: QRectF  # content coordinates, header and gutter included
    target: QRectF  # device rectangle on the page
    scale: float  # device units per layout unit
    first: dt.date
    last: dt.date
    legend_height: float = 0.0
    page_width: float = 0.0  # device units
    critical: bool = False  # the legend names the critical path's outline

    def paint(self, painter: QPainter, options: PdfOptions, critical: frozenset[str] = frozenset()) -> None:
        """The slice, outlining the ``critical`` path's bars (named in the legend)."""
        painter.save()
        painter.translate(self.target.left(), self.target.top())
        painter.scale(self.scale, self.scale)
        painter.translate(-self.rect.left(), -self.rect.top())
        paint_options = PaintOptions(
            color_by=options.color_by, today=options.today or dt.date.today(), legend=False, critical_ids=critical
        )
        paint_timeline(painter, self.layout, self.rect, paint_options)
        painter.setClipping(False)
        painter.setPen(QPen(RULE, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect)
        if self.legend_height:
            # As wide as the page, so a narrow last slice does not wrap the legend onto more lines.
            width = max(self.rect.width(), self.page_width / self.scale)
            below = QRectF(self.rect.left(), self.rect.bottom(), width, self.legend_height)
            paint_legend(painter, self.layout, below.adjusted(-10, 0, 10, 10), options.color_by, self.critical)
        painter.restore()


def timeline_legend_height(layout: TimelineLayout, color_by: str, width: float, critical: bool = True) -> float:
    max_width = min(width - layout.gutter_width - 16, 760)
    if max_width < 120:
        return 0.0
    return legend_size(layout, color_by, max_width, critical)[1] + 8


def date_bounds(project: Project, options: PdfOptions) -> tuple[dt.date | None, dt.date | None]:
    """The options' date range; an open end hugs the scheduled items (whole months, a few days of air)."""
    starts = [i.start for i in project.items if i.start is not None]
    ends = [i.end for i in project.items if i.end is not None]
    first, last = options.date_from, options.date_to
    if starts:
        hug_first, hug_last = whole_months(min(starts), max(ends))
        first = hug_first if first is None else first
        last = hug_last if last is None else last
    if first and last and last < first:
        first, last = options.date_from, options.date_to
    return first, last


def timeline_layout(
    project: Project,
    options: PdfOptions,
    font: QFont,
    scale: float,
    row_height: float = 30.0,
    label_scale: float | None = None,
) -> TimelineLayout:
    layout = TimelineLayout(
        project,
        *date_bounds(project, options),
        scale,
        font=font,
        row_height=row_height,
        bar_height=min(22 + (row_height - 30) * 0.4, 28),
        lane_padding=6 + (row_height - 30) * 0.2,
        label_scale=label_scale,
    )
    layout.print_labels = True
    return layout


def fit_timeline(project: Project, options: PdfOptions, area: QRectF, font: QFont) -> TimelineSlice:
    """The whole date range on one page: text near 8 pt, smaller only when the lanes need the height;
    rows grow (up to half again) when the page has height to spare."""
    text_scale = pt(8) / TIMELINE_FONT_PX  # device units per layout unit for 8 pt text
    row_height = 30.0
    probe = timeline_layout(project, options, font, ZOOM_SCALES["month"])
    # The days' width at 8 pt text: rows are packed so every title fits beside its bar at that width.
    label_scale = max((area.width() / text_scale - probe.gutter_width) / probe.days, 0.05)
    for _attempt in range(2):
        layout = timeline_layout(project, options, font, ZOOM_SCALES["month"], row_height, label_scale)
        scale = text_scale
        for _ in range(3):  # the legend's height depends on the width, which depends on the scale
            legend_h = timeline_legend_height(layout, options.color_by, area.width() / scale)
            scale = min(text_scale, area.height() / (layout.height + legend_h))
        spare = area.height() / ((layout.height + legend_h) * scale)
        if spare < 1.08 or row_height > 30:
            break
        row_height = min(30 * (1 + (spare - 1) * 0.8), 45.0)
    width = area.width() / scale
    layout.scale = max((width - layout.gutter_width) / layout.days, 0.05)
    legend_h = timeline_legend_height(layout, options.color_by, width)
    rect = QRectF(0, 0, layout.width, layout.height)
    target = QRectF(area.left(), area.top(), rect.width() * scale, rect.height() * scale)
    return TimelineSlice(layout, rect, target, scale, layout.first, layout.last, legend_h, area.width())


def split_timeline(project: Project, options: PdfOptions, area: QRectF, font: QFont) -> list[TimelineSlice]:
    """The timeline at month zoom in whole-month slices (lane gutter repeated on each page) and, when
    the lanes are taller than a page, in bands of lanes (axis repeated)."""
    scale = pt(8.5) / TIMELINE_FONT_PX
    width = area.width() / scale
    layout = timeline_layout(project, options, font, ZOOM_SCALES["month"])
    legend_h = timeline_legend_height(layout, options.color_by, width)
    room_h = area.height() / scale - legend_h
    spare = room_h / layout.height
    if spare > 1.08:  # all lanes fit on a page with height to spare: taller rows read better
        layout = timeline_layout(project, options, font, ZOOM_SCALES["month"], min(30 * (1 + (spare - 1) * 0.8), 45.0))
    days_per_page = max(int((width - layout.gutter_width) / layout.scale), 28)
    # Date slices on month boundaries where possible.
    cuts = [layout.first]
    while cuts[-1] <= layout.last:  # the layout keeps within the supported dates and a margin: no overflow
        start = cuts[-1]
        limit = shift(start, days_per_page)
        month = next_month(start)
        best = None
        while month <= limit:
            best = month
            month = next_month(month)
        cuts.append(best if best is not None and best > start else limit)
    # Bands of whole lanes; a lane taller than a page is cut between rows.
    body_room = room_h - layout.header_height
    lane_ends = [lane.y + lane.height for lane in layout.lanes]
    row_ends = sorted({row.y + layout.row_height for row in layout.rows} | set(lane_ends))
    bands: list[tuple[float, float]] = []
    y0, bottom = layout.header_height, layout.body_bottom
    while bottom - y0 > body_room:
        fitting = [e for e in lane_ends if y0 < e <= y0 + body_room] or [
            e for e in row_ends if y0 < e <= y0 + body_room
        ]
        cut = max(fitting) if fitting else y0 + body_room
        bands.append((y0, cut))
        y0 = cut
    bands.append((y0, max(bottom, y0 + 1)))
    slices = []
    for first, nxt in itertools.pairwise(cuts):
        x0 = layout.x_for(first) - layout.gutter_width
        x1 = layout.x_for(min(nxt, shift(layout.last, 1)))
        for top, bottom in bands:
            rect = QRectF(x0, top - layout.header_height, x1 - x0, bottom - top + layout.header_height)
            target = QRectF(area.left(), area.top(), rect.width() * scale, rect.height() * scale)
            last = min(shift(nxt, -1), layout.last)
            slices.append(TimelineSlice(layout, rect, target, scale, first, last, legend_h, area.width()))
    return slices
