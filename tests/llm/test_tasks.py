"""Assistant tasks: schemas convert to grammars, prompts carry the language, and the parser keeps
every complete item of cut-off, repetitive or out-of-range model output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.llm.json_salvage import salvage
from roadmap_desktop.llm.task_base import FieldChanges, TaskInputs
from roadmap_desktop.llm.tasks import TASKS, get_task
from roadmap_desktop.llm.titles import clean_title, normalise_title
from roadmap_desktop.persistence.risk_library_file import load_default_risk_library

LIBRARY = [
    {
        "id": "R01",
        "title": {"en": "Data privacy and security", "zh": "数据隐私和安全"},
        "category": "Data / legal",
        "mitigations": [{"en": "Encryption", "zh": "加密"}, "Access control"],
    },
    {
        "id": "R02",
        "title": {"en": "Compute demand and cost", "zh": "计算资源需求"},
        "category": "Cost",
        "mitigations": ["Quantization"],
    },
    {"id": "R06", "title": {"en": "Overfitting", "zh": "过拟合"}, "category": "Model", "mitigations": []},
]


def make_project(language: str = "en") -> Project:
    project = Project.new("Shop helper", language)
    project.info.description = "A support assistant for small online shops."
    project.requirements = [
        Requirement(title="Answer order questions", description="Reply to where-is-my-order chats."),
        Requirement(title="Refund triage"),
        Requirement(title="Weekly report"),
    ]
    return project


def inputs(language: str = "en") -> TaskInputs:
    project = make_project(language)
    return TaskInputs(
        project=project,
        brief="Shops drown in support chats.",
        library=LIBRARY,
        requirement_id=project.requirements[0].id,
    )


def req_item(title: str, **extra: object) -> dict:
    item = {
        "title": title,
        "user_story": f"As a shop owner, I want {title.lower()} so that I save time.",
        "target_users": ["shop owners"],
        "pain_points": ["too many chats"],
        "value_lever": "ux",
        "llm_fit": "fit",
        "llm_fit_reason": "Text generation suits a model.",
    }
    item.update(extra)
    return item


VALID_REQUIREMENTS = json.dumps(
    {
        "requirements": [
            req_item("Auto reply drafts"),
            req_item("Order status lookup"),
            req_item("Sentiment alerts"),
            req_item("FAQ builder"),
        ]
    },
    ensure_ascii=False,
)


# -- schemas and grammars -----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(TASKS))
def test_every_schema_converts_to_a_grammar_naming_its_properties(name):
    llama_grammar = pytest.importorskip("llama_cpp.llama_grammar")
    schema = TASKS[name].schema(inputs())
    grammar = llama_grammar.LlamaGrammar.from_json_schema(json.dumps(schema))._grammar
    # The converter falls back to free JSON on a schema it cannot handle; a real conversion
    # names every property of the schema.
    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert names
    for prop in names:
        assert f'\\"{prop}\\"' in grammar, prop


@pytest.mark.parametrize("name", list(TASKS))
def test_schemas_bound_every_array_and_string(name):
    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "array":
                assert "maxItems" in node
            if node.get("type") == "string":
                assert "maxLength" in node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(TASKS[name].schema(inputs()))


def test_risk_schema_only_allows_library_ids():
    schema = get_task("risks").schema(inputs())
    assert schema["properties"]["risks"]["items"]["properties"]["id"] == {"enum": ["R01", "R02", "R06"]}


def test_task_specs_recommend_anti_loop_sampling():
    for task in TASKS.values():
        sampling = task.spec.sampling()
        assert sampling["repeat_penalty"] > 1.0
        assert 0 < sampling["max_tokens"] <= 2048
        assert 0 <= sampling["temperature"] <= 1


# -- messages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(TASKS))
@pytest.mark.parametrize("language", ["en", "zh"])
def test_messages_state_the_language_and_fill_every_placeholder(name, language):
    messages = TASKS[name].build_messages(inputs(language))
    roles = [m["role"] for m in messages]
    # system, optional worked examples as (user, assistant) turns, then the request
    assert roles[0] == "system" and roles[-1] == "user"
    assert roles[1:-1] == ["user", "assistant"] * ((len(roles) - 2) // 2)
    if language == "zh":
        assert "简体中文" in messages[0]["content"]
    else:
        assert "English" in messages[0]["content"]
    assert all("$" not in m["content"] for m in messages)
    shown = messages[-2]["content"] if len(roles) > 2 else messages[-1]["content"]
    assert "{" in shown  # an example of the output shape, inline or as an earlier answer
    for example in messages[2:-1:2]:
        assert isinstance(json.loads(example["content"]), dict)  # worked answers are valid JSON


def test_language_comes_from_the_project_and_can_be_overridden():
    task = get_task("summary")
    assert "简体中文" in task.build_messages(inputs("zh"))[0]["content"]
    assert "English" in task.build_messages(inputs("zh"), "en")[0]["content"]
    with pytest.raises(ValueError):
        task.build_messages(inputs(), "fr")


def test_risk_messages_list_only_library_ids():
    text = get_task("risks").build_messages(inputs())[-1]["content"]
    assert set(re.findall(r"\bR\d\d\b", text)) == {"R01", "R02", "R06"}
    assert "R01: Data privacy and security" in text
    assert "R01: 数据隐私和安全" in get_task("risks").build_messages(inputs("zh"))[-1]["content"]


def test_requirement_messages_list_existing_titles_and_number_requirements():
    assert "- Refund triage" in get_task("requirements").build_messages(inputs())[-1]["content"]
    priorities = get_task("priorities").build_messages(inputs())[-1]["content"]
    assert "1. Answer order questions" in priorities and "3. Weekly report" in priorities


def test_prompt_files_exist_for_every_task_and_language():
    root = Path(__file__).resolve().parents[2] / "resources" / "prompts"
    for name in TASKS:
        for language in ("en", "zh"):
            text = (root / f"{name}.{language}.md").read_text(encoding="utf-8")
            assert text.startswith("[system]\n") and "\n[user]\n" in text


# -- salvage ------------------------------------------------------------------------------------


def test_salvage_reads_valid_json_like_json_loads():
    doc = {"a": [1, 2.5, 'x"y\\n', True, None, {"b": "中文"}], "c": "\u00e9"}
    part = salvage("```json\n" + json.dumps(doc) + "\n```")
    assert part.complete
    assert part.to_python() == doc


def test_truncated_output_keeps_every_complete_item_and_never_a_partial_one():
    task = get_task("requirements")
    full = task.parse(VALID_REQUIREMENTS)
    assert full.complete and not full.dropped and len(full.suggestions) == 4
    titles = [r.title for r in full.suggestions]
    # Where each item's closing brace sits: an item is complete once its '}' is in the text.
    ends = [m.end() for m in re.finditer(r'"llm_fit_reason": "[^"]*"}', VALID_REQUIREMENTS)]
    for cut in range(len(VALID_REQUIREMENTS)):
        result = task.parse(VALID_REQUIREMENTS[:cut])
        expected = sum(1 for end in ends if end <= cut)
        assert [r.title for r in result.suggestions] == titles[:expected], cut
        assert not result.complete
        for req in result.suggestions:
            assert req.llm_fit_reason == "Text generation suits a model."  # never half an item
        if cut:
            assert result.dropped, cut  # the user is told the output was cut off
        if f"item {expected + 1} was cut off" not in result.dropped and cut:
            assert result.dropped[-1].startswith("the output") and "cut off" in result.dropped[-1], cut


def test_truncated_timeline_and_risks_keep_complete_items():
    timeline = json.dumps(
        {
            "items": [
                {"n": 1, "phase": "P0", "title": "Interview users", "duration_days": 5, "depends_on": []},
                {"n": 2, "phase": "P1", "title": "Pick a model", "duration_days": 3, "depends_on": [1]},
                {"n": 3, "phase": "P2", "title": "Collect chats", "duration_days": 10, "depends_on": [2]},
            ]
        }
    )
    cut = timeline.index('"Collect')
    result = get_task("timeline").parse(timeline[:cut], inputs())
    assert [i.title for i in result.suggestions] == ["Interview users", "Pick a model"]
    assert result.dropped == ["item 3 was cut off"]
    risks = '{"risks": [{"id": "R01", "likelihood": 4, "impact": 5, "why": "Chats hold addresses."}, {"id": "R0'
    result = get_task("risks").parse(risks, inputs())
    assert [r.title for r in result.suggestions] == ["Data privacy and security"]
    assert result.dropped == ["risk 2 was cut off"]


def test_slightly_invalid_json_keeps_the_good_items():
    text = (
        'Here you go: {"requirements": ['
        + json.dumps(req_item("Good one"))
        + ', {"title": oops}, '
        + json.dumps(req_item("Second good"))
        + ",]}"
    )
    result = get_task("requirements").parse(text)
    assert [r.title for r in result.suggestions] == ["Good one", "Second good"]
    assert result.dropped == ["item 2 has an invalid 'title'"]


def test_no_json_at_all_says_so():
    result = get_task("requirements").parse("I cannot help with that.")
    assert result.suggestions == [] and not result.complete
    assert "no JSON" in result.dropped[0]


# -- de-duplication -----------------------------------------------------------------------------


def test_repeated_and_near_duplicate_titles_are_dropped_with_reasons():
    looping = {
        "requirements": [
            req_item("Auto reply drafts"),
            req_item("Auto-reply drafts!"),
            req_item("auto reply  drafts"),
            req_item("Auto reply draft"),
            req_item("Order status lookup"),
            req_item("Refund  triage"),
        ]
    }
    result = get_task("requirements").parse(json.dumps(looping), inputs())
    assert [r.title for r in result.suggestions] == ["Auto reply drafts", "Order status lookup"]
    assert result.dropped == [
        "item 2 repeats item 1's title",
        "item 3 repeats item 1's title",
        "item 4 repeats item 1's title",  # ratio >= 0.9
        "item 6 is already in the project",
    ]
    assert result.complete


def test_normalised_titles_ignore_case_space_and_punctuation():
    assert normalise_title(" Auto-Reply, Drafts! ") == normalise_title("auto reply drafts")
    assert normalise_title("会议 纪要，摘要。") == "会议纪要摘要"


def test_distinct_but_similar_titles_are_kept():
    data = {"requirements": [req_item("Order status lookup"), req_item("Order history export")]}
    assert len(get_task("requirements").parse(json.dumps(data)).suggestions) == 2


# -- validation ---------------------------------------------------------------------------------


def test_bad_enum_values_are_left_empty_with_a_reason():
    data = {"requirements": [req_item("Auto reply drafts", value_lever="speed", llm_fit="maybe")]}
    result = get_task("requirements").parse(json.dumps(data))
    (req,) = result.suggestions
    assert isinstance(req, Requirement)
    assert req.value_lever == "" and req.llm_fit == "" and req.llm_fit_reason == ""
    assert any("item 1: value lever 'speed'" in d for d in result.dropped)
    assert any("item 1: llm fit 'maybe'" in d for d in result.dropped)


def test_out_of_range_risk_values_drop_the_risk():
    text = json.dumps(
        {
            "risks": [
                {"id": "R01", "likelihood": 9, "impact": 3, "why": "x"},
                {"id": "R99", "likelihood": 2, "impact": 3, "why": "invented"},
                {"id": "R02", "likelihood": 2, "impact": 4, "why": "GPU bills."},
                {"id": "R02", "likelihood": 3, "impact": 3, "why": "again"},
            ]
        }
    )
    result = get_task("risks").parse(text, inputs())
    assert [r.title for r in result.suggestions] == ["Compute demand and cost"]
    risk = result.suggestions[0]
    assert isinstance(risk, Risk) and (risk.likelihood, risk.impact) == (2, 4)
    assert risk.mitigation == "Quantization" and "GPU bills." in risk.description
    assert result.dropped[0].startswith("risk 1: likelihood 9 is out of range")
    assert result.dropped[1] == "risk 2: 'R99' is not a library risk id"
    assert result.dropped[2] == "risk 4 repeats risk 3 (R02)"


def test_priorities_are_keyed_by_number_and_validated():
    project = inputs().project
    text = json.dumps(
        {
            "priorities": [
                {"n": 2, "reach": 300, "impact": 2, "confidence": 80, "effort_weeks": 3, "rationale": "Common."},
                {"n": 2, "reach": 1, "impact": 1, "confidence": 50, "effort_weeks": 1, "rationale": "dup"},
                {"n": 7, "reach": 1, "impact": 1, "confidence": 50, "effort_weeks": 1, "rationale": "no such"},
                {"n": 1, "reach": -5, "impact": 0.7, "confidence": 100, "effort_weeks": 0, "rationale": "Odd."},
            ]
        }
    )
    result = get_task("priorities").parse(text, TaskInputs(project=project))
    first, second = result.suggestions
    assert isinstance(first, FieldChanges) and first.entity_id == project.requirements[1].id
    assert first.values == {"rice_reach": 300, "rice_impact": 2, "rice_confidence": 80, "effort": 3}
    assert first.note == "Common."
    assert second.entity_id == project.requirements[0].id
    assert second.values == {"rice_confidence": 100}
    joined = "\n".join(result.dropped)
    assert "entry 2 repeats requirement 2" in joined
    assert "entry 3: requirement number 7 is not in the list" in joined
    assert "rice reach -5" in joined and "rice impact 0.7" in joined and "effort 0" in joined


def test_timeline_maps_dependencies_phases_and_lanes():
    inp = inputs()
    text = json.dumps(
        {
            "items": [
                {"n": 1, "phase": "P0", "title": "Interview users", "duration_days": 5, "depends_on": [1]},
                {"n": 2, "phase": "P9", "title": "Pick a model", "duration_days": 3, "depends_on": [1, 5]},
                {"n": 3, "phase": "P2", "title": "Collect chats", "duration_days": 99999, "depends_on": [2]},
                {"n": 4, "phase": "P5", "title": "Evaluation gate", "duration_days": 0, "depends_on": [2, 3]},
            ]
        }
    )
    result = get_task("timeline").parse(text, inp)
    first, second, gate = result.suggestions
    assert all(isinstance(i, TimelineItem) for i in result.suggestions)
    assert first.phase == "P0" and first.lane_id == inp.project.lanes[0].id and first.depends_on == []
    assert second.phase == "" and second.depends_on == [first.id]
    assert gate.milestone and gate.depends_on == [second.id] and gate.lane_id == inp.project.lanes[5].id
    joined = "\n".join(result.dropped)
    assert "item 1: dependency on 1 dropped (not an earlier item)" in joined
    assert "item 2: phase 'P9' is not allowed" in joined
    assert "item 3: duration 99999 days is out of range" in joined
    assert "item 4: dependency on 3 dropped (no such item kept)" in joined


def test_user_story_suggests_field_changes_for_the_requirement():
    inp = inputs()
    text = json.dumps(
        {
            "user_story": "As an agent, I want drafts so that I reply faster.",
            "acceptance_criteria": ["Drafts appear in 2 s.", "drafts appear in 2 s", "Agent can edit."],
        }
    )
    result = get_task("user-story").parse(text, inp)
    (change,) = result.suggestions
    assert change.entity_id == inp.requirement_id
    assert change.values["acceptance_criteria"] == ["Drafts appear in 2 s.", "Agent can edit."]
    assert result.dropped == ["criterion 2 repeats criterion 1's text"]
    cut = get_task("user-story").parse(text[: text.index("Agent")], inp)
    assert cut.suggestions[0].values["acceptance_criteria"] == ["Drafts appear in 2 s."]
    assert "criterion 3 was cut off" in cut.dropped and not cut.complete


def test_summary_cut_off_keeps_whole_sentences():
    task = get_task("summary")
    full = task.parse('{"summary": "Shop helper answers chats. It ships in May."}')
    assert full.suggestions == ["Shop helper answers chats. It ships in May."] and full.complete
    cut = task.parse('{"summary": "Shop helper answers chats. It ships in Ma')
    assert cut.suggestions == ["Shop helper answers chats."] and not cut.complete
    zh = task.parse('{"summary": "店铺助手自动回复客服消息。计划五月上')
    assert zh.suggestions == ["店铺助手自动回复客服消息。"]


# -- Chinese --------------------------------------------------------------------------------------


def test_chinese_text_round_trips():
    data = {
        "requirements": [
            req_item(
                "客服自动回复", user_story="作为团队负责人，我想要摘要，以便节省时间。", target_users=["团队负责人"]
            ),
            req_item("客服 自动回复！"),
        ]
    }
    for text in (json.dumps(data, ensure_ascii=False), json.dumps(data)):  # raw and \\u-escaped
        result = get_task("requirements").parse(text, inputs("zh"))
        (req,) = result.suggestions
        assert req.title == "客服自动回复" and req.target_users == ["团队负责人"]
        assert req.description.startswith("作为团队负责人")
        assert result.dropped == ["item 2 repeats item 1's title"]
    risks = get_task("risks").parse(
        '{"risks": [{"id": "R01", "likelihood": 3, "impact": 4, "why": "保存聊天"}]}', inputs("zh")
    )
    assert risks.suggestions[0].title == "数据隐私和安全"
    assert risks.suggestions[0].mitigation.splitlines() == ["加密", "Access control"]


def test_escaped_chinese_cut_inside_an_escape_is_cut_off_not_garbled():
    text = json.dumps({"requirements": [req_item("会议纪要摘要"), req_item("客服回复")]})
    for cut in range(len(text)):
        for req in get_task("requirements").parse(text[:cut]).suggestions:
            assert req.title in ("会议纪要摘要", "客服回复")


def test_placeholder_titles_are_dropped():
    data = {"requirements": [req_item("Sentence 1"), req_item("<title>"), req_item("功能 2"), req_item("Order lookup")]}
    result = get_task("requirements").parse(json.dumps(data))
    assert [r.title for r in result.suggestions] == ["Order lookup"]
    assert sum("placeholder" in d for d in result.dropped) == 3


def test_requirements_drop_copies_of_the_prompt_example_and_placeholders():
    from roadmap_desktop.llm.titles import example_titles

    # The shipped prompts carry no example (the grammar fixes the shape); a copy of any still counts.
    example = (example_titles("requirements", "en") or ["Meeting notes summary"])[0]
    output = json.dumps(
        {
            "requirements": [
                {
                    "title": example,
                    "user_story": "x",
                    "target_users": [],
                    "pain_points": [],
                    "value_lever": "ux",
                    "llm_fit": "fit",
                    "llm_fit_reason": "x",
                },
                {
                    "title": "<product_brief>",
                    "user_story": "x",
                    "target_users": [],
                    "pain_points": [],
                    "value_lever": "ux",
                    "llm_fit": "fit",
                    "llm_fit_reason": "x",
                },
                {
                    "title": "Answer order-status questions",
                    "user_story": "x",
                    "target_users": [],
                    "pain_points": [],
                    "value_lever": "ux",
                    "llm_fit": "fit",
                    "llm_fit_reason": "x",
                },
            ]
        }
    )
    result = get_task("requirements").parse(output, TaskInputs(project=Project.new("p")))
    assert "Answer order-status questions" in [r.title for r in result.suggestions]
    assert "<product_brief>" not in [r.title for r in result.suggestions]
    assert any("placeholder" in d for d in result.dropped)


def test_later_rounds_list_earlier_drafts_and_drop_repeats_of_them():
    task = get_task("requirements")
    later = inputs()
    later.drafted = ["Call summaries", "Follow-up email drafts"]
    prompt = task.build_messages(later)[-1]["content"]
    assert "- Call summaries" in prompt and "- Follow-up email drafts" in prompt
    data = {"requirements": [req_item("Call summary"), req_item("Deal risk alerts")]}
    result = task.parse(json.dumps(data), later)
    assert [r.title for r in result.suggestions] == ["Deal risk alerts"]
    assert "item 1 repeats an earlier suggestion" in result.dropped


def test_another_round_only_while_short_of_wanted_and_rounds_left():
    task = get_task("requirements")
    assert task.wants_another_round(1, 3)
    assert not task.wants_another_round(1, task.wanted)
    assert not task.wants_another_round(task.rounds, 0)
    assert not get_task("summary").wants_another_round(1, 0)


def test_run_on_titles_keep_their_name_and_extensions_count_as_repeats():
    assert clean_title("Data analysis, this is an improvement on data") == "Data analysis"
    assert clean_title("会议纪要，自动生成") == "会议纪要"
    assert clean_title("AI: chat") == "AI: chat"  # too short a head to be the name
    assert clean_title("1. 编留言规则") == "编留言规则" and clean_title("2、离线模式") == "离线模式"
    assert clean_title("3) offline mode") == "Offline mode" and clean_title("a. Dark theme") == "Dark theme"
    assert clean_title("3D printing") == "3D printing" and clean_title("2.5 GHz support") == "2.5 GHz support"
    data = {"requirements": [req_item("Email marketing"), req_item("Email marketing for small businesses")]}
    result = get_task("requirements").parse(json.dumps(data))
    assert [r.title for r in result.suggestions] == ["Email marketing"]


def test_prompt_files_must_be_well_formed(tmp_path, monkeypatch):
    import roadmap_desktop.llm.task_base as tasks_module

    monkeypatch.setattr(tasks_module, "prompts_dir", lambda: tmp_path)
    tasks_module.load_prompt.cache_clear()
    try:
        (tmp_path / "a.en.md").write_text("[system]\nS\n[example-user]\nU\n[user]\nX", encoding="utf-8")
        with pytest.raises(ValueError, match="examples must come as"):
            tasks_module.load_prompt("a", "en")
        (tmp_path / "b.en.md").write_text("just text", encoding="utf-8")
        with pytest.raises(ValueError, match="needs a \\[system\\] section"):
            tasks_module.load_prompt("b", "en")
        (tmp_path / "c.en.md").write_text(
            "[system]\nS\n[example-user]\nU\n[example-assistant]\n{}\n[user]\nX", encoding="utf-8"
        )
        assert tasks_module.load_prompt("c", "en").examples == (("U", "{}"),)
    finally:
        tasks_module.load_prompt.cache_clear()


@pytest.mark.parametrize("name", ["user-story", "priorities", "timeline", "summary", "requirements"])
def test_worked_examples_fill_the_phase_list_and_their_copies_are_dropped(name):
    messages = get_task(name).build_messages(inputs())
    assert all("$" not in m["content"] for m in messages)
    copied = messages[2]["content"]  # the worked example's answer, returned as if it were the model's
    result = get_task(name).parse(copied, inputs())
    if name == "priorities":  # its numbers may fit the real list; the copied rationale is not kept
        assert all(not s.note for s in result.suggestions)
    else:
        assert result.suggestions == [], result.suggestions
        assert any("example" in d for d in result.dropped), result.dropped


def test_summary_sentences_copied_from_the_example_are_removed():
    copied = "The plan runs about three months, from March to the beta at the end of May."
    text = json.dumps({"summary": f"ShopHelper answers shop chats. {copied} It flags angry customers."})
    result = get_task("summary").parse(text, inputs())
    assert result.suggestions == ["ShopHelper answers shop chats. It flags angry customers."]
    assert "1 sentence(s) copied" in result.dropped[0]


# -- the real model -----------------------------------------------------------------------------

MODEL = Path(__file__).resolve().parents[2] / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture(scope="module")
def smollm2():
    if not MODEL.exists():
        pytest.skip(f"{MODEL.name} is not in models/")
    from roadmap_desktop.llm.engine import Engine

    engine = Engine()
    engine.load(MODEL, n_ctx=4096, n_threads=1)
    yield engine
    engine.close()


@pytest.mark.llm
@pytest.mark.slow
@pytest.mark.parametrize("name", ["user-story", "priorities", "timeline", "risks", "summary"])
def test_smollm2_gives_valid_distinct_suggestions_for_every_task(smollm2, name):
    from roadmap_desktop.domain.entity import Entity
    from roadmap_desktop.llm.drafting import run_task

    inp = inputs()
    inp.library = load_default_risk_library()
    result = run_task(smollm2, get_task(name), inp, seed=3)
    assert result.suggestions, result.dropped
    keys = []
    for suggestion in result.suggestions:
        if isinstance(suggestion, Entity):
            suggestion.validate()
            keys.append(normalise_title(suggestion.display_name()))
        elif isinstance(suggestion, FieldChanges):
            target = inp.project.find(suggestion.kind, suggestion.entity_id).clone()
            for field_name, value in suggestion.values.items():
                target.set(field_name, value)  # raises if a value does not fit its field
            keys.append(suggestion.entity_id)
        else:
            assert isinstance(suggestion, str) and 20 < len(suggestion) <= 600
            keys.append(suggestion)
    assert len(set(keys)) == len(keys)


def test_titles_with_mostly_the_same_words_count_as_one():
    data = {
        "requirements": [
            req_item("Review a recipe on Facebook with me"),
            req_item("Review a recipe on Instagram with me"),
            req_item("Order status lookup"),
            req_item("Order history export"),
        ]
    }
    result = get_task("requirements").parse(json.dumps(data))
    assert [r.title for r in result.suggestions] == [
        "Review a recipe on Facebook with me",
        "Order status lookup",
        "Order history export",
    ]


def test_risks_already_taken_are_not_offered_again():
    later = inputs()
    later.drafted = ["Data privacy and security"]
    task = get_task("risks")
    assert "R01" not in task.schema(later)["properties"]["risks"]["items"]["properties"]["id"]["enum"]
    assert "R01:" not in task.build_messages(later)[-1]["content"]
    later.drafted = ["Data privacy and security", "Compute demand and cost", "Overfitting"]
    with pytest.raises(ValueError, match="every risk in the library is already in the project"):
        task.build_messages(later)


def test_a_language_with_only_a_wording_catalog_gets_english_prompts_and_its_own_reply_marks():
    from roadmap_desktop.wording import register, unregister, wording

    words = {key: wording("en")[key] for key in wording("en").keys("")}
    words["reply.placeholder_words"] = "platzhalter"
    words["reply.sentence_ends"] = "¡"
    register("xx", "Pseudo", words)
    try:
        pseudo = inputs("en")
        pseudo.project.info.language = "xx"
        for name in TASKS:
            assert TASKS[name].build_messages(pseudo) == TASKS[name].build_messages(inputs("en"))
        assert get_task("requirements").parse(json.dumps({"requirements": [req_item("Platzhalter 3")]})).dropped == [
            "item 1 is a placeholder, not a title"
        ]
        cut_off = '{"summary": "Eins¡ Zwei'  # its sentence mark ends the last full sentence
        assert get_task("summary").parse(cut_off, pseudo).suggestions == ["Eins¡"]
    finally:
        unregister("xx")
    assert not get_task("requirements").parse(json.dumps({"requirements": [req_item("Platzhalter 3")]})).dropped
    assert get_task("summary").parse(cut_off, inputs("en")).suggestions == []
