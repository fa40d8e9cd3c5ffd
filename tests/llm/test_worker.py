"""The LLM thread and its GUI-side controller, with the real bundled SmolLM2 GGUF."""

from __future__ import annotations

import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QThread, QTimer

from roadmap_desktop.llm.worker import LlmController

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
POEM = [{"role": "user", "content": "Write a short poem about product roadmaps."}]
OPTIONS = {"max_tokens": 48, "temperature": 0, "seed": 1}
TIMEOUT = 60_000

pytestmark = [
    pytest.mark.llm,
    pytest.mark.skipif(not MODEL.exists(), reason="the bundled SmolLM2 GGUF is missing"),
]


class Recorder:
    """Collects the controller's signals on the GUI thread."""

    def __init__(self, controller: LlmController) -> None:
        self.tokens: list[tuple[int, str]] = []
        self.finished: dict[int, tuple[str, dict]] = {}
        self.failed: dict[int, str] = {}
        self.order: list[int] = []
        self.threads: set[object] = set()
        controller.token_received.connect(self.on_token)
        controller.generation_finished.connect(self.on_finished)
        controller.generation_failed.connect(self.on_failed)

    def on_token(self, request_id: int, text: str) -> None:
        self.threads.add(QThread.currentThread())
        self.tokens.append((request_id, text))

    def on_finished(self, request_id: int, text: str, stats: dict) -> None:
        self.order.append(request_id)
        self.finished[request_id] = (text, stats)

    def on_failed(self, request_id: int, message: str) -> None:
        self.order.append(request_id)
        self.failed[request_id] = message

    def text_of(self, request_id: int) -> str:
        return "".join(text for rid, text in self.tokens if rid == request_id)


@pytest.fixture
def controller(qtbot):
    ctl = LlmController()
    yield ctl
    assert ctl.shutdown(), "the LLM thread did not stop"
    assert not ctl.running


@pytest.fixture
def loaded(qtbot, controller):
    with qtbot.waitSignal(controller.model_loaded, timeout=TIMEOUT) as blocker:
        controller.load(str(MODEL), {"n_ctx": 2048, "n_threads": 1})
    path, info = blocker.args
    assert path == str(MODEL)
    assert info["n_ctx"] == 2048
    return controller


def wait_finished(qtbot, recorder: Recorder, *request_ids: int) -> None:
    qtbot.waitUntil(lambda: all(r in recorder.finished or r in recorder.failed for r in request_ids), timeout=TIMEOUT)


def test_tokens_arrive_in_order_and_stats_are_sane(qtbot, loaded):
    recorder = Recorder(loaded)
    request_id = loaded.generate(POEM, OPTIONS)
    wait_finished(qtbot, recorder, request_id)
    text, stats = recorder.finished[request_id]
    assert recorder.tokens and {rid for rid, _ in recorder.tokens} == {request_id}
    assert recorder.text_of(request_id) == text
    assert recorder.threads == {QThread.currentThread()}  # delivered on the GUI thread
    assert 1 <= stats["tokens"] <= 48
    assert stats["seconds"] > 0
    assert stats["tokens_per_second"] > 0
    assert 0 < stats["time_to_first_token"] <= stats["seconds"]
    assert stats["cancelled"] is False


def test_gui_keeps_processing_events_while_generating(qtbot, loaded):
    recorder = Recorder(loaded)
    clock = QElapsedTimer()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    clock.start()
    timer.start()
    try:
        request_id = loaded.generate(POEM, {**OPTIONS, "max_tokens": 64})
        wait_finished(qtbot, recorder, request_id)
    finally:
        timer.stop()
    seconds = clock.elapsed() / 1000
    gaps = [b - a for a, b in pairwise(ticks)]
    assert len(ticks) >= seconds * 100 * 0.5, (len(ticks), seconds)
    assert max(gaps) < 100, max(gaps)


