"""Reading the bundled risk library, ``resources/risk_library.json``; the checks live in the domain."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..domain.risk_library import RiskLibrary, parse_risk_library
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
    try:
        if file.stat().st_size > MAX_LIBRARY_BYTES:
            raise LibraryError(file, f"the risk library is larger than {MAX_LIBRARY_BYTES // (1024 * 1024)} MB")
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LibraryError(file, "the risk library file is missing") from None
    except UnicodeDecodeError:
        raise LibraryError(file, "the risk library is not UTF-8 text") from None
    except OSError as exc:
        raise LibraryError(file, f"cannot read the risk library: {exc.strerror or exc}") from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise LibraryError(
            file, f"the risk library is not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None
    except ValueError as exc:
        raise LibraryError(file, str(exc)) from None
    try:
        return parse_risk_library(data)
    except ValueError as exc:
        raise LibraryError(file, str(exc)) from None


def load_default_risk_library() -> RiskLibrary:
    return load_risk_library()


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"risk library: key {key!r} appears twice in one object")
        out[key] = value
    return out
