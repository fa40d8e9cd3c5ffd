"""`roadmap-desktop new --template`: the dialog's templates from the command line, run in-process."""

from __future__ import annotations

import pytest

from roadmap_desktop.cli import main
from roadmap_desktop.domain.prioritisation import rank
from roadmap_desktop.persistence.project_file import load_project
from roadmap_desktop.persistence.template_file import list_templates


def test_template_list_prints_the_dialogs_templates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--template", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [info.id for info in list_templates()]
    assert lines[0].startswith("blank\tBlank project — ")
    assert main(["new", "--template", "list", "--language", "zh"]) == 0
    assert "customer_service\t智能客服" in capsys.readouterr().out


@pytest.mark.parametrize("language", ["en", "zh"])
def test_new_from_template(tmp_path, capsys: pytest.CaptureFixture[str], language: str) -> None:
    path = tmp_path / "cs.roadmap"
    assert main(["new", "-o", str(path), "--template", "customer_service", "--language", language]) == 0
    assert f"created {path}" in capsys.readouterr().out
    project = load_project(path).project
    assert project.info.language == language
    assert len(project.requirements) == 6 and project.items and project.risks
    assert all(r.rank is not None for r in rank(project, language=language))


def test_name_overrides_the_templates(tmp_path) -> None:
    path = tmp_path / "p.roadmap"
    assert main(["new", "-o", str(path), "--template", "speech", "--name", "Meeting notes"]) == 0
    assert load_project(path).project.info.name == "Meeting notes"


def test_unknown_template_and_missing_output(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.roadmap"
    assert main(["new", "-o", str(path), "--template", "nope"]) == 2
    err = capsys.readouterr().err
    assert "no template 'nope'; the templates are: blank, customer_service" in err and err.count("\n") == 1
    assert not path.exists()
    assert main(["new", "--template", "speech"]) == 2
    assert "-o FILE is required" in capsys.readouterr().err
    path.write_text("keep", "utf-8")
    assert main(["new", "-o", str(path), "--template", "speech"]) == 2
    assert path.read_text("utf-8") == "keep"
