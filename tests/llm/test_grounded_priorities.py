"""The grounded priorities task: every framework's inputs from the requirement library's levels, the
model's level picks bounded to one step, reasons computed (or a large model's, checked), and no junk,
cut-off or hostile answer able to put a number outside the table into a project."""

from __future__ import annotations

import json
import re

import pytest

from roadmap_desktop.domain import scoring_levels
from roadmap_desktop.domain.prioritisation import score
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.llm.suggestions import ADAPTED, FACTS, LIBRARY, MODEL, accept_command
from roadmap_desktop.llm.task_base import PROMPT_REQUIREMENTS_MAX, FieldChanges, TaskInputs, load_prompt
from roadmap_desktop.llm.tasks import get_task
from roadmap_desktop.persistence.requirement_library_file import load_default_requirement_library

TASK = get_task("priorities")
BRIEF = "Online shops drown in customer support chats and order-status tickets."
HAN = re.compile(r"[\u4e00-\u9fff]")
LARGE = 3_000_000_000
NUMBERS = {value for row in scoring_levels.TABLE.values() for value in row}


def make_inputs(language: str = "en", parameters: int = 0) -> TaskInputs:
    project = Project.new("Shop helper", language)
    project.info.description = "A support assistant for small online shops."
    if language == "zh":
        titles = ["基于知识库自动回答常见问题", "退款分流", "人工客服转接"]
    else:
        titles = ["Answer common questions from the knowledge base", "Refund triage", "Hand over to a human agent"]
    project.requirements = [Requirement(title=t) for t in titles]
    return TaskInputs(project=project, brief=BRIEF, model_parameters=parameters)


def answer(**entries: dict) -> str:
    return json.dumps({key.lstrip("n"): value for key, value in entries.items()}, ensure_ascii=False)


def levels(reach="medium", impact="medium", confidence="medium", effort="medium", **extra) -> dict:
    return {"reach": reach, "impact": impact, "confidence": confidence, "effort": effort, **extra}


def pattern_of(title: str):
    library = load_default_requirement_library()
    return next(p for p in library.patterns if title in (p.title["en"], p.title["zh"]))


def check_values(suggestion, requirement: Requirement) -> None:
    """Every value fits its field, every level-based one is a number of the table."""
    assert isinstance(suggestion.value, FieldChanges)
    probe = requirement.clone()
    for name, value in suggestion.value.values.items():
        probe.set(name, value)  # raises when a value does not fit its field
        if name in scoring_levels.TABLE:
            assert value in NUMBERS, (name, value)
    assert 0 < suggestion.value.values["effort"] <= 52


# -- at once, before the model -------------------------------------------------------------------------


def test_preview_gives_library_values_for_every_requirement_and_defaults_where_none_fits():
    inp = make_inputs()
    first, refunds, handover = TASK.preview(inp)
    cs01 = pattern_of("Answer common questions from the knowledge base")
    assert (first.origin, first.source) == (LIBRARY, "CS01")
    expected = scoring_levels.scoring_fields(cs01.scores, sum(cs01.effort_weeks) / 2)
    assert {k: v for k, v in first.value.values.items() if k != "moscow"} == expected
    assert first.value.values["moscow"] == cs01.moscow  # the requirement had none
    assert first.why.startswith("Reach high, impact high") and "(library CS01: " in first.why
    # no pattern: medium everywhere, 2-8 weeks, and the reason says so
    assert (refunds.origin, refunds.source) == (FACTS, "")
    assert refunds.value.values["rice_reach"] == 1500 and refunds.value.values["effort"] == 5
    assert "No library pattern fits “Refund triage”" in refunds.why and "2-8 weeks" in refunds.why
    assert "moscow" not in refunds.value.values
    assert handover.origin == LIBRARY and handover.source
    for suggestion, req in zip(TASK.preview(inp), inp.project.requirements, strict=True):
        assert suggestion.value.entity_id == req.id and suggestion.value.note == req.title
        check_values(suggestion, req)
    # every framework the project may switch to scores from these inputs (weighted and votes need the team's)
    applied = inp.project.requirements[0].clone()
    for name, value in first.value.values.items():
        applied.set(name, value)
    for framework in ("rice", "ice", "wsjf", "moscow", "value_effort"):
        assert score(applied, framework).scored, framework


