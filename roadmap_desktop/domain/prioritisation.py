"""Prioritisation frameworks (RICE, ICE, WSJF, MoSCoW, value/effort, weighted scoring) and ranking.

Every framework turns one requirement into a ``Score``: a number (``None`` when it cannot be
computed), a one-line breakdown that shows the arithmetic, and the labels of the empty fields.
``rank`` orders a project's requirements by the project's framework. Breakdowns and reasons come in
English or Chinese (``language``: "en", "zh"); the numbers and the arithmetic are the same in both.

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

LANGUAGES = ("en", "zh")

# Chinese labels of the fields the formulas read: the wording of the interface catalog
# (resources/i18n/roadmap_desktop_zh_CN.ts, context "Fields"), so a reason names a field as its column does.
FIELD_LABELS_ZH: dict[str, str] = {
    "rice_reach": "覆盖面",
    "rice_impact": "影响",
    "rice_confidence": "信心 %",
    "effort": "工作量（周）",
    "value": "价值（1-10）",
    "ice_impact": "ICE 影响",
    "ice_confidence": "ICE 信心",
    "ice_ease": "ICE 易行度",
    "wsjf_value": "WSJF 业务价值",
    "wsjf_time": "WSJF 时间紧迫性",
    "wsjf_risk": "WSJF 风险降低",
    "wsjf_size": "WSJF 工作规模",
    "moscow": "MoSCoW",
    "votes": "票数",
}

# MoSCoW categories and value/effort quadrants as shown; the Chinese quadrant names are the value/effort
# chart's (ui/editors/value_effort_chart.py), so the app calls a quadrant one thing.
CATEGORY_LABELS_ZH: dict[str, str] = {
    MOSCOW_LABELS["must"]: "必须有",
    MOSCOW_LABELS["should"]: "应该有",
    MOSCOW_LABELS["could"]: "可以有",
    MOSCOW_LABELS["wont"]: "不会有",
    QUICK_WIN: "速赢",
    BIG_BET: "大投入",
    FILL_IN: "填充项",
    MONEY_PIT: "耗时陷阱",
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "rice": "reach {r} × impact {i} × confidence {c} % ÷ effort {e} = {v}",
        "ice": "impact {i} × confidence {c} × ease {e} = {v}",
        "wsjf": "(value {v} + time criticality {t} + risk reduction {r}) ÷ job size {s} = {value}",
        "moscow": "{label} ({value} of 4)",
        "votes": "{n} dot votes",
        "votes_1": "1 dot vote",
        "value_effort": "value {v} ÷ effort {e} = {value}; {where} (value {v_cmp} {v_limit}, effort {e_cmp} {e_limit})",
        "weighted_term": "{weight} × {name} {score}",
        "weighted": "({terms}) ÷ {total} = {value}",
        "not_scored": "not scored: {reason}",
        "missing": "missing {fields}",
        "field_sep": ", ",
        "reason_sep": "; ",
        "rice_zero": "effort is 0: RICE divides by effort",
        "wsjf_zero": "job size is 0: WSJF divides by job size",
        "value_effort_zero": "effort is 0: value ÷ effort divides by effort",
        "no_criteria": "the project has no weighted-scoring criteria with a weight above 0",
    },
    "zh": {
        "rice": "覆盖面 {r} × 影响 {i} × 信心 {c} % ÷ 工作量 {e} = {v}",
        "ice": "影响 {i} × 信心 {c} × 易行度 {e} = {v}",
        "wsjf": "（业务价值 {v} + 时间紧迫性 {t} + 风险降低 {r}）÷ 工作规模 {s} = {value}",
        "moscow": "{label}（{value}/4）",
        "votes": "{n} 票",
        "votes_1": "1 票",
        "value_effort": "价值 {v} ÷ 工作量 {e} = {value}；{where}（价值 {v_cmp} {v_limit}，工作量 {e_cmp} {e_limit}）",
        "weighted_term": "{weight} × {name} {score}",
        "weighted": "（{terms}）÷ {total} = {value}",
        "not_scored": "未评分：{reason}",
        "missing": "缺少{fields}",
        "field_sep": "、",
        "reason_sep": "；",
        "rice_zero": "工作量为 0，RICE 需要除以工作量",
        "wsjf_zero": "工作规模为 0，WSJF 需要除以工作规模",
        "value_effort_zero": "工作量为 0，无法计算价值 ÷ 工作量",
        "no_criteria": "项目没有权重大于 0 的加权评分标准",
    },
}


def language_code(language: str) -> str:
    """ "zh" for Chinese ("zh", "zh_CN", ...), else "en": the languages the breakdowns come in."""
    return "zh" if (language or "").lower().startswith("zh") else "en"


@dataclass(frozen=True)
class Score:
    value: float | None
    breakdown: str
    missing: tuple[str, ...] = ()  # English labels of the empty fields the formula needs (stable, in JSON)
    invalid: str = ""  # why filled-in inputs cannot be used (a zero divisor), in ``language``
    category: str = ""  # MoSCoW category or value/effort quadrant, in English (MOSCOW_LABELS, QUICK_WIN, ...)
    language: str = "en"  # of ``breakdown``, ``invalid`` and the shown texts
    missing_shown: tuple[str, ...] = ()  # ``missing`` in ``language``; empty when the same

    @property
    def scored(self) -> bool:
        return self.value is not None

    @property
    def shown_category(self) -> str:
        """``category`` in the score's language."""
        if self.language == "zh":
            return CATEGORY_LABELS_ZH.get(self.category, self.category)
        return self.category

    @property
    def reason(self) -> str:
        """Why there is no score: the missing fields, or the invalid input, in the score's language."""
        words = WORDS[language_code(self.language)]
        parts = []
        if self.missing:
            fields = words["field_sep"].join(self.missing_shown or self.missing)
            if self.language == "zh" and fields[:1].isascii() and fields[:1].isalnum():
                fields = " " + fields  # 缺少 MoSCoW, 缺少 Revenue: a space where Chinese meets Latin
            parts.append(words["missing"].format(fields=fields))
        if self.invalid:
            parts.append(self.invalid)
        return words["reason_sep"].join(parts)


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


