"""The sample project (the start page's "Open the sample"): a template a few weeks into its plan, with a
brief, a summary, requirement statuses and a workshop's dot votes, from ``resources/samples/sample.json``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain.fields import FieldValueError
from ..domain.project import LANGUAGES, Project
from ..domain.requirement import REQUIREMENT_STATUSES
from .data_file import read_json_object
from .errors import ProjectFileError
from .paths import resources_dir
from .template_file import load_template

SAMPLE_FORMAT = "roadmap-desktop-sample"
SAMPLE_VERSION = 1
MAX_SAMPLE_BYTES = 256 * 1024


def sample_path() -> Path:
    return resources_dir() / "samples" / "sample.json"


def load_sample(language: str, today: dt.date | None = None) -> Project:
    """The sample in ``language``: its items dated so that the plan started some weeks before ``today``;
    items already over are done and the ones under way in progress. A new, unsaved project each call.

    Raises ProjectFileError naming the sample (or its template) file when either is missing or broken."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    file = sample_path()
    data = read_json_object(file, "sample", MAX_SAMPLE_BYTES)
    today = today or dt.date.today()
    try:
        if data.get("format") != SAMPLE_FORMAT or data.get("version") != SAMPLE_VERSION:
            raise ValueError(f"not a version {SAMPLE_VERSION} {SAMPLE_FORMAT!r} file")
        weeks = data["started_weeks_ago"]
        if isinstance(weeks, bool) or not isinstance(weeks, int) or not 0 <= weeks <= 52:
            raise ValueError("'started_weeks_ago' must be a whole number of weeks from 0 to 52")
        project = load_template(data["template"], language, today=today - dt.timedelta(weeks=weeks))
        project.info.name = data["name"][language]
        project.info.brief = data["brief"][language]
        project.info.summary = data["summary"][language]
        _requirements(project, data["requirements"])
        for item in project.items:
            end = item.end
            if item.start is not None and end is not None and item.start <= today:
                item.status = "done" if end < today else "in_progress"
        project.validate()
    except (KeyError, TypeError, ValueError, FieldValueError) as exc:  # the template's own errors pass through
        raise ProjectFileError(file, f"broken sample: {exc}") from None
    return project


def _requirements(project: Project, entries: object) -> None:
    if not isinstance(entries, list) or len(entries) != len(project.requirements):
        raise ValueError(f"'requirements' must give one entry per template requirement ({len(project.requirements)})")
    for requirement, entry in zip(project.requirements, entries, strict=True):
        status, votes = entry["status"], entry["votes"]
        if status not in REQUIREMENT_STATUSES:
            raise ValueError(f"unknown requirement status {status!r}")
        if isinstance(votes, bool) or not isinstance(votes, int) or votes < 0:
            raise ValueError("'votes' must be a whole number of at least 0")
        requirement.status, requirement.votes = status, votes
