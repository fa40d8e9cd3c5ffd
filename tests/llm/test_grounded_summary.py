"""The summary from facts: counts, ranking, milestones with P80 dates, top risks and the span computed
from the project; the model writes at most the opening sentence, and one stating a figure the facts
do not hold is rejected."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.llm.facts import (
    MAX_CHARS,
    allowed_figures,
    figures,
    project_facts,
    shortened,
    stray_figures,
    text_width,
)
from roadmap_desktop.llm.suggestions import ADAPTED, FACTS, Suggestion, accept_command
from roadmap_desktop.llm.task_base import TaskInputs
from roadmap_desktop.llm.tasks import get_task

BRIEF = "Online shops drown in customer support chats and order-status tickets. It drafts replies for 200 shops."
BRIEF_ZH = "网店每天收到大量客服咨询和订单状态工单。助手为 200 家网店起草回复。"
TASK = get_task("summary")


def make_project(language: str = "en") -> Project:
    project = Project.new("Shop helper", language)
    project.info.brief = BRIEF if language == "en" else BRIEF_ZH
    rice = {"rice_impact": 2, "rice_confidence": 80, "effort": 2}
    project.requirements = [
        Requirement(title="Weekly report", rice_reach=10, **rice),
        Requirement(title="Answer order questions", rice_reach=900, **rice),
        Requirement(title="Refund triage", rice_reach=300, **rice),
        Requirement(title="Sentiment alerts", rice_reach=100, **rice),
        Requirement(title="Voice channel", rice_reach=5000, status="dropped", **rice),
        Requirement(title="Unscored idea"),
    ]
    start = dt.date(2026, 3, 9)
    discovery = TimelineItem(title="Interview shop owners", start=start, duration_days=10)
    build = TimelineItem(title="Build reply drafts", duration_days=20, depends_on=[discovery.id])
    build.start = start + dt.timedelta(days=10)
    gate = TimelineItem(title="Go / no-go for the pilot", milestone=True, duration_days=0, depends_on=[build.id])
    gate.start = start + dt.timedelta(days=30)
    parked = TimelineItem(title="Later idea", horizon="later")
    project.items = [discovery, build, gate, parked]
    project.risks = [
        Risk(title="Wrong refund answers", likelihood=3, impact=4, owner="Ann", item_ids=[build.id], delay_days=10),
        Risk(title="Closed old risk", likelihood=5, impact=5, status="closed"),
        Risk(title="Data privacy", likelihood=4, impact=5, status="mitigating"),
        Risk(title="Low adoption", likelihood=2, impact=2, owner="Bo"),
        Risk(title="Minor risk", likelihood=1, impact=1),
    ]
    return project


def make_inputs(language: str = "en", parameters: int = 0) -> TaskInputs:
    return TaskInputs(project=make_project(language), model_parameters=parameters)


def opening(text: str) -> str:
    return json.dumps({"opening": text}, ensure_ascii=False)


# -- the facts -----------------------------------------------------------------------------------------


def test_facts_are_computed_from_the_project():
    project = make_project()
    facts = project_facts(project)
    assert (facts.requirements, facts.items, facts.risks) == (6, 4, 5)
    assert facts.framework == "rice" and facts.scored
    assert facts.top == ("Answer order questions", "Refund triage", "Sentiment alerts")  # dropped ones left out
    (gate,) = facts.milestones
    assert gate.title == "Go / no-go for the pilot" and gate.planned == dt.date(2026, 4, 8)
    assert gate.p80 is not None and gate.p80 >= gate.planned  # the risk's delay can only push it later
    assert [r.title for r in facts.top_risks] == ["Data privacy", "Wrong refund answers", "Low adoption"]
    assert [r.owner for r in facts.top_risks] == ["", "Ann", "Bo"]
    assert facts.span == (dt.date(2026, 3, 9), dt.date(2026, 4, 8))
    assert facts.finish_p80 is not None and facts.finish_p80 >= facts.span[1]
    assert project_facts(project) == facts  # a fixed seed: the same summary every time


def test_an_unscored_or_undated_project_says_so_without_inventing_dates():
    project = Project.new("Bare", "en")
    project.requirements = [Requirement(title="First"), Requirement(title="Second")]
    project.items = [TimelineItem(title="Launch", milestone=True, duration_days=0)]
    facts = project_facts(project)
    assert not facts.scored and facts.top == ("First", "Second")
    assert facts.span is None and facts.finish_p80 is None and facts.milestones[0].planned is None
    text = TASK.preview(TaskInputs(project=project))[0].value
    assert "First requirements (not scored yet): First; Second." in text
    assert "Milestones: Launch." in text and "Planned" not in text and "P80" not in text


def test_a_dependency_cycle_leaves_the_forecast_out():
    project = make_project()
    a, b = project.items[0], project.items[1]
    a.depends_on = [b.id]
    facts = project_facts(project)
    assert facts.finish_p80 is None and facts.milestones[0].p80 is None


# -- the summary at once ---------------------------------------------------------------------------------


def test_preview_is_the_facts_text_in_english():
    (suggestion,) = TASK.preview(make_inputs())
    assert isinstance(suggestion, Suggestion) and suggestion.origin == FACTS and suggestion.why
    text = suggestion.value
    assert isinstance(text, str) and text_width(text) <= MAX_CHARS
    assert text.startswith("Shop helper: Online shops drown in customer support chats and order-status tickets.")
    assert "Requirements: 6; timeline items: 4; risks: 5." in text
    assert "Planned from 9 Mar 2026 to 8 Apr 2026 (P80 finish: " in text
    assert "Top requirements by RICE: Answer order questions; Refund triage; Sentiment alerts." in text
    assert "Go / no-go for the pilot on 8 Apr 2026 (P80: " in text
    assert (
        "Top risks: Data privacy (no owner yet); Wrong refund answers (owner: Ann); Low adoption (owner: Bo)." in text
    )
    assert "Closed old risk" not in text and "Voice channel" not in text


def test_preview_is_the_facts_text_in_chinese():
    (suggestion,) = TASK.preview(make_inputs("zh"))
    text = suggestion.value
    assert text.startswith("Shop helper：网店每天收到大量客服咨询和订单状态工单。")
    assert "需求 6 项，时间线任务 4 个，风险 5 项。" in text
    assert "计划周期：2026年3月9日至2026年4月8日（P80 完成日期：" in text
    assert "按 RICE 排名靠前的需求：Answer order questions；Refund triage；Sentiment alerts。" in text
    assert "Data privacy（尚无负责人）" in text and "Wrong refund answers（负责人：Ann）" in text


def test_every_figure_of_the_summary_is_a_fact():
    for language in ("en", "zh"):
        inputs = make_inputs(language)
        text = TASK.preview(inputs)[0].value
        facts = project_facts(inputs.project)
        assert stray_figures(text, facts, [inputs.project.info.brief]) == []


def test_a_long_project_stays_within_what_the_title_page_shows():
    project = make_project()
    long = "Reconcile every marketplace order with the warehouse ledger and the carrier feed"
    project.requirements = [
        Requirement(title=f"{long} {n}", rice_reach=n, rice_impact=1, rice_confidence=50, effort=1)
        for n in range(1, 30)
    ]
    for risk in project.risks:
        risk.title, risk.owner = long, "The operations lead of the northern region"
    project.info.brief = "A " + "very " * 100 + "long brief."
    text = TASK.preview(TaskInputs(project=project))[0].value
    assert len(text) <= MAX_CHARS and "Requirements: 29;" in text
    assert "…" in text  # long titles are shortened, not the counts dropped
    project.info.language = "zh"
    project.info.brief = "网店" * 200
    text = TASK.preview(TaskInputs(project=project))[0].value
    assert text_width(text) <= MAX_CHARS and "需求 29 项" in text


def test_long_titles_are_shortened_after_a_whole_word():
    assert shortened("Answer order and account questions from live data", 40) == "Answer order and account questions…"
    assert shortened("基于实时数据回答订单和账户问题", 8) == "基于实时数据回…"
    assert shortened("Short title") == "Short title"


def test_accepting_sets_the_project_summary():
    inputs = make_inputs()
    suggestions = TASK.preview(inputs)
    accept_command(inputs.project, suggestions).apply(inputs.project)
    assert inputs.project.info.summary == suggestions[0].value


# -- the schema and the prompt ----------------------------------------------------------------------------


def test_schema_asks_for_the_opening_only_where_the_model_writes_usable_text():
    assert TASK.schema(make_inputs())["properties"] == {"opening": {"type": "string", "maxLength": 160}}
    assert TASK.schema(make_inputs("zh"))["properties"] == {}
    assert "opening" in TASK.schema(make_inputs("zh", parameters=3_000_000_000))["properties"]


def test_schemas_convert_to_grammars():
    llama_grammar = pytest.importorskip("llama_cpp.llama_grammar")
    for inputs in (make_inputs(), make_inputs("zh")):
        assert llama_grammar.LlamaGrammar.from_json_schema(json.dumps(TASK.schema(inputs)))._grammar


def test_prompt_gives_the_facts_and_the_brief_without_examples():
    for language in ("en", "zh"):
        messages = TASK.build_messages(make_inputs(language))
        assert [m["role"] for m in messages] == ["system", "user"]
        text = messages[-1]["content"]
        assert "$" not in text and "Answer order questions" in text and "Shop helper" in text
        assert "P80" in text


def test_no_project_is_said_plainly():
    with pytest.raises(ValueError):
        TASK.preview(TaskInputs(brief=BRIEF))


# -- the model's opening ------------------------------------------------------------------------------------


def test_a_faithful_opening_is_kept():
    inputs = make_inputs()
    sentence = "Shop helper drafts replies to support chats for 200 online shops, planned from March to April 2026."
    result = TASK.parse(opening(sentence), inputs)
    (suggestion,) = result.suggestions
    assert suggestion.origin == ADAPTED and result.dropped == [] and result.complete
    assert suggestion.value.startswith(sentence + " Requirements: 6;")
    assert suggestion.why != TASK.preview(inputs)[0].why


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Shop helper answers support chats for online shops, from May to July.", "month 5"),
        ("Shop helper answers support chats for online shops and cuts costs by 40%.", "40%"),
        ("Shop helper answers support chats for online shops, launching in 2028.", "2028"),
        ("Shop helper answers support chats for online shops 3x faster.", "3x"),
        ("Shop helper answers support chats three times faster for online shops.", "three times"),
        ("Shop helper answers support chats for online shops, reaching 2154896137 shoppers.", "2154896137"),
        ("Shop helper answers support chats for online shops by Q3.", "Q3"),
        ("Shop helper halves support chats for online shops.", "halves"),
        ("Shop helper answers support chats for online shops, ready in spring.", "spring"),
        ("Shop helper answers support chats for 17 online shops.", "17"),
        ("Shop helper answers <b>support chats</b> for online shops.", "markup"),
        ("Shop helper answers support chats&#x21; for online shops &lt;script&gt;.", "markup"),
        ("网店客服助手自动回复订单状态工单。", "language"),
        ("The most important thing is to make a difference and help people.", "not about this product"),
        ("Helps.", "not a sentence"),
    ],
)
def test_hostile_openings_fall_back_to_the_computed_one(sentence, reason):
    inputs = make_inputs()
    result = TASK.parse(opening(sentence), inputs)
    (suggestion,) = result.suggestions
    assert suggestion.origin == FACTS
    assert suggestion.value == TASK.preview(inputs)[0].value
    assert len(result.dropped) == 1 and reason in result.dropped[0], result.dropped


def test_control_characters_and_entities_are_cleaned_from_a_kept_opening():
    result = TASK.parse(
        opening("Shop helper\u0000 drafts replies to support chats for online shops&#46;\u200b"), make_inputs()
    )
    (suggestion,) = result.suggestions
    assert suggestion.origin == ADAPTED
    assert suggestion.value.startswith("Shop helper drafts replies to support chats for online shops. ")


def test_only_the_first_sentence_is_considered():
    text = "Shop helper drafts replies to support chats for online shops. It grows revenue 5x by May."
    result = TASK.parse(opening(text), make_inputs())
    assert result.suggestions[0].origin == ADAPTED and "5x" not in result.suggestions[0].value
    assert "only the first" in result.dropped[0]


def test_junk_wrong_types_and_empty_output_give_the_facts():
    inputs = make_inputs()
    facts = TASK.preview(inputs)[0].value
    for junk in ("", "Sure, here it is", '{"opening": 42}', '{"summary": "Old field"}', "[]", '{"opening": null}'):
        result = TASK.parse(junk, inputs)
        assert [s.value for s in result.suggestions] == [facts] and result.suggestions[0].origin == FACTS


def test_every_prefix_of_a_cut_off_answer_parses():
    inputs = make_inputs()
    text = opening("Shop helper drafts replies to support chats for 200 online shops.")
    for end in range(len(text) + 1):
        result = TASK.parse(text[:end], inputs)
        (suggestion,) = result.suggestions
        closed = end >= len(text) - 1  # the string is whole once its closing quote is in
        assert suggestion.origin == (ADAPTED if closed else FACTS), text[:end]
    cut = TASK.parse(text[:-5], inputs)  # inside the string
    assert "cut off" in cut.dropped[0] and not cut.complete


def test_a_small_model_writes_no_chinese_opening_and_a_large_one_is_checked():
    small = make_inputs("zh")
    result = TASK.parse(opening("Shop helper 为 200 家网店自动起草客服回复。"), small)
    assert result.suggestions[0].origin == FACTS  # not in the small model's schema: ignored
    assert TASK.parse("{}", small).suggestions[0].value == TASK.preview(small)[0].value
    large = make_inputs("zh", parameters=3_000_000_000)
    kept = TASK.parse(opening("Shop helper 为 200 家网店自动起草客服回复，解决客服咨询积压的问题。"), large)
    assert kept.suggestions[0].origin == ADAPTED, kept.dropped
    for invented in ("Shop helper 计划在三月到五月为网店完成客服试点。", "Shop helper 让网店客服效率提高百分之五十。"):
        result = TASK.parse(opening(invented), large)
        assert result.suggestions[0].origin == FACTS and "figures" in result.dropped[0]


def test_figures_are_read_as_values_months_and_words():
    assert figures("1,000 shops, 2.5 days, 03 items") == {"1000", "2.5", "3"}
    assert figures("From March to May; not may.") == {"month 3", "month 5"}
    assert figures("三月到十二月") == {"month 3", "month 12"}
    assert "“percent”" in figures("ten percent")
    facts = project_facts(make_project())
    assert {"9", "2026", "month 3", "month 4", "6", "4", "5"} <= allowed_figures(facts)
