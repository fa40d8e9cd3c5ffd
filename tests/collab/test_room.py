"""The live room on loopback: the Yjs sync protocol through pycrdt's Provider, the join code, dropped
clients, and a host killed with SIGKILL and restarted from its file."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import websockets
from pycrdt import Doc
from room_helpers import (
    CODE,
    add_requirement,
    client_running,
    free_port,
    lane_ids,
    project_file,
    room_running,
    titles,
    wait_for,
)

from roadmap_desktop.collab.client import RoomRefused
from roadmap_desktop.persistence.project_file import load_project

pytestmark = pytest.mark.network
REPO = Path(__file__).resolve().parents[2]


def test_an_edit_on_one_client_reaches_the_other_within_a_second(tmp_path: Path) -> None:
    path = project_file(tmp_path)

    async def scenario() -> None:
        async with (
            room_running(path) as (_room, port, _),
            client_running(port) as (a, _),
            client_running(port) as (b, _),
        ):
            await asyncio.wait_for(asyncio.gather(a.synced.wait(), b.synced.wait()), 5)
            assert len(titles(b.doc)) == 0 and len(lane_ids(b.doc)) == 8
            add_requirement(a.doc, "Voice input")
            seconds = await wait_for(lambda: titles(b.doc) == ["Voice input"], 1.0)
            assert seconds < 1.0
            # Presence: each sees the other's name and selection.
            a.set_presence(selection={"kind": "requirement", "id": "x"})
            await wait_for(lambda: any(s.get("selection", {}).get("id") == "x" for s in b.others().values()), 1.0)
            # The host saves within 2 s of the change.
            await wait_for(lambda: [r.title for r in load_project(path).project.requirements] == ["Voice input"], 2.0)

    asyncio.run(scenario())


def test_a_wrong_or_missing_code_is_refused_before_any_document_data(tmp_path: Path) -> None:
    path = project_file(tmp_path)

    async def scenario() -> None:
        async with room_running(path) as (_room, port, _):
            for code in ("000000", ""):
                async with client_running(port, code) as (client, task):
                    with pytest.raises(RoomRefused):
                        await asyncio.wait_for(task, 5)
                    assert client.doc.get_state() == Doc().get_state()  # nothing received
            url = f"ws://127.0.0.1:{port}/room?code=bad"
            with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
                await websockets.connect(url)
            assert refused.value.response.status_code == 403

    asyncio.run(scenario())


def test_a_malformed_message_is_logged_in_one_line_and_the_room_serves_on(tmp_path: Path) -> None:
    path = project_file(tmp_path)

    async def scenario() -> None:
        async with room_running(path) as (room, port, _):
            lines: list[str] = []
            room.log = lines.append
            async with websockets.connect(f"ws://127.0.0.1:{port}/room?code={CODE}") as raw:
                await raw.recv()  # the room's first sync step
                await raw.send(b"\x00\x02\xff\xff\xff\xff\xff")  # an update that is no update
                await asyncio.sleep(0.2)
            async with client_running(port) as (client, _):
                await asyncio.wait_for(client.synced.wait(), 5)
                add_requirement(client.doc, "still works")
                await wait_for(lambda: "still works" in titles(room.shared.doc), 1)
            assert len(lines) == 1 and "malformed" in lines[0]

    asyncio.run(scenario())


def test_a_client_that_drops_keeps_editing_and_merges_on_reconnect(tmp_path: Path) -> None:
    path = project_file(tmp_path)

    async def scenario() -> None:
        async with room_running(path) as (_room, port, _), client_running(port) as (b, _):
            doc = Doc()
            async with client_running(port, doc=doc) as (a, _):
                await asyncio.wait_for(asyncio.gather(a.synced.wait(), b.synced.wait()), 5)
            for n in range(20):  # offline now
                add_requirement(doc, f"offline idea {n}")
            add_requirement(b.doc, "said in the room")
            async with client_running(port, doc=doc) as (a, _):
                await wait_for(lambda: len(titles(b.doc)) == 21 and len(titles(a.doc)) == 21, 3)
                assert sorted(titles(a.doc)) == sorted(titles(b.doc))

    asyncio.run(scenario())


def _start_host(path: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "roadmap_desktop", "room", str(path), "--port", str(port), "--code", CODE]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


async def _until_listening(process: subprocess.Popen) -> None:
    line = await asyncio.get_running_loop().run_in_executor(None, process.stdout.readline)
    assert line.startswith("Sharing"), line


@pytest.mark.slow
def test_host_killed_and_restarted_from_its_file_loses_no_edit(tmp_path: Path) -> None:
    path = project_file(tmp_path)
    port = free_port()

    async def scenario() -> None:
        host = _start_host(path, port)
        try:
            await _until_listening(host)
            async with client_running(port) as (a, _):
                await asyncio.wait_for(a.synced.wait(), 10)
                add_requirement(a.doc, "before the crash")
                await wait_for(lambda: "before the crash" in _file_titles(path), 3)
                add_requirement(a.doc, "just before the crash")
                await asyncio.sleep(0.05)
                host.send_signal(signal.SIGKILL)
                host.wait(5)
                host.stdout.close()
                add_requirement(a.doc, "while the host is down")
                host = _start_host(path, port)
                await _until_listening(host)
                async with client_running(port) as (b, _):
                    expected = {"before the crash", "just before the crash", "while the host is down"}
                    await wait_for(lambda: set(titles(b.doc)) == expected, 5)
                    await wait_for(lambda: set(_file_titles(path)) == expected, 3)
        finally:
            host.kill()
            host.wait(5)
            host.stdout.close()

    asyncio.run(scenario())


def _file_titles(path: Path) -> list[str]:
    try:
        return [r.title for r in load_project(path).project.requirements]
    except Exception:
        return []
