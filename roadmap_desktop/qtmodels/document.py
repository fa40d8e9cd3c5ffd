"""An open project: the domain project, its file path, its undo stack and its modified state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..domain.commands import Command
from ..domain.project import Project, ProjectEvent
from ..persistence.backup import OlderFile
from ..persistence.project_file import save_project
from .undo_adapter import AppliedCommand


class ProjectDocument(QObject):
    modified_changed = Signal(bool)
    path_changed = Signal()
    project_changed = Signal(object)  # ProjectEvent
    saved = Signal(str)
    read_only_changed = Signal(str)  # why the project may not be edited now ("" when it may again)
    edit_refused = Signal(str)  # an edit was asked for while read-only: the reason, to show in one line

    def __init__(
        self,
        project: Project,
        path: Path | None = None,
        parent: QObject | None = None,
        older: OlderFile | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.path = path
        # The older-format file the project was upgraded from: the save that replaces it keeps a copy first.
        self.older = older
        self.undo_stack = QUndoStack(self)
        # Dirty without an undo step: recovered or migrated projects must still be saved.
        self._forced_dirty = False
        self.autosaved_index = -1  # undo index the last recovery copy was written at
        self.read_only = ""  # why edits are refused now (a live room locked by its facilitator); "" = editable
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        project.subscribe(self._on_project_event)

    def close(self) -> None:
        self.project.unsubscribe(self._on_project_event)

    # -- state ---------------------------------------------------------------------
    def is_modified(self) -> bool:
        return self._forced_dirty or not self.undo_stack.isClean()

    def mark_dirty(self) -> None:
        self._forced_dirty = True
        self.modified_changed.emit(True)

    def needs_recovery_copy(self) -> bool:
        """True when there are unsaved changes the last recovery copy does not hold."""
        if not self.is_modified():
            return False
        return self._forced_dirty or self.undo_stack.index() != self.autosaved_index

    def display_name(self) -> str:
        return self.path.name if self.path else "untitled.roadmap"

    # -- edits ---------------------------------------------------------------------
    def set_read_only(self, reason: str) -> None:
        """Refuse every edit (``reason`` says why) or, with "", allow them again."""
        if reason != self.read_only:
            self.read_only = reason
            self.read_only_changed.emit(reason)

    def execute(self, command: Command) -> None:
        """Apply a domain command as one undo step; raises (and changes nothing) if invalid. While read-only
        nothing changes and ``edit_refused`` says why: every way to edit goes through here, so none slips past."""
        if self.read_only:
            self.edit_refused.emit(self.read_only)
            return
        inverse = command.apply(self.project)
        self.undo_stack.push(AppliedCommand(self.project, inverse, command.label))

    # -- saving --------------------------------------------------------------------
    def save(self, path: Path | None = None) -> Path | None:
        """Write atomically; raises SaveError and leaves the document modified on failure.

        Returns the copy kept of an older-format original this save replaced, else None.
        """
        target = path or self.path
        if target is None:
            raise ValueError("no file name chosen")
        backup = save_project(self.project, target, self.older)
        if self.older is not None and self.older.is_at(target):
            self.older = None  # the file now holds the current format
        if target != self.path:
            self.path = target
            self.path_changed.emit()
        self._forced_dirty = False
        was_clean = self.undo_stack.isClean()
        self.undo_stack.setClean()
        if was_clean:
            self.modified_changed.emit(False)
        self.saved.emit(str(target))
        return backup

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self.is_modified())

    def _on_project_event(self, event: ProjectEvent) -> None:
        self.project_changed.emit(event)
