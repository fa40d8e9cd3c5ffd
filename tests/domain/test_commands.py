"""Undoable commands: every command's inverse restores the project exactly, the inverse of the
inverse redoes it exactly, links never dangle, and the change events let a view mirror the
project. Random command sequences (hypothesis) plus worked examples of the link rules."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from roadmap_desktop.domain.commands import (
    InsertEntity,
    Macro,
    RemoveEntity,
    SetField,
    delete_entities,
    duplicate_entities,
    set_fields,
)
from roadmap_desktop.domain.entity import Entity
from roadmap_desktop.domain.fields import MAX_LIST, MAX_TEXT, FieldKind, FieldSpec, FieldValueError, coerce
from roadmap_desktop.domain.project import COLLECTIONS, ENTITY_TYPES, Project, ProjectEvent
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import Lane, TimelineItem
from roadmap_desktop.persistence.serialize import project_to_dict

K = FieldKind
KINDS = tuple(COLLECTIONS)
RANDOM = settings(
    max_examples=100,
    deadline=None,  # CI machines are slow and shared
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- helpers -----------------------------------------------------------------------------------
def snapshot(project: Project) -> dict:
    return project_to_dict(project)


def check_valid(project: Project) -> None:
    """validate() passes and has nothing left to normalise (every stored value is already coerced)."""
    before = snapshot(project)
    project.validate()
    assert snapshot(project) == before, "validate() changed a stored value: it was stored uncoerced"


class Mirror:
    """A view that knows the project only through its events, as the Qt models do."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.ids = {kind: self.actual(kind) for kind in KINDS}
        self.pending: ProjectEvent | None = None
        self.events: list[ProjectEvent] = []
        project.subscribe(self)

    def actual(self, kind: str) -> list[str]:
        return [entity.id for entity in self.project.collection(kind)]

    def __call__(self, event: ProjectEvent) -> None:
        self.events.append(event)
        kind, index = event.kind, event.index
        if event.type in ("about_to_insert", "about_to_remove"):
            assert self.pending is None, f"{event} while {self.pending} is unfinished"
            assert self.actual(kind) == self.ids[kind], f"{event} came after the change"
            limit = len(self.ids[kind]) + (event.type == "about_to_insert")
            assert 0 <= index < limit, f"{event}: index out of range"
            self.pending = event
        elif event.type in ("inserted", "removed"):
            opening = {"inserted": "about_to_insert", "removed": "about_to_remove"}[event.type]
            expected = ProjectEvent(opening, kind, index)
            assert self.pending == expected, f"{event} after {self.pending}"
            self.pending = None
            if event.type == "inserted":
                self.ids[kind].insert(index, self.project.collection(kind)[index].id)
            else:
                self.ids[kind].pop(index)
            assert self.actual(kind) == self.ids[kind], f"{event} does not match the change"
        elif event.type == "changed":
            assert self.pending is None, f"{event} while {self.pending} is unfinished"
            if kind == "project":
                assert index == -1
                entity: Entity = self.project.info
            else:
                entity = self.project.collection(kind)[index]
            assert event.field in {spec.name for spec in entity.FIELDS}, event
        else:
            raise AssertionError(f"unknown event {event}")

    def check(self) -> None:
        assert self.pending is None
        assert self.ids == {kind: self.actual(kind) for kind in KINDS}


def ids_of(project: Project, kind: str) -> list[str]:
    return [entity.id for entity in project.collection(kind)]


# -- strategies --------------------------------------------------------------------------------
ONE_LINE = st.text(st.characters(codec="utf-8"), max_size=24)
SOME_TEXT = ONE_LINE.filter(lambda text: bool(text.split()))


def valid_value(spec: FieldSpec, project: Project) -> st.SearchStrategy:
    """Any value coerce accepts for ``spec``, links only to entities that exist."""
    kind, low, high = spec.kind, spec.minimum, spec.maximum
    optional = st.none() if not spec.required else st.nothing()
    if kind is K.TEXT:
        return SOME_TEXT if spec.required else ONE_LINE
    if kind is K.LONG_TEXT:
        return st.text(st.characters(codec="utf-8"), max_size=80)
    if kind is K.INT:
        whole = st.integers(int(low), int(high))
        return whole | whole.map(float) | optional
    if kind is K.FLOAT:
        return st.floats(low, high, allow_nan=False) | st.integers(int(low), int(min(high, 10**6))) | optional
    if kind is K.CHOICE:
        return st.sampled_from(spec.choices)
    if kind is K.DATE:
        day = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
        return st.none() | st.just("") | day | day.map(dt.date.isoformat)
    if kind is K.BOOL:
        return st.booleans()
    if kind is K.TEXT_LIST:
        return st.lists(ONE_LINE, max_size=5)
    if kind is K.NUM_MAP:
        return st.dictionaries(SOME_TEXT, st.integers(int(low), int(high)) | st.floats(low, high), max_size=4)
    ids = ids_of(project, spec.ref_kind)
    if kind is K.REF:
        return st.sampled_from(["", *ids])
    if kind is K.REFS:
        return st.lists(st.sampled_from(ids), max_size=4) if ids else st.just([])
    raise AssertionError(kind)


