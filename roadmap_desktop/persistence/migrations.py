"""Upgrades of older project documents, one format version at a time, up to the current one."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable

from ..domain.entity import new_id
from ..domain.timeline import MAX_DURATION_DAYS, TimelineItem
from .serialize import FORMAT_VERSION

DEFAULT_DURATION_DAYS = TimelineItem.duration_days  # what a new item gets; used when v1 gave no usable end


def _v1_to_v2(doc: dict) -> dict:
    """Version 1 (pre-release draft) named an item's lane and stored its end date.

    * One lane per distinct lane name, in order of first appearance, with a new id and no
      capacity limit; names are whitespace-normalised first, so "Backend " and "Backend" are one lane.
      An item with an empty or missing lane name gets ``lane_id: ""`` (no lane).
    * ``duration_days``: a milestone gets 0; otherwise, with both ``start`` and ``end`` valid
      dates and end >= start, the inclusive length ``(end - start).days + 1``, capped at
      MAX_DURATION_DAYS; anything else (no start, no end, end before start, bad dates) gets
      the default 10 days.  An item that already has ``duration_days`` keeps it.
    * Lanes already present (v1 had none, but a hand-edited file may) are kept and reused by name.
    """
    out = copy.deepcopy(doc)
    lanes = out.get("lanes")
    if lanes is None:
        lanes = []
    if not isinstance(lanes, list):
        raise ValueError("lanes: expected a list")
    by_name: dict[str, str] = {}
    for lane in lanes:
        if isinstance(lane, dict) and isinstance(lane.get("name"), str) and isinstance(lane.get("id"), str):
            by_name.setdefault(" ".join(lane["name"].split()), lane["id"])
    items = out.get("items", [])
    if not isinstance(items, list):
        raise ValueError("items: expected a list")
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            continue  # the schema check names it precisely
        name = item.pop("lane", "")
        if name is None:
            name = ""
        if not isinstance(name, str):
            raise ValueError(f"items[{position}].lane: expected the lane's name as text")
        name = " ".join(name.split())
        if "lane_id" not in item:
            if name and name not in by_name:
                by_name[name] = new_id()
                lanes.append({"id": by_name[name], "name": name, "capacity": None})
            item["lane_id"] = by_name.get(name, "")
        end = item.pop("end", None)
        if "duration_days" not in item:
            item["duration_days"] = _duration(item.get("start"), end, item.get("milestone") is True)
    out["lanes"] = lanes
    out["format_version"] = 2
    return out


def _duration(start: object, end: object, milestone: bool) -> int:
    if milestone:
        return 0
    first, last = _date(start), _date(end)
    if first is None or last is None or last < first:
        return DEFAULT_DURATION_DAYS
    return min((last - first).days + 1, MAX_DURATION_DAYS)


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _v2_to_v3(doc: dict) -> dict:
    """Version 3 added the project's product brief (``project.brief``).

    Nothing else changed, so only the version moves: a missing brief takes the field's default, "".
    """
    out = copy.deepcopy(doc)
    out["format_version"] = 3
    return out


def _v3_to_v4(doc: dict) -> dict:
    """Version 4 keeps the shared editing history (``crdt``) beside the project.

    An older file has none: its history starts from its own content when first saved (the same in every copy of
    the file, so copies edited apart still merge field by field). Only the version moves.
    """
    out = copy.deepcopy(doc)
    out["format_version"] = 4
    return out


# from-version -> function returning the document at from-version + 1.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}


def migrate(doc: dict) -> tuple[dict, int]:
    """Bring ``doc`` up to FORMAT_VERSION; return the new document and the version it started at.

    The input is not modified.  Raises ValueError for a version that cannot be migrated.
    """
    version = doc.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ValueError("the file format version is missing or not a whole number")
    start = version
    if version > FORMAT_VERSION:
        raise ValueError(f"file format version {version} is newer than {FORMAT_VERSION}")
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"file format version {version} is not supported")
        doc = step(doc)
        if doc.get("format_version") != version + 1:
            raise AssertionError(f"migration from version {version} did not produce version {version + 1}")
        version += 1
    return doc, start
