"""`roadmap-desktop export` and `roadmap-desktop import`, run in-process and once through the real entry point."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import pytest

from roadmap_desktop.cli import main
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.project_file import dumps_project, load_project, save_project


@pytest.fixture
def project_file(tmp_path):
    project = Project.new("CLI 测试")
    project.requirements = [Requirement(title="Login", effort=2, tags=["auth"]), Requirement(title="登录页")]
    path = tmp_path / "p.roadmap"
    save_project(project, path)
    return path


def test_export_text_formats(project_file, tmp_path, capsys):
    for name in ("out.md", "out.MMD", "out.csv", "out.json"):
        out = tmp_path / name
        assert main(["export", str(project_file), "-o", str(out)]) == 0, capsys.readouterr().err
        assert f"wrote {out}" in capsys.readouterr().out
    assert (tmp_path / "out.md").read_text("utf-8").startswith("# CLI 测试\n")
    assert (tmp_path / "out.MMD").read_text("utf-8").startswith("gantt\n")
    csv_bytes = (tmp_path / "out.csv").read_bytes()
    assert csv_bytes.startswith(codecs.BOM_UTF8 + b"id,title,") and "登录页".encode() in csv_bytes
    assert (tmp_path / "out.json").read_text("utf-8") == dumps_project(load_project(project_file).project)


def test_export_csv_kind(project_file, tmp_path):
    out = tmp_path / "risks.csv"
    assert main(["export", str(project_file), "-o", str(out), "--kind", "risk"]) == 0
    assert out.read_bytes().removeprefix(codecs.BOM_UTF8).startswith(b"id,title,category,likelihood")


@pytest.mark.parametrize(
    ("extra", "out_name", "message"),
    [
        ([], "out.txt", "use one of .md, .csv, .mmd, .json, .xml, .ics, .pdf, .png"),
        ([], "noext", "a missing extension"),
        (["--kind", "risk"], "out.md", "--kind applies only to .csv"),
        (["--page-size", "A4"], "out.md", "--page-size applies only to .pdf and .png"),
    ],
)
def test_export_bad_options(project_file, tmp_path, capsys, extra, out_name, message):
    assert main(["export", str(project_file), "-o", str(tmp_path / out_name), *extra]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not (tmp_path / out_name).exists()


def test_export_missing_project(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope.roadmap"), "-o", str(tmp_path / "x.md")]) == 2
    assert "nope.roadmap" in capsys.readouterr().err


def test_pdf_not_available(project_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "roadmap_desktop.export.pdf.document", None)  # as if the module were absent
    assert main(["export", str(project_file), "-o", str(tmp_path / "x.pdf"), "--orientation", "landscape"]) == 2
    assert "PDF export is not available in this build" in capsys.readouterr().err


def test_pdf_module_receives_options(project_file, tmp_path, capsys, monkeypatch):
    calls = []
    fake = type(sys)("roadmap_desktop.export.pdf.document")
    fake.export_pdf = lambda project, path, **options: calls.append((project.info.name, path, options))
    monkeypatch.setitem(sys.modules, "roadmap_desktop.export.pdf.document", fake)
    out = tmp_path / "x.pdf"
    args = ["export", str(project_file), "-o", str(out), "--sections", "summary, risks", "--page-size", "A3"]
    assert main(args) == 0, capsys.readouterr().err
    assert calls == [("CLI 测试", out, {"sections": ["summary", "risks"], "page_size": "A3"})]


def test_import(project_file, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("Summary;Effort;Status;Extra\nSearch;3;Done;x\n;1;;\nExport;abc;;\n", encoding="utf-8-sig")
    assert main(["import", str(project_file), "--csv", str(source)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "imported 2 requirements; 2 problems:"
    assert out[1].startswith("  row 3: ") and "no title" in out[1]
    assert out[2].startswith("  row 4: Effort: 'abc' is not a number")
    assert out[3] == "ignored columns: Extra"
    titles = [(r.title, r.status, r.effort) for r in load_project(project_file).project.requirements]
    assert titles[-2:] == [("Search", "done", 3), ("Export", "idea", None)]


def test_import_map_and_dry_run(project_file, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("Col A,Col B\nAlpha,note\n", encoding="utf-8")
    before = project_file.read_bytes()
    args = ["import", str(project_file), "--csv", str(source), "--map", "Col A=title", "--map", "Col B=description"]
    assert main([*args, "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("would import 1 requirement; 0 problems\n")
    assert project_file.read_bytes() == before
    assert main(args) == 0
    assert load_project(project_file).project.requirements[-1].description == "note"


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        ("标题\n自动回答\n".encode("gbk"), [], "re-save it as UTF-8"),
        (b"Owner\nAnn\n", [], "nothing could be imported"),
        (b"A,B\nx,y\n", ["--map", "Nope=title"], "has no column 'Nope'"),
        (b"A,B\nx,y\n", ["--map", "A=colour"], "unknown field 'colour'"),
        (b"A,B\nx,y\n", ["--map", "A=title", "--map", "B=title"], "both fill Title"),
    ],
)
def test_import_failures(project_file, tmp_path, capsys, content, extra, message):
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    before = project_file.read_bytes()
    assert main(["import", str(project_file), "--csv", str(source), *extra]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
    assert project_file.read_bytes() == before


def test_real_entry_point(project_file, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = tmp_path / "plan.md"
    result = subprocess.run(
        [sys.executable, "-m", "roadmap_desktop", "export", str(project_file), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(project_file.read_text("utf-8"))["project"]["name"] in out.read_text("utf-8")