def invalid_value(spec: FieldSpec) -> st.SearchStrategy:
    """Values coerce must refuse for ``spec``."""
    kind, low, high = spec.kind, spec.minimum, spec.maximum
    too_long = "x" * (MAX_TEXT + 1)
    junk = st.sampled_from([object(), b"bytes", {"a": 1}])
    if kind in (K.TEXT, K.LONG_TEXT):
        blank = st.sampled_from(["", "  ", "\n"]) if spec.required and kind is K.TEXT else st.nothing()
        return st.integers() | st.none() | st.just(too_long) | blank | junk
    if kind in (K.INT, K.FLOAT):
        out_of_range = st.sampled_from([low - 1, high + 1, high * 2 + 1])
        fraction = st.just(low + 0.5) if kind is K.INT else st.nothing()
        empty = st.none() if spec.required else st.nothing()
        specials = st.sampled_from([float("nan"), float("inf"), float("-inf"), True, False, "3"])
        return out_of_range | fraction | empty | specials | junk
    if kind is K.CHOICE:
        return SOME_TEXT.filter(lambda text: text not in spec.choices) | st.none() | junk
    if kind is K.DATE:
        outside = [dt.date.min, dt.date(1899, 12, 31), dt.date(2201, 1, 1), dt.date.max, "0001-01-01", "9999-12-31"]
        return st.sampled_from(["2023-02-29", "soon", "31/12/2024", 20240101, dt.datetime(2024, 1, 1), *outside]) | junk
    if kind is K.BOOL:
        return st.sampled_from([0, 1, "yes", None]) | junk
    if kind is K.TEXT_LIST:
        return st.sampled_from(["a; b", None, [1], ["ok", None], ["x"] * (MAX_LIST + 1), [too_long]]) | junk
    if kind is K.NUM_MAP:
        return st.sampled_from([None, ["a"], {"a": "1"}, {"": 1}, {"a": high + 1}, {"a": float("nan")}])
    if kind is K.REF:
        return st.sampled_from([None, 7, ["id"]]) | junk
    if kind is K.REFS:
        return st.sampled_from(["id", None, [7], ("a", None)]) | junk
    raise AssertionError(kind)


class Ids:
    """Deterministic ids for new entities, so hypothesis replays examples exactly."""

    def __init__(self) -> None:
        self.counter = itertools.count()

    def __call__(self, kind: str) -> str:
        return f"{kind}-{next(self.counter)}"


@st.composite
def new_entity(draw, project: Project, kind: str, make_id: Ids) -> Entity:
    entity = ENTITY_TYPES[kind](id=make_id(kind))
    for spec in entity.FIELDS:
        if draw(st.booleans()):
            setattr(entity, spec.name, coerce(spec, draw(valid_value(spec, project))))
    return entity


def some_entity(draw, project: Project, kinds=("project", *KINDS)) -> tuple[str, Entity] | None:
    kinds = [k for k in kinds if k == "project" or project.collection(k)]
    if not kinds:
        return None
    kind = draw(st.sampled_from(kinds))
    entity = project.info if kind == "project" else draw(st.sampled_from(project.collection(kind)))
    return kind, entity


