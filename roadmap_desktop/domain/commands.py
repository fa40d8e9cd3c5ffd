"""Undoable edits: each command's ``apply`` changes the project and returns its own inverse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .entity import Entity
from .fields import MAX_TEXT
from .fields import FieldKind as K
from .project import Project


class Command(Protocol):
    label: str

    def apply(self, project: Project) -> Command: ...


@dataclass
class SetField:
    kind: str
    entity_id: str
    name: str
    value: object
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            self.label = f"Edit {self.name.replace('_', ' ')}"

    def apply(self, project: Project) -> Command:
        old = project.set_field(self.kind, self.entity_id, self.name, self.value)
        return SetField(self.kind, self.entity_id, self.name, old, self.label)


@dataclass
class InsertEntity:
    kind: str
    entity: Entity
    index: int | None = None
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"Add {self.kind}"

    def apply(self, project: Project) -> Command:
        self.entity.validate()  # an entity built in code (a double-click on the timeline's edge) obeys the rules too
        project.insert(self.kind, self.entity, self.index)
        return RemoveEntity(self.kind, self.entity.id, self.label)


@dataclass
class RemoveEntity:
    """Remove one entity as it stands; use ``delete_entities`` to also drop links to it."""

    kind: str
    entity_id: str
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"Remove {self.kind}"

    def apply(self, project: Project) -> Command:
        entity, index = project.remove(self.kind, self.entity_id)
        return InsertEntity(self.kind, entity, index, self.label)


@dataclass
class Macro:
    """Several commands as one undo step; its inverse undoes them in reverse order."""

    label: str
    commands: list[Command] = field(default_factory=list)

    def apply(self, project: Project) -> Command:
        inverses: list[Command] = []
        try:
            for command in self.commands:
                inverses.append(command.apply(project))
        except Exception:
            for inverse in reversed(inverses):  # leave the project as it was
                inverse.apply(project)
            raise
        return Macro(self.label, inverses[::-1])


def delete_entities(project: Project, kind: str, ids: list[str]) -> Macro:
    """One undo step that unlinks the entities from everything and removes them."""
    doomed = set(ids)
    commands: list[Command] = []
    planned: dict[tuple[str, str, str], object] = {}
    for entity_id in ids:
        for source, spec in project.references_to(kind, entity_id):
            key = (source.KIND, source.id, spec.name)
            if kind == source.KIND and source.id in doomed:
                continue  # about to go anyway
            current = planned.get(key, getattr(source, spec.name))
            if spec.kind is K.REF:
                planned[key] = ""
            else:
                planned[key] = [ref for ref in current if ref not in doomed]  # type: ignore[union-attr]
    for (src_kind, src_id, name), value in planned.items():
        commands.append(SetField(src_kind, src_id, name, value))
    commands.extend(RemoveEntity(kind, entity_id) for entity_id in ids)
    noun = kind if len(ids) == 1 else f"{len(ids)} {kind}s"
    return Macro(f"Delete {noun}", commands)


def duplicate_entities(project: Project, kind: str, ids: list[str]) -> Macro:
    """Copies placed after the last original; links out of the copies are kept."""
    last = max(project.index_of(kind, i) for i in ids)
    commands: list[Command] = []
    for offset, entity_id in enumerate(ids, start=1):
        twin = project.get(kind, entity_id).clone(new_identity=True)
        if hasattr(twin, "title"):
            suffix = " (copy)"
            twin.title = twin.title[: MAX_TEXT - len(suffix)] + suffix  # type: ignore[attr-defined]
        commands.append(InsertEntity(kind, twin, last + offset))
    noun = kind if len(ids) == 1 else f"{len(ids)} {kind}s"
    return Macro(f"Duplicate {noun}", commands)


def set_fields(kind: str, entity_id: str, values: dict[str, object], label: str) -> Macro:
    return Macro(label, [SetField(kind, entity_id, k, v) for k, v in values.items()])
