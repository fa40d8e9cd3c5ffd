"""Qt item models: qtmodeltester, edits through setData become undoable commands."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from roadmap_desktop.domain.commands import InsertEntity, SetField
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.qtmodels.entity_table_model import EntityTableModel
from roadmap_desktop.render.risk_colours import exposure_colour


@pytest.fixture
def document(qtbot):
    project = Project.new("Test")
    lane = project.lanes[0].id
    project.requirements += [Requirement(title="Chat answers", effort=3, tags=["cs"]), Requirement(title="Search")]
    project.items += [
        TimelineItem(title="Collect data", lane_id=lane, start=dt.date(2026, 1, 5), duration_days=10),
        TimelineItem(title="Launch", lane_id=lane, milestone=True, duration_days=0),
    ]
    project.risks += [Risk(title="Data leak", likelihood=4, impact=5), Risk(title="Cost", likelihood=2)]
    project.requirements[0].risk_ids = [project.risks[0].id]
    doc = ProjectDocument(project)
    yield doc
    doc.close()


@pytest.mark.parametrize("kind", ["requirement", "item", "risk", "lane"])
def test_models_pass_qtmodeltester(qtmodeltester, document, kind):
    model = EntityTableModel(document, kind)
    qtmodeltester.check(model, force_py=True)
    # and after the model changes under it
    entity = {"requirement": Requirement, "item": TimelineItem, "risk": Risk, "lane": None}[kind]
    if entity is not None:
        document.execute(InsertEntity(kind, entity(), 0))
        qtmodeltester.check(model, force_py=True)
    model.detach()


def _column(model: EntityTableModel, header: str) -> int:
    return [c.header for c in model.columns].index(header)


def test_set_data_is_undoable(document):
    model = EntityTableModel(document, "requirement")
    index = model.index(0, _column(model, "Title"))
    assert model.setData(index, "Chat answers v2")
    assert document.project.requirements[0].title == "Chat answers v2"
    assert document.is_modified()
    document.undo_stack.undo()
    assert document.project.requirements[0].title == "Chat answers"
    assert not document.is_modified()
    document.undo_stack.redo()
    assert model.data(index) == "Chat answers v2"
    model.detach()


def test_invalid_value_is_reported_and_changes_nothing(document):
    errors: list[str] = []
    model = EntityTableModel(document, "risk", errors.append)
    index = model.index(0, _column(model, "Likelihood"))
    assert not model.setData(index, "9")
    assert document.project.risks[0].likelihood == 4
    assert errors and "Likelihood" in errors[0] and "at most 5" in errors[0]
    assert document.undo_stack.count() == 0
    model.detach()


def test_exposure_and_end_columns(document):
    risks = EntityTableModel(document, "risk")
    assert risks.data(risks.index(0, _column(risks, "Exposure"))) == "20"
    items = EntityTableModel(document, "item")
    end = items.index(0, _column(items, "End"))
    assert items.data(end) == "2026-01-14"
    assert items.setData(end, dt.date(2026, 1, 20))
    assert document.project.items[0].duration_days == 16
    errors: list[str] = []
    items._on_error = errors.append
    # A milestone is one day, whatever its duration says: its end is its date, and editing it moves it.
    launch = document.project.items[1]
    launch_end = items.index(1, _column(items, "End"))
    assert items.setData(launch_end, dt.date(2026, 1, 20))
    assert launch.start == dt.date(2026, 1, 20) and items.data(launch_end) == "2026-01-20"
    document.execute(SetField("item", launch.id, "duration_days", 3))
    assert items.data(launch_end) == "2026-01-20"
    document.execute(SetField("item", launch.id, "milestone", False))
    document.execute(SetField("item", launch.id, "start", None))
    assert not items.setData(launch_end, dt.date(2026, 1, 20))
    assert "start date" in errors[0]
    risks.detach()
    items.detach()


def test_exposure_cell_takes_the_heat_map_colour_with_readable_text(document):
    """The table had its own three pastel colours; it now shows the heat map's colour for each exposure."""
    risks = EntityTableModel(document, "risk")
    column = _column(risks, "Exposure")
    for row, exposure, ink in (
        (0, 20, "#ffffff"),
        (1, 6, "#1f2933"),
    ):  # 4 x 5 is dark red, 2 x 3 pale yellow (ink: render.ink.INK)
        index = risks.index(row, column)
        background = risks.data(index, Qt.ItemDataRole.BackgroundRole).color()
        assert background == exposure_colour(exposure)
        assert risks.data(index, Qt.ItemDataRole.ForegroundRole).color() == QColor(ink)
    document.execute(SetField("risk", document.project.risks[0].id, "likelihood", 1))
    assert risks.data(risks.index(0, column), Qt.ItemDataRole.BackgroundRole).color() == exposure_colour(5)
    risks.detach()


def test_check_state_and_lists(document):
    items = EntityTableModel(document, "item")
    milestone = items.index(0, _column(items, "Milestone"))
    assert items.setData(milestone, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert document.project.items[0].milestone is True
    reqs = EntityTableModel(document, "requirement")
    tags = reqs.index(1, _column(reqs, "Tags"))
    assert reqs.setData(tags, "search; mvp ; search")
    assert document.project.requirements[1].tags == ["search", "mvp"]
    items.detach()
    reqs.detach()
