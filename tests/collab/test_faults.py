"""Faults a workshop meets: a client's network gone for 100 edits, bad codes again and again, malformed messages.
(The host killed with SIGKILL and restarted from its file is in test_room.py.)"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import websockets
from pycrdt import Doc, Map
from room_helpers import (
    CODE,
    CuttableLink,
    add_requirement,
    client_running,
    project_file,
    room_running,
    titles,
    wait_for,
)

from roadmap_desktop.collab.room_server import MAX_BAD_CODES, CodeGuard
from roadmap_desktop.crdt.project_builder import project_from_shared
from roadmap_desktop.crdt.shared_project import SharedProject
from roadmap_desktop.persistence.project_file import load_project

pytestmark = pytest.mark.network


def _votes(doc: Doc) -> dict[str, int]:
    project = project_from_shared(SharedProject(doc))[0]
    return {r.title: r.votes or 0 for r in project.requirements}


def test_a_client_offline_for_100_edits_merges_every_one_on_reconnect(tmp_path: Path) -> None:
    """The network goes (the client is not told: its connection just dies), 100 edits are made on each side,
    the network comes back: the client's own retry brings both sides to the same project, nothing lost."""
    path = project_file(tmp_path)

    async def scenario() -> None:
        async with room_running(path) as (room, port, _), client_running(port) as (online, _):
            link = CuttableLink(port)
            await link.restore()
            async with client_running(link.port) as (roaming, _):
                await asyncio.wait_for(asyncio.gather(online.synced.wait(), roaming.synced.wait()), 5)
                add_requirement(online.doc, "shared idea")
                await wait_for(lambda: titles(roaming.doc) == ["shared idea"], 2)
                await link.cut()
                await wait_for(lambda: not roaming.online.is_set(), 3)
                shared_id = SharedProject(roaming.doc).read()[1]["requirement"][0]["id"]
                entity = roaming.doc.get("requirements", type=Map)[shared_id]
                for n in range(50):  # 100 edits offline: 50 new ideas, 50 vote changes
                    add_requirement(roaming.doc, f"offline {n}")
                    entity["votes"] = float(n + 1)
                for n in range(100):
                    add_requirement(online.doc, f"in the room {n}")
                await link.restore()
                expected = {
                    "shared idea",
                    *(f"offline {n}" for n in range(50)),
                    *(f"in the room {n}" for n in range(100)),
                }
                await wait_for(lambda: set(titles(room.shared.doc)) == expected, 10)
                await wait_for(lambda: _votes(online.doc) == _votes(roaming.doc) == _votes(room.shared.doc), 5)
                assert _votes(online.doc)["shared idea"] == 50
                await wait_for(lambda: set(_file_titles(path)) == expected, 3)
            await link.cut()

    asyncio.run(scenario())


def test_an_address_guessing_codes_is_refused_for_the_rest_of_the_minute(tmp_path: Path) -> None:
    guard = CodeGuard("424242")
    for _ in range(MAX_BAD_CODES):
        assert guard.allows("000000", "10.0.0.9") == (False, "wrong join code")
    allowed, why = guard.allows("424242", "10.0.0.9")  # even the right code, for now
    assert not allowed and "too many wrong codes" in why
    assert guard.allows("424242", "10.0.0.10") == (True, "")  # another address is not held back
    path = project_file(tmp_path)
    lines: list[str] = []

    async def scenario() -> None:
        async with room_running(path, lines) as (_room, port, _):
            for code in ("1", "", "x" * 100, "%00%ff", "424243"):
                with pytest.raises(websockets.exceptions.InvalidStatus):
                    await websockets.connect(f"ws://127.0.0.1:{port}/room?code={code}")
            async with client_running(port) as (client, _):
                await asyncio.wait_for(client.synced.wait(), 5)
            assert len(lines) == 5 and all(line.startswith("refused 127.0.0.1:") for line in lines)

    asyncio.run(scenario())


MALFORMED = [
    pytest.param(b"", id="empty"),
    pytest.param("text, not binary", id="text-frame"),
    pytest.param(b"\x00", id="sync-without-step"),
    pytest.param(b"\x00\x01\x05ab", id="sync-step2-cut-short"),
    pytest.param(b"\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", id="state-vector-overflow"),
    pytest.param(b"\x01\x03\x01\x02", id="awareness-cut-short"),
    pytest.param(b"\x07\x00", id="unknown-type"),
    pytest.param(bytes(range(256)) * 64, id="noise"),
]


@pytest.mark.parametrize("message", MALFORMED)
def test_a_malformed_message_costs_at_most_one_log_line_and_the_room_serves_on(tmp_path: Path, message) -> None:
    path = project_file(tmp_path)
    lines: list[str] = []

    async def scenario() -> None:
        async with room_running(path, lines) as (room, port, _), client_running(port) as (client, _):
            await asyncio.wait_for(client.synced.wait(), 5)
            async with websockets.connect(f"ws://127.0.0.1:{port}/room?code={CODE}") as raw:
                await raw.recv()
                await raw.send(message)
                await asyncio.sleep(0.2)
                add_requirement(client.doc, "still served")
                await wait_for(lambda: "still served" in titles(room.shared.doc), 2)
            assert len(lines) <= 1, lines
            assert all("malformed" in line for line in lines), lines

    asyncio.run(scenario())


def _file_titles(path: Path) -> list[str]:
    try:
        return [r.title for r in load_project(path).project.requirements]
    except Exception:
        return []
