"""The room: an ASGI app speaking the standard Yjs sync protocol (pycrdt-websocket) at ``/room?code=CODE``,
and the host's saver, which keeps the project file up to date within a second or two of any change."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from pycrdt import Map, create_awareness_message, create_sync_message
from pycrdt.websocket import WebsocketServer, YRoom
from pycrdt.websocket.asgi_server import ASGIWebsocket

from ..crdt.dot_votes import DEFAULT_DOTS_PER_PERSON, DOTS_ROOT, ROOM_ROOT, set_dots_per_person, write_votes
from ..crdt.reconcile import apply_each, commands_to_match
from ..crdt.sync_state import sync_state
from ..domain.project import Project
from ..persistence.backup import OlderFile
from ..persistence.errors import SaveError
from ..persistence.project_file import save_project
from .facilitation import CLOSE_ENDED, ENDED_REASON, Facilitation, GuardedChannel
from .phone_page import PhonePage

ROOM_PATH = "/room"
ROOM_NAME = "room"
SAVE_AFTER_SECONDS = 0.5  # quiet time after a change before the save (the contract: saved within 2 s)
SAVE_AT_MOST_AFTER_SECONDS = 1.5  # a steady stream of edits is saved this long after its first change
MAX_BAD_CODES = 10  # per address and minute: six digits are not guessed in a workshop
BAD_CODE_WINDOW_SECONDS = 60.0
CLOSE_POLICY = 1008  # "policy violation": the close a refused connection gets, before it is accepted

Log = Callable[[str], None]


def new_code() -> str:
    """A random six-digit join code."""
    return f"{secrets.randbelow(1_000_000):06d}"


def code_problem(code: str) -> str:
    if not 4 <= len(code) <= 64 or not code.isascii() or not code.isalnum():
        return "a join code is 4-64 letters or digits"
    return ""


class CodeGuard:
    """Checks join codes in constant time and refuses an address that keeps guessing."""

    def __init__(self, code: str) -> None:
        self._code = code.encode()
        self._failures: dict[str, list[float]] = {}

    def allows(self, code: str, address: str) -> tuple[bool, str]:
        now = time.monotonic()
        recent = [t for t in self._failures.get(address, []) if now - t < BAD_CODE_WINDOW_SECONDS]
        if len(recent) >= MAX_BAD_CODES:
            self._failures[address] = recent
            return False, "too many wrong codes from this address; wait a minute"
        if code and hmac.compare_digest(code.encode(), self._code):
            return True, ""
        recent.append(now)
        self._failures[address] = recent
        return False, "no join code given" if not code else "wrong join code"


class Room:
    """One project shared live. ``Room(...)`` is the ASGI app; ``run()`` serves it with uvicorn and saves."""

    def __init__(
        self,
        project: Project,
        path: Path | None,
        code: str,
        log: Log = print,
        older: OlderFile | None = None,
        page: Callable[[dict, Callable, Callable], Awaitable[None]] | None = None,
        dots_per_person: int = DEFAULT_DOTS_PER_PERSON,
        read_only: bool = False,
        host_key: str = "",
    ) -> None:
        self.project = project
        self.path = path
        self.log = log
        self.guard = CodeGuard(code)
        self.shared = sync_state(project).shared(project)
        self.server = WebsocketServer(auto_clean_rooms=False, exception_handler=self._on_exception)
        self.yroom = YRoom(ydoc=self.shared.doc, ready=True, exception_handler=self._on_exception)
        self.yroom.on_message_error = self._on_message_error
        self.server.rooms[ROOM_NAME] = self.yroom
        # Read-only and ended (facilitation.py); the connection that brings ``host_key`` may edit even then.
        self.facilitation = Facilitation(self.yroom.awareness, read_only, lambda line: self.log(line))
        self.host_key = host_key
        self.channels: set[GuardedChannel] = set()
        self._resyncs: set[asyncio.Future] = set()
        self.saves = 0
        self.uvicorn: Any = None
        self._older = older
        self._page = page if page is not None else PhonePage()
        self._changed_at: float | None = None
        self._first_change: float | None = None
        self._saving = False
        self._subscription = self.shared.doc.observe(self._on_change)
        set_dots_per_person(self.shared, dots_per_person)
        self._dots_changed = asyncio.Event()
        self._dots_subscription = self.shared.doc.get(DOTS_ROOT, type=Map).observe_deep(self._on_dots)
        self._room_subscription = self.shared.doc.get(ROOM_ROOT, type=Map).observe(self._on_dots)
        self._over_limit: set[str] = set()

    # -- the ASGI app -------------------------------------------------------------------------
    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
        elif scope["type"] == "http":
            await self._page(scope, receive, send)
        elif scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})

    async def _websocket(self, scope: dict, receive: Callable, send: Callable) -> None:
        message = await receive()
        if message["type"] != "websocket.connect":
            return
        address = (scope.get("client") or ("?", 0))[0]
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        code = (query.get("code") or [""])[0]
        if scope["path"] != ROOM_PATH:
            allowed, why = False, f"no room at {scope['path'][:80]}"
        else:
            allowed, why = self.guard.allows(code, address)
        if not allowed:  # closed before it is accepted: the client gets HTTP 403 and not one byte of the project
            self.log(f"refused {address}: {why}")
            await send({"type": "websocket.close", "code": CLOSE_POLICY})
            return
        await send({"type": "websocket.accept"})
        if self.facilitation.ended:
            await send({"type": "websocket.close", "code": CLOSE_ENDED, "reason": ENDED_REASON})
            return
        key = (query.get("key") or [""])[0]
        writer = bool(self.host_key) and hmac.compare_digest(key.encode(), self.host_key.encode())
        channel = GuardedChannel(
            _Greeted(receive, send, ROOM_NAME, self.yroom.awareness), self.facilitation, writer, address, send
        )
        self.channels.add(channel)
        try:
            await self.server.serve(channel)
        finally:
            self.channels.discard(channel)

    def _on_exception(self, exception: Exception, _log: object) -> bool:
        self.log(f"room: {type(exception).__name__}: {exception}")
        return True

    def _on_message_error(self, exception: Exception, message: bytes, _channel: object) -> bool:
        self.log(f"room: ignored a malformed message ({len(message)} bytes): {type(exception).__name__}")
        return True

    # -- the facilitator ------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.facilitation.read_only

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock editing for guests (in the room's loop); every client hears it at once."""
        if read_only != self.facilitation.read_only:
            self.facilitation.read_only = read_only
            self.facilitation.publish()
            self.log("the room is read-only" if read_only else "the room is open for editing again")
        if not read_only:  # what a guest edited meanwhile (a client that ignored the lock) comes in now
            for channel in [c for c in self.channels if c.held_back]:
                task = asyncio.ensure_future(channel.resync(create_sync_message(self.shared.doc)))
                self._resyncs.add(task)
                task.add_done_callback(self._resyncs.discard)

    async def end(self) -> None:
        """End the room for everyone: announce it, close every connection with "the room has ended", save, stop."""
        if self.facilitation.ended:
            self.stop()
            return
        self.facilitation.ended = True
        self.facilitation.publish()
        await asyncio.sleep(0.05)  # the announcement goes out before the connections close
        for channel in list(self.channels):
            with contextlib.suppress(Exception):
                await channel.close(CLOSE_ENDED, ENDED_REASON)
        self.log("the room has ended")
        self.stop()

    # -- dot votes (the host alone writes ``votes``; crdt/dot_votes.py says why) --------------------
    def _on_dots(self, _event: object) -> None:
        self._dots_changed.set()  # counted in the room's loop, after the transaction that changed them

    def count_dots(self) -> None:
        self._dots_changed.clear()
        _changed, over = write_votes(self.shared)
        for name in sorted(set(over) - self._over_limit):
            self.log(f"room: {name} has more dots than allowed; the extra ones are not counted")
        self._over_limit = set(over)

    async def _dots_loop(self) -> None:
        while True:
            await self._dots_changed.wait()
            self.count_dots()

    # -- saving -------------------------------------------------------------------------------
    def _on_change(self, _event: object) -> None:
        if self._saving:
            return
        now = time.monotonic()
        self._changed_at = now
        if self._first_change is None:
            self._first_change = now

    def save_due(self, now: float) -> bool:
        if self._changed_at is None or self._first_change is None:
            return False
        return now - self._changed_at >= SAVE_AFTER_SECONDS or now - self._first_change >= SAVE_AT_MOST_AFTER_SECONDS

    def save(self) -> None:
        """Bring the project up to the document and write the file (atomically); a failure is one log line and
        the next change tries again."""
        self._changed_at = self._first_change = None
        commands, problems = commands_to_match(self.project, self.shared)
        apply_each(self.project, commands, problems)
        for problem in problems[:3]:
            self.log(f"room: left out: {problem}")
        if self.path is None:
            return
        self._saving = True
        try:
            save_project(self.project, self.path, self._older)
            self._older = None
            self.saves += 1
        except SaveError as exc:
            self.log(f"room: could not save: {exc}")
        finally:
            self._saving = False

    async def _save_loop(self) -> None:
        while True:
            await asyncio.sleep(0.1)
            if self.save_due(time.monotonic()):
                self.save()

    # -- serving ------------------------------------------------------------------------------
    async def serve(
        self,
        host: str,
        port: int,
        started: Callable[[], None] | None = None,
        app: Any = None,
        options: dict[str, Any] | None = None,
    ) -> None:
        """Serve until the uvicorn server is told to exit (Ctrl+C, SIGTERM, ``stop()``); saves a last time.
        ``app`` replaces the room as what uvicorn serves (``serve --room``: the room beside the model server,
        shared_port.py), with ``options`` added to uvicorn's settings."""
        import uvicorn

        settings: dict[str, Any] = {
            "http": "h11",
            "ws": "websockets-sansio",
            "ws_max_size": 16 * 1024 * 1024,
            "lifespan": "off",
            "server_header": False,
            "log_level": "warning",
            **(options or {}),
        }
        config = uvicorn.Config(self if app is None else app, host=host, port=port, **settings)
        self.uvicorn = uvicorn.Server(config)
        async with self.server:
            await self.server.start_room(self.yroom)
            self.facilitation.publish()
            saver = asyncio.ensure_future(self._save_loop())
            counter = asyncio.ensure_future(self._dots_loop())
            self.count_dots()  # dots cast before a restart (the file keeps the shared history)
            watcher = asyncio.ensure_future(_when_started(self.uvicorn, started))
            try:
                await self.uvicorn.serve()
            finally:
                saver.cancel()
                counter.cancel()
                watcher.cancel()
                if self._changed_at is not None:
                    self.save()

    def stop(self) -> None:
        if self.uvicorn is not None:
            self.uvicorn.should_exit = True


class _Greeted(ASGIWebsocket):
    """A connection that, right after the room's SyncStep1, is told who is already here (the awareness states the
    room holds): pycrdt's room only forwards presence as it changes, so a newcomer would see nobody for a while."""

    def __init__(self, receive: Callable, send: Callable, path: str, awareness: Any) -> None:
        super().__init__(receive, send, path)
        self._awareness: Any = awareness

    async def send(self, message: bytes) -> None:
        await super().send(message)
        awareness, self._awareness = self._awareness, None
        known = [cid for cid, state in awareness.states.items() if state] if awareness is not None else []
        if known:
            await super().send(create_awareness_message(awareness.encode_awareness_update(known)))


async def _when_started(server: Any, started: Callable[[], None] | None) -> None:
    while not server.started:
        await asyncio.sleep(0.02)
    if started is not None:
        started()
