"""The forecast's finish-date histogram with its P50 / P80 / P90 lines: one painter for the forecast panel
and printed pages (QtGui only)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ..domain.dates import shift
from .ink import INK

if TYPE_CHECKING:  # domain.forecast pulls in numpy: the painter needs only the type, not at start-up
    from ..domain.forecast import Histogram

BAR = QColor("#5b7db1")
P_LINES = (("P50", QColor("#2e7d32")), ("P80", QColor("#ef6c00")), ("P90", QColor("#c62828")))
PLANNED = QColor("#37474f")


def paint_histogram(
    painter: QPainter,
    area: QRectF,
    histogram: Histogram,
    marks: Mapping[str, dt.date],
    font: QFont,
    date_text: Callable[[dt.date], str],
    unit: float = 1.0,
    ground: QColor | None = None,
) -> None:
    """Bars of runs per finish date in ``area`` (the dates under it), a dashed line per mark: "P50", "P80",
    "P90" in their colours, any other name (the planned date) in dark ink. ``unit``: device units per
    point, for pen widths; ``ground``: the background under the date labels (the page's white by default)."""
    fm = QFontMetricsF(font)
    lh = fm.height()
    plot = area.adjusted(0, 0, 0, -lh - 3 * unit)
    marks = dict(marks)
    first = min([histogram.edges[0], *((d - histogram.anchor).days for d in marks.values())])
    last = max([histogram.edges[-1], *((d - histogram.anchor).days + 1 for d in marks.values())])
    span = max(last - first, 1)
    top = max(histogram.counts) or 1

    def x_of(day: float) -> float:
        return plot.left() + (day - first) / span * plot.width()

    painter.save()
    try:  # whatever happens, the caller's painter comes back as it was
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for (left, right), count in zip(itertools.pairwise(histogram.edges), histogram.counts, strict=True):
            height = count / top * max(plot.height() - 4 * lh, unit)  # room above for the four labels
            width = max(x_of(right) - x_of(left) - unit, unit)
            painter.drawRect(QRectF(x_of(left) + unit / 2, plot.bottom() - height, width, height))
        painter.setPen(QPen(INK, 0.8 * unit))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setFont(font)
        colours = dict(P_LINES)
        ordered = sorted(marks.items(), key=lambda kv: kv[1])
        xs = [x_of((day - histogram.anchor).days + 0.5) for _name, day in ordered]
        for (name, _day), x in zip(ordered, xs, strict=True):
            painter.setPen(QPen(colours.get(name, PLANNED), 1.4 * unit, Qt.PenStyle.DashLine))
            painter.drawLine(x, plot.top() + lh, x, plot.bottom())
        # Labels after every line, each on its own text line with the page's white behind it: close dates
        # put a later line through an earlier label.
        label_y = plot.top()
        for (name, day), x in zip(ordered, xs, strict=True):
            text = f"{name} {date_text(day)}"
            width = fm.horizontalAdvance(text)
            left = x + 3 * unit if x + 3 * unit + width <= plot.right() else x - 3 * unit - width
            box = QRectF(left, label_y, width + unit, lh)
            painter.fillRect(box.adjusted(-unit, 0, unit, 0), ground if ground is not None else QColor("white"))
            painter.setPen(colours.get(name, PLANNED))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter), text)
            label_y += lh
        painter.setPen(INK)
        below = QRectF(plot.left(), plot.bottom() + 3 * unit, plot.width(), lh)
        start = shift(histogram.anchor, first)  # clamped to the calendar: a histogram at its ends still draws
        end = shift(histogram.anchor, last - 1)
        painter.drawText(below, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), date_text(start))
        painter.drawText(below, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), date_text(end))
    finally:
        painter.restore()
