"""`roadmap-desktop schedule`: auto-schedule a project, forecast its finish, optionally save the new starts."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from .common import EXIT_OK, CommandError, date_arg, fail, load, positive_int, save
from .console import json_text

NAME = "schedule"
HELP = "auto-schedule the timeline and forecast finish dates (P50/P80/P90) as JSON; --apply saves the new starts"


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    from ..domain.forecast import DEFAULT_RUNS, DEFAULT_SEED

    parser.add_argument("file", metavar="FILE", help="the .roadmap project")
    parser.add_argument("--apply", action="store_true", help="save the scheduled start dates into FILE")
    parser.add_argument(
        "--runs", type=positive_int, default=DEFAULT_RUNS, metavar="N", help=f"forecast runs (default {DEFAULT_RUNS})"
    )
    parser.add_argument(
        "--seed", type=_seed, default=DEFAULT_SEED, metavar="S", help=f"random seed (default {DEFAULT_SEED})"
    )
    parser.add_argument(
        "--anchor",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="earliest start for items that are not pinned (default: the earliest start in the project, else today)",
    )


def run(args: argparse.Namespace) -> int:
    from ..domain.forecast import forecast
    from ..domain.scheduling import ScheduleError, plan_view, schedule, schedule_command

    try:
        project = load(args.file)
        plan = schedule(plan_view(project), args.anchor)
        outlook = forecast(plan_view(project), plan, runs=args.runs, seed=args.seed)  # may run past the dates
    except (CommandError, ScheduleError) as exc:
        return fail(str(exc))
    items = {item.id: item for item in project.items}

    def iso(day: dt.date | None) -> str | None:
        return day.isoformat() if day else None

    document = {
        "anchor": plan.anchor.isoformat(),
        "finish": iso(plan.finish),
        "schedule": [
            {
                "id": item.id,
                "title": item.title,
                "lane": project.lane_name(item.lane_id),
                "start": iso(plan.items[item.id].start),
                "end": iso(plan.items[item.id].end),
                "slack": plan.items[item.id].slack_days,
                "milestone": item.milestone,
                "fixed": plan.items[item.id].fixed,
                "waited_for": plan.items[item.id].waited_for,
            }
            for item in project.items
            if item.id in plan.items  # items parked on the Now / Next / Later board have no dates to plan
        ],
        "critical_path": [{"id": item_id, "title": items[item_id].title} for item_id in plan.critical_path],
        "conflicts": [
            {"kind": c.kind, "item": c.item_id, "other": c.other_id, "message": c.message} for c in plan.conflicts
        ],
        "forecast": {
            "runs": outlook.runs,
            "seed": outlook.seed,
            "distribution": outlook.distribution,
            "roadmap": outlook.roadmap.as_dict() if outlook.roadmap else None,
            "milestones": [
                {"id": item_id, "title": items[item_id].title, **p.as_dict()}
                for item_id, p in outlook.milestones.items()
            ],
        },
    }
    print(json_text(document))
    if args.apply:
        command = schedule_command(project, plan)
        if not command.commands:
            print(f"roadmap-desktop: {args.file}: every start is already as scheduled; nothing saved", file=sys.stderr)
            return EXIT_OK
        command.apply(project)
        try:
            save(project, args.file)
        except CommandError as exc:
            return fail(str(exc))
        print(f"roadmap-desktop: saved {len(command.commands)} new start dates to {args.file}", file=sys.stderr)
    return EXIT_OK
