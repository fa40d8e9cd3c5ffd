"""The PDF's risk pages: the likelihood x impact heat map with its band key, then the risk register.

The exposure bands are the domain's (domain/risk.py); the heat map is painted here until
render/heat_map.py paints it for the screen, the presenter and the PDF alike.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from ...domain.risk import ExposureBand, exposure_band
from .layout import Page, draw_lines, line_height
from .sheet import Sheet
from .style import INK, INK_SOFT, pt
from .table import Cell, Column, Table

# Calm tints that keep dark text readable, one per exposure band.
# colour: render.risk_colours after the merge
BAND_COLOURS = {ExposureBand.HIGH: "#E07A6E", ExposureBand.MEDIUM: "#F4D06F", ExposureBand.LOW: "#A8D5A2"}


def exposure_color(exposure: int) -> QColor:
    return QColor(BAND_COLOURS[exposure_band(exposure)])


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
    rows: list[list[Cell | str]] = [
        [
            Cell(str(r.exposure), exposure_color(r.exposure)),
            f"{r.likelihood} × {r.impact}",
            r.title,
            sheet.w.choice(r.status),
            r.owner,
            r.mitigation,
        ]
        for r in risks
    ]
    table = Table(sheet, columns, rows, sheet.body.width())
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


def heat_map_height(sheet: Sheet) -> float:
    return 5 * pt(24) + line_height(sheet.font(8)) * 2 + pt(12)


def draw_heat_map(sheet: Sheet, painter: QPainter, top: float, risks: list) -> None:
    cell = pt(24)
    label_font, axis_font = sheet.font(8), sheet.font(8, bold=True)
    axis_w = line_height(axis_font) + pt(4)
    num_w = pt(12)
    x0 = axis_w + num_w
    counts: dict[tuple[int, int], int] = {}
    for r in risks:
        counts[(r.likelihood, r.impact)] = counts.get((r.likelihood, r.impact), 0) + 1
    count_font = sheet.font(10, bold=True)
    for likelihood in range(5, 0, -1):
        y = top + (5 - likelihood) * cell
        draw_lines(
            painter,
            [str(likelihood)],
            label_font,
            axis_w,
            y + (cell - line_height(label_font)) / 2,
            num_w - pt(3),
            INK_SOFT,
            Qt.AlignmentFlag.AlignRight,
        )
        for impact in range(1, 6):
            box = QRectF(x0 + (impact - 1) * cell, y, cell, cell).adjusted(pt(1), pt(1), -pt(1), -pt(1))
            color = exposure_color(likelihood * impact)
            n = counts.get((likelihood, impact), 0)
            if not n:
                color = QColor(color)
                color.setAlphaF(0.35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(box, pt(2), pt(2))
            if n:
                draw_lines(
                    painter,
                    [str(n)],
                    count_font,
                    box.left(),
                    box.top() + (box.height() - line_height(count_font)) / 2,
                    box.width(),
                    INK,
                    Qt.AlignmentFlag.AlignHCenter,
                )
    grid_bottom = top + 5 * cell
    for impact in range(1, 6):
        draw_lines(
            painter,
            [str(impact)],
            label_font,
            x0 + (impact - 1) * cell,
            grid_bottom + pt(2),
            cell,
            INK_SOFT,
            Qt.AlignmentFlag.AlignHCenter,
        )
    draw_lines(
        painter,
        [sheet.w["risk.impact"] + " →"],
        axis_font,
        x0,
        grid_bottom + pt(2) + line_height(label_font),
        5 * cell,
        INK,
        Qt.AlignmentFlag.AlignHCenter,
    )
    # The vertical axis title reads bottom to top.
    painter.save()
    painter.translate(0, top + 5 * cell)
    painter.rotate(-90)
    draw_lines(
        painter, [sheet.w["risk.likelihood"] + " →"], axis_font, 0, 0, 5 * cell, INK, Qt.AlignmentFlag.AlignHCenter
    )
    painter.restore()
    # Key: the bands and how many risks sit in each.
    kx = x0 + 5 * cell + pt(28)
    ky = top + pt(4)
    key_font = sheet.font(9)
    for band in reversed(ExposureBand):  # high first
        n = sum(1 for r in risks if exposure_band(r.exposure) is band)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BAND_COLOURS[band]))
        lh = line_height(key_font)
        painter.drawRoundedRect(QRectF(kx, ky + (lh - pt(9)) / 2, pt(14), pt(9)), pt(2), pt(2))
        count = sheet.w["pdf.risk_count_1"] if n == 1 else sheet.w("pdf.risk_count", n=n)
        low, high = band.range
        text = f"{sheet.w(f'risk.band_range.{band.key}', low=low, high=high)}: {count}"
        draw_lines(painter, [text], key_font, kx + pt(20), ky, sheet.body.width() - kx - pt(20), INK)
        ky += lh + pt(4)