def test_the_documented_example_holds():
    cs01 = pattern_of("Answer common questions from the knowledge base")
    values = scoring_levels.scoring_fields(cs01.scores, scoring_levels.effort_weeks(*cs01.effort_weeks, "medium"))
    assert (values["rice_reach"], values["rice_impact"], values["rice_confidence"], values["effort"]) == (
        6000,
        2,
        80,
        4.5,
    )
    assert (values["ice_impact"], values["ice_confidence"], values["ice_ease"]) == (8, 5, 5)
    assert (values["wsjf_value"], values["wsjf_time"], values["wsjf_risk"], values["wsjf_size"]) == (80, 80, 50, 22.5)
    assert values["value"] == 9


def test_reasons_never_repeat_even_for_two_requirements_of_one_pattern():
    inp = make_inputs()
    inp.project.requirements.append(Requirement(title="Answer common questions from the knowledge base"))
    whys = [s.why for s in TASK.preview(inp)]
    assert len(set(whys)) == len(whys)
    assert whys[-1].endswith("For “Answer common questions from the knowledge base”.")


def test_no_requirements_no_task():
    inp = make_inputs()
    inp.project.requirements = []
    for call in (TASK.preview, TASK.build_messages, lambda i: TASK.parse("{}", i)):
        with pytest.raises(ValueError, match="needs requirements"):
            call(inp)


# -- the prompt and the schema ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh"])
def test_prompt_numbers_requirements_with_their_library_levels_and_has_no_worked_example(language):
    assert load_prompt("priorities", language).examples == ()
    text = TASK.build_messages(make_inputs(language))[-1]["content"]
    lines = text.splitlines()
    first = next(line for line in lines if line.startswith("1. "))
    assert "reach high" in first and "impact high" in first and "confidence medium" in first
    assert next(line for line in lines if line.startswith("2. ")).count("medium") == 4
    assert not re.search(r"\d{3,}", text)  # no figures for a model to copy
    assert bool(HAN.search(text)) == (language == "zh")


def test_schema_names_every_requirement_once_with_level_enums_and_why_only_for_large_models():
    small = TASK.schema(make_inputs())
    assert list(small["properties"]) == ["1", "2", "3"] and small["required"] == ["1", "2", "3"]
    entry = small["properties"]["1"]
    assert list(entry["properties"]) == ["reach", "impact", "confidence", "effort"]
    assert all(p == {"enum": ["low", "medium", "high"]} for p in entry["properties"].values())
    large = TASK.schema(make_inputs(parameters=LARGE))
    assert large["properties"]["1"]["properties"]["why"]["maxLength"] <= 120


def test_schema_converts_to_a_grammar_for_small_and_large_models():
    llama_grammar = pytest.importorskip("llama_cpp.llama_grammar")
    for parameters in (0, LARGE):
        schema = json.dumps(TASK.schema(make_inputs(parameters=parameters)))
        text = llama_grammar.LlamaGrammar.from_json_schema(schema)._grammar
        assert '\\"1\\"' in text and '\\"3\\"' in text and '\\"confidence\\"' in text
        assert ('\\"why\\"' in text) == (parameters == LARGE)


def test_only_the_first_requirements_are_asked_about_the_rest_get_library_values():
    inp = make_inputs()
    count = PROMPT_REQUIREMENTS_MAX + 3
    inp.project.requirements = [Requirement(title=f"Refund triage step {n}") for n in range(count)]
    assert len(TASK.schema(inp)["properties"]) == PROMPT_REQUIREMENTS_MAX
    result = TASK.parse(answer(n23=levels(reach="high")), inp)
    assert len(result.suggestions) == count
    assert "'23' is not the number of a listed requirement" in result.dropped


# -- the model's picks ----------------------------------------------------------------------------------


def test_the_models_levels_move_the_numbers_and_value_and_ease_follow():
    inp = make_inputs()
    result = TASK.parse(answer(n1=levels("medium", "medium", "high", "high"), n2=levels("high", "low")), inp)
    assert result.complete and not result.dropped
    first, refunds, handover = result.suggestions
    values = first.value.values
    assert first.origin == ADAPTED
    assert (values["rice_reach"], values["rice_impact"], values["rice_confidence"]) == (1500, 1, 100)
    assert values["effort"] == 6  # CS01's range 3-6, high end
    assert values["value"] == 6 and values["wsjf_value"] == 50  # impact one step down: value too
    assert values["ice_ease"] == 3  # more effort, less ease
    assert first.why.startswith("Reach medium (library: high), impact medium (library: high), confidence high")
    assert refunds.origin == MODEL  # no pattern: the model's levels around the medium defaults
    assert refunds.value.values["rice_reach"] == 6000 and refunds.value.values["rice_impact"] == 0.5
    assert handover.origin == LIBRARY  # not addressed: the library's levels
    for suggestion, req in zip(result.suggestions, inp.project.requirements, strict=True):
        check_values(suggestion, req)