@st.composite
def command(draw, project: Project, make_id: Ids):
    """One valid command for the project as it stands, the way the UI would build it."""
    action = draw(st.sampled_from(["set", "set", "set_fields", "insert", "insert", "delete", "duplicate"]))
    populated = [kind for kind in KINDS if project.collection(kind)]
    if action in ("delete", "duplicate") and populated:
        kind = draw(st.sampled_from(populated))
        ids = draw(st.lists(st.sampled_from(ids_of(project, kind)), min_size=1, max_size=3, unique=True))
        note(f"{action} {kind} {ids}")
        return (delete_entities if action == "delete" else duplicate_entities)(project, kind, ids)
    if action == "insert" or action in ("delete", "duplicate"):
        kind = draw(st.sampled_from(KINDS))
        size = len(project.collection(kind))
        index = draw(st.none() | st.integers(-2, size + 2))
        entity = draw(new_entity(project, kind, make_id))
        note(f"insert {kind} {entity.id} at {index}")
        return InsertEntity(kind, entity, index)
    kind, entity = some_entity(draw, project)
    if action == "set":
        spec = draw(st.sampled_from(entity.FIELDS))
        value = draw(valid_value(spec, project))
        note(f"set {kind} {entity.id}.{spec.name} = {value!r}")
        return SetField(kind, entity.id, spec.name, value)
    specs = draw(st.lists(st.sampled_from(entity.FIELDS), min_size=1, max_size=4, unique_by=lambda s: s.name))
    values = {spec.name: draw(valid_value(spec, project)) for spec in specs}
    note(f"set_fields {kind} {entity.id} {values!r}")
    return set_fields(kind, entity.id, values, "Edit several")


REFUSALS = (FieldValueError, KeyError)  # what a refused command raises


@st.composite
def failing_command(draw, project: Project):
    """A command that must fail on the project as it stands, changing nothing."""
    kind, entity = some_entity(draw, project)
    choice = draw(st.sampled_from(["bad value", "bad value", "bad field", "missing entity", "missing remove"]))
    if choice == "bad value":
        spec = draw(st.sampled_from(entity.FIELDS))
        value = draw(invalid_value(spec))
        note(f"failing: set {kind}.{spec.name} = {value!r}"[:200])
        return SetField(kind, entity.id, spec.name, value)
    if choice == "bad field":
        return SetField(kind, entity.id, "no_such_field", "x")
    other = draw(st.sampled_from(KINDS))
    if choice == "missing entity":
        return SetField(other, "no-such-id", ENTITY_TYPES[other].FIELDS[0].name, "x")
    return RemoveEntity(other, "no-such-id")


@st.composite
def projects(draw, make_id: Ids) -> Project:
    """A project with some entities and links, built through commands."""
    project = Project.new() if draw(st.booleans()) else Project()
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(KINDS))
        InsertEntity(kind, draw(new_entity(project, kind, make_id))).apply(project)
    return project


# -- properties --------------------------------------------------------------------------------
@RANDOM
@given(st.data())
def test_random_commands_undo_and_redo_exactly(data):
    make_id = Ids()
    project = data.draw(projects(make_id), label="project")
    mirror = Mirror(project)
    start = snapshot(project)
    history: list[tuple[dict, dict, object]] = []  # (before, after, undo command)
    for _ in range(data.draw(st.integers(1, 15), label="steps")):
        cmd = data.draw(command(project, make_id))
        before = snapshot(project)
        undo = cmd.apply(project)
        after = snapshot(project)
        check_valid(project)
        mirror.check()

        redo = undo.apply(project)  # the inverse restores the project exactly ...
        assert snapshot(project) == before
        check_valid(project)
        mirror.check()

        undo = redo.apply(project)  # ... and the inverse of the inverse redoes it exactly
        assert snapshot(project) == after
        check_valid(project)
        mirror.check()
        history.append((before, after, undo))

    # An undo stack: undo everything, then redo everything, one step at a time.
    redos = []
    for before, _after, undo in reversed(history):
        redos.append(undo.apply(project))
        assert snapshot(project) == before
        mirror.check()
    assert snapshot(project) == start
    for (_before, after, _undo), redo in zip(history, reversed(redos), strict=True):
        redo.apply(project)
        assert snapshot(project) == after
        mirror.check()
    check_valid(project)


@RANDOM
@given(st.data())
def test_macro_rolls_back_when_a_later_command_fails(data):
    make_id = Ids()
    project = data.draw(projects(make_id), label="project")
    start = snapshot(project)
    # Build a valid sequence against the evolving project, then undo it to get back to the start.
    forward, undos = [], []
    for _ in range(data.draw(st.integers(0, 6), label="valid commands")):
        cmd = data.draw(command(project, make_id))
        undos.append(cmd.apply(project))
        forward.append(cmd)
    end = snapshot(project)
    failing = data.draw(failing_command(project))
    for undo in reversed(undos):
        undo.apply(project)
    assert snapshot(project) == start

    mirror = Mirror(project)
    with pytest.raises(REFUSALS):
        Macro("Doomed", [*forward, failing]).apply(project)
    assert snapshot(project) == start, "a failed macro left changes behind"
    check_valid(project)
    mirror.check()

    nested = Macro("Outer", [Macro("Inner", list(forward)), failing])
    with pytest.raises(REFUSALS):
        nested.apply(project)
    assert snapshot(project) == start, "a failed nested macro left changes behind"
    mirror.check()

    undo = Macro("Whole", forward).apply(project)  # the same commands as one undo step
    assert snapshot(project) == end
    undo.apply(project)
    assert snapshot(project) == start
    mirror.check()


