"""The drafting session's rounds with a fake engine and a fake task (no model): what is sent, merged,
shown before and while the model answers, and when it ends."""

from __future__ import annotations

import json

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.llm.drafting import DraftingSession, run_session, run_task
from roadmap_desktop.llm.engine_api import ChatStream, GenerationResult
from roadmap_desktop.llm.task_base import Task, TaskInputs, TaskResult, TaskSpec, list_items
from roadmap_desktop.llm.tasks import get_task
from roadmap_desktop.llm.titles import Titles


def titles_json(*titles: str) -> str:
    return json.dumps({"items": [{"title": t} for t in titles]})


class ListTask(Task):
    """Asks for titles, up to three rounds, until it has four; later rounds list earlier titles."""

    name = "list"
    spec = TaskSpec("list", max_tokens=100, temperature=0.3)
    rounds = 3
    wanted = 4

    def build_messages(self, inputs, language=None):
        return [{"role": "user", "content": "titles; not: " + ", ".join(inputs.drafted)}]

    def schema(self, inputs=None):
        return {"type": "object"}

    def preview(self, inputs):
        return [Requirement(title="From the library")]

    def parse(self, text, inputs=None):
        result = TaskResult(self.name)
        seen = Titles((), (), inputs.drafted if inputs else [])
        for position, data in list_items(text, "items", result):
            title = seen.take(data.get("title"), f"item {position}", result.dropped)
            if title:
                seen.add(title, f"item {position}")
                result.suggestions.append(Requirement(title=title))
        return result


class FakeEngine:
    """Answers each round with the next text, in pieces of about one token."""

    def __init__(self, *answers: str, cancel_at: int | None = None) -> None:
        self.answers = list(answers)
        self.requests: list[tuple[list[dict], dict]] = []
        self.cancel_at = cancel_at  # the round (1-based) that the user stops after its first item

    def stream_chat(self, messages, **options) -> ChatStream:
        self.requests.append((messages, options))
        text = self.answers[len(self.requests) - 1]
        cancelled = self.cancel_at == len(self.requests)
        if cancelled:
            text = text[: text.index("}") + 1]
        pieces = [text[i : i + 7] for i in range(0, len(text), 7)]
        result = GenerationResult(text=text, pieces=len(pieces), tokens=len(pieces), seconds=0.5, cancelled=cancelled)
        return ChatStream(iter(pieces), result)


def test_rounds_go_on_until_the_task_has_what_it_wants_without_repeats():
    engine = FakeEngine(
        titles_json("Order lookup", "Reply drafts"), titles_json("Order lookup", "Refund triage", "Report")
    )
    streamed: list[str] = []
    session = DraftingSession(ListTask(), TaskInputs(), seed=11)
    first = session.start()
    assert [r.title for r in session.preview()] == ["From the library"]  # before the model says a word
    result = run_session(engine, session, first, on_text=streamed.append)
    assert [r.title for r in result.suggestions] == ["Order lookup", "Reply drafts", "Refund triage", "Report"]
    assert result.dropped == ["round 2: item 1 repeats an earlier suggestion"]
    assert not result.stopped and result.complete
    assert "".join(streamed) == "".join(engine.answers)
    (first_messages, options1), (second_messages, options2) = engine.requests
    assert (options1["seed"], options2["seed"]) == (11, 12)  # a fixed seed repeats the whole run
    assert "Order lookup" not in first_messages[-1]["content"] and "Order lookup" in second_messages[-1]["content"]
    assert options1["response_format"]["type"] == "json_object" and options1["max_tokens"] == 100
    assert len(session.generations) == 2  # each round's stream result, for timings


def test_no_more_rounds_than_the_task_allows():
    engine = FakeEngine(*[titles_json("Order lookup")] * 10)
    result = run_task(engine, ListTask(), TaskInputs())
    assert len(engine.requests) == ListTask.rounds
    assert [r.title for r in result.suggestions] == ["Order lookup"]
    assert "seed" not in engine.requests[0][1]


def test_a_stopped_round_keeps_its_complete_items_and_ends_the_run():
    engine = FakeEngine(titles_json("Order lookup", "Reply drafts"), cancel_at=1)
    result = run_task(engine, ListTask(), TaskInputs())
    assert [r.title for r in result.suggestions] == ["Order lookup"]
    assert result.stopped and len(engine.requests) == 1
    assert not any("stopped" in d for d in result.dropped)  # said once, by the surface showing the result


class LookupTask(ListTask):
    """A task whose later rounds look up something that is gone."""

    name = "lookup"

    def build_messages(self, inputs, language=None):
        if inputs.drafted:
            raise LookupError("the requirement was deleted")
        return [{"role": "user", "content": "go"}]


class ExhaustedTask(ListTask):
    """A task with nothing left to ask for after the first round (every library entry taken)."""

    def build_messages(self, inputs, language=None):
        if inputs.drafted:
            raise ValueError("every entry is already in the project")
        return [{"role": "user", "content": "go"}]


@pytest.mark.parametrize("task", [LookupTask(), ExhaustedTask()])
def test_nothing_left_to_ask_for_after_the_first_round_ends_the_run_with_what_it_has(task):
    session = DraftingSession(task, TaskInputs())
    assert session.start().round == 1
    assert session.finish(titles_json("Order lookup")) is None
    assert session.done and [r.title for r in session.result.suggestions] == ["Order lookup"]


@pytest.mark.parametrize(
    ("task", "inputs", "error"),
    [
        ("requirements", TaskInputs(project=Project.new("p")), ValueError),
        ("user-story", TaskInputs(), ValueError),
    ],
)
def test_inputs_that_do_not_fit_fail_at_the_start(task, inputs, error):
    with pytest.raises(error):
        DraftingSession(get_task(task), inputs).start()


def test_first_round_lookup_errors_reach_the_caller():
    with pytest.raises(LookupError):
        DraftingSession(LookupTask(), TaskInputs(drafted=["x"])).start()


def test_live_suggestions_appear_as_items_close_and_carry_earlier_rounds():
    session = DraftingSession(ListTask(), TaskInputs(), overrides={"temperature": 0.2, "max_tokens": 64})
    request = session.start()
    assert request.options["temperature"] == 0.2 and request.options["max_tokens"] == 64
    text = titles_json("Order lookup", "Reply drafts")
    cut = text.index("}") + 1
    assert session.feed(text[: cut - 1]) is None  # no item closed yet
    assert [r.title for r in session.feed(text[cut - 1 : cut])] == ["Order lookup"]
    session.feed(text[cut:])
    second = session.finish(text)
    assert second is not None and second.round == 2 and session.rounds_done == 1
    live = session.feed(titles_json("Refund triage"))
    assert [r.title for r in live] == ["Order lookup", "Reply drafts", "Refund triage"]


def test_a_one_round_task_reports_without_round_numbers():
    session = DraftingSession(ListTask(), TaskInputs())
    session.task.rounds = 1
    session.start()
    assert session.finish('{"items": [{"title": "Order lookup"}, {"title": "Order lookup"}]}') is None
    assert session.result.dropped == ["item 2 repeats item 1's title"]


def test_a_task_with_nothing_for_the_model_answers_from_its_preview_without_a_request():
    # A small model's summary opening was noise in every measured run: the facts are the answer.
    session = DraftingSession(get_task("summary"), TaskInputs(project=Project.new("p")))
    assert session.start() is None and session.done
    assert [s.value for s in session.result.suggestions] == [
        "p: the roadmap at a glance. Requirements: 0; timeline items: 0; risks: 0."
    ]
    assert run_session(None, session, None) is session.result
