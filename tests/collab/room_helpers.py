"""Shared by the room tests: free loopback ports, waiting for a condition, editing a client's replica."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import Callable
from pathlib import Path

from roadmap_desktop.collab.client import RoomClient, RoomRefused, room_url
from roadmap_desktop.collab.room_server import Room
from roadmap_desktop.crdt.project_builder import project_from_shared
from roadmap_desktop.crdt.shared_project import SharedProject
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.project_file import load_project, save_project

CODE = "424242"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def wait_for(condition: Callable[[], bool], timeout: float) -> float:
    """Seconds until ``condition()`` held; AssertionError after ``timeout``."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout} s")
        await asyncio.sleep(0.01)
    return time.monotonic() - start


def titles(shared_doc) -> list[str]:
    project, _ = project_from_shared(SharedProject(shared_doc))
    return [r.title for r in project.requirements]


def lane_ids(shared_doc) -> list[str]:
    return list(SharedProject(shared_doc).orders["lane"].to_py() or [])


def add_requirement(shared_doc, title: str) -> None:
    shared = SharedProject(shared_doc)
    project: Project = project_from_shared(shared)[0]
    project.requirements.append(Requirement(title=title))
    shared.write_project(project)


class CuttableLink:
    """A TCP relay on loopback between clients and the room, whose cable can be pulled (``cut``: every connection
    dropped, new ones refused) and plugged back (``restore``): a client's network going away and coming back."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def restore(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, up_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (OSError, asyncio.CancelledError):
                pass
            finally:
                sink.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers -= {writer, up_writer}


def project_file(tmp_path: Path) -> Path:
    """A new project saved as ``tmp_path/room.roadmap``, for a room to host."""
    path = tmp_path / "room.roadmap"
    save_project(Project.new("Workshop"), path)
    return path


@contextlib.asynccontextmanager
async def room_running(path: Path, lines: list[str] | None = None, **options):
    """A room hosting ``path`` on a free loopback port (``options``: Room's, e.g. read_only, host_key); yields
    (room, port, its serving task); ``lines`` collects its log."""
    port = free_port()
    log = lines.append if lines is not None else (lambda _line: None)
    room = Room(load_project(path).project, path, CODE, log=log, **options)
    task = asyncio.ensure_future(room.serve("127.0.0.1", port))
    await wait_for(lambda: room.uvicorn is not None and room.uvicorn.started, 5)
    try:
        yield room, port, task
    finally:
        room.stop()
        await asyncio.wait_for(task, 5)


@contextlib.asynccontextmanager
async def client_running(port: int, code: str = CODE, doc=None, key: str = "", name: str = "t"):
    """A client of the room on ``port`` (``key``: the facilitator's); yields (client, its task)."""
    url = room_url(f"127.0.0.1:{port}", code) + (f"&key={key}" if key else "")
    client = RoomClient(url, doc, {"name": name})
    task = asyncio.ensure_future(client.run())
    try:
        yield client, task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, RoomRefused):
            await task
