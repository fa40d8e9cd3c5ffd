"""The assistant panel driving a drafting session against a fake engine in the LLM thread: live
suggestions over rounds, stopping, unticking while streaming, accepting and discarding (quick; the
real model's end-to-end run is in test_assistant_panel.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import ClassVar

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.llm.engine_api import ChatStream, GenerationResult
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.assistant.assistant_panel import AssistantPanel

MODEL = Path(__file__).resolve().parents[2] / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


def drafts(*titles: str) -> str:
    items = [{"title": t, "user_story": f"I want {t}.", "value_lever": "ux", "llm_fit": "fit"} for t in titles]
    return json.dumps({"requirements": items})


class FakeInfo:
    def __init__(self, path: str) -> None:
        self.path = path
        self.notes: list[str] = []

    def as_dict(self) -> dict:
        return {"path": self.path, "n_ctx": 2048, "n_gpu_layers": 0, "notes": []}


class FakeEngine:
    """Stands in for the llama.cpp engine in the worker thread: each round streams the next answer."""

    answers: ClassVar[list[str]] = []
    requests: ClassVar[list[dict]] = []
    delay = 0.0  # seconds per piece, so a test can act while the answer streams

    def __init__(self) -> None:
        self.loaded = False

    def load(self, path, **_options) -> FakeInfo:
        self.loaded = True
        return FakeInfo(str(path))

    def stream_chat(self, messages, cancel=None, **options) -> ChatStream:
        FakeEngine.requests.append(options)
        text = FakeEngine.answers.pop(0) if FakeEngine.answers else drafts()
        result = GenerationResult()

        def pieces():
            sent = []
            for start in range(0, len(text), 6):
                if cancel is not None and cancel.is_set():
                    result.cancelled = True
                    break
                time.sleep(self.delay)
                sent.append(text[start : start + 6])
                yield sent[-1]
            result.text, result.tokens = "".join(sent), len(sent)
            result.finish_reason = None if result.cancelled else "stop"

        return ChatStream(pieces(), result)

    def close(self) -> None:
        self.loaded = False


@pytest.fixture
def panel(qtbot, tmp_path, monkeypatch):
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")  # the model list needs one
    monkeypatch.setattr("roadmap_desktop.llm.worker.local_engine", FakeEngine)
    monkeypatch.setattr(FakeEngine, "answers", [])
    monkeypatch.setattr(FakeEngine, "requests", [])
    monkeypatch.setattr(FakeEngine, "delay", 0.0)
    settings = Settings(tmp_path / "settings.json")
    settings.set("llm_model_path", str(MODEL))
    document = ProjectDocument(Project.new("Shop helper"))
    errors: list[str] = []
    widget = AssistantPanel(settings, lambda: document, lambda: None, errors.append, lambda: None)
    qtbot.addWidget(widget)
    widget.document, widget.errors = document, errors
    widget.task_combo.setCurrentIndex(widget.task_combo.findData("requirements"))
    widget.brief_edit.setPlainText("Answers customer chats for small online shops.")
    yield widget
    widget.shutdown()
    assert widget.controller is None or not widget.controller.running


def run_until_done(qtbot, panel, on_token=None) -> None:
    """Generate and wait for the end; ``on_token`` runs after each piece until it returns False."""
    with qtbot.waitSignal(panel.generation_done, timeout=20_000):
        panel.generate()
        watching = on_token is not None
        while watching and panel.request_id is not None:
            with qtbot.waitSignal(panel.controller.token_received, timeout=10_000):
                pass
            watching = on_token()


def test_rounds_show_live_suggestions_and_keep_what_was_unticked_while_streaming(qtbot, panel):
    FakeEngine.answers = [
        drafts("Order lookup", "Reply drafts", "Order lookup"),
        drafts("Refund triage", "Alerts", "Weekly report"),
    ]
    FakeEngine.delay = 0.002
    model = panel.suggestions
    seen: list[int] = []

    def on_token() -> bool:
        if model.rowCount() and not any(seen):
            model.set_checked(0, False)  # the user unticks the first suggestion as soon as it shows
        seen.append(model.rowCount())
        return model.rowCount() < 5

    run_until_done(qtbot, panel, on_token)
    titles = [model.index(row).data() for row in range(model.rowCount())]
    assert titles == ["Order lookup", "Reply drafts", "Refund triage", "Alerts", "Weekly report"]
    assert 0 < min(n for n in seen if n) < len(titles)  # rows came while the answer streamed
    assert [model.is_checked(row) for row in range(5)] == [False, True, True, True, True]
    assert "round 2: asking for more" in panel.output.toPlainText()
    assert panel.stats_label.text().startswith("2 rounds")
    assert "round 1: item 3 repeats item 1's title" in panel.dropped_label.text()
    assert "Stopped early" not in panel.dropped_label.text()
    assert [options.get("seed") for options in FakeEngine.requests] == [None, None]
    assert panel.accept_selected_button.isEnabled()

    assert panel.accept(only_checked=True) == 4
    project = panel.document.project
    assert [r.title for r in project.requirements] == titles[1:]
    assert [model.index(row).data() for row in range(model.rowCount())] == ["Order lookup"]
    assert model.is_checked(0)  # what is left comes back ticked
    panel.document.undo_stack.undo()  # one step takes the four back
    assert project.requirements == []


def test_stop_keeps_complete_items_and_says_so(qtbot, panel):
    FakeEngine.answers = [drafts("Order lookup", "Reply drafts", "Refund triage")]
    FakeEngine.delay = 0.01

    def on_token() -> bool:
        if panel.suggestions.rowCount():
            panel.stop()
            return False
        return True

    run_until_done(qtbot, panel, on_token)
    assert "stopped" in panel.stats_label.text()
    assert "Stopped early: complete items are kept." in panel.dropped_label.text()
    assert panel.suggestions.rowCount() >= 1
    assert panel.suggestions.index(0).data() == "Order lookup"
    assert len(FakeEngine.requests) == 1  # no round after a stop
    assert panel.generate_button.isEnabled() and panel.accept_all_button.isEnabled()


def test_seed_setting_repeats_rounds_and_discard_clears_the_review(qtbot, panel):
    panel.settings.set("llm_seed", 5)
    panel.picker.temperature.setValue(0.9)
    FakeEngine.answers = [drafts("Order lookup"), drafts("Refund triage")]
    run_until_done(qtbot, panel)
    assert [(o["seed"], o["temperature"]) for o in FakeEngine.requests[:2]] == [(5, 0.9), (6, 0.9)]
    assert panel.suggestions.rowCount() == 2
    panel.discard()
    assert panel.suggestions.rowCount() == 0 and not panel.accept_all_button.isEnabled()
    assert panel.dropped_label.text() == ""


def test_accept_all_takes_unticked_ones_too(qtbot, panel):
    FakeEngine.answers = [drafts("Order lookup", "Reply drafts", "Refund triage", "Alerts", "Weekly report")]
    run_until_done(qtbot, panel)
    panel.suggestions.set_checked(1, False)
    assert panel.accept(only_checked=False) == 5
    assert len(panel.document.project.requirements) == 5 and panel.suggestions.rowCount() == 0


def test_inputs_that_do_not_fit_the_task_are_said_before_any_model_loads(panel):
    panel.brief_edit.setPlainText("")
    panel.generate()
    assert panel.errors[-1].startswith("Type a product brief first")
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("priorities"))
    panel.generate()
    assert panel.errors[-1] == "the priorities task needs requirements"
    assert panel.controller is None and panel.request_id is None