def test_cancel_via_controller(qtbot, loaded):
    recorder = Recorder(loaded)
    request_id = loaded.generate(POEM, {"max_tokens": 400, "temperature": 0.8, "seed": 3})
    qtbot.waitUntil(lambda: len(recorder.tokens) >= 3, timeout=TIMEOUT)
    loaded.cancel(request_id)
    seen_at_cancel = len(recorder.tokens)
    wait_finished(qtbot, recorder, request_id)
    _text, stats = recorder.finished[request_id]
    assert stats["cancelled"] is True
    assert len(recorder.tokens) == seen_at_cancel  # stale tokens are dropped
    assert stats["tokens"] < 400


def test_cancel_before_start_still_counts(qtbot, loaded):
    recorder = Recorder(loaded)
    first = loaded.generate(POEM, OPTIONS)
    second = loaded.generate(POEM, OPTIONS)
    loaded.cancel(second)
    wait_finished(qtbot, recorder, first, second)
    assert recorder.finished[second][1]["cancelled"] is True
    assert recorder.finished[second][1]["tokens"] == 0
    assert recorder.finished[first][1]["cancelled"] is False


def test_second_request_is_queued_behind_the_first(qtbot, loaded):
    recorder = Recorder(loaded)
    first = loaded.generate(POEM, {**OPTIONS, "max_tokens": 24})
    second = loaded.generate([{"role": "user", "content": "Name a colour."}], {**OPTIONS, "max_tokens": 12})
    wait_finished(qtbot, recorder, first, second)
    assert recorder.order == [first, second]
    ids = [rid for rid, _ in recorder.tokens]
    assert ids == sorted(ids)  # no interleaving: all of the first, then all of the second
    assert recorder.text_of(second) == recorder.finished[second][0]


def test_generate_before_load_fails_as_a_signal(qtbot, controller):
    recorder = Recorder(controller)
    with qtbot.waitSignal(controller.generation_failed, timeout=TIMEOUT) as blocker:
        request_id = controller.generate(POEM, OPTIONS)
    assert blocker.args == [request_id, "No model is loaded"]
    assert controller.running  # the thread survived
    assert recorder.failed == {request_id: "No model is loaded"}


def test_bad_model_fails_as_a_signal(qtbot, controller, tmp_path):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"not a model")
    with qtbot.waitSignal(controller.load_failed, timeout=TIMEOUT) as blocker:
        controller.load(str(bad), {"n_threads": 1})
    assert "not a gguf model file" in blocker.args[0].lower()  # the catalog's header check says it first
    assert controller.running


def test_a_model_that_crashed_its_check_fails_as_a_signal(qtbot, controller, tmp_path, monkeypatch):
    """The first use of a file is checked in a child process (model_checking says so); a child that
    dies is a refusal, and the app's process and LLM thread carry on."""
    from hostile_gguf import gguf_bytes, tiny_metadata

    from roadmap_desktop.llm import probe
    from roadmap_desktop.persistence.paths import HOME_ENV

    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    model = tmp_path / "crashes.gguf"
    model.write_bytes(gguf_bytes(tiny_metadata()))
    real_probe = probe.probe_model
    monkeypatch.setattr(
        probe,
        "probe_model",
        lambda path, **k: real_probe(path, command=[sys.executable, "-c", "import os; os.abort()"]),
    )
    checking: list[str] = []
    controller.model_checking.connect(checking.append)
    with qtbot.waitSignal(controller.load_failed, timeout=TIMEOUT) as blocker:
        controller.load(str(model), {"n_threads": 1})
    assert "crashes.gguf" in blocker.args[0] and "crashed llama.cpp" in blocker.args[0]
    assert "\n" not in blocker.args[0]
    assert checking == [str(model)]
    assert controller.running


def test_shutdown_stops_a_running_generation(qtbot, loaded):
    recorder = Recorder(loaded)
    loaded.generate(POEM, {"max_tokens": 400, "temperature": 0.8})
    qtbot.waitUntil(lambda: len(recorder.tokens) >= 1, timeout=TIMEOUT)
    start = time.perf_counter()
    assert loaded.shutdown()
    assert time.perf_counter() - start < 5
    assert not loaded.running
    with pytest.raises(RuntimeError):
        loaded.generate(POEM, OPTIONS)
