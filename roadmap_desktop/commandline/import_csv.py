"""`roadmap-desktop import`: add requirements from a CSV file (spreadsheet, Jira, Trello), or lanes and timeline
items from a GanttProject or MS Project XML file, to a project."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, CommandError, fail, load, save

NAME = "import"
HELP = (
    "add requirements from CSV, or a plan from GanttProject or MS Project, to a project (exit 0 if any were imported)"
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .roadmap project to add to (--gan/--mspdi: made if missing)")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--csv", metavar="IN", help="requirements from a CSV file (UTF-8; comma, semicolon or tab)")
    source.add_argument("--gan", metavar="IN", help="lanes and timeline items from a GanttProject .gan file")
    source.add_argument("--mspdi", metavar="IN", help="lanes and timeline items from an MS Project XML (MSPDI) file")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="map a column to a requirement field (FIELD 'ignore' drops it); overrides the guesses",
    )
    parser.add_argument("--dry-run", action="store_true", help="report what would be imported; change nothing")


def run(args: argparse.Namespace) -> int:
    if args.gan or args.mspdi:
        if args.map:
            return fail("--map applies only to --csv")
        from .import_plan import run_plan_import

        return run_plan_import(args)
    from ..interchange.csv_import import (
        CsvReadError,
        import_requirements,
        import_targets,
        read_csv_table,
        suggest_mapping,
    )

    try:
        table = read_csv_table(Path(args.csv))
    except CsvReadError as exc:
        return fail(str(exc))
    mapping = suggest_mapping(table.headers)
    targets = {name for name, _label in import_targets()}
    for entry in args.map:
        column, sep, target = entry.rpartition("=")
        column, target = column.strip(), target.strip()
        if not sep or not column:
            return fail(f"--map {entry!r}: write it as COLUMN=FIELD")
        if column not in table.headers:
            return fail(
                f"--map {entry!r}: {table.source} has no column {column!r} (it has: {', '.join(table.headers)})"
            )
        if target.lower() in ("ignore", ""):
            mapping.pop(column, None)
        elif target not in targets:
            return fail(f"--map {entry!r}: unknown field {target!r} (fields: {', '.join(sorted(targets))})")
        else:
            mapping[column] = target
    try:
        project = load(args.file)
        result = import_requirements(table, mapping, project)
    except CommandError as exc:
        return fail(str(exc))
    except ValueError as exc:  # the mapping itself, e.g. two columns for the title
        return fail(f"{table.source}: {exc}")
    verb = "would import" if args.dry_run else "imported"
    noun = "requirement" if result.count == 1 else "requirements"
    problems = len(result.problems)
    print(f"{verb} {result.count} {noun}; {problems} problem{'' if problems == 1 else 's'}" + (":" if problems else ""))
    for row, message in result.problems:
        print(f"  row {row}: {message}")
    if result.ignored_columns:
        print(f"ignored columns: {', '.join(result.ignored_columns)}")
    if not result.count:
        return fail(f"{table.source}: nothing could be imported")
    if not args.dry_run:
        try:
            result.command.apply(project)
            save(project, args.file)
        except CommandError as exc:
            return fail(str(exc))
    return EXIT_OK
