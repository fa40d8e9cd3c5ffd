"""Units, page set-up and colours of the roadmap PDF.

Coordinates are device units of a 1200 dpi QPdfWriter; ``pt()`` converts points.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QColor, QPageSize

RESOLUTION = 1200
UNITS_PER_PT = RESOLUTION / 72
PAGE_SIZE_IDS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter, "A3": QPageSize.PageSizeId.A3}
MARGINS_MM = QMarginsF(15, 13, 15, 12)
TIMELINE_FONT_PX = 13  # layout units; the on-screen view's text size

INK_SOFT = QColor("#5B6773")
INK_FAINT = QColor("#8A96A3")
ACCENT = QColor("#2B4C7E")
RULE = QColor("#D5DCE3")
RULE_SOFT = QColor("#E7EBEF")
FILL_HEADER = QColor("#EEF2F6")
FILL_ZEBRA = QColor("#F8FAFB")
FILL_CARD = QColor("#FFFFFF")
COLUMN_COLORS = {"now": "#2F8C7E", "next": "#3F6FB5", "later": "#7A63AE", "unsorted": "#8A96A3"}


def pt(points: float) -> float:
    return points * UNITS_PER_PT
