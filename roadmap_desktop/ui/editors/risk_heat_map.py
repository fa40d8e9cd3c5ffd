"""A 5 x 5 likelihood-by-impact heat map of the risk register; clicking a cell filters the risk table."""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QMenu, QToolButton, QToolTip, QWidget

from ...domain.project import ProjectEvent
from ...domain.risk import SCALE, Risk
from ...qtmodels.document import ProjectDocument
from ...render.heat_map import HeatMapLayout, HeatMapStyle, describe_cell, layout_heat_map, paint_heat_map
from ...wording import Wording
from ..i18n import interface_wording

TOOLTIP_TITLES = 15  # risk titles listed in a cell's tooltip before "and N more"
MARGIN = 6.0


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

    def _wording(self) -> Wording:
        return interface_wording()  # the axis words and counts sit among the window's buttons

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

    def _header_height(self, title_font: QFont) -> float:
        return max(QFontMetricsF(title_font).height(), self.show_all_button.sizeHint().height()) + 4

    def _style(self) -> HeatMapStyle:
        tick_font, title_font = self._fonts()
        palette = self.palette()
        text = palette.windowText().color()
        return HeatMapStyle(
            tick_font,
            title_font,
            ink=text,
            tick_ink=text,
            word_ink=palette.placeholderText().color(),
            focus_ink=palette.highlight().color(),
        )

    def map_layout(self) -> HeatMapLayout:
        """Where the cells, ticks and titles go at the current size and in the project's language."""
        style = self._style()
        top = MARGIN + self._header_height(style.bold_title_font())
        target = QRectF(MARGIN, top, self.width() - 2 * MARGIN, self.height() - top - MARGIN)
        return layout_heat_map(target, self._wording(), style)

    def cell_rect(self, likelihood: int, impact: int) -> QRectF:
        return self.map_layout().cell_rect(likelihood, impact)

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        return self.map_layout().cell_at(point)

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        layout = self.map_layout()
        title_font = layout.style.bold_title_font()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

        # Header: what is counted.
        painter.setFont(title_font)
        painter.setPen(layout.style.ink)
        header = QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN, self._header_height(title_font))
        if self.show_all_button.isVisible():
            header.setRight(self.show_all_button.geometry().left() - 4)
        total = self.total()
        kind = "all" if self._include_closed else "open"
        headline = layout.wording(f"chart.heat_map.{kind}.{'one' if total == 1 else 'many'}", n=total)
        elided = QFontMetricsF(title_font).elidedText(headline, Qt.TextElideMode.ElideRight, header.width())
        painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)

        focus = self._focus_cell if self.hasFocus() else None
        paint_heat_map(painter, layout, self.counts(), selected=self._selected, focus=focus)
        painter.end()

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
        w = self._wording()
        risks = self.risks_in(likelihood, impact)
        kind = "all" if self._include_closed else "open"
        amount = "none" if not risks else "one" if len(risks) == 1 else "many"
        lines = [
            f"<b>{html.escape(describe_cell(w, likelihood, impact))}</b>",
            html.escape(w(f"chart.heat_map.cell_{kind}.{amount}", n=len(risks))),
        ]
        for risk in risks[:TOOLTIP_TITLES]:
            closed = w["chart.heat_map.closed"] if risk.status == "closed" else ""
            lines.append("• " + html.escape(_short(risk.title) + closed))
        if len(risks) > TOOLTIP_TITLES:
            lines.append(html.escape(w("chart.heat_map.more", n=len(risks) - TOOLTIP_TITLES)))
        return "<p style='white-space:pre'>" + "<br>".join(lines) + "</p>"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
