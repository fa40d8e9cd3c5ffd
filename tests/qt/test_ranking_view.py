"""The prioritisation dock: framework choice is undoable, the ranking follows edits, criteria parse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from roadmap_desktop.domain import prioritisation
from roadmap_desktop.domain.commands import InsertEntity, SetField
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui import i18n
from roadmap_desktop.ui.editors import value_effort_chart
from roadmap_desktop.ui.editors.ranking_view import RankingView
from roadmap_desktop.wording import wording


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
    view.show()  # the ranking is filled while the view is shown
    assert rows(view) == [["1", "Big", "400"], ["2", "Small", "100"], ["–", "Unknown", ""]]
    assert "missing" in view.tree.topLevelItem(2).text(3)
    assert "2 of 3 ranked by RICE" in view.summary.text()


def test_framework_change_is_undoable_and_ranking_follows_edits(qtbot, document):
    view = RankingView(document)
    qtbot.addWidget(view)
    view.show()  # the ranking is filled while the view is shown
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
    view.show()  # the ranking is filled while the view is shown
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


@pytest.fixture
def chinese_interface(qapp):
    assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.CHINESE
    QCoreApplication.sendPostedEvents()
    yield
    i18n.install_translations(qapp, i18n.ENGLISH)
    QCoreApplication.sendPostedEvents()


def breakdowns(view):
    return [view.tree.topLevelItem(i).text(3) for i in range(view.tree.topLevelItemCount())]


def test_breakdowns_follow_the_interface_language(qtbot, qapp, document):
    view = RankingView(document)
    qtbot.addWidget(view)
    view.show()  # the ranking is filled while the view is shown
    assert breakdowns(view)[0] == "reach 1000 × impact 2 × confidence 80 % ÷ effort 4 = 400"
    assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.CHINESE
    try:
        QCoreApplication.sendPostedEvents()  # LanguageChange, then the view ranks again
        qtbot.waitUntil(lambda: breakdowns(view)[0].startswith("覆盖面"))
        assert breakdowns(view) == [
            "覆盖面 1000 × 影响 2 × 信心 80 % ÷ 工作量 4 = 400",
            "覆盖面 100 × 影响 1 × 信心 100 % ÷ 工作量 1 = 100",
            "缺少覆盖面、影响、信心 %、工作量（周）",  # the greyed row shows the reason
        ]
        assert rows(view)[:2] == [["1", "Big", "400"], ["2", "Small", "100"]]  # the same ranking and numbers
    finally:
        i18n.install_translations(qapp, i18n.ENGLISH)
        QCoreApplication.sendPostedEvents()
    qtbot.waitUntil(lambda: breakdowns(view)[0].startswith("reach"))


def test_chinese_interface_shows_chinese_categories(qtbot, document, chinese_interface):
    document.execute(SetField("project", document.project.info.id, "framework", "value_effort", "ve"))
    view = RankingView(document)
    qtbot.addWidget(view)
    view.show()  # the ranking is filled while the view is shown
    # efforts 1 and 4: the threshold is 2.5; Small 3 ÷ 1 = 3 (low value), Big 9 ÷ 4 = 2.25 (high effort)
    assert rows(view)[:2] == [["1", "Small", "3  填充项"], ["2", "Big", "2.25  大投入"]]
    assert breakdowns(view)[1] == "价值 9 ÷ 工作量 4 = 2.25；大投入（价值 ≥ 5，工作量 > 2.5）"
    document.execute(SetField("project", document.project.info.id, "framework", "votes", "v"))
    QApplication.processEvents()
    assert breakdowns(view) == ["缺少票数"] * 3


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_chart_and_the_ranked_list_call_each_quadrant_the_same(qtbot, request, language):
    if language == "zh":  # the list speaks the interface's language, the chart the project's
        request.getfixturevalue("chinese_interface")
    project = Project.new("Quadrants", language=language)
    project.info.framework = "value_effort"
    project.requirements = [  # efforts 1, 1, 9, 9 (and a 0 the threshold leaves out): the median is 5
        Requirement(title="QW", value=8, effort=1),
        Requirement(title="FI", value=2, effort=1),
        Requirement(title="BB", value=9, effort=9),
        Requirement(title="MP", value=3, effort=9),
        Requirement(title="Zero", value=1, effort=0),
    ]
    document = ProjectDocument(project)
    view = RankingView(document)
    chart = value_effort_chart.ValueEffortChart(document)
    qtbot.addWidget(view)
    qtbot.addWidget(chart)
    view.show()  # the ranking is filled while the view is shown
    w = wording(language)
    listed = {row[1]: row[2] for row in rows(view)}
    assert chart.effort_threshold() == prioritisation.effort_threshold(project.requirements) == 5
    for requirement in project.requirements[:4]:
        category = prioritisation.value_effort(requirement, 5, language).category
        word = w[f"score.category.{prioritisation.CATEGORY_KEYS[category]}"]
        assert listed[requirement.title].endswith(word)  # "0.33  money pit"
        assert chart.quadrant_of(requirement.id) == category
        label = value_effort_chart.quadrant_name(w, category)  # the chart's region label
        assert label.lower() == word.lower()
        tip = chart.points_tooltip([chart.point(requirement.id)])
        assert label in tip
    document.close()


def test_no_second_name_for_a_quadrant_is_left_in_the_catalogs():
    from roadmap_desktop.wording import en, zh

    for words in (en.WORDS, zh.WORDS):
        assert not [key for key in words if "time_sink" in key or key.startswith("chart.value_effort.quadrant")]
        assert not [text for text in words.values() if "time sink" in text.lower()]


def test_every_framework_formula_is_in_the_catalog_and_shown_in_chinese(qtbot, qapp, document):
    """The formula under the framework choice stayed English in the Chinese interface."""
    from roadmap_desktop.ui import field_labels

    assert set(field_labels.FRAMEWORK_FORMULAS) == set(prioritisation.FRAMEWORK_FORMULAS.values())
    view = RankingView(document)
    qtbot.addWidget(view)
    view.show()  # the ranking is filled while the view is shown
    try:
        assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.CHINESE
        for framework in prioritisation.FRAMEWORK_FORMULAS:
            document.execute(SetField("project", document.project.info.id, "framework", framework))
            view.refresh()
            shown = view.formula.text()
            assert shown != prioritisation.FRAMEWORK_FORMULAS[framework], framework
            assert any("\u4e00" <= ch <= "\u9fff" for ch in shown), (framework, shown)
    finally:
        i18n.install_translations(qapp, i18n.ENGLISH)
        QCoreApplication.sendPostedEvents()
    view.refresh()
    assert view.formula.text() == prioritisation.FRAMEWORK_FORMULAS[document.project.info.framework]


def test_a_hidden_view_ranks_when_it_is_shown(qtbot, document):
    view = RankingView(document)
    qtbot.addWidget(view)
    assert view.tree.topLevelItemCount() == 0  # a big project opens without ranking for a closed dock
    view.show()
    assert rows(view)[0] == ["1", "Big", "400"]
    view.hide()
    document.execute(SetField("requirement", document.project.requirements[0].id, "title", "Renamed", "Rename"))
    QApplication.processEvents()
    view.show()
    assert "Renamed" in [r[1] for r in rows(view)]
