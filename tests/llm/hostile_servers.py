"""A generator of hostile or broken model servers (issue 16 item 8): each case is what a server
sends back, byte by byte and with pauses, and what the client must make of it (an EngineError line
with given words), within bounded time and memory. ``HostileServer`` plays a case on a local
socket in a thread."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

Part = bytes | float  # bytes to send, or seconds to pause
MODELS_OK = json.dumps({"object": "list", "data": [{"id": "fake.gguf"}]}).encode()


@dataclass(frozen=True)
class ServerCase:
    name: str
    stage: str  # "load": the answer to GET /v1/models; "chat": to the streamed chat request
    answer: Callable[[], Iterator[Part]]
    expect: str  # words of the client's one-line EngineError


def _response(status: str, body: bytes, kind: str = "application/json") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def _whole(status: str, body: bytes, kind: str = "application/json") -> Callable[[], Iterator[Part]]:
    return lambda: iter([_response(status, body, kind)])


def _stream(parts: Callable[[], Iterator[Part]], kind: str = "text/event-stream") -> Callable[[], Iterator[Part]]:
    """A response without a length, its body sent as it comes and ended by closing."""

    def answer() -> Iterator[Part]:
        yield f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nConnection: close\r\n\r\n".encode()
        yield from parts()

    return answer


def _event(data: object) -> bytes:
    return b"data: " + json.dumps(data).encode() + b"\n\n"


def _token(text: str) -> bytes:
    return _event({"choices": [{"delta": {"content": text}, "finish_reason": None}]})


def _forever(part: bytes, pause: float = 0.0) -> Callable[[], Iterator[Part]]:
    def parts() -> Iterator[Part]:
        while True:
            yield part
            if pause:
                yield pause

    return parts


def _once(*parts: Part) -> Callable[[], Iterator[Part]]:
    return lambda: iter(parts)


def load_cases() -> list[ServerCase]:
    deep = b'{"object": "list", "data": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    cases = [
        ("nested model list", _whole("200 OK", deep), "nested too deeply"),
        (
            "deep object in an error",
            _whole("500 Oops", b'{"error": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001),
            "500",
        ),
        ("model list over 1 MiB", _whole("200 OK", b'{"data": "' + b"x" * 3_000_000 + b'"}'), "over 1024 KiB"),
        ("model list in HTML", _whole("200 OK", b"<html>login</html>", "text/html"), "not JSON"),
        ("model list not UTF-8", _whole("200 OK", b'{"data": ["\xff\xfe"]}'), "not JSON"),
        ("model list a list", _whole("200 OK", b"[1, 2]"), "no 'data' list"),
        ("data not a list", _whole("200 OK", b'{"data": {"id": "x"}}'), "no 'data' list"),
        ("no model", _whole("200 OK", b'{"data": []}'), "serves no model"),
        ("ids not texts", _whole("200 OK", b'{"data": [{"id": 5}, {"id": null}, 7]}'), "serves no model"),
        ("ids only control characters", _whole("200 OK", b'{"data": [{"id": "\\u001b\\u0007"}]}'), "serves no model"),
        ("NaN", _whole("200 OK", b'{"data": NaN}'), "no 'data' list"),
        ("key needed", _whole("401 Unauthorized", b'{"error": {"message": "no"}}'), "needs a key"),
        (
            "multi-line traceback",
            _whole("500 Internal", b'{"detail": "Traceback\\n  File x\\n\\u001b]0;t\\u0007"}'),
            "500",
        ),
        ("status line garbage", _once(b"HTTP/1.1 abc\r\n\r\n"), "broke off the answer"),
        ("no HTTP at all", _once(b"\x00\x01\x02 hello\r\n\r\n"), "broke off the answer"),
        ("header line too long", _once(b"HTTP/1.1 200 OK\r\nX: " + b"a" * 200_000 + b"\r\n\r\n"), "broke off"),
        ("too many headers", _once(b"HTTP/1.1 200 OK\r\n" + b"X: a\r\n" * 1000 + b"\r\n"), "broke off"),
        ("closes at once", _once(), "broke off the answer"),
        ("silent", _once(30.0), "did not finish its answer in time"),
        ("drips forever", _stream(_forever(b" ", 0.05), "application/json"), "did not finish its answer in time"),
    ]
    return [ServerCase(f"load: {name}", "load", answer, expect) for name, answer, expect in cases]


def chat_cases() -> list[ServerCase]:
    role = _event({"choices": [{"delta": {"role": "assistant"}, "finish_reason": None}]})
    cases = [
        ("endless line", _stream(_forever(b"data: " + b"x" * 65_536)), "line over 256 KiB"),
        ("event without a blank line", _stream(_forever(b"data: " + b"x" * 1000 + b"\n")), "event over 1024 KiB"),
        ("keep-alive forever", _stream(_forever(b": ping\n\n", 0.05)), "sent nothing for"),
        ("empty events forever", _stream(_forever(b"\n\n", 0.02)), "sent nothing for"),
        ("tokens beyond max_tokens", _stream(_forever(_token("a"))), "parts for 8 tokens"),
        ("huge tokens", _stream(_forever(_token("x" * 60_000))), "characters for 8 tokens"),
        ("slow tokens", _stream(_forever(b"data: {}\n\n", 0.1)), "did not finish its answer in time"),
        ("nested event", _stream(_once(b"data: " + b"[" * 100_000 + b"\n\n")), "nested too deeply"),
        ("not JSON", _stream(_once(role, b"data: {oops\n\n")), "not JSON"),
        ("event a list", _stream(_once(b"data: [1]\n\n")), "unexpected streamed part"),
        ("error event", _stream(_once(_event({"error": {"message": "boom\n\u001b[2J"}}))), "failed: boom"),
        ("cut off", _stream(_once(role, _token("Hel"))), "stopped in the middle"),
        ("not a stream", _whole("200 OK", b'{"choices": []}'), "not a stream of events"),
        ("HTML stream", _stream(_once(b"<html>"), "text/html"), "not a stream of events"),
        ("rate limited", _whole("429 Too Many", b'{"error": {"message": "slow down"}}'), "429"),
        ("wrong key", _whole("401 Unauthorized", b""), "needs a key"),
        (
            "odd shapes",
            _stream(_once(b'data: {"choices": 5}\n\n', b'data: {"choices": [{"delta": 3}]}\n\n')),
            "stopped",
        ),
    ]
    return [ServerCase(f"chat: {name}", "chat", answer, expect) for name, answer, expect in cases]


def corpus() -> list[ServerCase]:
    return load_cases() + chat_cases()


class HostileServer:
    """Answers GET /v1/models normally unless the case is of the load stage, and every other request
    with the case. Reads each request's head and body, then plays the answer until the client leaves."""

    def __init__(self, case: ServerCase) -> None:
        self.case = case
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self.listener.close()
        self._thread.join(5)

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._answer, args=(client,), daemon=True).start()

    def _answer(self, client: socket.socket) -> None:
        with client:
            client.settimeout(5)
            try:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += client.recv(65536) or b"\r\n\r\n"
                head, _, rest = data.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length")
                    ),
                    0,
                )
                while len(rest) < length:
                    rest += client.recv(65536) or b" " * length
                is_models = head.startswith(b"GET /v1/models")
                if is_models and self.case.stage != "load":
                    client.sendall(_response("200 OK", MODELS_OK))
                    return
                for part in self.case.answer():
                    if self._stop.is_set():
                        return
                    if isinstance(part, float):
                        time.sleep(part)
                    else:
                        client.sendall(part)
            except OSError:
                return  # the client closed the connection: what it should do
