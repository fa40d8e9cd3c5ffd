"""One bar or milestone diamond, its title (inside, beside or before it) and the dependency handle:
painted the same by the per-item painter (timeline.py) and the array painter (timeline_dense.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen, QPolygonF

from .ink import INK, readable_ink
from .timeline_layout import (
    ARROW_TIP,
    BAND_EVEN,
    BAND_ODD,
    CONNECTOR_RADIUS,
    CRITICAL,
    LABEL_GAP,
    MAX_LABEL_PX,
    NO_LANE_COLOR,
    SELECT,
    STATUS_COLORS,
    Bar,
    TimelineLayout,
)


def bar_color(layout: TimelineLayout, bar: Bar, color_by: str) -> QColor:
    if color_by == "status":
        return QColor(STATUS_COLORS.get(bar.status, NO_LANE_COLOR))
    return layout.lanes[bar.lane].color


def draw_centred_text(painter: QPainter, fm: QFontMetricsF, x: float, box: QRectF, text: str) -> None:
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
    room; else elided where it shows more of the title, beside the bar or inside it. Milestones label
    beside (or before) the diamond."""
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
    reach = layout.width if layout.print_labels else MAX_LABEL_PX
    room = min(max(limit - box.right() - 2 * LABEL_GAP, 0.0), reach)
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
    if layout.print_labels:
        room_left = layout.label_room_left(bar)
        if bar.title_width <= room_left:
            return BarLabel("before", bar.title, box.left() - LABEL_GAP, room_left)
    # A short bar with free row beside it: "Clean t…" inside it would hide a title the row can show.
    if room >= 40 and room > inner:
        return BarLabel("beside", layout.elide(bar, room), beside_x, room)
    if inner >= 28:
        return BarLabel("inside", layout.elide(bar, inner), box.left() + 6, inner)
    return None


def paint_label_ground(
    painter: QPainter, fm: QFontMetricsF, bar: Bar, x: float, centre_y: float, text_width: float
) -> None:
    """The lane band's colour behind a title written outside its bar, where dependency arrows pass, so
    that a crossing line does not strike through the text."""
    ground = QRectF(x - 1, centre_y - fm.height() / 2, text_width + 2, fm.height())
    painter.fillRect(ground, BAND_ODD if bar.lane % 2 else BAND_EVEN)


def paint_bar_label(
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
        painter.setPen(readable_ink(color))
        draw_centred_text(painter, layout.metrics, label.x, box, label.text)
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
    text_width = fm.horizontalAdvance(label.text)
    # A title before its bar also keeps clear of the arrowhead that enters the bar there.
    x = label.x - text_width - ARROW_TIP if label.placement == "before" else label.x
    paint_label_ground(painter, fm, bar, x, box.center().y(), text_width)
    draw_centred_text(painter, fm, x, box, label.text)
    if bar.milestone:
        painter.setFont(layout.font)
    return True
