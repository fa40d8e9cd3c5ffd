"""RiskLibraryDialog: bilingual search, category filter, "already added", one undo step for a batch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from roadmap_desktop.domain.project import Project
from roadmap_desktop.persistence.risk_library_file import load_default_risk_library
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.dialogs.risk_library_dialog import RiskLibraryDialog


@pytest.fixture(scope="module")
def library():
    return load_default_risk_library()


@pytest.fixture
def document(qtbot, library):
    project = Project.new("Risks")
    project.risks.append(library.to_risk(library.by_id("R01"), "en"))  # already in the project
    doc = ProjectDocument(project)
    yield doc
    doc.close()


@pytest.fixture
def dialog(qtbot, document, library):
    dlg = RiskLibraryDialog(document, library)
    qtbot.addWidget(dlg)
    return dlg


def test_lists_the_whole_library(dialog, library):
    assert dialog.shown_ids() == [r.id for r in library.risks]
    assert dialog.checked_ids() == []
    assert not dialog.add_button.isEnabled()


@pytest.mark.parametrize("query", ["hallucination", "Hallucination", "幻觉", "事实性错误", "hallucination factual"])
def test_search_finds_hallucination_in_both_languages(qtbot, dialog, query):
    qtbot.keyClicks(dialog.search_edit, "x")  # real typing reaches the filter too
    dialog.search_edit.setText(query)
    assert dialog.shown_ids() == ["R23"]
    assert dialog.list.currentItem().data(Qt.ItemDataRole.UserRole + 1) == "R23"
    assert "Hallucination and factual errors" in dialog.preview.toPlainText()


def test_search_looks_in_mitigations_and_categories(dialog, library):
    dialog.search_edit.setText("retrieved sources")  # only in R23's mitigation "Ground answers in retrieved sources"
    assert "R23" in dialog.shown_ids()
    r23 = library.by_id("R23")
    assert "retrieved" not in (r23.title_in("en") + r23.description_in("en")).casefold()
    dialog.search_edit.setText("检索增强")  # the same mitigation in Chinese
    assert "R23" in dialog.shown_ids()
    dialog.search_edit.setText("隐私与安全")  # a category label in Chinese
    assert "R29" in dialog.shown_ids()


def test_category_filter(dialog, library):
    index = dialog.category_combo.findData("legal")
    dialog.category_combo.setCurrentIndex(index)
    assert dialog.shown_ids() == [r.id for r in library.risks if r.category == "legal"]
    dialog.search_edit.setText("EU")
    assert dialog.shown_ids() == ["R33"]


def test_already_added_is_marked_and_not_checkable(dialog, library):
    item = dialog.list.item(0)
    assert "already added" in item.text()
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    dialog.set_checked("R01")
    assert dialog.checked_ids() == []
    assert dialog.is_in_project(library.by_id("R01"))


def test_add_two_is_one_undo_step(qtbot, dialog, document):
    dialog.set_checked("R23")
    dialog.search_edit.setText("prompt injection")  # a checked risk stays checked while hidden
    dialog.set_checked("R29")
    assert dialog.checked_ids() == ["R23", "R29"]
    assert dialog.add_button.isEnabled()
    steps = document.undo_stack.count()

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    risks = document.project.risks
    assert [r.title for r in risks[1:]] == ["Hallucination and factual errors", "Prompt injection"]
    assert dialog.inserted_ids == [r.id for r in risks[1:]]
    assert dialog.result() == RiskLibraryDialog.DialogCode.Accepted
    assert risks[1].likelihood == 5 and risks[1].impact == 4 and risks[1].status == "open"
    assert "retrieved sources" in risks[1].mitigation
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Add 2 risks from library"
    document.undo_stack.undo()
    assert [r.title for r in document.project.risks] == ["Data privacy and security"]
    document.undo_stack.redo()
    assert len(document.project.risks) == 3


def test_chinese_project_adds_and_previews_in_chinese(qtbot, library):
    project = Project.new("风险", language="zh")
    document = ProjectDocument(project)
    dialog = RiskLibraryDialog(document, library)
    qtbot.addWidget(dialog)
    dialog.search_edit.setText("幻觉")
    assert "默认评分" in dialog.preview.toPlainText()
    dialog.set_checked("R23")
    assert dialog.add_selected() == [project.risks[0].id]
    assert project.risks[0].title == "幻觉与事实性错误"
    assert project.risks[0].category == "可信与内容安全"
    document.close()


def test_cancel_adds_nothing(qtbot, dialog, document):
    dialog.set_checked("R02")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(document.project.risks) == 1
    assert dialog.inserted_ids == []
