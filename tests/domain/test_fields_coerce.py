"""Edge cases of fields.coerce: the single gate every stored value goes through."""

from __future__ import annotations

import datetime as dt
import functools
import math

import pytest

from roadmap_desktop.domain.fields import (
    MAX_LIST,
    MAX_TEXT,
    FieldKind,
    FieldSpec,
    FieldValueError,
    coerce,
    coercer,
    format_value,
    parse_num_map,
)

TITLE = FieldSpec("title", "Title", FieldKind.TEXT, required=True)
OWNER = FieldSpec("owner", "Owner", FieldKind.TEXT)
NOTES = FieldSpec("notes", "Notes", FieldKind.LONG_TEXT)
LIKELIHOOD = FieldSpec("likelihood", "Likelihood", FieldKind.INT, minimum=1, maximum=5, required=True)
CAPACITY = FieldSpec("capacity", "Capacity", FieldKind.INT, minimum=1, maximum=1000)
EFFORT = FieldSpec("effort", "Effort", FieldKind.FLOAT, minimum=0, maximum=10_000)
IMPACT = FieldSpec("impact", "Impact", FieldKind.FLOAT, minimum=0, maximum=3)
STATUS = FieldSpec("status", "Status", FieldKind.CHOICE, ("open", "closed"))
LEVER = FieldSpec("lever", "Lever", FieldKind.CHOICE, ("", "ux"))
START = FieldSpec("start", "Start", FieldKind.DATE)
MILESTONE = FieldSpec("milestone", "Milestone", FieldKind.BOOL)
TAGS = FieldSpec("tags", "Tags", FieldKind.TEXT_LIST)
LANE = FieldSpec("lane_id", "Lane", FieldKind.REF, ref_kind="lane")
DEPENDS = FieldSpec("depends_on", "Depends on", FieldKind.REFS, ref_kind="item")
WEIGHTS = FieldSpec("criteria", "Criteria", FieldKind.NUM_MAP, minimum=0, maximum=100)


def rejects(spec: FieldSpec, value: object, reason: str) -> None:
    with pytest.raises(FieldValueError) as caught:
        coerce(spec, value)
    message = str(caught.value)
    assert message.startswith(f"{spec.label}: "), f"the message must name the field: {message!r}"
    assert reason in message, message


# -- numbers -----------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [math.nan, -math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("spec", [EFFORT, CAPACITY, LIKELIHOOD])
def test_non_finite_numbers_are_refused(spec, value):
    rejects(spec, value, "expected a finite number")


@pytest.mark.parametrize("value", [True, False])
@pytest.mark.parametrize("spec", [LIKELIHOOD, CAPACITY, EFFORT])
def test_bools_are_not_numbers(spec, value):
    rejects(spec, value, "expected a number")


@pytest.mark.parametrize("value", ["3", b"3", [3], object()])
def test_non_numbers_are_refused(value):
    rejects(LIKELIHOOD, value, "expected a number")
    rejects(EFFORT, value, "expected a number")


def test_whole_floats_become_ints_and_fractions_are_refused():
    assert coerce(LIKELIHOOD, 4.0) == 4
    assert type(coerce(LIKELIHOOD, 4.0)) is int
    rejects(LIKELIHOOD, 2.5, "expected a whole number")


def test_ints_become_floats_in_float_fields():
    assert coerce(EFFORT, 3) == 3.0
    assert type(coerce(EFFORT, 3)) is float


@pytest.mark.parametrize(
    ("spec", "low", "high"), [(LIKELIHOOD, 1, 5), (CAPACITY, 1, 1000), (EFFORT, 0, 10_000), (IMPACT, 0, 3)]
)
def test_bounds_are_inclusive(spec, low, high):
    assert coerce(spec, low) == low
    assert coerce(spec, high) == high
    rejects(spec, low - 1, f"must be at least {low}")
    rejects(spec, high + 1, f"must be at most {high}")
    if spec.kind is FieldKind.FLOAT:
        rejects(spec, math.nextafter(high, math.inf), f"must be at most {high}")


def test_empty_numbers_only_where_optional():
    assert coerce(CAPACITY, None) is None
    assert coerce(EFFORT, None) is None
    rejects(LIKELIHOOD, None, "expected a number")


def test_huge_int_in_int_field_is_a_range_error():
    rejects(CAPACITY, 10**400, "must be at most 1000")


