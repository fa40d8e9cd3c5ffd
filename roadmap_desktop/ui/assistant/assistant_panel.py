"""Assistant panel: pick a model and a task, watch the answer stream, accept suggestions.

The model list and loading are the ModelPicker's; the rounds of one Generate are an
llm.drafting.DraftingSession's; the review list is a SuggestionsModel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.commands import SetField
from ...domain.project import Project
from ...llm import catalog, grounding
from ...llm.drafting import DraftingSession, DraftRequest
from ...llm.suggestions import accept_command
from ...llm.task_base import TaskInputs
from ...llm.tasks import get_task
from ...persistence.settings import Settings
from ...qtmodels.document import ProjectDocument
from ...wording import FALLBACK, language_code
from .. import i18n
from .model_picker import ModelPicker
from .server_messages import server_message
from .suggestions_model import SuggestionsModel

if TYPE_CHECKING:
    from ...llm.worker import LlmController

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


# Below this size a model writes only English usably (SmolLM2-135M's Chinese; documented in the README).
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
        self.controller: LlmController | None = None  # created on first use: no thread until the assistant is used
        self.request_id: int | None = None
        self.session: DraftingSession | None = None  # the Generate running, round after round
        self._dropped: list[str] = []  # why model output was left out, as the task reported it
        self._stopped_early = False
        # Texts that depend on state are kept as functions, so a language switch can render them again.
        self._stats_text: Callable[[], str] = lambda: ""
        # A lambda, so an error handler set later (tests) reaches the picker too.
        self.picker = ModelPicker(settings, self.ensure_controller, lambda message: self._on_error(message))
        self.suggestions = SuggestionsModel(self)
        self._build()

    # The picker's widgets that the main window and its tests reach through the panel.
    @property
    def model_combo(self) -> QComboBox:
        return self.picker.model_combo

    @property
    def model_status(self) -> QLabel:
        return self.picker.model_status

    @property
    def model_details(self) -> QLabel:
        return self.picker.model_details

    @property
    def settings_toggle(self) -> QCheckBox:
        return self.picker.settings_toggle

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.picker.model_chosen.connect(self._on_task_changed)

        task_box = self._task_box = QGroupBox()
        task_layout = QVBoxLayout(task_box)
        self.task_combo = QComboBox()
        self.task_combo.setObjectName("taskCombo")
        for name in TASK_LABELS:
            self.task_combo.addItem("", name)
        self.task_combo.currentIndexChanged.connect(self._on_task_combo_changed)
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
        self.suggestion_list = QListView()
        self.suggestion_list.setObjectName("suggestionList")
        self.suggestion_list.setWordWrap(True)
        self.suggestion_list.setModel(self.suggestions)
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

        layout.addWidget(self.picker)
        layout.addWidget(task_box)
        layout.addWidget(self.output)
        layout.addWidget(self.stats_label)
        layout.addWidget(review_box, 1)
        self._retranslate_static()
        self._on_task_changed()
        self._show_review([], stopped=False)

    def _retranslate_static(self) -> None:
        """The texts that do not depend on state: titles, buttons, labels, placeholders, tooltips."""
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
        """Give every text the current language; the panel is not rebuilt, since it owns the model thread.
        (The picker, a child widget, gets the same LanguageChange.)"""
        self._retranslate_static()
        self._on_task_changed()
        self.stats_label.setText(self._stats_text())
        self._show_dropped()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "review_box"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _set_stats(self, text: Callable[[], str]) -> None:
        self._stats_text = text
        self.stats_label.setText(text())

    def ensure_controller(self) -> LlmController:
        """The LLM thread's controller, started on first use."""
        if self.controller is None:
            from ...llm.worker import LlmController

            self.controller = LlmController(self)
            self.controller.model_loaded.connect(self.picker.on_model_loaded)
            self.controller.load_failed.connect(self.picker.on_load_failed)
            self.controller.token_received.connect(self._on_controller_token_received)
            self.controller.generation_finished.connect(self._on_controller_generation_finished)
            self.controller.generation_failed.connect(self._on_controller_generation_failed)
        return self.controller

    # -- tasks -----------------------------------------------------------------------------
    def task_name(self) -> str:
        return self.task_combo.currentData()

    def refresh_notes(self) -> None:
        """Renew the notes under the task: another project (or language) may be open now."""
        self._on_task_changed()

    def _on_task_combo_changed(self, _index: int) -> None:
        # The suggestions of the last task must not be accepted as this one's.
        self._end_review()
        self._on_task_changed()

    def _on_task_changed(self, *_args) -> None:
        name = self.task_name()
        self.brief_edit.setVisible(name == "requirements")
        notes = [_tr(TASK_NOTES[name])] if name in TASK_NOTES else []
        document = self._document()
        entry = self.picker.current_model()
        small = isinstance(entry, catalog.ModelInfo) and 0 < (entry.parameter_count or 0) < SMALL_MODEL_PARAMETERS
        if small and document is not None and name != "risks":  # library risks bring their own texts
            if language_code(document.project.info.language) != FALLBACK:
                notes.append(
                    self.tr(
                        "This model is small ({parameters}) and writes poor Chinese: it only chooses entries of the "
                        "built-in library, whose Chinese texts are used as they are. For free drafting open a larger "
                        "multilingual model or use a model server."
                    ).format(parameters=entry.parameters_label)
                )
            else:
                notes.append(
                    self.tr(
                        "This model is small ({parameters}): it adapts entries of the built-in library to your "
                        "brief. For drafting beyond the library, open a larger model or use a model server."
                    ).format(parameters=entry.parameters_label)
                )
        note = "\n".join(notes)
        self.input_note.setText(note)
        self.input_note.setVisible(bool(note))
        self._update_prompt_preview()

    def _inputs(self) -> TaskInputs:
        document = self._document()
        project = document.project if document else None
        brief = grounding.brief_text(project, self.brief_edit.toPlainText())
        library = self._risk_library() if self.task_name() == "risks" else None
        requirement_id = self._selected_requirement() or ""
        parameters = self.picker.model_parameters()
        return TaskInputs(
            project=project,
            brief=brief,
            requirement_id=requirement_id,
            library=library,
            model_parameters=parameters,
        )

    def _update_prompt_preview(self, *_args) -> None:
        self.prompt_view.setVisible(self.show_prompt.isChecked())
        if not self.show_prompt.isChecked():
            return
        try:
            messages = get_task(self.task_name()).build_messages(self._inputs())
        except (ValueError, LookupError) as exc:
            self.prompt_view.setPlainText(str(exc))
            return
        self.prompt_view.setPlainText("\n\n".join(f"[{m['role']}]\n{m['content']}" for m in messages))

    def show_project(self, project: Project) -> None:
        """Another project is open: its brief in the box; the suggestions, output and notes of the last
        one go (they were about another product)."""
        self._end_review()
        self.brief_edit.setPlainText(project.info.brief)
        self.refresh_notes()

    def _end_review(self) -> None:
        """Stop a running request and clear its answer, figures and suggestions."""
        if self.request_id is not None:
            self.stop()
            self._finish_request()
        self.output.clear()
        self._set_stats(lambda: "")
        self.suggestions.reset([])
        self._show_review([], stopped=False)

    def _store_brief(self) -> None:
        """The brief is project content: a brief typed here becomes the project's (one undo step), so
        every later task, the PDF and the next session start from it."""
        document = self._document()
        typed = self.brief_edit.toPlainText().strip()
        if document is None or not typed or typed == document.project.info.brief.strip():
            return
        info = document.project.info
        document.execute(SetField("project", info.id, "brief", typed, self.tr("Set product brief")))

    def generate(self) -> None:
        if self.request_id is not None:
            return
        if self.task_name() == "requirements":
            self._store_brief()
        inputs = self._inputs()
        if self.task_name() == "requirements" and not inputs.brief:
            self._on_error(self.tr("Type a product brief first (or set the project's vision in Project Properties)"))
            self.brief_edit.setFocus()
            return
        seed = self.settings.get("llm_seed")  # fixed seeds make a workshop demo repeatable
        session = DraftingSession(
            get_task(self.task_name()),
            inputs,
            seed=seed if isinstance(seed, int) and not isinstance(seed, bool) else None,
            overrides=self.picker.overrides(),
        )
        try:
            request = session.start()
            preview = session.result.suggestions if request is None else session.preview()
        except (ValueError, LookupError) as exc:
            self._on_error(str(exc))
            return
        self.output.clear()
        # A grounded task's library matches show at once, before any model loads; the answer adapts them.
        self.suggestions.reset(preview)
        self._show_review([], stopped=False)
        if request is None:  # nothing for the model in this task: the library's or the project's answer
            self._set_stats(lambda: self.tr("From the library and the project's figures; no model needed"))
            return
        if not self.picker.has_model and not self.picker.load_model():
            return
        self.picker.remember_settings()
        self.session = session
        self._send(request)

    def _send(self, request: DraftRequest) -> None:
        if request.round > 1:
            round_text = self.tr("— round {round}: asking for more, without repeats —").format(round=request.round)
            self._append_output(f"\n\n{round_text}\n")
        current, rounds = request.round, self.session.rounds if self.session else 1
        if current == 1:
            self._set_stats(lambda: self.tr("Generating…"))
        else:
            self._set_stats(lambda: self.tr("Round {round} of up to {rounds}…").format(round=current, rounds=rounds))
        self.request_id = self.ensure_controller().generate(request.messages, request.options)
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
        if request_id != self.request_id or self.session is None:
            return
        self._append_output(text)
        live = self.session.feed(text)
        if live is not None:  # an item may have just closed: show what the answer holds so far
            self.suggestions.reset(live, keep_unchecked=True)

    def _on_controller_generation_finished(self, request_id: int, text: str, stats: dict[str, Any]) -> None:
        session = self.session
        if request_id != self.request_id or session is None:
            return
        following = session.finish(text, cancelled=bool(stats.get("cancelled")))
        if following is not None:
            self.request_id = None
            self.suggestions.reset(session.result.suggestions, keep_unchecked=True)
            self._send(following)
            return
        self._finish_request()
        rounds = session.rounds_done
        self._set_stats(lambda: self._stats_summary(stats, rounds))
        self.suggestions.reset(session.result.suggestions, keep_unchecked=True)
        self._show_review(session.result.dropped, stopped=session.result.stopped)

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
            self.picker.set_status(lambda: server_message(message) or message)
            self._on_error(self.model_status.text())
            return
        self._on_error(self.tr("The assistant failed: {message}").format(message=message))

    def _finish_request(self) -> None:
        self.request_id = None
        self.session = None
        self.generate_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.generation_done.emit()

    # -- review ----------------------------------------------------------------------------
    def _show_review(self, dropped: list[str], stopped: bool) -> None:
        """Under the suggestions: why output was left out, whether the run was stopped; buttons to act."""
        self._dropped, self._stopped_early = list(dropped), stopped
        self._show_dropped()
        has = self.suggestions.rowCount() > 0
        for button in (self.accept_selected_button, self.accept_all_button, self.discard_button):
            button.setEnabled(has)

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
        suggestions = self.suggestions.suggestions()
        if document is None or not suggestions:
            return 0
        chosen = self.suggestions.checked() if only_checked else suggestions
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
        # The unticked ones were turned down: they leave with the accepted ones, so no later click adds them.
        left_out = len(suggestions) - len(chosen)
        self.suggestions.reset([])
        self._show_review([], stopped=False)
        if left_out:
            self._set_stats(lambda: self.tr("{count} unticked suggestion(s) left out").format(count=left_out))
        self.suggestions_accepted.emit(len(chosen))
        return len(chosen)

    def discard(self) -> None:
        self.suggestions.reset([])
        self._show_review([], stopped=False)

    def shutdown(self) -> None:
        if self.controller is not None:
            self.controller.shutdown()
