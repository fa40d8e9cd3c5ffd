"""PresenterView: a full-screen, high-contrast, large-type view of the project for a workshop projector."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import QWidget

from ...domain.dates import whole_months
from ...domain.prioritisation import rank
from ...domain.project import Project, ProjectEvent
from ...domain.risk import ExposureBand, Risk
from ...qtmodels.document import ProjectDocument
from ...render.heat_map import HeatMapLayout, HeatMapStyle, cell_counts, layout_heat_map, paint_heat_map
from ...render.ink import readable_ink
from ...render.risk_colours import exposure_colour
from ...render.timeline import paint_timeline
from ...render.timeline_layout import PaintOptions, TimelineLayout
from ...wording import Wording
from ...wording import number as format_number
from ..i18n import interface_wording
from .live_line import LiveState, live_text, paint_live_line
from .step_bar import GuidedFlowBar
from .steps import STEPS, format_clock

# Page i is what step i of the workshop talks about, so keys 1-6 and the step bar agree.
PAGES = ("brief", "requirements", "ranking", "timeline", "risks", "summary")

# Near-black with white and yellow: the pairs that stay readable on a washed-out projector.
BACKGROUND = QColor("#0b0d10")
PANEL = QColor("#1a1f26")
TEXT = QColor("#ffffff")
ACCENT = QColor("#ffd400")
MUTED = QColor("#c9d1db")
RULE = QColor("#3a4350")
AMBER = QColor("#ffb000")
RED = QColor("#ff5a4f")
GREEN = QColor("#5ee08a")

TIMELINE_TEXT_PX = 14.0  # layout units; painter.scale makes them large on screen
TIMELINE_TARGET_SCALE = 2.1  # 14 px text becomes about 29 px at 1920 x 1080
RANKING_ROWS = 10  # rows on the ranking page, the "+ N more" line included


@dataclass
class _Block:
    """A paragraph for the flowing text pages."""

    text: str
    px: float
    color: QColor
    bold: bool = False
    indent: float = 0.0
    space_before: float = 0.0
    bullet: bool = False


class PresenterView(QWidget):
    """A top-level window of six pages, one per workshop step; it follows the project as it is edited.

    Keys: Left / Right / PageUp / PageDown (presentation clickers) flip pages, 1-6 jump, Esc or F5
    leave. A click flips forward (right-click back); a click on a page number jumps there.
    """

    page_changed = Signal(int)
    closed = Signal()

    def __init__(
        self,
        document: ProjectDocument,
        bar: GuidedFlowBar | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)  # top-level even with a parent
        self.setWindowTitle(self.tr("Presenter View"))
        self.setObjectName("presenterView")
        self.setAccessibleName(self.tr("Presenter view"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(False)
        self.setMinimumSize(640, 360)
        self.today = today
        self.document: ProjectDocument | None = None
        self.bar: GuidedFlowBar | None = None
        self._page = 0
        self._dot_rects: list[QRectF] = []
        self.live: LiveState | None = None  # while a room is shared: who is here and whether editing is locked
        self.set_document(document)
        self.set_flow_bar(bar)

    # -- wiring ------------------------------------------------------------------------------
    def set_document(self, document: ProjectDocument) -> None:
        if self.document is not None:
            self.document.project_changed.disconnect(self._on_document_project_changed)
        self.document = document
        document.project_changed.connect(self._on_document_project_changed)
        self.update()

    def set_flow_bar(self, bar: GuidedFlowBar | None) -> None:
        """Show the bar's step and clock, and turn to the page of each step the bar moves to."""
        if self.bar is not None:
            self.bar.step_changed.disconnect(self._on_bar_step_changed)
            self.bar.timer_changed.disconnect(self._on_bar_timer_changed)
        self.bar = bar
        if bar is not None:
            bar.step_changed.connect(self._on_bar_step_changed)
            bar.timer_changed.connect(self._on_bar_timer_changed)
            self.set_page(bar.current_step())
        self.update()

    def set_live(self, names: list[str] | None, read_only: bool = False) -> None:
        """Show who is in the room, the votes cast and the lock at the foot of every page (None: no room)."""
        self.live = None if names is None else LiveState(tuple(names), read_only)
        self.update()

    def present(self) -> None:
        """Full screen, on a second screen (the projector) when there is one."""
        screens = QGuiApplication.screens()
        parent = self.parentWidget()
        own = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not own]
        target = others[0] if others else own
        if target is not None:
            self.setScreen(target)
            # The whole screen even where no window manager honours full screen (a kiosk, Xvfb).
            self.setGeometry(target.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus()

    def _on_document_project_changed(self, _event: ProjectEvent) -> None:
        self.update()  # pages are painted from the project each time; Qt merges the updates

    def _on_bar_step_changed(self, index: int) -> None:
        self.set_page(index)
        self.update()  # the header says which step the clock counts, even when the page stays

    def _on_bar_timer_changed(self, _seconds: int) -> None:
        self.update(self._header_rect().toAlignedRect())

    # -- pages -------------------------------------------------------------------------------
    def page(self) -> int:
        return self._page

    def page_key(self) -> str:
        return PAGES[self._page]

    def set_page(self, index: int) -> None:
        index = max(0, min(index, len(PAGES) - 1))
        if index != self._page:
            self._page = index
            self.update()
            self.page_changed.emit(index)

    def next_page(self) -> None:
        self.set_page(self._page + 1)

    def previous_page(self) -> None:
        self.set_page(self._page - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        keys = Qt.Key
        if key in (keys.Key_Right, keys.Key_PageDown, keys.Key_Down, keys.Key_Space):
            self.next_page()
        elif key in (keys.Key_Left, keys.Key_PageUp, keys.Key_Up, keys.Key_Backspace):
            self.previous_page()
        elif key == keys.Key_Home:
            self.set_page(0)
        elif key == keys.Key_End:
            self.set_page(len(PAGES) - 1)
        elif keys.Key_1 <= key <= keys.Key_6:
            self.set_page(key - keys.Key_1)
        elif key in (keys.Key_Escape, keys.Key_F5):
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for index, rect in enumerate(self._dot_rects):
            if rect.contains(event.position()):
                self.set_page(index)
                return
        if event.button() == Qt.MouseButton.LeftButton:
            self.next_page()
        elif event.button() == Qt.MouseButton.RightButton:
            self.previous_page()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Presenter View"))
            self.update()  # the pages' words follow the interface language

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()

    # -- geometry and fonts ------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The interface language's catalog code: the pages' headings, axis and legends speak it, as
        the window's buttons do; the project's own titles stay as written."""
        return self.words().code

    def words(self) -> Wording:
        return interface_wording()

    def _unit(self) -> float:
        """Pixels per design pixel: the pages are designed for 1920 x 1080 and scale with the window."""
        return max(min(self.width() / 1920, self.height() / 1080), 0.3)

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(round(px * self._unit()), 6))
        font.setBold(bold)
        return font

    def _margin(self) -> float:
        return 64 * self._unit()

    def _header_rect(self) -> QRectF:
        return QRectF(0, 0, self.width(), 170 * self._unit())

    def _content_rect(self) -> QRectF:
        u, m = self._unit(), self._margin()
        top = self._header_rect().bottom() + 10 * u
        return QRectF(m, top, self.width() - 2 * m, self.height() - top - 112 * u)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(self.rect(), BACKGROUND)
        if self.document is None:
            return
        project = self.document.project
        self._paint_header(painter, project)
        content = self._content_rect()
        painter.save()
        getattr(self, f"_paint_{PAGES[self._page]}")(painter, project, content)
        painter.restore()
        self._paint_footer(painter)
        painter.end()

    def _paint_header(self, painter: QPainter, project: Project) -> None:
        u, m = self._unit(), self._margin()
        words = self.words()
        clock_w = 0.0
        if self.bar is not None:
            seconds = self.bar.remaining_seconds()
            state = self.bar.timer_state()
            clock_font = self._font(64, bold=True)
            clock = format_clock(seconds)
            clock_w = QFontMetricsF(clock_font).horizontalAdvance("+88:88") + 24 * u
            clock_rect = QRectF(self.width() - m - clock_w, 28 * u, clock_w, 84 * u)
            color = {"over": RED, "warning": AMBER}.get(state, TEXT)
            if state in ("over", "warning"):  # a filled badge is seen from the back of the room
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRoundedRect(clock_rect, 10 * u, 10 * u)
                color = BACKGROUND
            painter.setFont(clock_font)
            painter.setPen(color)
            painter.drawText(clock_rect, Qt.AlignmentFlag.AlignCenter, clock)
            painter.setFont(self._font(28))
            painter.setPen(MUTED)
            caption = self.header_caption()
            caption_rect = QRectF(self.width() / 2, 118 * u, self.width() / 2 - m, 40 * u)
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, caption)
        text_w = self.width() - 2 * m - clock_w - 32 * u
        name_font = self._font(30)
        painter.setFont(name_font)
        painter.setPen(MUTED)
        name = QFontMetricsF(name_font).elidedText(project.info.name, Qt.TextElideMode.ElideRight, text_w)
        painter.drawText(QRectF(m, 24 * u, text_w, 44 * u), Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(self._font(60, bold=True))
        painter.setPen(ACCENT)
        painter.drawText(
            QRectF(m, 66 * u, text_w, 84 * u),
            Qt.AlignmentFlag.AlignVCenter,
            words[f"workshop.page.{PAGES[self._page]}"],
        )
        painter.setPen(QPen(RULE, 2 * u))
        painter.drawLine(QPointF(m, 166 * u), QPointF(self.width() - m, 166 * u))

    def header_caption(self) -> str:
        """The step of the page shown (a jump to another page must not leave the last step's name up);
        when the workshop's clock counts another step, which one."""
        words = self.words()
        caption = (
            f"{words('workshop.step', n=self._page + 1, total=len(STEPS))} · {STEPS[self._page].title_in(words.code)}"
        )
        if self.bar is not None and self.bar.current_step() != self._page:
            caption += " · " + words("workshop.clock_step", n=self.bar.current_step() + 1)
        return caption

    def _paint_footer(self, painter: QPainter) -> None:
        u, m = self._unit(), self._margin()
        size = 44 * u
        y = self.height() - 30 * u - size
        self._dot_rects = []
        painter.setFont(self._font(26, bold=True))
        for index in range(len(PAGES)):
            rect = QRectF(m + index * (size + 14 * u), y, size, size)
            self._dot_rects.append(rect)
            current = index == self._page
            painter.setPen(QPen(ACCENT if current else MUTED, 2 * u))
            painter.setBrush(ACCENT if current else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
            painter.setPen(BACKGROUND if current else MUTED)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index + 1))
        hint = QRectF(self.width() / 2, y, self.width() / 2 - m, size)
        if self.live is not None and self.document is not None:
            text = live_text(self.live, self.document.project, self.words())
            paint_live_line(
                painter, hint.adjusted(-hint.width() * 0.25, 0, 0, 0), self._font(26), text, TEXT, ACCENT, 16 * u
            )
            return
        painter.setFont(self._font(24))
        painter.setPen(MUTED)
        painter.drawText(
            hint, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.words()["workshop.keys"]
        )

    # -- flowing text ------------------------------------------------------------------------
    def _paint_blocks(self, painter: QPainter, rect: QRectF, blocks: list[_Block]) -> None:
        """Paragraphs, word-wrapped; the type shrinks (to 70 %) only when the page would overflow."""
        wrap = int(Qt.TextFlag.TextWordWrap)
        factor = 1.0
        while True:
            measured = []
            total = 0.0
            for block in blocks:
                font = self._font(block.px * factor, block.bold)
                fm = QFontMetricsF(font)
                indent = block.indent * self._unit() + (fm.horizontalAdvance("• ") if block.bullet else 0)
                width = rect.width() - indent
                height = fm.boundingRect(QRectF(0, 0, width, 1e6), wrap, block.text).height()
                space = block.space_before * self._unit() * factor
                measured.append((block, font, indent, space, height))
                total += space + height
            if total <= rect.height() or factor <= 0.7:
                break
            factor -= 0.05
        painter.save()
        painter.setClipRect(rect)
        y = rect.top()
        for block, font, indent, space, height in measured:
            y += space
            painter.setFont(font)
            painter.setPen(block.color)
            if block.bullet:
                # A round dot in the middle of the first line: a "•" glyph sits too high beside Chinese text.
                line = _first_line_height(font, block.text, rect.width() - indent)
                radius = max(font.pixelSize() * 0.14, 2.0)
                centre = QPointF(rect.left() + block.indent * self._unit() + radius, y + line / 2)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ACCENT)
                painter.drawEllipse(centre, radius, radius)
                painter.setPen(block.color)
            painter.drawText(QRectF(rect.left() + indent, y, rect.width() - indent, height), wrap, block.text)
            y += height
        painter.restore()

    def _paint_brief(self, painter: QPainter, project: Project, rect: QRectF) -> None:
        info = project.info
        words = self.words()
        blocks: list[_Block] = []
        if info.domain:
            blocks.append(_Block(info.domain, 30, MUTED))
        paragraphs = [p.strip() for p in info.description.split("\n\n") if p.strip()]
        if not paragraphs:
            blocks.append(_Block(words["workshop.no_vision"], 36, MUTED, space_before=20))
        for number, paragraph in enumerate(paragraphs):
            lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
            for line in lines:
                bullet = line.startswith(("• ", "- ", "* "))
                text = line[2:].strip() if bullet else line
                if number == 0 and not bullet:  # the vision itself: the largest text on the page
                    blocks.append(_Block(text, 44, TEXT, space_before=18))
                elif bullet:
                    blocks.append(_Block(text, 34, TEXT, indent=24, space_before=10, bullet=True))
                else:
                    blocks.append(_Block(text, 32, ACCENT, bold=True, space_before=34))
        if info.summary.strip():
            blocks.append(_Block(info.summary.strip(), 32, MUTED, space_before=34))
        self._paint_blocks(painter, rect, blocks)

    # -- requirements ------------------------------------------------------------------------
    def _paint_requirements(self, painter: QPainter, project: Project, rect: QRectF) -> None:
        words = self.words()
        requirements = [r for r in project.requirements if r.status != "dropped"]
        if not requirements:
            self._paint_empty(painter, rect, words["workshop.no_requirements"])
            return
        u = self._unit()
        font = self._font(34)
        tag_font = self._font(26, bold=True)
        row_h = 64 * u
        per_column = max(int(rect.height() // row_h), 1)
        columns = 1 if len(requirements) <= per_column else 2
        shown = requirements[: per_column * columns]
        if len(shown) < len(requirements):  # the last row says how many more there are
            shown = shown[:-1]
        gap = 48 * u
        col_w = (rect.width() - gap * (columns - 1)) / columns
        moscow = {code: words.choice(code) for code in ("must", "should", "could", "wont")}
        tag_fm = QFontMetricsF(tag_font)
        tag_w = max(tag_fm.horizontalAdvance(t) for t in moscow.values()) + 28 * u
        for index, requirement in enumerate(shown):
            column, row = divmod(index, per_column)
            cell = QRectF(rect.left() + column * (col_w + gap), rect.top() + row * row_h, col_w, row_h)
            painter.setPen(QPen(RULE, 1.5 * u))
            painter.drawLine(QPointF(cell.left(), cell.bottom() - 1), QPointF(cell.right(), cell.bottom() - 1))
            title_rect = cell.adjusted(0, 0, -(tag_w + 16 * u), 0)
            if requirement.moscow in moscow:
                tag = QRectF(cell.right() - tag_w, cell.center().y() - 20 * u, tag_w, 40 * u)
                strong = requirement.moscow in ("must", "should")
                painter.setPen(QPen(ACCENT if strong else MUTED, 2 * u))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(tag, 20 * u, 20 * u)
                painter.setFont(tag_font)
                painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, moscow[requirement.moscow])
            painter.setFont(font)
            painter.setPen(TEXT)
            title = QFontMetricsF(font).elidedText(requirement.title, Qt.TextElideMode.ElideRight, title_rect.width())
            painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter, title)
        hidden = len(requirements) - len(shown)
        if hidden:
            index = len(shown)
            column, row = divmod(index, per_column)
            cell = QRectF(rect.left() + column * (col_w + gap), rect.top() + row * row_h, col_w, row_h)
            painter.setFont(self._font(30))
            painter.setPen(MUTED)
            painter.drawText(cell, Qt.AlignmentFlag.AlignVCenter, words("more", n=hidden))

    # -- ranking -----------------------------------------------------------------------------
    def _paint_ranking(self, painter: QPainter, project: Project, rect: QRectF) -> None:
        words = self.words()
        ranked = rank(project)
        if not ranked:
            self._paint_empty(painter, rect, words["workshop.no_requirements"])
            return
        u = self._unit()
        framework = words.choice(project.info.framework)
        head_font = self._font(28)
        head_h = 48 * u
        painter.setFont(head_font)
        painter.setPen(MUTED)
        votes_w, score_w, rank_w = 190 * u, 230 * u, 96 * u
        head = QRectF(rect.left(), rect.top(), rect.width(), head_h)
        painter.drawText(head, Qt.AlignmentFlag.AlignVCenter, words("workshop.rank_by", framework=framework))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(head.adjusted(0, 0, -score_w, 0), right, words["workshop.votes"])
        painter.drawText(head, right, words["workshop.score"])
        body = rect.adjusted(0, head_h + 8 * u, 0, 0)
        rows, hidden = ranking_rows(ranked)
        row_h = min(body.height() / max(len(rows) + (1 if hidden else 0), 1), 84 * u)
        title_font, number_font = self._font(36), self._font(40, bold=True)
        for index, entry in enumerate(rows):
            cell = QRectF(body.left(), body.top() + index * row_h, body.width(), row_h)
            if index % 2 == 0:
                painter.fillRect(cell, PANEL)
            badge = QRectF(cell.left() + 12 * u, cell.top(), rank_w - 24 * u, row_h)
            painter.setFont(number_font)
            painter.setPen(ACCENT if entry.rank is not None and entry.rank <= 3 else TEXT)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(entry.rank) if entry.rank is not None else "–")
            title_rect = QRectF(cell.left() + rank_w, cell.top(), cell.width() - rank_w - votes_w - score_w, row_h)
            painter.setFont(title_font)
            painter.setPen(TEXT if entry.rank is not None else MUTED)
            title = QFontMetricsF(title_font).elidedText(
                entry.requirement.title, Qt.TextElideMode.ElideRight, title_rect.width() - 16 * u
            )
            painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter, title)
            votes = entry.requirement.votes
            painter.setFont(number_font)
            painter.setPen(ACCENT if votes else MUTED)
            votes_rect = QRectF(cell.right() - score_w - votes_w, cell.top(), votes_w, row_h)
            painter.drawText(votes_rect, right, f"● {votes}" if votes else "–")
            score_rect = QRectF(cell.right() - score_w, cell.top(), score_w - 16 * u, row_h)
            if entry.score.value is None:
                painter.setFont(self._font(28))
                painter.setPen(MUTED)
                painter.drawText(score_rect, right, words["workshop.not_scored"])
            else:
                painter.setFont(number_font)
                painter.setPen(TEXT)
                painter.drawText(score_rect, right, format_number(round(entry.score.value, 1)))
        if hidden:  # the last row says how many more there are, as on the requirements page
            cell = QRectF(body.left() + rank_w, body.top() + len(rows) * row_h, body.width() - rank_w, row_h)
            painter.setFont(self._font(30))
            painter.setPen(MUTED)
            painter.drawText(cell, Qt.AlignmentFlag.AlignVCenter, words("more", n=hidden))

    # -- timeline ----------------------------------------------------------------------------
    def timeline_layout(self, project: Project, rect: QRectF) -> tuple[TimelineLayout, float] | None:
        """The layout and the painter scale that fit the timeline into ``rect`` with large type."""
        if not any(item.start is not None for item in project.items):
            return None
        font = QFont(self.font())
        font.setPixelSize(round(TIMELINE_TEXT_PX))
        target = TIMELINE_TARGET_SCALE * self._unit()
        shown = project
        layout = self._layout_for(shown, font)
        if rect.height() / layout.height < target * 0.8:
            # Too many lanes for large type: lanes with nothing scheduled are left out.
            used = {item.lane_id for item in project.items if item.start is not None}
            shown = Project(info=project.info, lanes=[lane for lane in project.lanes if lane.id in used])
            shown.items = project.items
            layout = self._layout_for(shown, font)
        scale = min(target, rect.height() / layout.height)
        width = rect.width() / scale
        layout.scale = max((width - layout.gutter_width) / layout.days, 0.05)
        return layout, scale

    def _layout_for(self, project: Project, font: QFont) -> TimelineLayout:
        starts = [i.start for i in project.items if i.start is not None]
        ends = [i.end for i in project.items if i.end is not None]
        first, last = whole_months(min(starts), max(ends))  # type: ignore[type-var]
        layout = TimelineLayout(
            project,
            first,
            last,
            font=font,
            row_height=34.0,
            bar_height=26.0,
            header_height=52.0,
            lane_padding=5.0,
            language=self.language,
        )
        layout.print_labels = True  # the whole plan on one page, as printed: titles beside bars in full
        return layout

    def _paint_timeline(self, painter: QPainter, project: Project, rect: QRectF) -> None:
        words = self.words()
        unscheduled = sum(1 for item in project.items if item.start is None)
        note_h = 48 * self._unit() if unscheduled else 0.0
        area = rect.adjusted(0, 0, 0, -note_h)
        fitted = self.timeline_layout(project, area)
        if fitted is None:
            self._paint_empty(painter, rect, words["workshop.no_items"])
            return
        layout, scale = fitted
        content = QRectF(0, 0, layout.width, layout.height)
        painter.save()
        painter.translate(area.topLeft())
        painter.scale(scale, scale)
        painter.fillRect(content, QColor("#ffffff"))
        paint_timeline(painter, layout, content, PaintOptions(today=self.today or dt.date.today(), legend=False))
        painter.restore()
        if unscheduled:
            painter.setFont(self._font(28))
            painter.setPen(MUTED)
            note = QRectF(rect.left(), rect.bottom() - note_h, rect.width(), note_h)
            painter.drawText(note, Qt.AlignmentFlag.AlignVCenter, words("workshop.unscheduled", n=unscheduled))

    # -- risks -------------------------------------------------------------------------------
    def risk_map_layout(self, rect: QRectF) -> HeatMapLayout:
        """The heat map in the left 55 % of the risks page: words on the ticks, large counts, no hatching."""
        style = HeatMapStyle(
            self._font(26),
            self._font(28, bold=True),
            unit=self._unit(),
            numbers=False,
            words="always",
            likelihood_title="above",
            count_disc=False,
            exposures=False,
            hatch=0,
            empty_opacity=0.3,  # empty cells recede so the filled ones stand out
            gap=2,
            corner=0,
            count_size=(0.45, 6, 60),
            tick_gap=16,
            centred=False,
            ink=ACCENT,
            word_ink=TEXT,
        )
        return layout_heat_map(QRectF(rect.left(), rect.top(), rect.width() * 0.55, rect.height()), self.words(), style)

    def _paint_risks(self, painter: QPainter, project: Project, rect: QRectF) -> None:
        u = self._unit()
        words = self.words()
        open_risks = [r for r in project.risks if r.status != "closed"]
        layout = self.risk_map_layout(rect)
        paint_heat_map(painter, layout, cell_counts(open_risks))
        grid = layout.grid

        # The top risks beside the map, highest exposure first.
        left = grid.right() + 64 * u
        side_rect = QRectF(left, rect.top(), rect.right() - left, rect.height())
        painter.setFont(self._font(34, bold=True))
        painter.setPen(ACCENT)
        painter.drawText(
            QRectF(side_rect.left(), side_rect.top(), side_rect.width(), 52 * u), 0, words["workshop.top_risks"]
        )
        top = sorted(open_risks, key=lambda r: (-r.exposure, -r.impact))[:7]
        if not top:
            painter.setFont(self._font(30))
            painter.setPen(MUTED)
            painter.drawText(side_rect.adjusted(0, 70 * u, 0, 0), 0, words["workshop.no_risks"])
            return
        row_h = min((side_rect.height() - 70 * u) / len(top), 110 * u)
        title_font = self._font(30)
        badge_font = self._font(30, bold=True)
        for index, risk in enumerate(top):
            row = QRectF(side_rect.left(), side_rect.top() + 70 * u + index * row_h, side_rect.width(), row_h)
            badge_h = min(row_h - 12 * u, 60 * u)
            badge = QRectF(row.left(), row.center().y() - badge_h / 2, 72 * u, badge_h)
            colour = exposure_colour(risk.exposure)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(badge, 8 * u, 8 * u)
            painter.setFont(badge_font)
            painter.setPen(readable_ink(colour))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(risk.exposure))
            text_rect = QRectF(badge.right() + 20 * u, row.top(), row.right() - badge.right() - 20 * u, row_h)
            painter.setFont(title_font)
            painter.setPen(TEXT)
            lines = 2 if row_h >= 2 * QFontMetricsF(title_font).lineSpacing() + 6 * u else 1
            text = _fit_lines(QFontMetricsF(title_font), risk.title, text_rect.width(), lines)
            painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter), text)

    # -- summary -----------------------------------------------------------------------------
    def _paint_summary(self, painter: QPainter, project: Project, rect: QRectF) -> None:
        u = self._unit()
        words = self.words()
        open_risks = [r for r in project.risks if r.status != "closed"]
        high = high_risk_count(open_risks)
        ends = [i.end for i in project.items if i.end is not None]
        requirements = [r for r in project.requirements if r.status != "dropped"]
        tiles = [
            (str(len(requirements)), words["workshop.req_count"], TEXT),
            (str(len(project.items)), words["workshop.items"], TEXT),
            (max(ends).isoformat() if ends else "–", words["workshop.finish"], TEXT),
            (
                str(len(open_risks)),
                words["workshop.open_risks"] + (" · " + words("workshop.high_risks", n=high) if high else ""),
                TEXT,
            ),
        ]
        gap = 32 * u
        tile_w = (rect.width() - gap * (len(tiles) - 1)) / len(tiles)
        tile_h = 200 * u
        for index, (value, label, colour) in enumerate(tiles):
            tile = QRectF(rect.left() + index * (tile_w + gap), rect.top(), tile_w, tile_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PANEL)
            painter.drawRoundedRect(tile, 12 * u, 12 * u)
            painter.setFont(self._font(72 if len(value) < 6 else 52, bold=True))
            painter.setPen(ACCENT)
            painter.drawText(tile.adjusted(0, 16 * u, 0, -70 * u), Qt.AlignmentFlag.AlignCenter, value)
            painter.setFont(self._font(28))
            painter.setPen(RED if index == 3 and high else colour)
            label_rect = tile.adjusted(12 * u, tile_h - 74 * u, -12 * u, -16 * u)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, label)
        below = rect.adjusted(0, tile_h + 48 * u, 0, -56 * u)
        half = (below.width() - gap) / 2
        ranked = [entry for entry in rank(project) if entry.rank is not None][:3]
        top_risks = sorted(open_risks, key=lambda r: (-r.exposure, -r.impact))[:3]
        for column, (heading, lines) in enumerate(
            (
                (words["workshop.top_priorities"], [f"{e.rank}. {e.requirement.title}" for e in ranked]),
                (words["workshop.top_risks"], [f"{r.exposure} · {r.title}" for r in top_risks]),
            )
        ):
            area = QRectF(below.left() + column * (half + gap), below.top(), half, below.height())
            blocks = [_Block(heading, 34, ACCENT, bold=True)]
            blocks += [_Block(line, 32, TEXT, space_before=14) for line in lines]
            if not lines:
                blocks.append(_Block("–", 32, MUTED, space_before=14))
            self._paint_blocks(painter, area, blocks)
        painter.setFont(self._font(26))
        painter.setPen(MUTED)
        hint = QRectF(rect.left(), rect.bottom() - 44 * u, rect.width(), 44 * u)
        painter.drawText(hint, Qt.AlignmentFlag.AlignVCenter, words["workshop.summary_hint"])

    def _paint_empty(self, painter: QPainter, rect: QRectF, text: str) -> None:
        painter.setFont(self._font(36))
        painter.setPen(MUTED)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)


