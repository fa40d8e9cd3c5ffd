"""The 5 x 5 likelihood-by-impact heat map, painted with a QPainter for the screen, the presenter and the PDF.

Every surface calls ``layout_heat_map`` (where the grid, ticks and axis titles go inside a target
rectangle) and ``paint_heat_map`` (cells, counts, ticks, titles); they differ only in the
``HeatMapStyle`` they pass. Sizes in the style are design pixels, multiplied by ``style.unit``
(1 on screen, the presenter's scale, ``pt(1)`` in the PDF), so one look serves every resolution.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPainterPath, QPen

from ..domain.risk import SCALE, ExposureBand, Risk, exposure_band
from ..wording import Wording
from .ink import is_dark, readable_ink
from .risk_colours import exposure_colour

Cell = tuple[int, int]  # (likelihood, impact)
TickWords = Literal["fit", "always", "never"]
TitlePlace = Literal["along", "above"]

_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_WRAP = int(Qt.TextFlag.TextWordWrap)
_HATCH_INK = QColor(255, 255, 255, 70)
_SELECTED_INK = QColor("#0b3d91")


@dataclass(frozen=True)
class HeatMapStyle:
    """What differs between the surfaces that draw the map; the defaults are the screen widget's look."""

    tick_font: QFont
    title_font: QFont | None = None  # None: the tick font, bold
    unit: float = 1.0  # the caller's units per design pixel
    numbers: bool = True  # 1-5 beside the ticks
    # Words ("Rare" ... "Severe") beside the ticks: "fit" where they fit (else only the end words, on
    # the axis-title line), "always", or "never".
    words: TickWords = "fit"
    likelihood_title: TitlePlace = "along"  # rotated beside the axis, or "↑ Likelihood" above the ticks
    count_disc: bool = True  # counts in a white disc (reads on every colour), else in plain readable ink
    exposures: bool = True  # each cell's exposure number in its top-left corner
    hatch: float = 8.0  # spacing of the hatching on high cells, so "high" does not rest on red alone; 0: none
    empty_opacity: float = 1.0  # below 1, cells without risks recede so the filled ones stand out
    gap: float | None = None  # between cells; None: 3 % of a cell, at least one design pixel
    corner: float = 3.0  # cell corner radius
    count_size: tuple[float, float, float] = (0.3, 10.0, 56.0)  # count text: share of a cell, least, most
    exposure_size: tuple[float, float, float] = (0.19, 8.0, 24.0)  # the corner number, likewise
    tick_gap: float = 4.0  # between the tick labels and the grid
    centred: bool = True  # the grid centred in the room left beside the ticks; else against them
    max_cell: float | None = None  # a cell never grows past this (in the caller's units)
    ink: QColor = field(default_factory=lambda: QColor("#000000"))  # axis titles
    tick_ink: QColor = field(default_factory=lambda: QColor("#000000"))  # tick numbers
    word_ink: QColor = field(default_factory=lambda: QColor("#6d6d6d"))  # tick words
    focus_ink: QColor = field(default_factory=lambda: QColor("#308cc6"))  # the keyboard focus ring

    def bold_title_font(self) -> QFont:
        if self.title_font is not None:
            return self.title_font
        font = QFont(self.tick_font)
        font.setBold(True)
        return font


