"""The presenter's live line while a room is shared: who has joined, how many votes are cast, whether editing is
locked; painted in place of the key hint at the foot of every page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from ...domain.project import Project
from ...wording import Wording


@dataclass(frozen=True)
class LiveState:
    names: tuple[str, ...]  # who has joined (the facilitator's own app not counted)
    read_only: bool


def live_text(state: LiveState, project: Project, words: Wording) -> tuple[str, str]:
    """(who is here, the rest: votes and the lock) as the line says them."""
    names = sorted(set(state.names), key=str.casefold)
    if names:
        people = words("workshop.live.here", n=len(names)) + ": " + words.join(names)
    else:
        people = words["workshop.live.nobody"]
    votes = sum(r.votes or 0 for r in project.requirements if r.status != "dropped")
    rest = [words("workshop.live.votes", n=votes)]
    if state.read_only:
        rest.append(words["workshop.live.locked"])
    return people, " · ".join(rest)


def paint_live_line(
    painter: QPainter, rect: QRectF, font: QFont, text: tuple[str, str], ink: QColor, accent: QColor, dot: float
) -> None:
    """A live dot, the votes and the lock in full, then as many names as fit (elided), right-aligned in ``rect``."""
    people, rest = text
    metrics = QFontMetricsF(font)
    tail = "   " + rest
    room = rect.width() - metrics.horizontalAdvance(tail) - dot * 2.2
    people = metrics.elidedText(people, Qt.TextElideMode.ElideRight, max(room, 0.0))
    width = metrics.horizontalAdvance(people + tail) + dot * 2.2
    left = rect.right() - min(width, rect.width())
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(accent)
    painter.drawEllipse(QRectF(left, rect.center().y() - dot / 2, dot, dot))
    painter.setFont(font)
    painter.setPen(ink)
    text_rect = QRectF(left + dot * 2.2, rect.top(), rect.right() - left - dot * 2.2, rect.height())
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, people)
    painter.setPen(accent)
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, rest)
    painter.restore()
