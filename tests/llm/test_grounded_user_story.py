"""The grounded user-story task: the library pattern's story and acceptance criteria at once, a model
rewrite kept only when it is a one-sentence story in the project's language with the brief's words,
and nothing invented where no pattern fits and the model cannot write the language."""

from __future__ import annotations

import json
import re

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.llm.suggestions import ADAPTED, LIBRARY, NEW, accept_command
from roadmap_desktop.llm.task_base import FieldChanges, TaskInputs, load_prompt
from roadmap_desktop.llm.tasks import get_task
from roadmap_desktop.llm.tasks.user_story import has_phrase, is_story
from roadmap_desktop.persistence.requirement_library_file import load_default_requirement_library

TASK = get_task("user-story")
BRIEF = "Online shops drown in customer support chats and order-status tickets."
BRIEF_ZH = "网店被大量客服聊天和订单状态工单淹没，店主需要一个客服助手。"
LARGE = 3_000_000_000
GOOD = "As a shop customer, I want to ask in the support chat where my order is, so that I get its status at once."
NEW_STORY = "As a shop owner, I want refund requests from support chats sorted by urgency, so that refunds go out fast."
ZH_STORY = "作为网店顾客，我希望在客服聊天里直接查到订单状态，不必等人工回复。"


def make_inputs(language: str = "en", parameters: int = 0, title: str = "") -> TaskInputs:
    project = Project.new("Shop helper", language)
    project.info.description = "A support assistant for small online shops."
    if language == "zh":
        titles = [title or "查询订单和账户问题", "退款分流"]
    else:
        titles = [title or "Answer order and account questions from live data", "Refund triage"]
    project.requirements = [Requirement(title=t) for t in titles]
    return TaskInputs(
        project=project,
        brief=BRIEF_ZH if language == "zh" else BRIEF,
        requirement_id=project.requirements[0].id,
        model_parameters=parameters,
    )


def story(text: object) -> str:
    return json.dumps({"story": text}, ensure_ascii=False)


def cs06():
    return load_default_requirement_library().by_id("CS06")


# -- at once, before the model ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh"])
def test_preview_is_the_patterns_story_and_criteria_in_the_project_language(language):
    inp = make_inputs(language)
    (suggestion,) = TASK.preview(inp)
    pattern = cs06()
    assert (suggestion.origin, suggestion.source) == (LIBRARY, "CS06")
    change = suggestion.value
    assert isinstance(change, FieldChanges) and change.entity_id == inp.requirement_id
    assert change.values["description"] == pattern.story[language]
    assert change.values["acceptance_criteria"] == [c[language] for c in pattern.acceptance]
    assert "CS06" in suggestion.why and change.note == inp.project.requirements[0].title


def test_the_requirements_own_criteria_come_first_and_are_not_repeated():
    inp = make_inputs()
    req = inp.project.requirements[0]
    library = [c["en"] for c in cs06().acceptance]
    req.acceptance_criteria = ["Works on mobile", library[1].lower() + "."]
    values = TASK.preview(inp)[0].value.values
    assert values["acceptance_criteria"] == ["Works on mobile", req.acceptance_criteria[1], library[0], library[2]]


def test_a_requirement_that_already_has_the_librarys_texts_gets_nothing_new():
    inp = make_inputs()
    req = inp.project.requirements[0]
    req.description = cs06().story["en"]
    req.acceptance_criteria = [c["en"] for c in cs06().acceptance]
    assert TASK.preview(inp) == []
    assert TASK.parse("", inp).dropped == ["the requirement already has library CS06's story and criteria"]


def test_the_default_requirement_is_the_first_and_an_unknown_one_is_refused():
    inp = make_inputs()
    inp.requirement_id = ""
    assert TASK.preview(inp)[0].value.entity_id == inp.project.requirements[0].id
    inp.requirement_id = "nope"
    with pytest.raises(ValueError, match="no requirement with id"):
        TASK.preview(inp)


# -- prompt and schema ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh"])
def test_prompt_has_no_worked_example_and_shows_the_library_story(language):
    assert load_prompt("user-story", language).examples == ()
    text = TASK.build_messages(make_inputs(language))[-1]["content"]
    assert cs06().story[language] in text and (BRIEF_ZH if language == "zh" else BRIEF) in text
    assert not re.search(r"\d", text)


