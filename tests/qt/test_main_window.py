"""The main window as a user drives it: edit, undo, redo, save, reopen, bad files, recovery."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.project_file import load_project
from roadmap_desktop.persistence.serialize import project_to_dict
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    win = MainWindow(Settings(tmp_path / "settings.json"), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    win.show()
    # A test must never block on a modal question: answer "Discard" unless a test says otherwise.
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    return win


def _close_editor(qtbot, editor) -> None:
    for line in editor.table.viewport().findChildren(QLineEdit):
        if line.isVisible():
            qtbot.keyClick(line, Qt.Key.Key_Escape)
    QApplication.processEvents()


def _edit_cell(qtbot, editor, row: int, header: str, text: str) -> None:
    _close_editor(qtbot, editor)
    column = [c.header for c in editor.model.columns].index(header)
    index = editor.proxy.index(row, column)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    # A closed editor lingers until deleted later, so take the one that is showing.
    lines = [w for w in editor.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(lines) == 1, "no line editor opened"
    line = lines[0]
    line.selectAll()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:  # QTest can only synthesise ASCII key presses; type the rest as an input method would
        line.insert(text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call


def test_edit_cell_undo_redo(qtbot, window):
    editor = window.editors["requirement"]
    editor.add_entity()
    _close_editor(qtbot, editor)
    _edit_cell(qtbot, editor, 0, "Title", "Answer customer questions")
    project = window.document.project
    assert project.requirements[0].title == "Answer customer questions"
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert project.requirements[0].title == "New requirement"
    window.undo_action.trigger()
    assert project.requirements == []
    assert not window.isWindowModified()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert project.requirements[0].title == "Answer customer questions"


def test_three_of_each_save_and_reopen(qtbot, window, tmp_path):
    for kind in ("requirement", "item", "risk"):
        editor = window.editors[kind]
        window.show_tab(kind)
        for n in range(3):
            editor.add_entity()
            QApplication.processEvents()
            _edit_cell(qtbot, editor, n, "Title", f"{kind} {n} 中文")
    path = tmp_path / "demo.roadmap"
    assert window.files.save_to(path)
    assert not window.isWindowModified()
    saved = project_to_dict(window.document.project)
    window.files.new_project()
    assert window.document.project.requirements == []
    assert window.files.open_path(path)
    assert project_to_dict(window.document.project) == saved
    assert str(path) in window.settings.recent_files()[0]


def test_delete_with_links_is_one_undo_step(qtbot, window):
    from roadmap_desktop.domain.commands import InsertEntity
    from roadmap_desktop.domain.requirement import Requirement
    from roadmap_desktop.domain.risk import Risk

    document = window.document
    risk = Risk(title="Leak")
    document.execute(InsertEntity("risk", risk))
    document.execute(InsertEntity("requirement", Requirement(title="R", risk_ids=[risk.id])))
    risks = window.editors["risk"]
    risks.select_id(risk.id)
    risks.delete_selected()
    assert document.project.risks == [] and document.project.requirements[0].risk_ids == []
    window.undo_action.trigger()
    assert document.project.requirements[0].risk_ids == [risk.id]


def test_details_panel_edits_are_undoable(qtbot, window):
    editor = window.editors["risk"]
    editor.add_entity()
    _close_editor(qtbot, editor)
    panel = editor.details
    mitigation = panel._editors["mitigation"]
    mitigation.setFocus()
    mitigation.setPlainText("Encrypt at rest")
    panel._commit(type(window.document.project.risks[0]).spec("mitigation"), mitigation.toPlainText())
    assert window.document.project.risks[0].mitigation == "Encrypt at rest"
    window.undo_action.trigger()
    assert window.document.project.risks[0].mitigation == ""
    assert mitigation.toPlainText() == ""


@pytest.mark.parametrize(
    "content",
    [b'{"format": "roadmap-desktop", "format_version": 3, "proj', b"\x00\x01\x02binary", b"[" * 50000, b"not json"],
)
def test_bad_file_shows_dialog_and_keeps_running(qtbot, window, tmp_path, monkeypatch, content):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(text))
    path = tmp_path / "bad.roadmap"
    path.write_bytes(content)
    before = window.document
    assert not window.files.open_path(path)
    assert shown and "bad.roadmap" in shown[0]
    assert window.document is before
    assert path.read_bytes() == content


def test_save_failure_keeps_changes(qtbot, window, tmp_path, monkeypatch):
    import errno
    import os

    shown: list[str] = []
    monkeypatch.setattr(window.files, "ask_save_as", lambda problem: shown.append(str(problem)) and False)
    window.editors["requirement"].add_entity()

    def full_disk(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert not window.files.save_to(tmp_path / "x.roadmap")
    assert shown and "full" in shown[0].lower()
    assert window.isWindowModified()
    assert len(window.document.project.requirements) == 1
    assert not (tmp_path / "x.roadmap").exists()


def test_a_read_only_file_is_refused_and_save_as_offered(qtbot, window, tmp_path, monkeypatch):
    from roadmap_desktop.persistence import atomic

    path = tmp_path / "shared.roadmap"
    assert window.files.save_to(path)
    before = path.read_bytes()
    window.editors["requirement"].add_entity()
    monkeypatch.setattr(atomic.os, "access", lambda _name, mode, **_k: mode != os.W_OK)  # as for a 0444 file
    boxes: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        boxes.append(box)
        save_as = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        save_as.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    chosen = tmp_path / "mine.roadmap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), ""))
    assert window.files.save()
    text = boxes[0].text()
    assert "the file is read-only" in text and "Use Save As to save them under another name" in text
    assert "Free some space" not in text
    assert path.read_bytes() == before  # the read-only file is untouched
    assert window.document.path == chosen and len(load_project(chosen).project.requirements) == 1
    assert not window.isWindowModified()


def test_autosave_and_recovery(qtbot, window, tmp_path, monkeypatch):
    window.editors["requirement"].add_entity()
    window.files.autosave()
    entries = window.files.recovery.entries()
    assert len(entries) == 1 and entries[0].project_name == window.document.project.info.name
    # A new window (after a crash) offers the copy; the user recovers it.
    other = MainWindow(window.settings, window.files.recovery)
    qtbot.addWidget(other)
    monkeypatch.setattr("roadmap_desktop.ui.document_controller.ask_recover", lambda *_a: "recover")
    other.files.offer_recovery()
    assert len(other.document.project.requirements) == 1
    assert other.isWindowModified()
    # Saving discards the recovery copy.
    assert other.files.save_to(tmp_path / "recovered.roadmap")
    assert window.files.recovery.entries() == []


def test_migrated_file_opens_dirty_and_the_save_keeps_the_original(qtbot, window, tmp_path):
    fixture = Path(__file__).parent.parent / "fixtures" / "v1_project.roadmap"
    path = tmp_path / "old.roadmap"
    path.write_bytes(fixture.read_bytes())
    shown: list[str] = []
    window.files._show_info = shown.append
    assert window.files.open_path(path)
    assert window.isWindowModified()
    assert window.document.project.items
    assert "saving keeps the original as old.roadmap.v1.bak" in shown[-1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.roadmap", "settings.json"]  # opening wrote nothing
    assert window.files.save_to(path)
    assert (tmp_path / "old.roadmap.v1.bak").read_bytes() == fixture.read_bytes()
    assert shown[-1].endswith(f"original is kept as {tmp_path / 'old.roadmap.v1.bak'}")
    assert json.loads(path.read_text("utf-8"))["format_version"] == 4
    assert load_project(path).migrated_from is None
    assert window.document.older is None
    assert window.files.save_to(path) and shown[-1] == f"Saved {path}"  # later saves keep nothing more
    assert sorted(p.name for p in tmp_path.glob("*.bak")) == ["old.roadmap.v1.bak"]


def test_recovered_work_over_an_older_file_keeps_the_original_on_save(qtbot, window, tmp_path, monkeypatch):
    fixture = Path(__file__).parent.parent / "fixtures" / "v1_project.roadmap"
    path = tmp_path / "old.roadmap"
    path.write_bytes(fixture.read_bytes())
    assert window.files.open_path(path)
    window.files.autosave()  # then the app dies before the user saves
    other = MainWindow(window.settings, window.files.recovery)
    qtbot.addWidget(other)
    monkeypatch.setattr("roadmap_desktop.ui.document_controller.ask_recover", lambda *_a: "recover")
    other.files.offer_recovery()
    assert other.document.path == path and other.document.older is not None
    assert other.files.save_to(path)
    assert (tmp_path / "old.roadmap.v1.bak").read_bytes() == fixture.read_bytes()


def test_filter_and_sort(qtbot, window):
    editor = window.editors["requirement"]
    for _ in range(3):
        editor.add_entity()
        QApplication.processEvents()
    for row, title in enumerate(["Zeta", "alpha", "Mid"]):
        _edit_cell(qtbot, editor, row, "Title", title)
    editor.filter_edit.setText("ALP")
    assert editor.proxy.rowCount() == 1
    editor.filter_edit.clear()
    editor.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = [editor.proxy.index(r, 0).data() for r in range(3)]
    assert titles == ["alpha", "Mid", "Zeta"]
    assert editor.proxy.index(0, 0, QModelIndex()).isValid()


def test_close_with_unsaved_changes_asks(qtbot, window, monkeypatch):
    asked: list[str] = []

    def cancel(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    window.editors["requirement"].add_entity()
    monkeypatch.setattr(QMessageBox, "warning", cancel)
    assert not window.close()
    assert asked and "unsaved changes" in asked[0]
    assert window.isVisible()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_dropping_a_roadmap_file_opens_it(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from roadmap_desktop.domain.project import Project
    from roadmap_desktop.persistence.project_file import save_project

    path = tmp_path / "dropped.roadmap"
    save_project(Project.new("Dropped project"), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.project.info.name == "Dropped project", timeout=3000)
    assert window.document.path == path


def test_new_from_template_opens_a_filled_project(qtbot, window, monkeypatch):
    from roadmap_desktop.persistence.template_file import list_templates, load_template
    from roadmap_desktop.ui.dialogs import template_dialog

    chosen = next(t.id for t in list_templates() if t.id != "blank")
    monkeypatch.setattr(template_dialog, "new_project_from_template", lambda *a: load_template(chosen, "zh"))
    window.new_template_action.trigger()
    project = window.document.project
    assert project.info.language == "zh" and project.requirements and project.items and project.risks


def test_a_multi_selection_in_the_timeline_selects_those_rows(qtbot, window):
    import datetime as dt

    from roadmap_desktop.domain.commands import InsertEntity
    from roadmap_desktop.domain.timeline import TimelineItem

    lane = window.document.project.lanes[0].id
    items = [TimelineItem(title=t, lane_id=lane, start=dt.date(2027, 1, 4), duration_days=5) for t in "ABC"]
    for item in items:
        window.document.execute(InsertEntity("item", item, None, "Add"))
    ids = [items[0].id, items[2].id]  # as a rubber band or Ctrl+clicks leave them
    qtbot.waitUntil(lambda: window.editors["item"].model.rowCount() == 3)
    editor = window.editors["item"]
    window.timeline_page.timeline_view.canvas._select(ids)
    assert editor.selected_ids() == ids
    assert window.timeline_page.timeline_view.selected_ids() == ids  # the table's echo does not narrow it


def test_a_recovery_copy_is_written_before_a_model_is_loaded(window):
    # A model runs llama.cpp in this process; one that crashes it must not take unsaved work along.
    window.editors["requirement"].add_entity()
    assert window.files.recovery.entries() == []
    window.assistant.picker.load_starting.emit()
    entries = window.files.recovery.entries()
    assert len(entries) == 1 and entries[0].project_name == window.document.project.info.name
