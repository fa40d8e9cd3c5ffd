"""What every model engine offers (local llama.cpp, model server): the protocol, stream and result types, errors.

No llama_cpp here: the worker, the drafting session and the commands depend on this module, and
only ``engine.py`` (the local engine) loads llama.cpp, so talking to a model server never does.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

DEFAULT_N_CTX = 4096
# Repetition guards: small models loop (SmolLM2 repeats the same title until the token budget is
# spent). Modest values: strong penalties break JSON syntax, whose punctuation repeats by nature.
REPEAT_PENALTY = 1.1
FREQUENCY_PENALTY = 0.2
PRESENCE_PENALTY = 0.1

# Set from another thread to stop a request: an Event, or a callable polled between tokens.
CancelFlag = threading.Event | Callable[[], bool] | None


class EngineError(Exception):
    """A model could not be loaded or used; ``str()`` is one line fit for the user."""


class Cancelled(Exception):
    """Raised inside an engine when a request is cancelled; ``stream_chat`` never lets it escape."""


@dataclass
class GenerationResult:
    """What one ``stream_chat`` call did; complete once its iterator is exhausted."""

    text: str = ""
    pieces: int = 0  # text pieces yielded (about one per generated token)
    tokens: int = 0  # tokens generated
    prompt_tokens: int = 0
    finish_reason: str | None = None  # "stop", "length", or None when cancelled
    cancelled: bool = False
    seconds: float = 0.0
    time_to_first_token: float | None = None


class ChatStream:
    """Iterator of text pieces; ``result`` describes the generation once exhausted."""

    def __init__(self, pieces: Iterator[str], result: GenerationResult) -> None:
        self._pieces = pieces
        self.result = result

    def __iter__(self) -> ChatStream:
        return self

    def __next__(self) -> str:
        return next(self._pieces)

    def close(self) -> None:
        close = getattr(self._pieces, "close", None)
        if close is not None:
            close()


class LoadInfo(Protocol):
    """What ``load`` returns: notes for the user, and a plain dict for signals and the panel."""

    notes: list[str]

    @property
    def chat_template_note(self) -> str: ...

    def as_dict(self) -> dict[str, Any]: ...


@runtime_checkable
class ChatEngine(Protocol):
    """One model, used from one thread; ``request_abort`` and a ``cancel`` flag may come from another.

    ``stream_chat`` yields the reply's text pieces in order; cancelling ends the stream early with
    ``result.cancelled`` and never raises; every other failure is an EngineError.
    """

    @property
    def loaded(self) -> bool: ...

    @property
    def chat_template_note(self) -> str: ...

    def load(
        self,
        path: str | os.PathLike[str],
        n_ctx: int = DEFAULT_N_CTX,
        n_threads: int | None = None,
        n_gpu_layers: int = 0,
        verbose: bool = False,
    ) -> LoadInfo: ...

    def close(self) -> None: ...

    def request_abort(self) -> None: ...

    def count_tokens(self, text: str) -> int: ...

    def stream_chat(
        self,
        messages: list[dict[str, Any]],
        *,
        max_tokens: int = 512,
        temperature: float = 0.7,
        response_format: dict[str, Any] | None = None,
        cancel: CancelFlag = None,
        seed: int | None = None,
        repeat_penalty: float = REPEAT_PENALTY,
        frequency_penalty: float = FREQUENCY_PENALTY,
        presence_penalty: float = PRESENCE_PENALTY,
        stop: list[str] | str | None = None,
    ) -> ChatStream: ...

    def generate_text(self, messages: list[dict[str, Any]], **options: Any) -> GenerationResult: ...


def check_response_format(response_format: dict[str, Any] | None) -> None:
    """Both engines take llama-cpp-python's form only: ``{"type": "json_object"}``, optionally with ``"schema"``."""
    if response_format is not None and response_format.get("type") != "json_object":
        raise EngineError(
            'response_format must be {"type": "json_object", "schema": ...}; '
            f"got type {response_format.get('type')!r}"
        )


def run_to_end(stream: ChatStream) -> GenerationResult:
    """Exhaust ``stream`` and return its result (``generate_text`` of both engines)."""
    for _ in stream:
        pass
    return stream.result
