"""An entity's fields as plain values for a Y.Map, and back; lists as Y.Array, name -> number maps as Y.Map."""

from __future__ import annotations

import datetime as dt
import difflib

from pycrdt import Array, Map

from ..domain.entity import Entity
from ..domain.fields import FieldKind, FieldValueError
from ..domain.project import ENTITY_TYPES, Project

# Top-level Y.Maps, by entity kind (docs/collaboration.md); each collection also has a Y.Array of ids
# that orders it (a Y.Map has no order, and concurrent inserts into a Y.Array keep both).
ROOTS: dict[str, str] = {
    "project": "project",
    "lane": "lanes",
    "requirement": "requirements",
    "item": "items",
    "risk": "risks",
}
COLLECTION_KINDS = ("lane", "requirement", "item", "risk")
ORDER_SUFFIX = "_order"


def order_root(kind: str) -> str:
    return ROOTS[kind] + ORDER_SUFFIX


def entity_values(entity: Entity) -> dict[str, object]:
    """The entity's fields as JSON values, keyed by the file format's field names (dates as YYYY-MM-DD)."""
    out: dict[str, object] = {"id": entity.id}
    for spec in entity.FIELDS:
        value = getattr(entity, spec.name)
        if spec.kind is FieldKind.DATE:
            value = value.isoformat() if value else None
        elif isinstance(value, list):
            value = list(value)
        elif isinstance(value, dict):
            value = dict(value)
        out[spec.name] = value
    return out


def project_values(project: Project) -> dict[str, object]:
    """The project information's values; ``created`` travels too, ``modified`` (stamped by each save) does not."""
    values = entity_values(project.info)
    values["created"] = project.created.isoformat()
    return values


def entity_from_values(kind: str, values: dict) -> Entity:
    """An entity built from a Y.Map's values, checked like a loaded file's; FieldValueError when it breaks a rule.
    Keys the entity does not know (a newer client's field) are ignored, so an older app can still take part."""
    cls = ENTITY_TYPES[kind]
    entity_id = values.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise FieldValueError(f"{kind}: id must be non-empty text")
    known = {spec.name for spec in cls.FIELDS}
    entity = cls(**{k: v for k, v in values.items() if k in known}, id=entity_id)
    entity.validate()
    return entity


def shared_value(value: object) -> object:
    """A plain value as it is stored in a Y.Map: lists become Y.Array, maps Y.Map."""
    if isinstance(value, list):
        return Array(list(value))
    if isinstance(value, dict):
        return Map(dict(value))
    return value


def same(a: object, b: object) -> bool:
    """Equal as stored: Yjs keeps every number as a double, so 3 and 3.0 are one value; True is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def write_entity_values(entry: Map, old: dict | None, new: dict) -> None:
    """Bring one entity's Y.Map from ``old`` (what it holds) to ``new``, touching only the fields that differ.
    A list is edited element by element, so two people adding to one list both keep their entries."""
    for name, value in new.items():
        before = None if old is None else old.get(name)
        if old is not None and name in old and same_values(before, value):
            continue
        current = entry.get(name) if name in entry else None
        # Lists and maps are edited from what the document holds now (a remote edit may have come in since).
        if isinstance(value, list) and isinstance(current, Array):
            _edit_array(current, current.to_py() or [], value)
        elif isinstance(value, dict) and isinstance(current, Map):
            now = current.to_py() or {}
            for key in [k for k in now if k not in value]:
                del current[key]
            for key, number in value.items():
                if key not in now or not same(now[key], number):
                    current[key] = number
        else:
            entry[name] = shared_value(value)


def same_values(a: object, b: object) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return same(a, b)


def _edit_array(array: Array, before: list, after: list) -> None:
    """Turn ``array`` (holding ``before``) into ``after`` with the fewest deletes and inserts."""
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):  # from the end, so earlier indexes stay valid
        if tag == "equal":
            continue
        if tag in ("replace", "delete"):
            del array[i1:i2]
        if tag in ("replace", "insert"):
            for offset, value in enumerate(after[j1:j2]):
                array.insert(i1 + offset, value)


def edit_id_array(array: Array, before: list[str], after: list[str]) -> None:
    _edit_array(array, before, after)


def date_text(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value
