"""Turning accepted assistant suggestions into one undoable command."""

from __future__ import annotations

from ..domain.commands import Command, InsertEntity, Macro, SetField, set_fields
from ..domain.entity import Entity
from ..domain.project import Project
from .task_base import FieldChanges

KIND_NOUNS = {"requirement": "requirement", "item": "timeline item", "risk": "risk"}


def describe(suggestion: object) -> str:
    """One line for the suggestion list."""
    if isinstance(suggestion, Entity):
        return suggestion.display_name()
    if isinstance(suggestion, FieldChanges):
        fields = ", ".join(f"{k.replace('_', ' ')} = {_short(v)}" for k, v in suggestion.values.items())
        return f"{suggestion.note + ': ' if suggestion.note else ''}{fields}"
    return _short(str(suggestion), 160)


def accept_command(project: Project, accepted: list[object], label: str = "Accept suggestions") -> Macro:
    """One macro for everything the user accepted, so a single undo takes it all back.

    Links inside a batch (an item depending on another suggested item) are kept only when both
    sides were accepted; links to things already in the project are kept if they still exist.
    """
    new_ids = {s.id for s in accepted if isinstance(s, Entity)}
    commands: list[Command] = []
    for suggestion in accepted:
        if isinstance(suggestion, Entity):
            entity = suggestion.clone()
            for spec in entity.FIELDS:
                if spec.ref_kind and isinstance(getattr(entity, spec.name), list):
                    kept = [
                        ref
                        for ref in getattr(entity, spec.name)
                        if ref in new_ids or project.find(spec.ref_kind, ref) is not None
                    ]
                    setattr(entity, spec.name, kept)
            commands.append(InsertEntity(entity.KIND, entity))
        elif isinstance(suggestion, FieldChanges):
            if project.find(suggestion.kind, suggestion.entity_id) is not None:
                commands.append(set_fields(suggestion.kind, suggestion.entity_id, dict(suggestion.values), label))
        elif isinstance(suggestion, str):
            commands.append(SetField("project", project.info.id, "summary", suggestion, "Accept summary"))
    return Macro(label, commands)


def _short(value: object, limit: int = 40) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
