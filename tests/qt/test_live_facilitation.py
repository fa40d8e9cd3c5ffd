"""The facilitator in the app: Share Live, a guest joins, Lock editing makes the guest's editors read-only with a
banner (the room refuses edits too), the presenter shows who joined and the votes, End Room leaves the guest
their own copy."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMessageBox

from roadmap_desktop.domain.commands import InsertEntity, SetField
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.project_file import load_project, save_project
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui.live import live_actions
from roadmap_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.network


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _window(qtbot, home):
    window = MainWindow(Settings(home / "settings.json"), RecoveryStore(home / "recovery"))
    qtbot.addWidget(window)
    window.show()
    return window


class _NoDialog:
    """Share Live's address and QR code dialog, not shown: a test must never block on a modal dialog."""

    def __init__(self, *_args) -> None:
        pass

    def exec(self) -> int:
        return 0


def _titles(window) -> list[str]:
    return [r.title for r in window.document.project.requirements]


def test_lock_editing_and_end_the_room(qtbot, tmp_path, monkeypatch) -> None:
    project = Project.new("Workshop")
    project.requirements.append(Requirement(title="Search", votes=3))
    path = tmp_path / "workshop.roadmap"
    save_project(project, path)
    (tmp_path / "host").mkdir()
    (tmp_path / "guest").mkdir()
    host = _window(qtbot, tmp_path / "host")
    guest = _window(qtbot, tmp_path / "guest")
    assert host.files.open_path(path)
    port = _port()
    monkeypatch.setattr(live_actions, "new_code", lambda: "123456")
    monkeypatch.setattr(live_actions, "ShareLiveDialog", _NoDialog)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    answers = iter([("127.0.0.1", True), (f"127.0.0.1:{port}", True), ("123456", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (port, True))
    monkeypatch.setattr(host.live, "_name", lambda: "Ann")
    monkeypatch.setattr(guest.live, "_name", lambda: "Bo")
    try:
        host.live.share()
        qtbot.waitUntil(lambda: getattr(getattr(host.live.session.network.room, "uvicorn", None), "started", False))
        guest.live.join()
        assert guest.live.session is not None and _titles(guest) == ["Search"]
        host.show_presenter()
        presenter = host.presenter
        qtbot.waitUntil(lambda: presenter.live is not None and presenter.live.names == ("Bo",), timeout=3000)

        # The facilitator locks editing: the guest's editors turn read-only and a banner says why.
        host.live.panel.lock_box.setChecked(True)
        qtbot.waitUntil(lambda: bool(guest.document.read_only), timeout=2000)
        banner = guest.live.banner
        assert banner.isVisible() and "locked editing" in banner.label.text()
        table = guest.editors["requirement"].table
        assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
        assert not guest.undo_action.isEnabled()
        # Add, Duplicate and Delete (the table's buttons and Edit's menu) and the other edit actions are disabled.
        editor = guest.editors["requirement"]
        editor.select_ids([project.requirements[0].id])
        assert not any(a.isEnabled() for a in (editor.add_action, editor.duplicate_action, editor.delete_action))
        window_edits = (guest.add_action, guest.delete_action, guest.lanes_action, guest.library_action)
        window_edits += (guest.voting_action,)  # recording dot votes is an edit too
        assert not any(a.isEnabled() for a in (*window_edits, guest.properties_action, guest.merge_action))
        assert host.editors["requirement"].add_action.isEnabled() and host.add_action.isEnabled()
        guest.document.execute(InsertEntity("requirement", Requirement(title="refused")))
        assert _titles(guest) == ["Search"] and "locked" in guest.statusBar().currentMessage()
        assert presenter.live.read_only
        assert not host.live.banner.isVisible()  # the facilitator edits on
        host.document.execute(SetField("requirement", project.requirements[0].id, "title", "Full-text search"))
        qtbot.waitUntil(lambda: _titles(guest) == ["Full-text search"], timeout=2000)
        image = presenter.grab().toImage()
        assert not image.isNull()

        # Unlocked: the guest edits again, and the host sees it.
        host.live.panel.lock_box.setChecked(False)
        qtbot.waitUntil(lambda: not guest.document.read_only, timeout=2000)
        assert table.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers and not banner.isVisible()
        assert all(a.isEnabled() for a in (editor.add_action, editor.duplicate_action, editor.delete_action))
        assert all(a.isEnabled() for a in window_edits)
        guest.document.execute(InsertEntity("requirement", Requirement(title="Voice notes", votes=2)))
        qtbot.waitUntil(lambda: _titles(host) == ["Full-text search", "Voice notes"], timeout=2000)

        # End Room: the guest keeps the project as its own copy, to save; the host's file is saved.
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        host.live.panel.end_button.click()
        qtbot.waitUntil(lambda: guest.live.session is None and host.live.session is None, timeout=5000)
        assert "room has ended" in banner.label.text() and banner.isVisible()
        assert guest.document.is_modified() and _titles(guest) == ["Full-text search", "Voice notes"]
        guest.document.execute(InsertEntity("requirement", Requirement(title="mine now")))
        assert _titles(guest)[-1] == "mine now"
        assert [r.title for r in load_project(path).project.requirements] == ["Full-text search", "Voice notes"]
        assert presenter.live is None
    finally:
        for window in (guest, host):
            window.live.leave()
