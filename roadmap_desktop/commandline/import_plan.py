"""`roadmap-desktop import --gan IN | --mspdi IN`: a GanttProject or MS Project plan as lanes and items."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, CommandError, fail, load, save


def run_plan_import(args: argparse.Namespace) -> int:
    """Import into FILE (made when missing), saved atomically in one step; one line for any refusal."""
    from ..domain.project import Project, ProjectInfo
    from ..interchange.gan_import import import_gan
    from ..interchange.mspdi_import import import_mspdi
    from ..interchange.safe_xml import PlannerReadError

    target = Path(args.file)
    created = not target.exists() and not target.is_symlink()
    try:
        project = Project(info=ProjectInfo(name=target.stem or "Imported plan")) if created else load(target)
        result = (import_gan if args.gan else import_mspdi)(Path(args.gan or args.mspdi), project)
    except (CommandError, PlannerReadError) as exc:
        return fail(str(exc))
    if not result.items:
        return fail(f"{result.source}: nothing could be imported (no tasks)")
    print(("dry run: would have " if args.dry_run else "") + result.summary())
    if args.dry_run:
        return EXIT_OK
    if created and result.plan_name:
        project.info.name = result.plan_name
    try:
        result.command.apply(project)
        save(project, target)
    except CommandError as exc:
        return fail(str(exc))
    except ValueError as exc:  # a value the project refuses; the project on disk is untouched
        return fail(f"{result.source}: {exc}")
    if created:
        print(f"created {target}")
    return EXIT_OK
