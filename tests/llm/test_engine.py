"""The llama.cpp engine against the real bundled SmolLM2 GGUF (one CPU thread)."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from roadmap_desktop.llm.engine import Engine, gpu_offload_supported
from roadmap_desktop.llm.engine_api import EngineError

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
BASE_MODEL = ROOT / "models" / "gemma-3-270m-q4_k_m.gguf"

pytestmark = [
    pytest.mark.llm,
    pytest.mark.skipif(not MODEL.exists(), reason="the bundled SmolLM2 GGUF is missing"),
]

POEM = [{"role": "user", "content": "Write a short poem about product roadmaps."}]


@pytest.fixture(scope="module")
def engine():
    eng = Engine()
    eng.load(MODEL, n_ctx=4096, n_threads=1)
    yield eng
    eng.close()


def test_load_reports_context_and_template(engine):
    assert engine.info.n_ctx == 4096  # not llama-cpp-python's default of 512
    assert engine.info.n_threads == 1
    assert "from the model file" in engine.chat_template_note
    assert isinstance(gpu_offload_supported(), bool)
    assert engine.count_tokens("hello world") >= 2


def test_tokens_stream_in_order(engine):
    stream = engine.stream_chat(POEM, max_tokens=40, temperature=0, seed=1)
    pieces = list(stream)
    assert len(pieces) >= 5
    assert "".join(pieces) == stream.result.text
    assert stream.result.finish_reason in {"stop", "length"}
    assert not stream.result.cancelled
    assert stream.result.time_to_first_token is not None
    # Deterministic at temperature 0: the same request gives the same text.
    again = engine.generate_text(POEM, max_tokens=40, temperature=0, seed=1)
    assert again.text == stream.result.text


def test_text_held_back_as_a_stop_prefix_is_kept_when_the_model_ends_its_answer(engine):
    # Regression: text held back because it could start a stop string was dropped when the
    # end-of-generation token came next. A stop string that starts with the answer's last two
    # characters makes the engine hold exactly those back until the end.
    hello = [{"role": "user", "content": "Say hello in three words."}]
    plain = engine.generate_text(hello, max_tokens=60, temperature=0, seed=1)
    assert plain.finish_reason == "stop" and plain.tokens < 60 and len(plain.text) > 2  # ended by the model
    stream = engine.stream_chat(hello, max_tokens=60, temperature=0, seed=1, stop=[plain.text[-2:] + "\u2063never"])
    pieces = list(stream)
    assert "".join(pieces) == stream.result.text == plain.text
    assert stream.result.finish_reason == "stop"


def test_structured_json_output_parses(engine):
    schema = {
        "type": "object",
        "properties": {"fruits": {"type": "array", "items": {"type": "string", "maxLength": 20}, "maxItems": 3}},
        "required": ["fruits"],
    }
    result = engine.generate_text(
        [{"role": "user", "content": "List three fruits as JSON."}],
        max_tokens=120,
        temperature=0,
        response_format={"type": "json_object", "schema": schema},
    )
    data = json.loads(result.text)
    assert isinstance(data["fruits"], list)
    assert len(data["fruits"]) <= 3
    assert all(isinstance(item, str) for item in data["fruits"])


def test_unknown_response_format_is_an_error(engine):
    with pytest.raises(EngineError, match="json_object"):
        engine.stream_chat(POEM, max_tokens=5, response_format={"type": "json_schema"})


def test_cancel_from_another_thread_stops_within_one_token(engine):
    flag = threading.Event()
    stream = engine.stream_chat(POEM, max_tokens=200, temperature=0.8, seed=2, cancel=flag)
    after_flag = 0
    for count, _piece in enumerate(stream, start=1):
        if flag.is_set():
            after_flag += 1
        if count == 5:
            threading.Thread(target=flag.set).start()
    assert stream.result.cancelled
    assert stream.result.finish_reason is None
    assert after_flag <= 1
    # The engine is usable again, and the flag of the old request does not leak into the next.
    assert engine.generate_text(POEM, max_tokens=5, temperature=0).pieces >= 1


def _long_prompt(tag: str, repeats: int) -> list[dict[str, str]]:
    # The tag comes first so llama.cpp's prefix cache cannot reuse an earlier evaluation.
    sentence = "The roadmap lists requirements, risks and milestones for the product team."
    return [{"role": "user", "content": f"{tag}. " + " ".join([sentence] * repeats) + "\nSummarise."}]


def test_cancel_during_prompt_evaluation_returns_quickly(engine):
    # Baseline on a fifth of the prompt, to keep the test short; the cancelled run uses ~1500 tokens.
    start = time.perf_counter()
    engine.generate_text(_long_prompt("Baseline", 22), max_tokens=1, temperature=0)
    baseline_fifth = time.perf_counter() - start
    long = _long_prompt("Cancelled", 110)
    assert engine.count_tokens(long[0]["content"]) > 1400

    flag = threading.Event()
    timer = threading.Timer(0.05, flag.set)
    start = time.perf_counter()
    timer.start()
    result = engine.generate_text(long, max_tokens=20, temperature=0, cancel=flag)
    elapsed = time.perf_counter() - start
    timer.join()
    assert result.cancelled
    assert result.pieces == 0
    # The whole prompt would take about 5 x baseline_fifth; the abort callback stops it at once.
    assert elapsed < max(0.5, baseline_fifth * 0.5), (elapsed, baseline_fifth)
    # The aborted evaluation leaves the context usable.
    assert engine.generate_text(POEM, max_tokens=5, temperature=0).pieces >= 1


def test_request_abort_before_start_cancels(engine):
    flag = threading.Event()
    flag.set()
    result = engine.generate_text(POEM, max_tokens=20, cancel=flag)
    assert result.cancelled and result.text == ""


def test_missing_file(tmp_path):
    with pytest.raises(EngineError, match="not found"):
        Engine().load(tmp_path / "nope.gguf", n_threads=1)


def test_non_gguf_file(tmp_path):
    path = tmp_path / "notes.gguf"
    path.write_text("just some text, not a model", encoding="utf-8")
    with pytest.raises(EngineError, match="Not a GGUF model file") as info:
        Engine().load(path, n_threads=1)
    assert "\n" not in str(info.value)


def test_random_bytes_with_gguf_magic(tmp_path):
    path = tmp_path / "garbage.gguf"
    path.write_bytes(b"GGUF" + bytes(range(256)) * 64)
    with pytest.raises(EngineError, match="damaged or incomplete") as info:
        Engine().load(path, n_threads=1)
    assert "\n" not in str(info.value)


def test_truncated_real_model(tmp_path):
    path = tmp_path / "truncated.gguf"
    with MODEL.open("rb") as src, path.open("wb") as dst:
        dst.write(src.read(1 << 20))
    engine = Engine()
    with pytest.raises(EngineError, match="damaged or incomplete"):
        engine.load(path, n_threads=1)
    assert not engine.loaded


def test_generate_without_a_model_is_an_error():
    with pytest.raises(EngineError, match="No model is loaded"):
        Engine().stream_chat(POEM, max_tokens=5)


def test_copy_and_close(tmp_path):
    copy = tmp_path / "copy.gguf"
    shutil.copyfile(MODEL, copy)
    engine = Engine()
    engine.load(copy, n_ctx=512, n_threads=1)
    assert engine.loaded
    engine.close()
    engine.close()
    assert not engine.loaded


@pytest.mark.skipif(not BASE_MODEL.exists(), reason="the gemma base GGUF is missing")
def test_model_without_chat_template_falls_back_to_chatml():
    engine = Engine()
    try:
        info = engine.load(BASE_MODEL, n_ctx=512, n_threads=1)
        assert info.chat_format == "chatml"
        assert "no chat template" in engine.chat_template_note
        result = engine.generate_text(POEM, max_tokens=3, temperature=0)
        assert result.tokens >= 1
    finally:
        engine.close()
