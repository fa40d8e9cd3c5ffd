"""The facilitator's hold on a room: a guest's connection as the room sees it (document updates refused while the
room is read-only, presence that claims to speak for the room dropped) and the room's own state (read-only,
ended), announced to every client as the room's Yjs awareness state ``{"room": {"read_only": …, "ended": …}}``."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pycrdt import Awareness, Decoder, YMessageType, YSyncMessageType, read_message

ROOM_STATE_KEY = "room"  # the awareness field that only the room itself may set
CLOSE_ENDED = 4000  # the WebSocket close code (application range) of "the facilitator ended the room"
ENDED_REASON = "the room has ended"
_UPDATES = (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE)


def room_state(read_only: bool, ended: bool) -> dict:
    return {ROOM_STATE_KEY: {"read_only": read_only, "ended": ended}}


def room_state_of(states: dict[int, dict]) -> dict | None:
    """The room's own state among awareness states (the one with a ``room`` field), if it has arrived."""
    for state in states.values():
        value = state.get(ROOM_STATE_KEY) if isinstance(state, dict) else None
        if isinstance(value, dict):
            return {"read_only": value.get("read_only") is True, "ended": value.get("ended") is True}
    return None


def awareness_entries(message: bytes) -> list[tuple[int, dict | None]]:
    """(client id, state) for each entry of an awareness message (type byte included); ValueError if malformed."""
    try:
        decoder = Decoder(read_message(message[1:]))
        entries = []
        for _ in range(decoder.read_var_uint()):
            client_id = decoder.read_var_uint()
            decoder.read_var_uint()  # the clock
            raw = decoder.read_message()
            state = json.loads(raw.decode()) if raw else None
            entries.append((client_id, state if isinstance(state, dict) else None))
        return entries
    except Exception as exc:  # IndexError, RuntimeError, UnicodeError, JSONDecodeError: all mean "not an update"
        raise ValueError("malformed awareness message") from exc


class Facilitation:
    """What the facilitator decided: read-only or not, ended or not; the room publishes it in its awareness."""

    def __init__(self, awareness: Awareness, read_only: bool, log: Callable[[str], None]) -> None:
        self.awareness = awareness
        self.read_only = read_only
        self.ended = False
        self.log = log

    def publish(self) -> None:
        self.awareness.set_local_state(room_state(self.read_only, self.ended))


class GuardedChannel:
    """A client's connection as the room serves it (a pycrdt Channel around another). A guest's document updates
    (SyncStep2 and Update messages) are dropped while the room is read-only, with one log line per connection
    and lock; presence entries for the room's own client id or with a ``room`` field are dropped. The facilitator's
    own connection (``writer``) may edit even then."""

    def __init__(
        self, channel: Any, facilitation: Facilitation, writer: bool, who: str, close: Callable | None = None
    ) -> None:
        self._channel = channel
        self._facilitation = facilitation
        self.writer = writer
        self.who = who
        self._close = close
        self._refusals = 0

    @property
    def path(self) -> str:
        return self._channel.path

    def __aiter__(self) -> GuardedChannel:
        return self

    async def __anext__(self) -> bytes:
        while True:
            try:
                message = await self._channel.__anext__()
            except KeyError:  # pycrdt's ASGI channel reads only binary frames: a text frame has no "bytes"
                message = None
            if not isinstance(message, bytes | bytearray) or not message:
                self._facilitation.log(f"room: ignored a malformed message from {self.who}: not binary, or empty")
                continue
            if not self._refused(message):
                return message

    async def recv(self) -> bytes:
        return await self.__anext__()

    async def send(self, message: bytes) -> None:
        await self._channel.send(message)  # the room's _Greeted channel adds the room's state after its SyncStep1

    @property
    def held_back(self) -> bool:
        """True when this guest's edits were refused since the room last opened: its later updates build on them,
        so the room must ask for them again (a SyncStep1) before it can take any more from this guest."""
        return self._refusals > 0

    async def resync(self, step1: bytes) -> None:
        self._refusals = 0
        await self._channel.send(step1)

    async def close(self, code: int, reason: str) -> None:
        if self._close is not None:
            await self._close({"type": "websocket.close", "code": code, "reason": reason})

    def _refused(self, message: bytes) -> bool:
        if len(message) < 2:
            return False  # the room's own handling logs what is malformed
        if message[0] == YMessageType.SYNC and message[1] in _UPDATES:
            if not self._facilitation.read_only or self.writer:
                return False
            if self._refusals == 0:
                self._facilitation.log(f"refused an edit from {self.who}: the room is read-only")
            self._refusals += 1
            return True
        if message[0] == YMessageType.AWARENESS and not self.writer:
            try:
                entries = awareness_entries(bytes(message))
            except ValueError:
                return False
            own = self._facilitation.awareness.client_id
            if any(cid == own or (state is not None and ROOM_STATE_KEY in state) for cid, state in entries):
                self._facilitation.log(f"refused presence from {self.who} that spoke for the room")
                return True
        return False
