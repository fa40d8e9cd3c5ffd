"""PDF export dialog: remembered options, export in a worker thread, errors, cancelling; PNG job."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui.dialogs.pdf_export_dialog import SETTINGS_KEY, PdfExportDialog, png_export_job


@pytest.fixture
def project():
    project = Project.new("对话助手 Roadmap", "zh")
    project.requirements = [
        Requirement(title="常见问题自动回答", effort=2, rice_reach=100, rice_impact=1, rice_confidence=50)
    ]
    project.items = [
        TimelineItem(title="原型", lane_id=project.lanes[0].id, start=dt.date(2025, 1, 6), duration_days=20),
        TimelineItem(
            title="上线", lane_id=project.lanes[7].id, start=dt.date(2025, 4, 1), duration_days=0, milestone=True
        ),
    ]
    project.risks = [Risk(title="数据质量", likelihood=4, impact=3, mitigation="人工审核")]
    return project


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.json")


def expected_warnings() -> list[str]:
    """The project is Chinese: a machine without a CJK font warns (and still exports)."""
    from roadmap_desktop.export.pdf.fonts import NO_CJK_FONT_WARNING, cjk_family

    return [] if cjk_family() else [NO_CJK_FONT_WARNING]


def make_dialog(qtbot, project, settings, tmp_path):
    dialog = PdfExportDialog(project, settings)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.shutdown())
    dialog.path_edit.setText(str(tmp_path / "plan.pdf"))
    return dialog


def test_export_and_remembered_options(qtbot, project, settings, tmp_path):
    dialog = make_dialog(qtbot, project, settings, tmp_path)
    assert dialog.path_edit.text().endswith("plan.pdf")
    dialog.page_size_combo.setCurrentIndex(dialog.page_size_combo.findData("Letter"))
    dialog.orientation_combo.setCurrentIndex(dialog.orientation_combo.findData("portrait"))
    dialog.fit_combo.setCurrentIndex(dialog.fit_combo.findData("split"))
    dialog.section_boxes["board"].setChecked(False)
    assert dialog.section_boxes["forecast"].isChecked() and not dialog.section_boxes["one_page"].isChecked()
    with qtbot.waitSignal(dialog.export_finished, timeout=30000) as blocker:
        dialog.export_button.click()
    path, warnings = blocker.args
    assert path == str(tmp_path / "plan.pdf") and warnings == expected_warnings()
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")
    assert not dialog.open_button.isHidden() and dialog.export_button.isEnabled()
    assert "Saved" in dialog.status_label.text()

    stored = Settings(settings.path).get(SETTINGS_KEY)
    assert stored == {
        "page_size": "Letter",
        "orientation": "portrait",
        "fit": "split",
        "sections": ["title", "timeline", "forecast", "requirements", "risks"],
        "folder": str(tmp_path),
    }
    again = PdfExportDialog(project, Settings(settings.path))
    qtbot.addWidget(again)
    options = again.options()
    assert (options.page_size, options.orientation, options.fit) == ("Letter", "portrait", "split")
    assert options.sections == ("title", "timeline", "forecast", "requirements", "risks")
    assert again.path_edit.text() == str(tmp_path / "对话助手 Roadmap.pdf")


def test_failure_shows_one_message(qtbot, project, settings, tmp_path):
    dialog = make_dialog(qtbot, project, settings, tmp_path)
    dialog.path_edit.setText(str(tmp_path / "missing" / "plan.pdf"))
    with qtbot.waitSignal(dialog.export_failed, timeout=30000) as blocker:
        dialog.export_button.click()
    assert "does not exist" in blocker.args[0]
    box = dialog.message_box
    assert isinstance(box, QMessageBox) and box.isVisible() and "does not exist" in box.text()
    box.close()
    assert dialog.export_button.isEnabled()


def test_cancel_writes_nothing(qtbot, project, settings, tmp_path, monkeypatch):
    import time

    from roadmap_desktop.export.pdf import document

    def slow_export(project, path, options=None, progress=None):
        deadline = time.monotonic() + 20
        while progress(1, 3) is not False:  # pages keep coming until the dialog cancels
            assert time.monotonic() < deadline
            time.sleep(0.01)
        raise document.ExportCancelled("export cancelled")

    monkeypatch.setattr(document, "export_pdf", slow_export)
    dialog = make_dialog(qtbot, project, settings, tmp_path)
    with qtbot.waitSignal(dialog.export_cancelled, timeout=30000):
        dialog.export_button.click()
        assert not dialog.export_button.isEnabled()  # one export at a time
        dialog.job.cancel()
    assert not (tmp_path / "plan.pdf").exists()
    assert "cancelled" in dialog.status_label.text()


def test_no_sections_disables_export(qtbot, project, settings, tmp_path):
    dialog = make_dialog(qtbot, project, settings, tmp_path)
    for box in dialog.section_boxes.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()
    dialog.section_boxes["risks"].setChecked(True)
    assert dialog.export_button.isEnabled()


def test_date_range_and_screenshot(qtbot, project, settings, tmp_path):
    dialog = make_dialog(qtbot, project, settings, tmp_path)
    assert not dialog.from_edit.isEnabled()
    dialog.whole_range_box.setChecked(False)
    assert dialog.from_edit.isEnabled()
    options = dialog.options()
    assert options.date_from == dt.date(2025, 1, 6) and options.date_to == dt.date(2025, 4, 1)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.grab().isNull()


def test_png_job(qtbot, project, tmp_path):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "timeline.png"
    job = png_export_job(parent, project, out, width=1200)
    with qtbot.waitSignal(job.export_finished, timeout=30000) as blocker:
        job.start()
    assert blocker.args == [str(out), expected_warnings()]
    assert out.read_bytes().startswith(b"\x89PNG")
