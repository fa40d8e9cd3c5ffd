"""The model server's front door: an ASGI middleware in front of llama-cpp-python's server app.

It checks every request before llama-cpp-python sees it: the key (``Authorization: Bearer``), the
address and method, the content type, the body's size and arrival time, and each field of the body
(request_checks.py). Anything else is answered here with a 4xx status and one line in OpenAI's
error shape, so no malformed request reaches llama.cpp (where some crash the server) or
llama-cpp-python's error handler (which logs a traceback for each). What passes is forwarded
rebuilt from the checked values. The model list is answered here too, so a laptop checking the
server does not wait for another laptop's answer to finish.

Plain ASGI and the standard library only: tests drive it without the server extra installed.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import unicodedata
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .request_checks import Limits, Refused, check_chat, check_count, parse_json_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

MODELS = "/v1/models"
CHAT = "/v1/chat/completions"
COUNT = "/extras/tokenize/count"
ROUTES = {MODELS: "GET", CHAT: "POST", COUNT: "POST"}
ROUTE_LIST = ", ".join(f"{method} {path}" for path, method in ROUTES.items())
MAX_WAITING = 16  # chat requests running or queued; llama-cpp-python answers one at a time
BODY_SECONDS = 30.0  # for a body to arrive in full: a slow sender must not hold a request open
# A refused body of an acceptable size is read on and dropped, up to these, so that a client that
# sends all of it before reading gets the answer instead of a reset connection. A body over the
# size limit is not read on: 413 at once, and the connection closed.
DRAIN_SECONDS = 5.0


class _Gone(Exception):
    """The client disconnected while sending its body."""


class RequestGuard:
    """Wraps ``app``. ``api_key`` None: no key is asked for, and (against DNS rebinding from a web
    page) only requests addressed to an IP address or ``localhost`` are taken."""

    def __init__(
        self,
        app: App,
        *,
        model_alias: str,
        limits: Limits | None = None,
        api_key: str | None = None,
        log: Callable[[str], None] | None = None,
        max_waiting: int = MAX_WAITING,
        body_seconds: float = BODY_SECONDS,
        drain_bytes: int | None = None,
        drain_seconds: float = DRAIN_SECONDS,
    ) -> None:
        self.app = app
        self.model_alias = model_alias
        self.limits = limits or Limits()
        self._key = api_key.encode("utf-8") if api_key else None
        self.log = log or (lambda _line: None)
        self.max_waiting = max_waiting
        self.body_seconds = body_seconds
        self.drain_bytes = self.limits.max_body_bytes if drain_bytes is None else drain_bytes
        self.drain_seconds = drain_seconds
        self.waiting = 0  # chat requests forwarded and not finished

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # websockets: nothing here speaks them
            with contextlib.suppress(Exception):
                await send({"type": "websocket.close", "code": 1008})
            return
        incoming = _Body(receive)
        try:
            await self._handle(scope, incoming, send)
        except Refused as refusal:
            await self._refuse(scope, incoming, send, refusal)
        except _Gone:
            return

    # -- admission ---------------------------------------------------------------------------------
    async def _handle(self, scope: Scope, incoming: _Body, send: Send) -> None:
        headers = _headers(scope)
        self._check_key(headers)
        if self._key is None:
            _check_host(headers.get("host", ""))
        path, method = scope.get("path", ""), scope.get("method", "")
        if path not in ROUTES:
            raise Refused(404, f"nothing at {_short(path)}; this server answers {ROUTE_LIST}")
        if method != ROUTES[path]:
            raise Refused(405, f"{path} takes {ROUTES[path]}, not {_short(method)}")
        if path == MODELS:
            await self._drain(incoming, headers)
            await _answer(send, 200, _model_list(self.model_alias))
            return
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise Refused(415, "the body must be JSON, sent with 'Content-Type: application/json'")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limits.max_body_bytes):
            raise Refused(413, f"the body is over {self.limits.max_body_bytes} bytes")
        if path == CHAT and self.waiting >= self.max_waiting:
            raise Refused(503, f"the server is busy: {self.waiting} requests wait already; try again later")
        data = parse_json_body(await incoming.read(self.limits.max_body_bytes, self.body_seconds))
        body = check_chat(data, self.limits) if path == CHAT else check_count(data, self.limits)
        await self._forward(scope, incoming, send, json.dumps(body).encode("utf-8"), counted=path == CHAT)

    def _check_key(self, headers: dict[str, str]) -> None:
        if self._key is None:
            return
        scheme, _, given = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise Refused(401, "this server needs its key: send 'Authorization: Bearer KEY'")
        if not hmac.compare_digest(given.strip().encode("utf-8", "replace"), self._key):
            raise Refused(401, "wrong key")

    # -- forwarding --------------------------------------------------------------------------------
    async def _forward(self, scope: Scope, incoming: _Body, send: Send, body: bytes, counted: bool) -> None:
        replaced = (b"content-length", b"transfer-encoding")
        kept = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in replaced]
        inner_scope = {**scope, "headers": [*kept, (b"content-length", str(len(body)).encode("ascii"))]}
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await incoming.receive()  # then the client's disconnect, when it comes

        state = {"started": False, "events": False, "ended": False}

        async def watched(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
                content_type = dict(_pairs(message.get("headers", []))).get("content-type", "")
                state["events"] = content_type.startswith("text/event-stream")
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                state["ended"] = True
            await send(message)

        if counted:
            self.waiting += 1
        try:
            await self.app(inner_scope, replay, watched)
        except Exception as exc:  # llama.cpp's errors: one line in the log and to the client
            reason = _reason(exc)
            self.log(f"request from {_client(scope)} failed: {reason}")
            await _after_failure(send, state, reason)
        finally:
            if counted:
                self.waiting -= 1

    # -- refusing ----------------------------------------------------------------------------------
    async def _refuse(self, scope: Scope, incoming: _Body, send: Send, refusal: Refused) -> None:
        message = _printable(str(refusal))
        self.log(f"refused {_client(scope)}: {refusal.status} {message}")
        complete = refusal.status not in (408, 413) and await self._drain(incoming, _headers(scope))
        extra = [(b"connection", b"close")] if not complete else []
        if refusal.status == 401:
            extra.append((b"www-authenticate", b"Bearer"))
        elif refusal.status == 405:
            extra.append((b"allow", ROUTES.get(scope.get("path", ""), "GET").encode("ascii")))
        kind = "authentication_error" if refusal.status == 401 else "invalid_request_error"
        with contextlib.suppress(Exception):  # the client may be gone
            await _answer(send, refusal.status, _error(message, kind), extra)

    async def _drain(self, incoming: _Body, headers: dict[str, str]) -> bool:
        """Read and drop the rest of the body; True when it all arrived. A client that waits for
        "100 Continue" has not sent it, and is not asked to."""
        if incoming.done:
            return True
        if headers.get("expect", "").lower() == "100-continue" and not incoming.started:
            return False
        return await incoming.drain(self.drain_bytes, self.drain_seconds)


class _Body:
    """The request body as it arrives, with bounds on size and time."""

    def __init__(self, receive: Receive) -> None:
        self.receive = receive
        self.size = 0
        self.started = False
        self.done = False

    async def _next(self, deadline: float) -> bytes:
        loop = asyncio.get_running_loop()
        left = deadline - loop.time()
        try:
            if left <= 0:
                raise TimeoutError
            message = await asyncio.wait_for(self.receive(), left)
        except TimeoutError:
            raise Refused(408, "the body did not arrive in time") from None
        self.started = True
        if message["type"] == "http.disconnect":
            self.done = True
            raise _Gone
        chunk = bytes(message.get("body", b""))
        self.size += len(chunk)
        self.done = not message.get("more_body", False)
        return chunk

    async def read(self, limit: int, seconds: float) -> bytes:
        deadline = asyncio.get_running_loop().time() + seconds
        parts: list[bytes] = []
        while not self.done:
            parts.append(await self._next(deadline))
            if self.size > limit:
                raise Refused(413, f"the body is over {limit} bytes")
        return b"".join(parts)

    async def drain(self, limit: int, seconds: float) -> bool:
        deadline = asyncio.get_running_loop().time() + seconds
        try:
            while not self.done and self.size <= limit:
                await self._next(deadline)
        except (Refused, _Gone):
            return False
        return self.done


# -- answers ---------------------------------------------------------------------------------------


async def _answer(send: Send, status: int, payload: object, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(payload).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode("ascii"))]
    await send({"type": "http.response.start", "status": status, "headers": headers + list(extra or [])})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _after_failure(send: Send, state: dict[str, bool], reason: str) -> None:
    """End the response after the model failed: a 500 if nothing was sent yet, an error event in a
    started stream (the client shows its message), else just the end of the body."""
    message = f"the model failed: {reason}"
    with contextlib.suppress(Exception):
        if not state["started"]:
            await _answer(send, 500, _error(message, "server_error"))
        elif not state["ended"]:
            if state["events"]:
                event = b"data: " + json.dumps(_error(message, "server_error")).encode("utf-8") + b"\n\n"
                await send({"type": "http.response.body", "body": event, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})


def _error(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


def _model_list(alias: str) -> dict[str, Any]:
    # owned_by names this server, so the laptops' assistant knows the form of schema it enforces.
    return {
        "object": "list",
        "data": [{"id": alias, "object": "model", "owned_by": "roadmap-desktop", "permissions": []}],
    }


# -- helpers ---------------------------------------------------------------------------------------


def _pairs(raw: object) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, value in raw or []:  # type: ignore[union-attr]
        pairs.append((bytes(name).decode("latin-1").lower(), bytes(value).decode("latin-1")))
    return pairs


def _headers(scope: Scope) -> dict[str, str]:
    """Header names in lower case; of a repeated header, the first."""
    found: dict[str, str] = {}
    for name, value in _pairs(scope.get("headers")):
        found.setdefault(name, value)
    return found


def _check_host(host: str) -> None:
    """Without a key, a web page could reach a server on this computer through a DNS name it
    controls (DNS rebinding): take only requests addressed to an IP address or localhost."""
    name = host.strip().lower()
    if name.startswith("["):
        return  # an IPv6 address
    name = name.rsplit(":", 1)[0] if name.count(":") == 1 else name
    if name == "localhost" or (name and all(part.isdigit() for part in name.split("."))) or ":" in name:
        return
    raise Refused(421, f"this server takes requests addressed to an IP address, not {_short(host) or 'none'}")


def _client(scope: Scope) -> str:
    client = scope.get("client")
    if isinstance(client, list | tuple) and len(client) >= 2:
        host = str(client[0])
        return f"[{host}]:{client[1]}" if ":" in host else f"{host}:{client[1]}"
    return "a client"


def _reason(exc: BaseException) -> str:
    """One line for an exception, the first of an exception group's."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    text = _printable(str(exc)) or type(exc).__name__
    return text if len(text) <= 300 else text[:300] + "…"


def _printable(text: str) -> str:
    """One line without control characters (terminal escapes, bidirectional overrides)."""
    cleaned = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    return " ".join(cleaned.split())


def _short(text: str) -> str:
    text = _printable(text)
    return text if len(text) <= 80 else text[:80] + "…"