@dataclass(frozen=True)
class HeatMapLayout:
    """Where ``paint_heat_map`` puts everything, for one target rectangle, wording and style."""

    grid: QRectF  # the 5 x 5 cells
    bounds: QRectF  # everything painted: axis titles, ticks and cells
    y_ticks_w: float  # the likelihood tick column left of the grid
    x_ticks_h: float  # the impact tick rows under the grid
    title_h: float
    number_w: float
    y_words: bool  # words beside every likelihood tick
    x_words: bool  # words under every impact tick
    wording: Wording
    style: HeatMapStyle

    @property
    def cell(self) -> float:
        return self.grid.width() / 5

    def cell_rect(self, likelihood: int, impact: int) -> QRectF:
        """Likelihood 5 at the top, impact 1 at the left."""
        cell = self.cell
        return QRectF(self.grid.left() + (impact - 1) * cell, self.grid.top() + (5 - likelihood) * cell, cell, cell)

    def cell_at(self, point: QPointF) -> Cell | None:
        cell = self.cell
        if cell <= 0 or not self.grid.contains(point):
            return None
        impact = min(5, int((point.x() - self.grid.left()) // cell) + 1)
        likelihood = 5 - min(4, int((point.y() - self.grid.top()) // cell))
        return likelihood, impact


def likelihood_words(w: Wording) -> tuple[str, ...]:
    return tuple(w[f"risk.likelihood.{n}"] for n in SCALE)


def impact_words(w: Wording) -> tuple[str, ...]:
    return tuple(w[f"risk.impact.{n}"] for n in SCALE)


def describe_cell(w: Wording, likelihood: int, impact: int) -> str:
    """ "Likelihood 4 (Likely) × Impact 5 (Severe) = exposure 20 (high)" in ``w``'s language."""
    exposure = likelihood * impact
    return w(
        "chart.heat_map.cell",
        likelihood_title=w["risk.likelihood"],
        likelihood=likelihood,
        likelihood_word=w[f"risk.likelihood.{likelihood}"],
        impact_title=w["risk.impact"],
        impact=impact,
        impact_word=w[f"risk.impact.{impact}"],
        exposure=exposure,
        band=w[f"risk.band.{exposure_band(exposure).key}"],
    )


def cell_counts(risks: Iterable[Risk]) -> dict[Cell, int]:
    """Risks per (likelihood, impact) cell, for all 25 cells; the caller leaves out what it does not count."""
    counted = Counter((risk.likelihood, risk.impact) for risk in risks)
    return {(likelihood, impact): counted[(likelihood, impact)] for likelihood in SCALE for impact in SCALE}


def band_totals(counts: Mapping[Cell, int]) -> dict[ExposureBand, int]:
    """Risks per exposure band, for a key beside the map."""
    totals = dict.fromkeys(ExposureBand, 0)
    for (likelihood, impact), count in counts.items():
        totals[exposure_band(likelihood * impact)] += count
    return totals


# -- layout ------------------------------------------------------------------------------------------


def layout_heat_map(target: QRectF, w: Wording, style: HeatMapStyle) -> HeatMapLayout:
    """Fit the largest square grid, its ticks and its axis titles into ``target`` (grid at the top)."""
    u = style.unit
    tick_fm, title_fm = QFontMetricsF(style.tick_font), QFontMetricsF(style.bold_title_font())
    tick_h = tick_fm.height()
    title_h = title_fm.height() + 2 * u
    tick_gap = style.tick_gap * u
    y_words, x_words = likelihood_words(w), impact_words(w)

    # Beside each likelihood tick: "n" and, when there is room, the word wrapped at spaces.
    number_w = tick_fm.horizontalAdvance("5") + tick_gap + 2 * u if style.numbers else 0.0
    widest_token = max(tick_fm.horizontalAdvance(token) for word in y_words for token in word.split())
    words_y_w = number_w + widest_token + tick_gap + 2 * u
    side_title_w = title_h if style.likelihood_title == "along" else 0.0
    rows_with_words = int(style.numbers) + 1
    avail_h_full = target.height() - title_h - tick_h * rows_with_words - 4 * u
    if style.words == "fit":
        full_y = words_y_w <= target.width() * 0.27
        if full_y:
            cell_guess = max(0.0, min(target.width() - side_title_w - words_y_w, avail_h_full)) / 5
            needed = max(
                tick_fm.boundingRect(QRectF(0, 0, widest_token + 1 * u, 1e4 * u), _WRAP, word).height()
                for word in y_words
            )
            if needed > cell_guess or cell_guess < 38 * u:  # words are worth less than room for the cells
                full_y = False
    else:
        full_y = style.words == "always"
    if style.words == "always":  # whole words on one line where a quarter of the width holds them
        widest_word = max(tick_fm.horizontalAdvance(word) for word in y_words)
        words_y_w = number_w + max(widest_token, min(widest_word, target.width() / 4)) + tick_gap + 2 * u
    y_ticks_w = words_y_w if full_y else number_w
    if style.likelihood_title == "above":  # "↑ Likelihood" sits over the tick column
        y_ticks_w = max(y_ticks_w, title_fm.horizontalAdvance(f"↑ {w['risk.likelihood']}") + tick_gap)

    left = target.left() + side_title_w + y_ticks_w
    avail_w = target.right() - left
    side_full = _capped(max(0.0, min(avail_w, avail_h_full)), style)
    widest_x_word = max(tick_fm.horizontalAdvance(word) for word in x_words)
    full_x = widest_x_word + 4 * u <= side_full / 5 if style.words == "fit" else style.words == "always"
    x_ticks_h = tick_h * (int(style.numbers) + int(full_x)) + 4 * u
    avail_h = target.height() - title_h - x_ticks_h
    side = _capped(max(0.0, min(avail_w, avail_h)), style)
    grid_left = left + (avail_w - side) / 2 if style.centred else left
    grid = QRectF(grid_left, target.top(), side, side)  # spare height goes below, so the map hugs what is above
    bounds = QRectF(
        grid_left - y_ticks_w - side_title_w, target.top(), side + y_ticks_w + side_title_w, side + x_ticks_h + title_h
    )
    return HeatMapLayout(grid, bounds, y_ticks_w, x_ticks_h, title_h, number_w, full_y, full_x, w, style)


def _capped(side: float, style: HeatMapStyle) -> float:
    return side if style.max_cell is None else min(side, 5 * style.max_cell)


# -- painting ----------------------------------------------------------------------------------------


def paint_heat_map(
    painter: QPainter,
    layout: HeatMapLayout,
    counts: Mapping[Cell, int],
    selected: Cell | None = None,
    focus: Cell | None = None,
) -> None:
    """Cells with their counts, then ticks and axis titles; ``selected`` is outlined and the other cells
    dimmed, ``focus`` gets a dashed ring. Nothing is drawn when the cells would be too small to read."""
    if layout.cell < 4 * layout.style.unit:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint_cells(painter, layout, counts, selected, focus)
    _paint_ticks(painter, layout)
    _paint_titles(painter, layout)
    painter.restore()


def paint_band_swatch(painter: QPainter, rect: QRectF, band: ExposureBand, style: HeatMapStyle) -> None:
    """A key's sample of a band: its colours left to right, hatched as the map hatches it."""
    low, high = band.range
    gradient = QLinearGradient(rect.topLeft(), rect.topRight())
    gradient.setColorAt(0, exposure_colour(low))
    gradient.setColorAt(1, exposure_colour(high))
    corner = style.corner * style.unit
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(rect, corner, corner)
    if style.hatch and band is ExposureBand.HIGH:
        _hatch(painter, rect, corner, style.hatch * style.unit)
    painter.restore()


def _sized(base: QFont, cell: float, size: tuple[float, float, float], unit: float, bold: bool) -> QFont:
    share, least, most = size
    font = QFont(base)
    font.setPixelSize(max(1, round(max(least * unit, min(most * unit, cell * share)))))
    font.setBold(bold)
    return font


def _paint_cells(
    painter: QPainter, layout: HeatMapLayout, counts: Mapping[Cell, int], selected: Cell | None, focus: Cell | None
) -> None:
    style, cell, u = layout.style, layout.cell, layout.style.unit
    count_font = _sized(style.tick_font, cell, style.count_size, u, bold=True)
    exposure_font = _sized(style.tick_font, cell, style.exposure_size, u, bold=False)
    gap = style.gap * u if style.gap is not None else max(u, cell * 0.03)
    corner = style.corner * u
    for likelihood in SCALE:
        for impact in SCALE:
            inner = layout.cell_rect(likelihood, impact).adjusted(gap, gap, -gap, -gap)
            exposure = likelihood * impact
            colour = exposure_colour(exposure)
            count = counts.get((likelihood, impact), 0)
            painter.save()
            if not count and style.empty_opacity < 1:
                painter.setOpacity(style.empty_opacity)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(inner, corner, corner)
            if style.hatch and exposure_band(exposure) is ExposureBand.HIGH:
                _hatch(painter, inner, corner, style.hatch * u)
            # Exposure number in the top-left corner; in very small cells only where no count badge
            # would cover it (the tooltip and the hatching still tell).
            if style.exposures and (cell >= 40 * u or not count):
                painter.setFont(exposure_font)
                painter.setPen(QColor(255, 255, 255, 225) if is_dark(colour) else QColor(0, 0, 0, 170))
                pad = max(2.0 * u, cell * 0.06)
                painter.drawText(
                    inner.adjusted(pad, pad * 0.5, -pad, -pad),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                    str(exposure),
                )
            painter.restore()

            if count and style.count_disc:
                # A white disc with a dark number reads the same on every cell colour.
                radius = max(7.0 * u, min(cell * 0.24, 40.0 * u))
                centre = QPointF(inner.center().x(), inner.center().y() + cell * 0.08)
                painter.setPen(QPen(QColor("#202020"), max(1.0 * u, cell * 0.02)))
                painter.setBrush(QColor("#ffffff"))
                painter.drawEllipse(centre, radius, radius)
                painter.setFont(count_font)
                painter.setPen(QColor("#111111"))
                disc = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
                painter.drawText(disc, _CENTRE, str(count))
            elif count:
                painter.setFont(count_font)
                painter.setPen(readable_ink(colour))
                painter.drawText(inner, _CENTRE, str(count))

            if (likelihood, impact) == selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(_SELECTED_INK, max(3.0 * u, cell * 0.06)))
                painter.drawRoundedRect(inner.adjusted(u, u, -u, -u), corner, corner)
            if (likelihood, impact) == focus:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(style.focus_ink, 1.5 * u, Qt.PenStyle.DashLine))
                painter.drawRoundedRect(inner.adjusted(3 * u, 3 * u, -3 * u, -3 * u), 2 * u, 2 * u)
    if selected is not None:  # dim the rest so the filtered cell stands out on a projector
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 90))
        for likelihood in SCALE:
            for impact in SCALE:
                if (likelihood, impact) != selected:
                    rect = layout.cell_rect(likelihood, impact).adjusted(gap, gap, -gap, -gap)
                    painter.drawRoundedRect(rect, corner, corner)


