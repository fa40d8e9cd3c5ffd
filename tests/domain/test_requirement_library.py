"""The bundled assistant libraries: requirement patterns, phase skeletons, risk applicability tags."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from roadmap_desktop.domain import scoring_levels
from roadmap_desktop.domain.requirement_library import COMMON, DOMAINS, parse_library_file
from roadmap_desktop.persistence.requirement_library_file import (
    LibraryError,
    load_phase_skeletons,
    load_requirement_library,
)
from roadmap_desktop.persistence.risk_library_file import load_risk_library

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
PREFIX = {
    "customer_service": "CS",
    "content_generation": "CG",
    "education": "ED",
    "finance_risk": "FR",
    "healthcare": "HC",
    "retail_recommendation": "RR",
    "speech": "SP",
    "computer_vision": "CV",
    COMMON: "AI",
}


@pytest.fixture(scope="module")
def library():
    return load_requirement_library()


def test_the_library_covers_every_domain_and_the_common_needs(library):
    per_domain = Counter(p.domain for p in library.patterns)
    assert len(library.patterns) >= 150, per_domain
    assert per_domain[COMMON] >= 30, per_domain
    for domain in DOMAINS:
        assert per_domain[domain] >= 12, (domain, per_domain)
    for pattern in library.patterns:
        assert pattern.id.startswith(PREFIX[pattern.domain]), pattern.id


def test_texts_are_in_their_language(library):
    for p in library.patterns:
        texts = [(p.title, "title"), (p.story, "story"), (p.llm_fit_reason, "reason")]
        texts += [(c, "acceptance") for c in p.acceptance] + [(u, "user") for u in p.users]
        for text, what in texts:
            assert HAN.search(text["zh"]), f"{p.id} {what}: no Chinese in {text['zh']!r}"
            assert not HAN.search(text["en"]), f"{p.id} {what}: Chinese in the English {text['en']!r}"
        assert all(HAN.search(w) for w in p.keywords["zh"]), p.id
        assert not any(HAN.search(w) for w in p.keywords["en"]), p.id


def test_titles_are_distinct_in_both_languages(library):
    for language in ("en", "zh"):
        titles = Counter(p.title[language].casefold() for p in library.patterns)
        assert not [t for t, n in titles.items() if n > 1], language


def test_levels_become_numbers_within_the_fields_bounds(library):
    for p in library.patterns:
        fields = scoring_levels.scoring_fields(p.scores, sum(p.effort_weeks) / 2)
        requirement = p.to_requirement("en")
        for name, value in fields.items():
            requirement.set(name, value)  # validates against the field's bounds
        requirement.validate()


def test_phase_skeletons_cover_every_domain_in_order():
    skeletons = load_phase_skeletons()
    for domain in (*DOMAINS, COMMON):
        items = skeletons.skeletons[domain]
        assert len({i.phase for i in items}) >= 5, domain
        assert any(i.depends_on for i in items), domain
        for item in items:
            assert HAN.search(item.title["zh"]) and not HAN.search(item.title["en"]), (domain, item.key)


def test_jurisdiction_tags_on_laws_of_one_place():
    library = load_risk_library()
    tagged = {r.id: r.jurisdictions for r in library.risks}
    by_title = {r.title["en"]: r for r in library.risks}
    pipl = [r for title, r in by_title.items() if "PIPL" in title or "Personal Information Protection" in title]
    eu = [r for title, r in by_title.items() if "EU AI Act" in title]
    assert pipl and all(r.jurisdictions == ("CN",) for r in pipl), tagged
    assert eu and all(r.jurisdictions == ("EU",) for r in eu), tagged


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="x"), "not a requirement library"),
        (lambda d: d["patterns"][0].update(id="cs1"), "capital letters"),
        (lambda d: d["patterns"][0].update(phase="P9"), "phase"),
        (lambda d: d["patterns"][0].update(effort_weeks=[5, 2]), "effort_weeks"),
        (lambda d: d["patterns"][0]["title"].pop("zh"), "title"),
        (lambda d: d["patterns"][0]["scores"].update(reach="huge"), "reach"),
        (lambda d: d["patterns"][0]["keywords"].update(en=["one"]), "keywords.en"),
        (lambda d: d["patterns"][0].update(extra=1), "unknown keys"),
    ],
)
def test_a_broken_file_is_refused_with_one_line(tmp_path, change, message):
    source = sorted((load_requirement_library.__globals__["default_library_dir"]()).glob("*.json"))[0]
    data = json.loads(source.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(ValueError, match=message):
        parse_library_file(data)
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "broken.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LibraryError) as error:
        load_requirement_library(folder)
    assert "broken.json" in str(error.value) and "\n" not in str(error.value)


def test_every_skeleton_planned_forward_keeps_the_phase_order():
    """Scheduled from its dependencies alone, no step of a later phase starts before one of an earlier
    phase (three skeletons once started resource allocation, P3, before data collection, P2)."""
    for domain, items in load_phase_skeletons().skeletons.items():
        start: dict[str, int] = {}
        end: dict[str, int] = {}
        for item in items:
            start[item.key] = max((end[d] + 1 for d in item.depends_on), default=0)
            length = 0 if item.milestone else max(1, sum(item.days) // 2)
            end[item.key] = start[item.key] + max(length - 1, 0)
        late = [(a.key, b.key) for a in items for b in items if a.phase < b.phase and start[b.key] < start[a.key]]
        assert not late, (domain, late)
