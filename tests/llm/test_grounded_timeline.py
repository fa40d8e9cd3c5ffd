"""The grounded timeline: the brief's phase skeleton as a dated plan in phase order at once; the model
only picks a length per step and rewords titles, and whatever it writes is checked."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from roadmap_desktop.domain.phases import PHASE_CODES
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.llm import grounding
from roadmap_desktop.llm.suggestions import ADAPTED, LIBRARY, accept_command
from roadmap_desktop.llm.task_base import TaskInputs
from roadmap_desktop.llm.tasks.timeline import LENGTHS, TimelineTask, days_for, first_monday_after
from roadmap_desktop.persistence.requirement_library_file import load_default_phase_skeletons

TODAY = dt.date(2026, 3, 4)  # a Wednesday
MONDAY = dt.date(2026, 3, 9)
BRIEF_EN = "Online shops drown in customer support chats and order-status tickets."
BRIEF_ZH = "网店每天收到大量客服咨询和订单状态工单，需要一个自动回复助手。"


@pytest.fixture
def task() -> TimelineTask:
    task = TimelineTask()
    task.today = lambda: TODAY
    return task


@pytest.fixture
def domain(monkeypatch):
    """Fix the brief's domain (retrieval's own tests cover detecting it)."""
    chosen = {"domain": None}
    monkeypatch.setattr(grounding, "detect_domain", lambda library, query, language: chosen["domain"])
    return chosen


def make_inputs(language: str = "en", brief: str = BRIEF_EN, parameters: int = 0) -> TaskInputs:
    project = Project.new("Shop helper", language)
    project.requirements = [Requirement(title="Answer order questions"), Requirement(title="Refund triage")]
    return TaskInputs(project=project, brief=brief, model_parameters=parameters)


def skeleton(domain: str = "common"):
    return load_default_phase_skeletons().for_domain(domain)


def answer(*items: dict) -> str:
    return json.dumps({"items": list(items)}, ensure_ascii=False)


def check_plan(project: Project, suggestions: list) -> None:
    """A plan in phase order: lanes of the phase, dependencies on earlier items only, each item starting
    when its latest dependency ends (the day after; a milestone's dependants on its day)."""
    items = [s.value for s in suggestions]
    assert all(isinstance(i, TimelineItem) for i in items)
    phases = [PHASE_CODES.index(i.phase) for i in items]
    assert phases == sorted(phases)
    by_id = {i.id: i for i in items}
    seen: set[str] = set()
    for item in items:
        lane = project.find("lane", item.lane_id)
        assert lane is not None and lane.name.split(" ")[0] == item.phase
        assert set(item.depends_on) <= seen
        if item.depends_on:
            latest = max(by_id[d].start + dt.timedelta(days=by_id[d].duration_days) for d in item.depends_on)
            assert item.start == latest
        seen.add(item.id)
        item.validate()


# -- the plan at once ----------------------------------------------------------------------------------


def test_preview_is_the_skeleton_dated_from_the_next_monday(task, domain):
    inputs = make_inputs()
    suggestions = task.preview(inputs)
    steps = skeleton()
    assert [s.value.title for s in suggestions] == [step.title["en"] for step in steps]
    assert [s.source for s in suggestions] == [step.key for step in steps]
    assert all(s.origin == LIBRARY and s.why for s in suggestions)
    check_plan(inputs.project, suggestions)
    assert suggestions[0].value.start == MONDAY
    for s, step in zip(suggestions, steps, strict=True):
        item = s.value
        assert item.milestone == step.milestone
        if step.milestone:
            assert item.duration_days == 0
        else:
            assert item.duration_days == days_for(step, "usual")
            assert step.days[0] <= item.duration_days <= step.days[1]
        ids = {x.value.id: x.source for x in suggestions}
        assert [ids[d] for d in item.depends_on] == list(step.depends_on)
    assert len({i.value.phase for i in suggestions}) >= 5


def test_the_brief_domain_picks_its_skeleton_in_the_project_language(task, domain):
    domain["domain"] = "customer_service"
    inputs = make_inputs("zh", BRIEF_ZH)
    suggestions = task.preview(inputs)
    assert [s.value.title for s in suggestions] == [step.title["zh"] for step in skeleton("customer_service")]
    assert "智能客服产品" in suggestions[0].why
    check_plan(inputs.project, suggestions)


def test_durations_are_the_ranges_low_middle_and_high_end():
    step = skeleton()[3]  # data_prep: 10-25 days
    assert (days_for(step, "short"), days_for(step, "usual"), days_for(step, "long")) == (10, 18, 25)
    assert first_monday_after(dt.date(2026, 3, 9)) == dt.date(2026, 3, 16)  # a Monday: the next one
    assert first_monday_after(dt.date(2026, 3, 15)) == dt.date(2026, 3, 16)


def test_the_plan_starts_after_the_project_last_planned_end(task, domain):
    inputs = make_inputs()
    inputs.project.items = [TimelineItem(title="Legal sign-off", start=dt.date(2026, 5, 1), duration_days=20)]
    first = task.preview(inputs)[0].value
    assert first.start == first_monday_after(dt.date(2026, 5, 20))
    old = make_inputs()
    old.project.items = [TimelineItem(title="Old work", start=dt.date(2025, 1, 1), duration_days=5)]
    assert task.preview(old)[0].value.start == MONDAY  # never in the past


def test_items_already_planned_are_left_out_and_their_dependants_keep_the_rest(task, domain):
    inputs = make_inputs()
    inputs.project.items = [TimelineItem(title="Collect data and build the evaluation set", duration_days=5)]
    suggestions = task.preview(inputs)
    keys = [s.source for s in suggestions]
    assert "data_prep" not in keys
    build = next(s.value for s in suggestions if s.source == "build")
    model_choice = next(s.value for s in suggestions if s.source == "model_choice")
    assert build.depends_on == [model_choice.id]
    check_plan(inputs.project, suggestions)


def test_a_plan_already_in_the_project_or_no_project_is_said_plainly(task, domain):
    inputs = make_inputs("zh")
    inputs.project.items = [TimelineItem(title=step.title["zh"]) for step in skeleton()]
    with pytest.raises(LookupError):
        task.preview(inputs)
    with pytest.raises(ValueError):
        task.preview(TaskInputs(brief=BRIEF_EN))


def test_lane_capacity_is_respected_like_auto_schedule(task, domain):
    inputs = make_inputs()
    for lane in inputs.project.lanes:
        lane.capacity = 1
    items = [s.value for s in task.preview(inputs)]
    for a in items:
        for b in items:
            if a is not b and a.lane_id == b.lane_id and a.duration_days and b.duration_days:
                assert a.end < b.start or b.end < a.start


def test_accepting_the_plan_keeps_its_dependencies(task, domain):
    inputs = make_inputs()
    suggestions = task.preview(inputs)
    accept_command(inputs.project, suggestions).apply(inputs.project)
    assert len(inputs.project.items) == len(suggestions)
    assert sum(len(i.depends_on) for i in inputs.project.items) == sum(len(s.depends_on) for s in skeleton())


# -- the schema ----------------------------------------------------------------------------------------


def test_schema_asks_a_length_per_step_and_a_title_only_where_the_model_writes_them(task, domain):
    keys = [step.key for step in skeleton()]
    english = task.schema(make_inputs())["properties"]["items"]
    assert english["minItems"] == english["maxItems"] == len(keys)
    fields = english["items"]["properties"]
    assert fields["step"]["enum"] == keys and fields["length"]["enum"] == list(LENGTHS)
    assert fields["title"]["maxLength"] <= 80
    assert "depends_on" not in fields and "phase" not in fields  # never the model's
    chinese = task.schema(make_inputs("zh", BRIEF_ZH))["properties"]["items"]["items"]["properties"]
    assert set(chinese) == {"step", "length"}
    large = task.schema(make_inputs("zh", BRIEF_ZH, parameters=3_000_000_000))
    assert "title" in large["properties"]["items"]["items"]["properties"]


def test_schema_converts_to_a_grammar(task, domain):
    llama_grammar = pytest.importorskip("llama_cpp.llama_grammar")
    for inputs in (make_inputs(), make_inputs("zh", BRIEF_ZH)):
        grammar = llama_grammar.LlamaGrammar.from_json_schema(json.dumps(task.schema(inputs)))._grammar
        assert '\\"step\\"' in grammar and '\\"length\\"' in grammar and '\\"discovery\\"' in grammar


def test_prompt_lists_the_steps_and_the_brief_without_examples(task, domain):
    for language, brief in (("en", BRIEF_EN), ("zh", BRIEF_ZH)):
        messages = task.build_messages(make_inputs(language, brief))
        assert [m["role"] for m in messages] == ["system", "user"]
        text = messages[-1]["content"]
        assert brief in text and "$" not in text
        for step in skeleton():
            assert f"{step.key}" in text and step.title[language] in text


# -- the model's answer ----------------------------------------------------------------------------------


def test_lengths_and_rewritten_titles_fit_the_plan(task, domain):
    inputs = make_inputs()
    text = answer(
        {
            "step": "data_prep",
            "length": "long",
            "title": "Collect order-status tickets and support chats for evaluation",
        },
        {"step": "build", "length": "short", "title": "Train the retrieval prototype on samples"},  # no brief word
        {"step": "pilot", "length": "usual", "title": "Pilot with online shops"},
        {"step": "gate", "length": "long", "title": "Go / no-go for the pilot"},
    )
    result = task.parse(text, inputs)
    by_key = {s.source: s for s in result.suggestions}
    assert len(result.suggestions) == len(skeleton()) and result.complete
    data = by_key["data_prep"]
    assert data.origin == ADAPTED
    assert data.value.title == "Collect order-status tickets and support chats for evaluation"
    assert data.value.duration_days == 25 and "25" in data.why
    assert by_key["build"].value.duration_days == 15 and by_key["build"].origin == ADAPTED
    assert by_key["build"].value.title == skeleton()[6].title["en"]
    assert by_key["pilot"].value.title == "Pilot with online shops" and by_key["pilot"].origin == ADAPTED
    assert by_key["gate"].value.duration_days == 0 and by_key["gate"].origin == LIBRARY
    assert by_key["discovery"].origin == LIBRARY
    assert any(d.startswith("item 2:") and "adds none of the brief's words" in d for d in result.dropped)
    check_plan(inputs.project, result.suggestions)
    preview = {s.source: s.value for s in task.preview(inputs)}
    assert by_key["build"].value.start == preview["build"].start + dt.timedelta(days=25 - 18)  # moved by data_prep


def test_hostile_and_out_of_bounds_answers_keep_the_plan(task, domain):
    inputs = make_inputs()
    text = answer(
        {"step": "P9", "length": "usual"},
        {"step": 3, "length": "long"},
        {"step": "discovery", "length": 999999999, "title": "Interview &lt;b&gt;online shops&lt;/b&gt;"},
        {"step": "discovery", "length": "short"},
        {"step": "metrics", "length": "forever", "title": "Define metrics\u0000 for support chats &lt;script&gt;"},
        {"step": "eval", "length": "usual", "title": "Evaluate support chats&#x21; with online shops\u202e"},
        {"step": "privacy", "length": None, "title": "隐私审查与客服聊天"},
        {"step": "resources", "length": "short", "title": 12345},
        {"step": "model_choice", "length": "short", "title": "Compare candidate models on sample cases"},
    )
    result = task.parse(text, inputs)
    by_key = {s.source: s.value for s in result.suggestions}
    assert list(by_key) == [step.key for step in skeleton()]
    joined = "\n".join(result.dropped)
    assert "'P9' is not one of the offered ids" in joined and "3 is not one of the offered ids" in joined
    assert "item 4 repeats discovery" in joined
    assert "length 999999999" in joined and "'forever'" in joined and "None" in joined
    assert by_key["discovery"].duration_days == days_for(skeleton()[0], "usual")
    assert by_key["discovery"].title == skeleton()[0].title["en"]  # markup: the library's title kept
    assert by_key["metrics"].title == skeleton()[1].title["en"]
    assert by_key["privacy"].title == skeleton()[4].title["en"]  # not in the project's language
    assert by_key["resources"].title == skeleton()[5].title["en"] and by_key["resources"].duration_days == 3
    assert all("<" not in i.title and "&" not in i.title and "\u202e" not in i.title for i in by_key.values())
    check_plan(inputs.project, result.suggestions)


def test_junk_and_empty_output_leave_the_library_plan(task, domain):
    inputs = make_inputs()
    for junk in ("", "Sure! Here is the plan.", "[1, 2, 3]", '{"items": 7}', '{"steps": []}'):
        result = task.parse(junk, inputs)
        assert [s.source for s in result.suggestions] == [step.key for step in skeleton()]
        assert all(s.origin == LIBRARY for s in result.suggestions)
        assert result.dropped or not junk


def test_every_prefix_of_a_cut_off_answer_parses(task, domain):
    inputs = make_inputs()
    text = answer(
        {"step": "discovery", "length": "short", "title": "Interview online shops about support chats"},
        {"step": "data_prep", "length": "long", "title": "Collect order-status tickets for the evaluation set"},
        {"step": "pilot", "length": "short", "title": "Pilot with five online shops"},
    )
    for end in range(len(text) + 1):
        result = task.parse(text[:end], inputs)
        assert len(result.suggestions) == len(skeleton())
        for s in result.suggestions:
            s.value.validate()
    cut = task.parse(text[: text.index('"pilot"')], inputs)
    by_key = {s.source: s for s in cut.suggestions}
    assert by_key["data_prep"].value.duration_days == 25 and by_key["pilot"].origin == LIBRARY
    assert not cut.complete


def test_chinese_projects_take_titles_from_the_library(task, domain):
    inputs = make_inputs("zh", BRIEF_ZH)
    text = answer(
        {"step": "discovery", "length": "long", "title": "访谈网店客服"},  # not asked of a small model
        {"step": "build", "length": "short"},
    )
    result = task.parse(text, inputs)
    by_key = {s.source: s for s in result.suggestions}
    assert by_key["discovery"].value.title == skeleton()[0].title["zh"]
    assert by_key["discovery"].value.duration_days == 15 and by_key["build"].value.duration_days == 15
    assert all(s.value.title == step.title["zh"] for s, step in zip(result.suggestions, skeleton(), strict=True))
    assert "按 15 天计划" in by_key["discovery"].why
    large = make_inputs("zh", BRIEF_ZH, parameters=3_000_000_000)
    kept = task.parse(answer({"step": "discovery", "length": "usual", "title": "访谈网店客服并梳理工单流程"}), large)
    assert kept.suggestions[0].value.title == "访谈网店客服并梳理工单流程"


@pytest.mark.parametrize("today", [dt.date(2200, 12, 30), dt.date.max])
def test_a_plan_past_the_supported_dates_is_refused_in_one_line(task, domain, today):
    """A clock or a project at the calendar's edge: the draft cannot be dated, and says so (issue 16)."""
    from roadmap_desktop.domain.scheduling import ScheduleRangeError

    task.today = lambda: today
    with pytest.raises(ScheduleRangeError) as caught:
        task.preview(make_inputs())
    assert "supported date" in str(caught.value) and "\n" not in str(caught.value)
