"""The copy of an older-format file kept when a save first replaces it (opening and checking write nothing)."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .atomic import atomic_write_bytes
from .errors import SaveError
from .regular_file import UnreadableFile, read_regular_file

MAX_BACKUPS = 1000  # copies of one version beside one file; past that the save is refused
_READ_LIMIT = 1024 * 1024 * 1024  # the original is copied whatever its size: never a reason to lose it


@dataclass(frozen=True)
class OlderFile:
    """A file in an older format version that a project was upgraded from, in memory only."""

    path: Path
    version: int

    def is_at(self, target: str | os.PathLike[str]) -> bool:
        """Whether ``target`` names this file (through any link or spelling)."""
        return _same_file(self.path, Path(target))

    def backup_name(self) -> str:
        """The name the first backup takes (a later one, beside an occupied name, adds a counter)."""
        return backup_path(self.path, self.version, 0).name


def backup_path(file: Path, version: int, counter: int = 0) -> Path:
    suffix = f".v{version}.bak" if counter == 0 else f".v{version}.{counter}.bak"
    return file.with_name(file.name + suffix)


def keep_original(older: OlderFile, target: Path) -> Path | None:
    """Before ``target`` is replaced: when it is ``older``'s file, copy its bytes beside it and return the copy.

    None when the save goes to another file or the original is gone (nothing to lose). Raises SaveError when
    the copy cannot be made, so the save does not go ahead and the original stays as it is.
    """
    if not older.is_at(target):
        return None
    try:
        data = read_regular_file(older.path, _READ_LIMIT, "project file")
        return back_up(older.path, data, older.version)
    except UnreadableFile as exc:
        if exc.reason == "missing":
            return None
        problem = f"it {exc.problem}"
    except SaveError as exc:
        problem = exc.problem
    raise SaveError(
        target, f"cannot keep a copy of the version {older.version} original, so it was not replaced: {problem}"
    )


def back_up(file: Path, data: bytes, version: int) -> Path:
    """Copy ``data`` to ``<name>.v<version>.bak`` (or ``.v<version>.<n>.bak``).

    An existing backup is never overwritten; one with identical bytes is reused, so saving the same old
    file repeatedly does not pile up copies. Raises SaveError.
    """
    for counter in range(MAX_BACKUPS):
        candidate = backup_path(file, version, counter)
        if candidate.exists() or candidate.is_symlink():
            if _same_bytes(candidate, data):
                return candidate
            continue
        atomic_write_bytes(candidate, data)
        with contextlib.suppress(OSError):
            shutil.copystat(file, candidate)  # keep the original's dates and permissions
        return candidate
    raise SaveError(file, "too many backups beside it")


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return os.path.realpath(first) == os.path.realpath(second)


def _same_bytes(candidate: Path, data: bytes) -> bool:
    try:
        return read_regular_file(candidate, len(data), "backup") == data
    except UnreadableFile:
        return False
