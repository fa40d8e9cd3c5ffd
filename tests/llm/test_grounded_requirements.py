"""The grounded requirements and risks tasks with canned model answers (no model): retrieval decides
what is suggested, the model's rewordings are checked, and any answer, cut off or hostile, parses."""

from __future__ import annotations

import json
import re

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.llm.suggestions import ADAPTED, LIBRARY, NEW, Suggestion
from roadmap_desktop.llm.task_base import TaskInputs
from roadmap_desktop.llm.tasks import get_task
from roadmap_desktop.llm.text_checks import FREE_TEXT_PARAMETERS, acceptable_title, acceptable_why
from roadmap_desktop.persistence.risk_library_file import load_default_risk_library

HELPDESK = "A helpdesk assistant that answers customer emails and tickets from our product documentation."
KENYA = "A mobile app that helps smallholder farmers in Kenya detect crop disease from a photo of a leaf, offline."
ESSAYS_ZH = "帮助国内中小学语文老师批改作文，给出评分和修改建议，并向家长展示进步。"


def inputs(brief: str = HELPDESK, language: str = "en", parameters: int = 0) -> TaskInputs:
    return TaskInputs(
        project=Project.new("Plan", language=language),
        brief=brief,
        library=load_default_risk_library(),
        model_parameters=parameters,
    )


def answer(key: str, *items: dict) -> str:
    return json.dumps({key: list(items)}, ensure_ascii=False)


def ids(task_inputs: TaskInputs, task: str = "requirements") -> list[str]:
    return [c.key for c in get_task(task).candidates(task_inputs)]


# -- requirements -------------------------------------------------------------------------------


def test_the_librarys_best_matches_come_before_the_model_and_carry_their_grounds():
    preview = get_task("requirements").preview(inputs())
    assert len(preview) == 6 and all(isinstance(s, Suggestion) and s.origin == LIBRARY for s in preview)
    for s in preview:
        req = s.value
        assert isinstance(req, Requirement) and s.source and s.why
        assert req.description and len(req.acceptance_criteria) >= 2 and req.effort  # the library's texts
    assert sum(1 for s in preview if s.matched) >= 5


def test_schema_only_allows_the_offered_ids_and_asks_small_models_for_no_reasons():
    task, given = get_task("requirements"), inputs()
    item = task.schema(given)["properties"]["requirements"]["items"]
    assert item["properties"]["base"]["enum"] == [*ids(given), "new"]
    assert set(item["properties"]) == {"base", "title"}
    big = inputs(parameters=FREE_TEXT_PARAMETERS)
    assert "why" in task.schema(big)["properties"]["requirements"]["items"]["properties"]
    chinese = inputs(ESSAYS_ZH, "zh")
    assert set(task.schema(chinese)["properties"]["requirements"]["items"]["properties"]) == {"base"}


def test_the_prompt_lists_the_candidates_in_a_shuffled_order_without_worked_examples():
    given = inputs()
    messages = get_task("requirements").build_messages(given)
    assert [m["role"] for m in messages] == ["system", "user"]
    listed = re.findall(r"^([A-Z]{2,4}\d{2,3}):", messages[-1]["content"], flags=re.MULTILINE)
    assert sorted(listed) == sorted(ids(given)) and listed != ids(given)  # not retrieval order


def test_a_good_rewording_is_kept_and_marked_adapted():
    given = inputs()
    task = get_task("requirements")
    first = task.candidates(given)[0]
    title = " ".join(first.entry.text("title", "en").split()[:8])[:44].rstrip() + " from customer emails"
    result = task.parse(answer("requirements", {"base": first.key, "title": title}), given)
    top = result.suggestions[0]
    assert top.origin == ADAPTED and top.value.title == title and top.source == first.key


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("Blockchain loyalty tokens", "shares no word"),  # a new meaning, not the entry's
        ("Crop-planning&#x21;saffronisinzwafiye", "markup or junk"),  # seen from the bundled model
        ("工单自动回复", "not in the project's language"),
        ("Sentence 1", "is not a title"),
    ],
)
def test_a_bad_rewording_keeps_the_librarys_title_and_says_why(title, reason):
    given = inputs()
    task = get_task("requirements")
    first = task.candidates(given)[0]
    result = task.parse(answer("requirements", {"base": first.key, "title": title}), given)
    assert result.suggestions[0].value.title == first.entry.text("title", "en")
    assert any(reason in d for d in result.dropped), result.dropped


