"""What the assistant grounds its drafts in: library entries ranked against the brief and the project
(retrieval decides the order, never the model's pick), the brief's domain, the places, deployments and
data it names, and the check that anything the model adds shares the brief's words. No Qt, no llama_cpp.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ..domain.project import Project
from ..domain.requirement_library import COMMON, DOMAINS, Pattern, RequirementLibrary
from ..domain.retrieval import Bm25, matched_words, shared_terms, terms
from ..domain.risk_library import DATA_KINDS, LibraryRisk, RiskLibrary
from ..wording import languages, wording
from .titles import normalise_title, similar

DOMAIN_LEAD = 1.3  # the domain's evidence over the next one's (Chinese pairs match more by chance)
DOMAIN_MIN = 2  # entries of one domain sharing two or more of the brief's words, to call the brief that domain
DOMAIN_BOOST = 1.5  # a pattern of the brief's domain outranks an equally matching one of another domain
DOMAIN_FLOOR = 0.2  # entries of the brief's domain rank at least this share of the best score
OTHER_DOMAIN_TERMS = 3  # brief words another domain's entry must share to be offered
OTHER_DOMAIN_SHARE = 0.5  # and its share of the best match's score
COMMON_FLOOR = 0.15  # common needs (evaluation, guardrails ...) rank at least this share of the best score
ALIAS_SEPARATOR = "|"
WEAK_MATCH = 0.3  # a risk matching under this share of the best match shares words by chance
TAG_BONUS = 0.6  # per applicability tag (place, deployment, data kind) the product has


@dataclass(frozen=True)
class Candidate:
    """A library entry offered for the brief: its id, the entry, its retrieval score and the brief's
    words it shares (empty for a common need offered for every product)."""

    key: str
    entry: object
    score: float
    matched: tuple[str, ...]


# -- what the brief is about -------------------------------------------------------------------------


def brief_text(project: Project | None, brief: str = "") -> str:
    """The brief a task works from: the one given, else the project's stored brief, else its vision."""
    if brief.strip():
        return brief.strip()
    if project is None:
        return ""
    return (getattr(project.info, "brief", "") or project.info.description).strip()


def project_query(project: Project | None, brief: str = "") -> str:
    """The text retrieval matches library entries against: the brief, name, domain and vision."""
    parts = [brief_text(project, brief)]
    if project is not None:
        # The name only when there is nothing else: "Leaf doctor" is no medical product.
        parts += [project.info.domain, project.info.description] if parts[0] else [project.info.name]
    return "\n".join(p for p in parts if p)


def _detector(key: str) -> list[list[str]]:
    """Every catalog's words under ``detect.<key>``, each as its retrieval terms (a phrase must match whole)."""
    words = [w for code in languages() for w in wording(code).get(f"detect.{key}").split(ALIAS_SEPARATOR)]
    return [found for word in words if word.strip() and (found := terms(word))]


def _names(text: str, key: str) -> bool:
    present = set(terms(text))
    return any(all(term in present for term in phrase) for phrase in _detector(key))


def jurisdictions(text: str, language: str) -> set[str]:
    """The places whose laws apply: those the text names; naming none, the place the project's language
    implies, if any (a Chinese project is for China; English is spoken everywhere)."""
    found = {place for place in ("CN", "EU", "US") if _names(text, f"jurisdiction.{place}")}
    return found or set(wording(language)["detect.home_jurisdiction"].split())


def deployments(text: str) -> set[str]:
    """How the product runs, as far as the text says: edge/offline, on-premises; cloud otherwise too."""
    found = {"cloud"}
    found.update(kind for kind in ("edge", "on_premises") if _names(text, f"deployment.{kind}"))
    return found


def data_kinds(text: str) -> set[str]:
    return {kind for kind in DATA_KINDS if _names(text, f"data.{kind}")}


def risk_applies(risk: LibraryRisk, places: set[str], ways: set[str], data: set[str]) -> bool:
    """A risk tied to a place, a deployment or a kind of data applies only where the project has it."""
    if risk.jurisdictions and not places.intersection(risk.jurisdictions):
        return False
    if risk.deployments and not ways.intersection(risk.deployments):
        return False
    return not risk.data_kinds or bool(data.intersection(risk.data_kinds))


# -- requirement patterns -----------------------------------------------------------------------------


@cache
def _pattern_index(library: RequirementLibrary, language: str) -> Bm25:
    # Both languages' words: a Chinese brief may say "RAG" or "API", an English one a product name.
    return Bm25([f"{p.words(language)} {p.words('en')}" for p in library.patterns])


def detect_domain(library: RequirementLibrary, query: str, language: str) -> str | None:
    """The template domain the brief is about, when the evidence points clearly at one; else None
    (a brief outside the eight domains gets common needs and the best matches from any domain).

    Evidence is entries sharing at least two of the brief's words: a domain needs DOMAIN_MIN of them,
    a third more than the next domain and the best single match; one shared word ("search" in a law
    firm's brief and a shop's product search) is chance."""
    hits = _pattern_index(library, language).rank(query)
    leader = next((library.patterns[h.index].domain for h in hits if library.patterns[h.index].domain != COMMON), None)
    strong: dict[str, int] = {}
    for pattern in library.patterns:
        if pattern.domain != COMMON:
            shared = shared_terms(query, f"{pattern.words(language)} {pattern.words('en')}")
            strong[pattern.domain] = strong.get(pattern.domain, 0) + (len(shared) >= 2)
    ranked = sorted(strong.items(), key=lambda pair: -pair[1])
    if not ranked or ranked[0][1] < DOMAIN_MIN or ranked[0][0] != leader:  # the best single match agrees
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= DOMAIN_LEAD * runner_up else None


