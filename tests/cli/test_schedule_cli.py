"""`roadmap-desktop schedule`, run in-process: JSON output, --apply, and one-line failures."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from roadmap_desktop.cli import main
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import Lane, TimelineItem
from roadmap_desktop.persistence.project_file import load_project, save_project

D0 = dt.date(2026, 3, 2)


def build() -> Project:
    project = Project.new("排期")
    lane = Lane(name="模型组", capacity=1)
    project.lanes = [lane]
    data = TimelineItem(title="数据收集", duration_days=10, lane_id=lane.id, start=dt.date(2026, 5, 1))
    train = TimelineItem(title="Train", duration_days=5, lane_id=lane.id, depends_on=[data.id])
    launch = TimelineItem(title="Launch", milestone=True, duration_days=0, depends_on=[train.id])
    project.items = [data, train, launch]
    project.risks = [Risk(title="GPU", likelihood=4, delay_days=5, item_ids=[train.id])]
    return project


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "plan.roadmap"
    save_project(build(), path)
    return path


def run_json(capsys, *args: str) -> dict:
    assert main(["schedule", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_output(project_file, capsys):
    out = run_json(capsys, str(project_file), "--anchor", D0.isoformat(), "--runs", "500", "--seed", "3")
    assert out["anchor"] == "2026-03-02" and out["finish"] == "2026-03-17"
    rows = {row["title"]: row for row in out["schedule"]}
    assert rows["数据收集"] == {
        **rows["数据收集"],
        "lane": "模型组",
        "start": "2026-03-02",
        "end": "2026-03-11",
        "slack": 0,
    }
    assert (rows["Train"]["start"], rows["Train"]["end"]) == ("2026-03-12", "2026-03-16")
    assert rows["Launch"]["start"] == rows["Launch"]["end"] == "2026-03-17"
    assert [step["title"] for step in out["critical_path"]] == ["数据收集", "Train", "Launch"]
    assert out["conflicts"] == []
    forecast = out["forecast"]
    assert (forecast["runs"], forecast["seed"]) == (500, 3)
    roadmap = forecast["roadmap"]
    assert "2026-03-17" <= roadmap["p50"] <= roadmap["p80"] <= roadmap["p90"]
    (milestone,) = forecast["milestones"]
    assert milestone["title"] == "Launch" and milestone["p90"] == roadmap["p90"]
    again = run_json(capsys, str(project_file), "--anchor", D0.isoformat(), "--runs", "500", "--seed", "3")
    assert again == out  # seeded: the same output every time


def test_apply_saves_the_new_starts(project_file, capsys):
    before = project_file.read_bytes()
    out = run_json(capsys, str(project_file), "--runs", "100")
    assert project_file.read_bytes() == before  # without --apply nothing is written
    assert main(["schedule", str(project_file), "--runs", "100", "--apply"]) == 0
    captured = capsys.readouterr()
    assert "saved 2 new start dates" in captured.err
    assert json.loads(captured.out)["schedule"] == out["schedule"]
    reloaded = load_project(project_file).project
    starts = {it.title: it.start for it in reloaded.items}
    assert starts == {"数据收集": dt.date(2026, 5, 1), "Train": dt.date(2026, 5, 11), "Launch": dt.date(2026, 5, 16)}
    assert main(["schedule", str(project_file), "--runs", "100", "--apply"]) == 0
    assert "nothing saved" in capsys.readouterr().err


def test_cycle_exits_2_with_one_line(tmp_path, capsys):
    project = build()
    data, train, _launch = project.items
    data.depends_on = [train.id]
    path = tmp_path / "loop.roadmap"
    save_project(project, path)
    before = path.read_bytes()
    assert main(["schedule", str(path), "--apply"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "roadmap-desktop: dependency cycle: 数据收集 → Train → 数据收集\n"
    assert path.read_bytes() == before


def test_unreadable_project_exits_2_with_one_line(tmp_path, capsys):
    path = tmp_path / "broken.roadmap"
    path.write_text("{not json", encoding="utf-8")
    assert main(["schedule", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("roadmap-desktop: ") and err.count("\n") == 1
    assert main(["schedule", str(tmp_path / "missing.roadmap")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_bad_arguments_exit_2(project_file, capsys):
    for bad in (["--runs", "0"], ["--seed", "-1"], ["--anchor", "tomorrow"]):
        assert main(["schedule", str(project_file), *bad]) == 2
        assert "error: argument" in capsys.readouterr().err
