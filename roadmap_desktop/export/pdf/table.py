"""Tables of the roadmap PDF: cells wrap (measured, never overlapping) and rows break across pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from ...render.ink import INK, readable_ink
from .layout import draw_lines, line_height, wrap_lines
from .sheet import Sheet
from .style import FILL_HEADER, FILL_ZEBRA, INK_SOFT, RULE, RULE_SOFT, pt

SPLIT_LINES = 2  # a split row keeps at least this many lines on each side


@dataclass
class Column:
    title: str
    weight: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    bold: bool = False
    max_lines: int = 0


@dataclass
class Cell:
    text: str
    chip: QColor | None = None  # drawn as a coloured pill behind the text


@dataclass
class _TableRow:
    cells: list[Cell]
    lines: list[list[str]] = field(default_factory=list)
    height: float = 0.0
    stripe: bool = False  # zebra fill; the parts of a split row share it


class Table:
    """A table whose cells wrap (measured, never overlapping) and whose rows break across pages."""

    def __init__(self, sheet: Sheet, columns: list[Column], rows: list[list[Cell | str]], width: float):
        self.columns = columns
        total = sum(c.weight for c in columns)
        self.widths = [width * c.weight / total for c in columns]
        self.width = width
        self.font = sheet.font(8.5)
        self.bold = sheet.font(8.5, bold=True)
        self.header_font = sheet.font(8, bold=True)
        self.pad_x, self.pad_y = pt(4.5), pt(3.6)
        self.lh = line_height(self.font)
        header_lines = [
            wrap_lines(c.title, self.header_font, w - 2 * self.pad_x, 2)
            for c, w in zip(columns, self.widths, strict=True)
        ]
        self.header_lines = header_lines
        self.header_height = max(len(x) for x in header_lines) * line_height(self.header_font) + 2 * self.pad_y
        self.rows: list[_TableRow] = []
        for cells in rows:
            row = _TableRow([c if isinstance(c, Cell) else Cell(str(c)) for c in cells])
            for column, width_, cell in zip(columns, self.widths, row.cells, strict=True):
                font = self.bold if column.bold else self.font
                # No cap by default: a row taller than the room left splits between lines (paginate).
                limit = column.max_lines
                row.lines.append(wrap_lines(cell.text, font, width_ - 2 * self.pad_x, limit) if cell.text else [])
            row.height = max((len(x) for x in row.lines), default=1) * self.lh + 2 * self.pad_y
            row.height = max(row.height, self.lh + 2 * self.pad_y)
            row.stripe = len(self.rows) % 2 == 1
            self.rows.append(row)

    def paginate(self, first_room: float, room: float) -> list[list[int]]:
        """Row indices per page: the first page has ``first_room`` of height (it may stay empty when
        not even one row fits there), later ones ``room``. A row that does not fit the room left is
        split between its lines when at least ``SPLIT_LINES`` of them fit (and as many follow), so a page
        is not left half empty before a tall row; the split rows replace it in ``rows``."""
        pages: list[list[int]] = [[]]
        used, limit = self.header_height, first_room
        index = 0
        while index < len(self.rows):
            row = self.rows[index]
            if used + row.height > limit:
                fits = int((limit - used - 2 * self.pad_y) // self.lh)
                lines = max((len(x) for x in row.lines), default=1)
                if fits >= SPLIT_LINES and lines - fits >= SPLIT_LINES:
                    head, tail = self._split(row, fits)
                    self.rows[index : index + 1] = [head, tail]
                    row = head
                elif pages[-1] or len(pages) == 1:
                    pages.append([])
                    used, limit = self.header_height, room
                    continue  # the row again, on the new page (where it may split)
            pages[-1].append(index)
            used += row.height
            index += 1
        return pages

    def _split(self, row: _TableRow, lines: int) -> tuple[_TableRow, _TableRow]:
        """The first ``lines`` lines of every cell, and the rest (a chip stays with the first part)."""
        head = _TableRow(row.cells, [x[:lines] for x in row.lines], lines * self.lh + 2 * self.pad_y)
        rest = [x[lines:] for x in row.lines]
        tail_cells = [Cell(c.text) for c in row.cells]
        tail_h = max((len(x) for x in rest), default=1) * self.lh + 2 * self.pad_y
        tail = _TableRow(tail_cells, rest, max(tail_h, self.lh + 2 * self.pad_y))
        tail.stripe = head.stripe = row.stripe
        return head, tail

    def height_of(self, indices: list[int]) -> float:
        return self.header_height + sum(self.rows[i].height for i in indices)

    def draw(self, painter: QPainter, x: float, y: float, indices: list[int]) -> float:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(FILL_HEADER)
        painter.drawRect(QRectF(x, y, self.width, self.header_height))
        cx = x
        for column, width, lines in zip(self.columns, self.widths, self.header_lines, strict=True):
            draw_lines(
                painter,
                lines,
                self.header_font,
                cx + self.pad_x,
                y + self.pad_y,
                width - 2 * self.pad_x,
                INK_SOFT,
                column.align,
            )
            cx += width
        y += self.header_height
        painter.setPen(QPen(RULE, pt(0.8)))
        painter.drawLine(QLineF(x, y, x + self.width, y))
        for index in indices:
            row = self.rows[index]
            if row.stripe:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(FILL_ZEBRA)
                painter.drawRect(QRectF(x, y, self.width, row.height))
            cx = x
            for column, width, cell, lines in zip(self.columns, self.widths, row.cells, row.lines, strict=True):
                font = self.bold if column.bold else self.font
                inner = width - 2 * self.pad_x
                if cell.chip is not None and lines:
                    fm = QFontMetricsF(font)
                    chip_w = fm.horizontalAdvance(lines[0]) + 2 * pt(4)
                    chip = QRectF(cx + self.pad_x, y + self.pad_y, chip_w, self.lh)
                    if column.align & Qt.AlignmentFlag.AlignRight:
                        chip.moveRight(cx + width - self.pad_x)
                    elif column.align & Qt.AlignmentFlag.AlignHCenter:
                        chip.moveLeft(cx + (width - chip_w) / 2)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(cell.chip)
                    painter.drawRoundedRect(chip.adjusted(0, pt(0.6), 0, -pt(0.6)), pt(3), pt(3))
                    draw_lines(
                        painter,
                        lines[:1],
                        font,
                        chip.left(),
                        chip.top(),
                        chip.width(),
                        readable_ink(cell.chip),
                        Qt.AlignmentFlag.AlignHCenter,
                    )
                else:
                    draw_lines(painter, lines, font, cx + self.pad_x, y + self.pad_y, inner, INK, column.align)
                cx += width
            y += row.height
            painter.setPen(QPen(RULE_SOFT, pt(0.5)))
            painter.drawLine(QLineF(x, y, x + self.width, y))
        return y
