"""QUndoCommand wrapper around a domain command that has already been applied once."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..domain.commands import Command
from ..domain.project import Project


class AppliedCommand(QUndoCommand):
    """Holds the inverse of an applied domain command and flips it on undo/redo.

    The domain command is applied before it is pushed, so a bad value fails in the caller
    (with a message) instead of inside QUndoStack.push, where nothing can report it.
    """

    def __init__(self, project: Project, inverse: Command, label: str) -> None:
        super().__init__(label)
        self._project = project
        self._pending = inverse
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:  # push() calls redo(); the change is already made
            self._first_redo = False
            return
        self._pending = self._pending.apply(self._project)

    def undo(self) -> None:
        self._pending = self._pending.apply(self._project)
