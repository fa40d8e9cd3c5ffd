"""Assistant panel: pick a model and a task, watch the answer stream, accept suggestions."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
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
from ...llm.tasks import TaskInputs, TaskResult, get_task
from ...persistence.errors import SaveError
from ...persistence.settings import Settings
from ...qtmodels.document import ProjectDocument

SERVER_URL_KEY = "llm_server_url"  # the model server address last typed
USE_SERVER_KEY = "llm_use_server"  # True when the server, not a local file, was loaded last


class ServerChoice:
    """The model list's "Model server…" entry: a ``roadmap-desktop serve`` on the local network."""


SERVER_CHOICE = ServerChoice()

TASK_LABELS = {
    "requirements": "Draft requirements from a brief",
    "user-story": "User story for a requirement",
    "priorities": "RICE inputs for requirements",
    "timeline": "Timeline items across the phases",
    "risks": "Risks from the library",
    "summary": "Executive summary",
}


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
        self._build()
        self.refresh_models()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        model_box = QGroupBox("Model")
        model_form = QFormLayout(model_box)
        row = QHBoxLayout()
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("modelCombo")
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setMinimumContentsLength(18)
        self.model_combo.currentIndexChanged.connect(self._show_model_details)
        open_button = QPushButton("Open…")
        open_button.setToolTip("Use another .gguf model file")
        open_button.clicked.connect(self.open_model_file)
        self.load_button = QPushButton("Load")
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
        self.server_edit.setPlaceholderText(self.tr("http://192.168.1.20:8080"))
        self.server_edit.setToolTip(self.tr("The address `roadmap-desktop serve` printed on the server computer"))
        self.server_edit.setClearButtonEnabled(True)
        self.server_edit.textChanged.connect(self._show_model_details)
        self.server_edit.returnPressed.connect(lambda: self.load_model())
        server_layout.addWidget(QLabel(self.tr("Address")))
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
        self.model_status = QLabel("No model loaded")
        self.model_status.setWordWrap(True)
        model_form.addRow(self.model_status)

        self.settings_toggle = QCheckBox("Show model settings")
        settings_box = QGroupBox("Settings")
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
        self.gpu_combo.addItem("Auto (all layers on the GPU when available)", "auto")
        self.gpu_combo.addItem("CPU only", "cpu")
        self.gpu_combo.setCurrentIndex(1 if self.settings.get("llm_gpu") == "cpu" else 0)
        self.gpu_note = QLabel()
        self.gpu_note.setWordWrap(True)
        self.gpu_note.setStyleSheet("color: palette(mid);")
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setSpecialValueText("task default")
        self.temperature.setValue(float(self.settings.get("llm_temperature") or 0.0))
        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(0, 8192)
        self.max_tokens.setSingleStep(128)
        self.max_tokens.setSpecialValueText("task default")
        self.max_tokens.setValue(int(self.settings.get("llm_max_tokens") or 0))
        settings_form.addRow("Context length", self.n_ctx)
        settings_form.addRow("CPU threads", self.n_threads)
        settings_form.addRow("GPU", self.gpu_combo)
        settings_form.addRow(self.gpu_note)
        settings_form.addRow("Temperature", self.temperature)
        settings_form.addRow("Max tokens", self.max_tokens)

        task_box = QGroupBox("Task")
        task_layout = QVBoxLayout(task_box)
        self.task_combo = QComboBox()
        self.task_combo.setObjectName("taskCombo")
        for name, label in TASK_LABELS.items():
            self.task_combo.addItem(label, name)
        self.task_combo.currentIndexChanged.connect(self._on_task_changed)
        self.brief_edit = QPlainTextEdit()
        self.brief_edit.setObjectName("briefEdit")
        self.brief_edit.setPlaceholderText("Product brief: what you build, for whom, and the problem it solves.")
        self.brief_edit.setMaximumHeight(90)
        self.input_note = QLabel()
        self.input_note.setWordWrap(True)
        self.input_note.setStyleSheet("color: palette(mid);")
        self.show_prompt = QCheckBox("Show what will be sent")
        self.show_prompt.toggled.connect(self._update_prompt_preview)
        self.prompt_view = QPlainTextEdit()
        self.prompt_view.setReadOnly(True)
        self.prompt_view.setMaximumHeight(140)
        self.prompt_view.hide()
        buttons = QHBoxLayout()
        self.generate_button = QPushButton("Generate")
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.stop_button = QPushButton("Stop")
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
        self.output.setPlaceholderText("The model's answer streams here.")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(max(8.0, self.font().pointSizeF() - 1))
        self.output.setFont(mono)
        self.output.setMaximumHeight(150)
        self.stats_label = QLabel()
        self.stats_label.setStyleSheet("color: palette(mid);")

        review_box = QGroupBox("Suggestions")
        review = QVBoxLayout(review_box)
        self.suggestion_list = QListWidget()
        self.suggestion_list.setObjectName("suggestionList")
        self.suggestion_list.setWordWrap(True)
        self.dropped_label = QLabel()
        self.dropped_label.setWordWrap(True)
        self.dropped_label.setStyleSheet("color: #9a5b00;")
        accept_row = QHBoxLayout()
        self.accept_selected_button = QPushButton("Accept Selected")
        self.accept_selected_button.clicked.connect(lambda: self.accept(only_checked=True))
        self.accept_all_button = QPushButton("Accept All")
        self.accept_all_button.clicked.connect(lambda: self.accept(only_checked=False))
        self.discard_button = QPushButton("Discard")
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
        self._on_task_changed()
        self._set_suggestions([], [])
        # Asking llama.cpp about GPU support loads its library: only when the settings are shown.
        self.settings_toggle.toggled.connect(self._update_gpu_note)

    # -- models ----------------------------------------------------------------------------
    def refresh_models(self, extra: tuple[Path, ...] = ()) -> None:
        remembered = self.settings.get("llm_model_path")
        extras = list(extra)
        if remembered and Path(remembered).is_file():
            extras.append(Path(remembered))
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for entry in catalog.find_models(tuple(extras)):
            if isinstance(entry, catalog.ModelInfo):
                label = f"{entry.name} · {entry.parameters_label} · {entry.quantization}"
            else:
                label = f"{Path(entry.path).name} (unusable)"
            self.model_combo.addItem(label, entry)
            self.model_combo.setItemData(self.model_combo.count() - 1, str(entry.path), Qt.ItemDataRole.ToolTipRole)
        self.model_combo.addItem(self.tr("Model server…"), SERVER_CHOICE)
        self.model_combo.setItemData(
            self.model_combo.count() - 1,
            self.tr("A model served by `roadmap-desktop serve` on a computer of the local network"),
            Qt.ItemDataRole.ToolTipRole,
        )
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
            self.model_details.setText("No .gguf model found in models/. Use Open… to pick one.")
        elif isinstance(entry, catalog.ModelInfo):
            estimate = catalog.estimate_memory(entry, self.n_ctx.value())
            _ok, message = catalog.fits(estimate, catalog.available_memory_bytes())
            self.model_details.setText(
                f"{entry.architecture} · context {entry.context_length or '?'} · "
                f"{catalog.format_bytes(entry.file_size)} · "
                f"{'chat template' if entry.has_chat_template else 'no chat template (a default is used)'}"
                f"\nMemory at context {self.n_ctx.value()}: {message}"
            )
            self.model_details.setToolTip(estimate.explanation)
        else:
            self.model_details.setText(entry.error)
        self.load_button.setEnabled(isinstance(entry, catalog.ModelInfo))

    def open_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open Model File", str(Path.home()), "GGUF models (*.gguf)")
        if not path:
            return
        try:
            catalog.read_model_info(path)
        except catalog.ModelFileError as exc:
            QMessageBox.critical(self, "Cannot use this model", str(exc))
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
        if self.gpu_note.text():
            return
        from ...llm.engine import gpu_offload_supported

        if gpu_offload_supported():
            self.gpu_note.setText("This llama.cpp build can offload to the GPU.")
        else:
            self.gpu_note.setText("This llama.cpp build has no GPU support (CPU build): the model runs on the CPU.")

    def load_model(self, ask_memory: bool = True) -> bool:
        entry = self._current_model()
        if isinstance(entry, ServerChoice):
            return self._connect_server()
        if not isinstance(entry, catalog.ModelInfo):
            self._on_error("Choose a usable .gguf model first")
            return False
        estimate = catalog.estimate_memory(entry, self.n_ctx.value())
        ok, message = catalog.fits(estimate, catalog.available_memory_bytes())
        if not ok and ask_memory:
            answer = QMessageBox.warning(
                self,
                "Not enough memory?",
                f"{message}\n\nLoading may make the computer very slow. Load anyway?",
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
        self.model_status.setText(f"Loading {entry.name}…")
        self.load_button.setEnabled(False)
        self._ensure_controller().load(str(entry.path), options)
        return True

    def _connect_server(self) -> bool:
        from ...llm.engine import EngineError
        from ...llm.remote_engine import normalise_url

        try:
            url = normalise_url(self.server_edit.text())
        except EngineError as exc:
            self.model_status.setText(str(exc))
            self._on_error(str(exc))
            self.server_edit.setFocus()
            return False
        self._remember(SERVER_URL_KEY, url)
        self._remember(USE_SERVER_KEY, True)
        self._loading_path = url
        self.load_progress.show()
        self.model_status.setText(self.tr("Connecting to {url}…").format(url=url))
        self.load_button.setEnabled(False)
        self._ensure_controller().load(url, {})
        return True

    def _on_controller_model_loaded(self, path: str, info: dict[str, Any]) -> None:
        self.loaded_path = path
        self._loading_path = None
        self.load_progress.hide()
        self._show_model_details()  # re-enables Load as fits the chosen entry
        notes = [str(n) for n in (info.get("notes") or []) if n]
        if info.get("remote"):
            model = str(info.get("model") or "")
            status = (
                self.tr("Using {model} on the model server {url}").format(model=model, url=path)
                if model
                else self.tr("Using the model server {url}").format(url=path)
            )
        else:
            device = self.tr("GPU") if info.get("n_gpu_layers") else self.tr("CPU")
            status = self.tr("Loaded {name} · context {n_ctx} · {device}").format(
                name=Path(path).name, n_ctx=info.get("n_ctx", "?"), device=device
            )
        self.model_status.setText(status + "".join(f"\n{n}" for n in notes))

    def _on_controller_load_failed(self, message: str) -> None:
        from ...llm.remote_engine import is_server_url  # loaded with the worker already

        server = is_server_url(self._loading_path or "")
        self.loaded_path = None
        self._loading_path = None
        self.load_progress.hide()
        self._show_model_details()
        # A server's message names the address and asks whether the server runs: complete as it is.
        text = message if server else self.tr("Could not load the model: {message}").format(message=message)
        self.model_status.setText(text)
        self._on_error(text)

    # -- tasks -----------------------------------------------------------------------------
    def task_name(self) -> str:
        return self.task_combo.currentData()

    def _on_task_changed(self, *_args) -> None:
        name = self.task_name()
        self.brief_edit.setVisible(name == "requirements")
        notes = {
            "requirements": "",
            "user-story": "Uses the requirement selected in the Requirements tab.",
            "priorities": "Uses the project's requirements.",
            "timeline": "Uses the project's requirements and the planning phases P0-P7.",
            "risks": "Chooses from the built-in AI-startup risk library for this roadmap.",
            "summary": "Summarises the whole project for the PDF's title page.",
        }
        self.input_note.setText(notes.get(name, ""))
        self.input_note.setVisible(bool(notes.get(name)))
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
            self._on_error("Type a product brief first (or set the project's vision in Project Properties)")
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
            self._append_output(f"\n\n— round {self._round}: asking for more, without repeats —\n")
        self.stats_label.setText("Generating…" if self._round == 1 else f"Round {self._round} of up to {task.rounds}…")
        self.request_id = self._ensure_controller().generate(messages, options)
        self.generate_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        for button in (self.accept_selected_button, self.accept_all_button, self.discard_button):
            button.setEnabled(False)

    def stop(self) -> None:
        if self.request_id is not None and self.controller is not None:
            self.controller.cancel(self.request_id)
            self.stats_label.setText("Stopping…")

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
        speed = stats.get("tokens_per_second") or 0
        first = stats.get("time_to_first_token")
        parts = [f"{stats.get('tokens', 0)} tokens", f"{speed:.1f} tokens/s"]
        if first is not None:
            parts.append(f"first token after {first:.2f} s")
        if self._round > 1:
            parts.insert(0, f"{self._round} rounds")
        if stats.get("cancelled"):
            parts.append("stopped")
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
        self.stats_label.setText(" · ".join(parts))
        dropped = list(self._total.dropped)
        if stats.get("cancelled"):
            dropped.insert(0, "Stopped early: complete items are kept.")
        self._set_suggestions(self._total.suggestions, dropped, keep_checks=True)

    def _on_controller_generation_failed(self, request_id: int, message: str) -> None:
        if request_id != self.request_id:
            return
        self._finish_request()
        self.stats_label.setText("Failed")
        self._on_error(f"The assistant failed: {message}")

    def _finish_request(self) -> None:
        self.request_id = None
        self._request = None
        self.generate_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.generation_done.emit()

    # -- review ----------------------------------------------------------------------------
    def _set_suggestions(self, suggestions: list[object], dropped: list[str], keep_checks: bool = False) -> None:
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
        self.dropped_label.setText("\n".join(f"• {d}" for d in dropped[:8]) + ("\n…" if len(dropped) > 8 else ""))
        self.dropped_label.setVisible(bool(dropped))
        has = bool(self._suggestions)
        for button in (self.accept_selected_button, self.accept_all_button, self.discard_button):
            button.setEnabled(has)

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
        noun = "suggestion" if len(chosen) == 1 else f"{len(chosen)} suggestions"
        try:
            document.execute(accept_command(document.project, chosen, f"Accept {noun}"))
        except ValueError as exc:
            self._on_error(f"Could not accept: {exc}")
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
            self._on_error(f"Could not remember settings: {exc}")

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
