"""Text colours shared by every painter: the ink, and whether white or ink reads on a fill."""

from __future__ import annotations

from PySide6.QtGui import QColor

INK = QColor("#1F2933")  # body text on light paper: timeline, PDF, heat-map labels
WHITE = QColor("#FFFFFF")
_WHITE_CONTRAST = 3.6  # WCAG contrast ratio of white on the fill at which white text wins
_DARK: dict[int, bool] = {}


def _luminance(fill: QColor) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(fill.red()) + 0.7152 * channel(fill.green()) + 0.0722 * channel(fill.blue())


def is_dark(fill: QColor) -> bool:
    """Whether white text reads better than ink on ``fill`` (cached: painters ask per bar and cell)."""
    key = fill.rgba()
    dark = _DARK.get(key)
    if dark is None:
        dark = _DARK[key] = 1.05 / (_luminance(fill) + 0.05) >= _WHITE_CONTRAST
    return dark


def readable_ink(fill: QColor) -> QColor:
    """White or ink, whichever reads on ``fill``."""
    return QColor(WHITE) if is_dark(fill) else QColor(INK)
