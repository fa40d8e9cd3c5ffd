"""The drafting session's rounds with a fake engine (no model): what is sent, merged, shown live and when it ends."""

from __future__ import annotations

import json

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.llm.drafting import DraftingSession, run_task
from roadmap_desktop.llm.engine_api import ChatStream, GenerationResult
from roadmap_desktop.llm.task_base import TaskInputs, TaskSpec
from roadmap_desktop.llm.tasks import RequirementsTask, get_task

LIBRARY = [
    {"id": "R01", "title": {"en": "Data privacy and security"}, "category": "Data", "mitigations": []},
    {"id": "R02", "title": {"en": "Compute demand and cost"}, "category": "Cost", "mitigations": []},
    {"id": "R03", "title": {"en": "Overfitting"}, "category": "Model", "mitigations": []},
]


def requirements(*titles: str) -> str:
    items = [
        {"title": t, "user_story": f"As a user I want {t}.", "value_lever": "ux", "llm_fit": "fit"} for t in titles
    ]
    return json.dumps({"requirements": items})


def risks(*ids: str) -> str:
    return json.dumps({"risks": [{"id": i, "likelihood": 3, "impact": 2, "why": "It could happen."} for i in ids]})


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
        result = GenerationResult(text=text, pieces=len(pieces), cancelled=cancelled)
        return ChatStream(iter(pieces), result)


def brief() -> TaskInputs:
    return TaskInputs(project=Project.new("Shop helper"), brief="Answers customer chats for small shops.")


def test_rounds_go_on_until_the_task_has_what_it_wants_without_repeats():
    engine = FakeEngine(
        requirements("Order lookup", "Reply drafts", "Angry customer alerts"),
        requirements("Order lookup", "Refund triage", "Weekly report"),
    )
    streamed: list[str] = []
    result = run_task(engine, get_task("requirements"), brief(), seed=11, on_text=streamed.append)
    titles = [r.title for r in result.suggestions]
    assert titles == ["Order lookup", "Reply drafts", "Angry customer alerts", "Refund triage", "Weekly report"]
    assert result.dropped == ["round 2: item 1 repeats an earlier suggestion"]
    assert not result.stopped and result.complete
    assert "".join(streamed) == "".join(engine.answers)
    (first, options1), (second, options2) = engine.requests
    assert (options1["seed"], options2["seed"]) == (11, 12)  # a fixed seed repeats the whole run
    assert "Order lookup" not in first[-1]["content"] and "- Order lookup" in second[-1]["content"]
    assert options1["response_format"]["type"] == "json_object" and options1["max_tokens"] == 800


def test_no_more_rounds_than_the_task_allows():
    task = get_task("requirements")
    engine = FakeEngine(*[requirements("Order lookup")] * 10)
    result = run_task(engine, task, brief())
    assert len(engine.requests) == task.rounds
    assert [r.title for r in result.suggestions] == ["Order lookup"]
    assert "seed" not in engine.requests[0][1]


def test_a_stopped_round_keeps_its_complete_items_and_ends_the_run():
    engine = FakeEngine(requirements("Order lookup", "Reply drafts"), cancel_at=1)
    result = run_task(engine, get_task("requirements"), brief())
    assert [r.title for r in result.suggestions] == ["Order lookup"]
    assert result.stopped and len(engine.requests) == 1
    assert not any("stopped" in d for d in result.dropped)  # said once, by the surface showing the result


def test_when_nothing_is_left_to_ask_for_the_run_ends_with_what_it_has():
    # Round 1 took every library risk: the risks task cannot ask again (ValueError), which is no error.
    inputs = TaskInputs(project=Project.new("Shop helper"), library=LIBRARY)
    engine = FakeEngine(risks("R01", "R02", "R03"))
    result = run_task(engine, get_task("risks"), inputs, seed=1)
    assert [r.title for r in result.suggestions] == [
        "Data privacy and security",
        "Compute demand and cost",
        "Overfitting",
    ]
    assert len(engine.requests) == 1 and not result.stopped


class LookupTask(RequirementsTask):
    """A task whose later rounds look up something that is gone."""

    name = "lookup"
    spec = TaskSpec("lookup", max_tokens=10, temperature=0.0)

    def build_messages(self, inputs, language=None):
        if inputs.drafted:
            raise LookupError("the requirement was deleted")
        return [{"role": "user", "content": "go"}]

    def parse(self, text, inputs=None):
        return RequirementsTask.parse(self, text, TaskInputs())


def test_a_lookup_error_after_the_first_round_also_ends_the_run():
    session = DraftingSession(LookupTask(), TaskInputs())
    assert session.start().round == 1
    assert session.finish(requirements("Order lookup")) is None
    assert session.done and [r.title for r in session.result.suggestions] == ["Order lookup"]


@pytest.mark.parametrize(
    ("task", "inputs", "error"),
    [
        ("requirements", TaskInputs(project=Project.new("p")), ValueError),
        ("user-story", TaskInputs(), ValueError),
        ("risks", TaskInputs(project=Project.new("p")), ValueError),
    ],
)
def test_inputs_that_do_not_fit_fail_at_the_start(task, inputs, error):
    with pytest.raises(error):
        DraftingSession(get_task(task), inputs).start()


def test_first_round_lookup_errors_reach_the_caller():
    with pytest.raises(LookupError):
        DraftingSession(LookupTask(), TaskInputs(drafted=["x"])).start()


def test_live_suggestions_appear_as_items_close_and_carry_earlier_rounds():
    session = DraftingSession(get_task("requirements"), brief(), overrides={"temperature": 0.2, "max_tokens": 64})
    request = session.start()
    assert request.options["temperature"] == 0.2 and request.options["max_tokens"] == 64
    text = requirements("Order lookup", "Reply drafts")
    cut = text.index("}") + 1
    assert session.feed(text[: cut - 1]) is None  # no item closed yet
    assert [r.title for r in session.feed(text[cut - 1 : cut])] == ["Order lookup"]
    session.feed(text[cut:])
    second = session.finish(text)
    assert second is not None and second.round == 2 and session.rounds_done == 1
    assert session.rounds == get_task("requirements").rounds
    more = requirements("Refund triage")
    live = session.feed(more)
    assert [r.title for r in live] == ["Order lookup", "Reply drafts", "Refund triage"]


def test_a_one_round_task_reports_without_round_numbers():
    session = DraftingSession(get_task("summary"), TaskInputs(project=Project.new("p")))
    session.start()
    assert session.finish('{"summary": "Helps shops. Cut') is None
    assert session.result.dropped == ["the summary was cut off; kept up to its last full sentence"]
    assert session.result.suggestions == ["Helps shops."]