def _hatch(painter: QPainter, rect: QRectF, corner: float, spacing: float) -> None:
    """Light "/" lines across ``rect``, drawn as lines so they keep their spacing on any device."""
    path = QPainterPath()
    path.addRoundedRect(rect, corner, corner)
    painter.save()
    painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(_HATCH_INK, spacing / 8))
    x = rect.left() - rect.height()
    while x < rect.right():
        painter.drawLine(QPointF(x, rect.bottom()), QPointF(x + rect.height(), rect.top()))
        x += spacing
    painter.restore()


def _paint_ticks(painter: QPainter, layout: HeatMapLayout) -> None:
    style, grid, cell, u = layout.style, layout.grid, layout.cell, layout.style.unit
    y_words, x_words = likelihood_words(layout.wording), impact_words(layout.wording)
    tick_font = style.tick_font
    tick_h = QFontMetricsF(tick_font).height()
    bold_tick = QFont(tick_font)
    bold_tick.setBold(True)

    # Likelihood ticks, 5 at the top.
    for likelihood in SCALE:
        row = QRectF(
            grid.left() - layout.y_ticks_w,
            grid.top() + (5 - likelihood) * cell,
            layout.y_ticks_w - style.tick_gap * u,
            cell,
        )
        if style.numbers:
            painter.setFont(bold_tick)
            painter.setPen(style.tick_ink)
            painter.drawText(row, _RIGHT, str(likelihood))
        if layout.y_words:
            painter.setFont(tick_font)
            painter.setPen(style.word_ink)
            painter.drawText(row.adjusted(0, 0, -layout.number_w, 0), _RIGHT | _WRAP, y_words[likelihood - 1])

    # Impact ticks, 1 at the left.
    for impact in SCALE:
        column = QRectF(grid.left() + (impact - 1) * cell, grid.bottom() + 2 * u, cell, tick_h)
        if style.numbers:
            painter.setFont(bold_tick)
            painter.setPen(style.tick_ink)
            painter.drawText(column, _CENTRE, str(impact))
            column.translate(0, tick_h)
        if layout.x_words:
            painter.setFont(tick_font)
            painter.setPen(style.word_ink)
            painter.drawText(column, _CENTRE, x_words[impact - 1])


