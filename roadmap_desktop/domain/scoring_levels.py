"""Scoring inputs from levels: the assistant and the libraries say low / medium / high, never a number;
this one table turns a level into each framework's number, inside the field's bounds.

Reach is relative (people per quarter for a typical early product), so founders should replace it
with their own numbers; the breakdown always shows the arithmetic."""

from __future__ import annotations

from collections.abc import Mapping

from .requirement import Requirement

LEVELS = ("low", "medium", "high")

# field -> number per level (low, medium, high), documented in docs/assistant-libraries.md
TABLE: dict[str, tuple[float, float, float]] = {
    "rice_reach": (300, 1500, 6000),  # people per quarter
    "rice_impact": (0.5, 1, 2),  # RICE's 0.25-3 scale
    "rice_confidence": (50, 80, 100),  # per cent
    "ice_impact": (3, 5, 8),  # 1-10
    "ice_confidence": (3, 5, 8),
    "ice_ease": (3, 5, 8),
    "value": (3, 6, 9),  # value/effort's 1-10
    "wsjf_value": (20, 50, 80),  # 0-100
    "wsjf_time": (20, 50, 80),
    "wsjf_risk": (20, 50, 80),
}
# Which library score level sets which fields.
FIELDS_OF: dict[str, tuple[str, ...]] = {
    "reach": ("rice_reach",),
    "impact": ("rice_impact", "ice_impact", "wsjf_value"),
    "confidence": ("rice_confidence", "ice_confidence"),
    "ease": ("ice_ease",),
    "value": ("value",),
    "time": ("wsjf_time",),
    "risk": ("wsjf_risk",),
}
# Weighted scoring's starting criteria (a template's project): criterion id -> (the level that scores
# it, its weight). Each level scores like WSJF's 0-100 inputs; the names are worded per language.
CRITERIA: dict[str, tuple[str, float]] = {"value": ("value", 50), "urgency": ("time", 30), "feasibility": ("ease", 20)}
WSJF_SIZE_PER_WEEK = 5.0  # job size (0-100) = effort in person-weeks x 5, at most 100
DEFAULT_EFFORT_WEEKS = (2.0, 8.0)  # person-weeks, for a requirement no library pattern fits


def number(field: str, level: str) -> float:
    """The number ``level`` stands for in ``field``; KeyError/ValueError for an unknown one."""
    return TABLE[field][LEVELS.index(level)]


def shifted(level: str, steps: int) -> str:
    """``level`` moved ``steps`` up (or down), staying within low..high."""
    return LEVELS[min(len(LEVELS) - 1, max(0, LEVELS.index(level) + steps))]


def effort_weeks(low: float, high: float, level: str) -> float:
    """Person-weeks an effort level stands for within a range: low its low end, medium the middle
    (to one decimal), high its high end."""
    return {"low": float(low), "medium": round((low + high) / 2, 1), "high": float(high)}[level]


def scoring_fields(levels: Mapping[str, str], effort_weeks: float) -> dict[str, float]:
    """Every scoring field of a requirement from the library's levels and an effort in weeks."""
    out: dict[str, float] = {}
    for name, level in levels.items():
        for field in FIELDS_OF.get(name, ()):
            out[field] = number(field, level)
    out["effort"] = effort_weeks
    out["wsjf_size"] = min(100.0, max(1.0, effort_weeks * WSJF_SIZE_PER_WEEK))
    for field, value in out.items():  # inside each field's documented bounds, always
        spec = Requirement.spec(field)
        low = spec.minimum if spec.minimum is not None else value
        high = spec.maximum if spec.maximum is not None else value
        out[field] = min(max(value, low), high)
    return out


def criteria_scores(levels: Mapping[str, str]) -> dict[str, float]:
    """Weighted scoring's score per CRITERIA id (0-100) from the levels."""
    return {criterion: number("wsjf_value", levels[level]) for criterion, (level, _weight) in CRITERIA.items()}
