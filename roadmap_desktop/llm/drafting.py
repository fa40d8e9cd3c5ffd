"""One drafting run of a task, round after round, without Qt: the assistant panel and the ``assist`` command drive it.

Small models repeat themselves within one answer, so a task may ask again, with what it already
has listed as "do not repeat", until it has what it wants. The session says what to send
(``start``, then each ``finish`` until it returns None), turns streamed text into live
suggestions (``feed``) and keeps the merged result (``result``). It never talks to an engine.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .engine_api import ChatEngine, GenerationResult
from .task_base import Task, TaskInputs, TaskResult

# How every surface says that a run was stopped (the panel shows it translated).
STOPPED_EARLY = "Stopped early: complete items are kept."


@dataclass(frozen=True)
class DraftRequest:
    """One round's request: what ``stream_chat`` gets."""

    messages: list[dict[str, str]]
    options: dict[str, Any]
    round: int  # 1 for the first


def titles_of(suggestions: list) -> list[str]:
    return [title for s in suggestions if isinstance(title := getattr(s, "title", None), str)]


class DraftingSession:
    """The rounds of one request for ``task``.

    ``overrides`` replace the task's sampling (the panel's temperature and token settings); with a
    ``seed``, round n samples with ``seed + n - 1`` so a fixed seed repeats the whole run.
    """

    def __init__(
        self, task: Task, inputs: TaskInputs, *, seed: int | None = None, overrides: dict[str, Any] | None = None
    ) -> None:
        self.task = task
        self.inputs = inputs  # the current round's: earlier drafts listed as "do not repeat"
        self.seed = seed
        self.overrides = dict(overrides or {})
        self.result = TaskResult(task.name)
        self.generations: list[GenerationResult] = []  # each round's, when run_session drove it
        self.rounds_done = 0
        self.done = False
        self._round_text = ""

    @property
    def rounds(self) -> int:
        """The most rounds the task asks for."""
        return self.task.rounds

    def start(self) -> DraftRequest | None:
        """The first round's request; None when the task needs no model for these inputs, and then
        ``result`` already holds the preview as the final answer. ValueError or LookupError when the
        inputs do not fit the task (no brief, no requirements, every library risk taken ...): say so,
        nothing was sent."""
        if not self.task.asks_model(self.inputs):
            self.result.suggestions = self.preview()
            self.result.complete = self.done = True
            return None
        return self._request()

    def preview(self) -> list[object]:
        """Suggestions before the model says anything: a grounded task's best library matches, shown
        the moment the request starts (the model's answer then adapts and replaces them)."""
        return list(self.task.preview(self.inputs))

    def feed(self, piece: str) -> list[object] | None:
        """Take a streamed piece. When an item may have just closed, every suggestion so far (earlier
        rounds' and this round's complete ones, in order); else None: nothing new to show."""
        self._round_text += piece
        if "}" not in piece:
            return None
        live = self.task.parse(self._round_text, self.inputs)
        return [*self.result.suggestions, *live.suggestions]

    def finish(self, text: str, *, cancelled: bool = False) -> DraftRequest | None:
        """End the current round with its whole ``text``: the next round's request, or None when the
        run is over (``result`` is then final). A cancelled round keeps its complete items and ends the run."""
        self.rounds_done += 1
        part = self.task.parse(text, self.inputs)
        self._merge(part)
        self._round_text = ""
        if cancelled:
            self.result.stopped = True
        elif self.task.wants_another_round(self.rounds_done, len(self.result.suggestions)):
            following = dataclasses.replace(self.inputs, drafted=[*self.inputs.drafted, *titles_of(part.suggestions)])
            try:
                request = self._request(following)
            except (ValueError, LookupError):
                pass  # nothing left to ask for (every library risk taken): keep what we have
            else:
                self.inputs = following
                return request
        self.done = True
        return None

    def _request(self, inputs: TaskInputs | None = None) -> DraftRequest:
        inputs = inputs or self.inputs
        messages = self.task.build_messages(inputs)
        options: dict[str, Any] = {**self.task.spec.sampling(), "response_format": self.task.response_format(inputs)}
        options.update(self.overrides)
        if self.seed is not None:
            options["seed"] = self.seed + self.rounds_done
        return DraftRequest(messages, options, self.rounds_done + 1)

    def _merge(self, part: TaskResult) -> None:
        self.result.suggestions.extend(part.suggestions)
        prefix = f"round {self.rounds_done}: " if self.task.rounds > 1 else ""
        self.result.dropped.extend(prefix + reason for reason in part.dropped)
        self.result.complete = part.complete


def run_session(
    engine: ChatEngine | None,
    session: DraftingSession,
    request: DraftRequest | None,
    *,
    on_text: Callable[[str], None] | None = None,
) -> TaskResult:
    """Drive ``session`` to the end on a loaded engine, blocking, from its first ``request``."""
    current: DraftRequest | None = request
    while current is not None:
        assert engine is not None, "a request needs an engine"
        stream = engine.stream_chat(current.messages, **current.options)
        pieces = []
        for piece in stream:
            pieces.append(piece)
            if on_text is not None:
                on_text(piece)
        session.generations.append(stream.result)
        current = session.finish("".join(pieces), cancelled=stream.result.cancelled)
    return session.result


def run_task(
    engine: ChatEngine,
    task: Task,
    inputs: TaskInputs,
    *,
    seed: int | None = None,
    on_text: Callable[[str], None] | None = None,
    overrides: dict[str, Any] | None = None,
) -> TaskResult:
    """Run ``task`` to the end on a loaded engine (tests, benchmarks).

    ValueError or LookupError when the inputs do not fit the task; EngineError from the engine."""
    session = DraftingSession(task, inputs, seed=seed, overrides=overrides)
    return run_session(engine, session, session.start(), on_text=on_text)
