"""The assistant dock with the real SmolLM2 model: generate, review, accept in one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui.main_window import MainWindow

MODEL = Path(__file__).resolve().parents[2] / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
pytestmark = [pytest.mark.llm, pytest.mark.slow]


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    settings = Settings(tmp_path / "settings.json")
    settings.set("llm_model_path", str(MODEL))
    settings.set("llm_n_threads", 1)
    win = MainWindow(settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    win.show()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    yield win
    win.assistant.shutdown()
    assert win.assistant.controller is None or not win.assistant.controller.running


def test_suggest_risks_accept_and_undo(qtbot, window):
    # The risks task picks library ids from an enum, so even the 135M model gives real
    # suggestions; drafting distinct requirements with it is still a known gap (see test_tasks).
    from roadmap_desktop.domain.commands import InsertEntity
    from roadmap_desktop.domain.requirement import Requirement

    panel = window.assistant
    assert "SmolLM2" in str(panel.model_combo.currentData().path)
    window.document.execute(InsertEntity("requirement", Requirement(title="Answer buyer questions from order data")))
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("risks"))
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    # waitSignal runs a real event loop (which releases the GIL for the worker thread); the
    # polling of waitUntil would starve it.
    with qtbot.waitSignal(panel.generation_done, timeout=240_000):
        panel.generate()
        assert panel.request_id is not None and not panel.generate_button.isEnabled()
    timer.stop()
    assert ticks, "the GUI must keep processing events while the model generates"
    assert panel.output.toPlainText().lstrip().startswith("{")
    count = panel.suggestion_list.count()
    assert count >= 1, panel.dropped_label.text()
    titles = [panel.suggestion_list.item(i).text() for i in range(count)]
    assert len(set(titles)) == len(titles)
    for row in range(count):
        panel.suggestion_list.item(row).setCheckState(Qt.CheckState.Checked if row == 0 else Qt.CheckState.Unchecked)
    assert window.document.project.risks == []  # nothing changes before accepting
    assert panel.accept(only_checked=True) == 1
    assert [r.title for r in window.document.project.risks] == [titles[0]]
    window.undo_action.trigger()
    assert window.document.project.risks == []


def test_brief_to_five_distinct_requirements_streamed_then_accept_three_in_one_step(qtbot, window):
    panel = window.assistant
    window.settings.set("llm_seed", 11)  # the seed run_task's test uses: same prompts, same drafts
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("requirements"))
    panel.brief_edit.setPlainText(
        "An assistant that answers customer chats for small online shops. "
        "It drafts replies, looks up orders and flags angry customers."
    )
    live: list[int] = []
    with qtbot.waitSignal(panel.generation_done, timeout=400_000):
        panel.generate()
        # Suggestions appear while the model is still writing.
        while panel.request_id is not None and not live:
            with qtbot.waitSignal(panel.controller.token_received, timeout=60_000):
                pass
            if panel.suggestion_list.count():
                live.append(panel.suggestion_list.count())
    assert live, "no suggestion appeared before the generation ended"
    count = panel.suggestion_list.count()
    titles = [panel.suggestion_list.item(i).text() for i in range(count)]
    assert count >= 5 and len(set(titles)) == count, (titles, panel.dropped_label.text())
    for row in range(count):
        panel.suggestion_list.item(row).setCheckState(Qt.CheckState.Checked if row < 3 else Qt.CheckState.Unchecked)
    assert panel.accept(only_checked=True) == 3
    assert len(window.document.project.requirements) == 3
    assert panel.suggestion_list.count() == count - 3
    window.undo_action.trigger()
    assert window.document.project.requirements == []


def test_stop_keeps_complete_items(qtbot, window):
    panel = window.assistant
    panel.brief_edit.setPlainText("A note-taking app that summarises meetings for sales teams.")
    with qtbot.waitSignal(panel.generation_done, timeout=240_000):
        panel.generate()
        for _ in range(400):
            if len(panel.output.toPlainText()) > 120:
                break
            with qtbot.waitSignal(panel.controller.token_received, timeout=30_000):
                pass
        panel.stop()
    assert "stopped" in panel.stats_label.text()
    assert "Stopped early" in panel.dropped_label.text()


def test_bad_model_file_reports_error(qtbot, window, tmp_path):
    errors: list[str] = []
    window.assistant._on_error = errors.append
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + bytes(200))
    window.assistant.refresh_models((bad,))
    combo = window.assistant.model_combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if "broken" in combo.itemText(i)))
    assert not window.assistant.load_button.isEnabled()
    assert "broken.gguf" in window.assistant.model_details.text()
    assert not window.assistant.load_model()


def test_bundled_default_model_is_preselected(qtbot, tmp_path):
    from roadmap_desktop.llm.catalog import DEFAULT_MODEL_FILE

    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    win = MainWindow(Settings(tmp_path / "s.json"), RecoveryStore(tmp_path / "r"))
    qtbot.addWidget(win)
    assert Path(win.assistant.model_combo.currentData().path).name == DEFAULT_MODEL_FILE
