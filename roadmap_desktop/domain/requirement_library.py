"""The bundled requirement-pattern library: bilingual requirements an AI product typically needs, per
template domain and for every AI product ("common"), with the story, acceptance criteria, phase, effort
range and scoring levels the assistant grounds its drafts in.

Pure: no file access here. ``roadmap_desktop.persistence.requirement_library_file`` reads the JSON files
(resources/requirement_library/*.json, one per domain) and hands each decoded dict to
:func:`parse_library_file`. The format is documented in docs/assistant-libraries.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .phases import PHASES
from .requirement import LLM_FITS, MOSCOW, VALUE_LEVERS, Requirement

LIBRARY_FORMAT = "roadmap-desktop-requirement-library"
LIBRARY_VERSION = 1
LANGUAGES = ("en", "zh")
COMMON = "common"  # patterns every AI product needs, whatever its domain
DOMAINS = (
    "customer_service",
    "content_generation",
    "education",
    "finance_risk",
    "healthcare",
    "retail_recommendation",
    "speech",
    "computer_vision",
)
LEVELS = ("low", "medium", "high")
SCORE_NAMES = ("reach", "impact", "confidence", "ease", "value", "time", "risk")
VALID_PHASES: tuple[str, ...] = tuple(p.code for p in PHASES)
MAX_EFFORT_WEEKS = 52
_ID = re.compile(r"^[A-Z]{2,4}[0-9]{2,3}$")
_TEXT_LIMITS = {"title": 80, "story": 400, "acceptance": 200, "keyword": 40, "user": 60, "reason": 300}


@dataclass(frozen=True)
class Pattern:
    """One requirement pattern. Texts are {"en": ..., "zh": ...}; scores are levels, not numbers
    (domain/scoring_levels.py turns a level into each framework's number, within documented bounds)."""

    id: str
    domain: str  # a DOMAINS code or COMMON
    title: Mapping[str, str]
    story: Mapping[str, str]
    acceptance: tuple[Mapping[str, str], ...]
    users: tuple[Mapping[str, str], ...]
    keywords: Mapping[str, tuple[str, ...]]  # retrieval words per language
    phase: str  # P0-P7: where the work mostly happens
    effort_weeks: tuple[float, float]  # person-weeks, low and high
    moscow: str
    value_lever: str
    llm_fit: str
    llm_fit_reason: Mapping[str, str]
    scores: Mapping[str, str]  # SCORE_NAMES -> LEVELS
    risks: tuple[str, ...]  # risk-library ids
    source: str  # where the pattern comes from (seed inventory section, template, practice)

    def text(self, field: str, language: str) -> str:
        value: Mapping[str, str] = getattr(self, field)
        return value.get(language) or value["en"]

    def words(self, language: str) -> str:
        """What retrieval indexes: title, story, users and keywords in ``language``."""
        parts = [self.text("title", language), self.text("story", language)]
        parts += [u.get(language) or u["en"] for u in self.users]
        parts += list(self.keywords.get(language) or self.keywords["en"])
        return " ".join(parts)

    def to_requirement(self, language: str, title: str | None = None) -> Requirement:
        """A new requirement from the pattern in ``language`` (scores are left to the priorities task)."""
        return Requirement(
            title=title or self.text("title", language),
            description=self.text("story", language),
            acceptance_criteria=[c.get(language) or c["en"] for c in self.acceptance],
            target_users=[u.get(language) or u["en"] for u in self.users],
            moscow=self.moscow,
            value_lever=self.value_lever,
            llm_fit=self.llm_fit,
            llm_fit_reason=self.text("llm_fit_reason", language),
            effort=round(sum(self.effort_weeks) / 2, 1),
        )


@dataclass(frozen=True, eq=False)  # hashed by identity: indexes are cached per library
class RequirementLibrary:
    patterns: tuple[Pattern, ...]

    def by_id(self, pattern_id: str) -> Pattern:
        for pattern in self.patterns:
            if pattern.id == pattern_id:
                return pattern
        raise KeyError(f"the requirement library has no pattern {pattern_id!r}")

    def for_domains(self, domains: Iterable[str]) -> list[Pattern]:
        wanted = set(domains)
        return [p for p in self.patterns if p.domain in wanted]


# -- parsing and checking ----------------------------------------------------------------------------


def _fail(where: str, problem: str) -> ValueError:
    return ValueError(f"{where}: {problem}")


def _bilingual(value: object, where: str, limit: int) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise _fail(where, f"needs exactly the texts {', '.join(LANGUAGES)}")
    out = {}
    for language in LANGUAGES:
        text = value[language]
        if not isinstance(text, str) or not text.strip():
            raise _fail(where, f"the {language} text is empty")
        if len(text) > limit:
            raise _fail(where, f"the {language} text is longer than {limit} characters")
        out[language] = text.strip()
    return out


def _bilingual_list(value: object, where: str, limit: int, minimum: int = 1) -> tuple[dict[str, str], ...]:
    if not isinstance(value, list) or len(value) < minimum:
        raise _fail(where, f"needs a list of at least {minimum}")
    return tuple(_bilingual(entry, f"{where}[{n}]", limit) for n, entry in enumerate(value))


def _choice(value: object, allowed: Iterable[str], where: str) -> str:
    allowed = tuple(allowed)
    if value not in allowed:
        raise _fail(where, f"{value!r} is not one of {', '.join(a for a in allowed if a)}")
    return value  # type: ignore[return-value]


def parse_pattern(data: object, domain: str, where: str) -> Pattern:
    if not isinstance(data, dict):
        raise _fail(where, "must be an object")
    known = {
        "id",
        "title",
        "story",
        "acceptance",
        "users",
        "keywords",
        "phase",
        "effort_weeks",
        "moscow",
        "value_lever",
        "llm_fit",
        "llm_fit_reason",
        "scores",
        "risks",
        "source",
    }
    unknown = set(data) - known
    if unknown:
        raise _fail(where, f"unknown keys {', '.join(sorted(unknown))}")
    missing = known - set(data)
    if missing:
        raise _fail(where, f"missing keys {', '.join(sorted(missing))}")
    pattern_id = data["id"]
    if not isinstance(pattern_id, str) or not _ID.match(pattern_id):
        raise _fail(where, f"id {pattern_id!r} must be 2-4 capital letters and 2-3 digits (CS01)")
    where = f"{where} {pattern_id}"
    keywords = data["keywords"]
    if not isinstance(keywords, dict) or set(keywords) != set(LANGUAGES):
        raise _fail(where, "keywords need exactly the lists en and zh")
    words: dict[str, tuple[str, ...]] = {}
    for language in LANGUAGES:
        entries = keywords[language]
        if not isinstance(entries, list) or not 2 <= len(entries) <= 20:
            raise _fail(where, f"keywords.{language} needs 2-20 words")
        if not all(isinstance(w, str) and w.strip() and len(w) <= _TEXT_LIMITS["keyword"] for w in entries):
            raise _fail(where, f"keywords.{language} holds an empty or too long word")
        words[language] = tuple(w.strip() for w in entries)
    effort = data["effort_weeks"]
    if (
        not isinstance(effort, list)
        or len(effort) != 2
        or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in effort)
        or not 0 < effort[0] <= effort[1] <= MAX_EFFORT_WEEKS
    ):
        raise _fail(where, f"effort_weeks must be [low, high] with 0 < low <= high <= {MAX_EFFORT_WEEKS}")
    scores = data["scores"]
    if not isinstance(scores, dict) or set(scores) != set(SCORE_NAMES):
        raise _fail(where, f"scores need exactly {', '.join(SCORE_NAMES)}")
    for name, level in scores.items():
        _choice(level, LEVELS, f"{where} scores.{name}")
    risks = data["risks"]
    if not isinstance(risks, list) or not all(isinstance(r, str) for r in risks):
        raise _fail(where, "risks must be a list of risk-library ids")
    source = data["source"]
    if not isinstance(source, str) or not source.strip():
        raise _fail(where, "source must say where the pattern comes from")
    return Pattern(
        id=pattern_id,
        domain=domain,
        title=_bilingual(data["title"], f"{where} title", _TEXT_LIMITS["title"]),
        story=_bilingual(data["story"], f"{where} story", _TEXT_LIMITS["story"]),
        acceptance=_bilingual_list(data["acceptance"], f"{where} acceptance", _TEXT_LIMITS["acceptance"], 2),
        users=_bilingual_list(data["users"], f"{where} users", _TEXT_LIMITS["user"]),
        keywords=words,
        phase=_choice(data["phase"], VALID_PHASES, f"{where} phase"),
        effort_weeks=(float(effort[0]), float(effort[1])),
        moscow=_choice(data["moscow"], [m for m in MOSCOW if m], f"{where} moscow"),
        value_lever=_choice(data["value_lever"], [v for v in VALUE_LEVERS if v], f"{where} value_lever"),
        llm_fit=_choice(data["llm_fit"], [f for f in LLM_FITS if f], f"{where} llm_fit"),
        llm_fit_reason=_bilingual(data["llm_fit_reason"], f"{where} llm_fit_reason", _TEXT_LIMITS["reason"]),
        scores=dict(scores),
        risks=tuple(risks),
        source=source.strip(),
    )


