"""The command line: open the GUI, or run a sub-command (new, check) without one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXIT_OK = 0
EXIT_PROBLEM = 2


def _fail(message: str) -> int:
    print(f"roadmap-desktop: {message}", file=sys.stderr)
    return EXIT_PROBLEM


def cmd_new(args: argparse.Namespace) -> int:
    from .domain.project import Project
    from .persistence.errors import ProjectFileError
    from .persistence.project_file import save_project

    target = Path(args.output)
    if target.exists() and not args.force:
        return _fail(f"{target}: already exists (use --force to replace it)")
    project = Project.new(args.name, args.language)
    try:
        save_project(project, target)
    except ProjectFileError as exc:
        return _fail(str(exc))
    print(f"created {target}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from .persistence.errors import ProjectFileError
    from .persistence.project_file import load_project

    try:
        loaded = load_project(Path(args.file))
    except ProjectFileError as exc:
        return _fail(str(exc))
    project = loaded.project
    note = f" (format version {loaded.migrated_from}, would be converted)" if loaded.migrated_from else ""
    print(
        f"{args.file}: OK{note}: “{project.info.name}”, {len(project.requirements)} requirements, "
        f"{len(project.items)} timeline items, {len(project.risks)} risks, {len(project.lanes)} lanes"
    )
    return EXIT_OK


SUBCOMMANDS = {"new": cmd_new, "check": cmd_check}


def build_subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="roadmap-desktop")
    subs = parser.add_subparsers(dest="command", required=True)
    new = subs.add_parser("new", help="write an empty project file")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help="the .roadmap file to create")
    new.add_argument("--name", default="Untitled roadmap", help="project name")
    new.add_argument("--language", choices=("en", "zh"), default="en", help="project language")
    new.add_argument("--force", action="store_true", help="replace FILE if it exists")
    check = subs.add_parser("check", help="validate a project file (exit 0 if valid, 2 if not)")
    check.add_argument("file", metavar="FILE")
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roadmap-desktop",
        description="Offline product-roadmap planner. Sub-commands: new, check (see `roadmap-desktop new -h`).",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a .roadmap project to open")
    parser.add_argument("--version", action="version", version=f"roadmap-desktop {__version__}")
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = build_subcommand_parser().parse_args(argv)
            return SUBCOMMANDS[args.command](args)
        args = build_gui_parser().parse_args(argv)
    except SystemExit as exc:  # argparse's own exit for --help, --version and usage errors
        return int(exc.code or 0)
    from .app import run_gui

    return run_gui(Path(args.file) if args.file else None, args.quit_after)
