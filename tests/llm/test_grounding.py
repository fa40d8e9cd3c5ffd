"""Retrieval and grounding: library entries ranked against briefs in English and Chinese, the brief's
domain, places, deployments and data, and the applicability of place-bound risks."""

from __future__ import annotations

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.retrieval import Bm25, matched_words, shared_terms, terms
from roadmap_desktop.llm import grounding
from roadmap_desktop.persistence.requirement_library_file import load_default_requirement_library
from roadmap_desktop.persistence.risk_library_file import load_default_risk_library

KENYA = "A mobile app that helps smallholder farmers in Kenya detect crop disease from a photo of a leaf, offline."
HELPDESK = "A helpdesk assistant that answers customer emails and tickets from our documentation."
ESSAYS_ZH = "帮助国内中小学语文老师批改作文，给出评分和修改建议，并向家长展示进步。"
CONTRACTS = "Contract search for a law firm in Berlin: lawyers find clauses across thousands of contracts."


def test_terms_stem_english_and_pair_chinese_characters():
    assert terms("Farmers photographed diseased leaves") == ["farmer", "photograph", "diseas", "leav"]
    assert terms("the app helps users") == []  # function words and product talk say nothing
    assert "批改" in terms("老师批改作文") and "作文" in terms("老师批改作文")
    assert shared_terms("tickets from customers", "a customer ticket") == ["ticket", "customer"]
    assert matched_words("帮助客服处理知识库工单", "基于知识库回答 工单") == ["知识库", "工单"]
    assert matched_words("customers and customer tickets", "customer ticket") == ["customers", "tickets"]


def test_bm25_ranks_the_matching_document_first():
    index = Bm25(["answer customer tickets", "detect crop disease from leaf photos", "fraud alerts"])
    assert [hit.index for hit in index.rank("photos of diseased crops")] == [1]
    assert index.rank("") == []


@pytest.mark.parametrize(
    ("brief", "language", "domain"),
    [(KENYA, "en", "computer_vision"), (HELPDESK, "en", "customer_service"), (ESSAYS_ZH, "zh", "education")],
)
def test_the_brief_names_its_domain(brief, language, domain):
    assert grounding.detect_domain(load_default_requirement_library(), brief, language) == domain


@pytest.mark.parametrize(
    ("text", "language", "places", "edge", "data"),
    [
        (KENYA, "en", set(), True, {"images"}),
        (CONTRACTS, "en", {"EU"}, False, {"text"}),
        (ESSAYS_ZH, "zh", {"CN"}, False, {"children"}),
        ("Triage chatbot for a hospital in the United States", "en", {"US"}, False, {"health"}),
        ("A study app for students", "zh", {"CN"}, False, None),  # a Chinese project naming no place
    ],
)
def test_places_deployments_and_data_the_brief_names(text, language, places, edge, data):
    assert grounding.jurisdictions(text, language) == places
    assert ("edge" in grounding.deployments(text)) is edge
    if data is not None:
        assert data <= grounding.data_kinds(text)


@pytest.mark.parametrize(("brief", "matching"), [(KENYA, 5), (HELPDESK, 5), (CONTRACTS, 1)])
def test_candidates_share_the_briefs_words_and_skip_what_the_project_has(brief, matching):
    # Outside the eight domains (a law firm) the library has little to match: every product's needs
    # fill the list, and the model may add its own requirements that share the brief's words.
    library = load_default_requirement_library()
    project = Project.new("Plan")
    found = grounding.requirement_candidates(library, project, brief, "en", 8)
    assert len(found) == 8 and len({c.key for c in found}) == 8
    assert sum(1 for c in found if c.matched) >= matching, [(c.key, c.matched) for c in found]
    project.requirements.append(found[0].entry.to_requirement("en"))
    again = grounding.requirement_candidates(library, project, brief, "en", 8)
    assert found[0].key not in [c.key for c in again]


def test_a_brief_sharing_no_word_with_the_library_still_gets_every_products_needs():
    found = grounding.requirement_candidates(
        load_default_requirement_library(), Project.new("x"), "Zyxxy qwv plorf.", "en", 6
    )
    assert len(found) == 6 and all(c.entry.domain == "common" for c in found)


def test_place_bound_laws_are_offered_only_where_the_product_is():
    library = load_default_risk_library()

    def offered(brief: str, language: str) -> set[str]:
        project = Project.new("p", language=language)
        return {c.key for c in grounding.risk_candidates(library, project, brief, language, 40)}

    pipl, eu_ai_act = "R32", "R33"
    assert pipl not in offered(KENYA, "en") and eu_ai_act not in offered(KENYA, "en")
    assert eu_ai_act in offered(CONTRACTS, "en") and pipl not in offered(CONTRACTS, "en")
    assert pipl in offered(ESSAYS_ZH, "zh") and eu_ai_act not in offered(ESSAYS_ZH, "zh")
