"""Field and choice labels follow the interface language (not the project's), and the assistant panel
retranslates live; switching back gives English, and what is stored never changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QMessageBox

from roadmap_desktop.domain.fields import CHOICE_LABELS
from roadmap_desktop.domain.phases import PHASES
from roadmap_desktop.domain.project import ENTITY_TYPES
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.persistence.template_file import load_template
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.qtmodels.entity_table_model import EntityTableModel, columns_for
from roadmap_desktop.qtmodels.labels import choice_label, translate_label
from roadmap_desktop.ui import field_labels, i18n
from roadmap_desktop.ui.field_widgets import choice_combo
from roadmap_desktop.ui.main_window import MainWindow

# Names that read the same in Chinese.
SAME_IN_CHINESE = {"MoSCoW", "RICE", "ICE", "WSJF", "English"}


@pytest.fixture(autouse=True)
def _english_after(qapp):
    yield
    i18n.install_translations(qapp, i18n.ENGLISH)
    QCoreApplication.sendPostedEvents()


def _switch(app: QApplication, language: str) -> None:
    assert i18n.install_translations(app, language) == language
    QCoreApplication.sendPostedEvents()  # LanguageChange arrives as a posted event


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    settings = Settings(tmp_path / "settings.json")
    settings.set(i18n.SETTING_KEY, i18n.ENGLISH)
    win = MainWindow(settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    win.set_document(ProjectDocument(load_template("customer_service", "zh")))  # a Chinese project
    win.show()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    return win


def _domain_labels() -> set[str]:
    labels = {spec.label for kind in ENTITY_TYPES.values() for spec in kind.FIELDS}
    labels |= {column.header for kind in ("requirement", "item", "risk", "lane") for column in columns_for(kind)}
    labels |= {label for label in CHOICE_LABELS.values() if label.isascii() and label}
    return labels | {phase.en for phase in PHASES}


def _headers(model) -> list[str]:
    return [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())
    ]


def _cell(model, row: int, field: str) -> str:
    column = [c.spec.name if c.spec else None for c in model.columns].index(field)
    return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def _form_label(editor_widget) -> str:
    form = editor_widget.details._form_host.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(editor_widget.details._editors["title"])
    assert isinstance(label, QLabel)
    return label.text()


# -- the catalog ----------------------------------------------------------------------------------


def test_every_domain_label_is_marked_and_translated(qapp):
    marked = {*field_labels.FIELD_LABELS, *field_labels.CHOICE_LABELS, *field_labels.PHASE_NAMES}
    missing = sorted(_domain_labels() - marked)
    assert not missing, f"add these to roadmap_desktop/ui/field_labels.py and translate them: {missing}"
    _switch(qapp, i18n.CHINESE)
    untranslated = sorted(label for label in marked - SAME_IN_CHINESE if translate_label(label) == label)
    assert not untranslated, untranslated
    for phase in PHASES:  # one name per phase, whether the catalog or the domain gives it
        assert translate_label(phase.en) == phase.name("zh")


# -- tables, forms and editors ---------------------------------------------------------------------


def test_tables_and_details_follow_the_interface_language(qapp, window):
    editor = window.editors["requirement"]
    model = editor.model
    # A Chinese project in an English interface: English labels (the interface decides).
    assert _headers(model)[:2] == ["Title", "Status"]
    assert _cell(model, 0, "status") == "Idea" and _cell(model, 0, "moscow") == "Must have"
    editor.select_id(window.document.project.requirements[0].id)
    assert _form_label(editor) == "Title"

    _switch(qapp, i18n.CHINESE)
    editor = window.editors["requirement"]  # rebuilt over the same document
    model = editor.model
    assert _headers(model)[:2] == ["标题", "状态"]
    assert _cell(model, 0, "status") == "想法" and _cell(model, 0, "moscow") == "必须有"
    editor.select_id(window.document.project.requirements[0].id)
    assert _form_label(editor) == "标题"
    status_combo = editor.details._editors["status"]
    assert status_combo.currentText() == "想法"
    risk_headers = _headers(window.editors["risk"].model)
    assert "风险值" in risk_headers and "可能性" in risk_headers
    item_model = window.editors["item"].model
    assert "结束" in _headers(item_model) and _cell(item_model, 0, "status") == "未开始"

    _switch(qapp, i18n.ENGLISH)
    model = window.editors["requirement"].model
    assert _headers(model)[:2] == ["Title", "Status"]
    assert _cell(model, 0, "status") == "Idea"


def test_an_edit_in_chinese_stores_the_code_and_names_the_field(qapp, window):
    _switch(qapp, i18n.CHINESE)
    model = window.editors["requirement"].model
    column = [c.spec.name if c.spec else None for c in model.columns].index("status")
    assert model.setData(model.index(0, column), "planned", Qt.ItemDataRole.EditRole)
    assert window.document.project.requirements[0].status == "planned"  # the code, never the label
    assert _cell(model, 0, "status") == "已计划"
    assert window.document.undo_stack.undoText() == "编辑状态"
    _switch(qapp, i18n.ENGLISH)
    model = window.editors["requirement"].model
    assert model.setData(model.index(0, column), "done", Qt.ItemDataRole.EditRole)
    assert window.document.undo_stack.undoText() == "Edit status"


def test_choice_editors_and_phases(qapp):
    spec = ENTITY_TYPES["item"].spec("phase")
    assert choice_combo(spec).itemText(1) == "P0 Requirement analysis"
    _switch(qapp, i18n.CHINESE)
    assert choice_combo(spec).itemText(1) == "P0 需求分析"
    assert choice_label("wont") == "不会有" and choice_label("") == ""
    moscow = choice_combo(ENTITY_TYPES["requirement"].spec("moscow"))
    assert [moscow.itemText(i) for i in range(moscow.count())] == ["—", "必须有", "应该有", "可以有", "不会有"]


def test_a_table_model_made_in_english_relabels_its_headers(qapp, window):
    """Headers are looked up when shown, so even a model that outlives a switch follows it."""
    model = EntityTableModel(window.document, "risk")
    assert _headers(model)[0] == "Title"
    _switch(qapp, i18n.CHINESE)
    assert _headers(model)[0] == "标题"
    model.detach()


# -- the assistant panel -----------------------------------------------------------------------------


def test_the_assistant_panel_retranslates_live(qapp, window):
    panel = window.assistant
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("risks"))
    english = (panel.generate_button.text(), panel.task_combo.currentText(), panel.model_status.text())
    assert english == ("Generate", "Risks from the library", "No model loaded")

    _switch(qapp, i18n.CHINESE)
    assert window.assistant is panel  # not rebuilt: it owns the model thread
    assert panel.generate_button.text() == "生成"
    assert panel.stop_button.text() == "停止"
    assert panel.task_combo.currentText() == "从风险库选取风险" and panel.task_name() == "risks"
    assert panel.model_status.text() == "未加载模型"
    assert panel.input_note.text().startswith("从内置的")
    assert panel.brief_edit.placeholderText().startswith("产品简报")
    assert panel.output.placeholderText() == "模型的回答会实时显示在这里。"
    assert panel.accept_all_button.text() == "全部接受"
    assert panel.model_combo.itemText(panel.model_combo.count() - 1) == "模型服务器…"

    _switch(qapp, i18n.ENGLISH)
    assert (panel.generate_button.text(), panel.task_combo.currentText(), panel.model_status.text()) == english


def test_a_chinese_project_with_a_small_model_is_warned_and_dropped_parts_are_summarised(qapp, window):
    panel = window.assistant
    small = [i for i in range(panel.model_combo.count()) if "135M" in panel.model_combo.itemText(i)]
    if not small:
        pytest.skip("run packaging/setup.sh to install the default model")
    panel.model_combo.setCurrentIndex(small[0])
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("requirements"))
    assert "writes poor Chinese" in panel.input_note.text()  # a Chinese project, SmolLM2-135M
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("risks"))
    assert "poor Chinese" not in panel.input_note.text()  # library risks bring their own Chinese

    panel._dropped = ["round 1: item 6 was cut off", "round 1: item 1 copies the prompt's example"]
    panel._show_dropped()
    assert "was cut off" in panel.dropped_label.text()  # English interface: the details themselves
    panel._dropped = [f"round 1: item {n} was cut off" for n in range(1, 11)]
    panel._show_dropped()  # a long list stays short, so the Accept buttons keep their place
    assert panel.dropped_label.text().count("\n") == 2 and "8 more" in panel.dropped_label.text()
    assert panel.dropped_label.toolTip().count("\n") == 9
    panel._dropped = ["round 1: item 6 was cut off", "round 1: item 1 copies the prompt's example"]
    panel._show_dropped()
    _switch(qapp, i18n.CHINESE)
    assert "was cut off" not in panel.dropped_label.text() and "2" in panel.dropped_label.text()
    assert "was cut off" in panel.dropped_label.toolTip()
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("requirements"))
    assert "中文" in panel.input_note.text()
    assert "GiB" in panel.model_details.text() and "needs about" not in panel.model_details.text()
