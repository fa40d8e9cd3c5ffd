"""The guided workshop in the real main window: View > Guided Workshop, six steps that open the
right tab, dock and action, dot votes from three voters, presenter view following the steps."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from roadmap_desktop.domain.voting import VotingSession, apply_command
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.persistence.template_file import load_template
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.main_window import MainWindow
from roadmap_desktop.ui.workshop.flow import WorkshopWindow


def test_guided_workshop_end_to_end_in_the_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow(Settings(tmp_path / "s.json"), RecoveryStore(tmp_path / "r"))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert isinstance(win, WorkshopWindow)
    project = load_template("customer_service", "zh", today=dt.date(2025, 3, 3))
    win.set_document(ProjectDocument(project))
    assert win.workshop_bar.language == "en"  # the interface's language, not the project's
    win.workshop_action.trigger()
    assert win.workshop_toolbar.isVisible()
    calls = []
    monkeypatch.setattr(win, "edit_properties", lambda: calls.append("props"))
    monkeypatch.setattr(win, "show_voting", lambda: calls.append("vote"))
    monkeypatch.setattr(win, "export_pdf", lambda: calls.append("pdf"))
    win.workshop_bar.offer_button.click()
    win.workshop_bar.next_step()
    assert win.assistant_dock.isVisible() and win.assistant.task_name() == "requirements"
    assert win.tabs.currentIndex() == 0
    win.workshop_bar.next_step()
    assert win.prioritisation_dock.isVisible()
    win.workshop_bar.offer_button.click()
    session = VotingSession.for_project(project, ["王芳", "李雷", "Sam"], 3)
    ids = [r.id for r in project.requirements]
    for voter in session.voters:
        for i in range(3):
            session.vote(voter, ids[i])
    win.document.execute(apply_command(project, session, switch_framework=True))
    win.presenter_action.trigger()
    assert win.presenter is not None and win.presenter.isVisible()
    assert win.presenter.page_key() == "ranking"
    win.workshop_bar.next_step()
    assert win.tabs.currentIndex() == 1 and win.presenter.page_key() == "timeline"
    win.workshop_bar.offer_button.click()  # auto-schedule, real
    win.workshop_bar.next_step()
    assert win.tabs.currentIndex() == 2 and win.presenter.page_key() == "risks"
    win.workshop_bar.next_step()
    win.workshop_bar.offer_button.click()
    assert calls == ["props", "vote", "pdf"]
    assert win.document.undo_stack.count() >= 1  # the votes, one step (the template needs no rescheduling)
    win.presenter.close()
    assert not win.presenter.isVisible()
    win.presenter_action.trigger()
    assert win.presenter.isVisible()
    win.toggle_presenter()
    assert not win.presenter.isVisible()


def test_on_a_short_screen_the_assistant_scrolls_to_its_suggestions(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow(Settings(tmp_path / "s.json"), RecoveryStore(tmp_path / "r"))
    qtbot.addWidget(win)
    win.resize(1366, 700)  # a laptop screen with the workshop bar shown
    win.show()
    qtbot.waitExposed(win)
    win.workshop_action.trigger()
    win.assistant.settings_toggle.setChecked(True)
    scroll = win.assistant_scroll
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # scrolls instead of clipping the suggestions
    assert scroll.horizontalScrollBar().maximum() == 0  # never sideways
    win.assistant.generation_done.emit()
    review = win.assistant.review_box
    top = review.mapTo(scroll.viewport(), review.rect().topLeft()).y()
    assert bar.value() > 0 and 0 <= top < scroll.viewport().height()