def _label(name: str, language: str = "en") -> str:
    if language == "zh" and name in FIELD_LABELS_ZH:
        return FIELD_LABELS_ZH[name]
    return Requirement.spec(name).label


def _empty(requirement: Requirement, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in names if getattr(requirement, n) is None)


def _unscored(language: str, missing: tuple[str, ...] = (), invalid: str = "", shown: tuple[str, ...] = ()) -> Score:
    """No score: ``missing`` English labels (``shown`` in ``language``) or an ``invalid`` input."""
    words = WORDS[language]
    score = Score(None, "", missing, invalid, language=language, missing_shown=shown)
    breakdown = words["not_scored"].format(reason=score.reason)
    return Score(None, breakdown, missing, invalid, language=language, missing_shown=shown)


def _unscored_fields(names: tuple[str, ...], language: str) -> Score:
    return _unscored(language, tuple(_label(n) for n in names), shown=tuple(_label(n, language) for n in names))


def rice(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    empty = _empty(requirement, ("rice_reach", "rice_impact", "rice_confidence", "effort"))
    if empty:
        return _unscored_fields(empty, language)
    r, i, c, e = requirement.rice_reach, requirement.rice_impact, requirement.rice_confidence, requirement.effort
    assert r is not None and i is not None and c is not None and e is not None
    if e <= 0:
        return _unscored(language, invalid=WORDS[language]["rice_zero"])
    value = r * i * (c / 100) / e
    breakdown = WORDS[language]["rice"].format(r=fmt(r), i=fmt(i), c=fmt(c), e=fmt(e), v=fmt(value))
    return Score(value, breakdown, language=language)


def ice(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    empty = _empty(requirement, ("ice_impact", "ice_confidence", "ice_ease"))
    if empty:
        return _unscored_fields(empty, language)
    i, c, e = requirement.ice_impact, requirement.ice_confidence, requirement.ice_ease
    assert i is not None and c is not None and e is not None
    value = i * c * e
    breakdown = WORDS[language]["ice"].format(i=fmt(i), c=fmt(c), e=fmt(e), v=fmt(value))
    return Score(value, breakdown, language=language)


def wsjf(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    empty = _empty(requirement, ("wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size"))
    if empty:
        return _unscored_fields(empty, language)
    v, t, r, s = requirement.wsjf_value, requirement.wsjf_time, requirement.wsjf_risk, requirement.wsjf_size
    assert v is not None and t is not None and r is not None and s is not None
    if s <= 0:
        return _unscored(language, invalid=WORDS[language]["wsjf_zero"])
    value = (v + t + r) / s
    breakdown = WORDS[language]["wsjf"].format(v=fmt(v), t=fmt(t), r=fmt(r), s=fmt(s), value=fmt(value))
    return Score(value, breakdown, language=language)


def moscow(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    category = requirement.moscow
    if category not in MOSCOW_SCORES:
        return _unscored_fields(("moscow",), language)
    value = MOSCOW_SCORES[category]
    label = MOSCOW_LABELS[category]
    shown = CATEGORY_LABELS_ZH[label] if language == "zh" else label
    return Score(
        float(value), WORDS[language]["moscow"].format(label=shown, value=value), category=label, language=language
    )


def votes(requirement: Requirement, language: str = "en") -> Score:
    language = language_code(language)
    if requirement.votes is None:
        return _unscored_fields(("votes",), language)
    count = requirement.votes
    words = WORDS[language]
    return Score(float(count), words["votes_1"] if count == 1 else words["votes"].format(n=count), language=language)


def quadrant(value: float, effort: float, effort_threshold: float) -> str:
    """The English quadrant name (QUICK_WIN, BIG_BET, FILL_IN, MONEY_PIT); CATEGORY_LABELS_ZH has the Chinese."""
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
        return _unscored_fields(empty, language)
    v, e = requirement.value, requirement.effort
    assert v is not None and e is not None
    if e <= 0:
        return _unscored(language, invalid=WORDS[language]["value_effort_zero"])
    value = v / e
    where = quadrant(v, e, effort_threshold)
    shown = CATEGORY_LABELS_ZH[where] if language == "zh" else where
    breakdown = WORDS[language]["value_effort"].format(
        v=fmt(v),
        e=fmt(e),
        value=fmt(value),
        where=shown,
        v_cmp="≥" if v >= HIGH_VALUE_THRESHOLD else "<",
        v_limit=fmt(HIGH_VALUE_THRESHOLD),
        e_cmp=">" if e > effort_threshold else "≤",
        e_limit=fmt(effort_threshold),
    )
    return Score(value, breakdown, category=where, language=language)


def effort_threshold(requirements: list[Requirement]) -> float:
    """The median effort (> 0) of the requirements that have a value and an effort, or the default."""
    efforts = [r.effort for r in requirements if r.effort is not None and r.effort > 0 and r.value is not None]
    return float(statistics.median(efforts)) if efforts else DEFAULT_EFFORT_THRESHOLD


def weighted(requirement: Requirement, criteria: Mapping[str, float], language: str = "en") -> Score:
    language = language_code(language)
    words = WORDS[language]
    active = {name: weight for name, weight in criteria.items() if weight > 0}
    if not active:
        return _unscored(language, invalid=words["no_criteria"])
    scores = requirement.criteria_scores
    missing = tuple(name for name in active if name not in scores)
    if missing:
        return _unscored(language, missing)  # criteria are the user's own names, the same in every language
    total_weight = sum(active.values())
    value = sum(weight * scores[name] for name, weight in active.items()) / total_weight
    terms = " + ".join(
        words["weighted_term"].format(weight=fmt(weight), name=name, score=fmt(scores[name]))
        for name, weight in active.items()
    )
    return Score(
        value, words["weighted"].format(terms=terms, total=fmt(total_weight), value=fmt(value)), language=language
    )


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
