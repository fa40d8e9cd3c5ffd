"""Prioritisation frameworks (RICE, ICE, WSJF, MoSCoW, value/effort, weighted scoring) and ranking.

Every framework turns one requirement into a ``Score``: a number (``None`` when it cannot be
computed), a one-line breakdown that shows the arithmetic, and the labels of the empty fields.
``rank`` orders a project's requirements by the project's framework.

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


@dataclass(frozen=True)
class Score:
    value: float | None
    breakdown: str
    missing: tuple[str, ...] = ()  # labels of the empty fields the formula needs
    invalid: str = ""  # why filled-in inputs cannot be used (a zero divisor), if they cannot
    category: str = ""  # MoSCoW category or value/effort quadrant

    @property
    def scored(self) -> bool:
        return self.value is not None

    @property
    def reason(self) -> str:
        """Why there is no score: the missing fields, or the invalid input."""
        parts = []
        if self.missing:
            parts.append("missing " + ", ".join(self.missing))
        if self.invalid:
            parts.append(self.invalid)
        return "; ".join(parts)


@dataclass(frozen=True)
class RankedRequirement:
    rank: int | None  # None: could not be scored
    requirement: Requirement
    score: Score


def fmt(number: float) -> str:
    """A number as people write it: 2000, 0.5, 13.33 (at most two decimals)."""
    if float(number).is_integer():
        return str(int(number))
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def _label(name: str) -> str:
    return Requirement.spec(name).label


def _missing(requirement: Requirement, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_label(n) for n in names if getattr(requirement, n) is None)


def _unscored(missing: tuple[str, ...], invalid: str = "") -> Score:
    score = Score(None, "", missing, invalid)
    return Score(None, "not scored: " + score.reason, missing, invalid)


def rice(requirement: Requirement) -> Score:
    missing = _missing(requirement, ("rice_reach", "rice_impact", "rice_confidence", "effort"))
    if missing:
        return _unscored(missing)
    r, i, c, e = requirement.rice_reach, requirement.rice_impact, requirement.rice_confidence, requirement.effort
    assert r is not None and i is not None and c is not None and e is not None
    if e <= 0:
        return _unscored((), "effort is 0: RICE divides by effort")
    value = r * i * (c / 100) / e
    breakdown = f"reach {fmt(r)} × impact {fmt(i)} × confidence {fmt(c)} % ÷ effort {fmt(e)} = {fmt(value)}"
    return Score(value, breakdown)


def ice(requirement: Requirement) -> Score:
    missing = _missing(requirement, ("ice_impact", "ice_confidence", "ice_ease"))
    if missing:
        return _unscored(missing)
    i, c, e = requirement.ice_impact, requirement.ice_confidence, requirement.ice_ease
    assert i is not None and c is not None and e is not None
    value = i * c * e
    return Score(value, f"impact {fmt(i)} × confidence {fmt(c)} × ease {fmt(e)} = {fmt(value)}")


def wsjf(requirement: Requirement) -> Score:
    missing = _missing(requirement, ("wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size"))
    if missing:
        return _unscored(missing)
    v, t, r, s = requirement.wsjf_value, requirement.wsjf_time, requirement.wsjf_risk, requirement.wsjf_size
    assert v is not None and t is not None and r is not None and s is not None
    if s <= 0:
        return _unscored((), "job size is 0: WSJF divides by job size")
    value = (v + t + r) / s
    breakdown = (
        f"(value {fmt(v)} + time criticality {fmt(t)} + risk reduction {fmt(r)}) ÷ job size {fmt(s)} = {fmt(value)}"
    )
    return Score(value, breakdown)


def moscow(requirement: Requirement) -> Score:
    category = requirement.moscow
    if category not in MOSCOW_SCORES:
        return _unscored((_label("moscow"),))
    value = MOSCOW_SCORES[category]
    return Score(float(value), f"{MOSCOW_LABELS[category]} ({value} of 4)", category=MOSCOW_LABELS[category])


def votes(requirement: Requirement) -> Score:
    if requirement.votes is None:
        return _unscored((_label("votes"),))
    count = requirement.votes
    return Score(float(count), f"{count} dot vote{'' if count == 1 else 's'}")


def quadrant(value: float, effort: float, effort_threshold: float) -> str:
    high_value = value >= HIGH_VALUE_THRESHOLD
    high_effort = effort > effort_threshold
    if high_value:
        return BIG_BET if high_effort else QUICK_WIN
    return MONEY_PIT if high_effort else FILL_IN


def value_effort(requirement: Requirement, effort_threshold: float = DEFAULT_EFFORT_THRESHOLD) -> Score:
    missing = _missing(requirement, ("value", "effort"))
    if missing:
        return _unscored(missing)
    v, e = requirement.value, requirement.effort
    assert v is not None and e is not None
    if e <= 0:
        return _unscored((), "effort is 0: value ÷ effort divides by effort")
    value = v / e
    where = quadrant(v, e, effort_threshold)
    breakdown = (
        f"value {fmt(v)} ÷ effort {fmt(e)} = {fmt(value)}; {where} "
        f"(value {'≥' if v >= HIGH_VALUE_THRESHOLD else '<'} {fmt(HIGH_VALUE_THRESHOLD)}, "
        f"effort {'>' if e > effort_threshold else '≤'} {fmt(effort_threshold)})"
    )
    return Score(value, breakdown, category=where)


def effort_threshold(requirements: list[Requirement]) -> float:
    """The median effort (> 0) of the requirements that have a value and an effort, or the default."""
    efforts = [r.effort for r in requirements if r.effort is not None and r.effort > 0 and r.value is not None]
    return float(statistics.median(efforts)) if efforts else DEFAULT_EFFORT_THRESHOLD


def weighted(requirement: Requirement, criteria: Mapping[str, float]) -> Score:
    active = {name: weight for name, weight in criteria.items() if weight > 0}
    if not active:
        return _unscored((), "the project has no weighted-scoring criteria with a weight above 0")
    scores = requirement.criteria_scores
    missing = tuple(name for name in active if name not in scores)
    if missing:
        return _unscored(missing)
    total_weight = sum(active.values())
    value = sum(weight * scores[name] for name, weight in active.items()) / total_weight
    terms = " + ".join(f"{fmt(weight)} × {name} {fmt(scores[name])}" for name, weight in active.items())
    return Score(value, f"({terms}) ÷ {fmt(total_weight)} = {fmt(value)}")


def score(
    requirement: Requirement,
    framework: str,
    criteria: Mapping[str, float] | None = None,
    threshold: float = DEFAULT_EFFORT_THRESHOLD,
) -> Score:
    """The requirement's score under ``framework`` (one of project.FRAMEWORKS)."""
    scorers: dict[str, Callable[[Requirement], Score]] = {
        "rice": rice,
        "ice": ice,
        "wsjf": wsjf,
        "moscow": moscow,
        "value_effort": lambda r: value_effort(r, threshold),
        "weighted": lambda r: weighted(r, criteria or {}),
        "votes": votes,
    }
    if framework not in scorers:
        raise ValueError(f"unknown framework {framework!r}; expected one of {', '.join(FRAMEWORKS)}")
    return scorers[framework](requirement)


def _key(value: float) -> float:
    # Scores that differ only by floating-point noise (0.1 + 0.2) are a tie.
    return float(f"{value:.9g}")


def rank(project: Project, framework: str | None = None, include_dropped: bool = False) -> list[RankedRequirement]:
    """Scored requirements best first, ties sharing a rank; then the unscorable ones in list order."""
    framework = framework or project.info.framework
    candidates = [r for r in project.requirements if include_dropped or r.status != "dropped"]
    threshold = effort_threshold(candidates)
    scored: list[tuple[Requirement, Score]] = []
    unscored: list[RankedRequirement] = []
    for requirement in candidates:
        result = score(requirement, framework, project.info.criteria, threshold)
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
