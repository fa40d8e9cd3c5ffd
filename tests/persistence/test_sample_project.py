"""The sample project: a template a few weeks into its plan, ranked under every framework, in both languages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from roadmap_desktop.domain.prioritisation import rank
from roadmap_desktop.domain.project import FRAMEWORKS
from roadmap_desktop.persistence import sample_project
from roadmap_desktop.persistence.errors import ProjectFileError
from roadmap_desktop.persistence.sample_project import load_sample

TODAY = dt.date(2026, 3, 2)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_sample_is_under_way_and_fully_ranked(language: str) -> None:
    project = load_sample(language, TODAY)
    project.validate()
    assert project.info.language == language and project.info.brief and project.info.summary
    assert min(item.start for item in project.items) == TODAY - dt.timedelta(weeks=5)
    statuses = {item.status for item in project.items}
    assert {"done", "in_progress", "not_started"} <= statuses
    for framework in FRAMEWORKS:  # dot votes too: the sample's workshop cast them
        assert all(r.rank is not None for r in rank(project, framework, language=language)), framework
    assert load_sample(language, TODAY).info.id != project.info.id


def test_broken_sample_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(sample_project.sample_path().read_text("utf-8"))
    data["requirements"][2]["status"] = "someday"
    broken = tmp_path / "sample.json"
    broken.write_text(json.dumps(data), "utf-8")
    monkeypatch.setattr(sample_project, "sample_path", lambda: broken)
    with pytest.raises(ProjectFileError, match=r"sample\.json: broken sample: unknown requirement status 'someday'"):
        load_sample("en", TODAY)
