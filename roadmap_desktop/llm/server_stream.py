"""Reading a model server's answers within bounds: Server-Sent Events split by our own line reader
(line length, event size), JSON parsed defensively, server text stripped of control characters, and
a watchdog thread that ends a request on Stop, on silence or when it runs too long.

A hostile or broken server must not exhaust the client: a line without an end, an event without a
blank line, a body nested a million levels deep or a keep-alive comment every second each end in
one StreamError line here, within bounded time and memory.
"""

from __future__ import annotations

import json
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, Protocol

MAX_LINE_BYTES = 256 * 1024  # a streamed chunk is a few hundred bytes
MAX_EVENT_BYTES = 1024 * 1024
READ_BLOCK = 64 * 1024
POLL_SECONDS = 0.02  # how often the watchdog looks at the clock and the cancel flag


class StreamError(Exception):
    """What was wrong with the server's answer, in one line without the server's address."""


class Readable(Protocol):
    def read1(self, size: int = -1) -> bytes: ...


def sse_events(response: Readable, max_line: int = MAX_LINE_BYTES, max_event: int = MAX_EVENT_BYTES) -> Iterator[str]:
    """The ``data`` of each Server-Sent Event; comments (pings) and other fields are skipped.

    Reads what has arrived (``read1``), never waiting for a whole line, so the watchdog's clock and
    cancel flag apply however slowly the bytes drip."""
    pending = bytearray()
    data: list[bytes] = []
    size = 0
    while True:
        block = response.read1(READ_BLOCK)
        if not block:
            if data:
                yield _text(b"\n".join(data))
            return
        pending += block
        start = 0
        while (end := pending.find(b"\n", start)) >= 0:
            line = bytes(pending[start:end]).rstrip(b"\r")
            start = end + 1
            if not line:
                if data:
                    yield _text(b"\n".join(data))
                data, size = [], 0
                continue
            if line.startswith(b":"):
                continue
            name, _, value = line.partition(b":")
            if name == b"data":
                value = value[1:] if value.startswith(b" ") else value
                size += len(value) + 1
                if size > max_event:
                    raise StreamError(f"sent a streamed event over {max_event // 1024} KiB")
                data.append(value)
        del pending[:start]
        if len(pending) > max_line:
            raise StreamError(f"sent a streamed line over {max_line // 1024} KiB")


def parse_json(raw: bytes | str, what: str) -> Any:
    """``raw`` as JSON; StreamError naming ``what`` for text that is not JSON or nests too deeply."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.loads(text)
    except RecursionError:
        raise StreamError(f"sent {what} nested too deeply") from None
    except (UnicodeDecodeError, ValueError):
        start = printable(raw[:60].decode("utf-8", "replace") if isinstance(raw, bytes) else raw[:60])
        raise StreamError(f"sent {what} that is not JSON: {start!r}") from None


def printable(text: str, limit: int = 200) -> str:
    """``text`` on one line, without control characters (terminal escapes, bidirectional
    overrides), cut to ``limit`` characters."""
    cleaned = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    line = " ".join(cleaned.split())
    return line[:limit] + ("…" if len(line) > limit else "")


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


class Watchdog:
    """A thread that calls ``stop(reason)`` once: when ``cancel`` is set ("cancel"), when ``poke``
    was not called for ``idle`` seconds ("idle"), or after ``total`` seconds ("total"). Use it as a
    context manager around the request."""

    def __init__(
        self,
        stop: Callable[[str], None],
        *,
        total: float,
        idle: float | None = None,
        cancel: threading.Event | Callable[[], bool] | None = None,
    ) -> None:
        self._stop = stop
        self._cancel = cancel
        self._idle = idle
        self._deadline = time.monotonic() + total
        self._last = time.monotonic()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="server-watchdog", daemon=True)
        self.fired: str | None = None

    def __enter__(self) -> Watchdog:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._done.set()
        self._thread.join(1.0)

    def poke(self) -> None:
        self._last = time.monotonic()

    def cancelled(self) -> bool:
        """Whether the cancel flag is set now."""
        cancel = self._cancel
        if cancel is None:
            return False
        if isinstance(cancel, threading.Event):
            return cancel.is_set()
        try:
            return bool(cancel())
        except Exception:  # a broken flag stops the request rather than letting it run on
            return True

    def _watch(self) -> None:
        while not self._done.wait(POLL_SECONDS):
            now = time.monotonic()
            if self.cancelled():
                self.fired = "cancel"
            elif now >= self._deadline:
                self.fired = "total"
            elif self._idle is not None and now - self._last >= self._idle:
                self.fired = "idle"
            else:
                continue
            self._stop(self.fired)
            return
