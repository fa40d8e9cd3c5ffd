"""Prioritisation frameworks and ranking, against hand-computed values."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap_desktop.domain import prioritisation as prio
from roadmap_desktop.domain.project import FRAMEWORKS, Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.wording import wording


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


# -- breakdowns in English and Chinese: the same numbers, the words of the language ------------------------

BOTH_LANGUAGES = [
    (
        "rice",
        {"rice_reach": 500, "rice_impact": 2, "rice_confidence": 80, "effort": 4},
        200,  # 500 × 2 × 0.8 ÷ 4
        "reach 500 × impact 2 × confidence 80 % ÷ effort 4 = 200",
        "覆盖面 500 × 影响 2 × 信心 80 % ÷ 工作量 4 = 200",
    ),
    (
        "ice",
        {"ice_impact": 8, "ice_confidence": 7, "ice_ease": 5},
        280,
        "impact 8 × confidence 7 × ease 5 = 280",
        "影响 8 × 信心 7 × 易行度 5 = 280",
    ),
    (
        "wsjf",
        {"wsjf_value": 40, "wsjf_time": 20, "wsjf_risk": 10, "wsjf_size": 7},
        10,  # 70 ÷ 7
        "(value 40 + time criticality 20 + risk reduction 10) ÷ job size 7 = 10",
        "（业务价值 40 + 时间紧迫性 20 + 风险降低 10）÷ 工作规模 7 = 10",
    ),
    ("moscow", {"moscow": "must"}, 4, "must have (4 of 4)", "必须有（4/4）"),
    ("moscow", {"moscow": "wont"}, 1, "won't have (1 of 4)", "不会有（1/4）"),
    ("votes", {"votes": 4}, 4, "4 dot votes", "4 票"),
    ("votes", {"votes": 1}, 1, "1 dot vote", "1 票"),
    (
        "value_effort",
        {"value": 8, "effort": 2},
        4,
        "value 8 ÷ effort 2 = 4; quick win (value ≥ 5, effort ≤ 4)",
        "价值 8 ÷ 工作量 2 = 4；速赢（价值 ≥ 5，工作量 ≤ 4）",
    ),
    (
        "value_effort",
        {"value": 3, "effort": 6},
        0.5,
        "value 3 ÷ effort 6 = 0.5; money pit (value < 5, effort > 4)",
        "价值 3 ÷ 工作量 6 = 0.5；耗时陷阱（价值 < 5，工作量 > 4）",
    ),
    (
        "weighted",
        {"criteria_scores": {"Revenue": 80, "Strategic fit": 40}},
        70,  # (240 + 40) ÷ 4
        "(3 × Revenue 80 + 1 × Strategic fit 40) ÷ 4 = 70",
        "（3 × Revenue 80 + 1 × Strategic fit 40）÷ 4 = 70",
    ),
]


@pytest.mark.parametrize(("framework", "values", "expected", "english", "chinese"), BOTH_LANGUAGES)
def test_breakdown_in_both_languages(framework, values, expected, english, chinese):
    criteria = {"Revenue": 3, "Strategic fit": 1}
    en = prio.score(req(**values), framework, criteria, threshold=4)
    zh = prio.score(req(**values), framework, criteria, threshold=4, language="zh")
    assert en == prio.score(req(**values), framework, criteria, threshold=4, language="en")  # "en" is the default
    assert en.value == zh.value == pytest.approx(expected)
    assert (en.breakdown, zh.breakdown) == (english, chinese)
    assert en.category == zh.category  # the category stays the English code; shown_category is translated
    assert not re.search("[A-Za-z]{3,}", zh.breakdown.replace("Revenue", "").replace("Strategic fit", ""))


def test_framework_functions_take_the_language_too():
    assert prio.rice(req(rice_reach=1, rice_impact=1, rice_confidence=100, effort=1), "zh").breakdown.startswith(
        "覆盖面 1"
    )
    assert (
        prio.ice(req(ice_impact=1, ice_confidence=1, ice_ease=1), language="zh").breakdown
        == "影响 1 × 信心 1 × 易行度 1 = 1"
    )
    assert prio.votes(req(votes=12), "zh_CN").breakdown == "12 票"  # the interface's code works as well
    assert prio.value_effort(req(value=9, effort=8), 4, "zh").shown_category == "大投入"
    assert prio.value_effort(req(value=2, effort=1), 4, "zh").shown_category == "填充项"
    assert prio.moscow(req(moscow="should"), "zh").shown_category == "应该有"
    assert prio.moscow(req(moscow="should")).shown_category == "should have"
    assert prio.weighted(req(criteria_scores={"A": 50}), {"A": 2}, "zh").breakdown == "（2 × A 50）÷ 2 = 50"


@pytest.mark.parametrize(
    ("framework", "values", "english", "chinese"),
    [
        ("rice", {"rice_reach": 10}, "missing Impact, Confidence %, Effort (weeks)", "缺少影响、信心 %、工作量（周）"),
        ("ice", {"ice_impact": 8}, "missing ICE confidence, ICE ease", "缺少 ICE 信心、ICE 易行度"),
        (
            "wsjf",
            {"wsjf_value": 1},
            "missing WSJF time criticality",
            "缺少 WSJF 时间紧迫性、WSJF 风险降低、WSJF 工作规模",
        ),
        ("moscow", {"moscow": ""}, "missing MoSCoW", "缺少 MoSCoW"),
        ("votes", {}, "missing Votes", "缺少票数"),
        ("value_effort", {"effort": 2}, "missing Value (1-10)", "缺少价值（1-10）"),
        ("weighted", {"criteria_scores": {"Revenue": 1}}, "missing Strategic fit", "缺少 Strategic fit"),
    ],
)
def test_unscored_reasons_name_the_missing_fields_in_both_languages(framework, values, english, chinese):
    criteria = {"Revenue": 3, "Strategic fit": 1}
    en = prio.score(req(**values), framework, criteria)
    zh = prio.score(req(**values), framework, criteria, language="zh")
    assert en.value is None and zh.value is None
    assert english in en.reason and en.breakdown == "not scored: " + en.reason
    assert zh.reason.startswith(chinese)
    assert zh.breakdown == "未评分：" + zh.reason
    assert zh.missing == en.missing  # the English labels stay, for the command line's JSON


def test_invalid_inputs_in_chinese():
    rice = prio.rice(req(rice_reach=100, rice_impact=1, rice_confidence=100, effort=0), "zh")
    assert rice.value is None and rice.breakdown == "未评分：工作量为 0，RICE 需要除以工作量"
    assert "工作规模为 0" in prio.wsjf(req(wsjf_value=1, wsjf_time=1, wsjf_risk=1, wsjf_size=0), "zh").reason
    assert "工作量为 0" in prio.value_effort(req(value=5, effort=0), language="zh").reason
    assert prio.weighted(req(), {}, "zh").reason == "项目没有权重大于 0 的加权评分标准"
    # a missing field and nothing invalid: one part; both never meet, but they would join with "；"
    both = prio.Score(None, missing_fields=("rice_impact",), invalid_id="rice_zero", language="zh")
    assert both.reason == "缺少影响；工作量为 0，RICE 需要除以工作量"


def test_rank_in_chinese_keeps_order_and_numbers():
    reqs = [
        req("A", rice_reach=100, rice_impact=1, rice_confidence=100, effort=1),
        req("B", rice_reach=400, rice_impact=1, rice_confidence=50, effort=1),
        req("C", rice_reach=10),
    ]
    en, zh = prio.rank(project_with(*reqs)), prio.rank(project_with(*reqs), language="zh")
    assert [(r.rank, r.requirement.title, r.score.value) for r in en] == [
        (r.rank, r.requirement.title, r.score.value) for r in zh
    ]
    assert [r.score.breakdown for r in zh] == [
        "覆盖面 400 × 影响 1 × 信心 50 % ÷ 工作量 1 = 200",
        "覆盖面 100 × 影响 1 × 信心 100 % ÷ 工作量 1 = 100",
        "未评分：缺少影响、信心 %、工作量（周）",
    ]


def test_field_labels_in_the_wording_catalogs_are_the_interfaces():
    """The scores' field names are the columns' English labels, and in Chinese the interface catalog's
    translation (context "Fields"), so a reason names a field as its column does."""
    catalog = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "roadmap_desktop_zh_CN.ts"
    fields = next(c for c in ET.parse(catalog).getroot() if c.findtext("name") == "Fields")
    translations = {m.findtext("source"): m.findtext("translation") for m in fields.findall("message")}
    en, zh = wording("en"), wording("zh")
    for key in en.keys("field."):
        name = key.removeprefix("field.")
        assert en[key] == Requirement.spec(name).label, name
        assert translations[Requirement.spec(name).label] == zh[key], name
    for code, english in prio.MOSCOW_LABELS.items():
        assert en[f"score.category.{code}"] == english
        assert translations[english.capitalize()] == zh[f"score.category.{code}"]
