"""The bundled AI-startup risk library: it loads, is complete in both languages, and its entries
become valid register risks; malformed libraries are refused with a clear message."""

from __future__ import annotations

import copy
import json

import pytest

from roadmap_desktop.domain.phases import PHASES
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.risk_library import RiskLibrary, parse_risk_library
from roadmap_desktop.persistence.risk_library_file import (
    LibraryError,
    default_library_path,
    load_default_risk_library,
    load_risk_library,
)

LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def library() -> RiskLibrary:
    return load_default_risk_library()


@pytest.fixture
def raw() -> dict:
    return json.loads(default_library_path().read_text(encoding="utf-8"))


def test_the_shipped_library_loads(library):
    assert default_library_path().name == "risk_library.json"
    assert len(library.risks) >= 32
    assert library.notes["en"] and library.notes["zh"]
    assert "editorial" in library.notes["en"]


def test_seed_risks_r01_to_r22_and_at_least_ten_added(library):
    ids = [r.id for r in library.risks]
    assert len(ids) == len(set(ids))
    seeds = [r for r in library.risks if r.source == "seeds"]
    added = [r for r in library.risks if r.source == "added"]
    assert [r.id for r in seeds] == [f"R{n:02d}" for n in range(1, 23)]
    assert len(added) >= 10
    assert [r.id for r in added] == [f"R{n:02d}" for n in range(23, 23 + len(added))]


def test_no_empty_text_in_either_language(library):
    for risk in library.risks:
        for lang in LANGS:
            assert risk.title[lang].strip(), (risk.id, lang)
            assert risk.description[lang].strip(), (risk.id, lang)
            assert library.category_label(risk.category, lang).strip()
        # Chinese text really is Chinese, not an English copy.
        assert any("\u4e00" <= ch <= "\u9fff" for ch in risk.title["zh"] + risk.description["zh"]), risk.id
    for labels in [*library.mitigations.values(), *library.categories.values()]:
        for lang in LANGS:
            assert labels[lang].strip()


def test_every_risk_has_valid_mitigations_phases_and_scores(library):
    codes = {p.code for p in PHASES}
    used = set()
    for risk in library.risks:
        assert risk.mitigations, risk.id
        for mid in risk.mitigations:
            assert mid in library.mitigations, (risk.id, mid)
            used.add(mid)
        assert risk.phases and set(risk.phases) <= codes, risk.id
        assert 1 <= risk.default_likelihood <= 5
        assert 1 <= risk.default_impact <= 5
    assert used == set(library.mitigations), "every mitigation in the pick list is used by some risk"
    assert set(library.by_id("R11").phases) == codes  # "All" in the seed table


def test_the_issue_s_added_topics_are_covered(library):
    added = " ".join(r.title["en"].lower() for r in library.risks if r.source == "added")
    for topic in (
        "hallucination",
        "licence",
        "vendor",
        "talent",
        "runway",
        "leakage",
        "prompt injection",
        "drift",
        "moderation",
        "pipl",
        "eu ai act",
    ):
        assert topic in added, topic
    assert "2024/1689" in library.by_id("R33").description["en"]
    assert "1 November 2021" in library.by_id("R32").description["en"]


@pytest.mark.parametrize("lang", LANGS)
def test_to_risk_builds_a_valid_open_register_risk(library, lang):
    for entry in library.risks:
        risk = library.to_risk(entry, lang)
        assert isinstance(risk, Risk)
        risk.validate()
        assert risk.title == entry.title[lang]
        assert risk.description == entry.description[lang]
        assert risk.category == library.categories[entry.category][lang]
        assert (risk.likelihood, risk.impact) == (entry.default_likelihood, entry.default_impact)
        assert risk.status == "open"
        lines = risk.mitigation.split("\n")
        assert lines == [f"• {library.mitigations[m][lang]}" for m in entry.mitigations]
    # Each call is a fresh entity.
    first = library.risks[0]
    assert library.to_risk(first, lang).id != library.to_risk(first, lang).id


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("privacy", "R01"),
        ("隐私", "R01"),
        ("prompt injection", "R29"),
        ("提示注入", "R29"),
        ("PROMPT Injection", "R29"),
        ("r33", "R33"),
        ("成本与算力", "R02"),
    ],
)
def test_search_finds_in_both_languages(library, query, expected):
    hits = [r.id for r in library.search(query, "en")]
    assert expected in hits
    assert expected in [r.id for r in library.search(query, "zh")]


