"""A mouse wheel over an unfocused combo box, spin box, date edit or slider scrolls, never edits."""

from __future__ import annotations

import pytest
from app_dialogs import open_dialogs
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QMessageBox,
    QSlider,
    QWidget,
)

from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.serialize import project_to_dict
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.persistence.template_file import load_template
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.main_window import MainWindow
from roadmap_desktop.ui.wheel_guard import GUARDED


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    win = MainWindow(Settings(tmp_path / "settings.json"), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win.set_document(ProjectDocument(load_template("customer_service", "en")))
    win.resize(1366, 768)
    win.show()
    win.prioritisation_dock.show()
    for kind, editor in win.editors.items():  # a row selected: its details panel shows every field
        editor.select_id(win.document.project.collection(kind)[0].id)
    QApplication.processEvents()
    return win


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QSlider)
    return widget.value()


def _wheel(widget: QWidget, steps: int) -> QWheelEvent:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    return QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre)),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


def test_a_wheel_changes_no_value_anywhere(qtbot, window, tmp_path):
    window.show_presenter()
    dialogs = open_dialogs(window, tmp_path)
    for dialog in dialogs:
        dialog.show()
    QApplication.processEvents()
    roots: list[QWidget] = [window, window.presenter, *dialogs]
    widgets = [w for root in roots for w in root.findChildren(QWidget) if isinstance(w, GUARDED)]
    kinds = {type(w).__name__ for w in widgets}
    # The walk must reach the widgets the issue names: the details panels' combos and date edits,
    # the calculators' spin boxes.
    assert len(widgets) > 40 and {"QComboBox", "DateEdit"} <= kinds, kinds
    assert any(isinstance(w, QAbstractSpinBox) and type(w).__name__ != "DateEdit" for w in widgets)
    stack = window.document.undo_stack
    before_project = project_to_dict(window.document.project)
    window.tabs.tabBar().setFocus()
    changed = []
    for widget in widgets:
        before = _value(widget)
        for steps in (1, -1, -1, 1):
            QApplication.sendEvent(widget, _wheel(widget, steps))
        if _value(widget) != before:
            changed.append(f"{type(widget).__name__} {widget.objectName()} in {widget.window().windowTitle()}")
    assert changed == []
    assert stack.count() == 0 and stack.isClean()
    assert project_to_dict(window.document.project) == before_project
    # A wheel must not give them focus either (Qt's WheelFocus would, and then the next notch edits).
    assert [w for w in widgets if w.focusPolicy() == Qt.FocusPolicy.WheelFocus] == []
    for dialog in dialogs:
        dialog.close()
    window.presenter.close()


def test_the_wheel_scrolls_the_details_panel(qtbot, window):
    window.show_tab("requirement")
    panel = window.editors["requirement"].details
    panel.resize(panel.width(), 200)  # taller content than the panel: it has somewhere to scroll
    QApplication.processEvents()
    combo = next(w for w in panel.widget().findChildren(QComboBox) if w.isVisible())
    bar = panel.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    QApplication.sendEvent(combo, _wheel(combo, -1))
    assert bar.value() > 0
    assert window.document.undo_stack.count() == 0


def test_a_focused_combo_still_takes_the_wheel(qtbot, window):
    dialog = QDialog(window)
    combo = QComboBox(dialog)
    combo.addItems(["a", "b", "c"])
    dialog.show()
    qtbot.waitExposed(dialog)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    QApplication.sendEvent(combo, _wheel(combo, -1))
    assert combo.currentIndex() == 1
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    dialog.close()