def parse_library_file(data: Mapping[str, object]) -> tuple[str, tuple[Pattern, ...]]:
    """(domain, patterns) of one decoded library file; ValueError naming the problem."""
    if data.get("format") != LIBRARY_FORMAT:
        raise ValueError(f"not a requirement library (format must be {LIBRARY_FORMAT!r})")
    if data.get("version") != LIBRARY_VERSION:
        raise ValueError(f"unsupported requirement library version {data.get('version')!r}")
    domain = _choice(data.get("domain"), (*DOMAINS, COMMON), "domain")
    entries = data.get("patterns")
    if not isinstance(entries, list) or not entries:
        raise ValueError("patterns must be a non-empty list")
    unknown = set(data) - {"format", "version", "domain", "notes", "patterns"}
    if unknown:
        raise ValueError(f"unknown keys {', '.join(sorted(unknown))}")
    return domain, tuple(parse_pattern(entry, domain, f"patterns[{n}]") for n, entry in enumerate(entries))


def build_library(files: Iterable[tuple[str, tuple[Pattern, ...]]], risk_ids: Iterable[str]) -> RequirementLibrary:
    """One library from its parsed files: ids unique across files, every risk id known."""
    known_risks = set(risk_ids)
    seen: dict[str, str] = {}
    patterns: list[Pattern] = []
    for domain, entries in files:
        for pattern in entries:
            if pattern.id in seen:
                raise ValueError(f"pattern id {pattern.id} is used in {seen[pattern.id]} and {domain}")
            seen[pattern.id] = domain
            unknown = [r for r in pattern.risks if r not in known_risks]
            if unknown:
                raise ValueError(f"{domain} {pattern.id}: unknown risk ids {', '.join(unknown)}")
            patterns.append(pattern)
    return RequirementLibrary(tuple(patterns))
