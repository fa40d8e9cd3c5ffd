"""`export -o OUT.xml|.ics`, `export --format jira|linear` and `import --gan | --mspdi` on the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roadmap_desktop.cli import main
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.persistence.project_file import load_project, save_project
from roadmap_desktop.persistence.template_file import load_template

GAN = Path(__file__).resolve().parents[1] / "fixtures" / "planners" / "launch.gan"


@pytest.fixture
def template_file(tmp_path):
    project = load_template("education", "en", dt.date(2025, 2, 3))
    project.items.append(TimelineItem(title="Someday"))
    path = tmp_path / "plan.roadmap"
    save_project(project, path)
    return path


def test_export_xml_ics_and_tracker_csv(template_file, tmp_path, capsys):
    for name, extra in [("plan.xml", []), ("plan.ICS", []), ("jira.csv", ["--format", "jira"])]:
        out = tmp_path / name
        assert main(["export", str(template_file), "-o", str(out), *extra]) == 0, capsys.readouterr().err
        said = capsys.readouterr().out
        assert f"wrote {out}" in said
        if name != "jira.csv":
            assert "1 item without a start date left out" in said
    assert (tmp_path / "plan.xml").read_text("utf-8").startswith('<?xml version="1.0" encoding="UTF-8"')
    assert (tmp_path / "plan.ICS").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (tmp_path / "jira.csv").read_text("utf-8").startswith("Issue Id,Issue Type,Summary")
    out = tmp_path / "linear.csv"
    assert main(["export", str(template_file), "-o", str(out), "--format", "linear"]) == 0
    assert out.read_text("utf-8").startswith("ID,Title,Description,Status,Priority,Project")


@pytest.mark.parametrize(
    ("extra", "out_name", "message"),
    [
        (["--format", "jira"], "out.xml", "--format applies only to .csv"),
        (["--format", "jira", "--kind", "item"], "out.csv", "--format and --kind cannot be combined"),
    ],
)
def test_export_bad_tracker_options(template_file, tmp_path, capsys, extra, out_name, message):
    assert main(["export", str(template_file), "-o", str(tmp_path / out_name), *extra]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_round_trip_on_the_command_line(template_file, tmp_path, capsys):
    xml = tmp_path / "plan.xml"
    assert main(["export", str(template_file), "-o", str(xml)]) == 0
    back = tmp_path / "back.roadmap"
    assert main(["import", str(back), "--mspdi", str(xml)]) == 0
    out = capsys.readouterr().out
    assert "new lanes from plan.xml" in out and f"created {back}" in out
    original, again = load_project(template_file).project, load_project(back).project
    assert again.info.name == original.info.name
    dated = [(i.title, i.start, i.end, i.milestone) for i in original.items if i.start]
    assert [(i.title, i.start, i.end, i.milestone) for i in again.items] == dated


def test_import_gan_adds_to_a_project_in_one_save(tmp_path, capsys):
    path = tmp_path / "mine.roadmap"
    save_project(Project.new("Mine"), path)
    assert main(["import", str(path), "--gan", str(GAN), "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("dry run: would have imported 6 items")
    assert load_project(path).project.items == []
    assert main(["import", str(path), "--gan", str(GAN)]) == 0
    said = capsys.readouterr().out.strip().splitlines()
    assert len(said) == 1 and "not imported: custom task fields (1)" in said[0]
    project = load_project(path).project
    assert len(project.items) == 6 and project.info.name == "Mine"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--gan", "{gan}", "--csv", "x.csv"], "not allowed with argument"),
        (["--gan", "{gan}", "--map", "a=title"], "--map applies only to --csv"),
        (["--mspdi", "missing.xml"], "missing.xml"),
        (["--mspdi", "{gan}"], "is not an MS Project XML file"),
    ],
)
def test_import_refusals_are_one_line_and_change_nothing(tmp_path, capsys, argv, message):
    path = tmp_path / "mine.roadmap"
    save_project(Project.new("Mine"), path)
    before = path.read_bytes()
    assert main(["import", str(path), *(a.format(gan=GAN) for a in argv)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1]
    assert path.read_bytes() == before
