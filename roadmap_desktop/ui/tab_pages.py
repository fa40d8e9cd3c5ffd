"""The main window's tab pages: each entity table beside the chart or timeline that shows the same entities."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QTabWidget, QToolButton

from ..qtmodels.document import ProjectDocument
from .editors.entity_editor import EntityEditor
from .editors.risk_heat_map import RiskHeatMap
from .editors.value_effort_chart import ValueEffortChart
from .timeline import NowNextLaterBoard, TimelineView
from .timeline.forecast_panel import ForecastPanel


def _tool_button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    return button


class RequirementPage(QSplitter):
    """The Requirements tab: the value / effort chart (View menu) over the requirement table; they share
    the selection."""

    def __init__(self, document: ProjectDocument, editor: EntityEditor, chart_action: QAction) -> None:
        super().__init__(Qt.Orientation.Vertical)
        editor.add_toolbar_widget(_tool_button(chart_action))
        self.chart = ValueEffortChart(document)
        self.chart.requirement_selected.connect(editor.select_id)
        editor.selection_changed.connect(self.chart.set_selected_id)
        self.chart.setVisible(chart_action.isChecked())
        self.addWidget(self.chart)
        self.addWidget(editor)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)


class RiskPage(QSplitter):
    """The Risks tab: the risk table with the heat map beside it; a clicked cell filters the table."""

    def __init__(self, document: ProjectDocument, editor: EntityEditor, library_action: QAction) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.editor = editor
        editor.add_toolbar_widget(_tool_button(library_action))
        self.heat_map = RiskHeatMap(document)
        self.heat_map.cell_clicked.connect(self._on_heat_map_cell_clicked)
        self.heat_map.filter_cleared.connect(self._on_heat_map_filter_cleared)
        self.heat_map.include_closed_action.toggled.connect(self._on_heat_map_include_closed_toggled)
        self.addWidget(editor)
        self.addWidget(self.heat_map)
        self.setStretchFactor(0, 4)
        self.setStretchFactor(1, 1)
        self.setSizes([1000, 300])
        self.setChildrenCollapsible(False)

    def _on_heat_map_cell_clicked(self, _likelihood: int, _impact: int) -> None:
        self.editor.set_row_filter(self.heat_map.accepts)

    def _on_heat_map_filter_cleared(self) -> None:
        self.editor.set_row_filter(None)

    def _on_heat_map_include_closed_toggled(self, _checked: bool) -> None:
        if self.heat_map.selected_cell() is not None:  # the table lists what the cell counts
            self.editor.set_row_filter(self.heat_map.accepts)


class TimelinePage(QSplitter):
    """The Timeline tab: the drawn timeline (or the Now / Next / Later board) and the forecast over the
    item table. A selection made in any of them shows in the others."""

    message = Signal(str)  # a problem to show in the status bar

    def __init__(
        self, document: ProjectDocument, editor: EntityEditor, lanes_action: QAction, schedule_action: QAction
    ) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.editor = editor
        editor.add_toolbar_widget(_tool_button(lanes_action))
        self.timeline_view = TimelineView(document)
        self.board = NowNextLaterBoard(document)
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.views.addTab(self.timeline_view, self.tr("Timeline"))
        self.views.addTab(self.board, self.tr("Now / Next / Later"))
        schedule_button = _tool_button(schedule_action)
        schedule_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.timeline_view.add_toolbar_widget(schedule_button)
        self.forecast_panel = ForecastPanel(document)
        self.forecast_panel.forecast_ready.connect(self._on_forecast_panel_forecast_ready)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.views)
        upper.addWidget(self.forecast_panel)
        upper.setStretchFactor(0, 4)
        upper.setStretchFactor(1, 1)
        upper.setSizes([1000, 330])
        self.addWidget(upper)
        self.addWidget(editor)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self._syncing_selection = False
        editor.table.selectionModel().selectionChanged.connect(self._on_item_table_selection_changed)
        for source in (self.timeline_view, self.board):
            source.selection_changed.connect(self._on_timeline_selection_changed)
            source.item_activated.connect(self._on_timeline_item_activated)
            source.message.connect(self.message)
        self.timeline_view.board_requested.connect(self._on_timeline_view_board_requested)

    def _on_item_table_selection_changed(self, *_args) -> None:
        ids = self.editor.selected_ids()
        self.forecast_panel.show_item(ids[0] if len(ids) == 1 else None)
        if not self._syncing_selection:
            self.timeline_view.set_selection(ids)
            self.board.set_selection(ids)

    def _on_timeline_selection_changed(self, ids: list) -> None:
        self._syncing_selection = True  # keeps a multi-selection made in the timeline
        try:
            if ids:
                self.editor.select_ids(ids)  # the details panel follows the first
            else:
                self.editor.table.clearSelection()
        finally:
            self._syncing_selection = False

    def _on_timeline_item_activated(self, item_id: str) -> None:
        self.editor.select_id(item_id)
        if self.editor.details is not None:
            self.editor.details.focus_title()

    def _on_timeline_view_board_requested(self) -> None:
        self.views.setCurrentWidget(self.board)

    def _on_forecast_panel_forecast_ready(self, plan, _outlook) -> None:
        self.timeline_view.set_critical_path(list(plan.critical_path))
