"""Project templates: every bundled template builds a valid, linked, schedulable project in both languages."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from roadmap_desktop.domain.entity import Entity
from roadmap_desktop.domain.fields import FieldKind
from roadmap_desktop.domain.phases import PHASES
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.scheduling import schedule
from roadmap_desktop.persistence import template_file
from roadmap_desktop.persistence.errors import ProjectFileError
from roadmap_desktop.persistence.project_file import load_project, save_project
from roadmap_desktop.persistence.risk_library_file import load_default_risk_library
from roadmap_desktop.persistence.schema import build_schema
from roadmap_desktop.persistence.serialize import project_to_dict
from roadmap_desktop.persistence.template_file import BLANK_ID, list_templates, load_template

TODAY = dt.date(2026, 3, 2)
SHIPPED_DIR = template_file.templates_dir()
TEMPLATE_IDS = [info.id for info in list_templates() if info.id != BLANK_ID]
CASES = [(tid, lang) for tid in TEMPLATE_IDS for lang in ("en", "zh")]
TEXT_KINDS = (FieldKind.TEXT, FieldKind.LONG_TEXT)


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def texts(entity: Entity) -> list[str]:
    """Every text value the template filled in (text fields and text-list entries)."""
    out: list[str] = []
    for spec in entity.FIELDS:
        value = getattr(entity, spec.name)
        if spec.kind in TEXT_KINDS and value:
            out.append(value)
        elif spec.kind is FieldKind.TEXT_LIST:
            out.extend(value)
    return out


@pytest.fixture(scope="module")
def schema_validator():
    return jsonschema.Draft202012Validator(build_schema())


def test_lists_blank_first_and_eight_templates() -> None:
    infos = list_templates()
    assert infos[0].id == BLANK_ID
    assert len(TEMPLATE_IDS) >= 8
    assert sorted(p.stem for p in SHIPPED_DIR.glob("*.json")) == sorted(TEMPLATE_IDS)
    for info in infos:
        for lang in ("en", "zh"):
            assert info.name_in(lang).strip() and info.summary_in(lang).strip()
        assert has_cjk(info.name_in("zh")) and has_cjk(info.summary_in("zh"))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_blank_is_an_empty_project_with_phase_lanes(language: str) -> None:
    project = load_template(BLANK_ID, language)
    assert project.info.language == language
    assert [lane.name.split()[0] for lane in project.lanes] == [p.code for p in PHASES]
    assert not project.requirements and not project.items and not project.risks


@pytest.mark.parametrize(("template_id", "language"), CASES)
def test_template_builds_a_valid_project(template_id: str, language: str, schema_validator, tmp_path: Path) -> None:
    project = load_template(template_id, language, today=TODAY)
    project.validate()
    assert project.info.language == language
    assert project.info.name and project.info.domain and project.info.description

    schema_validator.validate(project_to_dict(project))
    path = tmp_path / f"{template_id}.{language}.roadmap"
    save_project(project, path)
    assert project_to_dict(load_project(path).project) == project_to_dict(project)

    assert 5 <= len(project.requirements) <= 8
    assert 6 <= len(project.items) <= 10
    assert len({item.phase for item in project.items}) >= 5
    assert [lane.name.split()[0] for lane in project.lanes] == [p.code for p in PHASES]
    for item in project.items:  # each item sits in its phase's lane
        assert project.lane_name(item.lane_id).startswith(item.phase + " ")
    assert sum(item.milestone for item in project.items) in (1, 2)
    assert any(item.depends_on for item in project.items)
    assert project.risks and any(req.risk_ids for req in project.requirements)
    assert any(risk.item_ids for risk in project.risks)
    for req in project.requirements:
        assert req.description and req.moscow and req.value_lever and req.llm_fit and req.llm_fit_reason
        assert req.target_users and req.pain_points and req.acceptance_criteria
    assert "•" in project.info.description  # the success-metrics list


@pytest.mark.parametrize(("template_id", "language"), CASES)
def test_items_are_dated_from_today_in_dependency_order(template_id: str, language: str) -> None:
    project = load_template(template_id, language, today=TODAY)
    assert min(item.start for item in project.items) == TODAY
    by_id = {item.id: item for item in project.items}
    for item in project.items:
        for dep in item.depends_on:
            before = by_id[dep]
            assert item.start >= (before.start if before.milestone else before.end + dt.timedelta(days=1))
    # Auto-schedule would move nothing (and raises on a cycle).
    assert schedule(project, TODAY).changed_starts(project) == {}


@pytest.mark.parametrize(("template_id", "language"), CASES)
def test_texts_are_filled_and_in_the_right_language(template_id: str, language: str) -> None:
    project = load_template(template_id, language, today=TODAY)
    entities = [project.info, *project.requirements, *project.items, *project.risks]
    all_texts = [text for entity in entities for text in texts(entity)]
    assert all(text.strip() for text in all_texts)
    if language == "zh":
        for entity in entities:
            for text in texts(entity):
                # Codes and units like "P0", "A/B", "GPU" may appear, but every text carries Chinese.
                assert has_cjk(text), (entity.KIND, text)
    else:
        assert not any(has_cjk(text) for text in all_texts)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_risks_come_from_the_library(template_id: str) -> None:
    library = load_default_risk_library()
    raw = json.loads((SHIPPED_DIR / f"{template_id}.json").read_text("utf-8"))
    ids = [entry["library_id"] for entry in raw["risks"]]
    for language in ("en", "zh"):
        project = load_template(template_id, language, today=TODAY)
        assert [r.title for r in project.risks] == [library.by_id(rid).title_in(language) for rid in ids]


def test_every_load_makes_new_ids() -> None:
    first = load_template(TEMPLATE_IDS[0], "en", today=TODAY)
    second = load_template(TEMPLATE_IDS[0], "en", today=TODAY)
    ids = {e.id for e in [first.info, *first.entities()]}
    assert ids.isdisjoint({e.id for e in [second.info, *second.entities()]})


def test_default_today_is_today() -> None:
    project = load_template(TEMPLATE_IDS[0], "en")
    assert min(item.start for item in project.items) == dt.date.today()


@pytest.fixture
def template_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(SHIPPED_DIR, folder)
    monkeypatch.setattr(template_file, "templates_dir", lambda: folder)
    return folder


def _break(folder: Path, template_id: str, change) -> Path:
    path = folder / f"{template_id}.json"
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


BREAKAGES = {
    "unknown risk id": (
        lambda d: d["risks"].append({"library_id": "R999", "items": []}),
        "the risk library has no risk 'R999'",
    ),
    "risk not listed": (lambda d: d["requirements"][0]["risks"].append("R33"), "unknown reference 'R33'"),
    "missing zh text": (lambda d: d["items"][0]["title"].pop("zh"), "exactly the texts 'en' and 'zh'"),
    "empty en text": (lambda d: d["project"]["name"].update(en="  "), "empty 'en' text"),
    "bad moscow": (lambda d: d["requirements"][0].update(moscow="maybe"), "MoSCoW"),
    "bad phase": (lambda d: d["items"][0].update(phase="P9"), "phase must be one of P0-P7"),
    "dependency cycle": (lambda d: d["items"][0].update(depends_on=[d["items"][-1]["key"]]), "cycle"),
    "unknown dependency": (lambda d: d["items"][1].update(depends_on=["nope"]), "unknown reference 'nope'"),
    "unknown key": (lambda d: d["items"][0].update(colour="red"), "unknown key(s): colour"),
    "negative duration": (lambda d: d["items"][0].update(duration_days=-3), "Duration"),
    "wrong id": (lambda d: d.update(id="other"), "'id' must be the file name"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_broken_template_names_the_file(template_copy: Path, breakage: str) -> None:
    change, expected = BREAKAGES[breakage]
    template_id = TEMPLATE_IDS[0]
    path = _break(template_copy, template_id, change)
    with pytest.raises(ProjectFileError) as caught:
        load_template(template_id, "en", today=TODAY)
    assert caught.value.path == path
    message = str(caught.value)
    assert str(path) in message and expected in message, message
    assert "\n" not in message


def test_unreadable_template_files(template_copy: Path) -> None:
    (template_copy / "customer_service.json").write_text("{not json", "utf-8")
    with pytest.raises(ProjectFileError, match=r"customer_service\.json: the template is not valid JSON"):
        load_template("customer_service", "en")
    # The list leaves a broken file out rather than failing; loading it names the problem.
    assert "customer_service" not in [info.id for info in list_templates()]
    with pytest.raises(ProjectFileError, match="missing"):
        load_template("no_such_template", "zh")
    with pytest.raises(ProjectFileError, match="not a template id"):
        load_template("../risk_library", "en")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        load_template(BLANK_ID, "fr")


def test_blank_project_equals_project_new_apart_from_ids() -> None:
    blank = load_template(BLANK_ID, "zh")
    reference = Project.new("未命名路线图", "zh")
    assert [lane.name for lane in blank.lanes] == [lane.name for lane in reference.lanes]
