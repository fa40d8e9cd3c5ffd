"""The value / effort chart: requirements placed by effort and value in four quadrants, dragged to re-score."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ...domain.commands import Macro, SetField
from ...domain.prioritisation import (
    BIG_BET,
    CATEGORY_KEYS,
    FILL_IN,
    HIGH_VALUE_THRESHOLD,
    MONEY_PIT,
    QUICK_WIN,
    effort_threshold,
    quadrant,
)
from ...domain.project import ProjectEvent
from ...domain.requirement import Requirement
from ...qtmodels.document import ProjectDocument
from ...wording import Wording
from ..i18n import interface_wording

VALUE_MAX = 10.0
EFFORT_LIMIT = 10_000.0  # the effort field's maximum
STEP = 0.5  # dragging snaps value and effort to this
SHOWN_MISSING = 6  # titles linked in the "no value or effort" line before "and N more"

# (background tint, point colour) per quadrant, keyed by the domain's quadrant (prioritisation.quadrant,
# the ranked list's rule); the points also differ in shape, not colour alone.
QUADRANT_COLOURS = {
    QUICK_WIN: (QColor(46, 125, 50, 28), QColor("#2e7d32")),
    BIG_BET: (QColor(21, 101, 192, 26), QColor("#1565c0")),
    FILL_IN: (QColor(97, 97, 97, 18), QColor("#616161")),
    MONEY_PIT: (QColor(198, 40, 40, 26), QColor("#c62828")),
}


def quadrant_name(w: Wording, name: str) -> str:
    """ "Quick win", "Money pit" ... in ``w``'s language: the ranked list's word for the quadrant
    (score.category.*), capitalised as a label."""
    word = w[f"score.category.{CATEGORY_KEYS[name]}"]
    return word[:1].upper() + word[1:]


def quadrant_hint(w: Wording, name: str) -> str:
    """ "high value, low effort" ... for ``name``."""
    return w[f"chart.value_effort.hint.{CATEGORY_KEYS[name]}"]


def snap(number: float) -> float:
    return round(number / STEP) * STEP


def nice_step(span: float, target: int = 5) -> float:
    raw = max(span, 1e-9) / target
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if multiple * magnitude >= raw:
            return multiple * magnitude
    return 10 * magnitude


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


@dataclass
class _Point:
    id: str
    title: str
    effort: float
    value: float


class _Canvas(QWidget):
    """The plot itself; ValueEffortChart owns the data and the missing-data line."""

    def __init__(self, chart: ValueEffortChart) -> None:
        super().__init__(chart)
        self.chart = chart
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 200)
        self.setAccessibleName("Value / effort chart")
        self._press: tuple[str, QPointF] | None = None  # point id and where the press was
        self._dragging = False
        self.drag_preview: tuple[str, float, float] | None = None  # id, effort, value while dragging
        self.hover_id: str | None = None
        self._backdrop: QPixmap | None = None
        self._sprites: dict[tuple[str, float, float], tuple[QPixmap, float]] = {}
        self._backdrop_size = QSize()
        self._elided: dict[tuple[str, float, int], tuple[str, float]] = {}  # label text and width

    def sizeHint(self) -> QSize:
        return QSize(640, 440)

    # -- geometry ------------------------------------------------------------------------
    def fonts(self) -> tuple[QFont, QFont, QFont]:
        side = min(self.width(), self.height() * 1.4)
        tick = QFont(self.font())
        tick.setPixelSize(round(max(10.0, min(20.0, side / 50))))
        title = QFont(tick)
        title.setBold(True)
        quadrant_font = QFont(tick)
        quadrant_font.setPixelSize(round(max(12.0, min(28.0, side / 36))))
        quadrant_font.setBold(True)
        return tick, title, quadrant_font

    def plot_rect(self) -> QRectF:
        tick, title, quadrant_font = self.fonts()
        tick_fm, title_fm, quadrant_fm = QFontMetricsF(tick), QFontMetricsF(title), QFontMetricsF(quadrant_font)
        x_max = self.chart.x_max()
        widest = max(tick_fm.horizontalAdvance(_fmt(v)) for v in (VALUE_MAX, x_max))
        left = 6 + title_fm.height() + 4 + widest + 6
        # Quadrant names sit outside the plot, above and below its corners, so points never hide them.
        bottom = 6 + max(title_fm.height(), quadrant_fm.height()) + 2 + tick_fm.height() + 4
        right = 12 + tick_fm.horizontalAdvance(_fmt(x_max)) / 2
        top = 6 + quadrant_fm.height() + 4
        return QRectF(left, top, max(1.0, self.width() - left - right), max(1.0, self.height() - top - bottom))

    def to_screen(self, effort: float, value: float, plot: QRectF | None = None) -> QPointF:
        plot = plot or self.plot_rect()
        x = plot.left() + effort / self.chart.x_max() * plot.width()
        y = plot.bottom() - value / VALUE_MAX * plot.height()
        return QPointF(x, y)

    def to_data(self, point: QPointF) -> tuple[float, float]:
        """(effort, value) under a screen point, clamped to the axes and snapped to 0.5."""
        plot = self.plot_rect()
        effort = (point.x() - plot.left()) / plot.width() * self.chart.x_max()
        value = (plot.bottom() - point.y()) / plot.height() * VALUE_MAX
        effort = min(max(snap(effort), 0.0), min(snap(self.chart.x_max()), EFFORT_LIMIT))
        value = min(max(snap(value), 0.0), VALUE_MAX)
        return effort, value

    def radius(self) -> float:
        return max(4.5, min(9.0, min(self.width(), self.height()) / 70))

    def position_of(self, point: _Point, plot: QRectF) -> QPointF:
        if self.drag_preview is not None and self.drag_preview[0] == point.id:
            return self.to_screen(self.drag_preview[1], self.drag_preview[2], plot)
        return self.to_screen(point.effort, point.value, plot)

    def points_at(self, position: QPointF) -> list[_Point]:
        """Points under the cursor, topmost (drawn last) first."""
        plot = self.plot_rect()
        reach = (self.radius() + 3) ** 2
        hits = []
        for point in self.chart.points():
            centre = self.position_of(point, plot)
            if (centre.x() - position.x()) ** 2 + (centre.y() - position.y()) ** 2 <= reach:
                hits.append(point)
        hits.reverse()
        selected = self.chart.selected_id()
        hits.sort(key=lambda p: p.id != selected)  # the selected point wins a tie
        return hits

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dragged = self.chart.point(self.drag_preview[0]) if self.drag_preview is not None else None
        if dragged is not None and self._backdrop is not None and self._backdrop_size == self.size():
            # While dragging only the dragged point moves: everything else is a cached picture.
            painter.drawPixmap(0, 0, self._backdrop)
            self._paint_points(painter, self.plot_rect(), [dragged], self.chart.effort_threshold() or 0.0)
        else:
            self._paint_scene(painter)
        painter.end()

    def _make_backdrop(self, skip_id: str) -> None:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_scene(painter, skip_id)
        painter.end()
        self._backdrop, self._backdrop_size = pixmap, self.size()

    def _paint_scene(self, painter: QPainter, skip_id: str | None = None) -> None:
        chart = self.chart
        w = chart.words()
        tick_font, title_font, quadrant_font = self.fonts()
        tick_fm = QFontMetricsF(tick_font)
        plot = self.plot_rect()
        text_colour = self.palette().windowText().color()
        muted = self.palette().placeholderText().color()
        painter.fillRect(self.rect(), self.palette().base())

        x_max = chart.x_max()
        threshold = chart.effort_threshold()
        points = chart.points()
        centre_split = self.to_screen(threshold if threshold is not None else x_max / 2, HIGH_VALUE_THRESHOLD, plot)

        # Quadrant tints and names.
        regions = {
            QUICK_WIN: QRectF(QPointF(plot.left(), plot.top()), centre_split),
            BIG_BET: QRectF(QPointF(centre_split.x(), plot.top()), QPointF(plot.right(), centre_split.y())),
            FILL_IN: QRectF(QPointF(plot.left(), centre_split.y()), QPointF(centre_split.x(), plot.bottom())),
            MONEY_PIT: QRectF(centre_split, QPointF(plot.right(), plot.bottom())),
        }
        for name, region in regions.items():
            painter.fillRect(region, QUADRANT_COLOURS[name][0])
        reserved: list[QRectF] = []  # text that point labels must not cover
        # Grid, axes and ticks.
        painter.setFont(tick_font)
        grid_pen = QPen(QColor(0, 0, 0, 28), 1)
        step = nice_step(x_max)
        ticks_x = [i * step for i in range(int(x_max / step + 1e-9) + 1)]
        for effort in ticks_x:
            x = self.to_screen(effort, 0, plot).x()
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(text_colour)
            rect = QRectF(x - 40, plot.bottom() + 3, 80, tick_fm.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), _fmt(effort))
        for value in range(0, 11, 2):
            y = self.to_screen(0, value, plot).y()
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            rect = QRectF(0, y - tick_fm.height() / 2, plot.left() - 6, tick_fm.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(value))
        painter.setPen(QPen(muted, 1))
        painter.drawRect(plot)

        # Thresholds, dashed.
        dash = QPen(QColor(60, 60, 60, 200), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(dash)
        painter.drawLine(QPointF(plot.left(), centre_split.y()), QPointF(plot.right(), centre_split.y()))
        if threshold is not None:
            painter.drawLine(QPointF(centre_split.x(), plot.top()), QPointF(centre_split.x(), plot.bottom()))
            painter.setFont(tick_font)
            median = w("chart.value_effort.median", value=_fmt(round(threshold, 2)))
            median_w = tick_fm.horizontalAdvance(median) + 6
            mx = min(centre_split.x() + 4, plot.right() - median_w)
            median_rect = QRectF(mx, plot.top() + 2, median_w, tick_fm.height())
            while any(median_rect.intersects(r) for r in reserved) and median_rect.bottom() < plot.bottom():
                median_rect.translate(0, tick_fm.height())
            painter.fillRect(median_rect, QColor(255, 255, 255, 170))
            painter.setPen(QColor(60, 60, 60))
            painter.drawText(median_rect, int(Qt.AlignmentFlag.AlignCenter), median)
            reserved.append(median_rect)

        # Axis titles, and the quadrant names beside the plot's corners with their marker shapes.
        x_title, y_title = w["chart.value_effort.effort_axis"], w["chart.value_effort.value_axis"]
        painter.setFont(title_font)
        painter.setPen(text_colour)
        title_fm = QFontMetricsF(title_font)
        title_h = title_fm.height()
        row_h = max(title_h, QFontMetricsF(quadrant_font).height())
        bottom_row = QRectF(plot.left(), self.height() - row_h - 4, plot.width(), row_h)
        painter.drawText(bottom_row, int(Qt.AlignmentFlag.AlignCenter), f"{x_title} →")
        painter.save()
        painter.translate(4, plot.bottom())
        painter.rotate(-90)
        painter.drawText(QRectF(0, 0, plot.height(), title_h), int(Qt.AlignmentFlag.AlignCenter), f"{y_title} →")
        painter.restore()

        names = {
            key: ("● " if key in (QUICK_WIN, BIG_BET) else "◆ ") + quadrant_name(w, key) for key in QUADRANT_COLOURS
        }
        font = QFont(quadrant_font)
        title_w = title_fm.horizontalAdvance(f"{x_title} →")

        def fits(f: QFont) -> bool:
            fm = QFontMetricsF(f)
            top_w = fm.horizontalAdvance(names[QUICK_WIN]) + fm.horizontalAdvance(names[BIG_BET]) + 24
            ends = max(fm.horizontalAdvance(names[FILL_IN]), fm.horizontalAdvance(names[MONEY_PIT]))
            return top_w <= plot.width() and 2 * ends + title_w + 24 <= plot.width()

        while not fits(font) and font.pixelSize() > 9:
            font.setPixelSize(font.pixelSize() - 1)
        painter.setFont(font)
        top_row = QRectF(plot.left(), plot.top() - row_h - 3, plot.width(), row_h)
        for key, row, side in (
            (QUICK_WIN, top_row, Qt.AlignmentFlag.AlignLeft),
            (BIG_BET, top_row, Qt.AlignmentFlag.AlignRight),
            (FILL_IN, bottom_row, Qt.AlignmentFlag.AlignLeft),
            (MONEY_PIT, bottom_row, Qt.AlignmentFlag.AlignRight),
        ):
            painter.setPen(QUADRANT_COLOURS[key][1])
            painter.drawText(row, int(side | Qt.AlignmentFlag.AlignVCenter), names[key])

        if not points:
            painter.setFont(title_font)
            painter.setPen(muted)
            message = w["chart.value_effort.empty"]
            flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            painter.drawText(plot.adjusted(12, 12, -12, -12), flags, message)
            return
        if skip_id is not None:
            points = [point for point in points if point.id != skip_id]
        self._paint_points(painter, plot, points, threshold if threshold is not None else 0.0, reserved)

    def _paint_points(
        self, painter: QPainter, plot: QRectF, points: list[_Point], threshold: float, reserved: list[QRectF] = ()
    ) -> None:
        radius = self.radius()
        selected = self.chart.selected_id()
        font = self.fonts()[0]
        painter.save()
        painter.setClipRect(plot.adjusted(-radius - 1, -radius - 1, radius + 1, radius + 1))
        positions = [(point, self.position_of(point, plot)) for point in points]
        # Markers are blitted from small pre-drawn pictures: far cheaper than 500 antialiased shapes.
        sprites = {name: self._sprite(name, radius) for name in QUADRANT_COLOURS}
        offset = sprites[QUICK_WIN][1]
        for point, centre in positions:
            sprite = sprites[quadrant(point.value, point.effort, threshold)][0]
            painter.drawPixmap(QPointF(centre.x() - offset, centre.y() - offset), sprite)

        # Labels: greedily, skipping any that would overlap one already placed; selected first.
        painter.setFont(font)
        fm = QFontMetricsF(font)
        max_w = max(60.0, min(180.0, plot.width() / 6))
        cell = 48.0
        taken: dict[tuple[int, int], list[QRectF]] = {}

        def occupy(rect: QRectF) -> None:
            for i in range(int(rect.left() // cell), int(rect.right() // cell) + 1):
                for j in range(int(rect.top() // cell), int(rect.bottom() // cell) + 1):
                    taken.setdefault((i, j), []).append(rect)

        for rect in reserved:
            occupy(rect)
        marker = {}  # labels must not hide other points either
        for point, centre in positions:
            marker[point.id] = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            occupy(marker[point.id])
        order = sorted(positions, key=lambda pc: (pc[0].id != selected, pc[0].id != self.hover_id))
        label_colour = self.palette().windowText().color()
        if len(self._elided) > 5000:
            self._elided.clear()
        for point, centre in order:
            key = (point.title, max_w, font.pixelSize())
            cached = self._elided.get(key)
            if cached is None:
                text = fm.elidedText(point.title, Qt.TextElideMode.ElideRight, max_w)
                cached = self._elided[key] = (text, fm.horizontalAdvance(text) + 4)
            text, width = cached
            rect = QRectF(centre.x() + radius + 3, centre.y() - fm.height() / 2, width, fm.height())
            if rect.right() > plot.right():
                rect.moveRight(centre.x() - radius - 3)
            important = point.id in (selected, self.hover_id)
            columns = range(int(rect.left() // cell), int(rect.right() // cell) + 1)
            rows = range(int(rect.top() // cell), int(rect.bottom() // cell) + 1)
            keys = [(i, j) for i in columns for j in rows]
            own = marker[point.id]
            if not important and any(
                other is not own and rect.intersects(other) for k in keys for other in taken.get(k, ())
            ):
                continue
            occupy(rect)
            if important:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(255, 255, 255, 220))
                painter.drawRoundedRect(rect.adjusted(-2, 0, 2, 0), 3, 3)
            painter.setPen(label_colour)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)

        for point, centre in positions:  # the selected point ringed
            if point.id == selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor("#111111"), 2.5))
                painter.drawEllipse(centre, radius + 4, radius + 4)
        painter.restore()

    def _sprite(self, name: str, radius: float) -> tuple[QPixmap, float]:
        """The marker for a quadrant (disc for high value, diamond for low) and its half size."""
        ratio = self.devicePixelRatioF()
        key = (name, radius, ratio)
        cached = self._sprites.get(key)
        if cached is not None:
            return cached
        half = radius + 2.0
        size = math.ceil(2 * half * ratio)
        pixmap = QPixmap(size, size)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#ffffff"), 1.2))
        painter.setBrush(QUADRANT_COLOURS[name][1])
        if name in (QUICK_WIN, BIG_BET):
            painter.drawEllipse(QPointF(half, half), radius, radius)
        else:
            side = radius * 1.15
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(half, half - side),
                        QPointF(half + side, half),
                        QPointF(half, half + side),
                        QPointF(half - side, half),
                    ]
                )
            )
        painter.end()
        self._sprites[key] = (pixmap, half)
        return pixmap, half

    # -- mouse and keys ------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus()
        hits = self.points_at(event.position())
        self._press = (hits[0].id, event.position()) if hits else None
        self._dragging = False
        if not hits:
            self.chart.set_selected_id(None)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            point_id, start = self._press
            if not self._dragging and (position - start).manhattanLength() >= QApplication.startDragDistance():
                self._dragging = True
                self.chart.set_selected_id(point_id, notify=True)
                self._make_backdrop(point_id)
            if self._dragging:
                effort, value = self.to_data(position)
                self.drag_preview = (point_id, effort, value)
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                QToolTip.showText(event.globalPosition().toPoint(), self.chart.drag_text(effort, value), self)
                self.update()
            return
        hits = self.points_at(position)
        hover = hits[0].id if hits else None
        if hover != self.hover_id:
            self.hover_id = hover
            self.setCursor(Qt.CursorShape.OpenHandCursor if hover else Qt.CursorShape.ArrowCursor)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        point_id, _start = self._press
        preview, dragging = self.drag_preview, self._dragging
        self._press, self._dragging, self.drag_preview, self._backdrop = None, False, None, None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        QToolTip.hideText()
        if dragging and preview is not None:
            self.chart.move_requirement(point_id, preview[1], preview[2])
        else:
            self.chart.set_selected_id(point_id, notify=True)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._dragging:
            self._press, self._dragging, self.drag_preview, self._backdrop = None, False, None, None
            QToolTip.hideText()
            self.update()
            return
        nudges = {
            Qt.Key.Key_Left: (-STEP, 0.0),
            Qt.Key.Key_Right: (STEP, 0.0),
            Qt.Key.Key_Up: (0.0, STEP),
            Qt.Key.Key_Down: (0.0, -STEP),
        }
        point = self.chart.point(self.chart.selected_id())
        if key in nudges and point is not None and not self._dragging:
            d_effort, d_value = nudges[key]  # type: ignore[index]
            effort = min(max(point.effort + d_effort, 0.0), EFFORT_LIMIT)
            value = min(max(point.value + d_value, 0.0), VALUE_MAX)
            self.chart.move_requirement(point.id, effort, value)
            return
        super().keyPressEvent(event)

    def leaveEvent(self, event) -> None:
        if self.hover_id is not None:
            self.hover_id = None
            self.update()
        super().leaveEvent(event)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            hits = self.points_at(QPointF(event.pos()))
            if not hits:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.chart.points_tooltip(hits), self)
            return True
        return super().event(event)


class ValueEffortChart(QWidget):
    """Requirements with both value and effort, by quadrant; the others are listed underneath."""

    requirement_selected = Signal(str)

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueEffortChart")
        self.document = document
        self._points: list[_Point] | None = None  # None: rebuild before use
        self._missing: list[Requirement] = []
        self._selected: str | None = None
        self._threshold: float | None = None
        self._x_max = 10.0

        self.canvas = _Canvas(self)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("valueEffortMissing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setContentsMargins(6, 0, 6, 2)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.linkActivated.connect(self._on_missing_label_link_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.missing_label)
        document.project_changed.connect(self._on_document_project_changed)
        self._refresh_missing()

    # -- data ----------------------------------------------------------------------------
    def words(self) -> Wording:
        """The chart speaks the interface language, as the window around it does."""
        return interface_wording()

    def points(self) -> list[_Point]:
        if self._points is None:
            plotted: list[_Point] = []
            missing: list[Requirement] = []
            for requirement in self.document.project.requirements:
                if requirement.value is None or requirement.effort is None:
                    missing.append(requirement)
                else:
                    plotted.append(_Point(requirement.id, requirement.title, requirement.effort, requirement.value))
            self._points, self._missing = plotted, missing
            # The ranked list's threshold, so a point sits in the quadrant its score names.
            self._threshold = effort_threshold(self.document.project.requirements) if plotted else None
            top = max((p.effort for p in plotted), default=0.0)
            step = nice_step(top * 1.08)
            self._x_max = math.ceil(top * 1.08 / step) * step if top > 0 else 10.0
        return self._points

    def point(self, requirement_id: str | None) -> _Point | None:
        return next((p for p in self.points() if p.id == requirement_id), None)

    def plotted_ids(self) -> list[str]:
        return [point.id for point in self.points()]

    def missing_ids(self) -> list[str]:
        self.points()
        return [requirement.id for requirement in self._missing]

    def missing_count(self) -> int:
        return len(self.missing_ids())

    def effort_threshold(self) -> float | None:
        """The median effort above 0 of the plotted points (prioritisation.effort_threshold); None when
        nothing is plotted."""
        self.points()
        return self._threshold

    def x_max(self) -> float:
        """The effort axis' end: a round number a little past the largest effort."""
        self.points()
        return self._x_max

    def quadrant_of(self, requirement_id: str) -> str | None:
        point, threshold = self.point(requirement_id), self.effort_threshold()
        if point is None or threshold is None:
            return None
        return quadrant(point.value, point.effort, threshold)

    def point_position(self, requirement_id: str) -> QPointF:
        """Where the requirement's point is drawn, in canvas coordinates."""
        point = self.point(requirement_id)
        if point is None:
            raise KeyError(f"requirement {requirement_id} is not plotted")
        return self.canvas.to_screen(point.effort, point.value)

    def _on_document_project_changed(self, event: ProjectEvent) -> None:
        if event.kind in ("requirement", "project"):
            self._points = None
            if self._selected is not None and self.document.project.find("requirement", self._selected) is None:
                self._selected = None
            self._refresh_missing()
            self.canvas.update()

    # -- selection and edits -----------------------------------------------------------------
    def selected_id(self) -> str | None:
        return self._selected

    def set_selected_id(self, requirement_id: str | None, notify: bool = False) -> None:
        """Select a point (None clears); ``notify`` emits requirement_selected, as a click does."""
        changed = requirement_id != self._selected
        self._selected = requirement_id
        if changed:
            self.canvas.update()
        if notify and requirement_id is not None:
            self.requirement_selected.emit(requirement_id)

    def move_requirement(self, requirement_id: str, effort: float, value: float) -> bool:
        """Set value and effort (snapped to 0.5) as one undo step; False if nothing changed."""
        requirement = self.document.project.find("requirement", requirement_id)
        if requirement is None:
            return False
        effort = min(max(snap(effort), 0.0), EFFORT_LIMIT)
        value = min(max(snap(value), 0.0), VALUE_MAX)
        if (requirement.effort, requirement.value) == (effort, value):  # type: ignore[attr-defined]
            return False
        title = requirement.display_name()
        short = title if len(title) <= 40 else title[:39] + "…"
        self.document.execute(
            Macro(
                f"Move “{short}” on the value / effort chart",
                [
                    SetField("requirement", requirement_id, "value", value, "Edit value"),
                    SetField("requirement", requirement_id, "effort", effort, "Edit effort"),
                ],
            )
        )
        return True

    # -- text ------------------------------------------------------------------------------
    def drag_text(self, effort: float, value: float) -> str:
        w = self.words()
        name = quadrant_name(w, quadrant(value, effort, self.effort_threshold() or 0.0))
        return f"{w('chart.value_effort.position', value=_fmt(value), effort=_fmt(effort))} · {name}"

    def points_tooltip(self, points: list[_Point]) -> str:
        w = self.words()
        threshold = self.effort_threshold() or 0.0
        lines = []
        for point in points[:8]:
            name = quadrant(point.value, point.effort, threshold)
            where = f"{quadrant_name(w, name)} ({quadrant_hint(w, name)})"
            numbers = w("chart.value_effort.position", value=_fmt(point.value), effort=_fmt(point.effort))
            lines.append(f"<b>{html.escape(point.title)}</b><br>{html.escape(numbers)}<br>{html.escape(where)}")
        if len(points) > 8:
            lines.append(html.escape(w("chart.value_effort.more_here", n=len(points) - 8)))
        hint = w["chart.value_effort.drag_hint"]
        hint = f"<br><i>{html.escape(hint)}</i>" if hint else ""
        return "<p>" + "<br><br>".join(lines) + hint + "</p>"

    def _refresh_missing(self) -> None:
        plotted = len(self.points())
        missing = self._missing
        total = plotted + len(missing)
        if not missing:
            self.missing_label.setText(
                f"All {total} requirements are plotted." if total else "This project has no requirements yet."
            )
            self.missing_label.setToolTip("")
            return
        links = ", ".join(
            f"<a href='{html.escape(r.id)}'>{html.escape(_short(r.title))}</a>" for r in missing[:SHOWN_MISSING]
        )
        more = f" and {len(missing) - SHOWN_MISSING} more" if len(missing) > SHOWN_MISSING else ""
        noun = "requirement has" if len(missing) == 1 else "requirements have"
        self.missing_label.setText(
            f"{plotted} of {total} plotted. <b>{len(missing)} {noun} no value or effort</b>, so "
            f"{'it is' if len(missing) == 1 else 'they are'} not on the chart: {links}{more}."
        )
        self.missing_label.setToolTip("\n".join(r.title for r in missing[:40]))

    def _on_missing_label_link_activated(self, requirement_id: str) -> None:
        self.requirement_selected.emit(requirement_id)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
