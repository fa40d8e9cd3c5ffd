"""User settings: a small JSON dictionary on disk, including the recent-files list."""

from __future__ import annotations

import contextlib
import copy
import json
import os
from pathlib import Path

from .atomic import atomic_write_text
from .paths import config_dir
from .regular_file import read_regular_file

SETTINGS_FILE_NAME = "settings.json"
RECENT_KEY = "recent_files"
MAX_RECENT = 10
_MAX_SETTINGS_BYTES = 1024 * 1024  # far above any real settings file


class Settings:
    """Values are JSON-ready; every ``set`` is written through atomically.

    Loading never raises: a missing, unreadable or corrupt file simply yields defaults (and is
    replaced by the next successful ``set``).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._values: dict[str, object] = _read(self.path)

    def get(self, key: str, default: object = None) -> object:
        # A copy, so a caller editing a returned list cannot change the store behind its back.
        return copy.deepcopy(self._values[key]) if key in self._values else default

    def set(self, key: str, value: object) -> None:
        """Store and write ``value``.

        Raises TypeError/ValueError (nothing stored) for a value JSON cannot hold, and SaveError
        when writing fails; the new value is then still used for the rest of the session.
        """
        updated = {**self._values, key: copy.deepcopy(value)}
        text = json.dumps(updated, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
        self._values = updated
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)  # else the write names the problem
        atomic_write_text(self.path, text)

    def as_dict(self) -> dict[str, object]:
        return copy.deepcopy(self._values)

    # -- recent files -----------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """Most recent first; entries whose file has gone are kept (the caller filters them)."""
        stored = self._values.get(RECENT_KEY)
        if not isinstance(stored, list):
            return []
        return [entry for entry in stored if isinstance(entry, str) and entry][:MAX_RECENT]

    def add_recent(self, path: str | os.PathLike[str]) -> None:
        """Move ``path`` to the front of the recent list; raises SaveError if it cannot be written."""
        resolved = _resolved(path)
        key = os.path.normcase(resolved)
        rest = [entry for entry in self.recent_files() if os.path.normcase(_resolved(entry)) != key]
        self.set(RECENT_KEY, [resolved, *rest][:MAX_RECENT])

    def remove_recent(self, path: str | os.PathLike[str]) -> None:
        key = os.path.normcase(_resolved(path))
        current = self.recent_files()
        kept = [entry for entry in current if os.path.normcase(_resolved(entry)) != key]
        if kept != current:
            self.set(RECENT_KEY, kept)


def default_settings() -> Settings:
    """The user's settings, at ``config_dir()/settings.json``."""
    return Settings(config_dir() / SETTINGS_FILE_NAME)


def _read(path: Path) -> dict[str, object]:
    try:
        data = read_regular_file(path, _MAX_SETTINGS_BYTES)  # a pipe in its place must not hang start-up
        values = json.loads(data.decode("utf-8-sig"))
    except Exception:  # missing, unreadable, special, too big, not UTF-8, not JSON, too deep: start from defaults
        return {}
    return values if isinstance(values, dict) else {}


def _resolved(path: str | os.PathLike[str]) -> str:
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):  # symlink loops, odd names
        return os.path.abspath(os.fspath(path))
