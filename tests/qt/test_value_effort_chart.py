"""ValueEffortChart: quadrants, dragging a point is one undo step, points missing data are counted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from roadmap_desktop.domain.commands import SetField
from roadmap_desktop.domain.prioritisation import BIG_BET, FILL_IN, MONEY_PIT, QUICK_WIN, quadrant
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.editors.value_effort_chart import ValueEffortChart


@pytest.fixture
def document(qtbot):
    project = Project.new("Chart")
    project.requirements = [
        Requirement(title="Chat answers with sources", value=8, effort=2),
        Requirement(title="Fine-tune on customer data", value=7, effort=12),
        Requirement(title="Dark mode", value=2, effort=1),
        Requirement(title="Custom report builder", value=3, effort=10),
        Requirement(title="Billing", value=6),  # no effort
        Requirement(title="Admin console", effort=4),  # no value
        Requirement(title="SSO"),  # neither
    ]
    doc = ProjectDocument(project)
    yield doc
    doc.close()


@pytest.fixture
def chart(qtbot, document):
    widget = ValueEffortChart(document)
    qtbot.addWidget(widget)
    widget.resize(700, 480)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _ids(document) -> dict[str, str]:
    return {r.title: r.id for r in document.project.requirements}


def test_quadrant_rule():
    assert quadrant(5, 3, 3) == QUICK_WIN  # a value of 5 is high, effort at the median is low
    assert quadrant(9, 3.5, 3) == BIG_BET
    assert quadrant(4.5, 0, 3) == FILL_IN
    assert quadrant(0, 8, 3) == MONEY_PIT


def test_plots_complete_points_and_counts_the_rest(chart, document):
    ids = _ids(document)
    assert chart.plotted_ids() == [ids[t] for t in ("Chat answers with sources", "Fine-tune on customer data")] + [
        ids["Dark mode"],
        ids["Custom report builder"],
    ]
    assert chart.missing_count() == 3
    assert chart.missing_ids() == [ids["Billing"], ids["Admin console"], ids["SSO"]]
    text = chart.missing_label.text()
    assert "3 requirements have no value or effort" in text
    assert "Billing" in text and "Admin console" in text and "SSO" in text
    assert chart.effort_threshold() == 6  # median of 1, 2, 10, 12
    assert chart.quadrant_of(ids["Chat answers with sources"]) == QUICK_WIN
    assert chart.quadrant_of(ids["Fine-tune on customer data"]) == BIG_BET
    assert chart.quadrant_of(ids["Dark mode"]) == FILL_IN
    assert chart.quadrant_of(ids["Custom report builder"]) == MONEY_PIT


def test_missing_count_follows_edits_and_undo(chart, document):
    ids = _ids(document)
    document.execute(SetField("requirement", ids["Billing"], "effort", 3.0))
    assert chart.missing_count() == 2
    assert ids["Billing"] in chart.plotted_ids()
    document.undo_stack.undo()
    assert chart.missing_count() == 3


def test_clicking_a_point_selects_it(qtbot, chart, document):
    target = _ids(document)["Dark mode"]
    with qtbot.waitSignal(chart.requirement_selected) as blocker:
        qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton, pos=chart.point_position(target).toPoint())
    assert blocker.args == [target]
    assert chart.selected_id() == target
    assert document.undo_stack.count() == 0  # a click changes nothing


def test_missing_link_selects_the_requirement(qtbot, chart, document):
    target = _ids(document)["Admin console"]
    with qtbot.waitSignal(chart.requirement_selected) as blocker:
        chart.missing_label.linkActivated.emit(target)
    assert blocker.args == [target]


def test_drag_changes_value_and_effort_in_one_undo_step(qtbot, chart, document):
    requirement = document.project.requirements[2]  # Dark mode: value 2, effort 1
    start = chart.point_position(requirement.id)
    goal = chart.canvas.to_screen(3.26, 7.8)  # snaps to effort 3.5, value 8
    canvas = chart.canvas

    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start.toPoint())
    for fraction in (0.25, 0.5, 0.75, 1.0):
        step = start + (goal - start) * fraction
        qtbot.mouseMove(canvas, pos=QPoint(round(step.x()), round(step.y())))
    assert canvas.drag_preview is not None  # the point follows the mouse before anything is committed
    assert (requirement.value, requirement.effort) == (2, 1)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(goal.x()), round(goal.y())))

    assert (requirement.value, requirement.effort) == (8.0, 3.5)
    assert document.undo_stack.count() == 1
    assert "value / effort chart" in document.undo_stack.undoText()
    assert chart.selected_id() == requirement.id
    assert chart.point_position(requirement.id).x() == pytest.approx(canvas.to_screen(3.5, 8).x())

    document.undo_stack.undo()
    assert (requirement.value, requirement.effort) == (2, 1)
    document.undo_stack.redo()
    assert (requirement.value, requirement.effort) == (8.0, 3.5)


def test_drag_is_clamped_to_the_axes(qtbot, chart, document):
    requirement = document.project.requirements[0]
    start = chart.point_position(requirement.id).toPoint()
    canvas = chart.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, pos=start + QPoint(-40, -40))
    qtbot.mouseMove(canvas, pos=QPoint(-50, -50))  # beyond the top-left corner
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(-50, -50))
    assert (requirement.value, requirement.effort) == (10.0, 0.0)
    assert document.undo_stack.count() == 1


def test_arrow_keys_nudge_the_selected_point(qtbot, chart, document):
    requirement = document.project.requirements[0]
    chart.set_selected_id(requirement.id)
    chart.canvas.setFocus()
    qtbot.keyClick(chart.canvas, Qt.Key.Key_Up)
    qtbot.keyClick(chart.canvas, Qt.Key.Key_Right)
    assert (requirement.value, requirement.effort) == (8.5, 2.5)
    assert document.undo_stack.count() == 2


def test_tooltip_has_full_title(chart, document):
    point = chart.point(_ids(document)["Fine-tune on customer data"])
    tip = chart.points_tooltip([point])
    assert "Fine-tune on customer data" in tip and "Big bet" in tip


def test_empty_and_chinese_projects_paint(qtbot):
    project = Project.new("空", language="zh")
    project.requirements = [Requirement(title="离线模式", value=9, effort=0.5), Requirement(title="计费")]
    document = ProjectDocument(project)
    widget = ValueEffortChart(document)
    qtbot.addWidget(widget)
    for size in ((300, 240), (1400, 900)):
        widget.resize(*size)
        assert not widget.grab().isNull()
    assert widget.missing_count() == 1
    empty = ValueEffortChart(ProjectDocument(Project.new("None")))
    qtbot.addWidget(empty)
    assert empty.plotted_ids() == [] and empty.effort_threshold() is None
    assert not empty.grab().isNull()
    assert isinstance(widget.canvas.to_data(QPointF(0, 0)), tuple)
    document.close()
