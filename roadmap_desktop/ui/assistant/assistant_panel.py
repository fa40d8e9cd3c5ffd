"""Assistant panel: pick a model and a task, watch the answer stream, accept suggestions."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
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
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...llm import catalog
from ...llm.drafting import merge, next_round_inputs
from ...llm.suggestions import accept_command, describe
from ...llm.task_base import TaskInputs, TaskResult
from ...llm.tasks import get_task
from ...persistence.errors import SaveError
from ...persistence.settings import Settings
from ...qtmodels.document import ProjectDocument
from .. import i18n
from .server_messages import server_message

SERVER_URL_KEY = "llm_server_url"  # the model server address last typed
USE_SERVER_KEY = "llm_use_server"  # True when the server, not a local file, was loaded last


class ServerChoice:
    """The model list's "Model server…" entry: a ``roadmap-desktop serve`` on the local network."""


SERVER_CHOICE = ServerChoice()

# English; shown through QCoreApplication.translate("AssistantPanel", ...), so a language switch re-labels them.
TASK_LABELS = {
    "requirements": QT_TRANSLATE_NOOP("AssistantPanel", "Draft requirements from a brief"),
    "user-story": QT_TRANSLATE_NOOP("AssistantPanel", "User story for a requirement"),
    "priorities": QT_TRANSLATE_NOOP("AssistantPanel", "RICE inputs for requirements"),
    "timeline": QT_TRANSLATE_NOOP("AssistantPanel", "Timeline items across the phases"),
    "risks": QT_TRANSLATE_NOOP("AssistantPanel", "Risks from the library"),
    "summary": QT_TRANSLATE_NOOP("AssistantPanel", "Executive summary"),
}
TASK_NOTES = {
    "user-story": QT_TRANSLATE_NOOP("AssistantPanel", "Uses the requirement selected in the Requirements tab."),
    "priorities": QT_TRANSLATE_NOOP("AssistantPanel", "Uses the project's requirements."),
    "timeline": QT_TRANSLATE_NOOP("AssistantPanel", "Uses the project's requirements and the planning phases P0-P7."),
    "risks": QT_TRANSLATE_NOOP("AssistantPanel", "Chooses from the built-in AI-startup risk library for this roadmap."),
    "summary": QT_TRANSLATE_NOOP("AssistantPanel", "Summarises the whole project for the PDF's title page."),
}


# Below this size a model's Chinese is not usable for drafts (seen with SmolLM2-135M; documented in the README).
SMALL_MODEL_PARAMETERS = 1_000_000_000
DROPPED_LINES = 3  # notes on left-out output shown under the suggestions; all of them in the tooltip


def _tr(text: str) -> str:
    return QCoreApplication.translate("AssistantPanel", text)


