"""`roadmap-desktop rank`: the requirements ranked by a prioritisation framework, with each score's arithmetic."""

from __future__ import annotations

import argparse
import unicodedata

from ..domain.project import FRAMEWORKS
from .common import EXIT_OK, CommandError, fail, load
from .console import clean, json_text

NAME = "rank"
HELP = "rank a project's requirements by a prioritisation framework (RICE, ICE, WSJF, MoSCoW, ...)"

MAX_TITLE_WIDTH = 40  # terminal columns; longer titles are cut with an ellipsis


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .roadmap project")
    parser.add_argument(
        "--framework", choices=FRAMEWORKS, help="framework to rank by (default: the project's own framework)"
    )
    parser.add_argument("--json", action="store_true", help="print the ranking as JSON")


def run(args: argparse.Namespace) -> int:
    from ..domain.prioritisation import FRAMEWORK_FORMULAS, FRAMEWORK_LABELS, rank
    from ..wording import number

    try:
        project = load(args.file)
    except CommandError as exc:
        return fail(str(exc))
    framework = args.framework or project.info.framework
    # Breakdowns and reasons in the project's language; "missing" and "category" stay English in JSON.
    ranked = rank(project, framework, language=project.info.language)
    dropped = sum(1 for r in project.requirements if r.status == "dropped")
    if args.json:
        rows = [
            {
                "rank": entry.rank,
                "id": entry.requirement.id,
                "title": entry.requirement.title,
                "score": entry.score.value,
                "breakdown": entry.score.breakdown,
                "category": entry.score.category,
                "missing": list(entry.score.missing),
                "invalid": entry.score.invalid,
            }
            for entry in ranked
        ]
        document = {
            "framework": framework,
            "label": FRAMEWORK_LABELS[framework],
            "formula": FRAMEWORK_FORMULAS[framework],
            "requirements": rows,
            "dropped_not_ranked": dropped,
        }
        print(json_text(document))
        return EXIT_OK
    print(f"{FRAMEWORK_LABELS[framework]} — {FRAMEWORK_FORMULAS[framework]}")
    if not ranked:
        print("no requirements to rank")
    else:
        table = [
            [
                "-" if e.rank is None else str(e.rank),
                "-" if e.score.value is None else number(e.score.value),
                e.requirement.title,
                e.score.breakdown,
            ]
            for e in ranked
        ]
        print()
        print(format_table(["Rank", "Score", "Title", "Breakdown"], table, right={0, 1}, cap={2: MAX_TITLE_WIDTH}))
        unscored = sum(1 for e in ranked if e.rank is None)
        if unscored:
            print(f"\n{unscored} not scored: fill in what they miss to rank them")
    if dropped:
        print(f"{dropped} dropped requirement{'s' if dropped != 1 else ''} not ranked")
    return EXIT_OK


# -- aligned plain-text tables (CJK characters take two terminal columns) ----------------------------------


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters 2, combining marks and format
    characters (zero-width space and joiner) 0."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending in … when cut."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for char in text:
        w = display_width(char)
        if used + w > width - 1:
            break
        out, used = out + char, used + w
    return out + "…"


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


# Cells use ASCII "-" for "none": dashes like "—" are of ambiguous width, double in some CJK terminals.
def format_table(
    headers: list[str], rows: list[list[str]], right: set[int] | None = None, cap: dict[int, int] | None = None
) -> str:
    """Columns two spaces apart, padded by display width; the last column is not padded."""
    right, cap = right or set(), cap or {}
    rows = [[" ".join(clean(cell).split()) for cell in row] for row in rows]  # one line per row, no controls
    rows = [[truncate(cell, cap[i]) if i in cap else cell for i, cell in enumerate(row)] for row in rows]
    widths = [max(display_width(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for row in [headers, *rows]:
        cells = [pad(cell, widths[i], i in right) if i < len(row) - 1 else cell for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
