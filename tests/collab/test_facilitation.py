"""The facilitator's control of a room: read-only enforced by the server (not only in the app), the room's state
announced to every client, presence that speaks for the room refused, and ending the room for everyone."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
import websockets
from pycrdt import Doc, create_awareness_message, create_update_message, write_var_uint
from room_helpers import CODE, add_requirement, client_running, free_port, project_file, room_running, titles, wait_for

from roadmap_desktop.collab.client import RoomClient, RoomEnded, room_url
from roadmap_desktop.collab.facilitation import CLOSE_ENDED, awareness_entries, room_state_of
from roadmap_desktop.persistence.project_file import load_project

pytestmark = pytest.mark.network
KEY = "facilitator-key"


def test_a_read_only_room_refuses_guest_edits_on_the_server_and_says_so(tmp_path: Path) -> None:
    path = project_file(tmp_path)
    lines: list[str] = []

    async def scenario() -> None:
        async with (
            room_running(path, lines, host_key=KEY) as (room, port, _),
            client_running(port, name="guest") as (guest, _),
            client_running(port, key=KEY, name="host") as (host, _),
        ):
            await asyncio.wait_for(asyncio.gather(guest.synced.wait(), host.synced.wait()), 5)
            await wait_for(lambda: guest.room_state == {"read_only": False, "ended": False}, 2)
            states: list[dict] = []
            guest.on_room_state = states.append
            room.set_read_only(True)
            await wait_for(lambda: guest.room_state["read_only"], 1)
            assert states == [{"read_only": True, "ended": False}]
            # A guest that edits anyway (a client that ignores the lock): the room does not take it.
            add_requirement(guest.doc, "sneaked in")
            add_requirement(guest.doc, "and again")
            add_requirement(host.doc, "the facilitator's note")
            await wait_for(lambda: titles(room.shared.doc) == ["the facilitator's note"], 2)
            await wait_for(lambda: "the facilitator's note" in titles(guest.doc), 2)
            await asyncio.sleep(0.3)
            assert "sneaked in" not in titles(room.shared.doc) and "sneaked in" not in titles(host.doc)
            assert [line for line in lines if "read-only" in line and "refused" in line] == [
                "refused an edit from 127.0.0.1: the room is read-only"
            ]  # one line per connection and lock, not one per message
            room.set_read_only(False)
            await wait_for(lambda: not guest.room_state["read_only"], 1)
            add_requirement(guest.doc, "after the lock")
            # The lock held the guest's edits back, it did not lose them: they arrive once the room opens.
            everything = {"the facilitator's note", "sneaked in", "and again", "after the lock"}
            await wait_for(lambda: set(titles(host.doc)) == everything == set(titles(room.shared.doc)), 2)

    asyncio.run(scenario())


def test_read_only_from_the_start_refuses_the_guests_first_sync(tmp_path: Path) -> None:
    """A client that brings edits made elsewhere (its SyncStep2) is refused too, and learns at once it is read-only."""
    path = project_file(tmp_path)

    async def scenario() -> None:
        async with room_running(path, read_only=True, host_key=KEY) as (room, port, _):
            url = room_url(f"127.0.0.1:{port}", CODE)
            doc = Doc()
            add_requirement(doc, "written offline")
            client = RoomClient(url, doc, {"name": "late"})
            task = asyncio.ensure_future(client.run())
            try:
                await asyncio.wait_for(client.synced.wait(), 5)
                await wait_for(lambda: client.room_state["read_only"], 1)
                await asyncio.sleep(0.3)
                assert titles(room.shared.doc) == []
            finally:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    asyncio.run(scenario())


def test_presence_that_speaks_for_the_room_is_dropped(tmp_path: Path) -> None:
    path = project_file(tmp_path)
    lines: list[str] = []

    async def scenario() -> None:
        async with (
            room_running(path, lines, read_only=True, host_key=KEY) as (room, port, _),
            client_running(port) as (a, _),
        ):
            await asyncio.wait_for(a.synced.wait(), 5)
            forged = bytes([1]) + _awareness_update(12345, 99, '{"room": {"read_only": false, "ended": false}}')
            async with websockets.connect(f"ws://127.0.0.1:{port}/room?code={CODE}") as raw:
                await raw.recv()
                await raw.send(forged)
                await raw.send(create_update_message(b"\x00\x00"))  # an empty update: refused, the room is read-only
                await asyncio.sleep(0.3)
            assert room_state_of(a.others()) == {"read_only": True, "ended": False}
            assert any("spoke for the room" in line for line in lines)
            assert any("refused an edit" in line for line in lines) and titles(room.shared.doc) == []

    asyncio.run(scenario())


def test_ending_the_room_tells_every_guest_who_keeps_their_copy(tmp_path: Path) -> None:
    path = project_file(tmp_path)

    async def scenario() -> None:
        async with room_running(path, host_key=KEY) as (room, port, served), client_running(port) as (guest, task):
            await asyncio.wait_for(guest.synced.wait(), 5)
            add_requirement(guest.doc, "keep me")
            await wait_for(lambda: "keep me" in titles(room.shared.doc), 2)
            statuses: list[str] = []
            guest.on_status = statuses.append
            await room.end()
            with pytest.raises(RoomEnded):
                await asyncio.wait_for(task, 5)
            assert statuses[-1] == "ended" and guest.room_state["ended"]
            assert titles(guest.doc) == ["keep me"]  # the replica stays
            await asyncio.wait_for(served, 5)  # the room stopped, after a last save
            assert [r.title for r in load_project(path).project.requirements] == ["keep me"]

    asyncio.run(scenario())


def test_awareness_entries_read_what_yjs_writes() -> None:
    message = bytes([1]) + _awareness_update(7, 3, '{"user": {"name": "Ann"}}')
    assert awareness_entries(message) == [(7, {"user": {"name": "Ann"}})]
    with pytest.raises(ValueError):
        awareness_entries(b"\x01\x05\x01")
    assert CLOSE_ENDED == 4000


def _awareness_update(client_id: int, clock: int, state: str) -> bytes:
    body = write_var_uint(1) + write_var_uint(client_id) + write_var_uint(clock)
    raw = state.encode()
    body += write_var_uint(len(raw)) + raw
    return create_awareness_message(body)[1:]


def test_the_room_command_can_share_read_only(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    path = project_file(tmp_path)
    port = free_port()
    repo = Path(__file__).resolve().parents[2]
    command = [sys.executable, "-m", "roadmap_desktop", "room", str(path), "--port", str(port), "--code", CODE]
    host = subprocess.Popen(
        [*command, "--read-only"],
        cwd=repo,
        env={**os.environ, "PYTHONPATH": str(repo)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    async def scenario() -> None:
        line = await asyncio.get_running_loop().run_in_executor(None, host.stdout.readline)
        assert line.startswith("Sharing room.roadmap live, read-only"), line
        async with client_running(port) as (guest, _):
            await asyncio.wait_for(guest.synced.wait(), 5)
            await wait_for(lambda: guest.room_state["read_only"], 2)
            add_requirement(guest.doc, "not taken")
            await asyncio.sleep(2.5)  # longer than the room takes to save a change
        assert load_project(path).project.requirements == []

    try:
        asyncio.run(scenario())
    finally:
        host.terminate()
        _, errors = host.communicate(timeout=5)
    assert "refused an edit from 127.0.0.1: the room is read-only" in errors
