"""One colour per risk exposure (likelihood x impact) for every surface (readable text on it: render.ink)."""

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
