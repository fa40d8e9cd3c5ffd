"""Timeline geometry and painting, shared by the timeline view and the PDF export (QtGui only).

Coordinates are "content" pixels: x = gutter + days since the origin * scale, y = header + lane
rows. ``paint_timeline`` paints the part of the content inside ``rect``; the axis header and the
lane gutter stick to the top and left edges of ``rect``, so a scrolling view passes its visible
rectangle and a PDF page passes the whole content (or one slice of it per page).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPolygonF,
    QRegion,
    QTextLayout,
)

from ..domain.project import Project
from ..domain.timeline import TimelineItem

ZOOMS = ("week", "month", "quarter")
# Pixels per day that each zoom button picks; Ctrl+wheel zooms smoothly between them.
ZOOM_SCALES = {"week": 22.0, "month": 5.0, "quarter": 1.6}
MIN_SCALE, MAX_SCALE = 0.45, 60.0
MILESTONE_CLEARANCE = 2  # days kept free beside a milestone in its row (its diamond is ~18 px wide)

# Calm, distinct lane colours that keep white text readable (checked on a projector-like grey).
LANE_COLORS = ("#3F6FB5", "#2F8C7E", "#C17A2B", "#7A63AE", "#2E87A3", "#B3566A", "#5E8A34", "#8A6A52")
NO_LANE_COLOR = "#7B8794"
STATUS_COLORS = {"not_started": "#8D99A6", "in_progress": "#3A78C2", "done": "#3C9461", "blocked": "#CF4B3B"}
STATUS_LABELS = {
    "en": {"not_started": "Not started", "in_progress": "In progress", "done": "Done", "blocked": "Blocked"},
    "zh": {"not_started": "未开始", "in_progress": "进行中", "done": "已完成", "blocked": "受阻"},
}
WORDS = {
    "en": {"lanes": "Lanes", "status": "Status", "today": "Today", "no_lane": "No lane", "milestone": "Milestone"},
    "zh": {"lanes": "泳道", "status": "状态", "today": "今天", "no_lane": "未分配泳道", "milestone": "里程碑"},
}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_EN_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

INK = QColor("#1F2933")
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
MAX_LABEL_PX = 320.0  # how far a label beside a bar can reach into the visible area
ELLIPSIS = "\u2026"
# Above this many plain bars in view, bars are square-cornered and drawn in one call per colour:
# at that density the corners cannot be seen, and rounded antialiased bars cost ~17 µs each.
DENSE_BARS = 150
# Timelines with more bars and links than this paint through timeline_dense.py (numpy); None = decide
# by size, True/False force a path (tests compare the two).
ARRAY_PATH_ITEMS = 400
FORCE_ARRAY_PATH: bool | None = None
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


_TEXT_COLORS: dict[int, QColor] = {}


def text_color_on(fill: QColor) -> QColor:
    """White or ink, whichever contrasts more with ``fill``."""
    key = fill.rgba()
    cached = _TEXT_COLORS.get(key)
    if cached is None:
        cached = _TEXT_COLORS[key] = _text_color_on(fill)
    return cached


def _text_color_on(fill: QColor) -> QColor:

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * channel(fill.red()) + 0.7152 * channel(fill.green()) + 0.0722 * channel(fill.blue())
    return QColor("#FFFFFF") if (1.05 / (lum + 0.05)) >= 3.6 else INK


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
    ) -> None:
        self.language = language or (project.info.language if project.info.language in WORDS else "en")
        self.words = WORDS[self.language]
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
            names.append(("", self.words["no_lane"], QColor(NO_LANE_COLOR)))
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
            lane_rows = _pack(items)
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
        return self.first + dt.timedelta(days=math.floor(self.day_at(x)))

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
        return max(self.bar_box(bar)[0] - limit - 2 * LABEL_GAP, 0.0)

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
            start = nxt
        return ticks

    def _label(self, unit: str, day: dt.date, major: bool) -> str:
        zh = self.language == "zh"
        quarter = (day.month - 1) // 3 + 1
        if unit == "year":
            return f"{day.year}年" if zh else str(day.year)
        if unit == "quarter":
            if major:
                return f"{day.year} 年 Q{quarter}" if zh else f"Q{quarter} {day.year}"
            return f"Q{quarter}"
        if unit == "month":
            if major:
                return f"{day.year}年{day.month}月" if zh else f"{MONTHS_EN_LONG[day.month - 1]} {day.year}"
            return f"{day.month}月" if zh else MONTHS_EN[day.month - 1]
        week = day.isocalendar()[1]
        return f"第{week}周 · {day.month}/{day.day}" if zh else f"W{week} · {day.day} {MONTHS_EN[day.month - 1]}"

    # -- legend ----------------------------------------------------------------------------------
    def legend_entries(self, color_by: str) -> list[tuple[str, QColor]]:
        if color_by == "status":
            labels = STATUS_LABELS[self.language]
            return [(labels[s], QColor(c)) for s, c in STATUS_COLORS.items()]
        return [(lane.name, lane.color) for lane in self.lanes]


def default_font() -> QFont:
    font = QFont()
    font.setPointSizeF(9.5)
    return font


def _date_range(
    items: list[TimelineItem], first: dt.date | None, last: dt.date | None, include: Iterable[dt.date]
) -> tuple[dt.date, dt.date]:
    days = [item.start for item in items] + [item.end for item in items] + list(include)
    days = [d for d in days if d is not None]
    lo = min(days) if days else dt.date.today()
    hi = max(days) if days else lo
    if first is None:
        first = _period_start("month", lo - dt.timedelta(days=21))
    if last is None:
        last = _period_next("quarter", hi + dt.timedelta(days=30)) - dt.timedelta(days=1)
    if last < first:
        last = first
    return first, last


def _pack(items: list[TimelineItem]) -> list[list[TimelineItem]]:
    """Greedy interval packing: each item goes to the first row where it starts after the last end."""
    rows: list[list[TimelineItem]] = []
    row_end: list[dt.date] = []
    # A diamond is wider than its day: it keeps MILESTONE_CLEARANCE days clear on each side, so it never
    # covers the end of the bar before it in its row (a launch right after the work is common).
    clear = dt.timedelta(days=MILESTONE_CLEARANCE)
    for item in sorted(items, key=lambda i: (i.start, -(i.duration_days or 0), i.title)):
        end = item.start + clear if item.milestone else item.end  # type: ignore[operator]
        begin = item.start - clear if item.milestone else item.start  # type: ignore[operator]
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
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return dt.date(day.year, 1, 1)


def _period_next(unit: str, start: dt.date) -> dt.date:
    if unit == "week":
        return start + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1)


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))


# -- painting -------------------------------------------------------------------------------------


def bar_color(layout: TimelineLayout, bar: Bar, color_by: str) -> QColor:
    if color_by == "status":
        return QColor(STATUS_COLORS.get(bar.status, NO_LANE_COLOR))
    return layout.lanes[bar.lane].color


def paint_selection(painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions) -> None:
    """The selected bars, the selected arrow and the hover handle, over a frame of ``rect`` painted
    without them: the view keeps that frame while only the selection or the mouse changes, which
    at quarter zoom of a big roadmap saves a whole repaint per mouse move."""
    body = QRectF(
        rect.left() + layout.gutter_width,
        rect.top() + layout.header_height,
        max(rect.width() - layout.gutter_width, 0),
        max(rect.height() - layout.header_height, 0),
    )
    region = QRegion(body.toAlignedRect())
    card = legend_card(layout, rect, options.color_by) if options.legend else None
    if card is not None:
        region -= QRegion(card.toAlignedRect())  # the legend stays on top, as in a full paint
    painter.save()
    painter.setClipRegion(region)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    link = options.selected_link
    if link is not None and link[0] in layout.bars and link[1] in layout.bars:
        pred, succ = layout.bars[link[0]], layout.bars[link[1]]
        if (pred, succ) in layout.links:
            c = layout.link_coords(pred, succ)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(SELECT, 2))
            painter.drawLines([QLineF(c[i], c[i + 1], c[i + 2], c[i + 3]) for i in range(0, len(c) - 2, 2)])
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SELECT)
            tx, ty = c[-2], c[-1]
            painter.drawPolygon(QPolygonF([QPointF(tx, ty), QPointF(tx - 7, ty - 4), QPointF(tx - 7, ty + 4)]))
    for item_id in options.selected_ids:
        bar = layout.bars.get(item_id)
        if bar is None:
            continue
        box = layout.bar_rect(bar)
        if box.intersects(body):
            paint_bar(
                painter,
                layout,
                bar,
                box,
                bar_color(layout, bar, options.color_by),
                selected=True,
                critical=item_id in options.critical_ids,
                alpha=0.35 if item_id in options.dimmed_ids else 1.0,
            )
            # The bar was painted over its own title when the title sits inside it; labels beside stay.
            label = bar_label(layout, bar, box, rect.left() + layout.gutter_width)
            if label is not None and label.placement == "inside":
                painter.setFont(layout.font)
                painter.setPen(text_color_on(bar_color(layout, bar, options.color_by)))
                _text(painter, layout.metrics, label.x, box, label.text)
    hover = layout.bars.get(options.hover_id) if options.hover_id is not None else None
    if hover is not None:
        paint_connector(painter, layout, hover)
    painter.restore()


def paint_timeline(
    painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions | None = None
) -> None:
    """Paint what of the timeline intersects ``rect`` (content coordinates) with ``painter``."""
    options = options or PaintOptions()
    stats = options.stats if options.stats is not None else {}
    stats.update(bars=0, links=0, rows=0, labels=0)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setClipRect(rect)
    painter.setFont(layout.font)
    body = QRectF(
        rect.left() + layout.gutter_width,
        rect.top() + layout.header_height,
        max(rect.width() - layout.gutter_width, 0),
        max(rect.height() - layout.header_height, 0),
    )
    _paint_bands(painter, layout, rect)
    major, minor = layout.axis_ticks(body.left(), body.right())
    _paint_grid(painter, layout, rect, major, minor, options)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if options.today is not None:
        _paint_today(painter, layout, rect, options.today)
    if options.dependencies:
        _paint_links(painter, layout, rect, options, stats)
    _paint_bars(painter, layout, rect, options, stats)
    _paint_header(painter, layout, rect, major, minor, options.today)
    if options.today is not None:
        _paint_today_flag(painter, layout, rect, options.today)
    _paint_gutter(painter, layout, rect, options)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if options.legend:
        paint_legend(painter, layout, rect, options.color_by)
    painter.restore()


def _paint_bands(painter: QPainter, layout: TimelineLayout, rect: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # axis-aligned: sharp and fast
    painter.setPen(Qt.PenStyle.NoPen)
    for i, lane in enumerate(layout.lanes):
        if lane.y > rect.bottom() or lane.y + lane.height < rect.top():
            continue
        painter.setBrush(BAND_ODD if i % 2 else BAND_EVEN)
        painter.drawRect(QRectF(rect.left(), lane.y, rect.width(), lane.height))
    below = QRectF(rect.left(), layout.body_bottom, rect.width(), max(rect.bottom() - layout.body_bottom, 0))
    if below.height() > 0:
        painter.setBrush(BAND_EVEN)
        painter.drawRect(below)
    painter.setPen(QPen(GRID_MAJOR, 1))
    for lane in layout.lanes:
        y = lane.y + lane.height
        if rect.top() <= y <= rect.bottom():
            painter.drawLine(QLineF(rect.left(), y - 0.5, rect.right(), y - 0.5))


def _paint_grid(
    painter: QPainter,
    layout: TimelineLayout,
    rect: QRectF,
    major: list[Tick],
    minor: list[Tick],
    options: PaintOptions,
) -> None:
    top, bottom = rect.top() + layout.header_height, min(rect.bottom(), layout.body_bottom)
    if options.weekends and layout.scale >= 8:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WEEKEND)
        d0 = max(layout.date_at(rect.left() + layout.gutter_width), layout.first)
        saturday = d0 + dt.timedelta(days=(5 - d0.weekday()) % 7) - dt.timedelta(days=7)
        while layout.x_for(saturday) <= rect.right():
            painter.drawRect(QRectF(layout.x_for(saturday), top, 2 * layout.scale, bottom - top))
            saturday += dt.timedelta(days=7)
    painter.setPen(QPen(GRID, 1))
    majors = {t.day for t in major}
    for tick in minor:
        if tick.day not in majors:
            painter.drawLine(QLineF(tick.x + 0.5, top, tick.x + 0.5, bottom))
    painter.setPen(QPen(GRID_MAJOR, 1))
    for tick in major:
        painter.drawLine(QLineF(tick.x + 0.5, top, tick.x + 0.5, bottom))


def _paint_today(painter: QPainter, layout: TimelineLayout, rect: QRectF, today: dt.date) -> None:
    if not layout.first <= today <= layout.last:
        return
    x = layout.x_for(today) + layout.scale / 2
    if not rect.left() + layout.gutter_width <= x <= rect.right():
        return
    painter.setPen(QPen(TODAY_COLOR, 2))
    painter.drawLine(QLineF(x, rect.top() + layout.header_height, x, min(rect.bottom(), layout.body_bottom)))


def _today_pill(layout: TimelineLayout, rect: QRectF, today: dt.date | None) -> QRectF | None:
    """Where the "Today" flag goes in the header's upper row, or None when today is out of view."""
    if today is None or not layout.first <= today <= layout.last:
        return None
    x = layout.x_for(today) + layout.scale / 2
    if not rect.left() + layout.gutter_width <= x <= rect.right():
        return None
    fm = layout.bold_metrics
    w, h = fm.horizontalAdvance(layout.words["today"]) + 12, fm.height() + 2
    half = layout.header_height / 2
    pill = QRectF(x - w / 2, rect.top() + (half - h) / 2 + 1, w, h)
    return None if pill.left() < rect.left() + layout.gutter_width else pill


