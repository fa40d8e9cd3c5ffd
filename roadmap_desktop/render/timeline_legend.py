"""The timeline's legend: a card in the bottom-right corner naming the lane or status colours."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from .ink import INK
from .timeline_layout import CRITICAL, GRID_MAJOR, TimelineLayout


def legend_size(layout: TimelineLayout, color_by: str, max_width: float, critical: bool = False) -> tuple[float, float]:
    rects = _legend_cells(layout, color_by, max_width, critical)
    if not rects:
        return 0.0, 0.0
    return max(r.right() for _t, _c, r in rects) + 12, max(r.bottom() for _t, _c, r in rects) + 8


def _legend_cells(
    layout: TimelineLayout, color_by: str, max_width: float, critical: bool = False
) -> list[tuple[str, QColor | None, QRectF]]:
    key = (color_by, round(max_width), critical)
    cached = layout.legend_cache.get(key)
    if cached is None:
        cached = layout.legend_cache[key] = _measure_legend_cells(layout, color_by, max_width, critical)
    return cached


def _measure_legend_cells(
    layout: TimelineLayout, color_by: str, max_width: float, critical: bool
) -> list[tuple[str, QColor | None, QRectF]]:
    """Cells flow onto more lines as needed; a name is cut only when it is wider than a whole line.
    ``critical`` adds the critical path's outline (its colour None) at the end."""
    fm = layout.metrics
    line = fm.height() + 6
    title = layout.legend_title(color_by)
    x = 12 + layout.bold_metrics.horizontalAdvance(title) + 14
    y = 8.0
    start_x = x
    cells: list[tuple[str, QColor | None, QRectF]] = []
    entries: list[tuple[str, QColor | None]] = list(layout.legend_entries(color_by))
    if critical:
        entries.append((layout.wording["forecast.critical_path"], None))
    for text, color in entries:
        shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(max_width - 12 - start_x - 18, 60))
        w = 18 + fm.horizontalAdvance(shown)
        if x + w > max_width - 12 and x > start_x:
            x = start_x
            y += line
        cells.append((shown, color, QRectF(x, y, w, line)))
        x += w + 16
    return cells


def legend_card(
    layout: TimelineLayout, rect: QRectF, color_by: str, critical: bool = False, clear_of_lanes: bool = False
) -> QRectF | None:
    """Where paint_legend puts its card in ``rect``; None when there is no room or nothing to name.

    ``clear_of_lanes`` (the screen, where ``rect`` is the part of the content in view): the card never
    covers a lane; when the lanes fill the view it waits below the last one, where the view's scroll
    range reserves its height."""
    max_width = min(rect.width() - layout.gutter_width - 16, 760)
    if max_width < 120:
        return None
    w, h = legend_size(layout, color_by, max_width, critical)
    if w <= 0:
        return None
    top = rect.bottom() - h - 10
    if clear_of_lanes:
        top = max(top, layout.body_bottom + 10)
    return QRectF(rect.right() - w - 10, top, w, h)


def paint_legend(
    painter: QPainter,
    layout: TimelineLayout,
    rect: QRectF,
    color_by: str,
    critical: bool = False,
    clear_of_lanes: bool = False,
) -> None:
    """A card in the bottom-right corner of ``rect`` naming the colours (and, with ``critical``, the
    critical path's outline)."""
    card = legend_card(layout, rect, color_by, critical, clear_of_lanes)
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
    painter.drawText(first_line, Qt.AlignmentFlag.AlignVCenter, layout.legend_title(color_by))
    painter.setFont(layout.font)
    for text, color, cell in _legend_cells(layout, color_by, max_width, critical):
        cell = cell.translated(origin)
        swatch = QRectF(cell.left(), cell.center().y() - 5, 12, 10)
        if color is None:  # the critical path: an outline round a plain bar, as paint_bar draws it
            painter.setPen(QPen(CRITICAL, 2.2))
            painter.setBrush(QColor("#FFFFFF"))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
        painter.drawRoundedRect(swatch, 2.5, 2.5)
        painter.setPen(INK)
        painter.drawText(cell.adjusted(18, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()
