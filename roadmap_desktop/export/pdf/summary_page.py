"""The one-page summary: vision and success metrics, Now / Next / Later, milestones with P80 and the top
risks with owners, on a single page (the McKinsey-style one-pager)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from ...interchange.forecast_report import ForecastReport, row_title, unavailable
from ...render.ink import INK
from ...render.risk_colours import exposure_colour
from .board_pages import board_columns
from .layout import Page, draw_lines, line_height, wrap_lines
from .sheet import Sheet
from .style import ACCENT, COLUMN_COLORS, INK_SOFT, pt
from .table import Cell, Column, Table

BOARD_ITEMS = 6  # titles per Now / Next / Later column; the rest are counted
MILESTONES = 7
TOP_RISKS = 5


def plan_one_page(sheet: Sheet) -> list[Page]:
    return [Page("one_page", sheet.section_title("one_page"), lambda painter: draw_one_page(sheet, painter))]


def draw_one_page(sheet: Sheet, painter: QPainter) -> None:
    w, body = sheet.w, sheet.body
    info = sheet.project.info
    gap = pt(18)
    left_w = (body.width() - gap) * 0.5
    right_x = left_w + gap
    right_w = body.width() - right_x
    y = body.top() + pt(2)
    name_font = sheet.font(18, bold=True)
    y = draw_lines(painter, wrap_lines(info.name, name_font, body.width(), 2), name_font, 0, y, body.width(), INK)
    as_of = w("document.as_of", date=sheet.date_text(sheet.today))
    y = draw_lines(painter, [as_of], sheet.font(9), 0, y, body.width(), INK_SOFT) + pt(10)
    top = y

    # Left: the vision (with the success metrics it holds), then Now / Next / Later.
    heading_font, text_font = sheet.font(11, bold=True), sheet.font(9)
    board_top = top + (body.bottom() - top) * 0.5
    ly = top
    if info.description.strip():
        ly = draw_lines(painter, [w["document.vision"]], heading_font, 0, ly, left_w, ACCENT) + pt(2)
        room = int((board_top - pt(10) - ly) // line_height(text_font))
        lines = wrap_lines(info.description, text_font, left_w, max(room, 2))
        ly = draw_lines(painter, lines, text_font, 0, ly, left_w, INK) + pt(10)
    board_top = ly  # the vision takes at most the upper half; the board follows it
    draw_lines(painter, [sheet.section_title("board")], heading_font, 0, board_top, left_w, ACCENT)
    by = board_top + line_height(heading_font) + pt(4)
    columns = [(key, items) for key, items in board_columns(sheet) if key != "unsorted"]
    col_gap = pt(8)
    col_w = (left_w - col_gap * (len(columns) - 1)) / len(columns)
    item_font, head_font = sheet.font(8), sheet.font(9, bold=True)
    for n, (key, items) in enumerate(columns):
        x = n * (col_w + col_gap)
        cy = draw_lines(painter, [w.choice(key)], head_font, x, by, col_w, QColor(COLUMN_COLORS[key]))
        painter.fillRect(QRectF(x, cy, col_w, pt(1.5)), QColor(COLUMN_COLORS[key]))
        cy += pt(4)
        shown = items[:BOARD_ITEMS]
        for item in shown:
            lines = wrap_lines(("◆ " if item.milestone else "• ") + item.title, item_font, col_w, 0)
            if cy + len(lines) * line_height(item_font) > body.bottom() - line_height(item_font):
                break
            cy = draw_lines(painter, lines, item_font, x, cy, col_w, INK) + pt(2)
        more = len(items) - len(shown)
        if not items:
            draw_lines(painter, [w["none_yet"]], item_font, x, cy, col_w, INK_SOFT)
        elif more > 0:
            draw_lines(painter, [w("more", n=more)], item_font, x, cy, col_w, INK_SOFT)

    # Right: milestones with P80, then the top risks with owners.
    ry = draw_lines(painter, [w["forecast.milestone"] + " · P80"], heading_font, right_x, top, right_w, ACCENT)
    ry += pt(2)
    report = sheet.report
    if isinstance(report, ForecastReport):
        rows = [*report.rows[:-1][:MILESTONES], report.whole]
        right = Qt.AlignmentFlag.AlignRight
        table = Table(
            sheet,
            [
                Column(w["forecast.milestone"], 0.46, bold=True),
                Column(w["forecast.planned"], 0.27, right),
                Column("P80", 0.27, right, bold=True),
            ],
            [[row_title(r, w), sheet.date_text(r.planned) if r.planned else "", sheet.date_text(r.p80)] for r in rows],
            right_w,
        )
        every = list(range(len(table.rows)))
        ry = table.draw(painter, right_x, ry, every) + pt(14)
    else:
        lines = wrap_lines(unavailable(report, w), text_font, right_w)
        ry = draw_lines(painter, lines, text_font, right_x, ry, right_w, INK_SOFT) + pt(14)
    ry = draw_lines(painter, [w["document.risks"]], heading_font, right_x, ry, right_w, ACCENT) + pt(2)
    live = sorted((r for r in sheet.project.risks if r.status != "closed"), key=lambda r: -r.exposure)
    if not live:
        draw_lines(painter, [w["none_yet"]], text_font, right_x, ry, right_w, INK_SOFT)
        return
    center = Qt.AlignmentFlag.AlignHCenter
    table = Table(
        sheet,
        [
            Column(w["risk.exposure"], 0.16, center),
            Column(w["pdf.risk"], 0.36, bold=True),
            Column(w["document.owner"], 0.14),
            Column(w["document.mitigation"], 0.34),
        ],
        [
            [Cell(str(r.exposure), exposure_colour(r.exposure)), r.title, r.owner or "–", first_line(r.mitigation)]
            for r in live[:TOP_RISKS]
        ],
        right_w,
    )
    fitting = table.paginate(body.bottom() - ry, body.height())[0]
    table.draw(painter, right_x, ry, fitting)


def first_line(text: str) -> str:
    """The first line of a mitigation list, without its bullet."""
    for line in text.splitlines():
        line = line.strip().lstrip("•-* ").strip()
        if line:
            return line
    return ""
