"""The assistant's model picker: the model list (local files, the models of servers running on this
computer, "Model server…"), Open…, a model's details and memory check, a server's address, key and
model, the model settings, and loading a model into the LLM thread."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...llm import catalog, probe
from ...persistence.errors import SaveError
from ...persistence.settings import Settings
from .server_choices import (
    LocalServerFinder,
    LocalServerModel,
    entries_of,
    entry_details,
    entry_label,
    loaded_text,
    notes_text,
)
from .server_messages import server_message

if TYPE_CHECKING:
    from ...llm.worker import LlmController

# The picker's texts keep the "AssistantPanel" context of the translation catalog: they were the
# panel's, and lupdate reads the context from each literal translate() call.
translate = QCoreApplication.translate

SERVER_URL_KEY = "llm_server_url"  # the model server address last typed
USE_SERVER_KEY = "llm_use_server"  # True when the server, not a local file, was loaded last
SERVER_API_KEY = "llm_server_key"  # the key a server on the local network printed (serve --host 0.0.0.0)
SERVER_MODEL_KEY = "llm_server_model"  # the server's model last chosen (a server may offer several)


class ServerChoice:
    """The model list's "Model server…" entry: any OpenAI-compatible server, at an address typed."""


SERVER_CHOICE = ServerChoice()