def _paint_today_flag(painter: QPainter, layout: TimelineLayout, rect: QRectF, today: dt.date) -> None:
    pill = _today_pill(layout, rect, today)
    if pill is None:
        return
    text = layout.words["today"]
    h = pill.height()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TODAY_COLOR)
    painter.drawRoundedRect(pill, h / 2, h / 2)
    painter.setPen(QColor("#FFFFFF"))
    painter.setFont(layout.bold_font)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    painter.setFont(layout.font)


def _use_arrays(layout: TimelineLayout) -> bool:
    if FORCE_ARRAY_PATH is not None:
        return FORCE_ARRAY_PATH
    return len(layout.bars) + len(layout.links) > ARRAY_PATH_ITEMS


def _paint_links(
    painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions, stats: dict[str, int]
) -> None:
    if _use_arrays(layout):
        from . import timeline_dense  # numpy: loaded with the first big timeline, not at start-up

        timeline_dense.paint_links(painter, layout, rect, options, stats)
        return
    # Routes are horizontal and vertical only, so they are batched per pen and drawn without
    # antialiasing: crisp, and several times faster with hundreds of arrows on screen.
    pens = {
        "normal": QPen(ARROW, 1),
        "late": QPen(ARROW_LATE, 1, Qt.PenStyle.DashLine),
        "critical": QPen(CRITICAL, 2),
        "chosen": QPen(SELECT, 2),
    }
    lines: dict[str, list[QLineF]] = {name: [] for name in pens}
    tips: dict[str, list[tuple[float, float]]] = {name: [] for name in pens}
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    critical_ids, chosen_link = options.critical_ids, options.selected_link
    count = 0
    for pred, succ in layout.visible_links(rect):
        if chosen_link is not None and chosen_link == (pred.id, succ.id):
            kind = "chosen"
        elif pred.id in critical_ids and succ.id in critical_ids:
            kind = "critical"
        elif succ.start_day < (pred.start_day if pred.milestone else pred.end_day):
            kind = "late"  # the successor starts before its predecessor finishes
        else:
            kind = "normal"
        c = layout.link_coords(pred, succ)
        batch = lines[kind]
        for i in range(0, len(c) - 2, 2):
            batch.append(QLineF(c[i], c[i + 1], c[i + 2], c[i + 3]))
        tx, ty = c[-2], c[-1]
        if left - 8 <= tx <= right + 8 and top - 8 <= ty <= bottom + 8:
            tips[kind].append((tx, ty))
        count += 1
    stats["links"] += count
    painter.save()
    for kind, pen in pens.items():
        if lines[kind]:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(pen)
            painter.drawLines(lines[kind])
        if tips[kind]:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pen.color())
            for tx, ty in tips[kind]:
                painter.drawPolygon(QPolygonF([QPointF(tx, ty), QPointF(tx - 7, ty - 4), QPointF(tx - 7, ty + 4)]))
    painter.restore()


