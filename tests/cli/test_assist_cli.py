"""`roadmap-desktop assist`: clear one-line failures, and real suggestions applied with an atomic save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roadmap_desktop.cli import main
from roadmap_desktop.persistence.project_file import load_project

MODEL = Path(__file__).resolve().parents[2] / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "p.roadmap"
    assert main(["new", "-o", str(path), "--name", "Shop helper"]) == 0
    return path


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("roadmap-desktop: "), err
    return err


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"not a model at all", "not a gguf model file"), (b"GGUF\x03\x00\x00\x00", "truncated")],
)
def test_a_bad_model_exits_2_with_one_line(project_file, tmp_path, capsys, content, reason):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(content)
    before = project_file.read_bytes()
    assert main(["assist", str(project_file), "--task", "requirements", "--brief", "x", "--model", str(bad)]) == 2
    err = one_line_error(capsys)
    assert "bad.gguf" in err and reason in err.lower()
    assert project_file.read_bytes() == before


def test_a_missing_model_and_a_bad_project_exit_2(project_file, tmp_path, capsys):
    assert main(["assist", str(project_file), "--task", "risks", "--model", str(tmp_path / "none.gguf")]) == 2
    assert "none.gguf" in one_line_error(capsys)
    broken = tmp_path / "broken.roadmap"
    broken.write_text("{", encoding="utf-8")
    assert main(["assist", str(broken), "--task", "risks"]) == 2
    assert "broken.roadmap" in one_line_error(capsys)


def test_task_inputs_are_checked_before_loading_a_model(project_file, capsys):
    assert main(["assist", str(project_file), "--task", "requirements"]) == 2
    assert "needs a product brief" in one_line_error(capsys)
    assert main(["assist", str(project_file), "--task", "user-story", "--requirement", "Nope"]) == 2
    assert "no requirement with id or title 'Nope'" in one_line_error(capsys)


@pytest.mark.llm
@pytest.mark.slow
def test_requirements_are_printed_then_applied(project_file, capsys):
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    brief = (
        "An assistant that answers customer chats for small online shops. "
        "It drafts replies, looks up orders and flags angry customers."
    )
    argv = ["assist", str(project_file), "--task", "requirements", "--brief", brief, "--seed", "11", "--threads", "1"]
    assert main([*argv, "--quiet"]) == 0
    printed = json.loads(capsys.readouterr().out)
    titles = [s["title"] for s in printed["suggestions"]]
    assert len(titles) >= 5 and all(s["kind"] == "requirement" for s in printed["suggestions"])
    assert load_project(project_file).project.requirements == []  # printing changes nothing
    assert main([*argv, "--apply"]) == 0
    captured = capsys.readouterr()
    assert '"requirements"' in captured.err  # the model's output streamed to stderr
    assert [r.title for r in load_project(project_file).project.requirements] == titles