def test_search_blank_returns_all_and_nonsense_returns_none(library):
    assert library.search("  ", "en") == list(library.risks)
    assert library.search("zzz-no-such-risk", "zh") == []


def test_search_prefers_matches_in_the_chosen_language(raw):
    small = copy.deepcopy(raw)
    first, second = small["risks"][0], small["risks"][1]
    first["title"] = {"en": "Alpha", "zh": "GPU 甲"}  # "gpu" only in Chinese
    first["description"] = {"en": "One.", "zh": "一。"}
    second["title"] = {"en": "GPU beta", "zh": "乙"}  # "gpu" only in English
    second["description"] = {"en": "Two.", "zh": "二。"}
    small["risks"] = [first, second]
    lib = parse_risk_library(small)
    assert [r.id for r in lib.search("gpu", "en")] == ["R02", "R01"]
    assert [r.id for r in lib.search("gpu", "zh")] == ["R01", "R02"]


def test_by_id(library):
    assert library.by_id("R23").title["en"].startswith("Hallucination")
    with pytest.raises(KeyError, match="R99"):
        library.by_id("R99")


# -- refused libraries ----------------------------------------------------------------------------


def test_dangling_mitigation_id_is_refused(raw):
    raw["risks"][0]["mitigations"].append("no_such_mitigation")
    with pytest.raises(ValueError, match=r"risk R01: mitigation 'no_such_mitigation' is not in the library"):
        parse_risk_library(raw)


def test_bad_phase_code_is_refused(raw):
    raw["risks"][1]["phases"] = ["P2", "P9"]
    with pytest.raises(ValueError, match=r"risk R02: bad phase code 'P9'"):
        parse_risk_library(raw)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["risks"][2]["title"].update(zh="  "), r"risk R03: title has an empty or missing 'zh' text"),
        (lambda d: d["risks"][3]["description"].pop("en"), r"risk R04: description has an empty or missing 'en'"),
        (lambda d: d["risks"][4].update(id="R01"), r"duplicate risk id 'R01'"),
        (lambda d: d["risks"][5].update(category="weather"), r"risk R06: unknown category 'weather'"),
        (lambda d: d["risks"][6].update(default_impact=6), r"risk R07: default_impact must be a whole number"),
        (lambda d: d["risks"][6].update(default_likelihood=True), r"default_likelihood must be a whole number"),
        (lambda d: d["risks"][7].update(source="blog"), r"risk R08: source must be one of seeds, added"),
        (lambda d: d["risks"][8].update(phases=[]), r"risk R09: phases must list at least one phase"),
        (lambda d: d["mitigations"]["encryption"].update(zh=""), r"mitigations 'encryption' has an empty"),
        (lambda d: d.update(format="something-else"), r"'format' must be"),
        (lambda d: d.update(version=2), r"unsupported version 2"),
        (lambda d: d.update(risks=[]), r"'risks' must be a non-empty list"),
    ],
)
def test_other_problems_are_named(raw, mutate, message):
    broken = copy.deepcopy(raw)
    mutate(broken)
    with pytest.raises(ValueError, match=message):
        parse_risk_library(broken)


def test_file_errors_are_one_line_library_errors(tmp_path, raw):
    missing = tmp_path / "nope.json"
    with pytest.raises(LibraryError, match="risk library file is missing") as info:
        load_risk_library(missing)
    assert str(info.value).startswith(str(missing))

    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(LibraryError, match=r"not valid JSON \(line 1"):
        load_risk_library(corrupt)

    dup = tmp_path / "dup.json"
    dup.write_text('{"format": 1, "format": 2}', encoding="utf-8")
    with pytest.raises(LibraryError, match="'format' appears twice"):
        load_risk_library(dup)

    raw["risks"][0]["phases"] = ["X"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(LibraryError, match="bad phase code 'X'") as info:
        load_risk_library(bad)
    assert "\n" not in str(info.value)
