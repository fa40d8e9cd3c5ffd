"""The project in a Y.Doc: the mapping both ways, others' edits as commands, copies edited apart merging."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hostile_remote import hostile_remote_edits
from pycrdt import Array, Map

from roadmap_desktop.crdt.copies import is_copy_of, plan_copy_merge
from roadmap_desktop.crdt.live import LiveBinding
from roadmap_desktop.crdt.project_builder import project_from_shared
from roadmap_desktop.crdt.shared_project import SharedProject
from roadmap_desktop.crdt.sync_state import HISTORY_MAX_ENTITIES, has_history, sync_state
from roadmap_desktop.domain.commands import InsertEntity, SetField, delete_entities
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.persistence.project_file import dumps_project, load_project, loads_project, save_project
from roadmap_desktop.persistence.serialize import project_to_dict


def _project() -> Project:
    project = Project.new("Live plan")
    project.info.criteria = {"Revenue": 3.0}
    risk = Risk(title="Vendor lock-in", likelihood=4, impact=2)
    item = TimelineItem(title="Pilot", lane_id=project.lanes[0].id, start=dt.date(2025, 3, 3), duration_days=5)
    project.risks.append(risk)
    project.items.append(item)
    project.requirements += [
        Requirement(title="Login", tags=["auth", "web"], risk_ids=[risk.id], item_ids=[item.id], votes=3),
        Requirement(title="Export", criteria_scores={"Revenue": 2.0}, effort=1.5),
    ]
    return project


def _shared(project: Project) -> Project:
    """The project as after File > Share Live: it keeps its history from now on."""
    sync_state(project)
    return project


def _content(project: Project) -> dict:
    doc = project_to_dict(project)
    doc["project"].pop("modified")
    return doc


def test_the_document_holds_the_contract_layout() -> None:
    project = _project()
    shared = SharedProject.genesis(project)
    requirement = project.requirements[0]
    entry = shared.doc.get("requirements", type=Map)[requirement.id]
    assert isinstance(entry, Map) and entry["title"] == "Login" and isinstance(entry["tags"], Array)
    assert entry["tags"].to_py() == ["auth", "web"]
    assert shared.doc.get("project", type=Map)["name"] == "Live plan"
    assert shared.doc.get("items", type=Map)[project.items[0].id]["start"] == "2025-03-03"
    assert shared.doc.get("requirements_order", type=Array).to_py() == [r.id for r in project.requirements]
    assert set(shared.doc.get("lanes", type=Map).to_py()) == {lane.id for lane in project.lanes}


def test_project_to_document_and_back_is_lossless() -> None:
    project = _project()
    shared = SharedProject.from_update(SharedProject.genesis(project).update())
    rebuilt, problems = project_from_shared(shared)
    assert problems == [] and _content(rebuilt) == _content(project)


def test_genesis_is_the_same_for_the_same_content() -> None:
    project = _project()
    assert SharedProject.genesis(project).update() == SharedProject.genesis(project.snapshot()).update()


def test_remote_edits_reach_the_project_as_commands_and_undo_stays_local() -> None:
    ours, theirs = _project(), None
    wire_a: list[bytes] = []
    wire_b: list[bytes] = []
    a = LiveBinding(ours, SharedProject.genesis(ours), wire_a.append)
    theirs, _ = project_from_shared(SharedProject.from_update(a.shared.update()))
    b = LiveBinding(theirs, theirs.sync.shared(theirs), wire_b.append)
    events: list[str] = []
    ours.subscribe(lambda event: events.append(event.type))
    # They rename a requirement, add one and delete the risk (with its links) ...
    SetField("requirement", theirs.requirements[0].id, "title", "Sign in").apply(theirs)
    InsertEntity("requirement", Requirement(title="Dark mode"), 0).apply(theirs)
    delete_entities(theirs, "risk", [theirs.risks[0].id]).apply(theirs)
    b.flush()
    # ... while we set an owner on the same requirement.
    own_undo = SetField("requirement", ours.requirements[0].id, "owner", "Ana").apply(ours)
    a.flush()
    for update in wire_b:
        a.receive(update)
    for update in wire_a:
        b.receive(update)
    assert [r.title for r in ours.requirements] == ["Dark mode", "Sign in", "Export"]
    assert ours.requirements[1].owner == "Ana" and ours.requirements[1].risk_ids == [] and ours.risks == []
    assert "inserted" in events and "changed" in events  # the views hear of every remote change
    assert _content(ours) == _content(theirs)
    own_undo.apply(ours)  # our undo takes back only our own edit
    a.flush()
    for update in wire_a[-1:]:
        b.receive(update)
    assert theirs.requirements[1].owner == "" and theirs.requirements[1].title == "Sign in"


def test_a_bad_remote_value_is_left_out_and_the_rest_applies() -> None:
    project = _project()
    binding = LiveBinding(project, SharedProject.genesis(project), lambda _u: None)
    other = SharedProject.from_update(binding.shared.update())
    with other.doc.transaction():
        other.maps["requirement"][project.requirements[0].id]["votes"] = -5.0
        other.maps["requirement"][project.requirements[1].id]["title"] = "Export all"
    binding.receive(other.update(binding.shared.doc.get_state()))
    assert project.requirements[0].votes == 3 and project.requirements[1].title == "Export all"
    assert binding.problems and "votes" in binding.problems[0].lower()


def test_two_copies_edited_apart_merge_without_conflicts(tmp_path: Path) -> None:
    original = tmp_path / "plan.roadmap"
    save_project(_shared(_project()), original)
    copy = tmp_path / "plan (conflicted copy).roadmap"
    shutil.copyfile(original, copy)
    mine, theirs = load_project(original).project, load_project(copy).project
    mine.requirements[0].title = "Login with SSO"
    mine.requirements[0].tags = ["auth", "web", "sso"]
    theirs.requirements[0].owner = "Bo"
    theirs.requirements[0].tags = ["auth", "web", "mobile"]
    theirs.requirements.append(Requirement(title="Offline mode"))
    del theirs.requirements[1]
    save_project(mine, original)
    save_project(theirs, copy)
    mine, theirs = load_project(original).project, load_project(copy).project
    assert is_copy_of(mine, theirs)
    merge = plan_copy_merge(mine, theirs, "Merge copy")
    merge.command.apply(mine)
    merge.joined()
    assert [r.title for r in mine.requirements] == ["Login with SSO", "Offline mode"]
    # Both additions to the list are kept (Yjs orders concurrent inserts by client id).
    assert mine.requirements[0].owner == "Bo" and sorted(mine.requirements[0].tags) == ["auth", "mobile", "sso", "web"]
    # Merging the other way round gives the same project; merging again changes nothing.
    back = plan_copy_merge(theirs, mine, "Merge copy")
    back.command.apply(theirs)
    assert _content(theirs)["requirements"] == _content(mine)["requirements"]
    assert plan_copy_merge(mine, theirs, "again").changes == 0


def _v3_copies(tmp_path: Path, second_title: str | None = None) -> tuple:
    """Two copies of one file written before histories existed (format 3); ``second_title``: the second file's
    first requirement already retitled on disk."""
    doc = json.loads(dumps_project(_project()))
    doc.pop("crdt", None)
    doc["format_version"] = 3
    (tmp_path / "a.roadmap").write_text(json.dumps(doc), encoding="utf-8")
    if second_title is not None:
        doc["requirements"][0]["title"] = second_title
    (tmp_path / "b.roadmap").write_text(json.dumps(doc), encoding="utf-8")
    return load_project(tmp_path / "a.roadmap"), load_project(tmp_path / "b.roadmap")


def test_copies_of_one_file_edited_apart_merge_field_by_field(tmp_path: Path) -> None:
    """A synced folder's "conflicted copy" of a file that had no history: each copy begins its history from the
    content read at its first save, the same in both, so their edits since then merge field by field."""
    a, b = _v3_copies(tmp_path)
    assert not has_history(a.project) and not is_copy_of(a.project, b.project)  # not until a save begins it
    a.project.requirements[0].title = "Title from A"
    b.project.requirements[1].tags = ["from B"]
    save_project(a.project, a.path, a.older)
    save_project(b.project, b.path, b.older)
    mine, theirs = load_project(a.path).project, load_project(b.path).project
    assert has_history(mine) and is_copy_of(mine, theirs)
    plan_copy_merge(mine, theirs, "Merge copy").command.apply(mine)
    assert mine.requirements[0].title == "Title from A" and mine.requirements[1].tags == ["from B"]


def test_files_that_already_differed_use_the_merge_dialog(tmp_path: Path) -> None:
    """Two files that differed on disk before either kept a history begin unrelated histories: no common past."""
    a, b = _v3_copies(tmp_path, second_title="Changed before any history")
    save_project(a.project, a.path, a.older)
    save_project(b.project, b.path, b.older)
    mine, theirs = load_project(a.path).project, load_project(b.path).project
    assert mine.info.id == theirs.info.id and has_history(mine) and has_history(theirs)
    assert not is_copy_of(mine, theirs)


def test_a_project_within_the_bound_keeps_its_history_from_its_first_save(tmp_path: Path) -> None:
    path = tmp_path / "p.roadmap"
    project = _project()
    save_project(project, path)
    assert "crdt" in json.loads(path.read_text("utf-8"))
    reopened = load_project(path).project  # a file that kept a history goes on keeping it
    assert has_history(reopened)
    reopened.requirements += [Requirement(title=f"R{n}") for n in range(HISTORY_MAX_ENTITIES)]
    save_project(reopened, path)  # grown past the bound: saved as without history, at the same cost
    assert "crdt" not in json.loads(path.read_text("utf-8"))


def test_a_big_shared_project_saves_without_the_history(tmp_path: Path) -> None:
    project = _shared(Project.new("Big"))
    project.requirements += [Requirement(title=f"Requirement {n}", tags=["a", "b"]) for n in range(5_000)]
    path = tmp_path / "big.roadmap"
    save_project(project, path)  # benchmarks/crdt_save.py measures what this saves
    assert "crdt" not in json.loads(path.read_text("utf-8"))
    other = load_project(path).project
    assert not is_copy_of(project, other)


def test_the_file_keeps_the_history_and_a_damaged_one_costs_only_the_history(tmp_path: Path) -> None:
    path = tmp_path / "p.roadmap"
    save_project(_shared(_project()), path)
    doc = json.loads(path.read_text("utf-8"))
    assert doc["format_version"] == 4 and set(doc["crdt"]) == {"state"}
    doc["crdt"]["state"] = "AAAA"  # valid base64, no Yjs update
    path.write_text(json.dumps(doc), encoding="utf-8")
    project = load_project(path).project
    save_project(project, path)
    assert load_project(path).project.requirements[0].title == "Login"


@pytest.mark.parametrize("edit", list(hostile_remote_edits()), ids=lambda edit: edit.name)
def test_a_hostile_remote_edit_never_breaks_the_project(edit) -> None:
    """Whatever a guest writes into the room's document, the host's project stays one the file format accepts:
    what breaks a rule is left out (with a line in ``problems``) and the rest applies."""
    project = _project()
    binding = LiveBinding(project, SharedProject.genesis(project), lambda _u: None)
    guest = SharedProject.from_update(binding.shared.update())
    ids = {"req": project.requirements[0].id, "item": project.items[0].id, "risk": project.risks[0].id}
    with guest.doc.transaction():
        edit.write(guest, ids)
    binding.receive(guest.update(binding.shared.doc.get_state()))
    text = dumps_project(project)  # raises on a value the file format refuses
    assert loads_project(text, "room.roadmap").info.id == project.info.id
    assert len({r.id for r in project.requirements}) == len(project.requirements)
