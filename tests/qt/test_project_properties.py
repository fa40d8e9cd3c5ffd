"""Project Properties: the product brief is edited with the other fields, in one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QMessageBox

from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui import i18n
from roadmap_desktop.ui.dialogs.project_properties import ProjectPropertiesDialog
from roadmap_desktop.ui.main_window import MainWindow

BRIEF = "An offline support assistant.\n\nFor agents who answer the same questions every day."


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    win = MainWindow(Settings(tmp_path / "settings.json"), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    win.show()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    return win


def _labels(dialog: ProjectPropertiesDialog) -> list[str]:
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and item.widget() is not None:
            labels.append(item.widget().text())
    return labels


def test_the_brief_sits_between_vision_and_language(qtbot, window):
    dialog = ProjectPropertiesDialog(window.document.project.info, window)
    qtbot.addWidget(dialog)
    assert _labels(dialog) == ["Name", "Vision", "Product brief", "Project language", "Domain"]
    assert "the assistant drafts from it" in dialog.brief_edit.placeholderText()
    assert dialog.values()["brief"] == ""


def test_editing_the_brief_is_one_undo_step_with_the_other_fields(qtbot, window, monkeypatch):
    info = window.document.project.info
    info_before = (info.name, info.description, info.brief)

    def fill_and_accept(dialog: ProjectPropertiesDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.description_edit.setPlainText("Answers in seconds")
        dialog.brief_edit.setPlainText(BRIEF)
        return ProjectPropertiesDialog.DialogCode.Accepted

    monkeypatch.setattr(ProjectPropertiesDialog, "exec", fill_and_accept)
    steps = window.document.undo_stack.count()
    window.edit_properties()
    assert info.brief == BRIEF and info.description == "Answers in seconds"
    assert window.document.undo_stack.count() == steps + 1
    assert window.isWindowModified()
    # The dialog opens with what is stored.
    dialog = ProjectPropertiesDialog(info, window)
    qtbot.addWidget(dialog)
    assert dialog.brief_edit.toPlainText() == BRIEF
    window.undo_action.trigger()
    assert (info.name, info.description, info.brief) == info_before
    window.redo_action.trigger()
    assert info.brief == BRIEF


def test_cancel_changes_nothing(qtbot, window, monkeypatch):
    def fill_and_cancel(dialog: ProjectPropertiesDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.brief_edit.setPlainText(BRIEF)
        return ProjectPropertiesDialog.DialogCode.Rejected

    monkeypatch.setattr(ProjectPropertiesDialog, "exec", fill_and_cancel)
    steps = window.document.undo_stack.count()
    window.edit_properties()
    assert window.document.project.info.brief == "" and window.document.undo_stack.count() == steps


def test_the_brief_label_and_placeholder_are_translated(qtbot, qapp, window):
    try:
        assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.CHINESE
        QCoreApplication.sendPostedEvents()
        dialog = ProjectPropertiesDialog(window.document.project.info, window)
        qtbot.addWidget(dialog)
        assert "产品简介" in _labels(dialog)
        assert dialog.brief_edit.placeholderText().startswith("你要做什么")
    finally:
        i18n.install_translations(qapp, i18n.ENGLISH)
        QCoreApplication.sendPostedEvents()
