"""Dot votes cast live (from the phone page): each person's dots in the document, and the room's count of them.

The document holds, besides the project (docs/collaboration.md):

- ``room`` (Y.Map): ``dots_per_person``, the limit the host sets;
- ``dots`` (Y.Map): one Y.Map per person, keyed by the name as the page folds it (trimmed, inner spaces
  collapsed, lower case), holding ``name`` (as typed) and ``dots``, a Y.Map of requirement id -> how many of
  that person's dots are on it.

Only a person's own page writes their entry, so two people voting at once never overwrite each other (a plain
``votes`` number edited by two phones at once would keep only one of the two). The host alone writes the
requirements' ``votes``: the sum of everyone's dots, counting at most ``dots_per_person`` per person (in the
requirements' order), so a page changed to cast more than its share gains nothing. Like the Dot Voting dialog,
the room's count replaces every requirement's ``votes`` (0 where nobody put a dot) once anyone has voted.
"""

from __future__ import annotations

import json

from pycrdt import Map

from .shared_project import LOCAL_ORIGIN, SharedProject

ROOM_ROOT = "room"
DOTS_ROOT = "dots"
DOTS_PER_PERSON_KEY = "dots_per_person"
DEFAULT_DOTS_PER_PERSON = 3
MAX_DOTS_PER_PERSON = 100


def set_dots_per_person(shared: SharedProject, dots: int) -> None:
    settings = shared.doc.get(ROOM_ROOT, type=Map)
    if settings.get(DOTS_PER_PERSON_KEY) != dots:
        with shared.doc.transaction(origin=LOCAL_ORIGIN):
            settings[DOTS_PER_PERSON_KEY] = dots


def dots_per_person(shared: SharedProject) -> int:
    value = shared.doc.get(ROOM_ROOT, type=Map).get(DOTS_PER_PERSON_KEY)
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= MAX_DOTS_PER_PERSON:
        return int(value)
    return DEFAULT_DOTS_PER_PERSON


def room_counts(shared: SharedProject) -> tuple[dict[str, int], list[str]] | None:
    """({requirement id: dots}, names of people over the limit) for the requirements present, or None while
    nobody has voted. A count that is not a whole number of at least 0 counts as 0."""
    ledger = json.loads(str(shared.doc.get(DOTS_ROOT, type=Map)) or "{}")
    if not ledger:
        return None
    limit = dots_per_person(shared)
    requirements = shared.maps["requirement"]
    order = [i for i in json.loads(str(shared.orders["requirement"]) or "[]") if isinstance(i, str)]
    place = {rid: n for n, rid in enumerate(order)}
    counts: dict[str, int] = {}
    over: list[str] = []
    for key in sorted(ledger):
        entry = ledger[key] if isinstance(ledger[key], dict) else {}
        dots = entry.get("dots") if isinstance(entry.get("dots"), dict) else {}
        left = limit
        cast = 0
        for rid in sorted(dots, key=lambda r: (place.get(r, len(place)), r)):
            n = _whole(dots[rid])
            cast += n
            if rid not in requirements:
                continue
            taken = min(n, left)
            left -= taken
            if taken:
                counts[rid] = counts.get(rid, 0) + taken
        if cast > limit:
            over.append(str(entry.get("name") or key)[:60])
    return counts, over


def write_votes(shared: SharedProject) -> tuple[int, list[str]]:
    """Set every requirement's ``votes`` to the room's count where it differs (one transaction); returns (how many
    changed, names of people over the limit). Nothing changes while nobody has voted."""
    counted = room_counts(shared)
    if counted is None:
        return 0, []
    counts, over = counted
    requirements = shared.maps["requirement"]
    current = json.loads(str(requirements) or "{}")
    changes = {
        rid: counts.get(rid, 0)
        for rid, values in current.items()
        if isinstance(values, dict) and not _same_count(values.get("votes"), counts.get(rid, 0))
    }
    if changes:
        with shared.doc.transaction(origin=LOCAL_ORIGIN):
            for rid, votes in changes.items():
                entry = requirements[rid]
                if isinstance(entry, Map):
                    entry["votes"] = votes
    return len(changes), over


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value or value < 0:
        return 0
    return min(int(value), MAX_DOTS_PER_PERSON)


def _same_count(value: object, count: int) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == count