def _paint_titles(painter: QPainter, layout: HeatMapLayout) -> None:
    """Axis titles; where the words are left off the ticks, the end words ride on the title line
    ("Negligible ... Impact → ... Severe") if they fit."""
    style, grid, w = layout.style, layout.grid, layout.wording
    title_font = style.bold_title_font()
    y_words, x_words = likelihood_words(w), impact_words(w)
    x_title, y_title = f"{w['risk.impact']} →", f"{w['risk.likelihood']} →"
    ends = style.words == "fit"

    painter.setFont(title_font)
    painter.setPen(style.ink)
    x_line = QRectF(grid.left(), grid.bottom() + layout.x_ticks_h, grid.width(), layout.title_h)
    painter.drawText(x_line, _CENTRE, x_title)
    if ends and not layout.x_words and _ends_fit(x_words, x_title, style, title_font, grid.width()):
        painter.setFont(style.tick_font)
        painter.setPen(style.word_ink)
        painter.drawText(x_line, _LEFT, x_words[0])
        painter.drawText(x_line, _RIGHT, x_words[-1])

    painter.setFont(title_font)
    painter.setPen(style.ink)
    if style.likelihood_title == "above":
        up = f"↑ {w['risk.likelihood']}"
        column = QRectF(
            grid.left() - layout.y_ticks_w,
            grid.top() - 2 * style.unit,
            layout.y_ticks_w - style.tick_gap * style.unit,
            QFontMetricsF(style.tick_font).height(),
        )
        painter.drawText(column, int(Qt.AlignmentFlag.AlignRight), up)
        return
    painter.save()
    painter.translate(grid.left() - layout.y_ticks_w - layout.title_h, grid.bottom())
    painter.rotate(-90)
    y_line = QRectF(0, 0, grid.height(), layout.title_h)
    painter.drawText(y_line, _CENTRE, y_title)
    if ends and not layout.y_words and _ends_fit(y_words, y_title, style, title_font, grid.height()):
        painter.setFont(style.tick_font)
        painter.setPen(style.word_ink)
        painter.drawText(y_line, _LEFT, y_words[0])
        painter.drawText(y_line, _RIGHT, y_words[-1])
    painter.restore()


def _ends_fit(words: tuple[str, ...], title: str, style: HeatMapStyle, title_font: QFont, length: float) -> bool:
    """Whether the first and last tick words fit either side of the centred axis title."""
    tick_fm = QFontMetricsF(style.tick_font)
    ends = max(tick_fm.horizontalAdvance(words[0]), tick_fm.horizontalAdvance(words[-1]))
    return 2 * ends + QFontMetricsF(title_font).horizontalAdvance(title) + 16 * style.unit <= length
