"""A project's shared history (its Y.Doc), carried with the project from loading to saving and merging, and the
rule for when a file keeps it (``HISTORY_MAX_ENTITIES``)."""

from __future__ import annotations

import zlib

from ..domain.project import COLLECTIONS, Project
from .shared_project import SharedProject

# The file keeps the history only for a project of at most this many entities (requirements, items, risks and
# lanes together). Measured with benchmarks/crdt_save.py on a 2-core machine, at 3,000 entities: the first save after
# opening costs 0.26 s more with the history (it decodes and reads the document back), later saves 0.10 s more,
# and starting the history (Share Live, the first save) 0.5 s; all grow linearly, so at this bound a save costs at
# most ~0.5 s more than without it even on a slower laptop (a template-sized project: a few ms). Bigger projects
# save exactly as without live editing (no ``crdt`` key): live sessions still work, Merge Project on their copies
# uses the merge dialog.
HISTORY_MAX_ENTITIES = 3_000
# ... and only while the stored history (compressed, base64) stays this small, so it can never push a file past the
# 50 MB limit. (At the entity bound it is about 1 MB: compressed, a Yjs update is a quarter of its size.)
HISTORY_MAX_BYTES = 12 * 1024 * 1024
COMPRESS_LEVEL = 1  # 13 ms for a 2.5 MB update, 4x smaller; level 6 gains 10% more for 3x the time


def entity_count(project: Project) -> int:
    return sum(len(getattr(project, attr)) for attr in COLLECTIONS.values())


def within_history_bound(project: Project) -> bool:
    return entity_count(project) <= HISTORY_MAX_ENTITIES


class SyncState:
    """Where a project stands in its Yjs history. A project within ``HISTORY_MAX_ENTITIES`` starts one at its first
    save (or when shared, joined live or merged through it); a file keeps it from then on. Decoded only when first
    needed (a save, a merge, a live session), so opening a big file costs nothing extra.

    ``stored``: the state a file held (a zlib-compressed Yjs update).
    """

    def __init__(self, stored: bytes | None = None, base: Project | None = None) -> None:
        self._stored = stored
        # A file without a history: the project as read, so that the history started later begins from the
        # file's content, the same in every copy of that file (genesis is made from the content), whatever each
        # copy did before its first save.
        self._base = base
        self._begun = base is None
        self._shared: SharedProject | None = None
        self.problem = ""  # why a damaged state was set aside

    @property
    def started(self) -> bool:
        """True once there is a history (read from a file, or begun by a save, a share or a merge), not only the
        content it would begin from."""
        return self._begun

    def begin(self) -> None:
        """Sharing, joining or merging begins the history (from the file's content, where there is one)."""
        self._begun = True

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
            self._stored = None
            self._begun = True
        self._shared.write_project(project)
        return self._shared

    def _open(self, project: Project) -> SharedProject:
        if self._stored is not None:
            try:
                return SharedProject.from_update(zlib.decompress(self._stored))
            except zlib.error as exc:  # a damaged state costs the history, never the project
                self.problem = f"the live-editing state is damaged ({exc})"
            except ValueError as exc:
                self.problem = str(exc)
        base, self._base = self._base, None
        return SharedProject.genesis(base if base is not None else project)


def has_history(project: Project) -> bool:
    """True when the project keeps a shared history (shared or joined live, merged through it, or read from a file)."""
    return isinstance(project.sync, SyncState) and project.sync.started


def unsaved_base(project: Project) -> SyncState | None:
    """The state a small file without a history starts with: no history yet, only the content read, where the
    history will begin at the next save or share (see ``SyncState``). None for a project over the bound."""
    return SyncState(base=project.snapshot()) if within_history_bound(project) else None


def sync_state(project: Project) -> SyncState:
    """The project's sync state; calling it starts the history (from the project as it is) when it has none, as
    sharing or joining live does."""
    state = project.sync
    if not isinstance(state, SyncState):
        state = project.sync = SyncState()
    state.begin()
    return state


def stored_history(project: Project) -> bytes | None:
    """What the file keeps of the history: the whole history with the current content written in, as one Yjs update,
    zlib-compressed; None when the project is over ``HISTORY_MAX_ENTITIES`` or the history is over
    ``HISTORY_MAX_BYTES``. A project without a history starts one here, so every file within the bound can merge
    with a copy of itself edited apart (a Syncthing or Dropbox "conflicted copy"), shared live or not. Encoding the
    whole document is cheap (a few ms per MB; a diff since the last save would save nothing, as the file is
    rewritten whole); the cost is bringing the document up to the project."""
    if not within_history_bound(project):
        return None
    stored = zlib.compress(sync_state(project).shared(project).update(), COMPRESS_LEVEL)
    return stored if len(stored) * 4 // 3 <= HISTORY_MAX_BYTES else None
