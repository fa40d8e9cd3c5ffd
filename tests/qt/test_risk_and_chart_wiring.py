"""Main-window wiring: the heat map filters the risk table, Add from Library is one undo step,
and the value/effort chart shares the requirement selection."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.dialogs.risk_library_dialog import RiskLibraryDialog
from roadmap_desktop.ui.main_window import MainWindow


def test_heat_map_library_and_chart_in_the_main_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow(Settings(tmp_path / "s.json"), RecoveryStore(tmp_path / "r"))
    qtbot.addWidget(win)
    p = Project.new("Wire", "zh")
    p.risks = [
        Risk(title="A", likelihood=4, impact=5),
        Risk(title="B", likelihood=4, impact=5, status="closed"),
        Risk(title="C", likelihood=1, impact=2),
    ]
    p.requirements = [Requirement(title="离线模式", value=8, effort=2), Requirement(title="计费")]
    win.set_document(ProjectDocument(p))
    win.resize(1400, 820)
    win.show()
    win.show_tab("risk")
    editor = win.editors["risk"]
    assert editor.proxy.rowCount() == 3
    qtbot.mouseClick(win.heat_map, Qt.MouseButton.LeftButton, pos=win.heat_map.cell_rect(4, 5).center().toPoint())
    assert editor.proxy.rowCount() == 1
    assert "1 of 3" in editor.count_label.text()
    win.heat_map.set_include_closed(True)
    win.heat_map.include_closed_action.setChecked(True)
    assert editor.proxy.rowCount() == 2

    # library: accept with two checked
    def accept():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, RiskLibraryDialog)
        dlg.set_checked("R23")
        dlg.set_checked("R29")
        dlg.add_selected()

    QTimer.singleShot(200, accept)
    win.library_action.trigger()
    assert win.heat_map.selected_cell() is None
    assert editor.proxy.rowCount() == 5
    assert len(editor.selected_ids()) == 2
    assert win.document.undo_stack.undoText() == "Add 2 risks from library"
    win.document.undo_stack.undo()
    assert len(win.document.project.risks) == 3
    # chart
    win.chart_action.setChecked(True)
    assert win.tabs.currentIndex() == 0
    assert win.value_effort_chart.isVisible()
    rid = p.requirements[0].id
    chart = win.value_effort_chart
    qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton, pos=chart.point_position(rid).toPoint())
    assert win.editors["requirement"].selected_ids() == [rid]
    win.editors["requirement"].select_id(p.requirements[1].id)
    assert chart.selected_id() == p.requirements[1].id
    # new document replaces hosts cleanly
    win.set_document(ProjectDocument(Project.new("Other")))
    assert win.heat_map.total() == 0
