"""Prioritisation frameworks (RICE, ICE, WSJF, MoSCoW, value/effort, weighted scoring) and ranking.

Every framework turns one requirement into a ``Score``: a number (``None`` when it cannot be
computed), a one-line breakdown that shows the arithmetic, and the labels of the empty fields.
``rank`` orders a project's requirements by the project's framework. A score holds numbers and ids;
its breakdown and reasons are worded by roadmap_desktop.wording in the score's ``language`` (any
catalog's code), the numbers and the arithmetic the same in all.

Decisions (also in docs/prioritisation-and-calculators.md):

- Higher scores rank first. Equal scores share a rank number (competition ranking: 1, 2, 2, 4)
  and keep the order of the project's requirement list, which the user controls.
- Requirements that cannot be scored (an empty input, a zero effort or job size, no criteria)
  come after the ranked ones, with no rank number and the reason.
- Dropped requirements are not candidates: ``rank`` leaves them out unless ``include_dropped``.
- MoSCoW: must 4 > should 3 > could 2 > won't 1; an unset category cannot be scored.
- Value/effort: "high value" is value >= 5 (of 10); "high effort" is effort above the median effort
  of the requirements being ranked (``DEFAULT_EFFORT_THRESHOLD`` weeks when none has one). The score
  that orders them is value ÷ effort.
- Weighted: Σ weight × score ÷ Σ weight over the project's criteria with a weight above 0; scores for
  names that are not project criteria are ignored; a requirement lacking any criterion's score
  is not scored (the missing criteria are named).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..wording import language_code, scores, wording
from .fields import CHOICE_LABELS
from .project import FRAMEWORKS, Project
from .requirement import Requirement

# One set of labels for the framework choice, shared with the project's field (fields.CHOICE_LABELS).
FRAMEWORK_LABELS: dict[str, str] = {code: CHOICE_LABELS[code] for code in FRAMEWORKS}

FRAMEWORK_FORMULAS: dict[str, str] = {
    "rice": "RICE = reach × impact (0-3) × confidence % ÷ effort (person-weeks)",
    "ice": "ICE = impact × confidence × ease (each 0-10, so 0-1000)",
    "wsjf": "WSJF = (business value + time criticality + risk reduction) ÷ job size (each 0-100)",
    "moscow": "MoSCoW: must > should > could > won't; unset is not ranked; ties keep the list order",
    "value_effort": (
        "Value ÷ effort; quadrant: value ≥ 5 of 10 is high, effort above the median effort is high "
        "(quick win, big bet, fill-in, money pit)"
    ),
    "weighted": "Weighted = Σ (criterion weight × score 0-100) ÷ Σ weights, over the project's criteria",
    "votes": "Dot votes: the workshop's votes per requirement, most first",
}

MOSCOW_SCORES: dict[str, int] = {"must": 4, "should": 3, "could": 2, "wont": 1}
MOSCOW_LABELS: dict[str, str] = {
    "must": "must have",
    "should": "should have",
    "could": "could have",
    "wont": "won't have",
}
HIGH_VALUE_THRESHOLD = 5.0  # on the 0-10 value scale; value >= 5 counts as high
DEFAULT_EFFORT_THRESHOLD = 4.0  # person-weeks; used when no ranked requirement has an effort

QUICK_WIN = "quick win"
BIG_BET = "big bet"
FILL_IN = "fill-in"
MONEY_PIT = "money pit"

# Score.category (English, stable in the command line's JSON) -> its key in the wording catalogs.
CATEGORY_KEYS: dict[str, str] = {
    MOSCOW_LABELS["must"]: "must",
    MOSCOW_LABELS["should"]: "should",
    MOSCOW_LABELS["could"]: "could",
    MOSCOW_LABELS["wont"]: "wont",
    QUICK_WIN: "quick_win",
    BIG_BET: "big_bet",
    FILL_IN: "fill_in",
    MONEY_PIT: "money_pit",
}


@dataclass(frozen=True)
class Score:
    """A number with what the wording layer needs to explain it: the formula id and its inputs, or why
    there is none (the empty inputs, or the id of an invalid one)."""

    value: float | None
    formula: str = ""  # wording key score.<formula>; "" when not scored
    terms: tuple[tuple[str, object], ...] = ()  # the formula's inputs and result, as numbers
    missing_fields: tuple[str, ...] = ()  # empty inputs: field names, or the user's criterion names
    invalid_id: str = ""  # a filled-in input that cannot be used: wording key score.invalid.<id>
    category: str = ""  # MoSCoW category or value/effort quadrant, in English (MOSCOW_LABELS, QUICK_WIN, ...)
    language: str = "en"  # of the texts below

    @property
    def scored(self) -> bool:
        return self.value is not None

    @property
    def breakdown(self) -> str:
        """The arithmetic ("reach 2000 × impact 2 … = 800"), or "not scored: <reason>"."""
        w = wording(self.language)
        if self.value is None:
            return scores.not_scored(w, self.missing_fields, self.invalid_id)
        return scores.breakdown(w, self.formula, dict(self.terms))

    @property
    def reason(self) -> str:
        """Why there is no score, in the score's language; "" when scored."""
        return scores.reason(wording(self.language), self.missing_fields, self.invalid_id)

    @property
    def missing(self) -> tuple[str, ...]:
        """The empty inputs' English labels (stable: the command line's JSON gives them)."""
        return tuple(scores.field_label(wording("en"), name) for name in self.missing_fields)

    @property
    def invalid(self) -> str:
        return wording(self.language)[f"score.invalid.{self.invalid_id}"] if self.invalid_id else ""

    @property
    def shown_category(self) -> str:
        """``category`` in the score's language."""
        key = CATEGORY_KEYS.get(self.category)
        return wording(self.language)[f"score.category.{key}"] if key else self.category


