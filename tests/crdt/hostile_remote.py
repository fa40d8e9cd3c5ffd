"""Hostile edits a guest (or a tampered phone page) can write into a room's Y.Doc: every field kind given the
wrong type, values past their bounds, dates at and beyond the calendar's edges, dangling and looping links,
entities that are not maps, and order arrays holding junk. Built as functions, not files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pycrdt import Array, Map

from roadmap_desktop.crdt.shared_project import SharedProject

HUGE = "x" * 200_000


@dataclass(frozen=True)
class RemoteEdit:
    name: str
    write: Callable[[SharedProject, dict[str, str]], None]  # (the guest's replica, ids of the project's entities)


def _field(kind: str, key: str, field: str, value: object) -> RemoteEdit:
    def write(shared: SharedProject, ids: dict[str, str]) -> None:
        shared.maps[kind][ids[key]][field] = value

    return RemoteEdit(f"{kind}.{field} = {str(value)[:40]!r}", write)


def hostile_remote_edits() -> Iterator[RemoteEdit]:
    bad_values: list[tuple[str, str, str, object]] = [
        ("requirement", "req", "title", None),
        ("requirement", "req", "title", ""),
        ("requirement", "req", "title", 7.0),
        ("requirement", "req", "title", HUGE),
        ("requirement", "req", "votes", -5.0),
        ("requirement", "req", "votes", 1e300),
        ("requirement", "req", "votes", "many"),
        ("requirement", "req", "effort", float("nan")),
        ("requirement", "req", "rice_impact", 99.0),
        ("requirement", "req", "status", "shipped-yesterday"),
        ("requirement", "req", "moscow", ["must"]),
        ("requirement", "req", "tags", "not a list"),
        ("requirement", "req", "risk_ids", ["no-such-risk"]),
        ("requirement", "req", "criteria_scores", {"Revenue": "high"}),
        ("item", "item", "start", "0001-01-01"),
        ("item", "item", "start", "9999-12-31"),
        ("item", "item", "start", "2200-12-31"),  # its 5 days end past the last supported date
        ("item", "item", "start", "2026-02-30"),
        ("item", "item", "start", "٢٠٢٦-٠١-٠١"),
        ("item", "item", "duration_days", -3.0),
        ("item", "item", "duration_days", 1e12),
        ("item", "item", "depends_on", ["item"]),  # itself
        ("item", "item", "lane_id", "no-such-lane"),
        ("risk", "risk", "likelihood", 0.0),
        ("risk", "risk", "impact", 6.0),
        ("risk", "risk", "review_date", "10000-01-01"),
    ]
    for kind, key, field, value in bad_values:
        yield _field(kind, key, field, value)

    def not_a_map(shared: SharedProject, ids: dict[str, str]) -> None:
        shared.maps["requirement"]["junk"] = "a string where an entity belongs"

    def new_without_title(shared: SharedProject, ids: dict[str, str]) -> None:
        shared.maps["requirement"]["fresh"] = Map({"votes": 2.0})
        shared.orders["requirement"].append("fresh")

    def order_junk(shared: SharedProject, ids: dict[str, str]) -> None:
        order = shared.orders["requirement"]
        order.append(5.0)
        order.append(ids["req"])  # a duplicate
        order.append("missing")

    def loop(shared: SharedProject, ids: dict[str, str]) -> None:
        items = shared.maps["item"]
        items["loop"] = Map({"title": "Loop", "depends_on": Array([ids["item"]])})
        shared.orders["item"].append("loop")
        items[ids["item"]]["depends_on"] = Array(["loop"])

    def unknown_keys(shared: SharedProject, ids: dict[str, str]) -> None:
        shared.maps["requirement"][ids["req"]]["__proto__"] = {"polluted": True}
        shared.maps["project"]["format_version"] = 99.0

    for name, write in (
        ("an entity that is not a map", not_a_map),
        ("a new requirement without a title", new_without_title),
        ("junk in an order array", order_junk),
        ("a dependency loop", loop),
        ("unknown keys", unknown_keys),
    ):
        yield RemoteEdit(name, write)
