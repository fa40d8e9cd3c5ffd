"""Replays the recorded answers of model servers we cannot run here (tests/fixtures/servers/*.json,
taken from each server's documentation): GET routes as recorded, the streamed chat as recorded
Server-Sent Events, 404 for anything else, and every request kept for the test to look at."""

from __future__ import annotations

import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "servers"
RECORDED = sorted(path.stem for path in FIXTURES.glob("*.json"))


def recording(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _route(self, method: str, body: object) -> None:
        self.server.requests.append((method, self.path, body))
        routes = self.server.recording.get("routes" if method == "GET" else "posts", {})
        route = routes.get(f"{method} {self.path}")
        if route is None:
            self._answer(404, {"error": {"message": f"{self.path} not found", "type": "not_found_error"}})
            return
        self._answer(route.get("status", 200), route["body"], route.get("headers"))

    def do_GET(self) -> None:
        self._route("GET", None)

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"null")
        if self.path != "/v1/chat/completions":
            self._route("POST", body)
            return
        self.server.requests.append(("POST", self.path, body))
        refuse = self.server.refuse_response_format
        if refuse and isinstance(body, dict) and "response_format" in body:
            self._answer(400, {"error": {"message": "response_format is not supported", "type": "invalid_request"}})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for event in self.server.recording["chat"]["events"]:
            data = event if isinstance(event, str) else json.dumps(event)
            chunk = f"data: {data}\n\n".encode()
            self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    recording: dict[str, Any]
    requests: list[tuple[str, str, Any]]
    refuse_response_format: bool


class RecordedServer:
    """``with RecordedServer("ollama") as server:`` serves the recording on a free loopback port;
    ``server.recording`` may be changed before requests (a copy of the file's)."""

    def __init__(self, name: str | dict[str, Any], *, refuse_response_format: bool = False) -> None:
        self.recording = copy.deepcopy(recording(name) if isinstance(name, str) else name)
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.recording = self.recording
        self._server.requests = []
        self._server.refuse_response_format = refuse_response_format
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def requests(self) -> list[tuple[str, str, Any]]:
        return self._server.requests

    def chat_bodies(self) -> list[dict[str, Any]]:
        return [body for method, path, body in self.requests if (method, path) == ("POST", "/v1/chat/completions")]

    def __enter__(self) -> RecordedServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
