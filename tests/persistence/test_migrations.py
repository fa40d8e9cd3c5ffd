"""Format upgrades: 1 -> 2 (lanes from lane names, durations from end dates), 2 -> 3 (the product brief),
and backups of the original."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import uuid
from pathlib import Path

import pytest

from roadmap_desktop.persistence import backup
from roadmap_desktop.persistence.backup import OlderFile
from roadmap_desktop.persistence.errors import ProjectFileError, SaveError
from roadmap_desktop.persistence.migrations import MIGRATIONS, migrate
from roadmap_desktop.persistence.project_file import load_project, save_project
from roadmap_desktop.persistence.serialize import FORMAT_VERSION


@pytest.fixture
def v1_copy(tmp_path: Path, v1_fixture: Path) -> Path:
    target = tmp_path / "旧计划.roadmap"
    shutil.copyfile(v1_fixture, target)
    return target


def test_v1_fixture_migrates(v1_copy: Path, v1_fixture: Path) -> None:
    original = v1_copy.read_bytes()
    loaded = load_project(v1_copy)
    project = loaded.project
    assert loaded.migrated_from == 1
    assert project.info.name == "智能客服助手 Smart support assistant"
    assert project.created == dt.datetime(2024, 2, 1, 8, 30, tzinfo=dt.UTC)
    # One lane per distinct name, in order of first appearance, with fresh UUIDs and no capacity.
    assert [lane.name for lane in project.lanes] == ["P0 需求分析", "P1 Technology selection", "P2 数据收集与预处理"]
    for lane in project.lanes:
        assert uuid.UUID(lane.id).version == 4 and lane.capacity is None
    lane_ids = [lane.id for lane in project.lanes]
    items = {item.id: item for item in project.items}
    assert [items[i].lane_id for i in ("item-1", "item-2", "item-3", "item-4")] == [
        lane_ids[0],
        lane_ids[1],
        lane_ids[1],
        lane_ids[2],
    ]
    assert items["item-5"].lane_id == ""
    # Inclusive end dates become durations, and the end is reproduced exactly.
    assert items["item-1"].duration_days == 12 and items["item-1"].end == dt.date(2024, 3, 15)
    assert items["item-2"].duration_days == 1 and items["item-2"].end == dt.date(2024, 3, 18)
    assert items["item-3"].milestone and items["item-3"].duration_days == 0
    assert items["item-4"].duration_days == 10  # no end: the default
    assert items["item-5"].duration_days == 10 and items["item-5"].start is None
    # Everything else survives untouched.
    assert items["item-2"].depends_on == ["item-1"]
    assert project.requirements[0].risk_ids == ["risk-1"] and project.requirements[0].tags == ["问答", "FAQ"]
    assert project.risks[0].review_date == dt.date(2024, 4, 15)
    # Opening writes nothing: the original stays as it is, and no backup is made until a save replaces it.
    assert loaded.older == OlderFile(v1_copy, 1) and loaded.older.backup_name() == "旧计划.roadmap.v1.bak"
    assert v1_copy.read_bytes() == original == v1_fixture.read_bytes()
    assert [p.name for p in v1_copy.parent.iterdir()] == [v1_copy.name]


def test_saving_a_migrated_project_keeps_the_original_and_writes_the_current_version(v1_copy: Path) -> None:
    original = v1_copy.read_bytes()
    loaded = load_project(v1_copy)
    backup = save_project(loaded.project, v1_copy, loaded.older)
    assert backup == v1_copy.with_name("旧计划.roadmap.v1.bak")
    assert backup.read_bytes() == original
    doc = json.loads(v1_copy.read_text("utf-8"))
    assert doc["format_version"] == FORMAT_VERSION and len(doc["lanes"]) == 3
    again = load_project(v1_copy)
    assert again.migrated_from is None and again.older is None
    assert [lane.id for lane in again.project.lanes] == [lane.id for lane in loaded.project.lanes]


def test_saving_elsewhere_keeps_no_copy(v1_copy: Path) -> None:
    loaded = load_project(v1_copy)
    other = v1_copy.with_name("new.roadmap")
    assert save_project(loaded.project, other, loaded.older) is None
    assert sorted(p.name for p in v1_copy.parent.iterdir()) == sorted([v1_copy.name, other.name])


def test_backup_is_never_overwritten(v1_copy: Path) -> None:
    occupied = v1_copy.with_name(v1_copy.name + ".v1.bak")
    occupied.write_bytes(b"an older, different backup")
    original = v1_copy.read_bytes()
    loaded = load_project(v1_copy)
    first = save_project(loaded.project, v1_copy, loaded.older)
    assert first == v1_copy.with_name(v1_copy.name + ".v1.1.bak")
    assert occupied.read_bytes() == b"an older, different backup"
    assert first.read_bytes() == original
    # Saving the same unchanged original again reuses the identical backup rather than piling up copies.
    v1_copy.write_bytes(original)
    assert save_project(loaded.project, v1_copy, loaded.older) == first
    assert sorted(p.name for p in v1_copy.parent.glob("*.bak")) == sorted([occupied.name, first.name])


def test_backup_failure_refuses_the_save(v1_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path, data):
        raise SaveError(path, "cannot write in folder /x: it is read-only or you lack permission")

    original = v1_copy.read_bytes()
    loaded = load_project(v1_copy)
    monkeypatch.setattr(backup, "atomic_write_bytes", refuse)
    with pytest.raises(SaveError) as caught:
        save_project(loaded.project, v1_copy, loaded.older)
    assert caught.value.problem == (
        "cannot keep a copy of the version 1 original, so it was not replaced: "
        "cannot write in folder /x: it is read-only or you lack permission"
    )
    assert v1_copy.read_bytes() == original
    assert [p.name for p in v1_copy.parent.iterdir()] == [v1_copy.name]


def test_broken_v1_file_is_refused_and_untouched(v1_copy: Path) -> None:
    doc = json.loads(v1_copy.read_text("utf-8"))
    doc["items"][0]["lane"] = ["not", "text"]
    v1_copy.write_text(json.dumps(doc), encoding="utf-8")
    before = v1_copy.read_bytes()
    with pytest.raises(ProjectFileError, match=r"could not be upgraded: items\[0\]\.lane: expected the lane's name"):
        load_project(v1_copy)
    assert v1_copy.read_bytes() == before


def test_v1_with_a_bad_value_reports_it_after_migration(v1_copy: Path) -> None:
    doc = json.loads(v1_copy.read_text("utf-8"))
    doc["risks"][0]["likelihood"] = 7
    v1_copy.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"risks\[0\]\.likelihood: 7 is greater than the maximum of 5"):
        load_project(v1_copy)


# -- the migration function itself ----------------------------------------------------------------


def _v1(*items: dict, **extra: object) -> dict:
    return {
        "format": "roadmap-desktop",
        "format_version": 1,
        "project": {"id": "p", "name": "P"},
        "items": list(items),
        **extra,
    }


@pytest.mark.parametrize(
    "item,expected",
    [
        ({"start": "2024-01-01", "end": "2024-01-10"}, 10),
        ({"start": "2024-01-01", "end": "2024-01-01"}, 1),
        ({"start": "2024-02-28", "end": "2024-03-01"}, 3),  # leap day counted
        ({"start": "2024-01-10", "end": "2024-01-01"}, 10),  # end before start: default
        ({"start": "2024-01-01", "end": None}, 10),
        ({"start": None, "end": "2024-01-01"}, 10),
        ({"start": "2024-01-01"}, 10),
        ({"start": "garbage", "end": "2024-01-01"}, 10),
        ({"start": "2000-01-01", "end": "2099-12-31"}, 3650),  # capped at the longest allowed
        ({"start": "2024-01-01", "end": "2024-01-31", "milestone": True}, 0),
        ({"start": "2024-01-01", "end": "2024-01-31", "duration_days": 4}, 4),  # already migrated by hand
    ],
)
def test_durations(item: dict, expected: int) -> None:
    doc, start = migrate(_v1({"id": "i", "title": "T", **item}))
    assert start == 1 and doc["format_version"] == FORMAT_VERSION
    assert doc["items"][0]["duration_days"] == expected
    assert "end" not in doc["items"][0] and "lane" not in doc["items"][0]


def test_lanes_are_distinct_normalised_and_ordered() -> None:
    doc, _ = migrate(
        _v1(
            {"id": "1", "lane": "Backend"},
            {"id": "2", "lane": " Backend  "},
            {"id": "3", "lane": "前端"},
            {"id": "4", "lane": None},
            {"id": "5"},
            {"id": "6", "lane": "Backend"},
        )
    )
    assert [lane["name"] for lane in doc["lanes"]] == ["Backend", "前端"]
    assert all(lane["capacity"] is None for lane in doc["lanes"])
    backend, front = (lane["id"] for lane in doc["lanes"])
    assert [item["lane_id"] for item in doc["items"]] == [backend, backend, front, "", "", backend]


def test_existing_lanes_are_reused_by_name() -> None:
    doc, _ = migrate(
        _v1({"id": "1", "lane": "Ops"}, {"id": "2", "lane": "New"}, lanes=[{"id": "ops", "name": "Ops", "capacity": 2}])
    )
    assert doc["lanes"][0]["id"] == "ops"
    assert doc["items"][0]["lane_id"] == "ops"
    assert len(doc["lanes"]) == 2


def test_migrate_does_not_modify_its_input() -> None:
    doc = _v1({"id": "1", "lane": "A", "start": "2024-01-01", "end": "2024-01-02"})
    snapshot = copy.deepcopy(doc)
    migrate(doc)
    assert doc == snapshot


def test_current_version_is_returned_as_is() -> None:
    doc = {"format": "roadmap-desktop", "format_version": FORMAT_VERSION, "project": {"id": "p"}}
    assert migrate(doc) == (doc, FORMAT_VERSION)


@pytest.mark.parametrize("version", [None, "1", True, 99, 0])
def test_unmigratable_versions(version: object) -> None:
    with pytest.raises(ValueError):
        migrate({"format_version": version})


def test_registry_covers_every_older_version() -> None:
    assert sorted(MIGRATIONS) == list(range(1, FORMAT_VERSION))


# -- version 2 -> 3: the project's product brief ---------------------------------------------------


def test_v2_fixture_gets_an_empty_brief_and_saves_as_v3(tmp_path: Path, v2_fixture: Path) -> None:
    path = tmp_path / "plan.roadmap"
    shutil.copyfile(v2_fixture, path)
    original = path.read_bytes()
    loaded = load_project(path)
    project = loaded.project
    assert loaded.migrated_from == 2
    assert project.info.brief == ""
    # Every version 2 field survives as it was.
    assert project.info.name == "智能客服助手" and project.info.framework == "wsjf"
    assert project.info.summary.startswith("先上线") and project.info.criteria == {"收入": 3, "Strategic fit": 2}
    assert [lane.capacity for lane in project.lanes] == [None, 2]
    assert project.requirements[0].item_ids == ["item-interviews", "item-review"]
    assert path.read_bytes() == original and [p.name for p in tmp_path.iterdir()] == ["plan.roadmap"]
    project.info.brief = "为客服团队做的离线问答助手。"
    kept = save_project(project, path, loaded.older)
    assert kept == path.with_name("plan.roadmap.v2.bak") and kept.read_bytes() == original
    doc = json.loads(path.read_text("utf-8"))
    assert doc["format_version"] == FORMAT_VERSION and doc["project"]["brief"] == "为客服团队做的离线问答助手。"
    again = load_project(path)
    assert again.migrated_from is None and again.older is None
    assert again.project.info.brief == "为客服团队做的离线问答助手。"


def test_v2_to_v3_changes_nothing_but_the_version(v2_fixture: Path) -> None:
    doc = json.loads(v2_fixture.read_text("utf-8"))
    snapshot = copy.deepcopy(doc)
    upgraded, start = migrate(doc)
    assert start == 2 and doc == snapshot
    assert upgraded == {**snapshot, "format_version": FORMAT_VERSION}
    assert MIGRATIONS[2](doc) == {**snapshot, "format_version": 3}


def test_v3_file_with_a_brief_round_trips(tmp_path: Path, v2_fixture: Path) -> None:
    doc = json.loads(v2_fixture.read_text("utf-8"))
    doc["format_version"] = 3
    doc["project"]["brief"] = "Line one of the brief.\n\n  Indented second paragraph, kept exactly.  "
    path = tmp_path / "v3.roadmap"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    loaded = load_project(path)
    assert loaded.migrated_from == 3  # version 4 added only the editing history: nothing in it changes
    assert loaded.project.info.brief == doc["project"]["brief"]
    save_project(loaded.project, path)
    assert json.loads(path.read_text("utf-8"))["project"]["brief"] == doc["project"]["brief"]


def test_non_list_items_are_reported() -> None:
    with pytest.raises(ValueError, match="items: expected a list"):
        migrate(_v1(items={}) | {"items": {}})
