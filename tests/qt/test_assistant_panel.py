"""The assistant dock with the real SmolLM2 model: generate, review, accept in one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_brief_to_five_distinct_requirements_streamed_then_accept_three_in_one_step(qtbot, window):
    # The panel's one end-to-end run on the real model: the library's matches at once, the model's
    # adaptations as they stream, review, one undo step. Stopping, unticking while streaming and the
    # rest of the review are checked with a fake engine in test_assistant_review.py.
    from PySide6.QtCore import QTimer

    panel = window.assistant
    assert "SmolLM2" in str(panel.model_combo.currentData().path)
    window.settings.set("llm_seed", 11)  # the seed of the `assist` command's test: same prompts, same drafts
    panel.task_combo.setCurrentIndex(panel.task_combo.findData("requirements"))
    panel.brief_edit.setPlainText(
        "An assistant that answers customer chats for small online shops. "
        "It drafts replies, looks up orders and flags angry customers."
    )
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    live: list[int] = []
    model = panel.suggestions
    # waitSignal runs a real event loop (which releases the GIL for the worker thread); the
    # polling of waitUntil would starve it.
    with qtbot.waitSignal(panel.generation_done, timeout=400_000):
        panel.generate()
        assert panel.request_id is not None and not panel.generate_button.isEnabled()
        assert model.rowCount() >= 5  # the library's best matches, before the model's first token
        # Suggestions appear while the model is still writing.
        while panel.request_id is not None and not live:
            with qtbot.waitSignal(panel.controller.token_received, timeout=60_000):
                pass
            if model.rowCount():
                live.append(model.rowCount())
    timer.stop()
    assert ticks, "the GUI must keep processing events while the model generates"
    assert live, "no suggestion appeared before the generation ended"
    assert panel.output.toPlainText().lstrip().startswith("{")
    count = model.rowCount()
    titles = [s.value.title for s in model.suggestions()]
    assert count >= 5 and len(set(titles)) == count, (titles, panel.dropped_label.text())
    assert all("[library" in model.index(i).data() or "[adapted" in model.index(i).data() for i in range(count))
    for row in range(count):
        model.set_checked(row, row < 3)
    assert window.document.project.requirements == []  # nothing changes before accepting
    assert panel.accept(only_checked=True) == 3
    assert [r.title for r in window.document.project.requirements] == titles[:3]
    assert model.rowCount() == 0  # the unticked ones were turned down: they leave with the accepted
    window.undo_action.trigger()
    assert window.document.project.requirements == []


def test_bad_model_file_reports_error(qtbot, window, tmp_path):
    errors: list[str] = []
    window.assistant._on_error = errors.append
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + bytes(200))
    picker = window.assistant.picker
    picker.refresh_models((bad,))
    combo = window.assistant.model_combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if "broken" in combo.itemText(i)))
    assert not picker.load_button.isEnabled()
    assert "broken.gguf" in window.assistant.model_details.text()
    assert not picker.load_model()
    assert errors == ["Choose a usable .gguf model first"]


def test_bundled_default_model_is_preselected(qtbot, tmp_path):
    from roadmap_desktop.llm.catalog import DEFAULT_MODEL_FILE

    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    win = MainWindow(Settings(tmp_path / "s.json"), RecoveryStore(tmp_path / "r"))
    qtbot.addWidget(win)
    assert Path(win.assistant.model_combo.currentData().path).name == DEFAULT_MODEL_FILE
