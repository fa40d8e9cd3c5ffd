"""What sub-commands share: exit codes, one-line failures, argument types, loading and saving projects."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.project import Project
from .console import one_line

if TYPE_CHECKING:
    from ..persistence.backup import OlderFile

EXIT_OK = 0
EXIT_PROBLEM = 2
# The model server's key: `serve` requires it, `assist --model URL` sends it (unless --api-key).
API_KEY_ENV = "ROADMAP_DESKTOP_API_KEY"


class CommandError(Exception):
    """A problem to report in one line with exit code 2."""


def fail(message: str) -> int:
    """Say ``message`` on stderr as one clean line (it may quote file content or names); return 2."""
    print(f"roadmap-desktop: {one_line(message)}", file=sys.stderr)
    return EXIT_PROBLEM


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value}")
    return value


def date_arg(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` argument inside the supported dates (the same rule as a project file's dates)."""
    from ..domain.dates import DateRangeError, parse_date

    try:
        return parse_date(text)
    except DateRangeError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {text!r}") from None


# The files this command opened in an older format, by real path: the save that replaces one keeps a copy.
_OLDER: dict[str, OlderFile] = {}


def load(path: str | Path) -> Project:
    """The project in ``path``; CommandError with the loader's one-line message if it cannot be read.

    Nothing is written: an older-format file is upgraded in memory, and only a save over it keeps a copy.
    """
    from ..persistence.errors import ProjectFileError
    from ..persistence.project_file import load_project

    try:
        loaded = load_project(Path(path))
    except ProjectFileError as exc:
        raise CommandError(str(exc)) from None
    if loaded.older is not None:
        _OLDER[os.path.realpath(path)] = loaded.older
    return loaded.project


def save(project: Project, path: str | Path) -> None:
    """Save atomically (the file is either the old or the new one, never half of each)."""
    from ..persistence.errors import ProjectFileError
    from ..persistence.project_file import save_project

    older = _OLDER.get(os.path.realpath(path))
    try:
        backup = save_project(project, Path(path), older)
    except ProjectFileError as exc:
        raise CommandError(str(exc)) from None
    if older is not None:
        _OLDER.pop(os.path.realpath(path), None)
    if backup is not None and older is not None:
        print(f"roadmap-desktop: kept the file format version {older.version} original as {backup}", file=sys.stderr)


def serve_until_stopped(run: Callable[[], object], on_signal: Callable[[], object]) -> int:
    """Run a uvicorn server until Ctrl+C or SIGTERM (``on_signal`` asks it to stop); 0 after a clean shutdown, 2
    when it could not take the address (uvicorn has said why in one line). uvicorn raises a captured signal again
    once it has shut down; handling the signals here makes that a normal return, not a KeyboardInterrupt traceback."""
    previous = {sig: signal.signal(sig, lambda *_: on_signal()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        run()
    except SystemExit as exc:  # uvicorn could not bind, and logged why
        return 2 if exc.code else 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
