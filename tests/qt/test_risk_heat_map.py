"""RiskHeatMap: counts per cell, closed risks, clicking filters and clears, repaint on changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from roadmap_desktop.domain.commands import InsertEntity, SetField
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.risk import Risk, exposure_band
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.render.risk_colours import exposure_colour
from roadmap_desktop.ui.editors.risk_heat_map import RiskHeatMap


@pytest.fixture
def document(qtbot):
    project = Project.new("Heat")
    project.risks = [
        Risk(title="Data leak", likelihood=4, impact=5),
        Risk(title="Prompt injection", likelihood=4, impact=5, status="mitigating"),
        Risk(title="GPU prices", likelihood=2, impact=3),
        Risk(title="Old vendor", likelihood=4, impact=5, status="closed"),
        Risk(title="Regulation", likelihood=1, impact=1, status="closed"),
    ]
    doc = ProjectDocument(project)
    yield doc
    doc.close()


@pytest.fixture
def heat_map(qtbot, document):
    widget = RiskHeatMap(document)
    qtbot.addWidget(widget)
    widget.resize(260, 260)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _centre(widget: RiskHeatMap, likelihood: int, impact: int) -> QPoint:
    return widget.cell_rect(likelihood, impact).center().toPoint()


def test_counts_open_risks_per_cell(heat_map):
    counts = heat_map.counts()
    assert len(counts) == 25
    assert counts[(4, 5)] == 2  # the closed one is not counted
    assert counts[(2, 3)] == 1
    assert counts[(1, 1)] == 0
    assert sum(counts.values()) == 3
    assert [r.title for r in heat_map.risks_in(4, 5)] == ["Data leak", "Prompt injection"]


def test_closed_risks_counted_on_request(heat_map, document):
    heat_map.set_include_closed(True)
    assert heat_map.counts()[(4, 5)] == 3
    assert heat_map.counts()[(1, 1)] == 1
    assert heat_map.include_closed_action.isChecked()
    also = RiskHeatMap(document, include_closed=True)
    assert also.counts() == heat_map.counts()
    also.deleteLater()


def test_click_emits_cell_and_second_click_clears(qtbot, heat_map):
    with qtbot.waitSignal(heat_map.cell_clicked) as blocker:
        qtbot.mouseClick(heat_map, Qt.MouseButton.LeftButton, pos=_centre(heat_map, 4, 5))
    assert blocker.args == [4, 5]
    assert heat_map.selected_cell() == (4, 5)
    assert heat_map.show_all_button.isVisible()

    with qtbot.waitSignal(heat_map.cell_clicked) as blocker:
        qtbot.mouseClick(heat_map, Qt.MouseButton.LeftButton, pos=_centre(heat_map, 1, 2))
    assert blocker.args == [1, 2]

    with qtbot.waitSignal(heat_map.filter_cleared):
        qtbot.mouseClick(heat_map, Qt.MouseButton.LeftButton, pos=_centre(heat_map, 1, 2))
    assert heat_map.selected_cell() is None
    assert not heat_map.show_all_button.isVisible()


def test_show_all_and_escape_clear_the_filter(qtbot, heat_map):
    heat_map.select_cell(2, 3)
    with qtbot.waitSignal(heat_map.filter_cleared):
        qtbot.mouseClick(heat_map.show_all_button, Qt.MouseButton.LeftButton)
    heat_map.select_cell(2, 3)
    heat_map.setFocus()
    with qtbot.waitSignal(heat_map.filter_cleared):
        qtbot.keyClick(heat_map, Qt.Key.Key_Escape)


def test_accepts_matches_what_the_cell_counts(heat_map, document):
    ids = {r.title: r.id for r in document.project.risks}
    assert all(heat_map.accepts(i) for i in ids.values())  # nothing selected: everything shows
    heat_map.select_cell(4, 5)
    shown = {title for title, i in ids.items() if heat_map.accepts(i)}
    assert shown == {"Data leak", "Prompt injection"}


def test_follows_project_changes_and_undo(heat_map, document):
    leak = document.project.risks[0]
    document.execute(SetField("risk", leak.id, "likelihood", 1))
    assert heat_map.counts()[(4, 5)] == 1
    assert heat_map.counts()[(1, 5)] == 1
    document.execute(InsertEntity("risk", Risk(title="New", likelihood=5, impact=5)))
    assert heat_map.counts()[(5, 5)] == 1
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert heat_map.counts()[(4, 5)] == 2
    assert heat_map.counts()[(5, 5)] == 0


def test_tooltip_lists_titles_and_exposure(heat_map):
    tip = heat_map.cell_tooltip(4, 5)
    assert "exposure 20 (high)" in tip
    assert "Data leak" in tip and "Prompt injection" in tip and "Old vendor" not in tip


def test_colours_darken_with_exposure():
    lightness = [exposure_colour(e).lightnessF() for e in range(1, 26)]
    assert lightness == sorted(lightness, reverse=True)
    assert [exposure_band(e) for e in (7, 8, 14, 15)] == [0, 1, 1, 2]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(220, 220), (260, 260), (1000, 900)])
def test_paints_at_any_size(qtbot, document, language, size):
    document.project.info.language = language
    widget = RiskHeatMap(document)
    qtbot.addWidget(widget)
    widget.resize(*size)
    image = widget.grab()
    assert not image.isNull()
    assert widget.cell_rect(5, 5).width() > 20
