"""Exceptions for project files that cannot be read or written; each carries one readable line."""

from __future__ import annotations

import os
from pathlib import Path


class ProjectFileError(Exception):
    """A file could not be read or written; ``str()`` is ``"{path}: {problem}"``, never a traceback."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = Path(path)
        # One line only: the UI shows this in a message box and the CLI prints it.
        self.problem = " ".join(str(problem).split())
        super().__init__(self.path, self.problem)

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


READ_ONLY_PROBLEM = "cannot save: the file is read-only; make it writable, or save under another name"


class SaveError(ProjectFileError):
    """Writing failed; the previous file on disk is unchanged."""

    @property
    def read_only(self) -> bool:
        """The file is marked read-only: saving under another name is the way out, not freeing space."""
        return self.problem == READ_ONLY_PROBLEM
