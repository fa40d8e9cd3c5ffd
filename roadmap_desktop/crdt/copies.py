"""Merging two copies of one project edited apart (a synced folder's "conflicted copy"): their histories join."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.commands import Macro
from ..domain.project import Project
from .reconcile import merge_macro
from .shared_project import SharedProject
from .sync_state import has_history, sync_state, within_history_bound


def is_copy_of(project: Project, other: Project) -> bool:
    """True when ``other`` is a copy of the same project (same project id), both keep the shared history and the
    two histories have a common past, so they join. Otherwise (no history yet, too big to keep one, or histories
    begun apart: two files that already differed when each first saved one) Merge Project uses the merge dialog."""
    return (
        project.info.id == other.info.id
        and has_history(project)
        and has_history(other)
        and within_history_bound(project)
        and within_history_bound(other)
        and bool(_writers(project) & _writers(other))
    )


def _writers(project: Project) -> set[int]:
    """The Yjs client ids in the project's history (its state vector): histories with one in common share a past."""
    data = sync_state(project).shared(project).doc.get_state()
    numbers, value, shift = [], 0, 0
    for byte in data:  # lib0 varuints: 7 bits a byte, high bit set while more follow
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            numbers.append(value)
            value, shift = 0, 0
    return set(numbers[1:][0::2])  # count, then (client, clock) pairs


@dataclass
class CopyMerge:
    """What merging a copy would change; nothing is changed until ``command`` is applied and ``joined()`` called."""

    command: Macro
    problems: list[str] = field(default_factory=list)
    _ours: SharedProject | None = None
    _theirs: bytes = b""

    @property
    def changes(self) -> int:
        return len(self.command.commands)

    def joined(self) -> None:
        """Take the copy's history into this project's, once its changes are applied, so the next save keeps both."""
        if self._ours is not None:
            self._ours.doc.apply_update(self._theirs)
            self._ours.read()


def plan_copy_merge(project: Project, other: Project, label: str) -> CopyMerge:
    """The merged content of both copies as one undoable command (edits on both sides kept, field by field)."""
    ours = sync_state(project).shared(project)
    theirs = sync_state(other).shared(other).update(ours.doc.get_state())
    scratch = SharedProject.from_update(ours.update())
    scratch.doc.apply_update(theirs)
    command, problems = merge_macro(project, scratch, label)
    return CopyMerge(command, problems, ours, theirs)
