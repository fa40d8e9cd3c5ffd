"""A project held in a Y.Doc: top-level Y.Maps ``project``, ``lanes``, ``requirements``, ``items``, ``risks``
(each entity a Y.Map keyed by its id) and one Y.Array of ids per collection giving its order."""

from __future__ import annotations

import hashlib
import json

from pycrdt import Array, Doc, Map

from ..domain.entity import Entity
from ..domain.fields import FieldKind, FieldValueError
from ..domain.project import ENTITY_TYPES, Project
from .values import (
    COLLECTION_KINDS,
    ROOTS,
    edit_id_array,
    entity_from_values,
    entity_values,
    order_root,
    project_values,
    same_values,
    shared_value,
    write_entity_values,
)

LOCAL_ORIGIN = "roadmap-desktop"  # the origin of this copy's own transactions


class SharedProject:
    """A Y.Doc with a project in it, and what it held when last read or written here (``_mirror``), so that
    writing a project touches only what changed since."""

    def __init__(self, doc: Doc | None = None) -> None:
        self.doc = doc if doc is not None else Doc()
        self.maps: dict[str, Map] = {kind: self.doc.get(root, type=Map) for kind, root in ROOTS.items()}
        self.orders: dict[str, Array] = {kind: self.doc.get(order_root(kind), type=Array) for kind in COLLECTION_KINDS}
        self._mirror: dict[str, dict[str, dict]] | None = None  # kind -> id -> values ("project" -> "" -> values)
        self._mirror_order: dict[str, list[str]] = {}

    @classmethod
    def from_update(cls, update: bytes) -> SharedProject:
        """A new replica (a fresh random client id) holding ``update``; ValueError for bytes that are no update."""
        shared = cls()
        try:
            shared.doc.apply_update(update)
        except Exception as exc:  # pycrdt raises its own error types for a malformed update
            raise ValueError(f"the live-editing state is damaged ({exc})") from None
        return shared

    @classmethod
    def genesis(cls, project: Project) -> SharedProject:
        """A replica whose history starts with the project written by a client id made from its content: two
        copies of one file upgraded apart start from the very same operations, so their later edits merge
        field by field."""
        values = [project_values(project)] + [entity_values(e) for e in project.entities()]
        digest = hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).digest()
        first = cls(Doc(client_id=int.from_bytes(digest[:4], "big") & 0x7FFFFFFF))
        first._mirror = {kind: {} for kind in ROOTS}
        first._mirror_order = {kind: [] for kind in COLLECTION_KINDS}
        first.write_project(project)
        shared = cls.from_update(first.update())
        shared._mirror, shared._mirror_order = first._mirror, first._mirror_order
        return shared

    def update(self, state: bytes | None = None) -> bytes:
        """Everything this replica holds (or what a replica at ``state`` lacks), as a Yjs update."""
        return self.doc.get_update(state) if state is not None else self.doc.get_update()

    # -- reading ------------------------------------------------------------------------------
    def read(self) -> tuple[dict, dict[str, list[dict]]]:
        """(project values, kind -> entity values in order) as the document holds them now; remembered as the
        base of the next ``write_project``."""
        info = self.maps["project"].to_py() or {}
        mirror: dict[str, dict[str, dict]] = {"project": {"": dict(info)}}
        ordered: dict[str, list[dict]] = {}
        for kind in COLLECTION_KINDS:
            entries = {k: v for k, v in (_py(self.maps[kind]) or {}).items() if isinstance(v, dict)}
            order = [i for i in (_py(self.orders[kind]) or []) if isinstance(i, str)]
            mirror[kind] = entries
            self._mirror_order[kind] = order
            seen: set[str] = set()
            ids = []
            for entity_id in order:
                if entity_id in entries and entity_id not in seen:
                    seen.add(entity_id)
                    ids.append(entity_id)
            ids.extend(sorted(set(entries) - seen))  # an entity whose place was lost goes last, in a fixed order
            ordered[kind] = [{**entries[i], "id": i} for i in ids]
        self._mirror = mirror
        return info, ordered

    def entities(self, current: Project | None = None) -> tuple[dict, dict[str, list[Entity]], list[str]]:
        """(project values, kind -> entities in order, problems): each entity checked like a loaded file's; a
        value that breaks a rule is named in ``problems`` and the entity keeps its value in ``current`` (or the
        default); links to entities not present are dropped (someone deleted a risk that someone else linked)."""
        info, ordered = self.read()
        problems: list[str] = []
        built: dict[str, list[Entity]] = {}
        for kind in COLLECTION_KINDS:
            built[kind] = []
            for values in ordered[kind]:
                try:
                    built[kind].append(entity_from_values(kind, values))
                except (FieldValueError, TypeError, ValueError):
                    entity = _field_by_field(kind, values, current, problems)
                    if entity is not None:
                        built[kind].append(entity)
        ids = {kind: {e.id for e in built[kind]} for kind in COLLECTION_KINDS}
        for kind in COLLECTION_KINDS:
            links = [s for s in ENTITY_TYPES[kind].FIELDS if s.ref_kind is not None]
            for entity in built[kind] if links else ():
                for spec in links:
                    known = ids[spec.ref_kind]  # type: ignore[index]
                    value = getattr(entity, spec.name)
                    if spec.kind is FieldKind.REF:
                        if value and value not in known:
                            setattr(entity, spec.name, "")
                    elif any(ref not in known for ref in value):
                        setattr(entity, spec.name, [ref for ref in value if ref in known])
        return info, built, problems

    # -- writing ------------------------------------------------------------------------------
    def write_project(self, project: Project, origin: str = LOCAL_ORIGIN) -> bool:
        """Bring the document to hold ``project``, writing only what differs from what it held; True if
        anything was written."""
        if self._mirror is None:
            self.read()
        mirror = self._mirror
        assert mirror is not None
        changed = False
        with self.doc.transaction(origin=origin):
            info = project_values(project)
            old_info = mirror["project"].get("")
            if old_info is None or _differs(old_info, info):
                write_entity_values(self.maps["project"], old_info, info)
                mirror["project"][""] = {**(old_info or {}), **info}
                changed = True
            for kind in COLLECTION_KINDS:
                changed |= self._write_collection(kind, project.collection(kind), mirror[kind])
        return changed

    def _write_collection(self, kind: str, entities: list[Entity], known: dict[str, dict]) -> bool:
        changed = False
        root = self.maps[kind]
        ids = []
        for entity in entities:
            ids.append(entity.id)
            values = entity_values(entity)
            old = known.get(entity.id)
            if old is None or entity.id not in root:
                root[entity.id] = Map({k: shared_value(v) for k, v in values.items()})
            elif _differs(old, values):
                write_entity_values(root[entity.id], old, values)
            else:
                continue
            known[entity.id] = {**(old or {}), **values}
            changed = True
        gone = set(known) - set(ids)
        for entity_id in gone:
            if entity_id in root:
                del root[entity_id]
            del known[entity_id]
            changed = True
        if self._mirror_order.get(kind) != ids:
            edit_id_array(self.orders[kind], [i for i in self.orders[kind].to_py() or []], ids)
            self._mirror_order[kind] = list(ids)
            changed = True
        return changed


def _field_by_field(kind: str, values: dict, current: Project | None, problems: list[str]) -> Entity | None:
    """The entity with every value that passes; the others stay as ``current`` has them (or take the default)."""
    entity_id = values.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        problems.append(f"a {kind} without an id left out")
        return None
    known = current.find(kind, entity_id) if current is not None else None
    entity = known.clone() if known is not None else ENTITY_TYPES[kind](id=entity_id)
    for spec in entity.FIELDS:
        if spec.name in values:
            try:
                entity.set(spec.name, values[spec.name])
            except (FieldValueError, TypeError, ValueError) as exc:
                problems.append(f"{kind} {entity.display_name()!r}: {spec.name}: {exc}")
    return entity


def _py(shared: Map | Array) -> object:
    """The shared type's content as plain Python, through the Rust side's JSON (many times faster than ``to_py``,
    which takes a transaction per value); numbers come back as JSON has them, 3 for 3.0, which ``same`` equates."""
    return json.loads(str(shared))


def _differs(old: dict, new: dict) -> bool:
    return any(name not in old or not same_values(old[name], value) for name, value in new.items())