class ModelPicker(QWidget):
    """Chooses and loads the model; the panel asks it for a loaded model and its sampling overrides."""

    model_chosen = Signal()  # another entry of the model list is current
    # A local model is about to be loaded into this process: the window writes a recovery copy of
    # the open project first (a model the probe passed could still crash llama.cpp here).
    load_starting = Signal()

    def __init__(
        self,
        settings: Settings,
        controller: Callable[[], LlmController],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.settings = settings
        self._controller = controller
        self._on_error = on_error
        self.loaded_path: str | None = None
        self.loaded_info: dict[str, Any] = {}  # what the LLM thread said of the loaded model
        self.loading_path: str | None = None
        self._checking_connected: object = None  # the controller whose model_checking is connected
        # Texts that depend on state are kept as functions, so a language switch can render them again.
        self._status_text: Callable[[], str] = lambda: translate("AssistantPanel", "No model loaded")
        self._gpu_supported: bool | None = None  # asked once, when the settings are first shown
        self._local_servers: list[LocalServerModel] = []  # found on this computer's usual ports
        self._finder = LocalServerFinder(self)
        self._finder.servers_found.connect(self._on_finder_servers_found)
        self._build()
        self.refresh_models()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        model_box = self._model_box = QGroupBox()
        model_form = QFormLayout(model_box)
        row = QHBoxLayout()
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("modelCombo")
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setMinimumContentsLength(18)
        self.model_combo.currentIndexChanged.connect(self._show_model_details)
        self.model_combo.currentIndexChanged.connect(self.model_chosen)
        open_button = self._open_button = QPushButton()
        open_button.clicked.connect(self.open_model_file)
        self.load_button = QPushButton()
        self.load_button.clicked.connect(lambda: self.load_model())
        row.addWidget(self.model_combo, 1)
        row.addWidget(open_button)
        row.addWidget(self.load_button)
        model_form.addRow(row)
        self.server_row = QWidget()
        server_layout = QHBoxLayout(self.server_row)
        server_layout.setContentsMargins(0, 0, 0, 0)
        self.server_edit = QLineEdit(str(self.settings.get(SERVER_URL_KEY) or ""))
        self.server_edit.setObjectName("serverUrlEdit")
        self.server_edit.setClearButtonEnabled(True)
        self.server_edit.textChanged.connect(self._show_model_details)
        self.server_edit.returnPressed.connect(lambda: self.load_model())
        self._address_label = QLabel()
        server_layout.addWidget(self._address_label)
        server_layout.addWidget(self.server_edit, 1)
        self.server_key_edit = QLineEdit(str(self.settings.get(SERVER_API_KEY) or ""))
        self.server_key_edit.setObjectName("serverKeyEdit")
        self.server_key_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.server_key_edit.setClearButtonEnabled(True)
        self.server_key_edit.returnPressed.connect(lambda: self.load_model())
        self._key_label = QLabel()
        server_layout.addWidget(self._key_label)
        server_layout.addWidget(self.server_key_edit, 1)
        self.server_row.hide()
        model_form.addRow(self.server_row)
        # The server's models, once it is connected and offers more than one (Ollama, LM Studio).
        self.server_models_row = QWidget()
        models_layout = QHBoxLayout(self.server_models_row)
        models_layout.setContentsMargins(0, 0, 0, 0)
        self._server_model_label = QLabel()
        self.server_model_combo = QComboBox()
        self.server_model_combo.setObjectName("serverModelCombo")
        self.server_model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.server_model_combo.activated.connect(self._on_server_model_combo_activated)
        models_layout.addWidget(self._server_model_label)
        models_layout.addWidget(self.server_model_combo, 1)
        self.server_models_row.hide()
        model_form.addRow(self.server_models_row)
        self.model_details = QLabel()
        self.model_details.setWordWrap(True)
        self.model_details.setStyleSheet("color: palette(mid);")
        model_form.addRow(self.model_details)
        self.load_progress = QProgressBar()
        self.load_progress.setRange(0, 0)  # llama.cpp reports no load fraction: show activity
        self.load_progress.setTextVisible(False)
        self.load_progress.setMaximumHeight(8)
        self.load_progress.hide()
        model_form.addRow(self.load_progress)
        self.model_status = QLabel(self._status_text())
        self.model_status.setWordWrap(True)
        model_form.addRow(self.model_status)

        self.settings_toggle = QCheckBox()
        settings_box = self._settings_box = QGroupBox()
        settings_box.hide()
        self.settings_toggle.toggled.connect(settings_box.setVisible)
        settings_form = QFormLayout(settings_box)
        self.n_ctx = QSpinBox()
        self.n_ctx.setRange(512, 131072)
        self.n_ctx.setSingleStep(1024)
        self.n_ctx.setValue(int(self.settings.get("llm_n_ctx") or 4096))
        self.n_threads = QSpinBox()
        self.n_threads.setRange(1, max(1, os.cpu_count() or 1))
        # Leave the GUI a core on small machines.
        self.n_threads.setValue(int(self.settings.get("llm_n_threads") or max(1, (os.cpu_count() or 2) - 1)))
        self.gpu_combo = QComboBox()
        self.gpu_combo.addItem("", "auto")
        self.gpu_combo.addItem("", "cpu")
        self.gpu_combo.setCurrentIndex(1 if self.settings.get("llm_gpu") == "cpu" else 0)
        self.gpu_note = QLabel()
        self.gpu_note.setWordWrap(True)
        self.gpu_note.setStyleSheet("color: palette(mid);")
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)

        self.temperature.setValue(float(self.settings.get("llm_temperature") or 0.0))
        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(0, 8192)
        self.max_tokens.setSingleStep(128)

        self.max_tokens.setValue(int(self.settings.get("llm_max_tokens") or 0))
        self._settings_labels = [QLabel() for _ in range(5)]
        context_label, threads_label, gpu_label, temperature_label, tokens_label = self._settings_labels
        settings_form.addRow(context_label, self.n_ctx)
        settings_form.addRow(threads_label, self.n_threads)
        settings_form.addRow(gpu_label, self.gpu_combo)
        settings_form.addRow(self.gpu_note)
        settings_form.addRow(temperature_label, self.temperature)
        settings_form.addRow(tokens_label, self.max_tokens)

        layout.addWidget(model_box)
        layout.addWidget(self.settings_toggle)
        layout.addWidget(settings_box)
        self._retranslate_static()
        # Asking llama.cpp about GPU support loads its library: only when the settings are shown.
        self.settings_toggle.toggled.connect(self._update_gpu_note)

    def _retranslate_static(self) -> None:
        """The texts that do not depend on state: titles, buttons, labels, placeholders, tooltips."""
        self._model_box.setTitle(translate("AssistantPanel", "Model"))
        self._open_button.setText(translate("AssistantPanel", "Open…"))
        self._open_button.setToolTip(translate("AssistantPanel", "Use another .gguf model file"))
        self.load_button.setText(translate("AssistantPanel", "Load"))
        self.server_edit.setPlaceholderText(translate("AssistantPanel", "http://192.168.1.20:8080"))
        self.server_edit.setToolTip(
            translate(
                "AssistantPanel",
                "The address of an OpenAI-compatible server: `roadmap-desktop serve`, llama.cpp's llama-server, "
                "Ollama, LM Studio or vLLM",
            )
        )
        self._server_model_label.setText(translate("AssistantPanel", "Server model"))
        self._address_label.setText(translate("AssistantPanel", "Address"))
        self._key_label.setText(translate("AssistantPanel", "Key"))
        self.server_key_edit.setPlaceholderText(translate("AssistantPanel", "if the server printed one"))
        self.server_key_edit.setToolTip(
            translate("AssistantPanel", "The key `roadmap-desktop serve` printed when it serves the local network")
        )
        self.settings_toggle.setText(translate("AssistantPanel", "Show model settings"))
        self._settings_box.setTitle(translate("AssistantPanel", "Settings"))
        self.gpu_combo.setItemText(0, translate("AssistantPanel", "Auto (all layers on the GPU when available)"))
        self.gpu_combo.setItemText(1, translate("AssistantPanel", "CPU only"))
        self.temperature.setSpecialValueText(translate("AssistantPanel", "task default"))
        self.max_tokens.setSpecialValueText(translate("AssistantPanel", "task default"))
        for label, text in zip(
            self._settings_labels,
            (
                translate("AssistantPanel", "Context length"),
                translate("AssistantPanel", "CPU threads"),
                translate("AssistantPanel", "GPU"),
                translate("AssistantPanel", "Temperature"),
                translate("AssistantPanel", "Max tokens"),
            ),
            strict=True,
        ):
            label.setText(text)

    def retranslate_ui(self) -> None:
        """Give every text the current language."""
        self._retranslate_static()
        self._retranslate_model_list()
        self._show_model_details()
        self._show_gpu_note()
        self.model_status.setText(self._status_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_settings_labels"):
            self.retranslate_ui()
        super().changeEvent(event)

    def set_status(self, text: Callable[[], str]) -> None:
        """Show a status line; ``text`` is asked again after a language switch."""
        self._status_text = text
        self.model_status.setText(text())

    # -- models ----------------------------------------------------------------------------
    def refresh_models(self, extra: tuple[Path, ...] = ()) -> None:
        remembered = self.settings.get("llm_model_path")
        extras = list(extra)
        if remembered and Path(remembered).is_file():
            extras.append(Path(remembered))
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for entry in probe.find_checked_models(tuple(extras)):
            self.model_combo.addItem(self._model_label(entry), entry)
            self.model_combo.setItemData(self.model_combo.count() - 1, str(entry.path), Qt.ItemDataRole.ToolTipRole)
        for server_model in self._local_servers:
            self.model_combo.addItem(self._model_label(server_model), server_model)
        self.model_combo.addItem(self._model_label(SERVER_CHOICE), SERVER_CHOICE)
        self.model_combo.setItemData(self.model_combo.count() - 1, self._server_tip(), Qt.ItemDataRole.ToolTipRole)
        self.model_combo.blockSignals(False)
        if self.settings.get(USE_SERVER_KEY) is True:
            self.model_combo.setCurrentIndex(self._remembered_server_index())
        else:
            for index in range(self.model_combo.count()):
                entry = self.model_combo.itemData(index)
                if not isinstance(entry, catalog.ModelInfo | catalog.BrokenModel):
                    continue
                path = Path(entry.path)
                wanted = str(path) == str(remembered) if remembered else path.name == catalog.DEFAULT_MODEL_FILE
                if wanted:
                    self.model_combo.setCurrentIndex(index)
                    break
        self._show_model_details()
        self._finder.start()  # servers started since are offered too

    def _remembered_server_index(self) -> int:
        """The found server model last used, else "Model server…" (the last entry)."""
        url, model = self.settings.get(SERVER_URL_KEY), self.settings.get(SERVER_MODEL_KEY)
        for index in range(self.model_combo.count()):
            entry = self.model_combo.itemData(index)
            if isinstance(entry, LocalServerModel) and (entry.url, entry.model) == (url, model):
                return index
        return self.model_combo.count() - 1

    def _on_finder_servers_found(self, servers: list) -> None:
        """Offer the models of the servers found on this computer, keeping the current choice."""
        found = entries_of(servers)
        if found == self._local_servers:
            return
        current = self.current_model()
        self._local_servers = found
        self.model_combo.blockSignals(True)
        for index in reversed(range(self.model_combo.count())):
            if isinstance(self.model_combo.itemData(index), LocalServerModel):
                self.model_combo.removeItem(index)
        place = self.model_combo.count() - 1  # before "Model server…"
        for offset, entry in enumerate(found):
            self.model_combo.insertItem(place + offset, self._model_label(entry), entry)
        keep = next((i for i in range(self.model_combo.count()) if self.model_combo.itemData(i) == current), None)
        if keep is None and self.settings.get(USE_SERVER_KEY) is True and not self.has_model:
            keep = self._remembered_server_index()
        self.model_combo.setCurrentIndex(keep if keep is not None else self.model_combo.count() - 1)
        self.model_combo.blockSignals(False)
        if self.current_model() != current:
            self.model_chosen.emit()
        self._show_model_details()

    def _model_label(self, entry: object) -> str:
        if isinstance(entry, catalog.ModelInfo):
            return f"{entry.name} · {entry.parameters_label} · {entry.quantization}"
        if isinstance(entry, ServerChoice):
            return translate("AssistantPanel", "Model server…")
        if isinstance(entry, LocalServerModel):
            return entry_label(entry)
        return translate("AssistantPanel", "{file} (unusable)").format(file=Path(entry.path).name)  # type: ignore[attr-defined]

    def _retranslate_model_list(self) -> None:
        for index in range(self.model_combo.count()):
            entry = self.model_combo.itemData(index)
            self.model_combo.setItemText(index, self._model_label(entry))
            if isinstance(entry, ServerChoice):
                self.model_combo.setItemData(index, self._server_tip(), Qt.ItemDataRole.ToolTipRole)

    def _server_tip(self) -> str:
        return translate(
            "AssistantPanel",
            "A model server at an address you type: `roadmap-desktop serve` on a computer of the local network, "
            "or llama.cpp's llama-server, Ollama, LM Studio or vLLM",
        )

    def current_model(self) -> object | None:
        return self.model_combo.currentData()

    def _show_model_details(self, *_args) -> None:
        entry = self.current_model()
        self.server_row.setVisible(isinstance(entry, ServerChoice))
        self.server_models_row.setVisible(isinstance(entry, ServerChoice) and self.server_model_combo.count() > 1)
        if isinstance(entry, ServerChoice):
            self.model_details.setText(
                translate(
                    "AssistantPanel",
                    "The address `roadmap-desktop serve` printed on the server computer, or that of an "
                    "OpenAI-compatible server (Ollama, LM Studio, vLLM, llama-server); its settings apply.",
                )
            )
            self.model_details.setToolTip("")
            self.load_button.setEnabled(bool(self.server_edit.text().strip()))
            return
        if isinstance(entry, LocalServerModel):
            self.model_details.setText(entry_details(entry))
            self.model_details.setToolTip("")
            self.load_button.setEnabled(True)
            return
        if entry is None:
            self.model_details.setText(
                translate("AssistantPanel", "No .gguf model found in models/. Use Open… to pick one.")
            )
        elif isinstance(entry, catalog.ModelInfo):
            estimate = catalog.estimate_memory(entry, self.n_ctx.value())
            _ok, message = self._fits(estimate)
            template = (
                translate("AssistantPanel", "chat template")
                if entry.has_chat_template
                else translate("AssistantPanel", "no chat template (a default is used)")
            )
            self.model_details.setText(
                translate(
                    "AssistantPanel",
                    "{architecture} · context {context} · {size} · {template}\nMemory at context {n_ctx}: {memory}",
                ).format(
                    architecture=entry.architecture,
                    context=entry.context_length or "?",
                    size=catalog.format_bytes(entry.file_size),
                    template=template,
                    n_ctx=self.n_ctx.value(),
                    memory=message,
                )
            )
            self.model_details.setToolTip(estimate.explanation)
        else:
            self.model_details.setText(entry.error)
        self.load_button.setEnabled(isinstance(entry, catalog.ModelInfo))

    def open_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("AssistantPanel", "Open Model File"),
            str(Path.home()),
            translate("AssistantPanel", "GGUF models (*.gguf)"),
        )
        if not path:
            return
        try:
            catalog.read_model_info(path)
        except catalog.ModelFileError as exc:
            QMessageBox.critical(self, translate("AssistantPanel", "Cannot use this model"), str(exc))
            return
        self._remember("llm_model_path", path)
        self._remember(USE_SERVER_KEY, False)
        self.refresh_models((Path(path),))

    def _update_gpu_note(self, *_args) -> None:
        if self._gpu_supported is not None:
            return
        from ...llm.engine import gpu_offload_supported

        self._gpu_supported = gpu_offload_supported()
        self._show_gpu_note()

    def _show_gpu_note(self) -> None:
        if self._gpu_supported is None:
            self.gpu_note.setText("")
        elif self._gpu_supported:
            self.gpu_note.setText(translate("AssistantPanel", "This llama.cpp build can offload to the GPU."))
        else:
            self.gpu_note.setText(
                translate(
                    "AssistantPanel", "This llama.cpp build has no GPU support (CPU build): the model runs on the CPU."
                )
            )

    def load_model(self, ask_memory: bool = True) -> bool:
        entry = self.current_model()
        if isinstance(entry, ServerChoice):
            return self._connect_server()
        if isinstance(entry, LocalServerModel):
            return self._connect_server(entry.url, entry.model, key="")
        if not isinstance(entry, catalog.ModelInfo):
            self._on_error(translate("AssistantPanel", "Choose a usable .gguf model first"))
            return False
        estimate = catalog.estimate_memory(entry, self.n_ctx.value())
        ok, message = self._fits(estimate)
        if not ok and ask_memory:
            answer = QMessageBox.warning(
                self,
                translate("AssistantPanel", "Not enough memory?"),
                translate(
                    "AssistantPanel", "{message}\n\nLoading may make the computer very slow. Load anyway?"
                ).format(message=message),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        from ...llm.engine import gpu_offload_supported

        use_gpu = self.gpu_combo.currentData() == "auto" and gpu_offload_supported()
        options = {
            "n_ctx": self.n_ctx.value(),
            "n_threads": self.n_threads.value(),
            "n_gpu_layers": -1 if use_gpu else 0,
        }
        self.remember_settings()
        self._remember("llm_model_path", str(entry.path))
        if self.settings.get(USE_SERVER_KEY) is not False:
            self._remember(USE_SERVER_KEY, False)
        self.loading_path = str(entry.path)
        self.load_progress.show()
        self.set_status(lambda name=entry.name: translate("AssistantPanel", "Loading {name}…").format(name=name))
        self.load_button.setEnabled(False)
        self.load_starting.emit()
        controller = self._controller()
        if self._checking_connected is not controller:
            controller.model_checking.connect(self.on_model_checking)
            self._checking_connected = controller
        controller.load(str(entry.path), options)
        return True

    def on_model_checking(self, path: str) -> None:
        """The LLM thread checks the model in a child process first (its first use): say so."""
        if path != self.loading_path:
            return
        self.set_status(
            lambda name=Path(path).name: translate(
                "AssistantPanel", "Checking {name} in a separate process before its first use…"
            ).format(name=name)
        )

    def _connect_server(self, address: str | None = None, model: str | None = None, key: str | None = None) -> bool:
        """Connect to the server at ``address`` (default: the one typed) with ``key`` (default: the one
        typed) and use ``model`` (default: the one last chosen there, if it still offers it)."""
        from ...llm.engine_api import EngineError
        from ...llm.remote_engine import normalise_url

        try:
            url = normalise_url(self.server_edit.text() if address is None else address)
        except EngineError as exc:
            self.set_status(lambda error=str(exc): error)
            self._on_error(str(exc))
            self.server_edit.setFocus()
            return False
        options: dict[str, Any] = {"model": model}
        if model is None and url == self.settings.get(SERVER_URL_KEY):
            options["prefer_model"] = self.settings.get(SERVER_MODEL_KEY)
        if key is None:  # a server found on this computer asks for no key: the typed one stays
            key = self.server_key_edit.text().strip()
            if self.settings.get(SERVER_API_KEY) != key:
                self._remember(SERVER_API_KEY, key)
            if self.settings.get(SERVER_URL_KEY) != url:
                self._remember(SERVER_URL_KEY, url)
        else:
            self._remember(SERVER_URL_KEY, url)
        options["api_key"] = key
        self._remember(USE_SERVER_KEY, True)
        self.loading_path = url
        self.load_progress.show()
        self.set_status(lambda: translate("AssistantPanel", "Connecting to {url}…").format(url=url))
        self.load_button.setEnabled(False)
        self._controller().load(url, options)
        return True

    def _on_server_model_combo_activated(self, index: int) -> None:
        model = self.server_model_combo.itemData(index)
        if isinstance(model, str) and self.loaded_path and model != self._server_model:
            self._connect_server(self.loaded_path, model, key=self.server_key_edit.text().strip())

    def on_model_loaded(self, path: str, info: dict[str, Any]) -> None:
        self.loaded_path = path
        self.loaded_info = dict(info)
        self.loading_path = None
        self.load_progress.hide()
        if info.get("remote"):
            self._show_server_models(info)
        self._show_model_details()  # re-enables Load as fits the chosen entry
        self.set_status(lambda: self._loaded_text(path, info) + "".join(f"\n{n}" for n in notes_text(info)))

    @property
    def _server_model(self) -> str | None:
        return self.settings.get(SERVER_MODEL_KEY) if self.loaded_path else None  # type: ignore[return-value]

    def _show_server_models(self, info: dict[str, Any]) -> None:
        """Offer the connected server's models; remember the one in use."""
        model = str(info.get("model") or "")
        if model and self.settings.get(SERVER_MODEL_KEY) != model:
            self._remember(SERVER_MODEL_KEY, model)
        self.server_model_combo.clear()
        for served in info.get("served") or []:
            label = served.get("label", served["id"]) + (f" · {served['detail']}" if served.get("detail") else "")
            self.server_model_combo.addItem(label, served["id"])
        self.server_model_combo.setCurrentIndex(max(0, self.server_model_combo.findData(model)))

    def _loaded_text(self, path: str, info: dict[str, Any]) -> str:
        if info.get("remote"):
            return loaded_text(path, info)
        device = translate("AssistantPanel", "GPU") if info.get("n_gpu_layers") else translate("AssistantPanel", "CPU")
        return translate("AssistantPanel", "Loaded {name} · context {n_ctx} · {device}").format(
            name=Path(path).name, n_ctx=info.get("n_ctx", "?"), device=device
        )

    def on_load_failed(self, message: str) -> None:
        from ...llm.remote_engine import is_server_url  # loaded with the worker already

        server = is_server_url(self.loading_path or "")
        if not server and self.loading_path:
            self.refresh_models()  # a model the check refused is listed as unusable from now on
        self.loaded_path = None
        self.loaded_info = {}
        self.loading_path = None
        self.load_progress.hide()
        self._show_model_details()

        # A server's message names the address and asks whether the server runs: complete as it is.
        def text() -> str:
            if server:
                return server_message(message) or message
            return translate("AssistantPanel", "Could not load the model: {message}").format(message=message)

        self.set_status(text)
        self._on_error(text())

    def _fits(self, estimate: catalog.MemoryEstimate) -> tuple[bool, str]:
        """catalog.fits's verdict, worded in the interface language."""
        ok, _english = catalog.fits(estimate, available := catalog.available_memory_bytes())
        need = catalog.format_bytes(estimate.total_bytes)
        if available is None:
            return ok, translate("AssistantPanel", "needs about {need}; available memory unknown").format(need=need)
        have = catalog.format_bytes(available)
        if ok:
            return ok, translate("AssistantPanel", "needs about {need} of {available} available").format(
                need=need, available=have
            )
        return ok, translate(
            "AssistantPanel",
            "needs about {need} but only {available} is available: loading may swap or fail "
            "(use a smaller context or model)",
        ).format(need=need, available=have)

    # -- settings ----------------------------------------------------------------------------
    def model_parameters(self) -> int:
        """The size of the model requests go to: the chosen file's, or the connected server model's
        where the server says (0: unknown, treated as small)."""
        entry = self.current_model()
        if isinstance(entry, catalog.ModelInfo):
            return entry.parameter_count or 0
        info = self.loaded_info
        return int(info.get("parameters") or 0) if info.get("remote") and self.loaded_path else 0

    @property
    def has_model(self) -> bool:
        """A model is loaded or loading (requests queue behind the load)."""
        return self.loaded_path is not None or self.loading_path is not None

    def overrides(self) -> dict[str, Any]:
        """The settings that replace a task's own sampling; 0 means "task default"."""
        options: dict[str, Any] = {}
        if self.temperature.value() > 0:
            options["temperature"] = self.temperature.value()
        if self.max_tokens.value() > 0:
            options["max_tokens"] = self.max_tokens.value()
        return options

    def _remember(self, key: str, value: object) -> None:
        try:
            self.settings.set(key, value)
        except SaveError as exc:
            self._on_error(translate("AssistantPanel", "Could not remember settings: {error}").format(error=exc))

    def remember_settings(self) -> None:
        for key, value in (
            ("llm_n_ctx", self.n_ctx.value()),
            ("llm_n_threads", self.n_threads.value()),
            ("llm_gpu", self.gpu_combo.currentData()),
            ("llm_temperature", self.temperature.value()),
            ("llm_max_tokens", self.max_tokens.value()),
        ):
            if self.settings.get(key) != value:
                self._remember(key, value)
