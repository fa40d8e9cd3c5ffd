"""A project built from a shared document alone (someone joining a live room)."""

from __future__ import annotations

import datetime as dt

from ..domain.project import Project, ProjectInfo
from .reconcile import apply_each, commands_to_match
from .shared_project import SharedProject
from .sync_state import SyncState


def project_from_shared(shared: SharedProject) -> tuple[Project, list[str]]:
    """(the project the document holds, problems); the project keeps ``shared`` as its history."""
    info = shared.maps["project"].to_py() or {}
    project = Project(info=ProjectInfo(id=str(info.get("id") or ProjectInfo().id)))
    created = info.get("created")
    if isinstance(created, str):
        try:
            stamp = dt.datetime.fromisoformat(created)
            project.created = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
        except ValueError:
            pass
    commands, problems = commands_to_match(project, shared)
    apply_each(project, commands, problems)
    project.sync = SyncState.holding(shared)
    return project, problems
