"""A live session in the app: the network (room client, and for the host the room server) runs in its own thread
with an asyncio loop; updates cross to the GUI thread as queued signals and become domain commands there."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import threading
from pathlib import Path
from urllib.parse import quote

from pycrdt import Doc
from PySide6.QtCore import QObject, QTimer, Signal

from ...collab.client import RoomClient, room_url
from ...collab.room_server import Room
from ...crdt.live import LiveBinding
from ...crdt.project_builder import project_from_shared
from ...crdt.shared_project import SharedProject
from ...crdt.sync_state import sync_state
from ...domain.project import Project


class NetworkThread(QObject):
    """The asyncio side: a replica of the document kept in sync with the room (and, hosting, the room itself)."""

    update_received = Signal(bytes)  # from the room, for the GUI's replica
    status_changed = Signal(str)
    presence_changed = Signal(object)  # {client id: awareness state}
    room_state_changed = Signal(object)  # {"read_only": bool, "ended": bool}, as the room announces it

    def __init__(self, url: str, user: dict, start_state: bytes, host: tuple | None = None) -> None:
        super().__init__()
        self._url, self._user, self._start_state, self._host = url, user, start_state, host
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: RoomClient | None = None
        self._from_gui = False
        self._pending: list = []  # calls made before the loop runs: run first thing in it
        self._lock = threading.Lock()
        self.room: Room | None = None
        self._running: set[asyncio.Future] = set()
        self._thread = threading.Thread(target=self._run, name="live-session", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._cancel_all)
        self._thread.join(5)

    def send_update(self, update: bytes) -> None:
        self._call_in_loop(lambda: self._apply_from_gui(update))

    def set_presence(self, **fields: object) -> None:
        self._call_in_loop(lambda: self._client and self._client.set_presence(**fields))

    def set_read_only(self, read_only: bool) -> None:
        async def lock() -> None:  # inside a task: the room's awareness sends through anyio, which needs one
            if self.room is not None:
                self.room.set_read_only(read_only)

        self._call_in_loop(lambda: self._keep(asyncio.ensure_future(lock())))

    def end_room(self) -> None:
        self._call_in_loop(lambda: self.room and self._keep(asyncio.ensure_future(self.room.end())))

    def _keep(self, task: asyncio.Future) -> None:
        self._running.add(task)  # a reference, so the task is not collected before it is done
        task.add_done_callback(self._running.discard)

    def _call_in_loop(self, call) -> None:
        with self._lock:
            loop = self._loop
            if loop is None:  # not started yet: an edit made now must not be lost
                self._pending.append(call)
                return
        if not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(call)

    # -- in the network thread ----------------------------------------------------------------
    def _run(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            asyncio.run(self._main())

    async def _main(self) -> None:
        doc = Doc()
        doc.apply_update(self._start_state)
        doc.observe(self._on_doc_change)
        client = self._client = RoomClient(self._url, doc, self._user)
        client.on_status = self.status_changed.emit
        client.on_presence = self.presence_changed.emit
        client.on_room_state = self.room_state_changed.emit
        with self._lock:
            self._loop = asyncio.get_running_loop()
            pending, self._pending = self._pending, []
        for call in pending:
            call()
        tasks = []
        if self._host is not None:
            project, path, code, host, port, key = self._host
            log = lambda line: self.status_changed.emit(f"room: {line}")  # noqa: E731
            self.room = Room(project, path, code, log=log, host_key=key)
            tasks.append(asyncio.ensure_future(self.room.serve(host, port)))
            while self.room.uvicorn is None or not self.room.uvicorn.started:
                if tasks[0].done():
                    self.status_changed.emit("refused: the room could not start (is the port in use?)")
                    return
                await asyncio.sleep(0.02)
        tasks.append(asyncio.ensure_future(client.run()))
        self._tasks = tasks
        with contextlib.suppress(Exception, asyncio.CancelledError):  # both end: the room saves a last time
            await asyncio.gather(*tasks, return_exceptions=True)

    def _cancel_all(self) -> None:
        if self.room is not None:  # the host leaving ends the room: the guests hear so and keep their copies
            self._keep(asyncio.ensure_future(self.room.end()))
        for task in getattr(self, "_tasks", [])[1:] if self.room is not None else getattr(self, "_tasks", []):
            task.cancel()

    def _apply_from_gui(self, update: bytes) -> None:
        if self._client is None:
            return
        self._from_gui = True
        try:
            self._client.doc.apply_update(update)
        finally:
            self._from_gui = False

    def _on_doc_change(self, event) -> None:
        if not self._from_gui:
            self.update_received.emit(bytes(event.update))


def fetch_room(url: str, timeout: float = 8.0) -> bytes:
    """The room's whole document (blocking, for the Join dialog); raises RoomRefused, TimeoutError or OSError."""

    async def fetch() -> bytes:
        client = RoomClient(url)
        task = asyncio.ensure_future(client.run())
        try:
            done, _ = await asyncio.wait(
                {task, asyncio.ensure_future(client.synced.wait())},
                timeout=timeout,
                return_when=asyncio.FIRST_COMPLETED,
            )
            if task in done:
                task.result()  # raises RoomRefused
            if not client.synced.is_set():
                raise TimeoutError(f"no answer from {url.split('?')[0]} within {timeout:.0f} s")
            return client.doc.get_update()
        finally:
            task.cancel()
            with contextlib.suppress(BaseException):
                await task

    return asyncio.run(fetch())


