"""The remote engine against a real third-party server: llama.cpp's own `llama-server`, built from the
llama.cpp source vendored in llama-cpp-python (packaging/build_llama_server.sh), serving the bundled
SmolLM2. Every assistant task end to end with the schema enforced, Stop within a token, and the
server killed in the middle of an answer. Skipped, with the reason, when the binary is not built."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import threading
import time
from importlib.metadata import version
from pathlib import Path

import jsonschema
import pytest
from test_remote_engine import MODEL, free_port

from roadmap_desktop.llm.engine_api import EngineError
from roadmap_desktop.llm.remote_engine import RemoteEngine

pytestmark = [pytest.mark.llm, pytest.mark.slow]
ESSAY = [{"role": "user", "content": "Write a long essay about the history of bread, with many details."}]


def llama_server_binary() -> Path | None:
    """$ROADMAP_LLAMA_SERVER, else the binary build_llama_server.sh cached for this llama-cpp-python."""
    if given := os.environ.get("ROADMAP_LLAMA_SERVER"):
        return Path(given)
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    cache = Path(os.environ.get("LLAMA_SERVER_CACHE") or cache_home / "roadmap-desktop" / "llama-server")
    found = sorted(cache.glob(f"{version('llama-cpp-python')}-*/llama-server"))
    return found[0] if found else None


class LlamaServer:
    def __init__(self, binary: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [str(binary), "-m", str(MODEL), "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["-c", "4096", "-np", "1", "-t", "2", "--no-webui", "--metrics"]
        self._log = open(log, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while self.get("/health")[0] != 200:
            assert self.process.poll() is None, f"llama-server exited early: {log.read_text()[-2000:]}"
            assert time.monotonic() < deadline, "llama-server was not ready within 120 s"
            time.sleep(0.2)

    def get(self, path: str) -> tuple[int, object]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", path)
            answer = connection.getresponse()
            body = answer.read()
            return answer.status, body.decode() if path == "/metrics" else json.loads(body or b"null")
        except (OSError, http.client.HTTPException, ValueError):
            return 0, None
        finally:
            connection.close()

    def tokens_generated(self) -> int:
        """The server's own count of the tokens it generated so far (Prometheus /metrics)."""
        _status, text = self.get("/metrics")
        line = next(line for line in str(text).splitlines() if line.startswith("llamacpp:tokens_predicted_total"))
        return int(float(line.split()[-1]))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self._log.close()


@pytest.fixture
def llama_server(tmp_path):
    binary = llama_server_binary()
    if binary is None or not binary.is_file():
        pytest.skip("llama-server is not built: run bash packaging/build_llama_server.sh (10-20 minutes, once)")
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    server = LlamaServer(binary, tmp_path / "llama-server.log")
    yield server
    server.stop()


def _inputs(task_name: str, parameters: int):
    from roadmap_desktop.domain.project import Project
    from roadmap_desktop.domain.requirement import Requirement
    from roadmap_desktop.llm.task_base import TaskInputs
    from roadmap_desktop.persistence.risk_library_file import load_default_risk_library

    project = Project.new("Shop helper")
    project.info.brief = "A helper that answers the questions of small online shops' customers about their orders."
    project.requirements = [
        Requirement(title="Answer order questions from order data"),
        Requirement(title="Hand a conversation over to a person"),
        Requirement(title="Show the delivery date of an order"),
    ]
    return TaskInputs(
        project=project,
        brief=project.info.brief,
        library=load_default_risk_library() if task_name == "risks" else None,
        requirement_id=project.requirements[0].id if task_name == "user-story" else "",
        model_parameters=parameters,
    )


