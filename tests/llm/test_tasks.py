"""Assistant tasks: schemas convert to grammars, prompts carry the language, and the parser keeps
every complete item of cut-off, repetitive or out-of-range model output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.llm.json_salvage import salvage
from roadmap_desktop.llm.task_base import FieldChanges, Task, TaskInputs, load_prompt
from roadmap_desktop.llm.tasks import TASKS, get_task
from roadmap_desktop.llm.titles import clean_title, is_placeholder, last_sentence_end, normalise_title
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
        brief="Online shops drown in customer support chats and order-status tickets.",
        library=load_default_risk_library(),
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
    # The prompt is in the project's language (the schema, not an example, gives the output's shape).
    assert bool(re.search(r"[\u4e00-\u9fff]", messages[0]["content"])) == (language == "zh")
    assert all("$" not in m["content"] for m in messages)
    for example in messages[2:-1:2]:
        assert isinstance(json.loads(example["content"]), dict)  # worked answers are valid JSON


def test_language_comes_from_the_project_and_can_be_overridden():
    task = get_task("summary")
    assert "简体中文" in task.build_messages(inputs("zh"))[0]["content"]
    assert "English" in task.build_messages(inputs("zh"), "en")[0]["content"]
    with pytest.raises(ValueError):
        task.build_messages(inputs(), "fr")


def test_priority_messages_number_the_requirements():
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


# -- de-duplication -----------------------------------------------------------------------------


def test_normalised_titles_ignore_case_space_and_punctuation():
    assert normalise_title(" Auto-Reply, Drafts! ") == normalise_title("auto reply drafts")
    assert normalise_title("会议 纪要，摘要。") == "会议纪要摘要"


# -- validation ---------------------------------------------------------------------------------


# -- Chinese --------------------------------------------------------------------------------------


def test_another_round_only_while_short_of_wanted_and_rounds_left():
    class TwoRounds(Task):
        rounds, wanted = 2, 5

    task = TwoRounds()
    assert task.wants_another_round(1, 3)
    assert not task.wants_another_round(1, task.wanted)
    assert not task.wants_another_round(task.rounds, 0)
    assert not get_task("timeline").wants_another_round(1, 0)  # grounded: the plan is whole in one round
    assert not get_task("summary").wants_another_round(1, 0)


def test_run_on_titles_keep_their_name_and_extensions_count_as_repeats():
    assert clean_title("Data analysis, this is an improvement on data") == "Data analysis"
    assert clean_title("会议纪要，自动生成") == "会议纪要"
    assert clean_title("AI: chat") == "AI: chat"  # too short a head to be the name
    assert clean_title("1. 编留言规则") == "编留言规则" and clean_title("2、离线模式") == "离线模式"
    assert clean_title("3) offline mode") == "Offline mode" and clean_title("a. Dark theme") == "Dark theme"
    assert clean_title("3D printing") == "3D printing" and clean_title("2.5 GHz support") == "2.5 GHz support"


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


def test_no_prompt_carries_a_worked_example():
    """A small model copied worked examples (22 of 43 risk picks, the allergy story for a farm app):
    the schema and the library's own text show the shape instead."""
    for name in TASKS:
        for language in ("en", "zh"):
            assert load_prompt(name, language).examples == (), (name, language)


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
    from roadmap_desktop.llm.suggestions import values_of

    inp = inputs()
    inp.library = load_default_risk_library()
    result = run_task(smollm2, get_task(name), inp, seed=3)
    assert result.suggestions, result.dropped
    keys = []
    for suggestion in values_of(result.suggestions):  # grounded tasks wrap each value in a Suggestion
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
        assert is_placeholder("Platzhalter 3")
        assert last_sentence_end("Eins¡ Zwei") == 4  # its sentence mark ends a sentence
    finally:
        unregister("xx")
    assert not is_placeholder("Platzhalter 3")
    assert last_sentence_end("Eins¡ Zwei") == -1
