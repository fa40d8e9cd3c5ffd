"""The PDF's title page: the project's name, vision and brief, figures, the executive summary and the contents."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from ...domain.risk import ExposureBand, exposure_band
from ...render.ink import INK
from .layout import Page, draw_lines, line_height, wrap_lines
from .sheet import Sheet
from .style import ACCENT, FILL_HEADER, INK_SOFT, RULE, pt

VISION_MIN_LINES = 5  # a long project name never squeezes the vision below this (landscape)
SUMMARY_KEPT_LINES = 4  # the brief leaves the executive summary (which follows it) this many lines
TEXT_GAP = pt(14)  # below the vision and below the brief


def plan_title(sheet: Sheet, starts: dict[str, int]) -> Page:
    """The title page; ``starts`` is the first page number of each section, for the contents."""
    return Page("title", sheet.section_title("title"), lambda painter: draw_title(sheet, painter, starts))


def stats(sheet: Sheet) -> list[tuple[str, str]]:
    """(figure, label) tiles: counts, open high-exposure risks, the planned span."""
    p, w = sheet.project, sheet.w
    milestones = sum(1 for i in p.items if i.milestone)
    high = sum(1 for r in p.risks if exposure_band(r.exposure) is ExposureBand.HIGH and r.status != "closed")
    out = [
        (str(len(p.requirements)), w["document.requirements"]),
        (str(len(p.items)), w["pdf.stat.items"]),
        (str(milestones), w["pdf.stat.milestones"]),
        (str(len(p.risks)), w["document.risks"]),
        (str(high), w["pdf.stat.high"]),
    ]
    dated = [i for i in p.items if i.start is not None]
    if dated:
        first = min(i.start for i in dated)  # type: ignore[type-var]
        last = max(i.end for i in dated)  # type: ignore[type-var]
        span = sheet.span_text(first, last)
        out.append((span, w["pdf.stat.span"]))
    return out


def left_texts(sheet: Sheet, width: float, room: float, landscape: bool) -> list[tuple[str, list[str]]]:
    """The vision and the product brief as (heading, wrapped lines), fitted to ``room`` points of height.

    The vision alone keeps its rule: landscape, what fits (5 to 30 lines); portrait, 8 lines. A brief
    shares the room with it, less the summary's first lines, so a long brief pushes nothing off the page:
    the two split the lines evenly, one that needs fewer passing the rest on (at most 30 lines each
    in landscape; 8 for the vision and 6 for the brief in portrait). A brief that would get fewer than
    2 of the lines it needs is left out, and the page is then as without it.
    """
    info, w = sheet.project.info, sheet.w
    text_font = sheet.font(11)
    heading_h, lh = line_height(sheet.font(10, bold=True)), line_height(text_font)
    vision, brief = info.description.strip(), info.brief.strip()
    vision_alone: list[tuple[str, list[str]]] = []
    if vision:
        lines = max(VISION_MIN_LINES, min(int((room - heading_h) / lh), 30)) if landscape else 8
        vision_alone = [(w["document.vision"], wrap_lines(info.description, text_font, width, lines))]
    if not brief:
        return vision_alone
    blocks = [info.description, info.brief] if vision else [info.brief]
    room -= len(blocks) * heading_h + (len(blocks) - 1) * TEXT_GAP
    if info.summary.strip():
        summary_font = sheet.font(10)
        kept = len(wrap_lines(info.summary, summary_font, width, SUMMARY_KEPT_LINES))
        room -= line_height(sheet.font(12, bold=True)) + pt(4) + kept * line_height(summary_font)
    budget = max(0, int(room / lh))
    caps = ([30, 30] if landscape else [8, 6])[-len(blocks) :]  # (vision,) brief
    wanted = [len(wrap_lines(text, text_font, width, cap)) for text, cap in zip(blocks, caps, strict=True)]
    shares = fair_shares(wanted, budget)
    if shares[-1] < min(wanted[-1], 2):
        return vision_alone  # no room for the brief: the page is as without one
    out = [(w["document.brief"], wrap_lines(info.brief, text_font, width, shares[-1]))]
    if vision:  # never 0 lines: wrap_lines reads 0 as "no limit"
        out.insert(0, (w["document.vision"], wrap_lines(info.description, text_font, width, max(1, shares[0]))))
    return out


def fair_shares(wanted: list[int], budget: int) -> list[int]:
    """``budget`` lines split evenly among texts wanting ``wanted`` lines; one needing less passes the rest on."""
    shares = [0] * len(wanted)
    left = budget
    for done, index in enumerate(sorted(range(len(wanted)), key=lambda i: wanted[i])):
        shares[index] = min(wanted[index], left // (len(wanted) - done))
        left -= shares[index]
    return shares


def draw_title(sheet: Sheet, painter: QPainter, starts: dict[str, int]) -> None:
    info, w = sheet.project.info, sheet.w
    body = sheet.body
    landscape = body.width() > body.height()
    left_w = body.width() * (0.56 if landscape else 1.0)
    right_x = body.width() * 0.62 if landscape else 0.0
    right_w = body.width() - right_x
    y = body.top() + pt(26)
    y = draw_lines(painter, [w["pdf.kicker"]], sheet.font(9, bold=True), 0, y, left_w, ACCENT)
    y += pt(4)
    name_font = sheet.font(26, bold=True)
    y = draw_lines(painter, wrap_lines(info.name, name_font, left_w, 3), name_font, 0, y, left_w, INK)
    y += pt(2)
    y = draw_lines(
        painter, [w("document.as_of", date=sheet.date_text(sheet.today))], sheet.font(10), 0, y, left_w, INK_SOFT
    )
    y += pt(10)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ACCENT)
    painter.drawRect(QRectF(0, y, pt(42), pt(2.4)))
    y += pt(16)

    # Right column (landscape) or the block below (portrait): figures, then the contents.
    tiles = stats(sheet)
    tile_cols = 2 if landscape else 3
    tile_w = (right_w - (tile_cols - 1) * pt(10)) / tile_cols
    number_font, label_font = sheet.font(18, bold=True), sheet.font(8)
    tile_h = line_height(number_font) + line_height(label_font) + pt(14)
    tiles_h = -(-len(tiles) // tile_cols) * (tile_h + pt(10))
    contents = [s for s in sheet.options.sections if s != "title"]
    contents_font, desc_font = sheet.font(10, bold=True), sheet.font(8.5)
    entry_h = line_height(contents_font) + 2 * line_height(desc_font) + pt(6)
    contents_h = (line_height(sheet.font(11, bold=True)) + pt(6) + len(contents) * entry_h) if contents else 0.0

    # Left column: the vision, then the brief, each under its heading. Landscape: the column is
    # theirs down to the footer; portrait: the figures and the contents follow below them.
    if landscape:
        text_bottom = body.bottom() - pt(24)
    else:
        text_bottom = body.bottom() - contents_h - pt(16) - tiles_h - pt(8) - pt(14)
    heading_font, text_font = sheet.font(10, bold=True), sheet.font(11)
    for heading, lines in left_texts(sheet, left_w, text_bottom - y, landscape):
        y = draw_lines(painter, [heading], heading_font, 0, y, left_w, INK)
        y = draw_lines(painter, lines, text_font, 0, y, left_w, INK)
        y += TEXT_GAP

    if landscape:
        ty = body.top() + pt(30)
        summary_bottom = body.bottom()
    else:
        ty = y
        y = ty + tiles_h + pt(8)
        summary_bottom = body.bottom() - contents_h - pt(16)
    for index, (number, label) in enumerate(tiles):
        col, row = index % tile_cols, index // tile_cols
        tile = QRectF(right_x + col * (tile_w + pt(10)), ty + row * (tile_h + pt(10)), tile_w, tile_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(FILL_HEADER)
        painter.drawRoundedRect(tile, pt(4), pt(4))
        inner_w = tile_w - pt(20)
        fit_font = number_font
        for size in (11, 10, 9, 8):  # a long value (a Chinese date span) shrinks before it is elided
            if QFontMetricsF(fit_font).horizontalAdvance(number) <= inner_w:
                break
            fit_font = sheet.font(size, bold=True)
        draw_lines(
            painter,
            [QFontMetricsF(fit_font).elidedText(number, Qt.TextElideMode.ElideRight, inner_w)],
            fit_font,
            tile.left() + pt(10),
            tile.top() + pt(7),
            inner_w,
            ACCENT,
        )
        draw_lines(
            painter,
            wrap_lines(label, label_font, inner_w, 1),
            label_font,
            tile.left() + pt(10),
            tile.bottom() - pt(7) - line_height(label_font),
            inner_w,
            INK_SOFT,
        )

    if info.summary.strip():
        heading_font, text_font = sheet.font(12, bold=True), sheet.font(10)
        room = summary_bottom - y - line_height(heading_font) - pt(4)
        max_lines = int(room // line_height(text_font))
        if max_lines >= 2:
            y = draw_lines(painter, [w["document.summary"]], heading_font, 0, y, left_w, INK) + pt(4)
            lines = wrap_lines(info.summary, text_font, left_w, max_lines)
            draw_lines(painter, lines, text_font, 0, y, left_w, INK)

    if contents:
        cy = ty + tiles_h + pt(18) if landscape else body.bottom() - contents_h
        cw = right_w
        painter.setPen(QPen(RULE, pt(0.6)))
        painter.drawLine(QLineF(right_x, cy - pt(8), right_x + cw, cy - pt(8)))
        cy = draw_lines(painter, [w["pdf.contents"]], sheet.font(11, bold=True), right_x, cy, cw, INK) + pt(6)
        for section in contents:
            title = sheet.section_title(section)
            page = str(starts.get(section, ""))
            draw_lines(painter, [title], contents_font, right_x, cy, cw - pt(30), INK)
            draw_lines(painter, [page], contents_font, right_x, cy, cw, INK_SOFT, Qt.AlignmentFlag.AlignRight)
            cy += line_height(contents_font)
            desc = sheet.describe(section)
            cy = draw_lines(
                painter, wrap_lines(desc, desc_font, cw - pt(30), 2), desc_font, right_x, cy, cw - pt(30), INK_SOFT
            )
            cy += pt(6)
