"""Timeline tab: Auto-schedule is one undo step, a cycle is named, the forecast follows edits."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from roadmap_desktop.domain.commands import SetField
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.main_window import MainWindow

START = dt.date(2027, 1, 4)


def roadmap() -> Project:
    project = Project.new("Forecast me")
    lane = project.lanes[0].id
    a = TimelineItem(title="Build", lane_id=lane, start=START, duration_days=10)
    b = TimelineItem(title="Test", lane_id=lane, start=START, duration_days=5, depends_on=[a.id])
    launch = TimelineItem(title="Launch", lane_id=lane, start=START, duration_days=0, milestone=True, depends_on=[b.id])
    project.items = [a, b, launch]
    project.risks = [Risk(title="Slip", likelihood=3, impact=3, delay_days=5, item_ids=[a.id])]
    return project


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    win = MainWindow(Settings(tmp_path / "settings.json"), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    win.warnings = warnings
    yield win
    QThreadPool.globalInstance().waitForDone(10_000)


def open_project(qtbot, win, project, signal="forecast_ready"):
    document = ProjectDocument(project)
    win.set_document(document)  # the panel is new: wait for its first forecast
    with qtbot.waitSignal(getattr(win.timeline_page.forecast_panel, signal), timeout=20_000) as ready:
        pass
    return ready


def test_auto_schedule_is_one_undo_step_and_highlights_the_critical_path(qtbot, window):
    project = roadmap()
    open_project(qtbot, window, project)
    with qtbot.waitSignal(window.timeline_page.forecast_panel.forecast_ready, timeout=20_000) as ready:
        window.schedule_action.trigger()
    starts = [item.start for item in project.items]
    assert starts == [START, START + dt.timedelta(days=10), START + dt.timedelta(days=15)]
    plan, outlook = ready.args
    assert list(plan.critical_path) == [item.id for item in project.items]
    launch = project.items[2].id
    p = outlook.milestones[launch]
    assert p.p50 <= p.p80 <= p.p90
    assert "Launch" in window.timeline_page.forecast_panel.milestones.topLevelItem(1).text(0)
    assert window.timeline_page.forecast_panel.milestones.topLevelItem(1).text(2) == p.p80.isoformat()
    window.undo_action.trigger()
    assert [item.start for item in project.items] == [START, START, START]


def test_moving_an_item_moves_the_forecast(qtbot, window):
    project = roadmap()
    open_project(qtbot, window, project)
    with qtbot.waitSignal(window.timeline_page.forecast_panel.forecast_ready, timeout=20_000) as first:
        window.schedule_action.trigger()
    launch = project.items[2].id
    before = first.args[1].milestones[launch].p80
    build = project.items[0]
    # Moved by hand, not pinned: the forecast follows the roadmap as drawn.
    with qtbot.waitSignal(window.timeline_page.forecast_panel.forecast_ready, timeout=20_000) as second:
        window.document.execute(SetField("item", build.id, "start", START + dt.timedelta(days=14), "Move"))
    assert second.args[1].milestones[launch].p80 == before + dt.timedelta(days=14)
    # Test and Launch are still drawn where they were, before Build now ends: the panel says so.
    assert "“Test” starts before “Build” ends" in window.timeline_page.forecast_panel.roadmap_label.text()
    with qtbot.waitSignal(window.timeline_page.forecast_panel.forecast_ready, timeout=20_000) as third:
        window.undo_action.trigger()
    assert third.args[1].milestones[launch].p80 == before
    assert "starts before" not in window.timeline_page.forecast_panel.roadmap_label.text()
    window.editors["item"].select_id(build.id)
    assert (
        "Build" in window.timeline_page.forecast_panel.item_label.text()
        and "1 linked risk" in window.timeline_page.forecast_panel.item_label.text()
    )


def test_a_dependency_cycle_is_named_and_nothing_moves(qtbot, window):
    project = roadmap()
    a, b, _launch = project.items
    a.depends_on = [b.id]
    open_project(qtbot, window, project, "forecast_failed")
    window.schedule_action.trigger()
    assert len(window.warnings) == 1
    assert "dependency cycle: Build → Test → Build" in window.warnings[0]
    assert [item.start for item in project.items] == [START, START, START]
    assert "dependency cycle" in window.timeline_page.forecast_panel.roadmap_label.text()
