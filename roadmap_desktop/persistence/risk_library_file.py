"""Reading the bundled risk library, ``resources/risk_library.json``; the checks live in the domain."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from ..domain.risk_library import RiskLibrary, parse_risk_library
from .data_file import read_json_object
from .errors import ProjectFileError
from .paths import resources_dir

LIBRARY_FILE_NAME = "risk_library.json"
MAX_LIBRARY_BYTES = 5 * 1024 * 1024


class LibraryError(ProjectFileError):
    """The library file is missing or unusable; ``str()`` is one line: ``"{path}: {problem}"``."""


def default_library_path() -> Path:
    return resources_dir() / LIBRARY_FILE_NAME


def load_risk_library(path: str | os.PathLike[str] | None = None) -> RiskLibrary:
    """Read and check the library at ``path`` (default: the bundled one); raise LibraryError."""
    file = Path(path) if path is not None else default_library_path()
    data = read_json_object(file, "risk library", MAX_LIBRARY_BYTES, LibraryError)
    try:
        return parse_risk_library(data)
    except ValueError as exc:
        raise LibraryError(file, str(exc)) from None


@cache
def load_default_risk_library() -> RiskLibrary:
    """The bundled library, read once: it is immutable (a failure is not cached, so it is retried)."""
    return load_risk_library()
