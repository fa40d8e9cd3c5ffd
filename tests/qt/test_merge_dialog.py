"""MergeDialog: bad file refused before the dialog exists, duplicates flagged and unchecked, one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.persistence.errors import ProjectFileError
from roadmap_desktop.persistence.project_file import save_project
from roadmap_desktop.persistence.serialize import project_to_dict
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.dialogs.merge_dialog import MergeDialog


@pytest.fixture
def document(qtbot):
    project = Project.new("Main")
    risk = Risk(title="Key engineer leaves")
    project.risks = [risk]
    project.requirements = [Requirement(title="Login page", risk_ids=[risk.id]), Requirement(title="用户登录")]
    doc = ProjectDocument(project)
    yield doc
    doc.close()


@pytest.fixture
def source_path(tmp_path):
    source = Project.new("Group B", language="zh")
    source.items = [TimelineItem(title="Beta")]
    dup_risk, new_risk = Risk(title="KEY ENGINEER LEAVES"), Risk(title="备案审批延迟")
    source.risks = [dup_risk, new_risk]
    source.requirements = [
        Requirement(title="login page!", risk_ids=[dup_risk.id]),
        Requirement(title="用户登录功能"),
        Requirement(title="小程序版本", risk_ids=[new_risk.id, dup_risk.id], item_ids=[source.items[0].id]),
    ]
    path = tmp_path / "group-b.roadmap"
    save_project(source, path)
    return path


def make_dialog(qtbot, document, path):
    dialog = MergeDialog(document, path)
    qtbot.addWidget(dialog)
    return dialog


def test_bad_file_raises_before_the_dialog_exists(qtbot, document, tmp_path):
    bad = tmp_path / "broken.roadmap"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"broken\.roadmap"):
        MergeDialog(document, bad)
    with pytest.raises(ProjectFileError):
        MergeDialog(document, tmp_path / "missing.roadmap")


def test_flags_and_defaults(qtbot, document, source_path):
    dialog = make_dialog(qtbot, document, source_path)
    texts = {item.text(0): (item.text(1), item.checkState(0)) for item in dialog.items.values()}
    checked, unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked
    assert texts == {
        "login page!": ("duplicate of “Login page”", unchecked),
        "用户登录功能": ("similar to “用户登录”", unchecked),
        "小程序版本": ("new", checked),
        "KEY ENGINEER LEAVES": ("duplicate of “Key engineer leaves”", unchecked),
        "备案审批延迟": ("new", checked),
    }
    assert dialog.merge_button.text() == "Merge 2 items"
    # 小程序版本 links to the duplicate risk, which stays unchecked
    assert "1 link from checked requirements to unchecked risks" in dialog.links_label.text()
    assert not dialog.links_label.isHidden()
    dialog.set_checked(dialog.plan.entries[3].source_id, True)
    assert dialog.merge_button.text() == "Merge 3 items" and dialog.links_label.isHidden()
    _click(qtbot, dialog, "Uncheck all")
    assert dialog.checked_ids() == [] and not dialog.merge_button.isEnabled()
    _click(qtbot, dialog, "Check all")
    assert len(dialog.checked_ids()) == 5
    _click(qtbot, dialog, "Check new only")
    assert dialog.checked_ids() == dialog.plan.default_ids()


def _click(qtbot, dialog, text):
    from PySide6.QtWidgets import QPushButton

    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_merge_selected_is_one_undo_step(qtbot, document, source_path):
    project = document.project
    before = project_to_dict(project)
    dialog = make_dialog(qtbot, document, source_path)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [r.title for r in project.requirements] == ["Login page", "用户登录", "小程序版本"]
    assert [r.title for r in project.risks] == ["Key engineer leaves", "备案审批延迟"]
    merged, merged_risk = project.requirements[2], project.risks[1]
    assert merged.risk_ids == [merged_risk.id] and merged.item_ids == []
    assert merged.id not in {e.source_id for e in dialog.plan.entries}
    project.validate()
    stack = document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Merge 2 items from group-b.roadmap"
    stack.undo()
    assert project_to_dict(project) == before


def test_comparison_column_follows_the_interface_language(qtbot, qapp, document, source_path):
    """The comparison column said "new" / "duplicate of …" in English in the Chinese interface."""
    from PySide6.QtCore import QCoreApplication

    from roadmap_desktop.ui import i18n

    try:
        assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.CHINESE
        dialog = make_dialog(qtbot, document, source_path)
        texts = {item.text(0): item.text(1) for item in dialog.items.values()}
    finally:
        i18n.install_translations(qapp, i18n.ENGLISH)
        QCoreApplication.sendPostedEvents()
    assert texts == {
        "login page!": "与“Login page”重复",
        "用户登录功能": "与“用户登录”相似",
        "小程序版本": "新条目",
        "KEY ENGINEER LEAVES": "与“Key engineer leaves”重复",
        "备案审批延迟": "新条目",
    }


def test_the_window_says_what_was_merged(qtbot, tmp_path, source_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from roadmap_desktop.persistence.autosave import RecoveryStore
    from roadmap_desktop.persistence.settings import Settings
    from roadmap_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings(tmp_path / "s.json"), RecoveryStore(tmp_path / "r"))
    qtbot.addWidget(win)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)  # on close
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source_path), ""))
    monkeypatch.setattr(MergeDialog, "exec", lambda dialog: dialog.merge())  # as if Merge was clicked
    win.merge_action.trigger()
    message = win.statusBar().currentMessage()
    assert message.startswith("Merge ") and "Edit > Undo takes it back in one step" in message
    assert win.undo_action.text().endswith(win.document.undo_stack.undoText())