def _paint_bars(
    painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions, stats: dict[str, int]
) -> None:
    if _use_arrays(layout):
        from . import timeline_dense

        timeline_dense.paint_bars(painter, layout, rect, options, stats)
        return
    fm = layout.metrics
    rows_seen: set[int] = set()
    # Ordinary bars are batched per colour so the painter's pen and brush change once per colour.
    plain: dict[int, tuple[QColor, list[QRectF]]] = {}
    special: list[tuple[Bar, QRectF, QColor]] = []
    labelled: list[tuple[Bar, QRectF, QColor]] = []
    left, right = rect.left(), rect.right()
    selected, critical, dimmed = options.selected_ids, options.critical_ids, options.dimmed_ids
    hover: Bar | None = None
    count = 0
    for bar in layout.visible_bars(rect):
        rows_seen.add(bar.row)
        x0, y0, x1, y1 = layout.bar_box(bar)
        if x0 > right:
            continue
        if bar.title_width < 0:
            bar.title_width = fm.horizontalAdvance(bar.title)
        color = bar_color(layout, bar, options.color_by)
        box = QRectF(x0, y0, x1 - x0, y1 - y0)
        if x1 >= left:
            if bar.milestone or bar.id in selected or bar.id in critical or bar.id in dimmed:
                special.append((bar, box, color))
            else:
                plain.setdefault(color.rgba(), (color, []))[1].append(box)
            count += 1
        labelled.append((bar, box, color))
        if bar.id == options.hover_id:
            hover = bar
    dense = sum(len(boxes) for _color, boxes in plain.values()) > DENSE_BARS
    if dense:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for color, boxes in plain.values():
        painter.setPen(QPen(color.darker(125), 1))
        painter.setBrush(color)
        if dense:
            painter.drawRects(boxes)
            continue
        for box in boxes:
            radius = 4.0 if box.width() >= 8 else box.width() / 2
            painter.drawRoundedRect(box, radius, radius)
    if dense:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for bar, box, color in special:
        paint_bar(
            painter,
            layout,
            bar,
            box,
            color,
            selected=bar.id in selected,
            critical=bar.id in critical,
            alpha=0.35 if bar.id in dimmed else 1.0,
        )
    labels = 0
    for bar, box, color in labelled:
        if _paint_bar_label(painter, layout, bar, box, color, rect, bar.id in dimmed):
            labels += 1
    if hover is not None:
        paint_connector(painter, layout, hover)
    stats["bars"] = count
    stats["labels"] = labels
    stats["rows"] = len(rows_seen)


