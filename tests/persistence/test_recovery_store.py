"""Autosave recovery files: written atomically, listed newest first, corrupt ones ignored."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.errors import ProjectFileError, SaveError
from roadmap_desktop.persistence.serialize import project_to_dict


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")  # created by the first write


def test_write_then_load(store: RecoveryStore, sample_project: Project, tmp_path: Path) -> None:
    source = tmp_path / "计划.roadmap"
    written = store.write(sample_project, source)
    assert written == store.folder / f"{sample_project.info.id}.recovery.json"
    doc = json.loads(written.read_text("utf-8"))
    assert doc["recovery"]["source_path"] == str(source)
    assert doc["recovery"]["project_name"] == sample_project.info.name
    assert dt.datetime.fromisoformat(doc["recovery"]["saved_at"]).tzinfo is not None
    assert "智能路线图" in written.read_text("utf-8")
    [entry] = store.entries()
    assert entry.path == written and entry.project_id == sample_project.info.id
    assert entry.source_path == source and entry.project_name == sample_project.info.name
    assert project_to_dict(store.load(entry)) == project_to_dict(sample_project)
    assert [p.name for p in store.folder.iterdir()] == [written.name]  # no temp files


def test_unsaved_project_has_no_source(store: RecoveryStore) -> None:
    project = Project.new("Draft")
    store.write(project, None)
    [entry] = store.entries()
    assert entry.source_path is None and entry.project_name == "Draft"


def test_rewrite_replaces_and_discard_removes(store: RecoveryStore, sample_project: Project) -> None:
    store.write(sample_project, None)
    sample_project.info.name = "Renamed"
    store.write(sample_project, None)
    [entry] = store.entries()
    assert entry.project_name == "Renamed"
    store.discard(sample_project.info.id)
    assert store.entries() == []
    store.discard(sample_project.info.id)  # missing is fine
    RecoveryStore(store.folder / "never-created").discard("x")


def test_entries_newest_first(store: RecoveryStore) -> None:
    old, new = Project.new("Old"), Project.new("New")
    store.write(old, None)
    store.write(new, None)
    # Make the order unambiguous regardless of clock resolution.
    path = store.path_for(old.info.id)
    doc = json.loads(path.read_text("utf-8"))
    doc["recovery"]["saved_at"] = "2020-01-01T00:00:00+00:00"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert [e.project_name for e in store.entries()] == ["New", "Old"]


def test_corrupt_files_are_skipped(store: RecoveryStore, sample_project: Project) -> None:
    store.write(sample_project, None)
    folder = store.folder
    (folder / "truncated.recovery.json").write_text('{"recovery": {"saved_at"', encoding="utf-8")
    (folder / "binary.recovery.json").write_bytes(b"\x00\xff\xfe garbage")
    (folder / "list.recovery.json").write_text("[]", encoding="utf-8")
    (folder / "no-header.recovery.json").write_text('{"document": {}}', encoding="utf-8")
    (folder / "bad-time.recovery.json").write_text(
        json.dumps({"recovery": {"saved_at": "soon", "project_name": "x"}, "document": {"project": {"id": "q"}}}),
        encoding="utf-8",
    )
    (folder / "deep.recovery.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    (folder / "dir.recovery.json").mkdir()
    (folder / "unrelated.txt").write_text("hello", encoding="utf-8")
    [entry] = store.entries()
    assert entry.project_id == sample_project.info.id


def test_missing_folder_lists_nothing(tmp_path: Path) -> None:
    assert RecoveryStore(tmp_path / "absent").entries() == []


def test_load_of_broken_document_raises_project_file_error(store: RecoveryStore, sample_project: Project) -> None:
    path = store.write(sample_project, None)
    doc = json.loads(path.read_text("utf-8"))
    doc["document"]["risks"][0]["likelihood"] = 42
    path.write_text(json.dumps(doc), encoding="utf-8")
    [entry] = store.entries()  # the header is fine, so it is listed
    with pytest.raises(ProjectFileError, match=r"recovery\.json: risks\[0\]\.likelihood: 42 is greater"):
        store.load(entry)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ProjectFileError, match="is not valid JSON"):
        store.load(entry)
    path.unlink()
    with pytest.raises(ProjectFileError, match="does not exist"):
        store.load(entry)


def test_hostile_project_id_cannot_escape_the_folder(store: RecoveryStore, tmp_path: Path) -> None:
    project = Project.new("Evil")
    project.info.id = "../../escaped"
    written = store.write(project, None)
    assert written.parent == store.folder and ".." not in written.name
    assert not (tmp_path / "escaped.recovery.json").exists()
    [entry] = store.entries()
    assert entry.project_id == "../../escaped"
    store.discard("../../escaped")
    assert store.entries() == []


def test_write_failure_is_a_save_error(store: RecoveryStore, sample_project: Project, monkeypatch) -> None:
    import errno

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    store.write(sample_project, None)
    before = store.path_for(sample_project.info.id).read_bytes()
    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SaveError, match="disk is full"):
        store.write(sample_project, None)
    monkeypatch.undo()
    assert store.path_for(sample_project.info.id).read_bytes() == before
