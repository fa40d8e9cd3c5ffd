"""`roadmap-desktop new`: write a new project file, empty or from a bundled template."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..wording import languages
from .common import EXIT_OK, CommandError, fail, save

NAME = "new"
HELP = "write a new project file, empty or from a template (--template list names them)"
LIST = "list"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="the .roadmap file to create")
    parser.add_argument(
        "--template",
        metavar="NAME",
        help="start from this template, the same as File > New from Template; 'list' prints the names",
    )
    parser.add_argument("--name", help="project name (default: the template's, or 'Untitled roadmap')")
    parser.add_argument("--language", choices=languages(), default="en", help="project language")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from ..domain.project import Project
    from ..persistence.errors import ProjectFileError
    from ..persistence.template_file import list_templates, load_template

    if args.template == LIST:
        for info in list_templates():
            print(f"{info.id}\t{info.name_in(args.language)} — {info.summary_in(args.language)}")
        return EXIT_OK
    if not args.output:
        return fail("new: -o FILE is required (or --template list to see the templates)")
    target = Path(args.output)
    if target.exists() and not args.force:
        return fail(f"{target}: already exists (use --force to replace it)")
    if args.template is None:
        project = Project.new(args.name or "Untitled roadmap", args.language)
    else:
        known = [info.id for info in list_templates()]
        if args.template not in known:
            return fail(f"no template {args.template!r}; the templates are: {', '.join(known)}")
        try:
            project = load_template(args.template, args.language)
        except ProjectFileError as exc:
            return fail(str(exc))
        if args.name:
            project.info.name = args.name
    try:
        save(project, target)
    except CommandError as exc:
        return fail(str(exc))
    print(f"created {target}")
    return EXIT_OK
