"""A model server (``roadmap-desktop serve``, llama.cpp's llama-server, Ollama, LM Studio, vLLM or
another OpenAI-compatible one) used like a local ``Engine``.

Speaks the OpenAI chat API with the standard library only: GET /v1/models to check the server and
list its models, POST /v1/chat/completions with ``stream: true`` for Server-Sent Events. On connect
it recognises the kind of server (server_kinds.py: the answer's headers and model list, else a few
short probes) and then sends structured output in the form that server enforces. The same
``engine_api.ChatEngine`` contract as ``engine.Engine``, and it never loads llama.cpp: one thread
uses it; ``request_abort()`` and the ``cancel`` flag may be set from another thread, and they close
the connection so the stream ends within a token (the server stops generating when it sees the
client gone). Every failure is one EngineError line.

A server can be hostile or broken: every answer is read within bounds (server_stream.py): the size
of a body, a line and an event, the number of streamed parts and characters (``max_tokens`` and a
margin), the time without an event and the time of the whole answer; server text is shown without
control characters. A server that asks for a key gets it as ``Authorization: Bearer``.

http.client rather than urllib: urllib honours ``http_proxy`` variables, and a proxy would carry
the prompts outside the local network.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .engine_api import (
    DEFAULT_N_CTX,
    FREQUENCY_PENALTY,
    PRESENCE_PENALTY,
    REPEAT_PENALTY,
    CancelFlag,
    ChatStream,
    EngineError,
    GenerationResult,
    check_response_format,
    run_to_end,
)
from .server_key import key_problem
from .server_kinds import (
    DETAILS,
    GENERIC,
    LLAMA_CPP_PYTHON,
    PROBES,
    ROADMAP,
    ServedModel,
    ServerKind,
    count_request,
    counted,
    kind_from_models,
    kind_from_probe,
    model_label,
    pick_model,
    response_format_for,
    sampling_fields,
    schema_note,
    served_models,
)
from .server_stream import StreamError, Watchdog, parse_json, printable, sse_events

CONNECT_TIMEOUT = 5.0  # seconds for GET /v1/models: a LAN answers in milliseconds
REQUEST_SECONDS = 15.0  # for a whole answer that is not streamed (model list, token count)
PROBE_SECONDS = 3.0  # for each probe that tells the kind of server; a slow or broken answer ends probing
# Between two streamed events (keep-alive comments do not count). Generous: the server queues
# requests from several laptops and evaluates long prompts before the first token.
READ_TIMEOUT = 300.0
# A whole streamed answer: the wait for the first event plus this much per token asked for.
SECONDS_PER_TOKEN = 1.0
# Parts and characters a stream may hold beyond max_tokens: the role, finish and usage chunks.
PART_MARGIN = 64
MAX_CHARS_PER_TOKEN = 128
MAX_BODY_BYTES = 1024 * 1024  # a model list or an error is a few hundred bytes
CHARS_PER_TOKEN = 4  # count_tokens' estimate when the server cannot count
DEFAULT_PORT = 8080


def is_server_url(text: str) -> bool:
    """True for an http(s) address: the assistant then talks to a model server, not a file."""
    return text.strip().lower().startswith(("http://", "https://"))


def normalise_url(text: str) -> str:
    """``http://host:port`` from what a user typed ("192.168.1.5:8080", ".../v1/", ...).

    Raises EngineError when it cannot be an address of a server."""
    raw = text.strip()
    if not raw:
        raise EngineError("Type the model server's address, e.g. http://192.168.1.20:8080")
    if "://" not in raw:
        raw = "http://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise EngineError(f"Not a model server address: {text.strip()} ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EngineError(f"Not a model server address: {text.strip()} (expected http://HOST:PORT)")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    path = parts.path.rstrip("/")
    if path.endswith("/v1"):
        path = path[: -len("/v1")]
    return f"{parts.scheme}://{host}{f':{port}' if port else ''}{path}"


@dataclass
class RemoteModelInfo:
    """What ``load`` found; ``as_dict`` has the keys the worker and panel read from a local ModelInfo."""

    url: str
    model: str
    models: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kind: ServerKind = GENERIC
    served: list[ServedModel] = field(default_factory=list)  # the models with their details
    n_ctx: int | None = None  # the chosen model's context, where the server says
    parameters: int | None = None  # the chosen model's size, where the server says

    @property
    def chat_template_note(self) -> str:
        return "Chat template: applied by the model server"

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.url,
            "remote": True,
            "model": self.model,
            "model_label": model_label(self.model),
            "models": list(self.models),
            "served": [m.as_dict() for m in self.served],
            "server_kind": self.kind.id,
            "server_name": self.kind.name,
            "schema_enforced": self.kind.enforces_schema,
            "n_ctx": self.n_ctx,  # None: the server does not say; it enforces its own
            "parameters": self.parameters,
            "n_threads": None,
            "n_gpu_layers": 0,
            "chat_format": "server",
            "chat_template_note": self.chat_template_note,
            "notes": list(self.notes),
        }


def _error_detail(body: bytes) -> str:
    """The server's own error message in one short line (FastAPI's and OpenAI's shapes)."""
    text = body.decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        data = None
    if isinstance(data, dict):
        error = data.get("error", data.get("detail"))
        if isinstance(error, dict):
            error = error.get("message", error)
        if error is not None:
            try:
                text = error if isinstance(error, str) else json.dumps(error)
            except (ValueError, RecursionError):
                text = str(type(error).__name__)
    return printable(text)