class AssistantPanel(QWidget):
    """Nothing here changes the project until the user accepts suggestions (one undo step)."""

    suggestions_accepted = Signal(int)
    generation_done = Signal()  # a request finished, failed or was stopped

    def __init__(
        self,
        settings: Settings,
        document: Callable[[], ProjectDocument | None],
        selected_requirement: Callable[[], str | None],
        on_error: Callable[[str], None],
        risk_library: Callable[[], object],
    ) -> None:
        super().__init__()
        self.settings = settings
        self._document = document
        self._selected_requirement = selected_requirement
        self._on_error = on_error
        self._risk_library = risk_library
        self.controller = None  # created on first use: no thread until the assistant is used
        self.loaded_path: str | None = None
        self._loading_path: str | None = None
        self.request_id: int | None = None
        self._request: tuple[str, TaskInputs] | None = None
        # Rounds of one Generate: what earlier rounds found, and the current round's raw text.
        self._total = TaskResult("")
        self._round = 0
        self._round_text = ""
        self._suggestions: list[object] = []
        self._dropped: list[str] = []  # why model output was left out, as the task reported it
        self._stopped_early = False
        # Texts that depend on state are kept as functions, so a language switch can render them again.
        self._model_status_text: Callable[[], str] = lambda: self.tr("No model loaded")
        self._stats_text: Callable[[], str] = lambda: ""
        self._gpu_supported: bool | None = None  # asked once, when the settings are first shown
        self._build()
        self.refresh_models()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        model_box = self._model_box = QGroupBox()
        model_form = QFormLayout(model_box)
        row = QHBoxLayout()
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("modelCombo")
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setMinimumContentsLength(18)
        self.model_combo.currentIndexChanged.connect(self._show_model_details)
        self.model_combo.currentIndexChanged.connect(self._on_task_changed)
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
        self.server_row.hide()
        model_form.addRow(self.server_row)
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
        self.model_status = QLabel(self._model_status_text())
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

        task_box = self._task_box = QGroupBox()
        task_layout = QVBoxLayout(task_box)
        self.task_combo = QComboBox()
        self.task_combo.setObjectName("taskCombo")
        for name in TASK_LABELS:
            self.task_combo.addItem("", name)
        self.task_combo.currentIndexChanged.connect(self._on_task_changed)
        self.brief_edit = QPlainTextEdit()
        self.brief_edit.setObjectName("briefEdit")
        self.brief_edit.setMaximumHeight(90)
        self.input_note = QLabel()
        self.input_note.setWordWrap(True)
        self.input_note.setStyleSheet("color: palette(mid);")
        self.show_prompt = QCheckBox()
        self.show_prompt.toggled.connect(self._update_prompt_preview)
        self.prompt_view = QPlainTextEdit()
        self.prompt_view.setReadOnly(True)
        self.prompt_view.setMaximumHeight(140)
        self.prompt_view.hide()
        buttons = QHBoxLayout()
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.stop_button = QPushButton()
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        for widget in (self.task_combo, self.brief_edit, self.input_note, self.show_prompt, self.prompt_view):
            task_layout.addWidget(widget)
        task_layout.addLayout(buttons)

        self.output = QPlainTextEdit()
        self.output.setObjectName("assistantOutput")
        self.output.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(max(8.0, self.font().pointSizeF() - 1))
        self.output.setFont(mono)
        self.output.setMaximumHeight(150)
        self.stats_label = QLabel()
        self.stats_label.setStyleSheet("color: palette(mid);")

        review_box = self.review_box = QGroupBox()
        review = QVBoxLayout(review_box)
        self.suggestion_list = QListWidget()
        self.suggestion_list.setObjectName("suggestionList")
        self.suggestion_list.setWordWrap(True)
        self.dropped_label = QLabel()
        self.dropped_label.setWordWrap(True)
        self.dropped_label.setStyleSheet("color: #9a5b00;")
        accept_row = QHBoxLayout()
        self.accept_selected_button = QPushButton()
        self.accept_selected_button.clicked.connect(lambda: self.accept(only_checked=True))
        self.accept_all_button = QPushButton()
        self.accept_all_button.clicked.connect(lambda: self.accept(only_checked=False))
        self.discard_button = QPushButton()
        self.discard_button.clicked.connect(self.discard)
        for button in (self.accept_selected_button, self.accept_all_button, self.discard_button):
            accept_row.addWidget(button)
        review.addWidget(self.suggestion_list, 1)
        review.addWidget(self.dropped_label)
        review.addLayout(accept_row)

        layout.addWidget(model_box)
        layout.addWidget(self.settings_toggle)
        layout.addWidget(settings_box)
        layout.addWidget(task_box)
        layout.addWidget(self.output)
        layout.addWidget(self.stats_label)
        layout.addWidget(review_box, 1)
        self._retranslate_static()
        self._on_task_changed()
        self._set_suggestions([], [])
        # Asking llama.cpp about GPU support loads its library: only when the settings are shown.
        self.settings_toggle.toggled.connect(self._update_gpu_note)

    def _retranslate_static(self) -> None:
        """The texts that do not depend on state: titles, buttons, labels, placeholders, tooltips."""
        self._model_box.setTitle(self.tr("Model"))
        self._open_button.setText(self.tr("Open…"))
        self._open_button.setToolTip(self.tr("Use another .gguf model file"))
        self.load_button.setText(self.tr("Load"))
        self.server_edit.setPlaceholderText(self.tr("http://192.168.1.20:8080"))
        self.server_edit.setToolTip(self.tr("The address `roadmap-desktop serve` printed on the server computer"))
        self._address_label.setText(self.tr("Address"))
        self.settings_toggle.setText(self.tr("Show model settings"))
        self._settings_box.setTitle(self.tr("Settings"))
        self.gpu_combo.setItemText(0, self.tr("Auto (all layers on the GPU when available)"))
        self.gpu_combo.setItemText(1, self.tr("CPU only"))
        self.temperature.setSpecialValueText(self.tr("task default"))
        self.max_tokens.setSpecialValueText(self.tr("task default"))
        for label, text in zip(
            self._settings_labels,
            (
                self.tr("Context length"),
                self.tr("CPU threads"),
                self.tr("GPU"),
                self.tr("Temperature"),
                self.tr("Max tokens"),
            ),
            strict=True,
        ):
            label.setText(text)
        self._task_box.setTitle(self.tr("Task"))
        for index in range(self.task_combo.count()):
            self.task_combo.setItemText(index, _tr(TASK_LABELS[self.task_combo.itemData(index)]))
        self.brief_edit.setPlaceholderText(
            self.tr("Product brief: what you build, for whom, and the problem it solves.")
        )
        self.show_prompt.setText(self.tr("Show what will be sent"))
        self.generate_button.setText(self.tr("Generate"))
        self.stop_button.setText(self.tr("Stop"))
        self.output.setPlaceholderText(self.tr("The model's answer streams here."))
        self.review_box.setTitle(self.tr("Suggestions"))
        self.accept_selected_button.setText(self.tr("Accept Selected"))
        self.accept_all_button.setText(self.tr("Accept All"))
        self.discard_button.setText(self.tr("Discard"))

    def retranslate_ui(self) -> None:
        """Give every text the current language; the panel is not rebuilt, since it owns the model thread."""
        self._retranslate_static()
        self._retranslate_model_list()
        self._show_model_details()
        self._show_gpu_note()
        self._on_task_changed()
        self.model_status.setText(self._model_status_text())
        self.stats_label.setText(self._stats_text())
        self._show_dropped()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "review_box"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _set_model_status(self, text: Callable[[], str]) -> None:
        self._model_status_text = text
        self.model_status.setText(text())

    def _set_stats(self, text: Callable[[], str]) -> None:
        self._stats_text = text
        self.stats_label.setText(text())

    # -- models ----------------------------------------------------------------------------
    def refresh_models(self, extra: tuple[Path, ...] = ()) -> None:
        remembered = self.settings.get("llm_model_path")
        extras = list(extra)
        if remembered and Path(remembered).is_file():
            extras.append(Path(remembered))
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for entry in catalog.find_models(tuple(extras)):
            self.model_combo.addItem(self._model_label(entry), entry)
            self.model_combo.setItemData(self.model_combo.count() - 1, str(entry.path), Qt.ItemDataRole.ToolTipRole)
        self.model_combo.addItem(self._model_label(SERVER_CHOICE), SERVER_CHOICE)
        self.model_combo.setItemData(self.model_combo.count() - 1, self._server_tip(), Qt.ItemDataRole.ToolTipRole)
        self.model_combo.blockSignals(False)
        if self.settings.get(USE_SERVER_KEY) is True:
            self.model_combo.setCurrentIndex(self.model_combo.count() - 1)
        else:
            for index in range(self.model_combo.count()):
                entry = self.model_combo.itemData(index)
                if isinstance(entry, ServerChoice):
                    continue
                path = Path(entry.path)
                wanted = str(path) == str(remembered) if remembered else path.name == catalog.DEFAULT_MODEL_FILE
                if wanted:
                    self.model_combo.setCurrentIndex(index)
                    break
        self._show_model_details()

    def _model_label(self, entry: object) -> str:
        if isinstance(entry, catalog.ModelInfo):
            return f"{entry.name} · {entry.parameters_label} · {entry.quantization}"
        if isinstance(entry, ServerChoice):
            return self.tr("Model server…")
        return self.tr("{file} (unusable)").format(file=Path(entry.path).name)  # type: ignore[attr-defined]

    def _retranslate_model_list(self) -> None:
        for index in range(self.model_combo.count()):
            entry = self.model_combo.itemData(index)
            self.model_combo.setItemText(index, self._model_label(entry))
            if isinstance(entry, ServerChoice):
                self.model_combo.setItemData(index, self._server_tip(), Qt.ItemDataRole.ToolTipRole)

    def _server_tip(self) -> str:
        return self.tr("A model served by `roadmap-desktop serve` on a computer of the local network")

    def _current_model(self) -> object | None:
        return self.model_combo.currentData()

    def _show_model_details(self, *_args) -> None:
        entry = self._current_model()
        self.server_row.setVisible(isinstance(entry, ServerChoice))
        if isinstance(entry, ServerChoice):
            self.model_details.setText(
                self.tr("The address `roadmap-desktop serve` printed on the server computer; its settings apply.")
            )
            self.model_details.setToolTip("")
            self.load_button.setEnabled(bool(self.server_edit.text().strip()))
            return
        if entry is None:
            self.model_details.setText(self.tr("No .gguf model found in models/. Use Open… to pick one."))
        elif isinstance(entry, catalog.ModelInfo):
            estimate = catalog.estimate_memory(entry, self.n_ctx.value())
            _ok, message = self._fits(estimate)
            template = (
                self.tr("chat template") if entry.has_chat_template else self.tr("no chat template (a default is used)")
            )
            self.model_details.setText(
                self.tr(
                    "{architecture} · context {context} · {size} · {template}\nMemory at context {n_ctx}: {memory}"
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
            self, self.tr("Open Model File"), str(Path.home()), self.tr("GGUF models (*.gguf)")
        )
        if not path:
            return
        try:
            catalog.read_model_info(path)
        except catalog.ModelFileError as exc:
            QMessageBox.critical(self, self.tr("Cannot use this model"), str(exc))
            return
        self._remember("llm_model_path", path)
        self._remember(USE_SERVER_KEY, False)
        self.refresh_models((Path(path),))

    def _ensure_controller(self):
        if self.controller is None:
            from ...llm.worker import LlmController

            self.controller = LlmController(self)
            self.controller.model_loaded.connect(self._on_controller_model_loaded)
            self.controller.load_failed.connect(self._on_controller_load_failed)
            self.controller.token_received.connect(self._on_controller_token_received)
            self.controller.generation_finished.connect(self._on_controller_generation_finished)
            self.controller.generation_failed.connect(self._on_controller_generation_failed)
        return self.controller

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
            self.gpu_note.setText(self.tr("This llama.cpp build can offload to the GPU."))
        else:
            self.gpu_note.setText(
                self.tr("This llama.cpp build has no GPU support (CPU build): the model runs on the CPU.")
            )

    def load_model(self, ask_memory: bool = True) -> bool:
        entry = self._current_model()
        if isinstance(entry, ServerChoice):
            return self._connect_server()
        if not isinstance(entry, catalog.ModelInfo):
            self._on_error(self.tr("Choose a usable .gguf model first"))
            return False
        estimate = catalog.estimate_memory(entry, self.n_ctx.value())
        ok, message = self._fits(estimate)
        if not ok and ask_memory:
            answer = QMessageBox.warning(
                self,
                self.tr("Not enough memory?"),
                self.tr("{message}\n\nLoading may make the computer very slow. Load anyway?").format(message=message),
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
        self._remember_settings()
        self._remember("llm_model_path", str(entry.path))
        if self.settings.get(USE_SERVER_KEY) is not False:
            self._remember(USE_SERVER_KEY, False)
        self._loading_path = str(entry.path)
        self.load_progress.show()
        self._set_model_status(lambda name=entry.name: self.tr("Loading {name}…").format(name=name))
        self.load_button.setEnabled(False)
        self._ensure_controller().load(str(entry.path), options)
        return True

    def _connect_server(self) -> bool:
        from ...llm.engine_api import EngineError
        from ...llm.remote_engine import normalise_url

        try:
            url = normalise_url(self.server_edit.text())
        except EngineError as exc:
            self._set_model_status(lambda error=str(exc): error)
            self._on_error(str(exc))
            self.server_edit.setFocus()
            return False
        self._remember(SERVER_URL_KEY, url)
        self._remember(USE_SERVER_KEY, True)
        self._loading_path = url
        self.load_progress.show()
        self._set_model_status(lambda: self.tr("Connecting to {url}…").format(url=url))
        self.load_button.setEnabled(False)
        self._ensure_controller().load(url, {})
        return True

    def _on_controller_model_loaded(self, path: str, info: dict[str, Any]) -> None:
        self.loaded_path = path
        self._loading_path = None
        self.load_progress.hide()
        self._show_model_details()  # re-enables Load as fits the chosen entry
        notes = "".join(f"\n{n}" for n in (info.get("notes") or []) if n)
        self._set_model_status(lambda: self._loaded_text(path, info) + notes)

    def _loaded_text(self, path: str, info: dict[str, Any]) -> str:
        if info.get("remote"):
            model = str(info.get("model") or "")
            return (
                self.tr("Using {model} on the model server {url}").format(model=model, url=path)
                if model
                else self.tr("Using the model server {url}").format(url=path)
            )
        device = self.tr("GPU") if info.get("n_gpu_layers") else self.tr("CPU")
        return self.tr("Loaded {name} · context {n_ctx} · {device}").format(
            name=Path(path).name, n_ctx=info.get("n_ctx", "?"), device=device
        )

    def _on_controller_load_failed(self, message: str) -> None:
        from ...llm.remote_engine import is_server_url  # loaded with the worker already

        server = is_server_url(self._loading_path or "")
        self.loaded_path = None
        self._loading_path = None
        self.load_progress.hide()
        self._show_model_details()

        # A server's message names the address and asks whether the server runs: complete as it is.
        def text() -> str:
            if server:
                return server_message(message) or message
            return self.tr("Could not load the model: {message}").format(message=message)

        self._set_model_status(text)
        self._on_error(text())

    # -- tasks -----------------------------------------------------------------------------
    def task_name(self) -> str:
        return self.task_combo.currentData()

    def refresh_notes(self) -> None:
        """Renew the notes under the task: another project (or language) may be open now."""
        self._on_task_changed()

    def _on_task_changed(self, *_args) -> None:
        name = self.task_name()
        self.brief_edit.setVisible(name == "requirements")
        notes = [_tr(TASK_NOTES[name])] if name in TASK_NOTES else []
        document = self._document()
        entry = self._current_model()
        if (
            name != "risks"  # library risks bring their own Chinese texts
            and document is not None
            and document.project.info.language == "zh"
            and isinstance(entry, catalog.ModelInfo)
            and 0 < (entry.parameter_count or 0) < SMALL_MODEL_PARAMETERS
        ):
            notes.append(
                self.tr(
                    "This model is small ({parameters}) and writes poor Chinese: for Chinese drafts open a larger "
                    "multilingual model or use a model server."
                ).format(parameters=entry.parameters_label)
            )
        note = "\n".join(notes)
        self.input_note.setText(note)
        self.input_note.setVisible(bool(note))
        self._update_prompt_preview()

    def _inputs(self) -> TaskInputs:
        document = self._document()
        project = document.project if document else None
        brief = self.brief_edit.toPlainText().strip()
        if not brief and project is not None:
            brief = project.info.description
        library = self._risk_library() if self.task_name() == "risks" else None
        requirement_id = self._selected_requirement() or ""
        return TaskInputs(project=project, brief=brief, requirement_id=requirement_id, library=library)

    def _messages(self) -> tuple[list[dict[str, str]], TaskInputs]:
        inputs = self._inputs()
        task = get_task(self.task_name())
        language = inputs.project.info.language if inputs.project else "en"
        return task.build_messages(inputs, language), inputs

    def _update_prompt_preview(self, *_args) -> None:
        self.prompt_view.setVisible(self.show_prompt.isChecked())
        if not self.show_prompt.isChecked():
            return
        try:
            messages, _inputs = self._messages()
        except (ValueError, LookupError) as exc:
            self.prompt_view.setPlainText(str(exc))
            return
        self.prompt_view.setPlainText("\n\n".join(f"[{m['role']}]\n{m['content']}" for m in messages))

    def generate(self) -> None:
        if self.request_id is not None:
            return
        name = self.task_name()
        if name == "requirements" and not self._inputs().brief:
            self._on_error(self.tr("Type a product brief first (or set the project's vision in Project Properties)"))
            self.brief_edit.setFocus()
            return
        try:
            messages, inputs = self._messages()
        except (ValueError, LookupError) as exc:
            self._on_error(str(exc))
            return
        if self.loaded_path is None and self._loading_path is None and not self.load_model():
            return
        self._remember_settings()
        self.output.clear()
        self._set_suggestions([], [])
        self._total = TaskResult(name)
        self._round = 0
        self._start_round(name, inputs, messages)

    def _start_round(self, name: str, inputs: TaskInputs, messages: list[dict[str, str]]) -> None:
        task = get_task(name)
        options: dict[str, Any] = {**task.spec.sampling(), "response_format": task.response_format(inputs)}
        if self.temperature.value() > 0:
            options["temperature"] = self.temperature.value()
        if self.max_tokens.value() > 0:
            options["max_tokens"] = self.max_tokens.value()
        seed = self.settings.get("llm_seed")  # fixed seeds make a workshop demo repeatable
        if isinstance(seed, int) and not isinstance(seed, bool):
            options["seed"] = seed + self._round
        self._round += 1
        self._round_text = ""
        self._request = (name, inputs)
        if self._round > 1:
            round_text = self.tr("— round {round}: asking for more, without repeats —").format(round=self._round)
            self._append_output(f"\n\n{round_text}\n")
        current, rounds = self._round, task.rounds
        if current == 1:
            self._set_stats(lambda: self.tr("Generating…"))
        else:
            self._set_stats(lambda: self.tr("Round {round} of up to {rounds}…").format(round=current, rounds=rounds))
        self.request_id = self._ensure_controller().generate(messages, options)
        self.generate_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        for button in (self.accept_selected_button, self.accept_all_button, self.discard_button):
            button.setEnabled(False)

    def stop(self) -> None:
        if self.request_id is not None and self.controller is not None:
            self.controller.cancel(self.request_id)
            self._set_stats(lambda: self.tr("Stopping…"))

    def _append_output(self, text: str) -> None:
        cursor = self.output.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        self.output.setTextCursor(cursor)
        self.output.ensureCursorVisible()

    def _on_controller_token_received(self, request_id: int, text: str) -> None:
        if request_id != self.request_id or self._request is None:
            return
        self._append_output(text)
        self._round_text += text
        if "}" in text:  # an item may have just closed: show it as a suggestion right away
            name, inputs = self._request
            live = get_task(name).parse(self._round_text, inputs)
            self._show_live([*self._total.suggestions, *live.suggestions])

    def _show_live(self, suggestions: list[object]) -> None:
        for suggestion in suggestions[len(self._suggestions) :]:
            self._suggestions.append(suggestion)
            item = QListWidgetItem(describe(suggestion))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.suggestion_list.addItem(item)

    def _on_controller_generation_finished(self, request_id: int, text: str, stats: dict[str, Any]) -> None:
        if request_id != self.request_id or self._request is None:
            return
        name, inputs = self._request
        task = get_task(name)
        part = task.parse(text, inputs)
        merge(self._total, part, self._round, task.rounds)
        if not stats.get("cancelled") and task.wants_another_round(self._round, len(self._total.suggestions)):
            self.request_id = None
            following = next_round_inputs(inputs, part)
            try:
                messages = task.build_messages(following)
            except (ValueError, LookupError):
                pass  # nothing left to ask for (every library risk taken): keep what we have
            else:
                self._show_live(self._total.suggestions)
                self._start_round(name, following, messages)
                return
        self._finish_request()
        rounds = self._round
        self._set_stats(lambda: self._stats_summary(stats, rounds))
        stopped = bool(stats.get("cancelled"))
        self._set_suggestions(self._total.suggestions, list(self._total.dropped), keep_checks=True, stopped=stopped)

    def _stats_summary(self, stats: dict[str, Any], rounds: int) -> str:
        speed = stats.get("tokens_per_second") or 0
        first = stats.get("time_to_first_token")
        parts = [
            self.tr("{count} tokens").format(count=stats.get("tokens", 0)),
            self.tr("{speed} tokens/s").format(speed=f"{speed:.1f}"),
        ]
        if first is not None:
            parts.append(self.tr("first token after {seconds} s").format(seconds=f"{first:.2f}"))
        if rounds > 1:
            parts.insert(0, self.tr("{count} rounds").format(count=rounds))
        if stats.get("cancelled"):
            parts.append(self.tr("stopped"))
        return " · ".join(parts)

    def _on_controller_generation_failed(self, request_id: int, message: str) -> None:
        if request_id != self.request_id:
            return
        self._finish_request()
        self._set_stats(lambda: self.tr("Failed"))
        if server_message(message) is not None:
            # The panel must not go on saying it uses the server: it says what failed and what to do
            # (a lambda, so a language switch says it again in the new language).
            self._set_model_status(lambda: server_message(message) or message)
            self._on_error(self.model_status.text())
            return
        self._on_error(self.tr("The assistant failed: {message}").format(message=message))

    def _finish_request(self) -> None:
        self.request_id = None
        self._request = None
        self.generate_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.generation_done.emit()

    # -- review ----------------------------------------------------------------------------
    def _set_suggestions(
        self, suggestions: list[object], dropped: list[str], keep_checks: bool = False, stopped: bool = False
    ) -> None:
        # Keep the boxes a user unticked while the suggestions streamed in.
        unticked = {
            id(s)
            for row, s in enumerate(self._suggestions)
            if keep_checks and self.suggestion_list.item(row).checkState() != Qt.CheckState.Checked
        }
        self._suggestions = list(suggestions)
        self.suggestion_list.clear()
        for suggestion in self._suggestions:
            item = QListWidgetItem(describe(suggestion))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = id(suggestion) not in unticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.suggestion_list.addItem(item)
        self._dropped, self._stopped_early = list(dropped), stopped
        self._show_dropped()
        has = bool(self._suggestions)
        for button in (self.accept_selected_button, self.accept_all_button, self.discard_button):
            button.setEnabled(has)

    def _fits(self, estimate: catalog.MemoryEstimate) -> tuple[bool, str]:
        """catalog.fits's verdict, worded in the interface language."""
        ok, _english = catalog.fits(estimate, available := catalog.available_memory_bytes())
        need = catalog.format_bytes(estimate.total_bytes)
        if available is None:
            return ok, self.tr("needs about {need}; available memory unknown").format(need=need)
        have = catalog.format_bytes(available)
        if ok:
            return ok, self.tr("needs about {need} of {available} available").format(need=need, available=have)
        return ok, self.tr(
            "needs about {need} but only {available} is available: loading may swap or fail "
            "(use a smaller context or model)"
        ).format(need=need, available=have)

    def _show_dropped(self) -> None:
        dropped = list(self._dropped)  # the tasks' own words, in English
        shown = dropped
        if dropped and i18n.installed_language() != i18n.ENGLISH:
            # One line in the interface language; the details stay at hand in the tooltip.
            shown = [
                self.tr("{count} parts of the model's output were left out (details in the tooltip)").format(
                    count=len(dropped)
                )
            ]
        if len(shown) > DROPPED_LINES:  # more lines would push the Accept buttons out of a small window
            rest = len(shown) - DROPPED_LINES + 1
            shown = [
                *shown[: DROPPED_LINES - 1],
                self.tr("… and {count} more (details in the tooltip)").format(count=rest),
            ]
        if self._stopped_early:
            shown.insert(0, self.tr("Stopped early: complete items are kept."))
        self.dropped_label.setText("\n".join(f"• {d}" for d in shown))
        self.dropped_label.setToolTip("\n".join(dropped))
        self.dropped_label.setVisible(bool(shown))

    def accept(self, only_checked: bool = True) -> int:
        document = self._document()
        if document is None or not self._suggestions:
            return 0
        chosen = [
            suggestion
            for row, suggestion in enumerate(self._suggestions)
            if not only_checked or self.suggestion_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        if not chosen:
            return 0
        if len(chosen) == 1:
            label = self.tr("Accept suggestion")
        else:
            label = self.tr("Accept {count} suggestions").format(count=len(chosen))
        try:
            document.execute(accept_command(document.project, chosen, label))
        except ValueError as exc:
            self._on_error(self.tr("Could not accept: {error}").format(error=exc))
            return 0
        remaining = [s for s in self._suggestions if s not in chosen]
        self._set_suggestions(remaining, [])
        self.suggestions_accepted.emit(len(chosen))
        return len(chosen)

    def discard(self) -> None:
        self._set_suggestions([], [])

    # -- settings and shutdown ---------------------------------------------------------------
    def _remember(self, key: str, value: object) -> None:
        try:
            self.settings.set(key, value)
        except SaveError as exc:
            self._on_error(self.tr("Could not remember settings: {error}").format(error=exc))

    def _remember_settings(self) -> None:
        for key, value in (
            ("llm_n_ctx", self.n_ctx.value()),
            ("llm_n_threads", self.n_threads.value()),
            ("llm_gpu", self.gpu_combo.currentData()),
            ("llm_temperature", self.temperature.value()),
            ("llm_max_tokens", self.max_tokens.value()),
        ):
            if self.settings.get(key) != value:
                self._remember(key, value)

    def shutdown(self) -> None:
        if self.controller is not None:
            self.controller.shutdown()
