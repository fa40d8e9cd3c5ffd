"""Running a task to the end on a loaded engine, round after round, without Qt (CLI, tests, benchmarks)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from .task_base import Task, TaskInputs, TaskResult


def titles_of(suggestions: list) -> list[str]:
    return [title for s in suggestions if isinstance(title := getattr(s, "title", None), str)]


def next_round_inputs(inputs: TaskInputs, result: TaskResult) -> TaskInputs:
    """The inputs of the next round: everything suggested so far goes on the do-not-repeat list."""
    return dataclasses.replace(inputs, drafted=[*inputs.drafted, *titles_of(result.suggestions)])


def merge(total: TaskResult, part: TaskResult, round_number: int, rounds: int) -> None:
    total.suggestions.extend(part.suggestions)
    prefix = f"round {round_number}: " if rounds > 1 else ""
    total.dropped.extend(prefix + reason for reason in part.dropped)
    total.complete = part.complete


def run_task(
    engine: Any,
    task: Task,
    inputs: TaskInputs,
    *,
    seed: int | None = None,
    on_text: Callable[[str], None] | None = None,
    overrides: dict[str, Any] | None = None,
) -> TaskResult:
    """Generate with ``engine`` (an llm.engine.Engine) until the task has what it wants.

    Each round asks again with the earlier suggestions listed as "do not repeat"; a cancelled
    round ends the run with what is complete so far.
    """
    total = TaskResult(task.name)
    current = inputs
    rounds_done = 0
    while True:
        try:
            messages = task.build_messages(current)
            options: dict[str, Any] = {**task.spec.sampling(), "response_format": task.response_format(current)}
        except ValueError:
            if rounds_done == 0:
                raise
            return total  # nothing left to ask for (every library risk taken): keep what we have
        options.update(overrides or {})
        if seed is not None:
            options["seed"] = seed + rounds_done
        stream = engine.stream_chat(messages, **options)
        pieces = []
        for piece in stream:
            pieces.append(piece)
            if on_text is not None:
                on_text(piece)
        rounds_done += 1
        part = task.parse("".join(pieces), current)
        merge(total, part, rounds_done, task.rounds)
        if stream.result.cancelled:
            total.dropped.append("stopped early: complete items are kept")
            return total
        if not task.wants_another_round(rounds_done, len(total.suggestions)):
            return total
        current = next_round_inputs(current, part)
