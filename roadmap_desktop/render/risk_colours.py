"""One colour per risk exposure (likelihood x impact) for every surface, and the ink that reads on it."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QColor

# Green -> amber -> red with lightness falling all the way, so the order survives colour-blindness
# and a washed-out projector; the heat maps also hatch high cells and print every exposure number.
_STOPS = (
    (1, QColor("#dcefb0")),
    (6, QColor("#fee08b")),
    (12, QColor("#fdae61")),
    (16, QColor("#e8553b")),
    (25, QColor("#a50026")),
)
_DARK_BELOW = 0.55  # perceived lightness under which white text reads better than black


def exposure_colour(exposure: int) -> QColor:
    """The colour of an exposure (1-25) on the heat map, the risk table, the presenter and the PDF."""
    for (low, low_colour), (high, high_colour) in itertools.pairwise(_STOPS):
        if exposure <= high:
            t = max(0.0, (exposure - low) / (high - low))
            return QColor.fromRgbF(
                low_colour.redF() + (high_colour.redF() - low_colour.redF()) * t,
                low_colour.greenF() + (high_colour.greenF() - low_colour.greenF()) * t,
                low_colour.blueF() + (high_colour.blueF() - low_colour.blueF()) * t,
            )
    return QColor(_STOPS[-1][1])


def is_dark(colour: QColor) -> bool:
    """Whether white text reads better than black on ``colour``."""
    return 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF() < _DARK_BELOW


def readable_ink(colour: QColor) -> QColor:
    """Black or white, whichever reads on ``colour``."""
    return QColor("#ffffff") if is_dark(colour) else QColor("#000000")