def test_the_model_writes_only_where_it_can_write_the_language_and_only_in_the_story_form():
    english = TASK.schema(make_inputs())["properties"]["story"]
    assert english["maxLength"] == 220 and re.match(english["pattern"], GOOD)
    assert re.match(english["pattern"], GOOD.replace(", so that", " so that"))  # the comma is optional
    assert not re.match(english["pattern"], "As a shop customer, I want 3 chats, so that orders are found.")
    chinese = TASK.schema(make_inputs("zh", LARGE))["properties"]["story"]
    assert re.match(chinese["pattern"], ZH_STORY) and not re.match(chinese["pattern"], GOOD)
    assert TASK.schema(make_inputs("zh"))["properties"] == {}  # a small model writes no usable Chinese


def test_both_schemas_convert_to_grammars():
    llama_grammar = pytest.importorskip("llama_cpp.llama_grammar")
    writes = llama_grammar.LlamaGrammar.from_json_schema(json.dumps(TASK.schema(make_inputs())))._grammar
    assert '\\"story\\"' in writes and '", I want"' in writes and '" so that"' in writes
    large = json.dumps(TASK.schema(make_inputs("zh", LARGE)), ensure_ascii=False)
    assert '"作" "为"' in llama_grammar.LlamaGrammar.from_json_schema(large)._grammar
    empty = llama_grammar.LlamaGrammar.from_json_schema(json.dumps(TASK.schema(make_inputs("zh"))))._grammar
    assert '"{" space  "}"' in empty


# -- the model's rewrite ---------------------------------------------------------------------------------


def test_a_good_rewrite_is_adapted_and_keeps_the_patterns_criteria_and_the_founders_notes():
    inp = make_inputs()
    inp.project.requirements[0].description = "Most chats ask where an order is."
    result = TASK.parse(story(GOOD), inp)
    (suggestion,) = result.suggestions
    assert result.complete and not result.dropped
    assert suggestion.origin == ADAPTED and suggestion.source == "CS06"
    values = suggestion.value.values
    assert values["description"] == GOOD + "\n\nMost chats ask where an order is."
    assert values["acceptance_criteria"] == [c["en"] for c in cs06().acceptance]
    assert "shop" in suggestion.why and "chat" in suggestion.why


def test_a_story_already_there_is_replaced_and_the_note_says_so():
    inp = make_inputs()
    req = inp.project.requirements[0]
    req.description = "As a clerk, I want a report, so that I know.\n\nKeep this paragraph."
    change = TASK.parse(story(GOOD), inp).suggestions[0].value
    assert change.values["description"] == GOOD + "\n\nKeep this paragraph."
    assert change.note == f"{req.title} (replaces the current user story)"
    project = inp.project
    undo = accept_command(project, [change]).apply(project)
    assert req.description.startswith(GOOD)
    undo.apply(project)
    assert req.description.startswith("As a clerk")


@pytest.mark.parametrize(
    "raw, problem",
    [
        ("Chat answers fast.", "is no sentence, or was cut off"),
        ("I want chats answered in the shop.", "is not in the user-story form"),
        ("Shop customers want their support chats answered and their orders found.", "is not in the user-story"),
        ("As a shop customer, I want chat answers. So that I do not wait for the orders.", "is more than one sentence"),
        ("As a shop customer, I want 24/7 chat answers, so that 90% of orders are found.", "states figures"),
        ("As a shop customer, I want <b>chat</b> answers, so that orders are found.", "holds markup or junk"),
        ("As a shop customer, I want &lt;chat&gt; answers, so that orders are found fast.", "holds markup or junk"),
        ("As a shop customer, I want 订单状态 in the chat, so that orders are found.", "is not in the project's"),
        ("As a gardener, I want my tulips to bloom early, so that the neighbours admire them.", "is not about"),
        (cs06().story["en"], "is the library's own"),
        ("As a <user>, I want <goal>, so that <benefit>.", "holds markup or junk"),
        (
            "As a customer, I want the live status of my order once I prove who I am, so that no agent has to look.",
            "adds none of the brief's words",
        ),
        (12345, "is empty or not text"),
        ("", "is empty or not text"),
    ],
)
def test_a_rewrite_that_fails_a_check_leaves_the_librarys_story(raw, problem):
    result = TASK.parse(story(raw), make_inputs())
    (suggestion,) = result.suggestions
    assert suggestion.origin == LIBRARY
    assert suggestion.value.values["description"] == cs06().story["en"]
    assert any(problem in d and d.endswith("the library's is kept") for d in result.dropped), result.dropped


def test_a_copy_of_the_prompts_instruction_is_refused():
    inp = make_inputs()
    instruction = TASK.build_messages(inp)[0]["content"]
    result = TASK.parse(story(instruction), inp)
    assert result.suggestions[0].origin == LIBRARY and result.dropped


