"""What sub-commands share: exit codes, one-line failures, argument types, loading and saving projects."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.project import Project

EXIT_OK = 0
EXIT_PROBLEM = 2
# The model server's key: `serve` requires it, `assist --model URL` sends it (unless --api-key).
API_KEY_ENV = "ROADMAP_DESKTOP_API_KEY"


class CommandError(Exception):
    """A problem to report in one line with exit code 2."""


def fail(message: str) -> int:
    print(f"roadmap-desktop: {message}", file=sys.stderr)
    return EXIT_PROBLEM


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value}")
    return value


def load(path: str | Path) -> Project:
    """The project in ``path``; CommandError with the loader's one-line message if it cannot be read."""
    from ..persistence.errors import ProjectFileError
    from ..persistence.project_file import load_project

    try:
        return load_project(Path(path)).project
    except ProjectFileError as exc:
        raise CommandError(str(exc)) from None


def save(project: Project, path: str | Path) -> None:
    """Save atomically (the file is either the old or the new one, never half of each)."""
    from ..persistence.errors import ProjectFileError
    from ..persistence.project_file import save_project

    try:
        save_project(project, Path(path))
    except ProjectFileError as exc:
        raise CommandError(str(exc)) from None