def requirement_candidates(
    library: RequirementLibrary,
    project: Project | None,
    brief: str,
    language: str,
    limit: int,
    exclude: Iterable[str] = (),
) -> list[Candidate]:
    """The patterns that fit the brief best, best first: the brief's domain first among equals, common
    needs kept in view, and none already in the project (by title, in either language) or in ``exclude``."""
    query = project_query(project, brief)
    if not query:
        return []
    index = _pattern_index(library, language)
    scores = index.scores(query)
    domain = detect_domain(library, query, language)
    taken = [normalise_title(t) for t in exclude]
    if project is not None:
        taken += [normalise_title(r.title) for r in project.requirements]
    best = max(scores, default=0.0) or 1.0  # no word in common at all: the common needs still stand
    ranked: list[tuple[float, int]] = []
    for i, (pattern, score) in enumerate(zip(library.patterns, scores, strict=True)):
        if any(similar(normalise_title(pattern.title[lang]), t) for lang in pattern.title for t in taken):
            continue
        if pattern.domain == domain:
            # The brief's own domain: every entry is plausible, the matching ones first.
            score = max(score * DOMAIN_BOOST, DOMAIN_FLOOR * best)
        elif pattern.domain == COMMON:
            score = max(score, COMMON_FLOOR * best)
        elif (
            score < OTHER_DOMAIN_SHARE * best
            or len(shared_terms(query, f"{pattern.words(language)} {pattern.words('en')}")) < OTHER_DOMAIN_TERMS
        ):
            # Another domain's entry speaks of its own world: sharing a word or two ("on our own servers")
            # gave a law firm "Run models inside the hospital network".
            continue
        if score > 0:
            ranked.append((score, i))
    ranked.sort(key=lambda pair: (-pair[0], pair[1]))
    out = []
    for score, i in ranked[:limit]:
        pattern = library.patterns[i]
        matched = tuple(matched_words(query, f"{pattern.words(language)} {pattern.words('en')}"))
        out.append(Candidate(pattern.id, pattern, score, matched))
    return out


def pattern_for(library: RequirementLibrary, text: str, language: str) -> Pattern | None:
    """The library pattern a requirement (title and description) most likely came from, if any fits well."""
    hits = _pattern_index(library, language).rank(text)
    if not hits:
        return None
    pattern = library.patterns[hits[0].index]
    shared = shared_terms(text, pattern.words(language))
    same = similar(normalise_title(text), normalise_title(pattern.text("title", language)))
    return pattern if len(shared) >= 2 or same else None


# -- risks --------------------------------------------------------------------------------------------


@cache
def _risk_index(library: RiskLibrary, language: str) -> Bm25:
    return Bm25([_risk_words(library, risk, language) for risk in library.risks])


def _risk_words(library: RiskLibrary, risk: LibraryRisk, language: str) -> str:
    category = library.category_label(risk.category, language)
    return f"{risk.title_in(language)} {risk.description_in(language)} {category}"


def risk_candidates(
    library: RiskLibrary,
    project: Project | None,
    brief: str,
    language: str,
    limit: int,
    exclude: Iterable[str] = (),
    linked: Sequence[str] = (),
) -> list[Candidate]:
    """Library risks that apply to the project (place, deployment, data) and match it best, best first.
    ``linked`` ids (risks the project's requirements point at in the requirement library) rank first."""
    query = project_query(project, brief)
    if project is not None:
        query += "\n" + "\n".join(r.title for r in project.requirements)
    places, ways, data = jurisdictions(query, language), deployments(query), data_kinds(query)
    taken = {normalise_title(t) for t in exclude}
    if project is not None:
        taken |= {normalise_title(r.title) for r in project.risks}
    scores = _risk_index(library, language).scores(query) if query else [0.0] * len(library.risks)
    best = max(scores, default=0.0) or 1.0
    ranked = []
    for i, (risk, score) in enumerate(zip(library.risks, scores, strict=True)):
        if not risk_applies(risk, places, ways, data):
            continue
        if any(normalise_title(risk.title_in(lang)) in taken for lang in ("en", "zh")):
            continue
        words = score >= WEAK_MATCH * best  # below this, shared words are chance, not evidence
        score = score if words else 0.0
        if risk.id in linked:
            score += best  # the requirement library names it for these requirements
        # A risk about exactly what this product has (its place, offline use, its kind of data) first.
        tags = places & set(risk.jurisdictions), ways & set(risk.deployments) - {"cloud"}, data & set(risk.data_kinds)
        score += TAG_BONUS * best * sum(1 for tag in tags if tag)
        prior = 0.01 * risk.default_likelihood * risk.default_impact / 25  # then the more exposed
        ranked.append((score + prior, i, words))
    ranked.sort(key=lambda entry: (-entry[0], entry[1]))
    out = []
    for score, i, words in ranked[:limit]:
        risk = library.risks[i]
        matched = tuple(matched_words(query, _risk_words(library, risk, language))) if words else ()
        out.append(Candidate(risk.id, risk, score, matched))
    return out


def shuffled(candidates: Sequence[Candidate], seed_text: str) -> list[Candidate]:
    """The candidates in an order that is not retrieval's, the same for the same text (the prompt and
    the parse must see one list): a small model prefers what it reads first, and retrieval has
    already decided the ranking."""
    found = list(candidates)
    random.Random(hashlib.sha1(seed_text.encode("utf-8")).digest()).shuffle(found)
    return found


# -- checking what the model writes -------------------------------------------------------------------


def relevant_words(text: str, *against: str) -> tuple[str, ...]:
    """The words of ``text`` that also occur in any of ``against`` (the brief, the project, an entry)."""
    return tuple(dict.fromkeys(w for other in against if other for w in matched_words(text, other)))


def known_domains() -> tuple[str, ...]:
    return (*DOMAINS, COMMON)
