"""`roadmap-desktop check`: validate a project file."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, fail

NAME = "check"
HELP = "validate a project file (exit 0 if valid, 2 if not)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    from ..persistence.errors import ProjectFileError
    from ..persistence.project_file import load_project

    try:
        loaded = load_project(Path(args.file))
    except ProjectFileError as exc:
        return fail(str(exc))
    project = loaded.project
    note = f" (format version {loaded.migrated_from}, would be converted)" if loaded.migrated_from else ""
    print(
        f"{args.file}: OK{note}: “{project.info.name}”, {len(project.requirements)} requirements, "
        f"{len(project.items)} timeline items, {len(project.risks)} risks, {len(project.lanes)} lanes"
    )
    return EXIT_OK
