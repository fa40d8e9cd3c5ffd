"""Score breakdowns and "not scored" reasons in words: the domain gives a formula id and its numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .catalog import Wording
from .numbers import number


def _shown(value: object) -> object:
    return number(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def breakdown(w: Wording, formula: str, terms: Mapping[str, object]) -> str:
    """The arithmetic of ``formula`` ("rice", "ice", ...) with its numbers: "reach 2000 × impact 2 … = 800"."""
    values = {name: _shown(value) for name, value in terms.items()}
    for name in ("label", "where"):  # a MoSCoW category or value/effort quadrant, by its key
        if name in values:
            values[name] = w[f"score.category.{values[name]}"]
    if formula == "weighted":  # one term per criterion: (weight, name, score)
        parts = terms["terms"]
        assert isinstance(parts, Sequence)
        values["terms"] = " + ".join(
            w("score.weighted_term", weight=number(weight), name=name, score=number(score))
            for weight, name, score in parts
        )
    if formula == "votes" and terms.get("n") == 1:
        return w["score.votes_1"]
    return w(f"score.{formula}", **values)


def field_label(w: Wording, name: str) -> str:
    """A formula input's name; a weighted-scoring criterion is the user's own name in every language."""
    return w.get(f"field.{name}", name)


def reason(w: Wording, missing: Sequence[str], invalid: str) -> str:
    """Why there is no score: the missing inputs (field or criterion names), then the invalid input's id."""
    parts = []
    if missing:
        parts.append(w("score.missing", fields=w.around_latin(w.join(field_label(w, n) for n in missing)).rstrip()))
    if invalid:
        parts.append(w[f"score.invalid.{invalid}"])
    return w.join(parts, "reason")


def not_scored(w: Wording, missing: Sequence[str], invalid: str) -> str:
    return w("score.not_scored", reason=reason(w, missing, invalid))
