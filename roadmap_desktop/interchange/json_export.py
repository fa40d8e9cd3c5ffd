"""The project as JSON: exactly the text a save writes (docs/file-format.md), without stamping it."""

from __future__ import annotations

import os

from ..domain.project import Project
from ..persistence.atomic import atomic_write_text
from ..persistence.project_file import dumps_project


def project_to_json(project: Project) -> str:
    """The project file text; unlike saving, ``project.modified`` is left as it is."""
    return dumps_project(project)


def write_json(project: Project, path: str | os.PathLike[str]) -> None:
    """Write ``project_to_json`` atomically; raises SaveError."""
    atomic_write_text(path, project_to_json(project))
