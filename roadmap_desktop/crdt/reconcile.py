"""The domain commands that make a project hold what a shared document holds (remote edits, a merged copy)."""

from __future__ import annotations

from ..domain.commands import Command, InsertEntity, Macro, RemoveEntity, SetField
from ..domain.entity import Entity
from ..domain.fields import FieldValueError
from ..domain.project import Project
from .shared_project import SharedProject
from .values import COLLECTION_KINDS, entity_from_values


def commands_to_match(project: Project, shared: SharedProject) -> tuple[list[Command], list[str]]:
    """(commands, problems): applied in order, the commands turn ``project`` into the document's content;
    ``problems`` names what the document holds that breaks the project's rules and was left out."""
    info, wanted, problems = shared.entities(project)
    commands: list[Command] = []
    commands.extend(_info_commands(project, info, problems))
    for kind in COLLECTION_KINDS:
        commands.extend(_collection_commands(project, kind, wanted[kind]))
    return commands, problems


def merge_macro(project: Project, shared: SharedProject, label: str) -> tuple[Macro, list[str]]:
    commands, problems = commands_to_match(project, shared)
    return Macro(label, commands), problems


def apply_each(project: Project, commands: list[Command], problems: list[str]) -> list[Command]:
    """Apply the commands one by one, leaving out (and naming in ``problems``) any the project refuses: one
    bad value from someone else never stops the rest. Returns the inverses, last first."""
    inverses: list[Command] = []
    for command in commands:
        try:
            inverses.append(command.apply(project))
        except (FieldValueError, KeyError, ValueError, TypeError) as exc:
            problems.append(f"{command.label}: {exc}")
    return inverses[::-1]


def _info_commands(project: Project, values: dict, problems: list[str]) -> list[Command]:
    if not values:
        return []
    commands: list[Command] = []
    try:
        wanted = entity_from_values("project", {**values, "id": project.info.id})
    except (FieldValueError, TypeError, ValueError) as exc:
        problems.append(f"project information left out: {exc}")
        return []
    for spec in wanted.FIELDS:
        if spec.name in values and getattr(wanted, spec.name) != getattr(project.info, spec.name):
            commands.append(SetField("project", project.info.id, spec.name, getattr(wanted, spec.name)))
    return commands


def _collection_commands(project: Project, kind: str, wanted: list[Entity]) -> list[Command]:
    commands: list[Command] = []
    by_id = {e.id: e for e in wanted}
    current = [e.id for e in project.collection(kind)]
    for entity_id in current:
        if entity_id not in by_id:
            commands.append(RemoveEntity(kind, entity_id))
    order = [i for i in current if i in by_id]
    for entity in project.collection(kind):
        target = by_id.get(entity.id)
        if target is None:
            continue
        for spec in entity.FIELDS:
            value = getattr(target, spec.name)
            if getattr(entity, spec.name) != value:
                commands.append(SetField(kind, entity.id, spec.name, value))
    # Then place each wanted entity: insert the new ones, move (remove, insert) those out of place.
    for index, entity in enumerate(wanted):
        if index < len(order) and order[index] == entity.id:
            continue
        if entity.id in order:
            order.remove(entity.id)
            commands.append(_Move(kind, entity.id, index))
        else:
            commands.append(InsertEntity(kind, entity.clone(), index))
        order.insert(index, entity.id)
    return commands


class _Move:
    """Move one entity to ``index`` (a remove and an insert of the same object); its inverse moves it back."""

    def __init__(self, kind: str, entity_id: str, index: int, label: str = "Move") -> None:
        self.kind, self.entity_id, self.index, self.label = kind, entity_id, index, label

    def apply(self, project: Project) -> Command:
        entity, old_index = project.remove(self.kind, self.entity_id)
        project.insert(self.kind, entity, self.index)
        return _Move(self.kind, self.entity_id, old_index, self.label)
