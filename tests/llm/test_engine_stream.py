"""The local engine's streaming loop with a fake llama (no model): stop strings and held-back text.

Also: the engine interface module and the model-server engine never load llama_cpp.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EOS = 0


class FakeGenerator:
    def __init__(self, tokens: list[int]) -> None:
        self._tokens = iter(tokens)
        self.closed = False

    def __iter__(self) -> FakeGenerator:
        return self

    def __next__(self) -> int:
        return next(self._tokens)

    def close(self) -> None:
        self.closed = True


class FakeLlama:
    """Generates the given texts one token each, then the end-of-generation token."""

    def __init__(self, texts: list[str | bytes], end: bool = True) -> None:
        self.vocab = {n: t if isinstance(t, bytes) else t.encode("utf-8") for n, t in enumerate(texts, start=1)}
        self.sequence = [*self.vocab, *([EOS] if end else [])]
        self._model = type("Model", (), {"vocab": "fake vocab"})()
        self.generator: FakeGenerator | None = None

    def generate(self, tokens, reset=True, **sampling) -> FakeGenerator:
        self.generator = FakeGenerator(self.sequence)
        return self.generator

    def detokenize(self, tokens: list[int]) -> bytes:
        return b"".join(self.vocab[t] for t in tokens)


@pytest.fixture
def stream(monkeypatch):
    engine_module = pytest.importorskip("roadmap_desktop.llm.engine")
    from roadmap_desktop.llm.engine_api import GenerationResult

    monkeypatch.setattr(engine_module.llama_cpp, "llama_vocab_is_eog", lambda _vocab, token: token == EOS)

    def run(texts: list[str | bytes], stops: list[str], max_tokens: int = 100, end: bool = True):
        llama = FakeLlama(texts, end)
        result = GenerationResult()
        pieces = list(engine_module.Engine()._pieces(llama, [1], max_tokens, stops, {}, result))
        assert llama.generator is not None and llama.generator.closed
        assert "".join(pieces) == result.text  # what streamed is what the result says
        assert result.pieces == len(pieces)
        return pieces, result

    return run


def test_text_held_back_as_a_stop_prefix_is_kept_when_the_answer_ends(stream):
    # "<" could start "<|im_end|>"; the end-of-generation token comes instead, so "<" is answer text.
    pieces, result = stream(["a ", "b <"], ["<|im_end|>"])
    assert result.text == "a b <" and result.finish_reason == "stop"
    assert pieces == ["a ", "b ", "<"]


def test_held_back_text_that_completes_a_stop_string_is_dropped(stream):
    pieces, result = stream(["Hello", " <|im", "_end|>", "after"], ["<|im_end|>"])
    assert pieces == ["Hello", " "]
    assert result.text == "Hello " and result.finish_reason == "stop"
    assert result.tokens == 3  # the stop string ends generation; "after" is never read


def test_held_back_text_is_kept_when_the_token_budget_ends_the_answer(stream):
    _pieces, result = stream(["one", " two", " <|"], ["<|im_end|>"], max_tokens=3)
    assert result.text == "one two <|" and result.finish_reason == "length"


def test_a_stop_string_inside_one_piece_cuts_it(stream):
    _pieces, result = stream(["x END y"], ["END"])
    assert result.text == "x " and result.finish_reason == "stop"


def test_a_cut_multibyte_character_at_the_end_is_not_lost(stream):
    # The first half of "中" (3 bytes in UTF-8), then the end: the decoder's replacement character.
    _pieces, result = stream(["ok ", "中".encode()[:2]], [])
    assert result.text == "ok \ufffd"


def test_text_without_stop_strings_streams_as_it_comes(stream):
    pieces, result = stream(["a", "b", "c"], [])
    assert pieces == ["a", "b", "c"] and result.text == "abc" and result.tokens == 3


def test_both_engines_offer_the_engine_interface():
    engine_module = pytest.importorskip("roadmap_desktop.llm.engine")
    from roadmap_desktop.llm.engine_api import ChatEngine
    from roadmap_desktop.llm.remote_engine import RemoteEngine

    assert isinstance(engine_module.Engine(), ChatEngine)
    assert isinstance(RemoteEngine(), ChatEngine)


def test_the_model_server_engine_does_not_load_llama_cpp():
    probe = (
        "import sys\n"
        "import roadmap_desktop.llm.engine_api, roadmap_desktop.llm.remote_engine\n"
        "import roadmap_desktop.llm.drafting, roadmap_desktop.llm.tasks\n"
        "assert 'llama_cpp' not in sys.modules, sorted(m for m in sys.modules if m.startswith('llama'))\n"
        "print('clean')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "clean", done.stderr
