"""What the assistant suggests, with its grounds, and turning accepted suggestions into one undoable command."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.commands import Command, InsertEntity, Macro, SetField, set_fields
from ..domain.entity import Entity
from ..domain.project import Project
from .task_base import FieldChanges

KIND_NOUNS = {"requirement": "requirement", "item": "timeline item", "risk": "risk"}

# Where a suggestion comes from (shown beside it, so a founder knows what rests on what).
LIBRARY = "library"  # a library entry as it is
ADAPTED = "adapted"  # a library entry the model fitted to the brief (title, reason)
NEW = "new"  # the model's own, kept because it shares the brief's words
FACTS = "facts"  # computed from the project (summary figures, schedules)
MODEL = "model"  # the model's free text (a task with no library behind it)
ORIGINS = (LIBRARY, ADAPTED, NEW, FACTS, MODEL)


@dataclass(eq=False)
class Suggestion:
    """One reviewable suggestion: the value to add or change and why it is there.

    ``value`` is a new entity (requirement, timeline item, risk), a FieldChanges for an existing one,
    or the summary text. Identity, not value, tells two suggestions apart (eq=False)."""

    value: object
    origin: str = MODEL
    source: str = ""  # the library entry's id (CS01, R12, a skeleton key) when there is one
    matched: tuple[str, ...] = ()  # words of the brief the entry shares
    why: str = ""  # one sentence: the model's reason, checked, or a computed one

    @property
    def title(self) -> str | None:
        return getattr(self.value, "title", None)


def values_of(suggestions: Sequence[object]) -> list[object]:
    """The values to apply, whether given as Suggestions or bare values."""
    return [s.value if isinstance(s, Suggestion) else s for s in suggestions]


def describe(suggestion: object) -> str:
    """One line for the suggestion list."""
    if isinstance(suggestion, Suggestion):
        return describe(suggestion.value)
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
    accepted = values_of(accepted)
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
