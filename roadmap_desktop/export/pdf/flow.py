"""Flowing a section onto pages: blocks stack down the page, a block that does not fit starts the next
page, and tables continue across pages (header repeated, tall rows split between lines)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPainter

from ...render.ink import INK
from .layout import Page, draw_lines, line_height, wrap_lines
from .sheet import Sheet
from .style import INK_SOFT, pt
from .table import Table

Draw = Callable[[QPainter, float], None]  # paints a block whose top is at the given y
BLOCK_GAP = pt(12)


class Flow:
    """The pages of one section: its heading (and subtitle) on the first, "(continued)" on the rest."""

    def __init__(self, sheet: Sheet, section: str, heading: str, subtitle: str = "") -> None:
        self.sheet, self.section, self.heading, self.subtitle = sheet, section, heading, subtitle
        self._pages: list[list[tuple[float, Draw]]] = [[]]
        self.y = sheet.section_heading(None, heading, subtitle)
        self.bottom = sheet.body.bottom()

    @property
    def room(self) -> float:
        return self.bottom - self.y

    def new_page(self) -> None:
        self._pages.append([])
        self.y = self.sheet.section_heading(None, self.sheet.continued(self.heading))

    def add(self, height: float, draw: Draw, gap: float = BLOCK_GAP) -> None:
        """A block that stays whole: on this page when it fits, else at the top of the next."""
        if self._pages[-1] and height > self.room:
            self.new_page()
        self._pages[-1].append((self.y, draw))
        self.y += height + gap

    def caption_height(self, title: str, note: str = "", width: float = 0.0) -> float:
        sheet = self.sheet
        width = width or sheet.body.width()
        h = line_height(sheet.font(12, bold=True)) + pt(4)
        if note:
            h += len(wrap_lines(note, sheet.font(8.5), width)) * line_height(sheet.font(8.5)) + pt(4)
        return h

    def draw_caption(self, painter: QPainter, y: float, title: str, note: str = "", width: float = 0.0) -> float:
        """A block's title (and a note under it) at ``y``; returns the y below."""
        sheet = self.sheet
        width = width or sheet.body.width()
        y = draw_lines(painter, [title], sheet.font(12, bold=True), 0, y, width, INK) + pt(4)
        if note:
            lines = wrap_lines(note, sheet.font(8.5), width)
            y = draw_lines(painter, lines, sheet.font(8.5), 0, y, width, INK_SOFT) + pt(4)
        return y

    def add_text(self, text: str, size: float = 9.0, color=INK_SOFT, gap: float = BLOCK_GAP) -> None:
        font, width = self.sheet.font(size), self.sheet.body.width()
        lines = wrap_lines(text, font, width)
        self.add(len(lines) * line_height(font), lambda p, y: draw_lines(p, lines, font, 0, y, width, color), gap)

    def add_table(self, table: Table, title: str = "", note: str = "", min_rows: int = 1) -> None:
        """A table under an optional caption; it starts on this page when the caption, its header and
        ``min_rows`` rows' worth of lines fit, and continues on the next pages with its header repeated."""
        caption_h = self.caption_height(title, note) if title else 0.0
        first_room = self.room - caption_h
        least = table.header_height + min_rows * (table.lh + 2 * table.pad_y)
        if self._pages[-1] and first_room < least:
            self.new_page()
            first_room = self.room - caption_h
        later_room = self.bottom - self.sheet.section_heading(None, self.sheet.continued(self.heading))
        chunks = table.paginate(first_room, later_room)
        # Fewer than ``min_rows`` rows here (of a table that has more) on a page already half used: start
        # the table on the next page instead of leaving its first rows alone at the bottom.
        orphaned = len(chunks) > 1 and 0 < len(chunks[0]) < min_rows and self.room < self.sheet.body.height() / 2
        if not chunks[0] or orphaned:
            self.new_page()
            chunks = [c for c in table.paginate(self.room - caption_h, later_room) if c]
        for n, chunk in enumerate(chunks):
            if n:
                self.new_page()
            with_caption = n == 0 and bool(title)

            def draw(painter: QPainter, y: float, chunk: list[int] = chunk, with_caption: bool = with_caption) -> None:
                if with_caption:
                    y = self.draw_caption(painter, y, title, note)
                table.draw(painter, 0, y, chunk)

            height = table.height_of(chunk) + (caption_h if with_caption else 0.0)
            self._pages[-1].append((self.y, draw))
            self.y += height + BLOCK_GAP

    def pages(self) -> list[Page]:
        out = []
        for n, blocks in enumerate(self._pages):
            title = self.heading if n == 0 else self.sheet.continued(self.heading)
            subtitle = self.subtitle if n == 0 else ""

            def draw(painter: QPainter, blocks=blocks, title: str = title, subtitle: str = subtitle) -> None:
                self.sheet.section_heading(painter, title, subtitle)
                for y, block in blocks:
                    block(painter, y)

            out.append(Page(self.section, self.heading, draw))
        return out
