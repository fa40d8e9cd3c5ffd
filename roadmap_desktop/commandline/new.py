"""`roadmap-desktop new`: write an empty project file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..wording import languages
from .common import EXIT_OK, CommandError, fail, save

NAME = "new"
HELP = "write an empty project file"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the .roadmap file to create")
    parser.add_argument("--name", default="Untitled roadmap", help="project name")
    parser.add_argument("--language", choices=languages(), default="en", help="project language")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from ..domain.project import Project

    target = Path(args.output)
    if target.exists() and not args.force:
        return fail(f"{target}: already exists (use --force to replace it)")
    try:
        save(Project.new(args.name, args.language), target)
    except CommandError as exc:
        return fail(str(exc))
    print(f"created {target}")
    return EXIT_OK
