"""`roadmap-desktop assist`: clear one-line failures, and real suggestions applied with an atomic save."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest

from roadmap_desktop.cli import main
from roadmap_desktop.llm import probe
from roadmap_desktop.llm.engine_api import ChatStream, GenerationResult
from roadmap_desktop.llm.titles import normalise_title
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


class FakeEngine:
    """Stands in for the llama.cpp engine: answers every round with the next canned text."""

    answers: ClassVar[list[str]] = []
    cancelled = False

    def load(self, path, **_options):
        return type("Info", (), {"notes": []})()

    def stream_chat(self, messages, **_options) -> ChatStream:
        text = self.answers.pop(0)
        pieces = [text[i : i + 5] for i in range(0, len(text), 5)]
        return ChatStream(iter(pieces), GenerationResult(text=text, cancelled=self.cancelled))

    def close(self) -> None:
        pass


def adapted(*pairs: tuple[str, str]) -> str:
    return json.dumps({"requirements": [{"base": base, "title": title} for base, title in pairs]})


BRIEF = "Answers customer chats and order questions for small online shops."


@pytest.fixture
def fake_engine(monkeypatch):
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")  # its header is checked first
    engine_module = pytest.importorskip("roadmap_desktop.llm.engine")
    monkeypatch.setattr(engine_module, "Engine", FakeEngine)
    # Nor is the model loaded in the probe's child process: its verdict is taken as "it loads".
    monkeypatch.setattr(probe, "probe_model", lambda path, **_options: probe.Verdict(True))
    monkeypatch.setattr(FakeEngine, "answers", [])
    monkeypatch.setattr(FakeEngine, "cancelled", False)
    return FakeEngine


def test_printing_changes_nothing_and_apply_adds_every_suggestion_and_the_brief_in_one_save(
    project_file, capsys, fake_engine
):
    argv = ["assist", str(project_file), "--task", "requirements", "--brief", BRIEF, "--threads", "1"]
    fake_engine.answers = [adapted(("NOPE1", "Invented"), ("CS06", "Shop order questions from live data"))]
    assert main([*argv, "--quiet"]) == 0
    captured = capsys.readouterr()
    printed = json.loads(captured.out)
    suggestions = printed["suggestions"]
    assert len(suggestions) >= 5 and all(s["kind"] == "requirement" for s in suggestions)
    assert {s["origin"] for s in suggestions} <= {"library", "adapted"} and all(s["source"] for s in suggestions)
    assert all(s["why"] for s in suggestions)  # every suggestion says why it is there
    assert any("'NOPE1' is not one of the offered ids" in d for d in printed["dropped"])
    timing = printed["timing"]
    assert timing["first_suggestions_s"] is not None and timing["first_suggestions_s"] < 2
    assert "library suggestions after" in captured.err and "s in all" in captured.err
    assert load_project(project_file).project.requirements == []  # printing changes nothing
    fake_engine.answers = [adapted()]
    assert main([*argv, "--apply"]) == 0
    captured = capsys.readouterr()
    assert "applied" in captured.err
    project = load_project(project_file).project
    assert [r.title for r in project.requirements] == [s["title"] for s in json.loads(captured.out)["suggestions"]]
    assert project.info.brief == BRIEF  # the brief is the project's now: later tasks start from it


def test_a_stopped_run_says_so_once(project_file, capsys, fake_engine):
    fake_engine.answers = [adapted()]
    fake_engine.cancelled = True
    argv = ["assist", str(project_file), "--task", "requirements", "--brief", BRIEF, "--quiet"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["suggestions"]  # the library's are kept
    assert captured.err.count("Stopped early: complete items are kept.") == 1


@pytest.mark.llm
@pytest.mark.slow
def test_smollm2_adapts_five_distinct_library_requirements_and_applies_them(project_file, capsys):
    # The one end-to-end run of the command on the real model (printing alone is checked above
    # with a fake engine).
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    brief = (
        "An assistant that answers customer chats for small online shops. "
        "It drafts replies, looks up orders and flags angry customers."
    )
    argv = ["assist", str(project_file), "--task", "requirements", "--brief", brief, "--seed", "11", "--threads", "1"]
    assert main([*argv, "--apply"]) == 0
    captured = capsys.readouterr()
    printed = json.loads(captured.out)
    assert all(s["kind"] == "requirement" and s["source"] for s in printed["suggestions"])
    titles = [s["title"] for s in printed["suggestions"]]
    assert len({normalise_title(t) for t in titles}) == len(titles) >= 5, (titles, printed["dropped"])
    assert printed["timing"]["tokens"] > 0 and printed["timing"]["first_token_s"] is not None
    assert '"requirements"' in captured.err  # the model's output streamed to stderr
    applied = load_project(project_file).project.requirements
    assert [r.title for r in applied] == titles
    for req in applied:
        req.validate()
        assert req.value_lever in ("innovation", "ux", "iteration") and req.llm_fit in ("fit", "partial", "unfit")
        assert req.description  # the user story
