"""Reading the bundled requirement-pattern library, ``resources/requirement_library/*.json``; the checks
live in the domain (domain/requirement_library.py)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from ..domain.phase_skeleton import PhaseSkeletons, parse_phase_skeletons
from ..domain.requirement_library import RequirementLibrary, build_library, parse_library_file
from .data_file import read_json_object
from .paths import resources_dir
from .risk_library_file import LibraryError, load_default_risk_library

LIBRARY_DIR_NAME = "requirement_library"
MAX_FILE_BYTES = 2 * 1024 * 1024


def default_library_dir() -> Path:
    return resources_dir() / LIBRARY_DIR_NAME


def load_requirement_library(folder: str | os.PathLike[str] | None = None) -> RequirementLibrary:
    """Read and check every ``*.json`` in ``folder`` (default: the bundled one); raise LibraryError."""
    directory = Path(folder) if folder is not None else default_library_dir()
    files = sorted(directory.glob("*.json"))
    if not files:
        raise LibraryError(directory, "the requirement library has no files")
    parsed = []
    for file in files:
        data = read_json_object(file, "requirement library", MAX_FILE_BYTES, LibraryError)
        try:
            parsed.append(parse_library_file(data))
        except ValueError as exc:
            raise LibraryError(file, str(exc)) from None
    risk_ids = [risk.id for risk in load_default_risk_library().risks]
    try:
        return build_library(parsed, risk_ids)
    except ValueError as exc:
        raise LibraryError(directory, str(exc)) from None


@cache
def load_default_requirement_library() -> RequirementLibrary:
    """The bundled library, read once (a failure is not cached, so it is retried)."""
    return load_requirement_library()


SKELETONS_FILE_NAME = "phase_skeletons.json"


def load_phase_skeletons(path: str | os.PathLike[str] | None = None) -> PhaseSkeletons:
    file = Path(path) if path is not None else resources_dir() / SKELETONS_FILE_NAME
    data = read_json_object(file, "phase skeletons", MAX_FILE_BYTES, LibraryError)
    try:
        return parse_phase_skeletons(data)
    except ValueError as exc:
        raise LibraryError(file, str(exc)) from None


@cache
def load_default_phase_skeletons() -> PhaseSkeletons:
    return load_phase_skeletons()
