"""The prioritisation dock: framework choice is undoable, the ranking follows edits, criteria parse."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from roadmap_desktop.domain.commands import InsertEntity, SetField
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.editors.ranking_view import RankingView


@pytest.fixture
def document():
    project = Project.new("Ranked")
    project.requirements = [
        Requirement(title="Small", rice_reach=100, rice_impact=1, rice_confidence=100, effort=1, value=3),
        Requirement(title="Big", rice_reach=1000, rice_impact=2, rice_confidence=80, effort=4, value=9),
        Requirement(title="Unknown"),
    ]
    doc = ProjectDocument(project)
    yield doc
    doc.close()


def rows(view):
    return [[view.tree.topLevelItem(i).text(c) for c in range(3)] for i in range(view.tree.topLevelItemCount())]


def test_ranks_by_rice_with_unscored_last(qtbot, document):
    view = RankingView(document)
    qtbot.addWidget(view)
    assert rows(view) == [["1", "Big", "400"], ["2", "Small", "100"], ["–", "Unknown", ""]]
    assert "missing" in view.tree.topLevelItem(2).text(3)
    assert "2 of 3 ranked by RICE" in view.summary.text()


def test_framework_change_is_undoable_and_ranking_follows_edits(qtbot, document):
    view = RankingView(document)
    qtbot.addWidget(view)
    view.framework_combo.setCurrentIndex(view.framework_combo.findData("value_effort"))
    view.framework_combo.activated.emit(view.framework_combo.currentIndex())
    assert document.project.info.framework == "value_effort"
    QApplication.processEvents()
    assert [r[1] for r in rows(view)][:2] == ["Small", "Big"]  # 3/1 beats 9/4
    small = document.project.requirements[0]
    document.execute(SetField("requirement", small.id, "value", 1.0, "Edit value"))
    QApplication.processEvents()
    assert [r[1] for r in rows(view)][:2] == ["Big", "Small"]
    document.undo_stack.undo()
    document.undo_stack.undo()
    QApplication.processEvents()
    assert document.project.info.framework == "rice" and view.framework_combo.currentData() == "rice"


def test_weighted_criteria_are_typed_and_bad_lines_reported(qtbot, document):
    view = RankingView(document)
    qtbot.addWidget(view)
    view.show()
    document.execute(SetField("project", document.project.info.id, "framework", "weighted", "w"))
    QApplication.processEvents()
    assert view.criteria_edit.isVisible()
    errors = []
    view.error_raised.connect(errors.append)
    view.criteria_edit.setPlainText("Revenue: 3\nFit = 1")
    assert view.commit_criteria()
    assert document.project.info.criteria == {"Revenue": 3.0, "Fit": 1.0}
    view.criteria_edit.setPlainText("Revenue lots")
    assert not view.commit_criteria()
    assert errors and "write it as name: number" in errors[0]
    document.execute(
        InsertEntity("requirement", Requirement(title="Scored", criteria_scores={"Revenue": 80, "Fit": 40}))
    )
    QApplication.processEvents()
    assert rows(view)[0][:2] == ["1", "Scored"]
