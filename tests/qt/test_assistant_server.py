"""The assistant panel's "Model server…" choice: an unreachable server is one clear message, and the
local model works again afterwards (a fake local engine keeps this test quick)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from roadmap_desktop.llm.engine_api import ChatStream, GenerationResult
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui.assistant.assistant_panel import AssistantPanel
from roadmap_desktop.ui.assistant.model_picker import SERVER_URL_KEY, USE_SERVER_KEY, ServerChoice

MODEL = Path(__file__).resolve().parents[2] / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
ANSWER = '{"requirements": []}'


class FakeInfo:
    def __init__(self, path: str) -> None:
        self.path = path

    def as_dict(self) -> dict:
        return {"path": self.path, "n_ctx": 2048, "n_gpu_layers": 0, "notes": []}


class FakeEngine:
    """Stands in for the llama.cpp Engine in the worker thread."""

    def __init__(self) -> None:
        self.loaded = False

    def load(self, path, **_options) -> FakeInfo:
        self.loaded = True
        return FakeInfo(str(path))

    def stream_chat(self, messages, cancel=None, **_options) -> ChatStream:
        result = GenerationResult(text=ANSWER, tokens=3, pieces=3, finish_reason="stop", time_to_first_token=0.01)
        return ChatStream(iter(['{"requirements"', ": ", "[]}"]), result)

    def close(self) -> None:
        self.loaded = False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def make_panel(qtbot, tmp_path, monkeypatch):
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    monkeypatch.setattr("roadmap_desktop.llm.worker.local_engine", FakeEngine)
    settings = Settings(tmp_path / "settings.json")
    settings.set("llm_model_path", str(MODEL))
    panels: list[AssistantPanel] = []
    errors: list[str] = []

    def make() -> AssistantPanel:
        panel = AssistantPanel(settings, lambda: None, lambda: None, errors.append, lambda: None)
        qtbot.addWidget(panel)
        panel.resize(380, 720)
        panel.show()
        panels.append(panel)
        return panel

    make.settings = settings
    make.errors = errors
    yield make
    for panel in panels:
        panel.shutdown()
        assert panel.controller is None or not panel.controller.running


def server_index(panel: AssistantPanel) -> int:
    combo = panel.model_combo
    return next(i for i in range(combo.count()) if isinstance(combo.itemData(i), ServerChoice))


def test_local_stays_the_default_and_the_address_field_shows_only_for_a_server(make_panel):
    panel = make_panel()
    assert Path(panel.model_combo.currentData().path) == MODEL
    picker = panel.picker
    assert picker.server_row.isHidden()
    panel.model_combo.setCurrentIndex(server_index(panel))
    assert picker.server_row.isVisible()
    assert not picker.load_button.isEnabled()  # no address typed yet
    picker.server_edit.setText("192.168.1.20:8080")
    assert picker.load_button.isEnabled()


def test_unreachable_server_is_a_clear_error_and_local_works_again(qtbot, make_panel, tmp_path):
    panel = make_panel()
    url = f"http://127.0.0.1:{free_port()}"
    panel.model_combo.setCurrentIndex(server_index(panel))
    picker = panel.picker
    picker.server_edit.setText(url + "/v1")
    controller = panel.ensure_controller()
    with qtbot.waitSignal(controller.load_failed, timeout=15_000):
        assert picker.load_model()
        assert not picker.load_button.isEnabled()
    expected = f"Cannot reach the model server at {url}: connection refused. Is a model server running there?"
    assert expected in panel.model_status.text()
    assert make_panel.errors and expected in make_panel.errors[-1]
    assert picker.loaded_path is None and picker.load_button.isEnabled()
    panel.grab().save(str(tmp_path / "server_error.png"))

    # The choice and the address are remembered for the next start.
    assert make_panel.settings.get(SERVER_URL_KEY) == url
    assert make_panel.settings.get(USE_SERVER_KEY) is True
    again = make_panel()
    assert isinstance(again.model_combo.currentData(), ServerChoice)
    assert again.picker.server_edit.text() == url and again.picker.server_row.isVisible()

    # Back to the local model: it loads and generates.
    combo = panel.model_combo
    combo.setCurrentIndex(
        next(i for i in range(combo.count()) if Path(getattr(combo.itemData(i), "path", "")) == MODEL)
    )
    assert picker.server_row.isHidden()
    with qtbot.waitSignal(controller.model_loaded, timeout=15_000):
        assert picker.load_model(ask_memory=False)
    assert picker.loaded_path == str(MODEL)
    assert panel.model_status.text().startswith(f"Loaded {MODEL.name}")
    assert make_panel.settings.get(USE_SERVER_KEY) is False
    panel.brief_edit.setPlainText("A helper for small online shops.")
    with qtbot.waitSignal(panel.generation_done, timeout=15_000):
        panel.generate()
    assert panel.output.toPlainText().startswith(ANSWER)  # from the local (fake) engine, round after round
    assert panel.stats_label.text() != "Failed"


def test_a_server_that_stops_mid_workshop_is_said_in_the_panel_in_the_interface_language(qtbot, qapp, make_panel):
    from PySide6.QtCore import QCoreApplication

    from roadmap_desktop.ui import i18n
    from roadmap_desktop.ui.assistant.server_messages import server_message

    url = "http://127.0.0.1:8765"
    refused = f"Cannot reach the model server at {url}: connection refused. Is a model server running there?"
    assert server_message(refused) == refused + " Local models still work: choose one in the model list."
    lost = server_message(f"Lost the connection to the model server at {url} (ConnectionResetError)")
    assert lost is not None and url in lost and "did it stop?" in lost
    slow = server_message(f"The model server at {url} did not answer within 120 s")
    assert slow is not None and "120 s" in slow and "busy" in slow
    assert server_message("No model is loaded") is None  # anything else is shown as it came

    panel = make_panel()
    panel.request_id = 7  # a generation was running on the server when it stopped
    panel._on_controller_generation_failed(7, refused)
    assert refused in panel.model_status.text()  # no longer "Using the model server …"
    assert make_panel.errors[-1] == server_message(refused)
    assert panel.generate_button.isEnabled()
    try:
        assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.CHINESE
        QCoreApplication.sendPostedEvents()
        status = panel.model_status.text()
        assert "无法连接模型服务器" in status and "连接被拒绝" in status and "本地模型仍可使用" in status
        assert "Cannot reach" not in status
    finally:
        i18n.install_translations(qapp, i18n.ENGLISH)
        QCoreApplication.sendPostedEvents()
    assert refused in panel.model_status.text()


def test_a_server_with_a_key_takes_the_key_typed_and_remembers_it(qtbot, make_panel):
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from roadmap_desktop.ui.assistant.model_picker import SERVER_API_KEY

    key = "abcd-efgh-jkmn-pqrs"

    class KeyedServer(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            ok = self.headers.get("Authorization") == f"Bearer {key}"
            body = json.dumps({"data": [{"id": "room.gguf"}]} if ok else {"error": {"message": "key"}}).encode()
            self.send_response(200 if ok else 401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), KeyedServer)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        panel = make_panel()
        panel.model_combo.setCurrentIndex(server_index(panel))
        picker = panel.picker
        assert picker.server_key_edit.isVisible()
        picker.server_edit.setText(url)
        controller = panel.ensure_controller()
        with qtbot.waitSignal(controller.load_failed, timeout=15_000):
            assert picker.load_model()
        assert panel.model_status.text().startswith(f"The model server at {url} needs a key: type in Key")
        picker.server_key_edit.setText(f" {key} ")
        with qtbot.waitSignal(controller.model_loaded, timeout=15_000):
            assert picker.load_model()
        assert "room.gguf" in panel.model_status.text()
        assert make_panel.settings.get(SERVER_API_KEY) == key
        assert make_panel().picker.server_key_edit.text() == key
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_servers_on_this_computer_are_offered_and_their_models_chosen(qtbot, make_panel, monkeypatch, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "llm"))  # the replaying server lives there
    from recorded_servers import RecordedServer

    from roadmap_desktop.ui.assistant.model_picker import SERVER_MODEL_KEY
    from roadmap_desktop.ui.assistant.server_choices import LocalServerModel

    with RecordedServer("ollama") as server:
        monkeypatch.setenv("ROADMAP_DESKTOP_SERVER_PORTS", str(server.port))
        panel = make_panel()
        picker, combo = panel.picker, panel.model_combo
        found = lambda: [i for i in range(combo.count()) if isinstance(combo.itemData(i), LocalServerModel)]  # noqa: E731
        qtbot.waitUntil(lambda: len(found()) == 3, timeout=10_000)
        assert Path(combo.currentData().path) == MODEL  # the local model stays the default
        labels = [combo.itemText(i) for i in found()]
        assert labels == [
            f"{m} · Ollama on this computer" for m in ("codellama:13b", "llama3:latest", "mistral:latest")
        ]
        assert found()[-1] == server_index(panel) - 1  # before "Model server…"
        combo.setCurrentIndex(found()[-1])
        assert picker.model_details.text() == f"Ollama at {server.url} · 7.2B · Q4_0"
        assert not picker.server_row.isVisible() and picker.load_button.isEnabled()
        controller = panel.ensure_controller()
        with qtbot.waitSignal(controller.model_loaded, timeout=15_000):
            assert picker.load_model()
        assert panel.model_status.text() == f"Using mistral:latest on Ollama at {server.url}"
        panel.brief_edit.setPlainText("A helper for small online shops.")
        with qtbot.waitSignal(panel.generation_done, timeout=15_000):
            panel.generate()
        body = server.chat_bodies()[-1]
        assert body["model"] == "mistral:latest" and body["response_format"]["type"] == "json_schema"
        assert make_panel.settings.get(SERVER_MODEL_KEY) == "mistral:latest"
        panel.grab().save(str(tmp_path / "found_server.png"))

        # The same server typed as an address: its models are offered beside it.
        combo.setCurrentIndex(server_index(panel))
        picker.server_edit.setText(server.url)
        with qtbot.waitSignal(controller.model_loaded, timeout=15_000):
            assert picker.load_model()
        assert picker.server_models_row.isVisible()
        models = picker.server_model_combo
        assert [models.itemData(i) for i in range(models.count())] == [
            "codellama:13b",
            "llama3:latest",
            "mistral:latest",
        ]
        assert models.currentData() == "mistral:latest"  # the one chosen before, still offered
        with qtbot.waitSignal(controller.model_loaded, timeout=15_000):
            models.activated.emit(0)
        assert panel.model_status.text() == f"Using codellama:13b on Ollama at {server.url}"
        assert make_panel.settings.get(SERVER_MODEL_KEY) == "codellama:13b"
        panel.grab().save(str(tmp_path / "server_models.png"))
        panel.shutdown()
