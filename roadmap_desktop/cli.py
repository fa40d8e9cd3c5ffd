"""The command line: open the GUI, or run a sub-command (new, check, models) without one."""

from __future__ import annotations

import argparse
import json
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


def cmd_models(args: argparse.Namespace) -> int:
    from .llm.catalog import (
        BrokenModel,
        available_memory_bytes,
        estimate_memory,
        find_models,
        fits,
        format_bytes,
        model_dirs,
    )

    found = find_models()
    available = available_memory_bytes()
    rows: list[dict[str, object]] = []
    lines: list[str] = []
    for entry in found:
        if isinstance(entry, BrokenModel):
            rows.append(entry.as_json())
            lines += [f"{entry.path.name}  ({entry.path.parent})", f"  unusable: {entry.error}"]
            continue
        estimate = estimate_memory(entry, args.n_ctx)
        ok, verdict = fits(estimate, available)
        rows.append({**entry.as_json(), "memory": {**estimate.as_json(), "available_bytes": available, "fits": ok}})
        template = "chat template" if entry.has_chat_template else "no chat template"
        lines += [
            f"{entry.path.name}  ({entry.path.parent})",
            f"  {entry.name} · {entry.architecture or '?'} · {entry.parameters_label} parameters · "
            f"{entry.quantization or '?'} · context {entry.context_length or '?'} · "
            f"{format_bytes(entry.file_size)} · {template}",
            f"  memory at n_ctx {args.n_ctx}: {'OK' if ok else 'WARNING'}, {verdict}",
            f"    {estimate.explanation}",
        ]
    if args.json:
        print(json.dumps({"n_ctx": args.n_ctx, "available_bytes": available, "models": rows}, ensure_ascii=False))
        return EXIT_OK
    if not found:
        print("no .gguf model files found in: " + ", ".join(str(folder) for folder in model_dirs()))
    print("\n".join(lines))
    return EXIT_OK


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value}")
    return value


SUBCOMMANDS = {"new": cmd_new, "check": cmd_check, "models": cmd_models}


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
    models = subs.add_parser("models", help="list the GGUF models found, with metadata and a memory estimate")
    models.add_argument("--n-ctx", type=_positive_int, default=4096, metavar="N", help="context length to estimate for")
    models.add_argument("--json", action="store_true", help="print the list as JSON")
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roadmap-desktop",
        description="Offline product-roadmap planner. Sub-commands: new, check, models (see `roadmap-desktop new -h`).",
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