def test_control_characters_are_removed_from_a_kept_story():
    result = TASK.parse(story(GOOD.replace("shop", "sh\u0007op\u200b")), make_inputs())
    assert result.suggestions[0].value.values["description"] == GOOD


def test_every_prefix_of_an_answer_parses():
    inp = make_inputs()
    full = story(GOOD)
    for end in range(len(full) + 1):
        result = TASK.parse(full[:end], inp)
        (suggestion,) = result.suggestions
        kept = suggestion.value.values["description"]
        assert kept in (GOOD, cs06().story["en"])
        assert (kept == GOOD) == (end >= len(full) - 1), end  # only the whole string is a story
    assert "the story was cut off" in TASK.parse(full[:40], inp).dropped


@pytest.mark.parametrize("text", ["not json at all", "<html>&amp;</html>", "[1, 2]", '{"other": "x"}', '{"story": '])
def test_junk_answers_leave_the_librarys_story(text):
    result = TASK.parse(text, make_inputs())
    assert result.suggestions[0].origin == LIBRARY and result.dropped


# -- no pattern ------------------------------------------------------------------------------------------


def test_no_pattern_the_models_story_stands_alone_without_criteria():
    inp = make_inputs(title="Refund triage")
    assert TASK.preview(inp) == []
    assert "Write one user story" in TASK.build_messages(inp)[-1]["content"]
    result = TASK.parse(story(NEW_STORY), inp)
    (suggestion,) = result.suggestions
    assert suggestion.origin == NEW and suggestion.source == ""
    assert suggestion.value.values == {"description": NEW_STORY}
    assert "no acceptance criteria are suggested" in suggestion.why


def test_no_pattern_and_an_unusable_story_suggests_nothing():
    result = TASK.parse(story("As a shop owner, I want 3 refunds, so that I win."), make_inputs(title="Refund triage"))
    assert result.suggestions == []
    assert result.dropped[-1] == "no library pattern fits this requirement and the model gave no usable story"
    assert any("states figures" in d and d.endswith("nothing is suggested") for d in result.dropped)


# -- Chinese ----------------------------------------------------------------------------------------------


def test_chinese_small_model_gets_the_library_story_and_writes_nothing():
    inp = make_inputs("zh")
    result = TASK.parse("{}", inp)
    (suggestion,) = result.suggestions
    assert suggestion.origin == LIBRARY and suggestion.value.values["description"] == cs06().story["zh"]
    assert suggestion.why.startswith("需求库 CS06 的用户故事和验收标准")
    # a Chinese story from a model too small to be trusted with it is not even read
    assert TASK.parse(story(ZH_STORY), inp).suggestions[0].origin == LIBRARY


def test_chinese_small_model_without_a_pattern_says_a_larger_model_is_needed():
    inp = make_inputs("zh", title="退款分流")
    assert TASK.preview(inp) == []
    result = TASK.parse("{}", inp)
    assert result.suggestions == []
    assert "a larger model (1B parameters or more) is needed" in result.dropped[-1]


def test_chinese_large_model_rewrite_is_checked_in_chinese():
    inp = make_inputs("zh", LARGE)
    (suggestion,) = TASK.parse(story(ZH_STORY), inp).suggestions
    assert suggestion.origin == ADAPTED and suggestion.value.values["description"] == ZH_STORY
    assert "网店" in suggestion.why
    for bad in (GOOD, "网店顾客希望在客服聊天里直接查到订单状态。", "作为网店顾客，我希望 3 天内查到订单状态。"):
        result = TASK.parse(story(bad), inp)
        assert result.suggestions[0].origin == LIBRARY, bad


def test_story_forms_come_from_the_catalogs():
    assert is_story(GOOD, "en") and not is_story("As another customer, I want it, so that ok", "en")
    assert is_story(ZH_STORY, "zh") and not is_story(GOOD, "zh")
    assert has_phrase("anything", "") and not has_phrase("as astronaut", "as a", at_start=True)


def test_without_a_brief_the_library_story_is_not_reworded():
    inp = make_inputs()
    inp.brief = ""
    inp.project.info.description = ""
    assert TASK.schema(inp)["properties"] == {}  # nothing for the model to bring
    result = TASK.parse("{}", inp)
    assert result.suggestions[0].origin == LIBRARY
    assert "the project has no brief: the library's story is kept as it is" in result.dropped
    loose = make_inputs(title="Refund triage")  # no pattern: the requirement's own words suffice
    loose.brief, loose.project.info.description = "", ""
    assert "story" in TASK.schema(loose)["properties"]
    assert TASK.parse(story(NEW_STORY.replace("support chats", "refund tickets")), loose).suggestions[0].origin == NEW