@RANDOM
@given(st.data())
def test_a_refused_value_changes_nothing_and_emits_nothing(data):
    make_id = Ids()
    project = data.draw(projects(make_id), label="project")
    kind, entity = some_entity(data.draw, project)
    spec = data.draw(st.sampled_from(entity.FIELDS))
    value = data.draw(invalid_value(spec), label="value")
    before = snapshot(project)
    mirror = Mirror(project)
    with pytest.raises(FieldValueError) as caught:
        SetField(kind, entity.id, spec.name, value).apply(project)
    assert str(caught.value).startswith(f"{entity.KIND} {entity.display_name()!r}: {spec.label}")
    assert snapshot(project) == before
    assert mirror.events == []


@RANDOM
@given(st.data())
def test_delete_removes_every_link_in_one_step(data):
    make_id = Ids()
    project = data.draw(projects(make_id), label="project")
    populated = [kind for kind in KINDS if project.collection(kind)]
    if not populated:
        return
    kind = data.draw(st.sampled_from(populated), label="kind")
    doomed = data.draw(st.lists(st.sampled_from(ids_of(project, kind)), min_size=1, unique=True), label="ids")
    before = snapshot(project)
    undo = delete_entities(project, kind, doomed).apply(project)
    assert isinstance(undo, Macro)
    assert not set(doomed) & set(ids_of(project, kind))
    for gone in doomed:
        assert list(project.references_to(kind, gone)) == []
    check_valid(project)
    undo.apply(project)
    assert snapshot(project) == before


# -- worked examples -----------------------------------------------------------------------------
def small_project() -> Project:
    project = Project.new()
    lane_a, lane_b = project.lanes[0], project.lanes[1]
    items = [
        TimelineItem(id="i1", title="Collect data", lane_id=lane_a.id),
        TimelineItem(id="i2", title="Train", lane_id=lane_a.id, depends_on=["i1"]),
        TimelineItem(id="i3", title="Ship", lane_id=lane_b.id, depends_on=["i1", "i2"]),
    ]
    risks = [
        Risk(id="r1", title="Data licence", item_ids=["i1"]),
        Risk(id="r2", title="GPU shortage", item_ids=["i2", "i3"]),
    ]
    requirements = [
        Requirement(id="q1", title="Chat", risk_ids=["r1", "r2"], item_ids=["i2"]),
        Requirement(id="q2", title="Search", risk_ids=["r1"]),
        Requirement(id="q3", title="Export", risk_ids=["r2"]),
    ]
    project.items, project.risks, project.requirements = items, risks, requirements
    project.validate()
    return project


def test_deleting_a_risk_unlinks_requirements_in_the_same_undo_step():
    project = small_project()
    before = snapshot(project)
    undo = delete_entities(project, "risk", ["r1"]).apply(project)
    assert ids_of(project, "risk") == ["r2"]
    assert [q.risk_ids for q in project.requirements] == [["r2"], [], ["r2"]]
    project.validate()
    undo.apply(project)  # one undo brings back the risk and every link to it, in order
    assert snapshot(project) == before
    assert [q.risk_ids for q in project.requirements] == [["r1", "r2"], ["r1"], ["r2"]]


def test_deleting_a_lane_clears_its_items_lane():
    project = small_project()
    lane = project.lanes[0]
    before = snapshot(project)
    undo = delete_entities(project, "lane", [lane.id]).apply(project)
    assert [item.lane_id for item in project.items] == ["", "", project.lanes[0].id]
    assert lane.id not in ids_of(project, "lane")
    project.validate()
    undo.apply(project)
    assert snapshot(project) == before
    assert project.lanes[0] is lane


def test_deleting_items_unlinks_dependencies_risks_and_requirements():
    project = small_project()
    before = snapshot(project)
    undo = delete_entities(project, "item", ["i1", "i2"]).apply(project)
    assert ids_of(project, "item") == ["i3"]
    assert project.items[0].depends_on == []
    assert [r.item_ids for r in project.risks] == [[], ["i3"]]
    assert [q.item_ids for q in project.requirements] == [[], [], []]
    project.validate()
    undo.apply(project)
    assert snapshot(project) == before


