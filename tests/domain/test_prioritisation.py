"""Prioritisation frameworks and ranking, against hand-computed values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap_desktop.domain import prioritisation as prio
from roadmap_desktop.domain.project import FRAMEWORKS, Project
from roadmap_desktop.domain.requirement import Requirement


def req(title: str = "R", **values) -> Requirement:
    return Requirement(title=title, **values)


def project_with(*requirements: Requirement, framework: str = "rice", criteria=None) -> Project:
    project = Project.new("P")
    project.info.framework = framework
    project.info.criteria = dict(criteria or {})
    project.requirements = list(requirements)
    return project


def test_labels_and_formulas_cover_every_framework():
    assert set(prio.FRAMEWORK_LABELS) == set(FRAMEWORKS) == set(prio.FRAMEWORK_FORMULAS)


def test_rice():
    # 2000 × 2 × 0.80 ÷ 4 = 3200 ÷ 4 = 800
    score = prio.rice(req(rice_reach=2000, rice_impact=2, rice_confidence=80, effort=4))
    assert score.value == pytest.approx(800)
    assert score.breakdown == "reach 2000 × impact 2 × confidence 80 % ÷ effort 4 = 800"
    assert score.missing == () and score.scored


def test_rice_fractional():
    # 150 × 0.5 × 0.5 ÷ 3 = 37.5 ÷ 3 = 12.5
    assert prio.rice(req(rice_reach=150, rice_impact=0.5, rice_confidence=50, effort=3)).value == pytest.approx(12.5)


def test_rice_missing_and_zero_effort():
    score = prio.rice(req(rice_reach=100, rice_impact=None, rice_confidence=None, effort=2))
    assert score.value is None
    assert score.missing == ("Impact", "Confidence %")
    assert "missing Impact, Confidence %" in score.breakdown
    zero = prio.rice(req(rice_reach=100, rice_impact=1, rice_confidence=100, effort=0))
    assert zero.value is None and zero.missing == () and "effort is 0" in zero.invalid
    assert "effort is 0" in zero.reason


def test_ice():
    # 8 × 7 × 5 = 280
    score = prio.ice(req(ice_impact=8, ice_confidence=7, ice_ease=5))
    assert score.value == 280
    assert score.breakdown == "impact 8 × confidence 7 × ease 5 = 280"
    assert prio.ice(req(ice_impact=8)).missing == ("ICE confidence", "ICE ease")


def test_wsjf():
    # (40 + 20 + 10) ÷ 7 = 70 ÷ 7 = 10
    score = prio.wsjf(req(wsjf_value=40, wsjf_time=20, wsjf_risk=10, wsjf_size=7))
    assert score.value == pytest.approx(10)
    assert score.breakdown.endswith("÷ job size 7 = 10")
    zero = prio.wsjf(req(wsjf_value=40, wsjf_time=20, wsjf_risk=10, wsjf_size=0))
    assert zero.value is None and "job size is 0" in zero.invalid
    assert prio.wsjf(req(wsjf_value=1)).missing == ("WSJF time criticality", "WSJF risk reduction", "WSJF job size")


def test_moscow_order_and_unset():
    values = [prio.moscow(req(moscow=m)).value for m in ("must", "should", "could", "wont")]
    assert values == [4, 3, 2, 1]
    unset = prio.moscow(req(moscow=""))
    assert unset.value is None and unset.missing == ("MoSCoW",)
    assert prio.moscow(req(moscow="must")).category == "must have"


@pytest.mark.parametrize(
    ("value", "effort", "quadrant"),
    [
        (8, 2, prio.QUICK_WIN),  # value 8 ≥ 5, effort 2 ≤ 4
        (8, 6, prio.BIG_BET),  # value 8 ≥ 5, effort 6 > 4
        (3, 2, prio.FILL_IN),  # value 3 < 5, effort 2 ≤ 4
        (3, 6, prio.MONEY_PIT),  # value 3 < 5, effort 6 > 4
        (5, 4, prio.QUICK_WIN),  # boundaries: value 5 is high, effort equal to the threshold is low
    ],
)
def test_value_effort_quadrants(value, effort, quadrant):
    score = prio.value_effort(req(value=value, effort=effort), effort_threshold=4)
    assert score.category == quadrant
    assert score.value == pytest.approx(value / effort)


def test_value_effort_zero_effort_and_missing():
    assert "effort is 0" in prio.value_effort(req(value=5, effort=0)).invalid
    assert prio.value_effort(req(value=5)).missing == ("Effort (weeks)",)


def test_effort_threshold_is_median_of_scorable():
    # efforts 1, 3, 10 with values → median 3; the one without a value and the zero effort are ignored
    reqs = [
        req(value=5, effort=1),
        req(value=5, effort=3),
        req(value=5, effort=10),
        req(effort=100),
        req(value=1, effort=0),
    ]
    assert prio.effort_threshold(reqs) == 3
    assert prio.effort_threshold([]) == prio.DEFAULT_EFFORT_THRESHOLD


def test_weighted():
    criteria = {"Revenue": 3, "Strategic fit": 1}
    # (3 × 80 + 1 × 40) ÷ (3 + 1) = (240 + 40) ÷ 4 = 70; "Other" is not a project criterion: ignored
    score = prio.weighted(req(criteria_scores={"Revenue": 80, "Strategic fit": 40, "Other": 100}), criteria)
    assert score.value == pytest.approx(70)
    assert score.breakdown == "(3 × Revenue 80 + 1 × Strategic fit 40) ÷ 4 = 70"
    missing = prio.weighted(req(criteria_scores={"Revenue": 80}), criteria)
    assert missing.value is None and missing.missing == ("Strategic fit",)
    assert "no weighted-scoring criteria" in prio.weighted(req(), {}).invalid
    # a criterion weighted 0 counts for nothing, so its score is not needed either
    assert prio.weighted(req(criteria_scores={"A": 50}), {"A": 2, "B": 0}).value == pytest.approx(50)


def test_score_rejects_unknown_framework():
    with pytest.raises(ValueError, match="unknown framework 'kano'"):
        prio.score(req(), "kano")


def test_rank_ties_share_rank_unscored_last_dropped_excluded():
    a = req("A", rice_reach=100, rice_impact=1, rice_confidence=100, effort=1)  # 100
    b = req("B", rice_reach=400, rice_impact=1, rice_confidence=50, effort=1)  # 200
    c = req("C", rice_reach=200, rice_impact=1, rice_confidence=100, effort=2)  # 100, ties with A
    d = req("D", rice_reach=10)  # missing
    e = req("E", status="dropped", rice_reach=9999, rice_impact=3, rice_confidence=100, effort=1)
    f = req("F", rice_reach=1, rice_impact=1, rice_confidence=100, effort=10)  # 0.1
    ranked = prio.rank(project_with(a, b, c, d, e, f))
    assert [(r.rank, r.requirement.title) for r in ranked] == [(1, "B"), (2, "A"), (2, "C"), (4, "F"), (None, "D")]
    assert ranked[-1].score.missing == ("Impact", "Confidence %", "Effort (weeks)")
    with_dropped = prio.rank(project_with(a, e), include_dropped=True)
    assert [r.requirement.title for r in with_dropped] == ["E", "A"]


def test_rank_float_noise_is_a_tie():
    # 0.1 + 0.2 ≠ 0.3 in floating point; as WSJF values they must still tie
    x = req("X", wsjf_value=0.1, wsjf_time=0.2, wsjf_risk=0, wsjf_size=1)
    y = req("Y", wsjf_value=0.3, wsjf_time=0, wsjf_risk=0, wsjf_size=1)
    assert [r.rank for r in prio.rank(project_with(x, y), "wsjf")] == [1, 1]


def test_rank_defaults_to_project_framework_and_moscow_keeps_list_order():
    reqs = [req("c1", moscow="could"), req("m1", moscow="must"), req("u", moscow=""), req("m2", moscow="must")]
    ranked = prio.rank(project_with(*reqs, framework="moscow"))
    assert [(r.rank, r.requirement.title) for r in ranked] == [(1, "m1"), (1, "m2"), (3, "c1"), (None, "u")]


def test_rank_value_effort_uses_median_threshold():
    # efforts 1, 2, 8 → median 2: effort 8 is high, 2 is not
    reqs = [req("big", value=9, effort=8), req("quick", value=6, effort=2), req("fill", value=2, effort=1)]
    ranked = prio.rank(project_with(*reqs), "value_effort")
    # value ÷ effort: quick 3, fill 2, big 1.125
    assert [(r.requirement.title, r.score.category) for r in ranked] == [
        ("quick", prio.QUICK_WIN),
        ("fill", prio.FILL_IN),
        ("big", prio.BIG_BET),
    ]


def test_rank_weighted_uses_project_criteria():
    project = project_with(
        req("a", criteria_scores={"x": 10, "y": 90}),  # (1×10 + 3×90) ÷ 4 = 280 ÷ 4 = 70
        req("b", criteria_scores={"x": 90, "y": 10}),  # (1×90 + 3×10) ÷ 4 = 120 ÷ 4 = 30
        framework="weighted",
        criteria={"x": 1, "y": 3},
    )
    assert [(r.requirement.title, r.score.value) for r in prio.rank(project)] == [("a", 70), ("b", 30)]


@given(
    st.lists(
        st.tuples(
            st.none() | st.floats(0, 1000),
            st.none() | st.floats(0, 3),
            st.none() | st.floats(0, 100),
            st.none() | st.floats(0, 50),
        ),
        max_size=12,
    )
)
def test_rank_is_sorted_and_complete(rows):
    reqs = [
        req(f"r{i}", rice_reach=a, rice_impact=b, rice_confidence=c, effort=d) for i, (a, b, c, d) in enumerate(rows)
    ]
    ranked = prio.rank(project_with(*reqs))
    assert len(ranked) == len(reqs)
    values = [r.score.value for r in ranked if r.rank is not None]
    assert values == sorted(values, reverse=True)
    ranks = [r.rank for r in ranked]
    assert all(r is None for r in ranks[len(values) :])
    for position, r in enumerate(ranks[: len(values)], start=1):
        assert r is not None and 1 <= r <= position
