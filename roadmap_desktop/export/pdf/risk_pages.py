"""The PDF's risk pages: the likelihood x impact heat map with its band key, then the risk register.

The exposure bands are the domain's (domain/risk.py); the heat map and its colours are the ones the
screen and the presenter show (render/heat_map.py, render/risk_colours.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from ...domain.risk import ExposureBand, Risk
from ...render.heat_map import (
    HeatMapLayout,
    HeatMapStyle,
    band_totals,
    cell_counts,
    layout_heat_map,
    paint_band_swatch,
    paint_heat_map,
)
from ...render.ink import INK
from ...render.risk_colours import exposure_colour
from .layout import Page, draw_lines, line_height
from .sheet import Sheet
from .style import INK_SOFT, pt
from .table import Cell, Column, Table


def plan_risks(sheet: Sheet) -> list[Page]:
    heading = sheet.section_title("risks")
    subtitle = sheet.describe("risks")
    risks = sorted(sheet.project.risks, key=lambda r: -r.exposure)
    if not risks:
        return [Page("risks", heading, lambda p: sheet.draw_empty(p, heading, subtitle))]
    center = Qt.AlignmentFlag.AlignHCenter
    columns = [
        Column(sheet.w["risk.exposure"], 0.08, center),
        Column(sheet.w["pdf.lxi"], 0.08, center),
        Column(sheet.w["pdf.risk"], 0.27, bold=True),
        Column(sheet.w["document.status"], 0.10),
        Column(sheet.w["document.owner"], 0.11),
        Column(sheet.w["document.mitigation"], 0.36),
    ]
    table = Table(sheet, columns, register_rows(sheet, risks), sheet.body.width())
    top = sheet.section_heading(None, heading, subtitle)
    map_h = heat_map_height(sheet)
    register_font = sheet.font(12, bold=True)
    register_h = line_height(register_font) + pt(6)
    first_room = sheet.body.bottom() - (top + map_h + pt(14) + register_h)
    next_top = sheet.section_heading(None, heading)
    # An empty first chunk: no row fits under the heat map, so the register starts on the next page.
    chunks = table.paginate(first_room, sheet.body.bottom() - next_top - register_h)
    pages = []
    for n, chunk in enumerate(chunks):
        title = heading if n == 0 else sheet.continued(heading)

        def draw(painter: QPainter, chunk: list[int] = chunk, title: str = title, first: bool = n == 0) -> None:
            y = sheet.section_heading(painter, title, subtitle if first else "")
            if first:
                draw_heat_map(sheet, painter, y, risks)
                y += map_h + pt(14)
            if chunk:
                y = draw_lines(painter, [sheet.w["pdf.register"]], register_font, 0, y, sheet.body.width(), INK) + pt(6)
                table.draw(painter, 0, y, chunk)

        pages.append(Page("risks", heading, draw))
    return pages


def register_rows(sheet: Sheet, risks: list[Risk]) -> list[list[Cell | str]]:
    """The register's rows in the order of ``risks``: the exposure on a chip of its colour, L × I, title,
    status, owner, mitigation."""
    return [
        [
            Cell(str(r.exposure), exposure_colour(r.exposure)),
            f"{r.likelihood} × {r.impact}",
            r.title,
            sheet.w.choice(r.status),
            r.owner,
            r.mitigation,
        ]
        for r in risks
    ]


def _heat_map_style(sheet: Sheet) -> HeatMapStyle:
    """The shared heat map, printed: small type, no tick words or corner numbers, counts in plain ink."""
    return HeatMapStyle(
        sheet.font(8),
        sheet.font(8, bold=True),
        unit=pt(1),
        words="never",
        count_disc=False,
        exposures=False,
        hatch=4,
        empty_opacity=0.35,
        gap=1,
        corner=2,
        count_size=(10 / 24, 0, 1e6),
        tick_gap=3,
        centred=False,
        max_cell=pt(24),
        ink=INK,
        tick_ink=INK_SOFT,
    )


def heat_map_layout(sheet: Sheet, top: float) -> HeatMapLayout:
    """Where the heat map sits when its top is at ``top`` (the left half of the body)."""
    target = QRectF(0, top, sheet.body.width() / 2, sheet.body.height())
    return layout_heat_map(target, sheet.w, _heat_map_style(sheet))


def heat_map_height(sheet: Sheet) -> float:
    return heat_map_layout(sheet, 0).bounds.height()


def draw_heat_map(sheet: Sheet, painter: QPainter, top: float, risks: list) -> None:
    layout = heat_map_layout(sheet, top)
    counts = cell_counts(risks)
    paint_heat_map(painter, layout, counts)
    style = layout.style
    kx = layout.bounds.right() + pt(28)
    ky = top + pt(4)
    key_font = sheet.font(9)
    lh = line_height(key_font)
    for band, text in band_key(sheet, counts):
        paint_band_swatch(painter, QRectF(kx, ky + (lh - pt(9)) / 2, pt(14), pt(9)), band, style)
        draw_lines(painter, [text], key_font, kx + pt(20), ky, sheet.body.width() - kx - pt(20), INK)
        ky += lh + pt(4)


def band_key(sheet: Sheet, counts: Mapping[tuple[int, int], int]) -> list[tuple[ExposureBand, str]]:
    """The key's lines, high band first: each band, its range and how many risks it holds
    ("High (15–25): 3 risks"); ``counts`` are risks per (likelihood, impact) cell."""
    lines = []
    for band, n in sorted(band_totals(counts).items(), reverse=True):
        count = sheet.w["pdf.risk_count_1"] if n == 1 else sheet.w("pdf.risk_count", n=n)
        low, high = band.range
        lines.append((band, sheet.w(f"risk.band_range.{band.key}", low=low, high=high) + sheet.w["colon"] + count))
    return lines
