"""File > Export and File > Import from the main window, with the file dialogs answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from roadmap_desktop.domain.commands import InsertEntity
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    win = MainWindow(Settings(tmp_path / "settings.json"), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    win.show()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warnings.append(text))
    win.warnings = warnings
    return win


def export_action(window, text):
    for action in window.interchange.export_menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no export action {text!r}")


def test_every_text_export_writes_its_file(qtbot, window, tmp_path, monkeypatch):
    window.document.execute(InsertEntity("requirement", Requirement(title="会议纪要摘要")))
    written = []
    for text, suffix in [
        ("Markdown…", ".md"),
        ("Requirements as CSV…", ".csv"),
        ("Mermaid Gantt…", ".mmd"),
        ("Project JSON…", ".json"),
    ]:
        target = tmp_path / f"out{len(written)}"  # no suffix: the exporter adds the format's own
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        export_action(window, text).trigger()
        path = target.with_suffix(suffix)
        assert path.is_file(), text
        written.append(path)
    assert "会议纪要摘要" in written[0].read_text(encoding="utf-8")
    assert written[1].read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese right
    assert window.settings.get("export_folder") == str(tmp_path)
    assert window.warnings == []


def test_export_failure_is_reported_and_nothing_crashes(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "missing-folder" / "plan.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    export_action(window, "Markdown…").trigger()
    assert len(window.warnings) == 1 and "plan.md" in window.warnings[0]


def test_import_csv_is_one_undo_step(qtbot, window, tmp_path, monkeypatch):
    csv_file = tmp_path / "jira.csv"
    csv_file.write_text("Summary,Priority,Status\nOrder lookup,High,To Do\nRefund triage,Low,Done\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv_file), ""))

    def accept_import(dialog):
        dialog.import_button.click()
        return QDialog.DialogCode.Accepted

    from roadmap_desktop.ui.dialogs import csv_import_dialog

    monkeypatch.setattr(csv_import_dialog.CsvImportDialog, "exec", accept_import)
    window.interchange.import_csv_action.trigger()
    assert [r.title for r in window.document.project.requirements] == ["Order lookup", "Refund triage"]
    window.undo_action.trigger()
    assert window.document.project.requirements == []


def test_unreadable_csv_is_refused_with_a_message(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("Summary\nCaf\xe9\n".encode("latin-1"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.interchange.import_csv_action.trigger()
    assert len(window.warnings) == 1 and "latin1.csv" in window.warnings[0]
    assert window.document.project.requirements == []


def test_pdf_and_png_come_first_in_the_export_menu(qtbot, window):
    texts = [a.text().replace("&", "") for a in window.interchange.export_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Roadmap PDF…", "Timeline Image (PNG)…"]


GAN = Path(__file__).resolve().parents[1] / "fixtures" / "planners" / "launch.gan"


def test_import_plan_is_one_undo_step_and_says_what_was_left_out(qtbot, window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(GAN), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a, **k: told.append(text))
    lanes_before = len(window.document.project.lanes)
    window.interchange.import_plan_action.trigger()
    project = window.document.project
    assert [i.title for i in project.items][:2] == ["Design the API", "Implement the API"]
    assert len(project.lanes) == lanes_before + 2
    assert len(told) == 1 and "Not imported: custom task fields (1)" in told[0]
    assert window.undo_action.text().endswith("Import 6 items from launch.gan")
    window.undo_action.trigger()
    assert project.items == [] and len(project.lanes) == lanes_before
    assert window.warnings == []


def test_hostile_plan_is_refused_with_a_message(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "laughs.xml"
    bad.write_text('<!DOCTYPE Project [<!ENTITY a "aaaa">]><Project><Tasks/></Project>', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.interchange.import_plan_action.trigger()
    assert len(window.warnings) == 1 and "declares XML entities" in window.warnings[0]
    assert window.document.project.items == [] and not window.document.is_modified()


def test_planner_exports_write_their_files(qtbot, window, tmp_path, monkeypatch):
    import datetime as dt

    from roadmap_desktop.domain.timeline import TimelineItem

    window.document.execute(InsertEntity("item", TimelineItem(title="Pilot", start=dt.date(2025, 6, 2))))
    for text, suffix, start in [
        ("MS Project XML…", ".xml", b"<?xml"),
        ("iCalendar…", ".ics", b"BEGIN:VCALENDAR"),
        ("Jira CSV…", ".csv", b"Issue Id,"),
        ("Linear CSV…", ".csv", b"ID,Title,"),
    ]:
        target = tmp_path / f"{text[:4].strip()}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        export_action(window, text).trigger()
        assert target.with_suffix(suffix).read_bytes().startswith(start), text
    assert window.warnings == []


def test_every_part_an_import_can_leave_out_has_interface_words():
    import re

    from roadmap_desktop.interchange import gan_import, mspdi_import, planner_import
    from roadmap_desktop.ui.interchange_actions import DROPPED_TEXTS

    assert set(DROPPED_TEXTS) == set(planner_import.DROPPED_KINDS)
    used = set(gan_import._REPORTED.values()) | set(mspdi_import._REPORTED.values())
    used |= set(planner_import._LINK_NAMES.values())
    for module in (gan_import, mspdi_import, planner_import):
        used |= set(
            re.findall(r'dropped\[(?:_LINK_NAMES\.get\(link\.type, )?"([^"]+)"', Path(module.__file__).read_text())
        )
    assert used == set(planner_import.DROPPED_KINDS)