class RemoteEngine:
    """One model server. Not thread-safe, like Engine: see the module docstring."""

    def __init__(
        self,
        timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        total_timeout: float | None = None,
        request_timeout: float = REQUEST_SECONDS,
    ) -> None:
        """``total_timeout``: the most seconds one streamed answer may take (default: the read
        timeout plus SECONDS_PER_TOKEN per token asked for)."""
        self.info: RemoteModelInfo | None = None
        self.timeout = timeout
        self.read_timeout = read_timeout
        self.total_timeout = total_timeout
        self.request_timeout = request_timeout
        self._api_key: str | None = None
        self._lock = threading.Lock()  # guards _connection against request_abort from another thread
        self._connection: http.client.HTTPConnection | None = None
        self._socket: socket.socket | None = None  # the connection's, while it is published
        self._abort_requested = False
        self._timed_out: str | None = None  # the watchdog's reason when it closed the connection
        self._answer_headers: dict[str, str] = {}  # of the last whole answer, names in lower case

    # -- state ---------------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self.info is not None

    @property
    def url(self) -> str:
        return self.info.url if self.info else ""

    @property
    def chat_template_note(self) -> str:
        return self.info.chat_template_note if self.info else ""

    # -- connecting ------------------------------------------------------------------------------
    def load(
        self,
        url: str,
        n_ctx: int = DEFAULT_N_CTX,
        n_threads: int | None = None,
        n_gpu_layers: int = 0,
        verbose: bool = False,
        api_key: str | None = None,
        model: str | None = None,
        prefer_model: str | None = None,
    ) -> RemoteModelInfo:
        """Check that the server answers and serves a model, tell its kind and list its chat models;
        ``model`` picks one of them (EngineError when it is not served), else ``prefer_model`` if
        served, else a loaded one, else the first. ``api_key`` is the key the server asks for, if
        any. The local-model settings are accepted for the worker's sake and ignored: the server
        was started with its own."""
        del n_ctx, n_threads, n_gpu_layers, verbose
        self.close()
        base = normalise_url(url)
        key = (api_key or "").strip() or None
        if key is not None and (problem := key_problem(key)):
            raise EngineError(f"Not a model server key: {problem}")
        self._api_key = key
        try:
            body = self._request(base, "GET", "/v1/models", None)
        except _NoAnswer:
            # It accepted the connection, but llama-cpp-python answers the model list only between
            # generations: busy with another laptop's request. Requests queue there, so use it.
            note = "The server is busy with another request; yours will wait for it"
            self.info = RemoteModelInfo(
                url=base, model=model or prefer_model or "", notes=[note], kind=LLAMA_CPP_PYTHON
            )
            return self.info
        headers = self._answer_headers
        data = self._json(base, body, "the model list")
        if not isinstance(data.get("data") if isinstance(data, dict) else None, list):
            raise EngineError(f"The model server at {base} sent an unexpected model list (no 'data' list)")
        if not served_models(GENERIC, data, {}):
            raise EngineError(f"The model server at {base} serves no model")
        kind = kind_from_models(headers, data) or self._probe_kind(base)
        models = served_models(kind, data, self._probe_all(base, DETAILS.get(kind.id, ())))
        if not models:
            raise EngineError(f"The model server at {base} serves no chat model (only embedding models)")
        chosen = pick_model(models, model or prefer_model)
        if chosen is None and not model:
            chosen = pick_model(models, None)
        if chosen is None:
            offered = ", ".join(m.id for m in models[:8]) + (", …" if len(models) > 8 else "")
            raise EngineError(
                f"The model server at {base} does not serve {printable(model or '', 120)}; it serves {offered}"
            )
        notes = [note] if (note := schema_note(kind, base)) else []
        self.info = RemoteModelInfo(
            url=base,
            model=chosen.id,
            models=[m.id for m in models],
            notes=notes,
            kind=kind,
            served=models,
            n_ctx=chosen.n_ctx,
            parameters=chosen.parameters,
        )
        return self.info

    def _probe(self, base: str, path: str) -> Any:
        """The JSON of ``GET path``, or None when the server refuses it or answers something else;
        _ProbeEnded when it answers too slowly or brokenly to be asked more."""
        saved = self.request_timeout
        self.request_timeout = min(saved, PROBE_SECONDS)
        try:
            return parse_json(self._request(base, "GET", path, None), "an answer")
        except (_Status, StreamError):
            return None
        except EngineError:
            raise _ProbeEnded from None
        finally:
            self.request_timeout = saved

    def _probe_all(self, base: str, paths: tuple[str, ...]) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        for path in paths:
            try:
                answers[path] = self._probe(base, path)
            except _ProbeEnded:
                break
        return answers

    def _probe_kind(self, base: str) -> ServerKind:
        """The kind the first answering probe shows; GENERIC when none does."""
        for path in PROBES:
            try:
                kind = kind_from_probe(path, self._probe(base, path))
            except _ProbeEnded:
                break
            if kind is not None:
                return kind
        return GENERIC

    def close(self) -> None:
        """Forget the server (and drop a running stream). Safe to call repeatedly."""
        self.info = None
        self._api_key = None
        self._drop_connection()

    def _require(self) -> str:
        if self.info is None:
            raise EngineError("No model is loaded")
        return self.info.url

    # -- HTTP --------------------------------------------------------------------------------------
    def _connect(self, base: str, timeout: float) -> tuple[http.client.HTTPConnection, str]:
        parts = urlsplit(base)
        if parts.scheme == "https":
            connection: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname, parts.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            connection = http.client.HTTPConnection(parts.hostname, parts.port or DEFAULT_PORT, timeout=timeout)
        return connection, parts.path

    def _unreachable(self, base: str, exc: BaseException) -> EngineError:
        if isinstance(exc, ConnectionRefusedError):
            why = "connection refused"
        elif isinstance(exc, TimeoutError | socket.timeout):
            why = f"no answer within {self.timeout:g} s"
        elif isinstance(exc, socket.gaierror):
            why = "unknown host name"
        elif isinstance(exc, ssl.SSLError):
            why = f"TLS failed ({exc.reason or exc})"
        else:
            why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return EngineError(f"Cannot reach the model server at {base}: {why}. Is a model server running there?")

    def _open(
        self, base: str, method: str, path: str, payload: dict[str, Any] | None, *, streaming: bool = False
    ) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
        """Send a request; the response's status is checked, its body not yet read.

        The connection is published for ``request_abort`` and the watchdog before anything is
        sent, so either can close it at any moment."""
        connection, prefix = self._connect(base, self.timeout)
        body = json.dumps(payload).encode("utf-8") if payload is not None else None
        headers = {"Accept": "text/event-stream" if streaming else "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        try:
            connection.connect()
        except OSError as exc:
            connection.close()
            if self._timed_out:
                raise self._timeout_error(base) from None
            raise self._unreachable(base, exc) from None
        try:
            if streaming:
                connection.sock.settimeout(self.read_timeout)
            with self._lock:
                self._connection = connection
                # Kept apart: http.client forgets connection.sock once an answer that ends by
                # closing begins (the response reads on), and the socket must still be shut then.
                self._socket = connection.sock
            if streaming and self._abort_requested:  # set while connecting: no socket to close yet
                raise _Aborted
            if self._timed_out:
                raise self._timeout_error(base)
            connection.request(method, prefix + path, body=body, headers=headers)
            response = connection.getresponse()
        except (_Aborted, EngineError):
            connection.close()
            raise
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            if self._timed_out:
                raise self._timeout_error(base) from None
            if streaming and self._abort_requested:
                raise _Aborted from None
            if isinstance(exc, TimeoutError | socket.timeout):
                wait = self.read_timeout if streaming else self.timeout
                raise _NoAnswer(f"The model server at {base} did not answer within {wait:g} s") from None
            raise EngineError(f"The model server at {base} broke off the answer ({type(exc).__name__})") from None
        if response.status != 200:
            try:
                detail = _error_detail(response.read(64_000))
            except (OSError, http.client.HTTPException):
                detail = ""
            finally:
                _close(connection, response)
            if response.status == 401:
                raise _Status(401, self._key_message(base))
            reason = printable(f"HTTP {response.status} {response.reason}", 80)
            raise _Status(
                response.status, f"The model server at {base} answered {reason}" + (f": {detail}" if detail else "")
            )
        return connection, response

    def _key_message(self, base: str) -> str:
        if self._api_key:
            return f"The model server at {base} refused the key: it is not the one that server was started with"
        return f"The model server at {base} needs a key: the one that server was started with"

    def _timeout_error(self, base: str) -> EngineError:
        if self._timed_out == "idle":
            return EngineError(
                f"The model server at {base} sent nothing for {self.read_timeout:g} s; it may be overloaded"
            )
        return EngineError(f"The model server at {base} did not finish its answer in time; it may be overloaded")

    def _request(self, base: str, method: str, path: str, payload: dict[str, Any] | None) -> bytes:
        """A whole answer that is not streamed, at most MAX_BODY_BYTES, within request_timeout."""
        self._timed_out = None
        watchdog = Watchdog(self._watchdog_stop, total=self.request_timeout)
        with watchdog:
            connection, response = self._open(base, method, path, payload)
            self._answer_headers = {name.lower(): value for name, value in response.getheaders()}
            try:
                body = response.read(MAX_BODY_BYTES + 1)
            except (OSError, http.client.HTTPException) as exc:
                if self._timed_out:
                    raise self._timeout_error(base) from None
                raise EngineError(f"The model server at {base} broke off the answer ({type(exc).__name__})") from None
            finally:
                with self._lock:
                    self._connection = self._socket = None
                _close(connection, response)
        if self._timed_out:  # the watchdog shut the socket: what was read is only a part
            raise self._timeout_error(base)
        if len(body) > MAX_BODY_BYTES:
            raise EngineError(f"The model server at {base} sent an answer over {MAX_BODY_BYTES // 1024} KiB")
        return body

    @staticmethod
    def _json(base: str, body: bytes, what: str) -> Any:
        try:
            return parse_json(body, what)
        except StreamError as exc:
            raise EngineError(f"The model server at {base} {exc}") from None

    # -- cancellation ----------------------------------------------------------------------------
    def request_abort(self) -> None:
        """Thread-safe: end the current request at once by closing its connection."""
        self._abort_requested = True
        self._drop_connection()

    def _aborting(self) -> bool:
        return self._abort_requested

    def _drop_connection(self) -> None:
        with self._lock:
            sock = self._socket if self._connection is not None else None
        if sock is not None:
            # shutdown, not just close: it wakes a recv blocked in the worker thread.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    # -- inference -------------------------------------------------------------------------------
    def count_tokens(self, text: str) -> int:
        """The server's count where it has a counter (llama-cpp-python, llama-server, vLLM), else an estimate."""
        base = self._require()
        assert self.info is not None
        request = count_request(self.info.kind, self.info.model, text)
        try:
            if request is not None:
                count = counted(parse_json(self._request(base, "POST", *request), "a token count"))
                if count is not None and count <= 8 * len(text) + 16:
                    return count
        except (EngineError, StreamError):
            pass
        return max(1, len(text) // CHARS_PER_TOKEN) if text else 0

    def stream_chat(
        self,
        messages: list[dict[str, Any]],
        *,
        max_tokens: int = 512,
        temperature: float = 0.7,
        response_format: dict[str, Any] | None = None,
        cancel: CancelFlag = None,
        seed: int | None = None,
        repeat_penalty: float | None = None,
        frequency_penalty: float | None = None,
        presence_penalty: float | None = None,
        stop: list[str] | str | None = None,
    ) -> ChatStream:
        """Stream the reply as text pieces, like ``Engine.stream_chat``: cancelling ends the stream
        with ``result.cancelled`` and never raises; other failures raise EngineError."""
        base = self._require()
        check_response_format(response_format)
        payload = chat_payload(
            messages,
            kind=self.info.kind if self.info else ROADMAP,
            model=self.info.model if self.info else "",
            max_tokens=max_tokens,
            temperature=temperature,
            response_format=response_format,
            seed=seed,
            repeat_penalty=repeat_penalty,
            frequency_penalty=frequency_penalty,
            presence_penalty=presence_penalty,
            stop=stop,
        )
        self._abort_requested = False
        result = GenerationResult()
        return ChatStream(self._pieces(base, payload, cancel, result), result)

    def _pieces(self, base: str, payload: dict[str, Any], cancel: Any, result: GenerationResult) -> Iterator[str]:
        start = time.perf_counter()
        parts: list[str] = []
        max_tokens = int(payload.get("max_tokens") or 0)
        max_parts = max_tokens + PART_MARGIN
        max_chars = max_parts * MAX_CHARS_PER_TOKEN
        total = self.total_timeout
        if total is None:
            total = self.read_timeout + SECONDS_PER_TOKEN * max_tokens
        self._timed_out = None
        watchdog = Watchdog(self._watchdog_stop, total=total, idle=self.read_timeout, cancel=cancel)
        connection = response = None
        chars = 0
        try:
            with watchdog:
                if self._aborting() or watchdog.cancelled():
                    raise _Aborted
                connection, response = self._send_chat(base, payload)
                kind = response.getheader("Content-Type") or ""
                if not kind.lower().startswith("text/event-stream"):
                    shown = printable(kind, 60) or "no content type"
                    raise EngineError(f"The model server at {base} answered with {shown}, not a stream of events")
                for parts_seen, event in enumerate(sse_events(response), start=1):
                    # The flag itself, not only the watchdog's poll: Stop ends the stream before
                    # the next token is yielded, however fast tokens come.
                    if self._aborting() or watchdog.cancelled():
                        raise _Aborted
                    watchdog.poke()
                    if event == "[DONE]":
                        break
                    if parts_seen > max_parts:
                        raise EngineError(
                            f"The model server at {base} sent over {max_parts} parts for {max_tokens} tokens"
                        )
                    text, finish = _chunk_text(base, event)
                    if text:
                        chars += len(text)
                        if chars > max_chars:
                            raise EngineError(
                                f"The model server at {base} sent over {max_chars} characters for {max_tokens} tokens"
                            )
                        if result.time_to_first_token is None:
                            result.time_to_first_token = time.perf_counter() - start
                        parts.append(text)
                        result.pieces += 1
                        yield text
                    if finish:
                        result.finish_reason = "length" if finish == "length" else "stop"
                else:
                    if self._aborting():
                        raise _Aborted
                    if self._timed_out:
                        raise self._timeout_error(base)
                    if result.finish_reason is None:
                        raise EngineError(
                            f"The model server at {base} stopped in the middle of the answer (was it shut down?)"
                        )
                if result.finish_reason is None:
                    result.finish_reason = "stop"
        except _Aborted:
            result.cancelled = True
        except StreamError as exc:
            if self._timed_out:
                raise self._timeout_error(base) from None
            if self._aborting():
                result.cancelled = True
            else:
                raise EngineError(f"The model server at {base} {exc}") from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if self._timed_out:
                raise self._timeout_error(base) from None
            if self._aborting():
                result.cancelled = True
            elif isinstance(exc, TimeoutError | socket.timeout):
                raise EngineError(
                    f"The model server at {base} sent nothing for {self.read_timeout:g} s; it may be overloaded"
                ) from None
            else:
                raise EngineError(f"Lost the connection to the model server at {base} ({type(exc).__name__})") from None
        finally:
            with self._lock:
                self._connection = self._socket = None
            if connection is not None:
                _close(connection, response)
            if result.cancelled:
                result.finish_reason = None
            result.tokens = result.pieces  # one streamed chunk per token
            result.text = "".join(parts)
            result.seconds = time.perf_counter() - start
            self._abort_requested = False

    def _send_chat(
        self, base: str, payload: dict[str, Any]
    ) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
        try:
            return self._open(base, "POST", "/v1/chat/completions", payload, streaming=True)
        except _Status as exc:
            # A server the app does not know may refuse OpenAI's json_schema: ask once more without
            # it (the drafts are checked afterwards, as the note at connect said).
            known = self.info is not None and self.info.kind.known
            if known or exc.status not in (400, 422) or "response_format" not in payload:
                raise
        plain = {name: value for name, value in payload.items() if name != "response_format"}
        return self._open(base, "POST", "/v1/chat/completions", plain, streaming=True)

    def _watchdog_stop(self, reason: str) -> None:
        """Stop (the cancel flag), or silence or an answer that ran too long: close the connection."""
        if reason == "cancel":
            self.request_abort()
            return
        self._timed_out = reason
        self._drop_connection()

    def generate_text(self, messages: list[dict[str, Any]], **options: Any) -> GenerationResult:
        """Convenience: run ``stream_chat`` to the end and return its result."""
        return run_to_end(self.stream_chat(messages, **options))


def chat_payload(
    messages: list[dict[str, Any]],
    *,
    kind: ServerKind = ROADMAP,
    model: str = "",
    max_tokens: int = 512,
    temperature: float = 0.7,
    response_format: dict[str, Any] | None = None,
    seed: int | None = None,
    repeat_penalty: float | None = None,
    frequency_penalty: float | None = None,
    presence_penalty: float | None = None,
    stop: list[str] | str | None = None,
) -> dict[str, Any]:
    """The body of a streamed chat request to a ``kind`` of server, as ``stream_chat`` sends it;
    ``response_format`` is the assistant's own form (``json_object`` + ``schema``)."""
    payload: dict[str, Any] = {
        "messages": list(messages),
        "stream": True,
        "max_tokens": max_tokens,
        "temperature": temperature,
        # The local engine's repetition guards, so a server gives the same kind of drafts.
        **sampling_fields(
            kind,
            REPEAT_PENALTY if repeat_penalty is None else repeat_penalty,
            FREQUENCY_PENALTY if frequency_penalty is None else frequency_penalty,
            PRESENCE_PENALTY if presence_penalty is None else presence_penalty,
        ),
    }
    if model:
        payload["model"] = model
    if seed is not None:
        payload["seed"] = seed
    if stop:
        payload["stop"] = stop
    if response_format is not None:
        payload["response_format"] = response_format_for(kind, response_format)
    return payload


def _close(connection: http.client.HTTPConnection, response: http.client.HTTPResponse | None) -> None:
    """Close both: an answer that ends by closing owns the socket, not the connection."""
    if response is not None:
        response.close()
    connection.close()


class _NoAnswer(EngineError):
    """Internal: connected, but no answer in time."""


class _Status(EngineError):
    """Internal: the server answered with an HTTP error status; ``str()`` is the user's line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _ProbeEnded(Exception):
    """Internal: a probe's answer was too slow or broken to probe further."""


class _Aborted(Exception):
    """Internal: the request was cancelled; never escapes ``stream_chat``."""


def _chunk_text(base: str, event: str) -> tuple[str, str | None]:
    """(content text, finish reason) of one chat.completion.chunk; EngineError for anything else."""
    try:
        chunk = parse_json(event, "a streamed part")
    except StreamError as exc:
        raise EngineError(f"The model server at {base} {exc}") from None
    if not isinstance(chunk, dict):
        raise EngineError(f"The model server at {base} sent an unexpected streamed part: {printable(event, 60)!r}")
    if "error" in chunk:
        raise EngineError(f"The model server at {base} failed: {_error_detail(event.encode('utf-8'))}")
    choices = chunk.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        return "", None  # keep-alive or usage-only chunks carry no text
    choice = choices[0]
    delta = choice.get("delta")
    text = delta.get("content") if isinstance(delta, dict) else None
    finish = choice.get("finish_reason")
    return (text if isinstance(text, str) else ""), (finish if isinstance(finish, str) else None)
