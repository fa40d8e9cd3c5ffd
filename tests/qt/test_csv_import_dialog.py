"""CsvImportDialog: suggested mapping, preview, problems with row numbers, import as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from roadmap_desktop.domain.project import Project
from roadmap_desktop.interchange.csv_import import CsvReadError
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.dialogs.csv_import_dialog import IGNORE_TEXT, CsvImportDialog

CSV = (
    "Summary,Status,Priority,Story Points,Labels,Notes,负责人\n"
    "Login page,To Do,High,3,auth web,first,王芳\n"
    ",Done,Low,1,,no title,\n"
    '搜索功能,In Progress,Medium,abc,search,"two\nlines",李伟\n'
)


@pytest.fixture
def document(qtbot):
    doc = ProjectDocument(Project.new("Dialog"))
    yield doc
    doc.close()


@pytest.fixture
def csv_path(tmp_path):
    path = tmp_path / "jira.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    return path


def make_dialog(qtbot, document, path):
    dialog = CsvImportDialog(document, path)
    qtbot.addWidget(dialog)
    return dialog


def test_suggested_mapping_preview_and_problems(qtbot, document, csv_path):
    dialog = make_dialog(qtbot, document, csv_path)
    assert dialog.mapping() == {
        "Summary": "title",
        "Status": "status",
        "Priority": "moscow",
        "Story Points": "effort",
        "Labels": "tags",
        "负责人": "owner",
    }
    assert dialog.combos["Notes"].currentText() == IGNORE_TEXT
    assert dialog.preview.rowCount() == 2
    assert dialog.preview.item(0, 0).text() == "2" and dialog.preview.item(1, 0).text() == "4"
    headers = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    assert headers[:3] == ["Row", "Title", "Status"]
    assert dialog.preview.item(1, 1).text() == "搜索功能"
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems[0].startswith("Row 3: ") and "no title" in problems[0]
    assert problems[1].startswith("Row 4: Story Points: 'abc' is not a number")
    assert "Notes" in dialog.ignored_label.text()
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 2 requirements"


def test_changing_a_column_updates_the_preview(qtbot, document, csv_path):
    dialog = make_dialog(qtbot, document, csv_path)
    dialog.set_target("Notes", "description")
    column = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())].index(
        "Description / user story"
    )
    assert dialog.preview.item(1, column).text() == "two ↵ lines"
    dialog.set_target("Notes", "title")  # a second title column
    assert dialog.mapping_label.isVisibleTo(dialog) and "both fill Title" in dialog.mapping_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_target("Notes", "")
    dialog.set_target("Summary", "")
    assert "title" in dialog.mapping_label.text() and not dialog.import_button.isEnabled()


def test_import_is_one_undo_step(qtbot, document, csv_path):
    dialog = make_dialog(qtbot, document, csv_path)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    project = document.project
    assert [r.title for r in project.requirements] == ["Login page", "搜索功能"]
    assert project.requirements[0].tags == ["auth", "web"] and project.requirements[1].effort is None
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Import 2 requirements from jira.csv"
    assert document.is_modified()
    document.undo_stack.undo()
    assert project.requirements == []
    document.undo_stack.redo()
    assert len(project.requirements) == 2


def test_unreadable_file_raises_before_a_dialog_exists(qtbot, document, tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes("标题\n自动回答\n".encode("gbk"))
    with pytest.raises(CsvReadError, match=r"legacy\.csv"):
        CsvImportDialog(document, path)


def test_shows_offscreen(qtbot, document, csv_path):
    dialog = make_dialog(qtbot, document, csv_path)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.grab().isNull()
