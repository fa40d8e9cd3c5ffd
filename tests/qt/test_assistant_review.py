"""The assistant panel driving a drafting session against a fake engine in the LLM thread: library
suggestions at once, adapted as the answer streams, stopping, unticking, accepting, discarding and the
brief stored in the project (quick; the real model's end-to-end run is in test_assistant_panel.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt

from roadmap_desktop.domain.project import Project
from roadmap_desktop.llm.engine_api import ChatStream, GenerationResult
from roadmap_desktop.llm.tasks import get_task
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.assistant.assistant_panel import AssistantPanel

MODEL = Path(__file__).resolve().parents[2] / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


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
        text = FakeEngine.answers.pop(0) if FakeEngine.answers else '{"requirements": []}'
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
    widget.brief_edit.setPlainText("Answers customer chats and order questions for small online shops.")
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


def candidates(panel) -> list[str]:
    return [c.key for c in get_task("requirements").candidates(panel._inputs())]


def adapted(*pairs: tuple[str, str]) -> str:
    return json.dumps({"requirements": [{"base": base, "title": title} for base, title in pairs]})


def rows(panel) -> list[str]:
    model = panel.suggestions
    return [model.index(row).data() for row in range(model.rowCount())]


def test_library_suggestions_show_at_once_then_the_answer_adapts_them_keeping_what_was_unticked(qtbot, panel):
    ids = candidates(panel)
    first = get_task("requirements").library(panel._inputs()).by_id(ids[0])
    FakeEngine.answers = [adapted((ids[1], "Shop chat " + first.text("title", "en").lower()), (ids[0], "x"))]
    FakeEngine.delay = 0.002
    model = panel.suggestions
    shown_before_any_token: list[int] = []

    def on_token() -> bool:
        if not shown_before_any_token:
            shown_before_any_token.append(model.rowCount())
            model.set_checked(2, False)  # the user unticks a library suggestion while the model writes
        return True

    run_until_done(qtbot, panel, on_token)
    assert shown_before_any_token[0] >= 5  # the library's matches came before the model's answer
    lines = rows(panel)
    assert len(lines) >= 5 and all("[library" in line or "[adapted" in line for line in lines)
    assert not model.is_checked(2) and all(model.is_checked(r) for r in range(model.rowCount()) if r != 2)
    assert "Stopped early" not in panel.dropped_label.text()
    assert panel.accept_selected_button.isEnabled()
    tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Brief words it matches" in tip or "Why" in tip

    kept = model.rowCount()
    unticked = model.suggestions()[2]
    assert panel.accept(only_checked=True) == kept - 1
    project = panel.document.project
    assert len(project.requirements) == kept - 1
    assert unticked.value.title not in {r.title for r in project.requirements}  # only the ticked ones
    assert all(r.description and r.acceptance_criteria for r in project.requirements)  # the library's texts
    # Accepted and turned-down suggestions leave the list: no later click can add the unticked one.
    assert rows(panel) == [] and not panel.accept_all_button.isEnabled()
    assert "1 unticked suggestion(s) left out" in panel.stats_label.text()
    assert project.info.brief == "Answers customer chats and order questions for small online shops."
    panel.document.undo_stack.undo()  # one step takes the accepted ones back
    assert project.requirements == []
    panel.document.undo_stack.undo()  # the brief was its own step
    assert project.info.brief == ""


def test_stop_keeps_the_library_suggestions_and_says_so(qtbot, panel):
    ids = candidates(panel)
    FakeEngine.answers = [adapted(*((i, "Shop chat tool") for i in ids))]
    FakeEngine.delay = 0.01

    def on_token() -> bool:
        panel.stop()
        return False

    run_until_done(qtbot, panel, on_token)
    assert "stopped" in panel.stats_label.text()
    assert "Stopped early: complete items are kept." in panel.dropped_label.text()
    assert panel.suggestions.rowCount() >= 5
    assert len(FakeEngine.requests) == 1
    assert panel.generate_button.isEnabled() and panel.accept_all_button.isEnabled()


def test_seed_setting_repeats_the_request_and_discard_clears_the_review(qtbot, panel):
    panel.settings.set("llm_seed", 5)
    panel.picker.temperature.setValue(0.9)
    FakeEngine.answers = [adapted()]
    run_until_done(qtbot, panel)
    assert [(o["seed"], o["temperature"]) for o in FakeEngine.requests] == [(5, 0.9)]
    assert panel.suggestions.rowCount() >= 5
    panel.discard()
    assert panel.suggestions.rowCount() == 0 and not panel.accept_all_button.isEnabled()
    assert panel.dropped_label.text() == ""


def test_accept_all_takes_unticked_ones_too(qtbot, panel):
    FakeEngine.answers = [adapted()]
    run_until_done(qtbot, panel)
    count = panel.suggestions.rowCount()
    panel.suggestions.set_checked(1, False)
    assert panel.accept(only_checked=False) == count
    assert len(panel.document.project.requirements) == count and panel.suggestions.rowCount() == 0


def test_another_project_brings_its_brief_and_clears_the_last_ones_suggestions(qtbot, panel):
    FakeEngine.answers = [adapted()]
    run_until_done(qtbot, panel)
    assert panel.suggestions.rowCount()
    other = Project.new("Clinic")
    other.info.brief = "Triage for a small clinic."
    panel.show_project(other)
    assert panel.brief_edit.toPlainText() == "Triage for a small clinic."
    assert panel.suggestions.rowCount() == 0 and panel.output.toPlainText() == ""
    assert panel.stats_label.text() == "" and not panel.accept_selected_button.isEnabled()


def test_another_task_clears_the_last_ones_suggestions(qtbot, panel):
    FakeEngine.answers = [adapted()]
    run_until_done(qtbot, panel)
    assert panel.suggestions.rowCount() and panel.output.toPlainText()
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("risks"))
    assert panel.suggestions.rowCount() == 0 and panel.output.toPlainText() == ""
    assert panel.stats_label.text() == "" and not panel.accept_all_button.isEnabled()
    assert panel.accept(only_checked=False) == 0 and panel.document.project.requirements == []
    # The brief is the project's: it stays for the requirements task.
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("requirements"))
    assert panel.brief_edit.toPlainText().startswith("Answers customer chats")


def test_another_task_while_generating_stops_the_request(qtbot, panel):
    FakeEngine.answers = [adapted(*((i, "Shop chat tool") for i in candidates(panel)))]
    FakeEngine.delay = 0.01
    with qtbot.waitSignal(panel.generation_done, timeout=20_000):
        panel.generate()
        with qtbot.waitSignal(panel.controller.token_received, timeout=10_000):
            pass
        panel.task_combo.setCurrentIndex(panel.task_combo.findData("summary"))
    assert panel.request_id is None and panel.generate_button.isEnabled()
    qtbot.wait(100)  # tokens of the stopped request may still arrive: they must not fill the list
    assert panel.suggestions.rowCount() == 0 and panel.output.toPlainText() == ""


def test_inputs_that_do_not_fit_the_task_are_said_before_any_model_loads(panel):
    panel.brief_edit.setPlainText("")
    panel.generate()
    assert panel.errors[-1].startswith("Type a product brief first")
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("priorities"))
    panel.generate()
    assert panel.errors[-1] == "the priorities task needs requirements"
    assert panel.controller is None and panel.request_id is None


def test_accept_selected_clicked_adds_only_the_ticked_rows(qtbot, panel):
    FakeEngine.answers = [adapted()]
    run_until_done(qtbot, panel)
    panel.show()
    model, view = panel.suggestions, panel.suggestion_list
    count = model.rowCount()
    assert count >= 5
    for row in range(1, count):  # the user unticks all but the first, as a click on a check box does
        assert model.setData(model.index(row), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert view.model() is model
    first = model.suggestions()[0].value.title
    qtbot.mouseClick(panel.accept_selected_button, Qt.MouseButton.LeftButton)
    assert [r.title for r in panel.document.project.requirements] == [first]
    assert model.rowCount() == 0 and not panel.accept_selected_button.isEnabled()
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)  # disabled: nothing more comes in
    assert len(panel.document.project.requirements) == 1


def test_a_new_project_in_the_window_clears_the_panel(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from roadmap_desktop.persistence.autosave import RecoveryStore
    from roadmap_desktop.persistence.template_file import load_template
    from roadmap_desktop.ui.main_window import MainWindow

    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    monkeypatch.setattr("roadmap_desktop.llm.worker.local_engine", FakeEngine)
    monkeypatch.setattr(FakeEngine, "answers", [adapted()])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    settings = Settings(tmp_path / "settings.json")
    settings.set("llm_model_path", str(MODEL))
    window = MainWindow(settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    window.set_document(ProjectDocument(load_template("customer_service", "en")))
    panel = window.assistant
    window.show_assistant("requirements")
    panel.brief_edit.setPlainText("Answers customer chats and order questions for small online shops.")
    run_until_done(qtbot, panel)
    assert panel.suggestions.rowCount()
    window.new_action.trigger()
    assert panel.suggestions.rowCount() == 0 and panel.output.toPlainText() == ""
    assert panel.brief_edit.toPlainText() == "" and panel.stats_label.text() == ""
    panel.shutdown()
