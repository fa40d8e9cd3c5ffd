"""A 5 x 5 likelihood-by-impact heat map of the risk register; clicking a cell filters the risk table."""

from __future__ import annotations

import html
import itertools

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QMenu, QToolButton, QToolTip, QWidget

from ...domain.project import ProjectEvent
from ...domain.risk import Risk
from ...qtmodels.document import ProjectDocument

SCALE = (1, 2, 3, 4, 5)
LIKELIHOOD_WORDS = {
    "en": ("Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
    "zh": ("罕见", "不太可能", "可能", "很可能", "几乎确定"),
}
IMPACT_WORDS = {
    "en": ("Negligible", "Minor", "Moderate", "Major", "Severe"),
    "zh": ("可忽略", "轻微", "中等", "重大", "严重"),
}
AXIS_TITLES = {"en": ("Likelihood", "Impact"), "zh": ("可能性", "影响")}
BANDS = {"en": ("low", "medium", "high"), "zh": ("低", "中", "高")}
TOOLTIP_TITLES = 15  # risk titles listed in a cell's tooltip before "and N more"

# Green -> amber -> red with lightness falling all the way, so the order survives colour-blindness
# and a washed-out projector; high cells are also hatched and every cell shows its exposure number.
_STOPS = ((1, QColor("#dcefb0")), (6, QColor("#fee08b")), (12, QColor("#fdae61")), (16, QColor("#e8553b")))
_STOPS += ((25, QColor("#a50026")),)
HIGH_EXPOSURE = 15  # the risk table's own threshold for red
MEDIUM_EXPOSURE = 8


def exposure_band(exposure: int) -> int:
    """0 low, 1 medium, 2 high: the same thresholds the risk table colours by."""
    return 2 if exposure >= HIGH_EXPOSURE else 1 if exposure >= MEDIUM_EXPOSURE else 0


def heat_colour(exposure: int) -> QColor:
    for (low, low_colour), (high, high_colour) in itertools.pairwise(_STOPS):
        if exposure <= high:
            t = (exposure - low) / (high - low)
            return QColor.fromRgbF(
                low_colour.redF() + (high_colour.redF() - low_colour.redF()) * t,
                low_colour.greenF() + (high_colour.greenF() - low_colour.greenF()) * t,
                low_colour.blueF() + (high_colour.blueF() - low_colour.blueF()) * t,
            )
    return QColor(_STOPS[-1][1])


def _is_dark(colour: QColor) -> bool:
    return 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF() < 0.55


class RiskHeatMap(QWidget):
    """Counts of risks per (likelihood, impact) cell; closed risks are left out unless asked for."""

    cell_clicked = Signal(int, int)  # likelihood, impact
    filter_cleared = Signal()

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None, include_closed: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("riskHeatMap")
        self.document = document
        self._include_closed = include_closed
        self._selected: tuple[int, int] | None = None
        self._focus_cell: tuple[int, int] = (3, 3)
        self._cells: dict[tuple[int, int], list[Risk]] | None = None  # None: recount before use
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 200)
        self.setAccessibleName(self.tr("Risk heat map"))
        self.setToolTip("")  # tooltips are per cell, built in event()

        self.include_closed_action = QAction(self.tr("Count Closed Risks"), self)
        self.include_closed_action.setCheckable(True)
        self.include_closed_action.setChecked(include_closed)
        self.include_closed_action.toggled.connect(self.set_include_closed)
        self.show_all_action = QAction(self.tr("Show All Risks"), self)
        self.show_all_action.setToolTip(self.tr("Clear the heat-map filter (Esc)"))
        self.show_all_action.triggered.connect(self.clear_selection)
        self.show_all_button = QToolButton(self)
        self.show_all_button.setObjectName("heatMapShowAll")
        self.show_all_button.setDefaultAction(self.show_all_action)
        self.show_all_button.setText(self.tr("Show all"))
        self.show_all_button.setAutoRaise(True)
        self.show_all_button.hide()

        document.project_changed.connect(self._on_document_project_changed)

    # -- data ----------------------------------------------------------------------
    @property
    def include_closed(self) -> bool:
        return self._include_closed

    def set_include_closed(self, include: bool) -> None:
        if include == self._include_closed:
            return
        self._include_closed = include
        self.include_closed_action.setChecked(include)
        self._cells = None
        self.update()

    def counted(self, risk: Risk) -> bool:
        return self._include_closed or risk.status != "closed"

    def _grid(self) -> dict[tuple[int, int], list[Risk]]:
        if self._cells is None:
            cells: dict[tuple[int, int], list[Risk]] = {(lk, im): [] for lk in SCALE for im in SCALE}
            for risk in self.document.project.risks:
                key = (risk.likelihood, risk.impact)
                if key in cells and self.counted(risk):
                    cells[key].append(risk)
            self._cells = cells
        return self._cells

    def counts(self) -> dict[tuple[int, int], int]:
        """{(likelihood, impact): number of counted risks} for all 25 cells."""
        return {key: len(risks) for key, risks in self._grid().items()}

    def risks_in(self, likelihood: int, impact: int) -> list[Risk]:
        return list(self._grid().get((likelihood, impact), []))

    def total(self) -> int:
        return sum(len(risks) for risks in self._grid().values())

    def accepts(self, risk_id: str) -> bool:
        """Whether the risk table should show this risk: always with no cell selected, else when it
        is counted in the selected cell (the table then lists exactly what the cell counts)."""
        if self._selected is None:
            return True
        risk = self.document.project.find("risk", risk_id)
        return isinstance(risk, Risk) and (risk.likelihood, risk.impact) == self._selected and self.counted(risk)

    def _language(self) -> str:
        return "zh" if self.document.project.info.language == "zh" else "en"

    def _on_document_project_changed(self, event: ProjectEvent) -> None:
        if event.kind in ("risk", "project"):
            self._cells = None
            self.update()

    # -- selection -------------------------------------------------------------------
    def selected_cell(self) -> tuple[int, int] | None:
        return self._selected

    def select_cell(self, likelihood: int, impact: int) -> None:
        """Select a cell, or clear the selection when it is selected already (a second click)."""
        if (likelihood, impact) == self._selected:
            self.clear_selection()
            return
        self._selected = (likelihood, impact)
        self._focus_cell = self._selected
        self.show_all_button.show()
        self.update()
        self.cell_clicked.emit(likelihood, impact)

    def clear_selection(self) -> None:
        if self._selected is None:
            return
        self._selected = None
        self.show_all_button.hide()
        self.update()
        self.filter_cleared.emit()

    # -- geometry ----------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 200)

    def _fonts(self) -> tuple[QFont, QFont]:
        side = min(self.width(), self.height())
        tick = QFont(self.font())
        tick.setPixelSize(round(max(10.0, min(22.0, side / 24))))
        title = QFont(tick)
        title.setBold(True)
        return tick, title

    def _layout(self) -> dict[str, object]:
        """Every rectangle paintEvent and the mouse handlers need, for the current size and language."""
        language = self._language()
        tick_font, title_font = self._fonts()
        tick_fm, title_fm = QFontMetricsF(tick_font), QFontMetricsF(title_font)
        margin = 6.0
        header_h = max(title_fm.height(), self.show_all_button.sizeHint().height()) + 4
        title_h = title_fm.height() + 2
        width, height = float(self.width()), float(self.height())
        y_words, x_words = LIKELIHOOD_WORDS[language], IMPACT_WORDS[language]

        # Full mode writes "n word" beside each tick (wrapped at spaces) when that fits; compact mode
        # writes only numbers and puts the end words on the axis-title line, if even those fit.
        number_w = tick_fm.horizontalAdvance("5") + 6
        widest_token = max(tick_fm.horizontalAdvance(token) for word in y_words for token in word.split())
        full_y_w = number_w + widest_token + 6
        full_y = full_y_w <= width * 0.27
        y_ticks_w = full_y_w if full_y else number_w
        avail_h_full = height - margin - header_h - title_h - tick_fm.height() * 2 - 4 - margin
        if full_y:
            cell_guess = max(0.0, min(width - margin - title_h - y_ticks_w - margin, avail_h_full)) / 5
            wrap = int(Qt.TextFlag.TextWordWrap)
            needed = max(
                tick_fm.boundingRect(QRectF(0, 0, widest_token + 1, 1e4), wrap, word).height() for word in y_words
            )
            if needed > cell_guess or cell_guess < 38:  # words are worth less than room for the cells
                full_y, y_ticks_w = False, number_w
        left = margin + title_h + y_ticks_w
        avail_w = width - left - margin
        side_full = max(0.0, min(avail_w, avail_h_full))
        widest_x_word = max(tick_fm.horizontalAdvance(word) for word in x_words)
        full_x = widest_x_word + 4 <= side_full / 5
        x_ticks_h = tick_fm.height() * (2 if full_x else 1) + 4
        avail_h = height - margin - header_h - title_h - x_ticks_h - margin
        side = max(0.0, min(avail_w, avail_h))
        cell = side / 5
        grid_left = left + (avail_w - side) / 2
        grid_top = margin + header_h  # spare height goes below, so the map hugs its header
        return {
            "language": language,
            "tick_font": tick_font,
            "title_font": title_font,
            "margin": margin,
            "header_h": header_h,
            "title_h": title_h,
            "y_ticks_w": y_ticks_w,
            "x_ticks_h": x_ticks_h,
            "full_x": full_x,
            "full_y": full_y,
            "grid": QRectF(grid_left, grid_top, side, side),
            "cell": cell,
        }

    def cell_rect(self, likelihood: int, impact: int) -> QRectF:
        layout = self._layout()
        grid: QRectF = layout["grid"]  # type: ignore[assignment]
        cell: float = layout["cell"]  # type: ignore[assignment]
        return QRectF(grid.left() + (impact - 1) * cell, grid.top() + (5 - likelihood) * cell, cell, cell)

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        layout = self._layout()
        grid: QRectF = layout["grid"]  # type: ignore[assignment]
        cell: float = layout["cell"]  # type: ignore[assignment]
        if cell <= 0 or not grid.contains(point):
            return None
        impact = min(5, int((point.x() - grid.left()) // cell) + 1)
        likelihood = 5 - min(4, int((point.y() - grid.top()) // cell))
        return likelihood, impact

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        layout = self._layout()
        language: str = layout["language"]  # type: ignore[assignment]
        grid: QRectF = layout["grid"]  # type: ignore[assignment]
        cell: float = layout["cell"]  # type: ignore[assignment]
        tick_font: QFont = layout["tick_font"]  # type: ignore[assignment]
        title_font: QFont = layout["title_font"]  # type: ignore[assignment]
        margin: float = layout["margin"]  # type: ignore[assignment]
        text_colour = self.palette().windowText().color()
        muted = self.palette().placeholderText().color()

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

        # Header: what is counted.
        painter.setFont(title_font)
        painter.setPen(text_colour)
        header = QRectF(margin, margin, self.width() - 2 * margin, layout["header_h"])  # type: ignore[arg-type]
        if self.show_all_button.isVisible():
            header.setRight(self.show_all_button.geometry().left() - 4)
        total = self.total()
        if language == "zh":
            noun = "个风险（含已关闭）" if self._include_closed else "个未关闭风险"
            headline = f"{total} {noun}"
        else:
            noun = "risk" if total == 1 else "risks"
            headline = f"{total} {noun} incl. closed" if self._include_closed else f"{total} open {noun}"
        elided = QFontMetricsF(title_font).elidedText(headline, Qt.TextElideMode.ElideRight, header.width())
        painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)

        if cell < 4:
            painter.end()
            return
        self._paint_cells(painter, grid, cell)
        self._paint_axes(painter, layout, grid, cell, tick_font, title_font, text_colour, muted)
        painter.end()

    def _paint_cells(self, painter: QPainter, grid: QRectF, cell: float) -> None:
        cells = self._grid()
        count_font = QFont(self.font())
        count_font.setPixelSize(round(max(10.0, min(56.0, cell * 0.3))))
        count_font.setBold(True)
        exposure_font = QFont(self.font())
        exposure_font.setPixelSize(round(max(8.0, min(24.0, cell * 0.19))))
        gap = max(1.0, cell * 0.03)
        for likelihood in SCALE:
            for impact in SCALE:
                rect = QRectF(grid.left() + (impact - 1) * cell, grid.top() + (5 - likelihood) * cell, cell, cell)
                inner = rect.adjusted(gap, gap, -gap, -gap)
                exposure = likelihood * impact
                colour = heat_colour(exposure)
                dark = _is_dark(colour)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(inner, 3, 3)
                if exposure_band(exposure) == 2:  # hatched, so "high" does not rest on red alone
                    hatch = QBrush(QColor(255, 255, 255, 70), Qt.BrushStyle.BDiagPattern)
                    painter.setBrush(hatch)
                    painter.drawRoundedRect(inner, 3, 3)

                count = len(cells[(likelihood, impact)])
                # Exposure number in the top-left corner; in very small cells only where no count
                # badge would cover it (the tooltip and the hatching still tell).
                if cell >= 40 or not count:
                    painter.setFont(exposure_font)
                    painter.setPen(QColor(255, 255, 255, 225) if dark else QColor(0, 0, 0, 170))
                    pad = max(2.0, cell * 0.06)
                    painter.drawText(
                        inner.adjusted(pad, pad * 0.5, -pad, -pad),
                        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                        str(exposure),
                    )

                if count:
                    # A white disc with a dark number reads the same on every cell colour.
                    radius = max(7.0, min(cell * 0.24, 40.0))
                    centre = QPointF(inner.center().x(), inner.center().y() + cell * 0.08)
                    painter.setPen(QPen(QColor("#202020"), max(1.0, cell * 0.02)))
                    painter.setBrush(QColor("#ffffff"))
                    painter.drawEllipse(centre, radius, radius)
                    painter.setFont(count_font)
                    painter.setPen(QColor("#111111"))
                    disc = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
                    painter.drawText(disc, int(Qt.AlignmentFlag.AlignCenter), str(count))

                if (likelihood, impact) == self._selected:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(QPen(QColor("#0b3d91"), max(3.0, cell * 0.06)))
                    painter.drawRoundedRect(inner.adjusted(1, 1, -1, -1), 3, 3)
                if self.hasFocus() and (likelihood, impact) == self._focus_cell:
                    pen = QPen(self.palette().highlight().color(), 1.5, Qt.PenStyle.DashLine)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(pen)
                    painter.drawRoundedRect(inner.adjusted(3, 3, -3, -3), 2, 2)
        if self._selected is not None:  # dim the rest so the filtered cell stands out on a projector
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 90))
            for likelihood in SCALE:
                for impact in SCALE:
                    if (likelihood, impact) != self._selected:
                        rect = QRectF(
                            grid.left() + (impact - 1) * cell, grid.top() + (5 - likelihood) * cell, cell, cell
                        )
                        painter.drawRoundedRect(rect.adjusted(gap, gap, -gap, -gap), 3, 3)

    def _paint_axes(
        self,
        painter: QPainter,
        layout: dict[str, object],
        grid: QRectF,
        cell: float,
        tick_font: QFont,
        title_font: QFont,
        text_colour: QColor,
        muted: QColor,
    ) -> None:
        language: str = layout["language"]  # type: ignore[assignment]
        y_words, x_words = LIKELIHOOD_WORDS[language], IMPACT_WORDS[language]
        y_title, x_title = AXIS_TITLES[language]
        title_h: float = layout["title_h"]  # type: ignore[assignment]
        y_ticks_w: float = layout["y_ticks_w"]  # type: ignore[assignment]
        x_ticks_h: float = layout["x_ticks_h"]  # type: ignore[assignment]
        full_x: bool = layout["full_x"]  # type: ignore[assignment]
        full_y: bool = layout["full_y"]  # type: ignore[assignment]
        tick_fm = QFontMetricsF(tick_font)
        bold_tick = QFont(tick_font)
        bold_tick.setBold(True)
        left_align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        right_align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        centre = int(Qt.AlignmentFlag.AlignCenter)

        # Likelihood ticks, 5 at the top.
        number_w = tick_fm.horizontalAdvance("5") + 6
        for likelihood in SCALE:
            row = QRectF(grid.left() - y_ticks_w, grid.top() + (5 - likelihood) * cell, y_ticks_w - 4, cell)
            painter.setFont(bold_tick)
            painter.setPen(text_colour)
            painter.drawText(row, right_align, str(likelihood))
            if full_y:
                word_rect = row.adjusted(0, 0, -number_w, 0)
                painter.setFont(tick_font)
                painter.setPen(muted)
                painter.drawText(word_rect, right_align | int(Qt.TextFlag.TextWordWrap), y_words[likelihood - 1])

        # Impact ticks, 1 at the left.
        for impact in SCALE:
            column = QRectF(grid.left() + (impact - 1) * cell, grid.bottom() + 2, cell, tick_fm.height())
            painter.setFont(bold_tick)
            painter.setPen(text_colour)
            painter.drawText(column, centre, str(impact))
            if full_x:
                painter.setFont(tick_font)
                painter.setPen(muted)
                painter.drawText(column.translated(0, tick_fm.height()), centre, x_words[impact - 1])

        # Axis titles; in compact mode the end words ride on the title line ("1 Rare ... 5 Almost certain").
        painter.setFont(title_font)
        painter.setPen(text_colour)
        x_line = QRectF(grid.left(), grid.bottom() + x_ticks_h, grid.width(), title_h)
        painter.drawText(x_line, centre, f"{x_title} →")
        if not full_x and self._ends_fit(x_words, f"{x_title} →", tick_font, title_font, grid.width()):
            painter.setFont(tick_font)
            painter.setPen(muted)
            painter.drawText(x_line, left_align, x_words[0])
            painter.drawText(x_line, right_align, x_words[-1])

        painter.save()
        title_left = grid.left() - y_ticks_w - title_h
        painter.translate(title_left, grid.bottom())
        painter.rotate(-90)
        y_line = QRectF(0, 0, grid.height(), title_h)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(y_line, centre, f"{y_title} →")
        if not full_y and self._ends_fit(y_words, f"{y_title} →", tick_font, title_font, grid.height()):
            painter.setFont(tick_font)
            painter.setPen(muted)
            painter.drawText(y_line, left_align, y_words[0])
            painter.drawText(y_line, right_align, y_words[-1])
        painter.restore()

    @staticmethod
    def _ends_fit(words: tuple[str, ...], title: str, tick_font: QFont, title_font: QFont, length: float) -> bool:
        """Whether the first and last tick words fit either side of the centred axis title."""
        ends = max(
            QFontMetricsF(tick_font).horizontalAdvance(words[0]), QFontMetricsF(tick_font).horizontalAdvance(words[-1])
        )
        return 2 * ends + QFontMetricsF(title_font).horizontalAdvance(title) + 16 <= length

    # -- events --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        hint = self.show_all_button.sizeHint()
        self.show_all_button.setGeometry(self.width() - hint.width() - 4, 4, hint.width(), hint.height())
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        hit = self.cell_at(event.position())
        if hit is not None:
            self.select_cell(*hit)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.cell_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        likelihood, impact = self._focus_cell
        key = event.key()
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
        }
        if key in moves:
            d_l, d_i = moves[key]  # type: ignore[index]
            self._focus_cell = (min(5, max(1, likelihood + d_l)), min(5, max(1, impact + d_i)))
            self.update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.select_cell(likelihood, impact)
        elif key == Qt.Key.Key_Escape and self._selected is not None:
            self.clear_selection()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(self.include_closed_action)
        self.show_all_action.setEnabled(self._selected is not None)
        menu.addAction(self.show_all_action)
        menu.exec(event.globalPos())

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            hit = self.cell_at(QPointF(event.pos()))
            if hit is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.cell_tooltip(*hit), self)
            return True
        return super().event(event)

    def cell_tooltip(self, likelihood: int, impact: int) -> str:
        language = self._language()
        exposure = likelihood * impact
        band = BANDS[language][exposure_band(exposure)]
        risks = self.risks_in(likelihood, impact)
        y_word, x_word = LIKELIHOOD_WORDS[language][likelihood - 1], IMPACT_WORDS[language][impact - 1]
        y_title, x_title = AXIS_TITLES[language]
        if language == "zh":
            head = f"{y_title} {likelihood}（{y_word}）× {x_title} {impact}（{x_word}）= 风险值 {exposure}（{band}）"
            count_line = f"{len(risks)} 个风险" if risks else "没有风险"
        else:
            head = f"{y_title} {likelihood} ({y_word}) × {x_title} {impact} ({x_word}) = exposure {exposure} ({band})"
            noun = "risk" if len(risks) == 1 else "risks"
            kind = "" if self._include_closed else "open "
            count_line = f"{len(risks)} {kind}{noun}" if risks else f"No {kind}risks"
        lines = [f"<b>{html.escape(head)}</b>", html.escape(count_line)]
        for risk in risks[:TOOLTIP_TITLES]:
            closed = " (closed)" if risk.status == "closed" else ""
            lines.append("• " + html.escape(_short(risk.title) + closed))
        if len(risks) > TOOLTIP_TITLES:
            more = len(risks) - TOOLTIP_TITLES
            lines.append(html.escape(f"还有 {more} 个" if language == "zh" else f"and {more} more"))
        return "<p style='white-space:pre'>" + "<br>".join(lines) + "</p>"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