def _text(painter: QPainter, fm: QFontMetricsF, x: float, box: QRectF, text: str) -> None:
    """Left-aligned, vertically centred text; the point form is much faster than a layout rect."""
    painter.drawText(QPointF(x, box.center().y() + (fm.ascent() - fm.descent()) / 2), text)


def paint_bar(
    painter: QPainter,
    layout: TimelineLayout,
    bar: Bar,
    box: QRectF,
    color: QColor,
    *,
    selected: bool = False,
    critical: bool = False,
    alpha: float = 1.0,
    ghost: bool = False,
) -> None:
    """One bar or milestone diamond, with its selection and critical-path outlines (no title)."""
    fill = QColor(color)
    if alpha < 1.0:
        fill.setAlphaF(alpha)
    if selected:
        halo = QColor(SELECT)
        halo.setAlphaF(0.22)
        painter.setPen(QPen(halo, 5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if bar.milestone:
            painter.drawPolygon(_diamond(box.adjusted(-2, -2, 2, 2)))
        else:
            painter.drawRoundedRect(box.adjusted(-2, -2, 2, 2), 6, 6)
    if critical:
        outline = QPen(CRITICAL, 2.6)
    elif selected:
        outline = QPen(SELECT, 2.0)
    elif ghost:
        outline = QPen(INK, 1.2, Qt.PenStyle.DashLine)
    else:
        outline = QPen(fill.darker(125), 1.0)
    painter.setPen(outline)
    painter.setBrush(QBrush(fill))
    if bar.milestone:
        painter.drawPolygon(_diamond(box))
        return
    radius = min(4.0, box.width() / 2)
    painter.drawRoundedRect(box, radius, radius)


def _diamond(r: QRectF) -> QPolygonF:
    c = r.center()
    return QPolygonF(
        [QPointF(c.x(), r.top()), QPointF(r.right(), c.y()), QPointF(c.x(), r.bottom()), QPointF(r.left(), c.y())]
    )


def paint_connector(painter: QPainter, layout: TimelineLayout, bar: Bar) -> None:
    c = layout.connector_point(bar)
    painter.setPen(QPen(SELECT, 1.4))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawEllipse(c, CONNECTOR_RADIUS, CONNECTOR_RADIUS)


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


@dataclass(frozen=True)
class BarLabel:
    placement: str  # inside, beside (right of the bar) or before (left of a milestone)
    text: str  # the title, elided where it had to be
    x: float  # left end of the text (right end for "before")
    width: float  # room the text may use


def bar_label(
    layout: TimelineLayout, bar: Bar, box: QRectF | None = None, visible_left: float | None = None
) -> BarLabel | None:
    """Where a bar's title goes: inside when it fits; else beside the bar in full when the row has
    room; else elided inside; else elided beside. Milestones label beside (or before) the diamond."""
    box = box if box is not None else layout.bar_rect(bar)
    fm = layout.metrics
    if bar.title_width < 0:
        bar.title_width = fm.horizontalAdvance(bar.title)
    inner = box.width() - 12
    if (
        not bar.milestone
        and visible_left is not None
        and box.left() < visible_left
        and box.right() - visible_left >= 40
    ):
        # Scrolled partly out of view: keep the title readable at the visible start of the bar.
        width = box.right() - visible_left - 12
        return BarLabel("inside", layout.elide(bar, width), visible_left + 6, width)
    if not bar.milestone and bar.title_width <= inner:
        return BarLabel("inside", bar.title, box.left() + 6, inner)
    nxt = layout.next_bar(bar)
    limit = layout.bar_box(nxt)[0] if nxt is not None else layout.width
    room = min(max(limit - box.right() - 2 * LABEL_GAP, 0.0), MAX_LABEL_PX)
    beside_x = box.right() + LABEL_GAP + (2 if bar.milestone else 0)
    if bar.milestone:
        bold = layout.bold_metrics
        width = bold.horizontalAdvance(bar.title)
        if width > room:
            room_left = min(layout.label_room_left(bar), MAX_LABEL_PX)
            if room_left > room and room_left >= 40:
                return BarLabel("before", layout.elide(bar, room_left, True), box.left() - LABEL_GAP - 2, room_left)
        if room >= 24:
            return BarLabel("beside", layout.elide(bar, room, True), beside_x, room)
        return None
    if bar.title_width <= room:
        return BarLabel("beside", bar.title, beside_x, room)
    if inner >= 28:
        return BarLabel("inside", layout.elide(bar, inner), box.left() + 6, inner)
    if room >= 40:
        return BarLabel("beside", layout.elide(bar, room), beside_x, room)
    return None


def _paint_bar_label(
    painter: QPainter,
    layout: TimelineLayout,
    bar: Bar,
    box: QRectF,
    color: QColor,
    rect: QRectF,
    dimmed: bool,
) -> bool:
    label = bar_label(layout, bar, box, rect.left() + layout.gutter_width)
    if label is None:
        return False
    if label.placement == "inside":
        if box.right() < rect.left():
            return False
        painter.setPen(text_color_on(color))
        _text(painter, layout.metrics, label.x, box, label.text)
        return True
    left = label.x - label.width if label.placement == "before" else label.x
    if left > rect.right() or left + label.width < rect.left():
        return False
    ink = QColor(INK)
    if dimmed:
        ink.setAlphaF(0.4)
    painter.setPen(ink)
    fm = layout.bold_metrics if bar.milestone else layout.metrics
    if bar.milestone:
        painter.setFont(layout.bold_font)
    x = label.x - fm.horizontalAdvance(label.text) if label.placement == "before" else label.x
    _text(painter, fm, x, box, label.text)
    if bar.milestone:
        painter.setFont(layout.font)
    return True


def _paint_header(
    painter: QPainter,
    layout: TimelineLayout,
    rect: QRectF,
    major: list[Tick],
    minor: list[Tick],
    today: dt.date | None = None,
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    top = rect.top()
    half = layout.header_height / 2
    left = rect.left() + layout.gutter_width
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(HEADER_BG)
    painter.drawRect(QRectF(rect.left(), top, rect.width(), layout.header_height))
    painter.save()
    painter.setClipRect(QRectF(left, top, max(rect.right() - left, 0), layout.header_height))
    painter.setPen(INK)
    painter.setFont(layout.bold_font)
    bold = layout.bold_metrics
    pill = _today_pill(layout, rect, today)
    for tick in major:
        # The label sticks to the left edge while its period is partly scrolled away.
        x = max(tick.x, left) + 8
        if pill is not None and x < pill.right() and x + bold.horizontalAdvance(tick.label) > pill.left():
            x = pill.right() + 8  # after the Today flag, not under it
        room = tick.x_end - x - 4
        if bold.horizontalAdvance(tick.label) <= room or room >= 60:
            text = bold.elidedText(tick.label, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRectF(x, top, room, half), Qt.AlignmentFlag.AlignVCenter, text)
    painter.setFont(layout.font)
    painter.setPen(INK_SOFT)
    fm = layout.metrics
    for tick in minor:
        x = max(tick.x, left)  # centred in the part of the period that shows
        width = tick.x_end - x
        if fm.horizontalAdvance(tick.label) + 6 <= width:
            painter.drawText(QRectF(x, top + half, width, half), Qt.AlignmentFlag.AlignCenter, tick.label)
    painter.setPen(QPen(GRID, 1))
    majors = {t.day for t in major}
    for tick in minor:
        if tick.day not in majors:
            painter.drawLine(QLineF(tick.x + 0.5, top + half + 4, tick.x + 0.5, top + layout.header_height))
    painter.setPen(QPen(GRID_MAJOR, 1))
    for tick in major:
        painter.drawLine(QLineF(tick.x + 0.5, top + 4, tick.x + 0.5, top + layout.header_height))
    painter.restore()
    painter.setPen(QPen(GRID_MAJOR, 1))
    painter.drawLine(
        QLineF(rect.left(), top + layout.header_height - 0.5, rect.right(), top + layout.header_height - 0.5)
    )


def _paint_gutter(painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    left = rect.left()
    width = layout.gutter_width
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(GUTTER_BG)
    painter.drawRect(QRectF(left, rect.top(), width, rect.height()))
    painter.save()
    body_top = rect.top() + layout.header_height
    painter.setClipRect(QRectF(left, body_top, width, max(rect.bottom() - body_top, 0)))
    painter.setFont(layout.bold_font)
    fm = layout.bold_metrics
    for lane in layout.lanes:
        if lane.y > rect.bottom() or lane.y + lane.height < body_top:
            continue
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(lane.color)
        painter.drawRect(QRectF(left, lane.y + 1, 5, lane.height - 2))
        text_rect = QRectF(left + 14, lane.y + 2, width - 22, lane.height - 4)
        painter.setPen(INK)
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        needed = fm.boundingRect(text_rect, int(flags), lane.name)
        if needed.height() <= text_rect.height() and needed.width() <= text_rect.width() + 0.5:
            painter.drawText(text_rect, flags, lane.name)
        else:
            text = fm.elidedText(lane.name, Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.setPen(QPen(GRID_MAJOR, 1))
        y = lane.y + lane.height - 0.5
        painter.drawLine(QLineF(left, y, left + width, y))
    painter.restore()
    # Corner above the lane names.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(HEADER_BG)
    corner = QRectF(left, rect.top(), width, layout.header_height)
    painter.drawRect(corner)
    if options.title:
        painter.setPen(INK)
        painter.setFont(layout.bold_font)
        text = layout.bold_metrics.elidedText(options.title, Qt.TextElideMode.ElideRight, width - 22)
        painter.drawText(corner.adjusted(14, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, text)
        painter.setFont(layout.font)
    painter.setPen(QPen(GRID_MAJOR, 1))
    painter.drawLine(QLineF(left + width - 0.5, rect.top(), left + width - 0.5, rect.bottom()))
    painter.drawLine(
        QLineF(left, rect.top() + layout.header_height - 0.5, left + width, rect.top() + layout.header_height - 0.5)
    )


def legend_size(layout: TimelineLayout, color_by: str, max_width: float) -> tuple[float, float]:
    rects = _legend_cells(layout, color_by, max_width)
    if not rects:
        return 0.0, 0.0
    return max(r.right() for _t, _c, r in rects) + 12, max(r.bottom() for _t, _c, r in rects) + 8


def _legend_cells(layout: TimelineLayout, color_by: str, max_width: float) -> list[tuple[str, QColor, QRectF]]:
    key = (color_by, round(max_width))
    cached = layout.legend_cache.get(key)
    if cached is None:
        cached = layout.legend_cache[key] = _measure_legend_cells(layout, color_by, max_width)
    return cached


def _measure_legend_cells(layout: TimelineLayout, color_by: str, max_width: float) -> list[tuple[str, QColor, QRectF]]:
    fm = layout.metrics
    line = fm.height() + 6
    title = layout.words["status" if color_by == "status" else "lanes"]
    x = 12 + layout.bold_metrics.horizontalAdvance(title) + 14
    y = 8.0
    start_x = x
    cells = []
    for text, color in layout.legend_entries(color_by):
        shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, 190)
        w = 18 + fm.horizontalAdvance(shown)
        if x + w > max_width - 12 and x > start_x:
            x = start_x
            y += line
        cells.append((shown, color, QRectF(x, y, w, line)))
        x += w + 16
    return cells


def legend_card(layout: TimelineLayout, rect: QRectF, color_by: str) -> QRectF | None:
    """Where paint_legend puts its card in ``rect``; None when there is no room or nothing to name."""
    max_width = min(rect.width() - layout.gutter_width - 16, 760)
    if max_width < 120:
        return None
    w, h = legend_size(layout, color_by, max_width)
    if w <= 0:
        return None
    return QRectF(rect.right() - w - 10, rect.bottom() - h - 10, w, h)


def paint_legend(painter: QPainter, layout: TimelineLayout, rect: QRectF, color_by: str) -> None:
    """A card in the bottom-right corner of ``rect`` naming the colours."""
    card = legend_card(layout, rect, color_by)
    if card is None:
        return
    max_width = min(rect.width() - layout.gutter_width - 16, 760)
    origin, w = card.topLeft(), card.width()
    painter.save()
    painter.setPen(QPen(GRID_MAJOR, 1))
    painter.setBrush(QColor(255, 255, 255, 238))
    painter.drawRoundedRect(card, 6, 6)
    painter.setFont(layout.bold_font)
    painter.setPen(INK)
    first_line = QRectF(card.left() + 12, card.top() + 8, w, layout.metrics.height() + 6)
    painter.drawText(
        first_line, Qt.AlignmentFlag.AlignVCenter, layout.words["status" if color_by == "status" else "lanes"]
    )
    painter.setFont(layout.font)
    for text, color, cell in _legend_cells(layout, color_by, max_width):
        cell = cell.translated(origin)
        swatch = QRectF(cell.left(), cell.center().y() - 5, 12, 10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(swatch, 2.5, 2.5)
        painter.setPen(INK)
        painter.drawText(cell.adjusted(18, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()
