"""Keeping a project and its shared document equal while others edit it too (no Qt, no network)."""

from __future__ import annotations

from collections.abc import Callable

from ..domain.project import Project, ProjectEvent
from .reconcile import apply_each, commands_to_match
from .shared_project import SharedProject
from .sync_state import SyncState


class LiveBinding:
    """Local edits go to the document (``flush``, one transaction) and out through ``send``; updates from others
    (``receive``) go into the document and then into the project as domain commands, so every view updates.
    Others' edits never enter the local undo stack: undo takes back only this copy's own edits."""

    def __init__(self, project: Project, shared: SharedProject, send: Callable[[bytes], None]) -> None:
        self.project = project
        self.shared = shared
        self._send = send
        self.on_dirty: Callable[[], None] | None = None  # asks the owner to call flush() soon
        self.problems: list[str] = []  # what others sent that the project refused, newest last
        self._dirty = False
        self._applying = False
        self._receiving = False
        project.sync = SyncState.holding(shared)
        project.subscribe(self._on_project_event)
        self._subscription = shared.doc.observe(self._on_transaction)
        shared.write_project(project)

    def close(self) -> None:
        self.project.unsubscribe(self._on_project_event)
        self.shared.doc.unobserve(self._subscription)

    def _on_project_event(self, event: ProjectEvent) -> None:
        if self._applying or event.type.startswith("about_to"):
            return
        if not self._dirty:
            self._dirty = True
            if self.on_dirty is not None:
                self.on_dirty()

    def _on_transaction(self, event) -> None:
        if not self._receiving:
            self._send(event.update)

    def flush(self) -> bool:
        """Write this copy's edits since the last flush into the document; True if anything changed."""
        if not self._dirty:
            return False
        self._dirty = False
        return self.shared.write_project(self.project)

    def receive(self, update: bytes) -> int:
        """Take an update from others; returns how many changes it made to the project."""
        self.flush()  # own edits first, so the project is not taken back to the document's older state
        self._receiving = True
        try:
            self.shared.doc.apply_update(update)
        finally:
            self._receiving = False
        commands, problems = commands_to_match(self.project, self.shared)
        self._applying = True
        try:
            apply_each(self.project, commands, problems)
        finally:
            self._applying = False
        self.problems.extend(problems)
        del self.problems[:-50]
        return len(commands)
