"""`roadmap-desktop risks`: the risk register by exposure, with overdue reviews flagged."""

from __future__ import annotations

import argparse
import datetime as dt

from ..wording import wording
from .common import EXIT_OK, CommandError, date_arg, fail, load
from .console import json_text
from .rank import format_table

NAME = "risks"
HELP = "print the risk register sorted by exposure (likelihood × impact); closed risks only with --all"

MAX_TITLE_WIDTH = 60


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .roadmap project")
    parser.add_argument("--all", action="store_true", help="include closed risks")
    parser.add_argument("--json", action="store_true", help="print the register as JSON")
    parser.add_argument(
        "--today", type=date_arg, metavar="YYYY-MM-DD", help="judge overdue reviews as of this date (default: today)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        project = load(args.file)
    except CommandError as exc:
        return fail(str(exc))
    today = args.today or dt.date.today()
    shown = [r for r in project.risks if args.all or r.status != "closed"]
    shown.sort(key=lambda r: (-r.exposure, -r.likelihood, r.title.casefold(), r.title))
    hidden = len(project.risks) - len(shown)

    def overdue(risk) -> bool:
        return risk.review_date is not None and risk.review_date < today and risk.status != "closed"

    if args.json:
        rows = [
            {
                "id": r.id,
                "title": r.title,
                "exposure": r.exposure,
                "band": r.band.key,
                "likelihood": r.likelihood,
                "impact": r.impact,
                "status": r.status,
                "owner": r.owner,
                "review_date": r.review_date.isoformat() if r.review_date else None,
                "overdue": overdue(r),
                "category": r.category,
                "mitigation": r.mitigation,
            }
            for r in shown
        ]
        print(json_text({"today": today.isoformat(), "risks": rows, "closed_hidden": hidden}))
        return EXIT_OK
    if not shown:
        print("no risks" if not project.risks else "no open risks")
    else:
        w = wording(project.info.language)
        table = [
            [
                str(r.exposure),
                w[f"risk.band.{r.band.key}"],
                f"{r.likelihood}×{r.impact}",
                r.status,
                r.owner or "-",
                (r.review_date.isoformat() if r.review_date else "-") + (" OVERDUE" if overdue(r) else ""),
                r.title,
            ]
            for r in shown
        ]
        headers = ["Exposure", "Band", "L×I", "Status", "Owner", "Review", "Title"]
        print(format_table(headers, table, right={0}, cap={4: 20, 6: MAX_TITLE_WIDTH}))
        late = sum(1 for r in shown if overdue(r))
        if late:
            print(f"\n{late} review{'s' if late != 1 else ''} overdue (before {today.isoformat()})")
    if hidden:
        print(f"{hidden} closed risk{'s' if hidden != 1 else ''} hidden (--all shows them)")
    return EXIT_OK
