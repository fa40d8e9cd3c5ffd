"""Timeline geometry shared by the timeline view, the workshop presenter and the PDF (QtGui only): zoom
levels, colours, the layout of lanes, rows and bars, date <-> x, hit testing and axis labels.

Coordinates are "content" pixels: x = gutter + days since the origin * scale, y = header + lane
rows. Painting is in timeline.py (bars and titles in timeline_bars.py).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPolygonF, QTextLayout

from ..domain.dates import FIRST_DATE, LAST_DATE, clamp, shift
from ..domain.project import Project
from ..domain.timeline import TimelineItem
from ..wording import wording

ZOOMS = ("week", "month", "quarter")
# Pixels per day that each zoom button picks; Ctrl+wheel zooms smoothly between them.
ZOOM_SCALES = {"week": 22.0, "month": 5.0, "quarter": 1.6}
MIN_SCALE, MAX_SCALE = 0.45, 60.0
MILESTONE_CLEARANCE = 2  # days kept free beside a milestone in its row (its diamond is ~18 px wide)
# The widest span a layout covers: the supported dates with room for the axis's air on either side.
VIEW_FIRST = shift(FIRST_DATE, -366)
VIEW_LAST = shift(LAST_DATE, 366)
_CALENDAR_DAYS = dt.date.max.toordinal()

# Calm, distinct lane colours that keep white text readable (checked on a projector-like grey).
LANE_COLORS = ("#3F6FB5", "#2F8C7E", "#C17A2B", "#7A63AE", "#2E87A3", "#B3566A", "#5E8A34", "#8A6A52")
NO_LANE_COLOR = "#7B8794"
STATUS_COLORS = {"not_started": "#8D99A6", "in_progress": "#3A78C2", "done": "#3C9461", "blocked": "#CF4B3B"}

INK_SOFT = QColor("#52606D")
GRID = QColor("#E6EAEE")
GRID_MAJOR = QColor("#C9D1D9")
BAND_EVEN = QColor("#FFFFFF")
BAND_ODD = QColor("#F5F7FA")
GUTTER_BG = QColor("#EEF2F6")
HEADER_BG = QColor("#FFFFFF")
WEEKEND = QColor(30, 41, 59, 14)
TODAY_COLOR = QColor("#D64545")
ARROW = QColor("#7E8A97")
ARROW_LATE = QColor("#CF4B3B")
CRITICAL = QColor("#C62828")
SELECT = QColor("#1D4ED8")

LABEL_GAP = 6.0  # between a bar and the title written beside it
ARROW_TIP = 6.0  # kept free before a bar for the arrowhead entering it, by a title written before the bar
MAX_LABEL_PX = 320.0  # how far a label beside a bar can reach into the visible area
ELLIPSIS = "\u2026"
# Above this many plain bars in view, bars are square-cornered and drawn in one call per colour:
# at that density the corners cannot be seen, and rounded antialiased bars cost ~17 µs each.
DENSE_BARS = 150
CONNECTOR_RADIUS = 4.5


def zoom_for_scale(scale: float) -> str:
    """The axis level that reads best at this many pixels per day."""
    if scale >= 11:
        return "week"
    if scale >= 2.8:
        return "month"
    return "quarter"


def lane_color(index: int) -> QColor:
    return QColor(LANE_COLORS[index % len(LANE_COLORS)]) if index >= 0 else QColor(NO_LANE_COLOR)


@dataclass
class Bar:
    """One scheduled item placed in a row; days count from the layout's origin."""

    id: str
    title: str
    lane: int  # index into layout.lanes
    row: int  # index into layout.rows
    start_day: int
    end_day: int  # exclusive; a milestone occupies its one day
    milestone: bool
    status: str
    item: TimelineItem
    title_width: float = -1.0  # cached at first paint
    slot: int = 0  # position in its row
    advances: dict[bool, list[float]] | None = None  # title prefix widths (regular, bold), for eliding
    box_scale: float = -1.0  # the scale ``box`` was computed at
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


@dataclass
class Row:
    y: float
    lane: int
    bars: list[Bar] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)  # end_day of each bar, ascending (bars never overlap)


@dataclass
class LaneBand:
    lane_id: str  # "" for the "No lane" band of items whose lane is missing
    name: str
    color: QColor
    y: float
    height: float
    first_row: int
    row_count: int


@dataclass(frozen=True)
class Tick:
    day: dt.date
    x: float
    x_end: float
    label: str