def test_duplicates_follow_the_last_original_and_keep_outgoing_links():
    project = small_project()
    undo = duplicate_entities(project, "item", ["i2", "i1"]).apply(project)
    titles = [item.title for item in project.items]
    assert titles == ["Collect data", "Train", "Train (copy)", "Collect data (copy)", "Ship"]
    copy_of_i2 = project.items[2]
    assert copy_of_i2.id not in ("i1", "i2", "i3")
    assert copy_of_i2.depends_on == ["i1"]
    assert copy_of_i2.depends_on is not project.items[1].depends_on
    project.validate()
    undo.apply(project)
    assert ids_of(project, "item") == ["i1", "i2", "i3"]


def test_duplicating_a_very_long_title_stays_valid():
    project = Project()
    InsertEntity("requirement", Requirement(id="q", title="x" * MAX_TEXT)).apply(project)
    duplicate_entities(project, "requirement", ["q"]).apply(project)
    project.validate()  # the copy's title must still fit MAX_TEXT
    assert project.requirements[1].title.endswith(" (copy)")


def test_unknown_field_is_a_key_error():
    project = small_project()
    with pytest.raises(KeyError, match="has no field"):
        SetField("risk", "r1", "no_such_field", 1).apply(project)


@pytest.mark.parametrize(("index", "expected"), [(None, 3), (0, 0), (2, 2), (3, 3), (99, 3), (-5, 0)])
def test_insert_events_carry_the_real_index(index, expected):
    project = Project()
    project.risks = [Risk(id=f"r{n}") for n in range(3)]
    mirror = Mirror(project)
    undo = InsertEntity("risk", Risk(id="new"), index).apply(project)
    assert mirror.events == [
        ProjectEvent("about_to_insert", "risk", expected),
        ProjectEvent("inserted", "risk", expected),
    ]
    assert project.risks[expected].id == "new"
    mirror.events.clear()
    undo.apply(project)
    assert mirror.events == [
        ProjectEvent("about_to_remove", "risk", expected),
        ProjectEvent("removed", "risk", expected),
    ]
    mirror.check()


def test_set_field_events_and_labels():
    project = small_project()
    mirror = Mirror(project)
    undo = SetField("requirement", "q2", "rice_impact", 2).apply(project)
    assert mirror.events == [ProjectEvent("changed", "requirement", 1, "rice_impact")]
    assert undo == SetField("requirement", "q2", "rice_impact", None, "Edit rice impact")
    SetField("project", "ignored", "name", "  Renamed   roadmap ").apply(project)
    assert project.info.name == "Renamed roadmap"
    assert mirror.events[-1] == ProjectEvent("changed", "project", -1, "name")


def test_inverse_commands_keep_the_label():
    project = small_project()
    macro = delete_entities(project, "risk", ["r1", "r2"])
    assert macro.label == "Delete 2 risks"
    undo = macro.apply(project)
    assert undo.label == "Delete 2 risks"
    assert duplicate_entities(project, "item", ["i1"]).label == "Duplicate item"
    insert = InsertEntity("lane", Lane(id="l"))
    assert insert.apply(project).label == "Add lane"


def test_the_product_brief_is_set_and_undone_with_the_other_project_fields():
    project = small_project()
    assert project.info.brief == ""
    brief = "An offline support assistant.\n\n  For agents who answer the same questions every day.  "
    edit = set_fields("project", project.info.id, {"description": "Vision", "brief": brief}, "Edit project properties")
    undo = edit.apply(project)
    assert project.info.brief == brief  # long text: kept exactly, line breaks and spaces included
    assert project.info.description == "Vision"
    undo.apply(project)
    assert project.info.brief == "" and project.info.description == ""
    with pytest.raises(FieldValueError):
        SetField("project", project.info.id, "brief", "x" * (MAX_TEXT + 1)).apply(project)
    assert project.info.brief == ""


def test_a_snapshot_shares_nothing_mutable_with_the_project():
    from roadmap_desktop.domain.project import Project
    from roadmap_desktop.domain.requirement import Requirement

    project = Project.new()
    project.info.criteria = {"Revenue": 3.0}
    project.requirements.append(Requirement(title="A", tags=["x"], item_ids=["i"]))
    twin = project.snapshot()
    twin.info.criteria["Cost"] = 1.0
    twin.requirements[0].tags.append("y")
    twin.requirements[0].title = "B"
    twin.lanes.pop()
    assert project.info.criteria == {"Revenue": 3.0}
    assert project.requirements[0].tags == ["x"] and project.requirements[0].title == "A"
    assert len(project.lanes) == len(twin.lanes) + 1
    assert twin.requirements[0].item_ids == ["i"] and type(twin.requirements[0]) is Requirement
