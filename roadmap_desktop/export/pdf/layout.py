"""Text and pages of the roadmap PDF: wrapping measured with the fonts it is drawn with, and the page
plan (a section, a running heading, a function that paints the page)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from ...render.ink import INK


def wrap_lines(text: str, font: QFont, width: float, max_lines: int = 0) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (at word boundaries, or anywhere for a long
    word or CJK), its own line breaks kept; past ``max_lines`` the last line ends in an ellipsis."""
    lines: list[str] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    paragraphs = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    consumed: list[int] = []  # index into the joined text where each line starts, for eliding
    offset = 0
    for para in paragraphs:
        para = para.rstrip()
        if not para:
            lines.append("")
            consumed.append(offset)
        else:
            layout = QTextLayout(para, font)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width, 1.0))
                start, length = line.textStart(), line.textLength()
                lines.append(para[start : start + length].rstrip())
                consumed.append(offset + start)
            layout.endLayout()
        offset += len(para) + 1
        if max_lines and len(lines) > max_lines:
            break
    if max_lines and len(lines) > max_lines:
        fm = QFontMetricsF(font)
        lines = lines[:max_lines]
        rest = " ".join("\n".join(p.rstrip() for p in paragraphs)[consumed[max_lines - 1] :].split())
        lines[-1] = fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        if lines[-1] == rest:  # the cut fell between paragraphs: still say that more follows
            lines[-1] = fm.elidedText(rest + " …", Qt.TextElideMode.ElideRight, width)
    return lines


def line_height(font: QFont) -> float:
    fm = QFontMetricsF(font)
    return max(fm.lineSpacing(), font.pixelSize() * 1.3)


def draw_lines(
    painter: QPainter,
    lines: Sequence[str],
    font: QFont,
    x: float,
    y: float,
    width: float,
    color: QColor = INK,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> float:
    """Draw pre-wrapped lines from the top ``y``; return the y below the last one."""
    painter.setFont(font)
    painter.setPen(color)
    lh = line_height(font)
    for text in lines:
        painter.drawText(QRectF(x, y, width, lh), int(align | Qt.AlignmentFlag.AlignVCenter), text)
        y += lh
    return y


@dataclass
class Page:
    section: str  # one of PdfOptions.sections
    heading: str  # shown in the running header
    draw: Callable[[QPainter], None]