@dataclass
class PaintOptions:
    color_by: str = "lane"  # "lane" or "status"
    today: dt.date | None = None  # None: no today line
    weekends: bool = True  # shaded only when days are wide enough to see
    legend: bool = True
    dependencies: bool = True
    critical_ids: frozenset[str] = frozenset()
    selected_ids: frozenset[str] = frozenset()
    selected_link: tuple[str, str] | None = None  # (predecessor id, successor id)
    hover_id: str | None = None  # shows the connector handle
    dimmed_ids: frozenset[str] = frozenset()  # drawn faint, e.g. while a drag shows a ghost
    title: str = ""  # shown in the top-left corner
    stats: dict[str, int] | None = None  # filled with counts of what was painted


class TimelineLayout:
    """Pure geometry of a project's timeline; changing the scale needs no rebuild."""

    def __init__(
        self,
        project: Project,
        first: dt.date | None = None,
        last: dt.date | None = None,
        scale: float = ZOOM_SCALES["month"],
        *,
        include: Iterable[dt.date] = (),
        font: QFont | None = None,
        row_height: float = 30.0,
        bar_height: float = 22.0,
        lane_padding: float = 6.0,
        header_height: float = 50.0,
        gutter_width: float | None = None,
        language: str | None = None,
        label_scale: float | None = None,
    ) -> None:
        """``label_scale``: for print, the scale the layout will be drawn at; rows are then packed so
        that each title has room beside its bar in full (a page cannot zoom to show a cut title)."""
        self.wording = wording(language or project.info.language)  # axis labels, legend, "No lane"
        # Printed pages cannot zoom: a title that fits neither inside nor beside a bar within the screen's
        # reach goes beside it at any length, or before the bar, before it is ever elided.
        self.print_labels = False
        self.font = QFont(font) if font is not None else default_font()
        self.bold_font = QFont(self.font)
        self.bold_font.setWeight(QFont.Weight.DemiBold)
        self.metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold_font)
        self._ellipsis_width = {
            False: self.metrics.horizontalAdvance(ELLIPSIS),
            True: self.bold_metrics.horizontalAdvance(ELLIPSIS),
        }
        self.row_height = row_height
        self.bar_height = bar_height
        self.lane_padding = lane_padding
        self.header_height = header_height
        self.scale = float(scale)
        self.legend_cache: dict[tuple[str, int], list[tuple[str, QColor, QRectF]]] = {}

        scheduled = [item for item in project.items if item.start is not None]
        self.unscheduled: list[str] = [item.id for item in project.items if item.start is None]
        self.first, self.last = _date_range(scheduled, first, last, include)
        self.days = (self.last - self.first).days + 1

        # Lanes in project order; items whose lane is missing go to a trailing "No lane" band.
        lane_index = {lane.id: i for i, lane in enumerate(project.lanes)}
        names = [(lane.id, lane.name, lane_color(i)) for i, lane in enumerate(project.lanes)]
        orphans = [item for item in scheduled if item.lane_id not in lane_index]
        if orphans:
            names.append(("", self.wording["timeline.no_lane"], QColor(NO_LANE_COLOR)))
        per_lane: list[list[TimelineItem]] = [[] for _ in names]
        for item in scheduled:
            per_lane[lane_index.get(item.lane_id, len(names) - 1)].append(item)

        if gutter_width is None:
            widest = max((self.bold_metrics.horizontalAdvance(n) for _i, n, _c in names), default=80.0)
            gutter_width = min(max(widest / 2 + 40, 150.0), 240.0)  # names wrap onto two lines
        self.gutter_width = gutter_width

        self.lanes: list[LaneBand] = []
        self.rows: list[Row] = []
        self.bars: dict[str, Bar] = {}
        y = header_height
        for index, ((lane_id, name, color), items) in enumerate(zip(names, per_lane, strict=True)):
            first_row = len(self.rows)
            lane_rows = _pack(items, self._label_days(items, label_scale) if label_scale else None)
            count = max(len(lane_rows), 1)
            for r in range(count):
                row = Row(y + lane_padding + r * row_height, index)
                for item in lane_rows[r] if r < len(lane_rows) else ():
                    start = (item.start - self.first).days  # type: ignore[operator]
                    end = start + (1 if item.milestone else max(item.duration_days, 1))
                    bar = Bar(item.id, item.title, index, len(self.rows), start, end, item.milestone, item.status, item)
                    bar.slot = len(row.bars)
                    row.bars.append(bar)
                    row.ends.append(end)
                    self.bars[item.id] = bar
                self.rows.append(row)
            height = count * row_height + 2 * lane_padding
            self.lanes.append(LaneBand(lane_id, name, color, y, height, first_row, count))
            y += height
        self.body_bottom = y
        self._row_tops = [row.y for row in self.rows]
        self._lane_tops = [lane.y for lane in self.lanes]

        self.links: list[tuple[Bar, Bar]] = []
        for item in scheduled:
            for pred_id in item.depends_on:
                pred = self.bars.get(pred_id)
                if pred is not None and pred_id != item.id:
                    self.links.append((pred, self.bars[item.id]))
        # Day and y spans of each link, so culling per frame is plain number comparisons.
        self._link_spans = [
            (
                min(pred.start_day, succ.start_day),
                max(pred.end_day, succ.start_day),
                min(self.rows[pred.row].y, self.rows[succ.row].y),
                max(self.rows[pred.row].y, self.rows[succ.row].y) + row_height,
                pred,
                succ,
            )
            for pred, succ in self.links
        ]

    # -- scale and size ------------------------------------------------------------------
    def set_scale(self, scale: float) -> None:
        self.scale = min(max(float(scale), MIN_SCALE), MAX_SCALE)

    @property
    def zoom(self) -> str:
        return zoom_for_scale(self.scale)

    @property
    def width(self) -> float:
        return self.gutter_width + self.days * self.scale

    @property
    def height(self) -> float:
        return self.body_bottom

    # -- dates and x -----------------------------------------------------------------------
    def x_for_day(self, day: float) -> float:
        return self.gutter_width + day * self.scale

    def x_for(self, date: dt.date) -> float:
        """Left edge of the day's column."""
        return self.x_for_day((date - self.first).days)

    def day_at(self, x: float) -> float:
        return (x - self.gutter_width) / self.scale

    def date_at(self, x: float) -> dt.date:
        day = self.day_at(x)
        if not math.isfinite(day):  # a NaN or infinite coordinate from a degenerate transform
            day = 0.0 if math.isnan(day) else math.copysign(_CALENDAR_DAYS, day)
        return shift(self.first, math.floor(max(min(day, _CALENDAR_DAYS), -_CALENDAR_DAYS)))

    # -- bars --------------------------------------------------------------------------------
    def bar_y(self, bar: Bar) -> float:
        return self.rows[bar.row].y + (self.row_height - self.bar_height) / 2

    def bar_box(self, bar: Bar) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the bar, or of a milestone's diamond; plain floats for speed.

        Kept on the bar until the scale changes: a frame asks for a box several times (bar, label,
        links in and out) and scrolling repaints the same boxes."""
        scale = self.scale
        if bar.box_scale == scale:
            return bar.box
        bar.box_scale = scale
        bar.box = box = self._compute_box(bar, scale)
        return box

    def _compute_box(self, bar: Bar, scale: float) -> tuple[float, float, float, float]:
        x0 = self.gutter_width + bar.start_day * scale
        y = self.rows[bar.row].y + (self.row_height - self.bar_height) / 2
        if bar.milestone:
            half = self.bar_height * 0.41
            cx = x0 + scale / 2
            cy = y + self.bar_height / 2
            return cx - half, cy - half, cx + half, cy + half
        # A bar keeps a visible width at the widest zoom and a hairline gap from its neighbour.
        width = (bar.end_day - bar.start_day) * scale - min(1.0, scale * 0.15)
        return x0, y, x0 + (width if width > 3.0 else 3.0), y + self.bar_height

    def bar_rect(self, bar: Bar | str) -> QRectF:
        """The bar's rectangle; for a milestone, the diamond's bounding square."""
        if isinstance(bar, str):
            bar = self.bars[bar]
        x0, y0, x1, y1 = self.bar_box(bar)
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def milestone_x(self, bar: Bar) -> float:
        return self.x_for_day(bar.start_day) + self.scale / 2

    def diamond(self, bar: Bar) -> QPolygonF:
        r = self.bar_rect(bar)
        c = r.center()
        return QPolygonF(
            [QPointF(c.x(), r.top()), QPointF(r.right(), c.y()), QPointF(c.x(), r.bottom()), QPointF(r.left(), c.y())]
        )

    def connector_point(self, bar: Bar) -> QPointF:
        """Centre of the small handle at the bar's right end that starts a dependency drag."""
        r = self.bar_rect(bar)
        return QPointF(r.right() + CONNECTOR_RADIUS + 3, r.center().y())

    def rows_between(self, y0: float, y1: float) -> range:
        first = max(bisect_right(self._row_tops, y0 - self.row_height), 0)
        last = bisect_right(self._row_tops, y1)
        return range(first, last)

    def visible_bars(self, rect: QRectF, label_margin: float = MAX_LABEL_PX) -> Iterator[Bar]:
        """Bars whose rectangle (or the label beside it) may intersect ``rect``; uses the row index."""
        d0 = math.floor(self.day_at(rect.left() - label_margin)) - 1
        d1 = math.ceil(self.day_at(rect.right())) + 1
        for r in self.rows_between(rect.top(), rect.bottom()):
            row = self.rows[r]
            bars = row.bars
            i = bisect_right(row.ends, d0)
            while i < len(bars) and bars[i].start_day <= d1:
                yield bars[i]
                i += 1

    def next_bar(self, bar: Bar) -> Bar | None:
        bars = self.rows[bar.row].bars
        return bars[bar.slot + 1] if bar.slot + 1 < len(bars) else None

    def prev_bar(self, bar: Bar) -> Bar | None:
        return self.rows[bar.row].bars[bar.slot - 1] if bar.slot > 0 else None

    def label_room_left(self, bar: Bar) -> float:
        prev = self.prev_bar(bar)
        limit = self.bar_box(prev)[2] if prev is not None else self.gutter_width
        return max(self.bar_box(bar)[0] - limit - 2 * LABEL_GAP - ARROW_TIP, 0.0)

    def label_room(self, bar: Bar) -> float:
        """Free pixels to the right of the bar before the next bar in its row."""
        nxt = self.next_bar(bar)
        limit = self.bar_box(nxt)[0] if nxt is not None else self.width
        return max(limit - self.bar_box(bar)[2] - 2 * LABEL_GAP, 0.0)

    def elide(self, bar: Bar, width: float, bold: bool = False) -> str:
        """The bar's title cut to ``width`` with an ellipsis, as QFontMetricsF.elidedText does, but from
        prefix widths measured once per title: hundreds of titles elide per frame at quarter zoom."""
        if bar.advances is None:
            bar.advances = {}
        widths = bar.advances.get(bold)
        if widths is None:
            widths = bar.advances[bold] = _prefix_widths(bar.title, self.bold_font if bold else self.font)
        if widths[-1] <= width:
            return bar.title
        room = width - self._ellipsis_width[bold]
        if room < 0:
            return ""
        k = bisect_right(widths, room) - 1
        return bar.title[:k].rstrip() + ELLIPSIS if k > 0 else ELLIPSIS

    # -- lanes -----------------------------------------------------------------------------
    def lane_at(self, y: float) -> int:
        """Index of the lane band at ``y`` (clamped to the first and last lanes), -1 without lanes."""
        if not self.lanes:
            return -1
        return min(max(bisect_right(self._lane_tops, y) - 1, 0), len(self.lanes) - 1)

    # -- hit testing -----------------------------------------------------------------------------
    def bar_at(self, point: QPointF, slack: float = 0.0) -> Bar | None:
        r = bisect_right(self._row_tops, point.y()) - 1
        if r < 0 or point.y() > self.rows[r].y + self.row_height:
            return None
        probe = QRectF(point.x() - slack - 12, point.y() - 1, 2 * slack + 24, 2)
        for bar in self.visible_bars(probe, label_margin=0):
            if self.bar_rect(bar).adjusted(-slack, 0, slack, 0).contains(point):
                return bar
        return None

    def link_path(self, pred: Bar, succ: Bar) -> list[QPointF]:
        """Finish-to-start route: down (or up) out of the predecessor's end, with an elbow, into the
        successor's start; leaving through the bar's bottom keeps the line off the title beside it."""
        c = self.link_coords(pred, succ)
        return [QPointF(c[i], c[i + 1]) for i in range(0, len(c), 2)]

    def link_coords(self, pred: Bar, succ: Bar) -> list[float]:
        """``link_path`` as a flat x, y, x, y ... list (what painting uses)."""
        ax0, ay0, ax1, ay1 = self.bar_box(pred)
        bx0, by0, _bx1, by1 = self.bar_box(succ)
        xb, yb = bx0, (by0 + by1) / 2
        row_y = self.rows[succ.row].y
        if pred.row == succ.row:
            xa, ya = ax1, (ay0 + ay1) / 2
            if xb - xa >= 4:
                return [xa, ya, xb, yb]
            ymid = row_y + self.row_height - 1.5
            return [xa, ya, xa + 6, ya, xa + 6, ymid, xb - 10, ymid, xb - 10, yb, xb, yb]
        down = succ.row > pred.row
        xs = (ax0 + ax1) / 2 if pred.milestone else max(ax0 + min(4.0, (ax1 - ax0) / 2), ax1 - 6)
        ys = ay1 if down else ay0
        if xb - xs >= 10:
            return [xs, ys, xs, yb, xb, yb]
        ymid = row_y if down else row_y + self.row_height
        return [xs, ys, xs, ymid, xb - 10, ymid, xb - 10, yb, xb, yb]

    def link_bounds(self, pred: Bar, succ: Bar) -> tuple[float, float, float, float]:
        xa0 = self.x_for_day(pred.start_day)
        xa1 = self.x_for_day(pred.end_day)
        xb = self.x_for_day(succ.start_day)
        ya = self.rows[pred.row].y
        yb = self.rows[succ.row].y
        return min(xa0, xb) - 24, min(ya, yb), max(xa1, xb) + 24, max(ya, yb) + self.row_height

    def is_late(self, pred: Bar, succ: Bar) -> bool:
        """The successor starts before its predecessor finishes (a milestone finishes on its day)."""
        return succ.start_day < (pred.start_day if pred.milestone else pred.end_day)

    def visible_links(self, rect: QRectF) -> Iterator[tuple[Bar, Bar]]:
        margin = 24 / self.scale + 1  # elbows and arrowheads reach a little beyond the days
        d0, d1 = self.day_at(rect.left()) - margin, self.day_at(rect.right()) + margin
        top, bottom = rect.top(), rect.bottom()
        for first, last, y0, y1, pred, succ in self._link_spans:
            if last >= d0 and first <= d1 and y1 >= top and y0 <= bottom:
                yield pred, succ

    def link_at(self, point: QPointF, tolerance: float = 4.0) -> tuple[str, str] | None:
        probe = QRectF(point.x() - tolerance, point.y() - tolerance, 2 * tolerance, 2 * tolerance)
        best: tuple[float, tuple[str, str]] | None = None
        for pred, succ in self.visible_links(probe):
            pts = self.link_path(pred, succ)
            for p, q in itertools.pairwise(pts):
                d = _distance_to_segment(point, p, q)
                if d <= tolerance and (best is None or d < best[0]):
                    best = (d, (pred.id, succ.id))
        return best[1] if best else None

    # -- axis ------------------------------------------------------------------------------------
    def axis_ticks(self, x0: float | None = None, x1: float | None = None) -> tuple[list[Tick], list[Tick]]:
        """(major, minor) periods spanning [x0, x1]: quarter over month at month zoom, month over
        week at week zoom, year over quarter at quarter zoom."""
        x0 = self.gutter_width if x0 is None else x0
        x1 = self.width if x1 is None else x1
        d0 = max(self.date_at(x0), self.first)
        d1 = min(self.date_at(x1), self.last)
        major_unit, minor_unit = {
            "week": ("month", "week"),
            "month": ("quarter", "month"),
            "quarter": ("year", "quarter"),
        }[self.zoom]
        return self._periods(major_unit, d0, d1, major=True), self._periods(minor_unit, d0, d1, major=False)

    def _periods(self, unit: str, d0: dt.date, d1: dt.date, major: bool) -> list[Tick]:
        ticks: list[Tick] = []
        start = _period_start(unit, d0)
        while start <= d1:
            nxt = _period_next(unit, start)
            ticks.append(Tick(start, self.x_for(start), self.x_for(nxt), self._label(unit, start, major)))
            if nxt <= start:  # the calendar's last day
                break
            start = nxt
        return ticks

    def _label(self, unit: str, day: dt.date, major: bool) -> str:
        w = self.wording
        quarter = (day.month - 1) // 3 + 1
        if unit == "year":
            return w("timeline.axis.year", year=day.year)
        if unit == "quarter":
            return w(
                "timeline.axis.quarter" if major else "timeline.axis.quarter_short", quarter=quarter, year=day.year
            )
        if unit == "month":
            if major:
                return w("timeline.axis.month", month=w[f"month_long.{day.month}"], year=day.year)
            return w[f"month.{day.month}"]
        week = day.isocalendar()[1]
        return w("timeline.axis.week", week=week, day=day.day, month=w[f"month.{day.month}"], month_number=day.month)

    # -- legend ----------------------------------------------------------------------------------
    def _label_days(self, items: list[TimelineItem], scale: float) -> dict[str, int]:
        """Days past each bar's end that its title needs when it does not fit inside the bar."""
        out = {}
        for item in items:
            metrics = self.bold_metrics if item.milestone else self.metrics
            width = metrics.horizontalAdvance(item.title) + 2 * LABEL_GAP + 14
            inside = 0 if item.milestone else max(item.duration_days, 1) * scale - 12
            if width - 14 > inside:
                out[item.id] = math.ceil(width / scale)
        return out

    def legend_title(self, color_by: str) -> str:
        return self.wording["document.status" if color_by == "status" else "timeline.lanes"]

    def legend_entries(self, color_by: str) -> list[tuple[str, QColor]]:
        if color_by == "status":
            return [(self.wording.choice(s), QColor(c)) for s, c in STATUS_COLORS.items()]
        return [(lane.name, lane.color) for lane in self.lanes]