def test_the_models_picks_never_push_retrievals_best_off_the_list():
    given = inputs()
    task = get_task("requirements")
    offered = ids(given)
    picks = answer("requirements", *({"base": key, "title": "x"} for key in reversed(offered)))
    sources = [s.source for s in task.parse(picks, given).suggestions]
    assert sources[:6] == offered[:6] and len(sources) <= 8


def test_new_requirements_must_share_the_briefs_words_and_are_at_most_two():
    given = inputs()
    text = answer(
        "requirements",
        {"base": "new", "title": "Customer email triage"},
        {"base": "new", "title": "Blockchain loyalty tokens"},
        {"base": "new", "title": "Ticket tagging by product"},
        {"base": "new", "title": "Documentation gaps from tickets"},
    )
    result = get_task("requirements").parse(text, given)
    new = [s for s in result.suggestions if s.origin == NEW]
    assert [s.value.title for s in new] == ["Customer email triage", "Ticket tagging by product"]
    assert any("shares no word with the brief" in d for d in result.dropped)


def test_every_prefix_of_an_answer_parses_and_never_invents_an_entry():
    given = inputs()
    task = get_task("requirements")
    offered = ids(given)
    text = answer("requirements", *({"base": key, "title": "Customer tickets " + key} for key in offered))
    for cut in range(0, len(text), 3):
        result = task.parse(text[:cut], given)
        assert len(result.suggestions) >= 6
        assert all(s.source in offered for s in result.suggestions)


@pytest.mark.parametrize(
    "hostile",
    [
        '{"requirements": [{"base": "CS99", "title": "x"}]}',
        '{"requirements": [{"base": null}]}',
        '{"requirements": "all of them"}',
        '{"requirements": [' + '{"base": "new", "title": "' + "A" * 5000 + '"},' * 50 + "]}",
        "\x00\x1b[31m not json",
        "",
    ],
)
def test_hostile_answers_fall_back_to_the_library(hostile):
    result = get_task("requirements").parse(hostile, inputs())
    assert len(result.suggestions) >= 6 and all(s.origin == LIBRARY for s in result.suggestions)


def test_a_chinese_project_gets_the_librarys_chinese_texts():
    given = inputs(ESSAYS_ZH, "zh")
    result = get_task("requirements").parse(answer("requirements", {"base": ids(given)[0]}), given)
    for s in result.suggestions:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in s.value.title + s.value.description)
        assert s.why.startswith("简介中提到了") or s.why.startswith("每个")


def test_no_brief_is_said_before_anything_runs():
    with pytest.raises(ValueError, match="needs a product brief"):
        get_task("requirements").candidates(TaskInputs(project=Project.new("p")))


# -- risks --------------------------------------------------------------------------------------


def test_risks_come_from_the_library_with_its_numbers_and_no_foreign_law():
    given = inputs(KENYA)
    preview = get_task("risks").preview(given)
    assert len(preview) == 5
    library = load_default_risk_library()
    for s in preview:
        risk = s.value
        assert isinstance(risk, Risk) and risk.description.endswith(f"[{s.source}]")
        entry = library.by_id(s.source)
        assert (risk.likelihood, risk.impact) == (entry.default_likelihood, entry.default_impact)
        assert "PIPL" not in risk.title and "EU AI Act" not in risk.title


def test_a_risk_reason_naming_another_places_law_is_replaced():
    given = inputs(KENYA, parameters=FREE_TEXT_PARAMETERS)
    first = ids(given, "risks")[0]
    text = answer("risks", {"base": first, "why": "Farmers' photos fall under China's PIPL and the EU AI Act rules."})
    result = get_task("risks").parse(text, given)
    assert "PIPL" not in result.suggestions[0].why
    assert any("names a law of another place" in d or "not about" in d for d in result.dropped), result.dropped


# -- the checks themselves ---------------------------------------------------------------------------


def test_reasons_with_figures_repeats_or_filler_are_refused():
    dropped: list[str] = []
    brief = [HELPDESK]
    assert acceptable_why("Cuts ticket handling by 40% for customer emails.", "en", brief, [], "r", dropped) is None
    assert "figures" in dropped[-1]
    good = acceptable_why("customer emails need answers from the documentation", "en", brief, [], "r", dropped)
    assert good == "Customer emails need answers from the documentation."
    assert acceptable_why(good, "en", brief, [good], "r", dropped) is None and "repeats" in dropped[-1]
    assert acceptable_why("It is good.", "en", brief, [], "r", dropped) is None


def test_titles_lose_entities_and_invisible_characters_first():
    dropped: list[str] = []
    title = acceptable_title(
        "Answer customer emails &amp; tickets\u200b", "en", ["answer emails"], [], "t", dropped, limit=72
    )
    assert title == "Answer customer emails & tickets" and not dropped
