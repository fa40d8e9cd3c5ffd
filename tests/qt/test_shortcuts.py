"""Keyboard shortcuts: no key bound twice where both are active, and Redo works from the keyboard."""

from __future__ import annotations

from collections import defaultdict

import pytest
from app_dialogs import open_dialogs
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from roadmap_desktop.domain.commands import InsertEntity
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    win = MainWindow(Settings(tmp_path / "settings.json"), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win.show()
    return win


def _scope(owner: QObject, context: Qt.ShortcutContext) -> object:
    """Where a shortcut is live: the whole application, one window, or one widget (and its children)."""
    if context == Qt.ShortcutContext.ApplicationShortcut:
        return "application"
    widget = owner
    while widget is not None and not isinstance(widget, QWidget):
        widget = widget.parent()
    assert widget is not None, f"{owner} has no widget to live in"
    if context == Qt.ShortcutContext.WindowShortcut:
        return widget.window()
    return widget


def _bindings(roots: list[QWidget]) -> dict[tuple[str, object], list[str]]:
    """Every key of every action and shortcut under ``roots``, grouped by key and scope."""
    found: dict[tuple[str, object], list[str]] = defaultdict(list)
    seen: set[int] = set()
    objects: list[QObject] = []
    for root in roots:
        objects += root.findChildren(QAction) + root.findChildren(QShortcut)
        for widget in [root, *root.findChildren(QWidget)]:
            objects += widget.actions()
    for obj in objects:
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, QAction):
            keys, context, name = obj.shortcuts(), obj.shortcutContext(), obj.text() or "QAction"
        else:
            keys, context, name = obj.keys(), obj.context(), f"QShortcut of {type(obj.parent()).__name__}"
        for key in keys:
            if not key.isEmpty():
                text = key.toString(QKeySequence.SequenceFormat.PortableText)
                found[(text, _scope(obj, context))].append(name)
    return found


def _clashes(roots: list[QWidget]) -> list[str]:
    return [f"{key}: {names}" for (key, _scope), names in _bindings(roots).items() if len(names) > 1]


def test_no_key_is_bound_twice_in_one_place(qtbot, window, tmp_path):
    window.show_presenter()
    dialogs = open_dialogs(window, tmp_path)
    window.workshop_action.setChecked(True)
    roots = [window, window.presenter, *dialogs]
    bindings = _bindings(roots)
    assert len(bindings) > 20  # the walk reached the menus' actions
    assert _clashes(roots) == []
    # A language switch replaces the undo actions: the old ones must not keep their keys.
    window.retranslate_ui()
    assert _clashes([window]) == []
    window.presenter.close()


def test_the_check_catches_a_key_bound_twice(qtbot, window):
    # The defect of issue 17: one action holding Ctrl+Shift+Z twice, which Qt refuses as ambiguous.
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Shift+Z")])
    assert _clashes([window]) == ["Ctrl+Shift+Z: ['&Redo', '&Redo']"]


@pytest.mark.parametrize(
    "key, modifiers",
    [
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
    ],
    ids=["Ctrl+Shift+Z", "Ctrl+Y"],
)
def test_redo_keys_redo_an_undone_edit(qtbot, window, key, modifiers):
    window.activateWindow()
    qtbot.waitActive(window)
    document = window.document
    document.execute(InsertEntity("requirement", Requirement(title="Answer questions"), None, "Add"))
    window.tabs.tabBar().setFocus()  # not a text field, which would take the keys for its own undo
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert document.project.requirements == []
    QTest.keyClick(window, key, modifiers)
    QApplication.processEvents()
    assert [r.title for r in document.project.requirements] == ["Answer questions"]