def default_font() -> QFont:
    font = QFont()
    font.setPointSizeF(9.5)
    return font


def _date_range(
    items: list[TimelineItem], first: dt.date | None, last: dt.date | None, include: Iterable[dt.date]
) -> tuple[dt.date, dt.date]:
    """The days drawn: the items' and ``include``'s with some air, never beyond the supported dates and a
    margin (a stray date, such as a clock set to 9999, would otherwise make a canvas millions of days wide)."""
    days = [item.start for item in items] + [item.end for item in items] + list(include)
    days = [clamp(d) for d in days if d is not None]
    lo = min(days) if days else clamp(dt.date.today())
    hi = max(days) if days else lo
    if first is None:
        first = _period_start("month", shift(lo, -21))
    if last is None:
        last = shift(_period_next("quarter", shift(hi, 30)), -1)
    first, last = clamp(first, VIEW_FIRST, VIEW_LAST), clamp(last, VIEW_FIRST, VIEW_LAST)
    if last < first:
        last = first
    return first, last


def _pack(items: list[TimelineItem], label_days: dict[str, int] | None = None) -> list[list[TimelineItem]]:
    """Greedy interval packing: each item goes to the first row where it starts after the last end
    (counting ``label_days``, the days a title written beside its bar reaches past the bar's end)."""
    rows: list[list[TimelineItem]] = []
    row_end: list[dt.date] = []
    # A diamond is wider than its day: it keeps MILESTONE_CLEARANCE days clear on each side, so it never
    # covers the end of the bar before it in its row (a launch right after the work is common).
    clear = MILESTONE_CLEARANCE
    for item in sorted(items, key=lambda i: (i.start, -(i.duration_days or 0), i.title)):
        end = shift(item.start, clear) if item.milestone else item.end  # type: ignore[arg-type]
        if label_days:
            end = shift(end, label_days.get(item.id, 0))  # type: ignore[arg-type]
        begin = shift(item.start, -clear) if item.milestone else item.start  # type: ignore[arg-type]
        for r, last_end in enumerate(row_end):
            if begin > last_end:
                rows[r].append(item)
                row_end[r] = end  # type: ignore[assignment]
                break
        else:
            rows.append([item])
            row_end.append(end)  # type: ignore[arg-type]
    return rows


def _period_start(unit: str, day: dt.date) -> dt.date:
    if unit == "week":
        return shift(day, -day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return dt.date(day.year, 1, 1)


def _period_next(unit: str, start: dt.date) -> dt.date:
    """The start of the next period; ``date.max`` where the calendar ends first (never raises)."""
    if unit == "week":
        return shift(start, 7)
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    month = start.month - 1 + months
    year = start.year + month // 12
    return dt.date(year, month % 12 + 1, 1) if year <= dt.MAXYEAR else dt.date.max


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))


# -- painting -------------------------------------------------------------------------------------


def _prefix_widths(text: str, font: QFont) -> list[float]:
    """The width of every prefix of ``text``, from one text layout: measuring each prefix on its own
    shapes the text again each time, four times slower, and this runs the first time a bar is seen."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    widths = [line.cursorToX(k)[0] for k in range(len(text) + 1)]
    for k in range(1, len(widths)):  # ascending, for bisect
        widths[k] = max(widths[k], widths[k - 1])
    return widths