def test_a_level_two_steps_from_the_librarys_is_clamped_and_reported():
    result = TASK.parse(answer(n1=levels(reach="low", impact="low", confidence="high")), make_inputs())
    values = result.suggestions[0].value.values
    assert values["rice_reach"] == 1500 and values["rice_impact"] == 1  # high -> at most medium
    assert values["rice_confidence"] == 100  # medium -> high is one step
    assert "requirement 1: reach 'low' is two steps from the library's 'high'; 'medium' is used" in result.dropped
    assert "requirement 1: impact 'low' is two steps from the library's 'high'; 'medium' is used" in result.dropped


def test_copying_the_library_levels_is_the_librarys_suggestion():
    inp = make_inputs()
    preview = TASK.preview(inp)
    cs01 = pattern_of("Answer common questions from the knowledge base")
    same = levels(cs01.scores["reach"], cs01.scores["impact"], cs01.scores["confidence"])
    result = TASK.parse(answer(n1=same, n2=levels(), n3=levels()), inp)
    assert result.suggestions[0].origin == LIBRARY and result.suggestions[1].origin == FACTS
    assert [s.value.values for s in result.suggestions[:2]] == [s.value.values for s in preview[:2]]


# -- junk, cut-off and hostile output -----------------------------------------------------------------


def test_every_prefix_of_an_answer_parses_to_bounded_values_for_every_requirement():
    inp = make_inputs()
    full = answer(n1=levels("high", "medium", "low", "low"), n2=levels("low", "high"), n3=levels(effort="high"))
    for end in range(len(full) + 1):
        result = TASK.parse(full[:end], inp)
        assert len(result.suggestions) == 3
        for suggestion, req in zip(result.suggestions, inp.project.requirements, strict=True):
            check_values(suggestion, req)
        assert result.complete == (end == len(full)) or end == 0
    cut = TASK.parse(full[: full.index('"3"') + 8], inp)
    assert "requirement 3 was cut off; the library's levels are kept" in cut.dropped
    assert cut.suggestions[0].origin == ADAPTED and cut.suggestions[2].origin == LIBRARY


@pytest.mark.parametrize(
    "text, reason",
    [
        ("I think reach is 2,154,896,137 people", "the output held no JSON object"),
        ("<html><body>&lt;b&gt;</body></html>", "the output held no JSON object"),
        ('{"99": {"reach": "high"}, "0": {}, "-1": {}}', "'99' is not the number of a listed requirement"),
        ('{"1": "high"}', "requirement 1 is not an object"),
        ('{"1": {"reach": 2154896137}}', "requirement 1: reach 2154896137 is not low, medium or high"),
        ('{"1": {"impact": 1e308}}', "requirement 1: impact 1e+308 is not low, medium or high"),
        ('{"1": {"confidence": "<b>high</b>"}}', "requirement 1: confidence '<b>high</b>' is not low, medium"),
        ('{"1": {"effort": "\\u0007high"}}', "requirement 1: effort '\\x07high' is not low, medium or high"),
        ('{"1": {"reach": ["high"]}}', "requirement 1: reach ['high'] is not low, medium or high"),
        ('{"1": {"reach": "' + "x" * 500 + '"}}', "requirement 1: reach 'xxxx"),
    ],
)
def test_junk_and_hostile_answers_leave_the_librarys_numbers(text, reason):
    inp = make_inputs()
    result = TASK.parse(text, inp)
    assert any(d.startswith(reason) for d in result.dropped), result.dropped
    assert [s.value.values for s in result.suggestions] == [s.value.values for s in TASK.preview(inp)]
    assert all(len(d) < 200 for d in result.dropped)


def test_levels_are_read_whatever_their_case():
    result = TASK.parse('{"1": {"reach": " Medium "}}', make_inputs())
    assert result.suggestions[0].value.values["rice_reach"] == 1500 and not result.dropped


