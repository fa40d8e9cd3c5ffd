"""The project aggregate: its information, lanes, requirements, timeline items and risks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from ..wording import languages
from .collector import collector_paused
from .dates import now_stamp
from .entity import Entity
from .fields import FieldKind as K
from .fields import FieldSpec, FieldValueError
from .phases import PHASES
from .requirement import Requirement
from .risk import Risk
from .timeline import Lane, TimelineItem

LANGUAGES = languages()  # of the wording catalogs: documents and charts follow the project's
FRAMEWORKS = ("rice", "ice", "wsjf", "moscow", "value_effort", "weighted", "votes")


@dataclass
class ProjectInfo(Entity):
    KIND: ClassVar[str] = "project"
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("name", "Name", K.TEXT, required=True),
        FieldSpec("description", "Vision / description", K.LONG_TEXT),
        FieldSpec("brief", "Product brief", K.LONG_TEXT),
        FieldSpec("language", "Language", K.CHOICE, LANGUAGES),
        FieldSpec("domain", "Domain", K.TEXT),
        FieldSpec("summary", "Executive summary", K.LONG_TEXT),
        FieldSpec("framework", "Prioritisation framework", K.CHOICE, FRAMEWORKS),
        FieldSpec("criteria", "Weighted-scoring criteria (name: weight)", K.NUM_MAP, minimum=0, maximum=100),
    )

    name: str = "Untitled roadmap"
    description: str = ""
    brief: str = ""  # what is built, for whom, and the problem it solves: the assistant drafts from it
    language: str = "en"
    domain: str = ""
    summary: str = ""  # the PDF's title page shows it
    framework: str = "rice"
    criteria: dict[str, float] = field(default_factory=dict)


# Entity kinds held in ordered collections, by the attribute that holds them.
COLLECTIONS: dict[str, str] = {
    "lane": "lanes",
    "requirement": "requirements",
    "item": "items",
    "risk": "risks",
}
ENTITY_TYPES: dict[str, type[Entity]] = {
    "project": ProjectInfo,
    "lane": Lane,
    "requirement": Requirement,
    "item": TimelineItem,
    "risk": Risk,
}


# The fields of each kind that link to other entities.
_LINKS: dict[str, tuple[FieldSpec, ...]] = {
    kind: tuple(spec for spec in ENTITY_TYPES[kind].FIELDS if spec.ref_kind is not None) for kind in COLLECTIONS
}


@dataclass(frozen=True)
class ProjectEvent:
    """A change notification; views mirror the project from these alone."""

    type: str  # about_to_insert, inserted, about_to_remove, removed, changed
    kind: str
    index: int = -1
    field: str = ""


@dataclass
class Project:
    info: ProjectInfo = field(default_factory=ProjectInfo)
    created: dt.datetime = field(default_factory=now_stamp)
    modified: dt.datetime = field(default_factory=now_stamp)
    lanes: list[Lane] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    items: list[TimelineItem] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    _listeners: list[Callable[[ProjectEvent], None]] = field(default_factory=list, repr=False, compare=False)
    # Its shared editing history (a crdt.sync_state.SyncState, opaque here): kept from load to save so that
    # copies edited apart, and live sessions, merge field by field.
    sync: object = field(default=None, repr=False, compare=False)

    @classmethod
    def new(cls, name: str = "Untitled roadmap", language: str = "en") -> Project:
        """An empty project whose lanes are the planning phases P0-P7."""
        project = cls(info=ProjectInfo(name=name, language=language))
        project.lanes = [Lane(name=f"{p.code} {p.name(language)}") for p in PHASES]
        return project

    def snapshot(self) -> Project:
        """A deep copy with no listeners, for a background job (forecast, export, drafting) to read while
        the user keeps editing the live project."""
        with collector_paused():
            return self._copy()

    def _copy(self) -> Project:
        return Project(
            info=self.info.clone(),
            created=self.created,
            modified=self.modified,
            lanes=[lane.clone() for lane in self.lanes],
            requirements=[requirement.clone() for requirement in self.requirements],
            items=[item.clone() for item in self.items],
            risks=[risk.clone() for risk in self.risks],
        )

    # -- observation ---------------------------------------------------------------
    def subscribe(self, listener: Callable[[ProjectEvent], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[ProjectEvent], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: ProjectEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- lookup --------------------------------------------------------------------
    def collection(self, kind: str) -> list:
        return getattr(self, COLLECTIONS[kind])

    def index_of(self, kind: str, entity_id: str) -> int:
        for index, entity in enumerate(self.collection(kind)):
            if entity.id == entity_id:
                return index
        raise KeyError(f"no {kind} with id {entity_id}")

    def get(self, kind: str, entity_id: str) -> Entity:
        if kind == "project":
            return self.info
        return self.collection(kind)[self.index_of(kind, entity_id)]

    def find(self, kind: str, entity_id: str) -> Entity | None:
        try:
            return self.get(kind, entity_id)
        except KeyError:
            return None

    def entities(self) -> Iterator[Entity]:
        for kind in COLLECTIONS:
            yield from self.collection(kind)

    def lane_name(self, lane_id: str) -> str:
        lane = self.find("lane", lane_id) if lane_id else None
        return lane.name if lane else ""  # type: ignore[union-attr]

    def references_to(self, kind: str, entity_id: str) -> Iterator[tuple[Entity, FieldSpec]]:
        """Every (entity, field) whose REF or REFS field points at the given entity."""
        for entity in self.entities():
            for spec in entity.FIELDS:
                if spec.ref_kind != kind:
                    continue
                value = getattr(entity, spec.name)
                if (spec.kind is K.REF and value == entity_id) or (spec.kind is K.REFS and entity_id in value):
                    yield entity, spec

    def linked(self, entity: Entity, other_kind: str) -> list[Entity]:
        """Entities of ``other_kind`` linked to ``entity`` in either direction."""
        found: dict[str, Entity] = {}
        for spec in entity.FIELDS:
            if spec.kind is K.REFS and spec.ref_kind == other_kind:
                for ref in getattr(entity, spec.name):
                    target = self.find(other_kind, ref)
                    if target is not None:
                        found[target.id] = target
        for source, _spec in self.references_to(entity.KIND, entity.id):
            if other_kind == source.KIND:
                found.setdefault(source.id, source)
        return list(found.values())

    # -- mutation: only commands call these, so every change is undoable ------------
    def insert(self, kind: str, entity: Entity, index: int | None = None) -> int:
        items = self.collection(kind)
        index = len(items) if index is None else max(0, min(index, len(items)))
        self._emit(ProjectEvent("about_to_insert", kind, index))
        items.insert(index, entity)
        self._emit(ProjectEvent("inserted", kind, index))
        return index

    def remove(self, kind: str, entity_id: str) -> tuple[Entity, int]:
        index = self.index_of(kind, entity_id)
        self._emit(ProjectEvent("about_to_remove", kind, index))
        entity = self.collection(kind).pop(index)
        self._emit(ProjectEvent("removed", kind, index))
        return entity, index

    def set_field(self, kind: str, entity_id: str, name: str, value: object) -> object:
        """Store a value; FieldValueError names the entity and the field (the message of every refused edit)."""
        entity = self.get(kind, entity_id)
        try:
            old = entity.set(name, value)
        except FieldValueError as exc:
            raise FieldValueError(f"{entity.KIND} {entity.display_name()!r}: {exc}") from None
        index = -1 if kind == "project" else self.index_of(kind, entity_id)
        self._emit(ProjectEvent("changed", kind, index, name))
        return old

    def validate(self) -> None:
        """Check field values and that every link points at an existing entity."""
        self.info.validate()
        self.check_references(validate_entities=True)

    def check_references(self, validate_entities: bool = False) -> None:
        """Check that ids are unique within a kind and that every link points at an existing entity;
        ``validate_entities`` also coerces each entity's fields first (a loader that did so skips it)."""
        ids: dict[str, set[str]] = {}
        for kind in COLLECTIONS:
            ids[kind] = seen = set()
            for entity in self.collection(kind):
                if validate_entities:
                    entity.validate()
                if entity.id in seen:
                    raise ValueError(f"two {kind}s share the id {entity.id}")
                seen.add(entity.id)
        for kind in COLLECTIONS:
            links = _LINKS[kind]
            if not links:
                continue
            for entity in self.collection(kind):
                for spec in links:
                    value = getattr(entity, spec.name)
                    known = ids[spec.ref_kind]  # type: ignore[index]
                    for ref in [value] if spec.kind is K.REF else value:
                        if ref and ref not in known:
                            raise ValueError(
                                f"{entity.KIND} {entity.display_name()!r}: {spec.label} "
                                f"points at a missing {spec.ref_kind} {ref}"
                            )


def link_field(kind: str, other_kind: str) -> tuple[str, str] | None:
    """Which (owner kind, REFS field) stores links between the two kinds, if any.

    Each link is stored once, on one side; the other side derives it, so the two can never
    disagree. Within one kind (an item depending on items) the owner is that kind.
    """
    for owner, target in ((kind, other_kind), (other_kind, kind)):
        for spec in ENTITY_TYPES[owner].FIELDS:
            if spec.kind is K.REFS and spec.ref_kind == target:
                return owner, spec.name
    return None
