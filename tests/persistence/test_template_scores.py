"""Template scoring inputs: every bundled template ranks all its requirements under every framework from the
first minute, in both languages, and its estimates are marked to revisit."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from roadmap_desktop.domain import scoring_levels
from roadmap_desktop.domain.prioritisation import rank
from roadmap_desktop.domain.project import FRAMEWORKS
from roadmap_desktop.persistence import template_file
from roadmap_desktop.persistence.errors import ProjectFileError
from roadmap_desktop.persistence.template_file import BLANK_ID, list_templates, load_template
from roadmap_desktop.wording import wording

TODAY = dt.date(2026, 3, 2)
TEMPLATE_IDS = [info.id for info in list_templates() if info.id != BLANK_ID]
CASES = [(tid, lang) for tid in TEMPLATE_IDS for lang in ("en", "zh")]
# Dot votes are what a workshop's people cast: a template cannot estimate them, so they start empty.
ESTIMATED = [framework for framework in FRAMEWORKS if framework != "votes"]


@pytest.mark.parametrize(("template_id", "language"), CASES)
@pytest.mark.parametrize("framework", ESTIMATED)
def test_every_framework_ranks_every_requirement(template_id: str, language: str, framework: str) -> None:
    project = load_template(template_id, language, today=TODAY)
    ranked = rank(project, framework, language=language)
    assert len(ranked) == len(project.requirements) >= 5
    unranked = [(r.requirement.title, r.score.reason) for r in ranked if r.rank is None]
    assert not unranked, unranked


@pytest.mark.parametrize(("template_id", "language"), CASES)
def test_estimates_are_tagged_and_differ(template_id: str, language: str) -> None:
    project = load_template(template_id, language, today=TODAY)
    tag = wording(language)["template.estimate_tag"]
    assert all(tag in requirement.tags for requirement in project.requirements)
    assert list(project.info.criteria) == [
        wording(language)[f"template.criterion.{name}"] for name in scoring_levels.CRITERIA
    ]
    # The project's own framework (RICE) tells the requirements apart: not every score alike.
    values = {r.score.value for r in rank(project, language=language)}
    assert len(values) >= 3


def test_scores_come_from_the_level_table() -> None:
    project = load_template("customer_service", "en", today=TODAY)
    first = project.requirements[0]  # high reach, high impact, medium confidence, 4.5 weeks
    assert (first.rice_reach, first.rice_impact, first.rice_confidence, first.effort) == (6000, 2, 80, 4.5)
    assert first.wsjf_size == 22.5
    assert first.criteria_scores == {"Customer value": 80, "Urgency": 80, "Feasibility": 50}


def test_a_template_without_scores_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy(tmp_path, monkeypatch)
    path = folder / "speech.json"
    data = json.loads(path.read_text("utf-8"))
    for requirement in data["requirements"]:
        del requirement["scores"], requirement["effort_weeks"]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    project = load_template("speech", "en", today=TODAY)
    assert project.info.criteria == {}
    assert all(r.effort is None and "estimate: revisit" not in r.tags for r in project.requirements)


BREAKAGES = {
    "missing level": (lambda r: r["scores"].pop("risk"), "'scores' must give a level for each of"),
    "bad level": (lambda r: r["scores"].update(reach="huge"), "score 'reach' must be low, medium or high"),
    "no effort": (lambda r: r.pop("effort_weeks"), "'effort_weeks' must be a number"),
    "zero effort": (lambda r: r.update(effort_weeks=0), "'effort_weeks' must be a number"),
    "effort as text": (lambda r: r.update(effort_weeks="3"), "'effort_weeks' must be a number"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_broken_scores_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, breakage: str) -> None:
    change, expected = BREAKAGES[breakage]
    folder = _copy(tmp_path, monkeypatch)
    path = folder / "education.json"
    data = json.loads(path.read_text("utf-8"))
    change(data["requirements"][1])
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(ProjectFileError) as caught:
        load_template("education", "en", today=TODAY)
    message = str(caught.value)
    assert str(path) in message and expected in message and "Instant feedback" in message, message


def _copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(template_file.templates_dir(), folder)
    monkeypatch.setattr(template_file, "templates_dir", lambda: folder)
    return folder
