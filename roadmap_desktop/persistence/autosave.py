"""Crash recovery: periodic autosave copies of unsaved projects, listed and restored at start-up."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..domain.dates import in_range, now_stamp
from ..domain.project import Project
from .atomic import atomic_write_text
from .errors import ProjectFileError, SaveError
from .project_file import MAX_FILE_BYTES, decode_text, document_to_project, parse_document, read_file_bytes
from .serialize import project_to_dict

RECOVERY_SUFFIX = ".recovery.json"
# The envelope adds a few hundred bytes to a document that may itself be at the project limit.
MAX_RECOVERY_BYTES = MAX_FILE_BYTES + 64 * 1024
_SAFE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}")


@dataclass(frozen=True)
class RecoveryEntry:
    path: Path  # the recovery file
    project_id: str
    source_path: Path | None  # the project file it was opened from; None for a never-saved project
    saved_at: dt.datetime  # aware, UTC
    project_name: str


class RecoveryStore:
    """One recovery file per project id in ``folder``; the Qt side decides when to write and discard."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def path_for(self, project_id: str) -> Path:
        # Ids come from files, so an id like "../x" must not choose where we write.
        stem = project_id if _SAFE_ID.fullmatch(project_id) else hashlib.sha256(project_id.encode()).hexdigest()[:32]
        return self.folder / f"{stem}{RECOVERY_SUFFIX}"

    def write(self, project: Project, source_path: str | os.PathLike[str] | None = None) -> Path:
        """Atomically store a recovery copy of ``project``; raises SaveError."""
        target = self.path_for(project.info.id)
        header = {
            "source_path": str(source_path) if source_path is not None else None,
            "saved_at": now_stamp().isoformat(),
            "project_name": project.info.name,
        }
        try:
            text = json.dumps(
                {"recovery": header, "document": project_to_dict(project)}, ensure_ascii=False, allow_nan=False
            )
        except (TypeError, ValueError) as exc:
            raise SaveError(target, f"could not write a recovery copy: {exc}") from None
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)  # a failure shows up as the write's SaveError
        atomic_write_text(target, text)
        return target

    def entries(self) -> list[RecoveryEntry]:
        """Readable recovery files, newest first; broken ones are skipped, never raised."""
        found: list[tuple[dt.datetime, float, RecoveryEntry]] = []
        try:
            candidates = sorted(self.folder.glob(f"*{RECOVERY_SUFFIX}"))
        except OSError:
            return []
        for path in candidates:
            try:
                entry = self._read_entry(path)
                mtime = path.stat().st_mtime
            except Exception:  # a corrupt recovery file must never block start-up
                continue
            if entry is not None:
                found.append((entry.saved_at, mtime, entry))
        found.sort(key=lambda row: (row[0], row[1]), reverse=True)
        return [row[2] for row in found]

    def load(self, entry: RecoveryEntry) -> Project:
        """The project saved in ``entry``; raises ProjectFileError if the file is broken."""
        try:
            doc = self._read(entry.path)
            if not isinstance(doc, dict) or not isinstance(doc.get("document"), dict):
                raise ProjectFileError(entry.path, "is not a Roadmap Desktop recovery file")
            return document_to_project(doc["document"], entry.path)
        except ProjectFileError:
            raise
        except Exception as exc:
            raise ProjectFileError(entry.path, f"could not be read: {exc}") from None

    def discard(self, project_id: str) -> None:
        """Remove the recovery file of ``project_id``; a missing one is fine."""
        with contextlib.suppress(FileNotFoundError):
            self.path_for(project_id).unlink()

    def _read(self, path: Path) -> object:
        return parse_document(decode_text(read_file_bytes(path, MAX_RECOVERY_BYTES), path), path)

    def _read_entry(self, path: Path) -> RecoveryEntry | None:
        doc = self._read(path)
        if not isinstance(doc, dict):
            return None
        header, document = doc.get("recovery"), doc.get("document")
        if not isinstance(header, dict) or not isinstance(document, dict):
            return None
        info = document.get("project")
        project_id = info.get("id") if isinstance(info, dict) else None
        source, name, saved = header.get("source_path"), header.get("project_name"), header.get("saved_at")
        if not isinstance(project_id, str) or not isinstance(name, str) or not isinstance(saved, str):
            return None
        if source is not None and not isinstance(source, str):
            return None
        saved_at = dt.datetime.fromisoformat(saved)
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=dt.UTC)
        if not in_range(saved_at.date()):  # local time cannot show a stamp at the calendar's edge: use the file's
            saved_at = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(microsecond=0)
        return RecoveryEntry(path, project_id, Path(source) if source else None, saved_at, name)
