"""Share Live and Join Live in the app: two sessions on loopback, edits both ways, undo only one's own."""

from __future__ import annotations

import socket

import pytest

from roadmap_desktop.collab.client import room_url
from roadmap_desktop.crdt.project_builder import project_from_shared
from roadmap_desktop.crdt.shared_project import SharedProject
from roadmap_desktop.domain.commands import InsertEntity, SetField
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.live.live_session import LiveSession, fetch_room

pytestmark = pytest.mark.network


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_host_and_guest_edit_together_and_undo_only_their_own(qtbot, tmp_path) -> None:
    project = Project.new("Workshop")
    project.requirements.append(Requirement(title="Search"))
    host_doc = ProjectDocument(project, tmp_path / "w.roadmap")
    port = _port()
    host = LiveSession.host(project, host_doc.path, "123456", "127.0.0.1", port, "Ann")
    guest = None
    try:
        qtbot.waitUntil(lambda: getattr(getattr(host.network.room, "uvicorn", None), "started", False), timeout=5000)
        url = room_url(f"127.0.0.1:{port}", "123456")
        guest_project, problems = project_from_shared(SharedProject.from_update(fetch_room(url)))
        assert problems == [] and [r.title for r in guest_project.requirements] == ["Search"]
        guest_doc = ProjectDocument(guest_project)
        guest = LiveSession(guest_project, url, "Bo")
        presence: list[dict] = []
        host.presence_changed.connect(presence.append)
        # The guest adds a requirement: the host's project gets it within a second.
        guest_doc.execute(InsertEntity("requirement", Requirement(title="Voice notes")))
        qtbot.waitUntil(lambda: [r.title for r in project.requirements] == ["Search", "Voice notes"], timeout=1000)
        # The host renames Search; the guest sees it.
        host_doc.execute(SetField("requirement", project.requirements[0].id, "title", "Full-text search"))
        qtbot.waitUntil(lambda: guest_project.requirements[0].title == "Full-text search", timeout=1000)
        # The guest's undo takes back only the guest's edit.
        guest_doc.undo_stack.undo()
        qtbot.waitUntil(lambda: [r.title for r in project.requirements] == ["Full-text search"], timeout=1000)
        assert guest_project.requirements[0].title == "Full-text search"
        assert host_doc.undo_stack.count() == 1 and guest_doc.undo_stack.count() == 1
        # Presence: the host sees who selected which row.
        guest.select("requirement", guest_project.requirements[0].id)
        qtbot.waitUntil(
            lambda: any(
                (s.get("selection") or {}).get("id") == project.requirements[0].id for p in presence for s in p.values()
            ),
            timeout=2000,
        )
    finally:
        if guest is not None:
            guest.close()
        host.close()