def test_huge_int_in_float_field_is_a_field_error():
    # float(10**400) raises OverflowError; a project file holding such a number must be refused
    # with a FieldValueError naming the field (a ValueError for the loader), not crash it.
    rejects(EFFORT, 10**400, "")
    rejects(EFFORT, -(10**400), "")


# -- text --------------------------------------------------------------------------------------
def test_one_line_text_collapses_whitespace_and_long_text_keeps_it():
    assert coerce(OWNER, "  Ada \t\n Lovelace  ") == "Ada Lovelace"
    assert coerce(NOTES, "  line 1\n\n  line 2 ") == "  line 1\n\n  line 2 "


@pytest.mark.parametrize("value", ["", "   ", "\t\n", "\u3000"])
def test_required_title_may_not_be_blank(value):
    rejects(TITLE, value, "may not be empty")
    assert coerce(OWNER, value) == ""


@pytest.mark.parametrize("spec", [TITLE, NOTES])
def test_text_length_limit(spec):
    assert coerce(spec, "x" * MAX_TEXT) == "x" * MAX_TEXT
    rejects(spec, "x" * (MAX_TEXT + 1), f"longer than {MAX_TEXT} characters")


def test_one_line_text_is_measured_after_collapsing():
    assert coerce(OWNER, "x " * (MAX_TEXT // 2)) == " ".join(["x"] * (MAX_TEXT // 2))


@pytest.mark.parametrize("value", [None, 1, ["a"], b"bytes"])
def test_text_must_be_a_string(value):
    rejects(OWNER, value, "expected text")
    rejects(NOTES, value, "expected text")


# -- choices, bools, dates -----------------------------------------------------------------------
def test_choices():
    assert coerce(STATUS, "closed") == "closed"
    assert coerce(LEVER, "") == ""
    rejects(STATUS, "", "must be one of open, closed")
    rejects(STATUS, "Closed", "must be one of")
    rejects(LEVER, None, 'must be one of "", ux')


@pytest.mark.parametrize("value", [1, 0, "true", None])
def test_bools_must_be_bools(value):
    rejects(MILESTONE, value, "expected true or false")


def test_dates():
    assert coerce(START, dt.date(2024, 2, 29)) == dt.date(2024, 2, 29)
    assert coerce(START, "2024-02-29") == dt.date(2024, 2, 29)
    assert coerce(START, None) is None
    assert coerce(START, "") is None
    rejects(START, "2023-02-29", "YYYY-MM-DD")
    rejects(START, "29/02/2024", "YYYY-MM-DD")
    rejects(START, 20240229, "YYYY-MM-DD")
    rejects(START, "20240229", "YYYY-MM-DD")  # date.fromisoformat takes it since 3.11
    rejects(START, "2024-W09-4", "YYYY-MM-DD")
    rejects(START, dt.datetime(2024, 2, 29, 12, 0), "without a time")


# -- lists and links -----------------------------------------------------------------------------
def test_text_lists_are_cleaned_and_deduplicated_in_order():
    assert coerce(TAGS, ["b", " a ", "b", "", "  ", "a", "x  y", "x y"]) == ["b", "a", "x y"]
    assert coerce(TAGS, ("t",)) == ["t"]
    assert coerce(DEPENDS, ["i1", "i2", "i1"]) == ["i1", "i2"]


def test_text_lists_return_a_fresh_list():
    original = ["a"]
    stored = coerce(TAGS, original)
    stored.append("b")
    assert original == ["a"]


def test_text_list_limits():
    assert len(coerce(TAGS, [f"t{i}" for i in range(MAX_LIST)])) == MAX_LIST
    rejects(TAGS, [f"t{i}" for i in range(MAX_LIST + 1)], f"more than {MAX_LIST} entries")
    rejects(TAGS, ["x" * (MAX_TEXT + 1)], "longer than")


@pytest.mark.parametrize("value", ["a; b", None, {"a"}])
def test_lists_must_be_lists(value):
    rejects(TAGS, value, "expected a list")
    rejects(DEPENDS, value, "expected a list")


def test_list_entries_must_be_text():
    rejects(TAGS, ["a", 1], "expected a list of text")
    rejects(DEPENDS, [None], "expected a list of text")


def test_single_links():
    assert coerce(LANE, "") == ""
    assert coerce(LANE, "lane-1") == "lane-1"
    rejects(LANE, None, "expected an id")
    rejects(LANE, ["lane-1"], "expected an id")


def test_every_kind_is_handled():
    specs = [TITLE, NOTES, LIKELIHOOD, EFFORT, STATUS, START, MILESTONE, TAGS, LANE, DEPENDS, WEIGHTS]
    assert {spec.kind for spec in specs} == set(FieldKind)


def test_number_maps_normalise_names_and_bound_values():
    assert coerce(WEIGHTS, {"  Revenue  growth ": 3, "Fit": 2.5}) == {"Revenue growth": 3.0, "Fit": 2.5}
    rejects(WEIGHTS, {"Fit": 101}, "Criteria: Fit: must be at most 100")
    rejects(WEIGHTS, {"Fit": -1}, "Criteria: Fit: must be at least 0")
    rejects(WEIGHTS, {" ": 1}, "Criteria: every entry needs a name")
    rejects(WEIGHTS, {"Fit": "2"}, "Criteria: Fit: expected a number")
    rejects(WEIGHTS, {"Fit": True}, "Criteria: Fit: expected a number")
    rejects(WEIGHTS, {"Fit": float("inf")}, "Criteria: Fit: expected a finite number")
    rejects(WEIGHTS, ["Fit"], "Criteria: expected a mapping of names to numbers")
    rejects(WEIGHTS, {str(n): 1 for n in range(101)}, "Criteria: more than 100 entries")


def test_number_maps_parse_from_typed_lines():
    assert parse_num_map("Revenue: 3\nStrategic fit = 2,5; Cost:1") == {
        "Revenue": 3.0,
        "Strategic fit": 2.5,
        "Cost": 1.0,
    }
    assert format_value(WEIGHTS, {"Revenue": 3.0, "Fit": 2.5}) == "Revenue: 3; Fit: 2.5"
    with pytest.raises(FieldValueError, match="'Revenue': write it as name: number"):
        parse_num_map("Revenue")
    with pytest.raises(FieldValueError, match="'a: lots': 'lots' is not a number"):
        parse_num_map("a: lots")


# -- coercer(): the per-field fast form the loader uses must agree with coerce exactly -------------

_SAMPLES: list[object] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    3,
    5,
    6,
    1000,
    1001,
    10**30,
    -(10**30),
    0.0,
    2.0,
    2.5,
    -0.5,
    99.9,
    100.0,
    1e308,
    math.inf,
    -math.inf,
    math.nan,
    "",
    " ",
    "  a  b ",
    "x",
    "x" * MAX_TEXT,
    "x" * (MAX_TEXT + 1),
    " " + "y" * MAX_TEXT + " ",
    "open",
    "closed",
    "ux",
    "Open",
    "2024-02-29",
    "2024-02-30",
    "20240101",
    "a\nb",
    [],
    ["a"],
    ["a", "a", ""],
    [1],
    (),
    {},
    {"x": 1},
    {"": 1},
    {"x": math.nan},
    {"x": True},
    dt.date(2024, 1, 1),
    dt.datetime(2024, 1, 1),
]


def _outcome(function, value: object) -> tuple[str, object]:
    try:
        result = function(value)
    except FieldValueError as exc:
        return ("error", str(exc))
    return ("value", (type(result), result if result == result else "nan"))


@pytest.mark.parametrize(
    "spec",
    [
        TITLE,
        OWNER,
        NOTES,
        LIKELIHOOD,
        CAPACITY,
        EFFORT,
        IMPACT,
        STATUS,
        LEVER,
        START,
        MILESTONE,
        TAGS,
        LANE,
        DEPENDS,
        WEIGHTS,
    ],
    ids=lambda spec: spec.name,
)
def test_coercer_agrees_with_coerce(spec: FieldSpec) -> None:
    fast = coercer(spec)
    for value in _SAMPLES:
        assert _outcome(fast, value) == _outcome(functools.partial(coerce, spec), value), (spec.name, value)


def test_coercer_agrees_with_coerce_for_every_entity_field() -> None:
    from roadmap_desktop.domain.project import ENTITY_TYPES

    for cls in ENTITY_TYPES.values():
        for spec in cls.FIELDS:
            fast = coercer(spec)
            for value in _SAMPLES + list(spec.choices):
                assert _outcome(fast, value) == _outcome(functools.partial(coerce, spec), value), (
                    cls.KIND,
                    spec.name,
                    value,
                )