def test_every_assistant_task_runs_with_the_schema_enforced(llama_server):
    from roadmap_desktop.llm.drafting import DraftingSession, run_session
    from roadmap_desktop.llm.tasks import TASKS
    from roadmap_desktop.llm.text_checks import FREE_TEXT_PARAMETERS

    engine = RemoteEngine()
    info = engine.load(llama_server.url)
    assert (info.kind.id, info.notes) == ("llama-server", [])
    assert info.as_dict()["model_label"] == MODEL.name  # llama-server names it by the path it was given
    assert info.kind.enforces_schema and 100_000_000 < (info.parameters or 0) < 200_000_000
    assert engine.count_tokens("Hello, how are you?") in range(3, 12)  # llama-server's own /tokenize
    rounds: list[tuple[str, dict, object]] = []

    class Recording:  # run_session's engine: keeps each round's schema and stream
        def stream_chat(self, messages, **options):
            stream = engine.stream_chat(messages, **options)
            rounds.append((task_name, options["response_format"]["schema"], stream))
            return stream

    for task_name, task in TASKS.items():
        # Sized as a large model, so that every task asks the model (a 135M model is spared some).
        session = DraftingSession(task, _inputs(task_name, FREE_TEXT_PARAMETERS), seed=3)
        first = session.start()
        assert first is not None, task_name
        result = run_session(Recording(), session, first)
        assert result.suggestions or result.dropped, task_name
    assert {name for name, _schema, _stream in rounds} == set(TASKS)
    for name in TASKS:
        finished = [(s, st.result) for n, s, st in rounds if n == name and st.result.finish_reason == "stop"]
        assert finished, f"{name}: no round finished within its tokens"
        for schema, done in finished:  # llama-server turned the json_schema form into a grammar
            jsonschema.validate(json.loads(done.text), schema)


def test_assist_drafts_with_llama_server(llama_server, tmp_path, capsys):
    from roadmap_desktop.cli import main

    project = tmp_path / "p.roadmap"
    assert main(["new", "-o", str(project), "--name", "Shop helper"]) == 0
    capsys.readouterr()
    command = ["assist", str(project), "--task", "requirements", "--model", llama_server.url, "--quiet", "--apply"]
    assert main([*command, "--brief", "A helper for small online shops' order questions", "--seed", "2"]) == 0
    captured = capsys.readouterr()
    assert f"note: using {MODEL.name} on llama.cpp server at {llama_server.url}" in captured.err
    report = json.loads(captured.out)
    assert report["suggestions"] and report["timing"]["tokens"] > 0


def test_stop_ends_the_answer_within_a_token_and_frees_the_server(llama_server):
    engine = RemoteEngine()
    engine.load(llama_server.url)
    before = llama_server.tokens_generated()
    flag = threading.Event()
    stream = engine.stream_chat(ESSAY, max_tokens=400, temperature=0.8, seed=1, cancel=flag)
    received: list[str] = []
    for piece in stream:
        received.append(piece)
        if len(received) == 5:
            flag.set()
            stopped_at = time.perf_counter()
    assert len(received) == 5, "a piece came after Stop"
    assert stream.result.cancelled and time.perf_counter() - stopped_at < 1
    # The server sees the connection closed and stops generating (measured: 1-3 tokens after the 5
    # received, the slot free 10-35 ms after Stop); one slot, so it has nothing else to do.
    deadline = time.monotonic() + 5
    while True:
        status, slots = llama_server.get("/slots")
        slot = slots[0] if status == 200 and isinstance(slots, list) and slots else {}
        if not slot.get("is_processing", True):
            break
        assert time.monotonic() < deadline, f"the server still generates: {slot}"
        time.sleep(0.05)
    generated = llama_server.tokens_generated() - before
    assert generated <= 5 + 8, f"the server generated {generated} tokens for a request stopped after 5"
    again = engine.generate_text(ESSAY, max_tokens=8, seed=2)  # the next request is served at once
    assert again.tokens >= 1 and again.time_to_first_token is not None and again.time_to_first_token < 5


def test_a_server_killed_mid_answer_is_one_line_and_nothing_hangs(llama_server):
    engine = RemoteEngine()
    engine.load(llama_server.url)
    stream = engine.stream_chat(ESSAY, max_tokens=400, temperature=0.8, seed=1)
    pieces = [next(stream) for _ in range(3)]
    start = time.perf_counter()
    llama_server.process.kill()
    with pytest.raises(EngineError) as caught:
        pieces.extend(stream)
    message = str(caught.value)
    assert time.perf_counter() - start < 5
    assert llama_server.url in message and "\n" not in message
    assert "stopped in the middle of the answer" in message or "Lost the connection" in message, message
    assert stream.result.text == "".join(pieces) and len(pieces) >= 3  # what came is kept
    llama_server.process.wait(5)
    with pytest.raises(EngineError, match="connection refused"):
        engine.load(llama_server.url)