def high_risk_count(risks: list[Risk]) -> int:
    """The summary page's "N high": risks in the domain's high exposure band."""
    return sum(1 for risk in risks if risk.band is ExposureBand.HIGH)


def ranking_rows(ranked: list, limit: int = RANKING_ROWS) -> tuple[list, int]:
    """The rows the ranking page shows and how many are left off; a "+ N more" line takes the last row."""
    if len(ranked) <= limit:
        return list(ranked), 0
    return list(ranked[: limit - 1]), len(ranked) - (limit - 1)


def _fit_lines(fm: QFontMetricsF, text: str, width: float, lines: int) -> str:
    """``text`` cut (with …) so that word-wrapped at ``width`` it takes at most ``lines`` lines."""
    wrap = int(Qt.TextFlag.TextWordWrap)
    limit = fm.lineSpacing() * lines + 1

    def fits(candidate: str) -> bool:
        return fm.boundingRect(QRectF(0, 0, width, 1e6), wrap, candidate).height() <= limit

    if fits(text):
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that still fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if fits(text[:mid].rstrip() + "…"):
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def _first_line_height(font: QFont, text: str, width: float) -> float:
    """The height of the first wrapped line, with the fallback fonts (Chinese) it really uses."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    height = 0.0
    if line.isValid():
        line.setLineWidth(width)
        height = line.height()
    layout.endLayout()
    return height or QFontMetricsF(font).lineSpacing()