class LiveSession(QObject):
    """Binds an open document to a room: local edits go out, others' edits come in as commands."""

    status_changed = Signal(str)
    presence_changed = Signal(object)
    room_state_changed = Signal(object)  # {"read_only": bool, "ended": bool}

    def __init__(self, project: Project, url: str, name: str, host: tuple | None = None, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.url = url
        self.hosting = host is not None
        self.room_state = {"read_only": False, "ended": False}
        self.people: dict[int, dict] = {}  # the others' presence, as last heard
        shared = sync_state(project).shared(project)
        self.binding = LiveBinding(project, shared, self._on_binding_update)
        self.binding.on_dirty = lambda: QTimer.singleShot(0, self.binding.flush)
        self.network = NetworkThread(url, {"name": name}, shared.update(), host)
        self.network.update_received.connect(self._on_network_update_received)
        self.network.status_changed.connect(self.status_changed)
        self.network.presence_changed.connect(self._on_network_presence_changed)
        self.network.room_state_changed.connect(self._on_network_room_state_changed)
        self.network.start()

    @classmethod
    def host(cls, project: Project, path: Path | None, code: str, host: str, port: int, name: str) -> LiveSession:
        """Serve the project (a copy of its replica runs the room in the network thread) and join it."""
        room_project, _ = project_from_shared(SharedProject.from_update(sync_state(project).shared(project).update()))
        url = room_url(f"127.0.0.1:{port}" if host in ("0.0.0.0", "::", "") else f"{host}:{port}", code)
        key = secrets.token_urlsafe(18)  # the facilitator's own connection may edit a read-only room
        return cls(project, f"{url}&key={quote(key)}", name, (room_project, path, code, host, port, key))

    def _on_binding_update(self, update: bytes) -> None:
        network = getattr(self, "network", None)  # None while the binding first checks the document
        if network is not None:
            network.send_update(update)

    def _on_network_update_received(self, update: bytes) -> None:
        self.binding.receive(update)

    def _on_network_presence_changed(self, states: dict) -> None:
        self.people = dict(states)
        self.presence_changed.emit(states)

    def _on_network_room_state_changed(self, state: dict) -> None:
        self.room_state = dict(state)
        self.room_state_changed.emit(state)

    def set_read_only(self, read_only: bool) -> None:
        """The facilitator locks or unlocks editing for the guests (hosting only)."""
        self.network.set_read_only(read_only)

    def end_room(self) -> None:
        """The facilitator ends the room for everyone (hosting only); the file is saved a last time."""
        self.network.end_room()

    def select(self, kind: str, entity_id: str) -> None:
        self.network.set_presence(selection={"kind": kind, "id": entity_id})

    def close(self) -> None:
        self.binding.flush()
        self.binding.close()
        self.network.stop()
