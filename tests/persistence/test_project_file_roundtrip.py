"""Saving and loading project files: round trips, encoding, timestamps."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.persistence import project_file
from roadmap_desktop.persistence.errors import ProjectFileError, SaveError
from roadmap_desktop.persistence.project_file import (
    dumps_project,
    load_project,
    loads_project,
    save_project,
)
from roadmap_desktop.persistence.serialize import project_to_dict


def test_save_then_load_is_equal(tmp_path: Path, sample_project: Project) -> None:
    path = tmp_path / "计划.roadmap"
    save_project(sample_project, path)
    loaded = load_project(path)
    assert loaded.path == path
    assert loaded.migrated_from is None and loaded.older is None
    assert project_to_dict(loaded.project) == project_to_dict(sample_project)
    item = loaded.project.items[0]
    assert item.start == dt.date(2024, 2, 29) and item.end == dt.date(2024, 3, 11)
    assert loaded.project.risks[0].review_date == dt.date(2025, 1, 15)
    assert loaded.project.info.name == "智能路线图 Smart roadmap"
    # Saving the loaded project again writes the same document.
    save_project(loaded.project, path)
    assert project_to_dict(load_project(path).project) == project_to_dict(loaded.project)


def test_file_is_readable_utf8_with_chinese_unescaped(tmp_path: Path, sample_project: Project) -> None:
    path = tmp_path / "p.roadmap"
    save_project(sample_project, path)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert "智能路线图" in text and "\\u" not in text
    assert text.endswith("}\n")
    doc = json.loads(text)
    assert doc["format"] == "roadmap-desktop" and doc["format_version"] == 4


def test_save_stamps_modified_in_utc_without_microseconds(tmp_path: Path, sample_project: Project) -> None:
    sample_project.modified = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    save_project(sample_project, tmp_path / "p.roadmap")
    stamp = sample_project.modified
    assert stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0)
    assert stamp.microsecond == 0 and stamp >= before
    assert json.loads((tmp_path / "p.roadmap").read_text("utf-8"))["project"]["modified"] == stamp.isoformat()


def test_failed_save_restores_modified(tmp_path: Path, sample_project: Project, monkeypatch) -> None:
    original = sample_project.modified
    path = tmp_path / "p.roadmap"

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SaveError, match="disk is full"):
        save_project(sample_project, path)
    assert sample_project.modified == original
    assert not path.exists()


def test_failed_serialisation_restores_modified(tmp_path: Path, sample_project: Project, monkeypatch) -> None:
    original = sample_project.modified

    def broken(project: Project) -> dict:
        raise TypeError("cannot serialise")

    monkeypatch.setattr(project_file, "project_to_dict", broken)
    with pytest.raises(SaveError) as caught:
        save_project(sample_project, tmp_path / "p.roadmap")
    assert "cannot serialise" in str(caught.value)
    assert sample_project.modified == original


def test_unencodable_text_is_a_save_error(tmp_path: Path, sample_project: Project) -> None:
    sample_project.requirements[0].title = "bad \ud800 surrogate"
    original = sample_project.modified
    with pytest.raises(SaveError, match="UTF-8"):
        save_project(sample_project, tmp_path / "p.roadmap")
    assert sample_project.modified == original


def test_dumps_and_loads_helpers(sample_project: Project) -> None:
    text = dumps_project(sample_project)
    again = loads_project(text, "memory.roadmap")
    assert project_to_dict(again) == project_to_dict(sample_project)
    assert project_to_dict(loads_project("\ufeff" + text, "x")) == project_to_dict(sample_project)
    with pytest.raises(ProjectFileError, match=r"^memory\.roadmap: is not valid JSON"):
        loads_project(text[:-10], "memory.roadmap")


def test_utf8_bom_is_accepted(tmp_path: Path, sample_project: Project) -> None:
    path = tmp_path / "bom.roadmap"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_project(sample_project).encode("utf-8"))
    assert project_to_dict(load_project(path).project) == project_to_dict(sample_project)


def test_minimal_hand_written_file_takes_defaults(tmp_path: Path) -> None:
    path = tmp_path / "min.roadmap"
    path.write_text(
        json.dumps(
            {
                "format": "roadmap-desktop",
                "format_version": 3,
                "project": {"id": "p", "name": "Tiny"},
                "items": [{"id": "i", "title": "Only item"}],
            }
        ),
        encoding="utf-8",
    )
    project = load_project(path).project
    assert project.info.name == "Tiny" and project.lanes == [] and project.requirements == []
    assert project.items[0].duration_days == 10 and project.items[0].start is None


def test_empty_project_round_trip(tmp_path: Path) -> None:
    project = Project()
    save_project(project, tmp_path / "empty.roadmap")
    assert project_to_dict(load_project(tmp_path / "empty.roadmap").project) == project_to_dict(project)


def test_save_as_string_path_and_overwrite(tmp_path: Path, make_project) -> None:
    path = tmp_path / "grow.roadmap"
    small, large = make_project(), make_project(extra_requirements=50)
    save_project(large, str(path))
    save_project(small, str(path))  # shrinking must not leave stale bytes at the end
    assert project_to_dict(load_project(str(path)).project) == project_to_dict(small)
