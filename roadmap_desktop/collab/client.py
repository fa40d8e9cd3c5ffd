"""A replica of a room's document that stays connected: the standard Yjs sync protocol (pycrdt's Provider) over
a WebSocket, presence through Yjs awareness, reconnecting after a drop with every local edit kept meanwhile."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from urllib.parse import quote

import anyio
import websockets
from pycrdt import (
    Awareness,
    Channel,
    Doc,
    Provider,
    YMessageType,
    create_awareness_message,
    read_message,
)

from .facilitation import CLOSE_ENDED, room_state_of
from .room_server import ROOM_PATH

RETRY_SECONDS = 1.0
OPEN_TIMEOUT_SECONDS = 5.0
MAX_MESSAGE_BYTES = 64 * 1024 * 1024


class RoomRefused(Exception):
    """The room turned the connection away (a wrong or missing code): trying again will not help."""


class RoomEnded(RoomRefused):
    """The facilitator ended the room: the replica stays as it is, nothing more will arrive."""


def room_url(address: str, code: str) -> str:
    """ws://HOST:PORT/room?code=CODE from what a person types: "192.168.1.5:8765", "http://host:8765/" ..."""
    text = address.strip()
    for prefix, scheme in (("http://", "ws://"), ("https://", "wss://"), ("ws://", "ws://"), ("wss://", "wss://")):
        if text.lower().startswith(prefix):
            text, start = text[len(prefix) :], scheme
            break
    else:
        start = "ws://"
    host = text.split("/", 1)[0]
    if not host:
        raise ValueError("no address given")
    if ":" not in host.rsplit("]", 1)[-1]:
        host += ":8765"
    return f"{start}{host}{ROOM_PATH}?code={quote(code.strip())}"


class _Channel(Channel):
    """A websockets connection as pycrdt's Channel; awareness messages go to ``on_awareness`` on the way."""

    def __init__(self, connection, on_awareness: Callable[[bytes], None]) -> None:
        self._connection = connection
        self._on_awareness = on_awareness
        self.closed = asyncio.Event()
        self.close_code: int | None = None

    @property
    def path(self) -> str:
        return ROOM_PATH

    async def __anext__(self) -> bytes:
        while True:
            try:
                message = await self._connection.recv()
            except Exception as exc:  # closed, reset, or a protocol error: the connection is over either way
                close = getattr(exc, "rcvd", None)
                self.close_code = close.code if close is not None else None
                self.closed.set()
                raise StopAsyncIteration from None
            if isinstance(message, str) or not message:
                continue
            if message[0] == YMessageType.AWARENESS:
                self._on_awareness(bytes(message))
                continue
            return bytes(message)

    async def recv(self) -> bytes:
        return await self.__anext__()

    async def send(self, message: bytes) -> None:
        try:
            await self._connection.send(message)
        except Exception:
            self.closed.set()


class RoomClient:
    """Keeps ``doc`` in sync with the room at ``url`` until cancelled. Edit ``doc`` in the loop that runs ``run``."""

    def __init__(self, url: str, doc: Doc | None = None, user: dict | None = None) -> None:
        self.url = url
        self.doc = doc if doc is not None else Doc()
        self.awareness = Awareness(self.doc)
        self._announce = user is not None  # without a user (a one-off fetch) nobody is shown as present
        self.awareness.set_local_state({"user": user or {}})
        self.online = asyncio.Event()
        self.synced = asyncio.Event()
        self.on_status: Callable[[str], None] = lambda _status: None  # "online", "offline", "refused: ..."
        self.on_presence: Callable[[dict[int, dict]], None] = lambda _states: None
        self.on_room_state: Callable[[dict], None] = lambda _state: None  # {"read_only": …, "ended": …}
        self.room_state: dict = {"read_only": False, "ended": False}
        self._channel: _Channel | None = None
        self.awareness.observe(self._on_awareness_change)

    def set_presence(self, **fields: object) -> None:
        state = dict(self.awareness.get_local_state() or {})
        state.update(fields)
        self.awareness.set_local_state(state)

    def others(self) -> dict[int, dict]:
        return {cid: s for cid, s in self.awareness.states.items() if cid != self.awareness.client_id and s}

    async def run(self) -> None:
        """Connect, sync, stay in sync; after a drop, try again every second. Raises RoomRefused or RoomEnded."""
        refused: RoomRefused | None = None
        async with anyio.create_task_group() as group:
            await group.start(self.awareness.start)
            while True:
                try:
                    await self._session()
                except RoomEnded as exc:
                    self.on_status("ended")
                    refused = exc
                    break
                except RoomRefused as exc:
                    self.on_status(f"refused: {exc}")
                    refused = exc
                    break
                except (TimeoutError, OSError, websockets.exceptions.WebSocketException) as exc:
                    self.on_status(f"offline: {type(exc).__name__}")
                await asyncio.sleep(RETRY_SECONDS)
            group.cancel_scope.cancel()
        if refused is not None:
            raise refused

    async def _session(self) -> None:
        try:
            connection = await websockets.connect(
                self.url, open_timeout=OPEN_TIMEOUT_SECONDS, max_size=MAX_MESSAGE_BYTES, compression=None
            )
        except websockets.exceptions.InvalidStatus as exc:
            if exc.response.status_code in (401, 403):
                raise RoomRefused("wrong or missing join code") from None
            raise
        async with connection:
            channel = self._channel = _Channel(connection, self._on_awareness_message)
            provider = Provider(self.doc, channel)
            try:
                async with anyio.create_task_group() as group:
                    await group.start(provider.start)
                    group.start_soon(self._mark_synced, provider)
                    self._send_presence()
                    await channel.closed.wait()
                    group.cancel_scope.cancel()
            finally:
                self._channel = None
                self.online.clear()
                self.synced.clear()
                with contextlib.suppress(Exception):
                    await provider.stop()
        if channel.close_code == CLOSE_ENDED or self.room_state["ended"]:
            raise RoomEnded("the room has ended")
        self.on_status("offline: the room closed the connection")

    async def _mark_synced(self, provider: Provider) -> None:
        await provider.synced.wait()
        self.online.set()
        self.synced.set()
        self.on_status("online")

    def _on_awareness_message(self, message: bytes) -> None:
        try:
            self.awareness.apply_awareness_update(read_message(message[1:]), "remote")
        except Exception:  # a malformed presence message changes nobody's presence
            return

    def _on_awareness_change(self, topic: str, changes: tuple[dict, object]) -> None:
        if topic == "update" and changes[1] == "local":
            self._send_presence()
        elif topic == "change":
            state = room_state_of(self.others())
            if state is not None and state != self.room_state:
                self.room_state = state
                self.on_room_state(state)
            self.on_presence(self.others())

    def _send_presence(self) -> None:
        channel = self._channel
        if channel is None or not self._announce:
            return
        update = self.awareness.encode_awareness_update([self.awareness.client_id])
        with contextlib.suppress(RuntimeError):
            asyncio.get_running_loop().create_task(channel.send(create_awareness_message(update)))