# -- reasons from a large model ----------------------------------------------------------------------------


def test_a_large_models_reason_is_kept_when_it_is_about_the_product_and_never_twice():
    inp = make_inputs(parameters=LARGE)
    why = "Most shop customers ask these questions in support chats every day"
    text = answer(
        n1=levels("high", "high", why=why),
        n2=levels(why=why),  # the same sentence again
        n3={"why": "It has <b>markup</b> and says 42 customers need it badly"},
    )
    result = TASK.parse(text, inp)
    first, second, third = result.suggestions
    assert first.why == why + "." and first.origin == ADAPTED
    assert second.why.startswith("No library pattern fits")
    assert third.why.startswith("Reach") and third.origin == LIBRARY
    joined = "\n".join(result.dropped)
    assert "requirement 2: the reason repeats another reason" in joined
    assert "requirement 3: the reason holds markup or junk" in joined


def test_a_small_models_reason_is_ignored():
    result = TASK.parse(answer(n1=levels(why="Shop customers ask in support chats all day long")), make_inputs())
    assert result.suggestions[0].why.startswith("Reach")


def test_a_reason_that_is_no_text_is_reported():
    result = TASK.parse(answer(n1=levels(why=12)), make_inputs(parameters=LARGE))
    assert "requirement 1: the reason is empty or not text; a computed one is shown" in result.dropped


# -- values already there ---------------------------------------------------------------------------------


def test_values_already_there_are_named_in_the_note_and_moscow_is_never_replaced():
    inp = make_inputs()
    req = inp.project.requirements[0]
    req.rice_reach, req.effort, req.moscow = 2154896137, 4.5, "could"
    suggestion = TASK.preview(inp)[0]
    assert suggestion.value.note == f"{req.title} (replaces the current Reach 2154896137)"
    assert "moscow" not in suggestion.value.values  # a decision, not an estimate
    zh = make_inputs("zh")
    zh.project.requirements[1].rice_impact = 3
    assert zh.project.requirements[1].title + "（将替换现有的影响 3）" == TASK.preview(zh)[1].value.note


def test_accepting_the_suggestions_sets_every_value_in_one_undoable_step():
    inp = make_inputs()
    project = inp.project
    project.requirements[0].rice_reach = 2154896137
    result = TASK.parse(answer(n1=levels("high")), inp)
    undo = accept_command(project, result.suggestions).apply(project)
    assert project.requirements[0].rice_reach == 6000 and project.requirements[1].effort == 5
    undo.apply(project)
    assert project.requirements[0].rice_reach == 2154896137 and project.requirements[1].effort is None


# -- Chinese ------------------------------------------------------------------------------------------------


def test_chinese_reasons_and_notes_are_chinese():
    inp = make_inputs("zh")
    result = TASK.parse(answer(n1={"reach": "medium"}), inp)
    first, refunds, _ = result.suggestions
    assert first.why.startswith("覆盖面中（需求库为高）、影响高、信心中、工作量 4.5 人周（需求库 CS01：")
    assert refunds.why.startswith("需求库中没有与“退款分流”相符的条目")
    for suggestion in result.suggestions:
        assert HAN.search(suggestion.why) and not re.search(r"[a-z]{4,}", suggestion.why)


def test_one_level_given_to_every_requirement_is_no_judgement_and_is_left_out():
    """SmolLM2-135M gave every requirement of a farm app reach medium and confidence low."""
    inp = make_inputs()
    text = answer(
        n1=levels("medium", "high", "low", "low"),
        n2=levels("medium", "low", "low"),
        n3={"reach": "medium", "confidence": "low"},
    )
    result = TASK.parse(text, inp)
    preview = TASK.preview(inp)
    for name in ("rice_reach", "rice_confidence"):  # reach and confidence: the library's
        assert [s.value.values[name] for s in result.suggestions] == [s.value.values[name] for s in preview]
    assert result.suggestions[1].value.values["rice_impact"] == 0.5  # impact differed: it stands
    assert "the model gave reach 'medium' to every requirement, which tells none apart" in result.dropped[0]
    assert any(d.startswith("the model gave confidence 'low'") for d in result.dropped)
    two = TASK.parse(answer(n1=levels("medium"), n2=levels("medium")), inp)  # too few to tell
    assert two.suggestions[0].value.values["rice_reach"] == 1500
