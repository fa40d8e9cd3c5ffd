"""A project's shared history (its Y.Doc), carried with the project from loading to saving and merging."""

from __future__ import annotations

from collections.abc import Callable

from ..domain.project import Project
from .shared_project import SharedProject


class SyncState:
    """Where a project stands in its Yjs history. Decoded only when first needed (a save, a merge, a live
    session), so opening a big file costs nothing extra.

    ``update``: the state a file held; ``base``: builds the project as an older file (without a state) held it,
    the start of a history that two copies of that file share.
    """

    def __init__(self, update: bytes | None = None, base: Callable[[], Project] | None = None) -> None:
        self._update = update
        self._base = base
        self._shared: SharedProject | None = None
        self.problem = ""  # why a damaged state was set aside

    @classmethod
    def holding(cls, shared: SharedProject) -> SyncState:
        """The state of a project built from ``shared`` (which already holds it)."""
        state = cls()
        state._shared = shared
        return state

    def shared(self, project: Project) -> SharedProject:
        """The project's Y.Doc, brought up to date with ``project`` (its edits since the last save are written)."""
        if self._shared is None:
            self._shared = self._open(project)
            self._update = self._base = None
        self._shared.write_project(project)
        return self._shared

    def _open(self, project: Project) -> SharedProject:
        if self._update is not None:
            try:
                return SharedProject.from_update(self._update)
            except ValueError as exc:  # a damaged state costs the history, never the project
                self.problem = str(exc)
        if self._base is not None:
            try:
                return SharedProject.genesis(self._base())
            except Exception as exc:  # the file was read once already; should it fail now, start afresh
                self.problem = f"the file's first state could not be rebuilt ({exc})"
        return SharedProject.genesis(project)


def sync_state(project: Project) -> SyncState:
    """The project's sync state, made (a new history from the project as it is) when it has none."""
    state = project.sync
    if not isinstance(state, SyncState):
        state = project.sync = SyncState()
    return state


def shared_update(project: Project) -> bytes:
    """The project's whole history with its current content, as one Yjs update (what a file keeps)."""
    return sync_state(project).shared(project).update()
