"""TemplateDialog: pick a template and a language, remember the language, get a project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from roadmap_desktop.persistence import template_file
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui import template_choice
from roadmap_desktop.ui.dialogs import template_dialog
from roadmap_desktop.ui.dialogs.template_dialog import TemplateDialog, new_project_from_template
from roadmap_desktop.ui.template_choice import LANGUAGE_KEY


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def dialog(qtbot, settings):
    dlg = TemplateDialog(settings)
    qtbot.addWidget(dlg)
    return dlg


def test_lists_blank_first_and_previews_the_selection(dialog) -> None:
    ids = dialog.template_ids()
    assert ids[0] == "blank" and "customer_service" in ids and len(ids) >= 9
    assert dialog.template_id() == "blank" and dialog.language() == "en"
    assert "P0–P7" in dialog.description.toPlainText()
    dialog.select("healthcare")
    text = dialog.description.toPlainText()
    assert "Requirements" in text and "Linked risks" in text and "Success metrics" in text


def test_switching_language_relabels_list_and_preview(dialog) -> None:
    dialog.select("customer_service")
    dialog.set_language("zh")
    assert dialog.template_id() == "customer_service"
    assert dialog.template_list.currentItem().text() == "智能客服"
    assert "关联风险" in dialog.description.toPlainText()
    assert dialog.template_list.item(0).text() == "空白项目"


def test_chosen_after_ok_and_language_is_remembered(qtbot, dialog, settings) -> None:
    assert dialog.chosen() is None
    dialog.select("finance_risk")
    dialog.set_language("zh")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() == ("finance_risk", "zh")
    assert settings.get(LANGUAGE_KEY) == "zh"
    again = TemplateDialog(settings)
    qtbot.addWidget(again)
    assert again.language() == "zh"


def test_cancel_chooses_nothing(dialog) -> None:
    dialog.select("speech")
    dialog.reject()
    assert dialog.chosen() is None


def _answer(template_id: str | None, language: str = "en"):
    def fake_exec(self: TemplateDialog) -> int:
        if template_id is None:
            self.reject()
        else:
            self.select(template_id)
            self.set_language(language)
            self.accept()
        return self.result()

    return fake_exec


def test_helper_builds_the_chosen_project(qtbot, settings, monkeypatch) -> None:
    monkeypatch.setattr(TemplateDialog, "exec", _answer("education", "zh"))
    project = new_project_from_template(None, settings)
    assert project is not None
    assert project.info.language == "zh" and project.info.name == "智能学习助手"
    assert project.requirements and project.items and project.risks
    monkeypatch.setattr(TemplateDialog, "exec", _answer(None))
    assert new_project_from_template(None, settings) is None


def test_helper_reports_a_broken_template(qtbot, settings, monkeypatch, tmp_path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    source = template_file.templates_dir() / "speech.json"
    (folder / "speech.json").write_text(source.read_text("utf-8"), "utf-8")
    monkeypatch.setattr(template_file, "templates_dir", lambda: folder)

    def break_then_accept(self: TemplateDialog) -> int:
        self.select("speech")
        (folder / "speech.json").write_text("{", "utf-8")  # broken between preview and creation
        self.accept()
        return self.result()

    shown: list[str] = []
    monkeypatch.setattr(TemplateDialog, "exec", break_then_accept)
    monkeypatch.setattr(template_dialog.QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    assert new_project_from_template(None, settings) is None
    assert len(shown) == 1 and "speech.json" in shown[0] and "not valid JSON" in shown[0]


def test_a_broken_preview_disables_ok(qtbot, settings, monkeypatch) -> None:
    def broken(template_id: str, language: str, today=None):
        raise template_file.ProjectFileError(Path("/x/customer_service.json"), "broken template: oops")

    monkeypatch.setattr(template_choice, "load_template", broken)  # what the previews load with
    dlg = TemplateDialog(settings)
    qtbot.addWidget(dlg)
    dlg.select("customer_service")
    assert not dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "oops" in dlg.description.toPlainText()