@dataclass(frozen=True)
class RankedRequirement:
    rank: int | None  # None: could not be scored
    requirement: Requirement
    score: Score


def _empty(requirement: Requirement, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in names if getattr(requirement, n) is None)


def _scored(result: float, formula: str, language: str, category: str = "", /, **terms: object) -> Score:
    return Score(result, formula, tuple(terms.items()), category=category, language=language)


def _unscored(language: str, missing: tuple[str, ...] = (), invalid: str = "") -> Score:
    return Score(None, missing_fields=missing, invalid_id=invalid, language=language)


def rice(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    empty = _empty(requirement, ("rice_reach", "rice_impact", "rice_confidence", "effort"))
    if empty:
        return _unscored(language, empty)
    r, i, c, e = requirement.rice_reach, requirement.rice_impact, requirement.rice_confidence, requirement.effort
    assert r is not None and i is not None and c is not None and e is not None
    if e <= 0:
        return _unscored(language, invalid="rice_zero")
    value = r * i * (c / 100) / e
    return _scored(value, "rice", language, r=r, i=i, c=c, e=e, v=value)


def ice(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    empty = _empty(requirement, ("ice_impact", "ice_confidence", "ice_ease"))
    if empty:
        return _unscored(language, empty)
    i, c, e = requirement.ice_impact, requirement.ice_confidence, requirement.ice_ease
    assert i is not None and c is not None and e is not None
    value = i * c * e
    return _scored(value, "ice", language, i=i, c=c, e=e, v=value)


def wsjf(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    empty = _empty(requirement, ("wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size"))
    if empty:
        return _unscored(language, empty)
    v, t, r, s = requirement.wsjf_value, requirement.wsjf_time, requirement.wsjf_risk, requirement.wsjf_size
    assert v is not None and t is not None and r is not None and s is not None
    if s <= 0:
        return _unscored(language, invalid="wsjf_zero")
    value = (v + t + r) / s
    return _scored(value, "wsjf", language, v=v, t=t, r=r, s=s, value=value)


def moscow(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    category = requirement.moscow
    if category not in MOSCOW_SCORES:
        return _unscored(language, ("moscow",))
    value = MOSCOW_SCORES[category]
    label = MOSCOW_LABELS[category]
    return _scored(float(value), "moscow", language, label, label=category, value=value)


def votes(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    if requirement.votes is None:
        return _unscored(language, ("votes",))
    return _scored(float(requirement.votes), "votes", language, n=requirement.votes)


def quadrant(value: float, effort: float, effort_threshold: float) -> str:
    """The English quadrant name (QUICK_WIN, BIG_BET, FILL_IN, MONEY_PIT); the catalogs have it in words."""
    high_value = value >= HIGH_VALUE_THRESHOLD
    high_effort = effort > effort_threshold
    if high_value:
        return BIG_BET if high_effort else QUICK_WIN
    return MONEY_PIT if high_effort else FILL_IN


def value_effort(
    requirement: Requirement, effort_threshold: float = DEFAULT_EFFORT_THRESHOLD, language: str = "en"
) -> Score:
    language = language_code(language)
    empty = _empty(requirement, ("value", "effort"))
    if empty:
        return _unscored(language, empty)
    v, e = requirement.value, requirement.effort
    assert v is not None and e is not None
    if e <= 0:
        return _unscored(language, invalid="value_effort_zero")
    value = v / e
    where = quadrant(v, e, effort_threshold)
    return _scored(
        value,
        "value_effort",
        language,
        where,
        v=v,
        e=e,
        value=value,
        where=CATEGORY_KEYS[where],
        v_cmp="≥" if v >= HIGH_VALUE_THRESHOLD else "<",
        v_limit=HIGH_VALUE_THRESHOLD,
        e_cmp=">" if e > effort_threshold else "≤",
        e_limit=effort_threshold,
    )


def effort_threshold(requirements: list[Requirement]) -> float:
    """The median effort (> 0) of the requirements that have a value and an effort, or the default."""
    efforts = [r.effort for r in requirements if r.effort is not None and r.effort > 0 and r.value is not None]
    return float(statistics.median(efforts)) if efforts else DEFAULT_EFFORT_THRESHOLD


def weighted(requirement: Requirement, criteria: Mapping[str, float], language: str = "en") -> Score:
    language = language_code(language)
    active = {name: weight for name, weight in criteria.items() if weight > 0}
    if not active:
        return _unscored(language, invalid="no_criteria")
    given = requirement.criteria_scores
    missing = tuple(name for name in active if name not in given)
    if missing:
        return _unscored(language, missing)  # criteria are the user's own names, the same in every language
    total_weight = sum(active.values())
    value = sum(weight * given[name] for name, weight in active.items()) / total_weight
    terms = tuple((weight, name, given[name]) for name, weight in active.items())
    return _scored(value, "weighted", language, terms=terms, total=total_weight, value=value)


def score(
    requirement: Requirement,
    framework: str,
    criteria: Mapping[str, float] | None = None,
    threshold: float = DEFAULT_EFFORT_THRESHOLD,
    language: str = "en",
) -> Score:
    """The requirement's score under ``framework`` (one of project.FRAMEWORKS), its texts in ``language``."""
    scorers: dict[str, Callable[[Requirement], Score]] = {
        "rice": lambda r: rice(r, language),
        "ice": lambda r: ice(r, language),
        "wsjf": lambda r: wsjf(r, language),
        "moscow": lambda r: moscow(r, language),
        "value_effort": lambda r: value_effort(r, threshold, language),
        "weighted": lambda r: weighted(r, criteria or {}, language),
        "votes": lambda r: votes(r, language),
    }
    if framework not in scorers:
        raise ValueError(f"unknown framework {framework!r}; expected one of {', '.join(FRAMEWORKS)}")
    return scorers[framework](requirement)


def _key(value: float) -> float:
    # Scores that differ only by floating-point noise (0.1 + 0.2) are a tie.
    return float(f"{value:.9g}")


def rank(
    project: Project, framework: str | None = None, include_dropped: bool = False, language: str = "en"
) -> list[RankedRequirement]:
    """Scored requirements best first, ties sharing a rank; then the unscorable ones in list order.

    ``language`` is that of the breakdowns and reasons ("en" or "zh"), not necessarily the project's:
    the app passes its interface language, the PDF and the command line the project's."""
    framework = framework or project.info.framework
    candidates = [r for r in project.requirements if include_dropped or r.status != "dropped"]
    threshold = effort_threshold(candidates)
    scored: list[tuple[Requirement, Score]] = []
    unscored: list[RankedRequirement] = []
    for requirement in candidates:
        result = score(requirement, framework, project.info.criteria, threshold, language)
        if result.value is None:
            unscored.append(RankedRequirement(None, requirement, result))
        else:
            scored.append((requirement, result))
    scored.sort(key=lambda pair: -_key(pair[1].value))  # type: ignore[arg-type]  # stable: list order breaks ties
    ranked: list[RankedRequirement] = []
    for position, (requirement, result) in enumerate(scored, start=1):
        previous = ranked[-1] if ranked else None
        tied = previous is not None and _key(previous.score.value) == _key(result.value)  # type: ignore[arg-type]
        ranked.append(RankedRequirement(previous.rank if tied else position, requirement, result))  # type: ignore[union-attr]
    return ranked + unscored
