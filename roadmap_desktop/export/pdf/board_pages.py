"""The PDF's Now / Next / Later board: a column of item cards per horizon, continued on more pages."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from ...domain import now_next_later
from ...domain.now_next_later import NEXT_DAYS, NOW_DAYS
from ...domain.timeline import TimelineItem
from ...render.ink import INK
from ...render.timeline_layout import lane_color
from .layout import Page, draw_lines, line_height, wrap_lines
from .sheet import Sheet
from .style import COLUMN_COLORS, FILL_CARD, INK_FAINT, INK_SOFT, RULE, pt


def board_columns(sheet: Sheet) -> list[tuple[str, list[TimelineItem]]]:
    """(column key, items) for now, next, later and, when it has items, unsorted (the board tab's rule)."""
    columns = now_next_later.board_columns(sheet.project.items, sheet.today)
    return [("unsorted" if key == "" else key, items) for key, items in columns.items() if items or key != ""]


def plan_board(sheet: Sheet) -> list[Page]:
    heading = sheet.section_title("board")
    note = sheet.w("pdf.board_note", now=NOW_DAYS, next=NEXT_DAYS)
    top = sheet.section_heading(None, heading, note)
    columns = board_columns(sheet)
    gap = pt(12)
    col_w = (sheet.body.width() - gap * (len(columns) - 1)) / len(columns)
    head_h = line_height(sheet.font(11, bold=True)) + pt(10)
    room = sheet.body.bottom() - top - head_h
    chunks: list[list[list[tuple[TimelineItem, float]]]] = []  # per column, per page: (item, height)
    for _key, items in columns:
        pages: list[list[tuple[TimelineItem, float]]] = [[]]
        used = 0.0
        for item in items:
            h = card_height(sheet, item, col_w)
            if pages[-1] and used + h > room:
                pages.append([])
                used = 0.0
            pages[-1].append((item, h))
            used += h + pt(7)
        chunks.append(pages)
    count = max(len(c) for c in chunks)
    out = []
    for n in range(count):
        title = heading if n == 0 else sheet.continued(heading)

        def draw(painter: QPainter, n: int = n, title: str = title) -> None:
            y0 = sheet.section_heading(painter, title, note)
            for index, (key, items) in enumerate(columns):
                x = index * (col_w + gap)
                draw_board_column(
                    sheet, painter, key, len(items), chunks[index][n] if n < len(chunks[index]) else [], x, y0, col_w
                )

        out.append(Page("board", heading, draw))
    return out


def card_parts(sheet: Sheet, item: TimelineItem, width: float) -> tuple[list[str], list[str]]:
    inner = width - pt(16)
    title = ("◆ " if item.milestone else "") + item.title
    title_lines = wrap_lines(title, sheet.font(9, bold=True), inner, 3)
    meta = [sheet.project.lane_name(item.lane_id)]
    if item.start is not None:
        end = item.end
        when = (
            sheet.date_text(item.start)
            if item.milestone or end == item.start
            else (
                f"{sheet.date_text(item.start, year=False)} – {sheet.date_text(end)}"  # type: ignore[arg-type]
            )
        )
        meta.append(when)
    else:
        meta.append(sheet.w["document.not_scheduled"])
    meta.append(sheet.w.choice(item.status))
    if item.owner:
        meta.append(item.owner)
    meta_lines = wrap_lines(" · ".join(m for m in meta if m), sheet.font(7.5), inner, 2)
    return title_lines, meta_lines


def card_height(sheet: Sheet, item: TimelineItem, width: float) -> float:
    title_lines, meta_lines = card_parts(sheet, item, width)
    return (
        len(title_lines) * line_height(sheet.font(9, bold=True))
        + len(meta_lines) * line_height(sheet.font(7.5))
        + pt(14)
    )


def draw_board_column(
    sheet: Sheet,
    painter: QPainter,
    key: str,
    count: int,
    cards: list[tuple[TimelineItem, float]],
    x: float,
    y: float,
    w: float,
) -> None:
    color = QColor(COLUMN_COLORS[key])
    title = sheet.w["pdf.unsorted"] if key == "unsorted" else sheet.w.choice(key)
    head_font = sheet.font(11, bold=True)
    lh = line_height(head_font)
    draw_lines(painter, [title], head_font, x, y, w, INK)
    badge = str(count)
    fm = QFontMetricsF(sheet.font(8, bold=True))
    label_w = QFontMetricsF(head_font).horizontalAdvance(title)
    badge_rect = QRectF(x + label_w + pt(8), y + (lh - pt(13)) / 2, fm.horizontalAdvance(badge) + pt(10), pt(13))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(badge_rect, pt(6.5), pt(6.5))
    draw_lines(
        painter,
        [badge],
        sheet.font(8, bold=True),
        badge_rect.left(),
        badge_rect.top() + (pt(13) - line_height(sheet.font(8, bold=True))) / 2,
        badge_rect.width(),
        QColor("#FFFFFF"),
        Qt.AlignmentFlag.AlignHCenter,
    )
    y += lh + pt(3)
    painter.setBrush(color)
    painter.drawRect(QRectF(x, y, w, pt(2)))
    y += pt(7)
    if not count:
        draw_lines(painter, [sheet.w["none_yet"]], sheet.font(8.5), x, y, w, INK_FAINT)
        return
    for item, h in cards:
        card = QRectF(x, y, w, h)
        painter.setPen(QPen(RULE, pt(0.6)))
        painter.setBrush(FILL_CARD)
        painter.drawRoundedRect(card, pt(3), pt(3))
        lane_index = next((i for i, lane in enumerate(sheet.project.lanes) if lane.id == item.lane_id), -1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(lane_color(lane_index))
        painter.drawRoundedRect(QRectF(x, y, pt(3), h), pt(1.5), pt(1.5))
        title_lines, meta_lines = card_parts(sheet, item, w)
        ty = draw_lines(painter, title_lines, sheet.font(9, bold=True), x + pt(10), y + pt(7), w - pt(16), INK)
        draw_lines(painter, meta_lines, sheet.font(7.5), x + pt(10), ty, w - pt(16), INK_SOFT)
        y += h + pt(7)
