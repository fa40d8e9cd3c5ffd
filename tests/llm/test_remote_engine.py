"""RemoteEngine against a fake OpenAI-style SSE server in a thread, and once against the real
`roadmap-desktop serve` with the bundled SmolLM2 (marked llm)."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import hostile_servers
import jsonschema
import pytest

from roadmap_desktop.llm.engine_api import EngineError
from roadmap_desktop.llm.remote_engine import RemoteEngine, is_server_url, normalise_url

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
HELLO = [{"role": "user", "content": "Say hello."}]


class FakeHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # chunked streaming, as uvicorn sends it

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _json(self, status: int, data: object) -> None:
        body = json.dumps(data).encode() if not isinstance(data, bytes) else data
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _chunk(self, text: str) -> None:
        data = text.encode()
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def do_GET(self) -> None:
        mode = self.server.mode
        if self.path != "/v1/models":
            self._json(404, {"detail": "Not Found"})
        elif mode == "models-html":
            self._json(200, b"<html>a router's login page</html>")
        else:
            self._json(200, {"object": "list", "data": [{"id": "fake.gguf", "object": "model", "owned_by": "me"}]})

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, body))
        mode = self.server.mode
        if self.path == "/extras/tokenize/count":
            self._json(404, {"detail": "Not Found"})
            return
        if mode == "500":
            self._json(500, {"error": {"message": "model crashed\nTraceback ...", "type": "internal_server_error"}})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            self._chunk(": ping - keep-alive comment\r\n\r\n")
            self._chunk(_event({"choices": [{"delta": {"role": "assistant"}, "finish_reason": None}]}))
            pieces = ["Hel", "lo", " wor", "ld", "!"]
            for index, piece in enumerate(pieces):
                if mode == "bad-json" and index == 2:
                    self._chunk("data: {not json\n\n")
                if mode == "stall" and index == 2:
                    self.server.stalled.set()
                    self.server.release.wait(10)  # until the test ends: the client must not wait for it
                if mode == "truncated" and index == 3:
                    self.wfile.write(b"0\r\n\r\n")
                    return
                self._chunk(_event({"choices": [{"delta": {"content": piece}, "finish_reason": None}]}))
            self._chunk(_event({"choices": [{"delta": {}, "finish_reason": "length"}]}))
            self._chunk("data: [DONE]\n\n")
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            self.server.disconnects += 1


def _event(data: dict) -> str:
    return f"data: {json.dumps(data)}\n\n"


@pytest.fixture
def fake():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeHandler)
    server.daemon_threads = True
    server.mode = "ok"
    server.requests = []
    server.disconnects = 0
    server.stalled = threading.Event()
    server.release = threading.Event()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_urls_are_told_from_files_and_normalised():
    assert is_server_url("http://10.0.0.5:8080") and is_server_url(" HTTPS://x ")
    assert not is_server_url("/models/x.gguf") and not is_server_url("C:\\models\\x.gguf")
    assert normalise_url("192.168.1.20:8080") == "http://192.168.1.20:8080"
    assert normalise_url("http://host:8080/v1/") == "http://host:8080"
    assert normalise_url("http://[::1]:8080") == "http://[::1]:8080"
    for bad in ("", "ftp://host", "http://", "http://host:99999"):
        with pytest.raises(EngineError):
            normalise_url(bad)


def test_load_lists_the_served_model(fake):
    engine = RemoteEngine()
    info = engine.load(fake.url + "/v1", n_ctx=2048, n_threads=1)
    assert engine.loaded and info.url == fake.url and info.model == "fake.gguf"
    assert info.as_dict()["path"] == fake.url and info.as_dict()["remote"] is True


def test_tokens_stream_in_order_with_the_options_sent(fake):
    engine = RemoteEngine()
    engine.load(fake.url)
    schema = {"type": "object", "properties": {"a": {"type": "string"}}}
    stream = engine.stream_chat(
        HELLO, max_tokens=7, temperature=0.2, seed=5, response_format={"type": "json_object", "schema": schema}
    )
    pieces = list(stream)
    assert pieces == ["Hel", "lo", " wor", "ld", "!"]
    result = stream.result
    assert result.text == "Hello world!" and result.tokens == 5 and result.finish_reason == "length"
    assert not result.cancelled and result.time_to_first_token is not None
    path, body = fake.requests[-1]
    assert path == "/v1/chat/completions" and body["stream"] is True
    assert (body["max_tokens"], body["temperature"], body["seed"], body["model"]) == (7, 0.2, 5, "fake.gguf")
    assert body["response_format"] == {"type": "json_object", "schema": schema}
    assert body["messages"] == HELLO
    assert engine.count_tokens("twelve chars") == 3  # estimated: the fake cannot count


def test_unreachable_server_is_one_clear_line():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(EngineError) as caught:
        RemoteEngine().load(url)
    assert str(caught.value) == (
        f"Cannot reach the model server at {url}: connection refused. Is a model server running there?"
    )


def test_http_error_and_not_json_are_one_line_each(fake):
    engine = RemoteEngine()
    fake.mode = "models-html"
    with pytest.raises(EngineError, match="sent the model list that is not JSON: \"<html>a router's") as caught:
        engine.load(fake.url)
    assert "\n" not in str(caught.value)
    fake.mode = "500"
    engine.load(fake.url.replace("127.0.0.1", "localhost"))  # the model list still works in this mode
    with pytest.raises(
        EngineError, match=r"answered HTTP 500 Internal Server Error: model crashed Traceback"
    ) as caught:
        list(engine.stream_chat(HELLO))
    assert "\n" not in str(caught.value)


def test_bad_streamed_json_and_a_cut_stream_are_errors_not_crashes(fake):
    engine = RemoteEngine()
    engine.load(fake.url)
    fake.mode = "bad-json"
    seen: list[str] = []
    with pytest.raises(EngineError, match=r"streamed part that is not JSON: '\{not json'"):
        seen.extend(engine.stream_chat(HELLO))
    assert seen == ["Hel", "lo"]  # what came before stays delivered
    fake.mode = "truncated"
    with pytest.raises(EngineError, match="stopped in the middle of the answer"):
        list(engine.stream_chat(HELLO))
    fake.mode = "ok"
    assert engine.generate_text(HELLO).text == "Hello world!"  # the engine is still usable


@pytest.mark.parametrize("how", ["cancel-flag", "request-abort"])
def test_stop_closes_the_connection_while_the_server_is_silent(fake, how):
    engine = RemoteEngine()
    engine.load(fake.url)
    fake.mode = "stall"
    flag = threading.Event()
    stream = engine.stream_chat(HELLO, cancel=flag)
    pieces = [next(stream), next(stream)]
    assert fake.stalled.wait(5)
    stop = flag.set if how == "cancel-flag" else engine.request_abort
    timer = threading.Timer(0.2, stop)
    start = time.perf_counter()
    timer.start()
    pieces.extend(stream)  # blocked in recv until the stop closes the socket
    waited = time.perf_counter() - start
    timer.join()
    assert pieces == ["Hel", "lo"]
    assert stream.result.cancelled and stream.result.finish_reason is None
    assert waited < 2, waited
    fake.mode = "ok"
    assert engine.generate_text(HELLO).text == "Hello world!"  # the next request is not cancelled


def test_a_cancel_set_before_the_request_ends_it_at_once(fake):
    engine = RemoteEngine()
    engine.load(fake.url)
    flag = threading.Event()
    flag.set()
    stream = engine.stream_chat(HELLO, cancel=flag)
    assert list(stream) == [] and stream.result.cancelled


def test_generate_before_load_and_bad_response_format_are_errors(fake):
    engine = RemoteEngine()
    with pytest.raises(EngineError, match="No model is loaded"):
        engine.stream_chat(HELLO)
    engine.load(fake.url)
    with pytest.raises(EngineError, match="json_object"):
        engine.stream_chat(HELLO, response_format={"type": "json_schema"})


def test_the_worker_uses_a_server_for_an_address(qtbot, fake):
    from roadmap_desktop.llm.worker import LlmController

    controller = LlmController()
    try:
        with qtbot.waitSignal(controller.model_loaded, timeout=10_000) as loaded:
            controller.load(fake.url, {"n_ctx": 2048, "n_threads": 1})
        assert loaded.args[0] == fake.url and loaded.args[1]["model"] == "fake.gguf"
        tokens: list[str] = []
        controller.token_received.connect(lambda _rid, text: tokens.append(text))
        with qtbot.waitSignal(controller.generation_finished, timeout=10_000) as finished:
            controller.generate(HELLO, {"max_tokens": 5, "temperature": 0})
        assert finished.args[1] == "Hello world!" and "".join(tokens) == "Hello world!"
        assert finished.args[2]["tokens"] == 5 and not finished.args[2]["cancelled"]
        url = f"http://127.0.0.1:{free_port()}"
        with qtbot.waitSignal(controller.load_failed, timeout=10_000) as failed:
            controller.load(url, {})
        assert failed.args[0].startswith(f"Cannot reach the model server at {url}: connection refused.")
    finally:
        assert controller.shutdown()


# -- the real server ---------------------------------------------------------------------------


SERVER_KEY = "test-key-1234"


def answers(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/v1/models", headers={"Authorization": f"Bearer {SERVER_KEY}"})
        return connection.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


@pytest.fixture
def served():
    """`roadmap-desktop serve` with SmolLM2 on a free loopback port; always stopped."""
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    from roadmap_desktop.commandline.serve import missing_server_modules

    if missing_server_modules():
        pytest.skip("the server extra is not installed: pip install -e '.[server]'")
    port = free_port()
    command = [sys.executable, "-m", "roadmap_desktop", "serve", "--model", str(MODEL), "--port", str(port)]
    command += ["--host", "127.0.0.1", "--threads", "1", "--n-ctx", "2048", "--api-key", SERVER_KEY]
    log = open(os.devnull, "w")  # noqa: SIM115 - closed below, after the process
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "serve exited early"
            assert time.monotonic() < deadline, "serve was not ready within 60 s"
            if answers(port):
                break
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()  # SIGTERM: uvicorn shuts down cleanly
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        log.close()


@pytest.mark.llm
@pytest.mark.slow
def test_serve_streams_tokens_and_a_structured_task(qtbot, served):
    from roadmap_desktop.domain.project import Project
    from roadmap_desktop.domain.requirement import Requirement
    from roadmap_desktop.llm.drafting import run_task
    from roadmap_desktop.llm.task_base import TaskInputs
    from roadmap_desktop.llm.tasks import get_task
    from roadmap_desktop.llm.worker import LlmController
    from roadmap_desktop.persistence.risk_library_file import load_default_risk_library

    controller = LlmController()
    try:
        with qtbot.waitSignal(controller.model_loaded, timeout=30_000) as loaded:
            controller.load(served, {"api_key": SERVER_KEY})
        assert loaded.args[1]["model"] == MODEL.name
        tokens: list[str] = []
        controller.token_received.connect(lambda _rid, text: tokens.append(text))
        with qtbot.waitSignal(controller.generation_finished, timeout=60_000) as finished:
            controller.generate([{"role": "user", "content": "Name three colours."}], {"max_tokens": 16, "seed": 1})
        text, stats = finished.args[1], finished.args[2]
        assert len(tokens) >= 3 and "".join(tokens) == text and stats["tokens"] == len(tokens)
    finally:
        assert controller.shutdown()

    with pytest.raises(EngineError, match="needs a key"):
        RemoteEngine().load(served)
    engine = RemoteEngine()
    info = engine.load(served, api_key=SERVER_KEY)
    assert info.kind.id == "roadmap-desktop" and info.kind.enforces_schema and info.notes == []  # told by owned_by
    # A grammar that crashed llama.cpp is refused in one line, and the server serves on.
    connection = http.client.HTTPConnection(served.removeprefix("http://").split(":")[0], int(served.split(":")[-1]))
    body = json.dumps({"messages": HELLO, "grammar": 'root ::= ((("'})
    headers = {"Authorization": f"Bearer {SERVER_KEY}", "Content-Type": "application/json"}
    connection.request("POST", "/v1/chat/completions", body=body, headers=headers)
    refused = connection.getresponse()
    assert refused.status == 400 and b"'grammar' is not accepted" in refused.read()
    connection.close()
    rounds: list[tuple[dict, object]] = []

    class Recording:  # run_task's engine, keeping each round's stream to check its raw JSON
        def stream_chat(self, messages, **options):
            stream = engine.stream_chat(messages, **options)
            rounds.append((options["response_format"]["schema"], stream))
            return stream

    project = Project.new("Shop helper")
    project.requirements = [Requirement(title="Answer order questions from order data")]
    inputs = TaskInputs(project=project, library=load_default_risk_library())
    result = run_task(Recording(), get_task("risks"), inputs, seed=3)
    assert result.suggestions, result.dropped
    for suggestion in result.suggestions:
        suggestion.value.validate()
    finished = [(schema, stream.result) for schema, stream in rounds if stream.result.finish_reason == "stop"]
    assert finished, [stream.result for _schema, stream in rounds]
    for schema, done in finished:  # the server applied the schema as a grammar
        jsonschema.validate(json.loads(done.text), schema)


# -- hostile servers (issue 16 item 8) -----------------------------------------------------------------


def _bounded_engine() -> RemoteEngine:
    # Short clocks, so the corpus runs in seconds: the bounds are the same code at any length.
    return RemoteEngine(timeout=2.0, read_timeout=0.6, total_timeout=1.5, request_timeout=1.0)


@pytest.mark.parametrize("case", hostile_servers.corpus(), ids=lambda c: c.name)
def test_a_hostile_server_is_one_line_within_bounds(case):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with hostile_servers.HostileServer(case) as server:
        engine = _bounded_engine()
        with pytest.raises(EngineError) as caught:
            engine.load(server.url)
            list(engine.stream_chat(HELLO, max_tokens=8))
    message = str(caught.value)
    assert case.expect in message, message
    assert "\n" not in message and len(message) < 600, message
    assert all(c.isprintable() for c in message), repr(message)
    assert time.perf_counter() - start < 4
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before  # KiB on Linux
    assert grown < 64 * 1024, f"{grown} KiB"


def test_the_hostile_server_corpus_covers_the_class():
    cases = hostile_servers.corpus()
    assert len(cases) >= 35 and len({c.name for c in cases}) == len(cases)
    assert {c.stage for c in cases} == {"load", "chat"}


def test_a_key_is_sent_as_a_bearer_header(fake):
    seen: list[str | None] = []
    original = FakeHandler.do_GET

    def recording(handler):
        seen.append(handler.headers.get("Authorization"))
        original(handler)

    FakeHandler.do_GET = recording
    try:
        RemoteEngine().load(fake.url, api_key="abcd-efgh-jkmn-pqrs")
        RemoteEngine().load(fake.url)
    finally:
        FakeHandler.do_GET = original
    assert seen == ["Bearer abcd-efgh-jkmn-pqrs", None]
    with pytest.raises(EngineError, match="Not a model server key"):
        RemoteEngine().load(fake.url, api_key="has space in it")
