"""Dot votes cast live: each person's dots in their own entry, the host's count written into ``votes``."""

from __future__ import annotations

from pycrdt import Map

from roadmap_desktop.crdt.dot_votes import (
    DOTS_ROOT,
    dots_per_person,
    room_counts,
    set_dots_per_person,
    write_votes,
)
from roadmap_desktop.crdt.project_builder import project_from_shared
from roadmap_desktop.crdt.shared_project import SharedProject
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement


def _room(titles: list[str], votes: int | None = None) -> tuple[SharedProject, list[str]]:
    project = Project.new("Workshop")
    for title in titles:
        project.requirements.append(Requirement(title=title, votes=votes))
    shared = SharedProject.genesis(project)
    return shared, [r.id for r in project.requirements]


def _cast(shared: SharedProject, person: str, dots: dict[str, float]) -> None:
    with shared.doc.transaction():
        entry = Map({"name": person, "dots": Map(dots)})
        shared.doc.get(DOTS_ROOT, type=Map)[person.lower()] = entry


def _votes(shared: SharedProject) -> list[int | None]:
    return [r.votes for r in project_from_shared(shared)[0].requirements]


def test_nobody_voted_leaves_votes_as_they_were() -> None:
    shared, _ids = _room(["A", "B"], votes=5)
    assert room_counts(shared) is None
    assert write_votes(shared) == (0, [])
    assert _votes(shared) == [5, 5]


def test_the_count_is_everyones_dots_and_replaces_every_requirements_votes() -> None:
    shared, (a, b, _c) = _room(["A", "B", "C"], votes=7)
    _cast(shared, "Ann", {a: 2, b: 1})
    _cast(shared, "Bo", {b: 1.0})  # a page's numbers arrive as doubles
    assert write_votes(shared) == (3, [])
    assert _votes(shared) == [2, 2, 0]
    assert write_votes(shared) == (0, [])  # nothing left to change: no write, no update sent


def test_a_person_over_the_limit_counts_only_their_share_in_the_requirements_order() -> None:
    shared, (a, b, c) = _room(["A", "B", "C"])
    set_dots_per_person(shared, 3)
    _cast(shared, "Eve", {c: 2, a: 1, b: 5})
    changed, over = write_votes(shared)
    assert over == ["Eve"] and changed == 3
    assert _votes(shared) == [1, 2, 0]


def test_dots_on_a_deleted_requirement_or_with_bad_counts_count_for_nothing() -> None:
    shared, (a, _b) = _room(["A", "B"])
    _cast(shared, "Ann", {"gone": 2, a: -1})
    _cast(shared, "Bo", {a: True, "x": "many"})
    write_votes(shared)
    assert _votes(shared) == [0, 0]


def test_the_limit_is_the_hosts_and_a_bad_one_falls_back_to_three() -> None:
    shared, _ = _room(["A"])
    assert dots_per_person(shared) == 3
    set_dots_per_person(shared, 5)
    assert dots_per_person(shared) == 5
    shared.doc.get("room", type=Map)["dots_per_person"] = "lots"
    assert dots_per_person(shared) == 3
