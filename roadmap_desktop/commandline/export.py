"""`roadmap-desktop export`: write a project as Markdown, CSV, Mermaid, JSON, MS Project XML, iCalendar, PDF or
PNG."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from .common import EXIT_OK, CommandError, fail, load

NAME = "export"
HELP = "export a project as Markdown, CSV, Mermaid, JSON, MS Project XML, iCalendar, PDF or PNG (format from OUT)"

TEXT_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".mmd": "mermaid",
    ".json": "json",
    ".xml": "mspdi",
    ".ics": "ics",
}
PAGE_FORMATS = {".pdf": "pdf", ".png": "png"}
PAGE_MODULES = {"pdf": "roadmap_desktop.export.pdf.document", "png": "roadmap_desktop.export.png"}
SUPPORTED = ".md, .csv, .mmd, .json, .xml, .ics, .pdf, .png"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .roadmap project")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help=f"file to write ({SUPPORTED})")
    parser.add_argument(
        "--kind", choices=("requirement", "item", "risk"), help="for .csv: which entities (default: requirement)"
    )
    parser.add_argument(
        "--format",
        dest="tracker",
        choices=("jira", "linear"),
        help="for .csv: an issue tracker's import file (lanes as epics, items and requirements as issues)",
    )
    parser.add_argument("--sections", metavar="LIST", help="for .pdf/.png: comma-separated sections to include")
    parser.add_argument("--page-size", metavar="SIZE", help="for .pdf/.png: page size, e.g. A4, A3, Letter")
    parser.add_argument("--orientation", choices=("portrait", "landscape"), help="for .pdf/.png: page orientation")


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in TEXT_FORMATS and suffix not in PAGE_FORMATS:
        return fail(f"{out}: cannot tell the format from {suffix or 'a missing extension'}; use one of {SUPPORTED}")
    if args.kind and suffix != ".csv":
        return fail("--kind applies only to .csv output")
    if args.tracker and suffix != ".csv":
        return fail("--format applies only to .csv output")
    if args.tracker and args.kind:
        return fail("--format and --kind cannot be combined: a tracker file holds lanes, items and requirements")
    page_options = {"sections": args.sections, "page_size": args.page_size, "orientation": args.orientation}
    given = [f"--{name.replace('_', '-')}" for name, value in page_options.items() if value is not None]
    if given and suffix not in PAGE_FORMATS:
        return fail(f"{', '.join(given)} applies only to .pdf and .png output")
    try:
        project = load(args.file)
        if suffix in PAGE_FORMATS:
            return _export_pages(project, out, PAGE_FORMATS[suffix], page_options)
        note = _export_text(project, out, args.tracker or TEXT_FORMATS[suffix], args.kind or "requirement")
    except CommandError as exc:
        return fail(str(exc))
    print(f"wrote {out}" + (f" ({note})" if note else ""))
    return EXIT_OK


def _export_text(project, out: Path, fmt: str, kind: str) -> str:
    """Write ``out``; returns a note on what was left out ("" when nothing was)."""
    from ..persistence.atomic import atomic_write_text
    from ..persistence.errors import ProjectFileError

    left_out = sum(1 for item in project.items if item.start is None)
    try:
        if fmt in ("jira", "linear"):
            from ..interchange.tracker_csv import write_tracker_csv

            write_tracker_csv(project, fmt, out)
        elif fmt in ("mspdi", "ics"):
            from ..interchange.ics_export import write_ics
            from ..interchange.mspdi_export import write_mspdi

            (write_mspdi if fmt == "mspdi" else write_ics)(project, out)
            if left_out:
                return f"{left_out} item{'' if left_out == 1 else 's'} without a start date left out"
        elif fmt == "csv":
            from ..interchange.csv_export import write_csv

            write_csv(project, kind, out)
        elif fmt == "json":
            from ..interchange.json_export import write_json

            write_json(project, out)
        elif fmt == "markdown":
            from ..interchange.markdown import project_to_markdown

            atomic_write_text(out, project_to_markdown(project))
        else:
            from ..interchange.mermaid import project_to_mermaid

            atomic_write_text(out, project_to_mermaid(project))
    except ProjectFileError as exc:
        raise CommandError(str(exc)) from None
    return ""


def _export_pages(project, out: Path, fmt: str, options: dict[str, str | None]) -> int:
    """PDF and PNG come from Qt-based modules added separately; call ``export_<fmt>(project, path, **options)``."""
    from ..persistence.errors import ProjectFileError

    module_name = PAGE_MODULES[fmt]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return fail(f"{fmt.upper()} export is not available in this build")
        return fail(f"{fmt.upper()} export is not available in this build ({exc.name} is missing)")
    kwargs: dict[str, object] = {k: v for k, v in options.items() if v is not None}
    if "sections" in kwargs:
        kwargs["sections"] = [s.strip() for s in str(kwargs["sections"]).split(",") if s.strip()]
    try:
        getattr(module, f"export_{fmt}")(project, out, **kwargs)
    except ProjectFileError as exc:
        return fail(str(exc))
    except ValueError as exc:  # an unknown section or page size
        return fail(f"{out}: {exc}")
    print(f"wrote {out}")
    return EXIT_OK
