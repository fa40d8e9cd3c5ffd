"""The guided-workshop strip: six step chips, Back / Next, the step's instruction and offer, and a step timer."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...persistence.errors import SaveError
from ...persistence.settings import Settings
from ...wording import language_code
from ..i18n import installed_language
from .steps import MAX_MINUTES, MIN_MINUTES, SETTINGS_KEY, STEPS, format_clock, minutes_from

NEXT_KEY = "Ctrl+Alt+Right"
BACK_KEY = "Ctrl+Alt+Left"
WARNING_SECONDS = 60  # the clock turns amber in the last minute

# Colours that keep their meaning on a washed-out projector: deep blue, amber, red, green.
_CHIP_STYLE = """
QToolButton {{ border: 1px solid #9aa5b1; border-radius: 13px; padding: 3px 10px; {extra} }}
QToolButton:hover {{ border-color: #1d4ed8; }}
"""
_CURRENT = "background: #1d4ed8; color: white; border-color: #1d4ed8; font-weight: bold;"
_DONE = "color: #17683a;"
_CLOCK_STYLES = {
    "idle": "",
    "normal": "",
    "warning": "background: #f59e0b; color: #111111;",
    "over": "background: #c81e1e; color: white;",
}
_OFFER_STYLE = (
    "QPushButton { background: #1d4ed8; color: white; font-weight: bold; border-radius: 4px; padding: 5px 14px; }"
    "QPushButton:hover { background: #1e40af; }"
)


class GuidedFlowBar(QWidget):
    """The facilitator's strip; it knows the steps and the clocks, not the main window.

    A step is ticked as done once the facilitator moves on from it. Each step keeps its own clock
    (minutes set by the facilitator, remembered in Settings), so going back shows that step's time.
    Over time is shown, never enforced.
    """

    step_changed = Signal(int)
    action_requested = Signal(int)  # the step's offer button was clicked
    presenter_requested = Signal()
    timer_changed = Signal(int)  # seconds left in the current step; negative when over time

    def __init__(
        self,
        settings: Settings | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
        tick_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guidedFlowBar")
        self.settings = settings
        # Step names are interface chrome: the interface language unless a caller names one.
        self.language = language_code(language or installed_language())
        self.beep_enabled = True
        self._step = 0
        self._done: set[int] = set()
        self._minutes = minutes_from(settings.get(SETTINGS_KEY) if settings is not None else None)
        self._elapsed = [0] * len(STEPS)  # seconds counted per step
        self._compact = False  # chips other than the current one show their number only

        self.tick_timer = QTimer(self)
        self.tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.tick_timer.setInterval(tick_ms)
        self.tick_timer.timeout.connect(self._on_tick_timer_timeout)

        self._build()
        QShortcut(QKeySequence(NEXT_KEY), self, self.next_step)
        QShortcut(QKeySequence(BACK_KEY), self, self.previous_step)
        self.retranslate()

    def retranslate(self) -> None:
        """The interface texts, again after the interface language changed."""
        self._offer_texts = {
            "brief": self.tr("Edit the brief…"),
            "requirements": self.tr("Draft with the assistant"),
            "prioritise": self.tr("Start dot voting…"),
            "timeline": self.tr("Auto-schedule"),
            "risks": self.tr("Add risks from the library…"),
            "export": self.tr("Export PDF…"),
        }
        self.back_button.setText(self.tr("◀ Back"))
        self.back_button.setToolTip(self.tr("Previous step ({key})").format(key=BACK_KEY))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("Next step ({key})").format(key=NEXT_KEY))
        self.clock_button.setToolTip(self.tr("Time left in this step; click to start or pause"))
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setToolTip(self.tr("Minutes for this step (remembered)"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Start this step's time again"))
        self.present_button.setText(self.tr("Present"))
        self.present_button.setToolTip(self.tr("Full-screen presenter view for the projector (F5)"))
        self._refresh()
        self._update_compact(self.width())  # the texts' widths changed with the language

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_offer_texts"):
            self.language = language_code(installed_language())
            self.retranslate()

    def _build(self) -> None:
        self.back_button = QToolButton()
        self.back_button.clicked.connect(self.previous_step)
        self.next_button = QToolButton()
        self.next_button.clicked.connect(self.next_step)
        self.chips: list[QToolButton] = []
        for index in range(len(STEPS)):
            chip = QToolButton()
            chip.setCheckable(True)
            chip.setAutoRaise(False)
            chip.setObjectName(f"workshopStep{index + 1}")
            chip.setMinimumWidth(30)  # narrow windows switch to compact chips instead of growing
            chip.clicked.connect(lambda _=False, i=index: self.set_step(i))
            self.chips.append(chip)

        self.clock_button = QToolButton()
        self.clock_button.setObjectName("workshopClock")
        clock_font = self.clock_button.font()
        clock_font.setPointSizeF(clock_font.pointSizeF() * 1.35)
        clock_font.setBold(True)
        self.clock_button.setFont(clock_font)
        self.clock_button.setMinimumWidth(self.clock_button.fontMetrics().horizontalAdvance("+88:88") + 20)
        self.clock_button.clicked.connect(self.toggle_timer)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes_spin.valueChanged.connect(self._on_minutes_spin_value_changed)
        self.start_button = QToolButton()
        self.start_button.clicked.connect(self.toggle_timer)
        self.reset_button = QToolButton()
        self.reset_button.clicked.connect(self.reset_timer)
        self.present_button = QToolButton()
        self.present_button.clicked.connect(self.presenter_requested)

        self.instruction_label = QLabel()
        self.instruction_label.setObjectName("workshopInstruction")
        self.instruction_label.setWordWrap(True)
        self.instruction_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        font = self.instruction_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.instruction_label.setFont(font)
        self.offer_button = QPushButton()
        self.offer_button.setObjectName("workshopOffer")
        self.offer_button.setStyleSheet(_OFFER_STYLE)
        self.offer_button.clicked.connect(lambda: self.action_requested.emit(self._step))

        steps_row = QHBoxLayout()
        steps_row.setSpacing(6)
        # Back and Next come before the chips: a chip grows when it gains its check mark (and in compact
        # mode the current chip shows its title), which moved a Next placed after them, so the same
        # click landed on a chip and skipped a step.
        steps_row.addWidget(self.back_button)
        steps_row.addWidget(self.next_button)
        steps_row.addSpacing(6)
        for chip in self.chips:
            steps_row.addWidget(chip)
        steps_row.addStretch(1)
        steps_row.addWidget(self.clock_button)
        steps_row.addWidget(self.minutes_spin)
        steps_row.addWidget(self.start_button)
        steps_row.addWidget(self.reset_button)
        steps_row.addSpacing(8)
        steps_row.addWidget(self.present_button)
        info_row = QHBoxLayout()
        info_row.addWidget(self.instruction_label, 1)
        info_row.addWidget(self.offer_button)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.setSpacing(4)
        layout.addLayout(steps_row)
        layout.addLayout(info_row)
        layout.addWidget(line)

    # -- steps -------------------------------------------------------------------------------
    def current_step(self) -> int:
        return self._step

    def set_step(self, index: int) -> None:
        """Go to step ``index`` (0-based); the step left forwards is ticked, the clock pauses."""
        index = max(0, min(index, len(STEPS) - 1))
        if index == self._step:
            self._refresh()  # a click on the current chip must leave it checked
            return
        if index > self._step:
            self._done.add(self._step)
        self.tick_timer.stop()  # each step's clock is started by the facilitator
        self._step = index
        self._refresh()
        self.step_changed.emit(index)
        self.timer_changed.emit(self.remaining_seconds())

    def next_step(self) -> None:
        if self._step == len(STEPS) - 1:
            self._done.add(self._step)  # finishing the last step ticks it
            self._refresh()
            return
        self.set_step(self._step + 1)

    def previous_step(self) -> None:
        self.set_step(self._step - 1)

    def is_done(self, index: int) -> bool:
        return index in self._done

    def set_done(self, index: int, done: bool = True) -> None:
        if done:
            self._done.add(index)
        else:
            self._done.discard(index)
        self._refresh()

    def set_language(self, language: str) -> None:
        """Step titles and instructions in ``language`` (a catalog code; unknown ones get English); the
        bar starts in, and follows, the interface language."""
        self.language = language_code(language)
        self._refresh()
        self._update_compact(self.width())

    def step_title(self, index: int) -> str:
        return STEPS[index].title_in(self.language)

    # -- the clock ---------------------------------------------------------------------------
    def minutes(self, index: int | None = None) -> int:
        return self._minutes[self._step if index is None else index]

    def set_minutes(self, minutes: int, index: int | None = None) -> None:
        """The time for a step (the current one by default); time already used keeps counting."""
        index = self._step if index is None else index
        minutes = min(max(int(minutes), MIN_MINUTES), MAX_MINUTES)
        if self._minutes[index] == minutes:
            return
        self._minutes[index] = minutes
        if self.settings is not None:
            with contextlib.suppress(SaveError):  # a convenience; the workshop must go on
                self.settings.set(SETTINGS_KEY, list(self._minutes))
        self._refresh()
        if index == self._step:
            self.timer_changed.emit(self.remaining_seconds())

    def remaining_seconds(self, index: int | None = None) -> int:
        index = self._step if index is None else index
        return self._minutes[index] * 60 - self._elapsed[index]

    def is_timer_running(self) -> bool:
        return self.tick_timer.isActive()

    def timer_state(self) -> str:
        """idle (not started), normal, warning (last minute) or over (past the time)."""
        if not self._elapsed[self._step] and not self.is_timer_running():
            return "idle"
        remaining = self.remaining_seconds()
        if remaining <= 0:
            return "over"
        return "warning" if remaining <= WARNING_SECONDS else "normal"

    def start_timer(self) -> None:
        self.tick_timer.start()
        self._refresh()
        self.timer_changed.emit(self.remaining_seconds())

    def pause_timer(self) -> None:
        self.tick_timer.stop()
        self._refresh()
        self.timer_changed.emit(self.remaining_seconds())

    def toggle_timer(self) -> None:
        if self.is_timer_running():
            self.pause_timer()
        else:
            self.start_timer()

    def reset_timer(self) -> None:
        self._elapsed[self._step] = 0
        self._refresh()
        self.timer_changed.emit(self.remaining_seconds())

    def _on_tick_timer_timeout(self) -> None:
        self._elapsed[self._step] += 1
        remaining = self.remaining_seconds()
        if remaining == 0 and self.beep_enabled:
            QApplication.beep()  # a soft cue; nothing stops
        self._refresh_clock()
        self.timer_changed.emit(remaining)

    def _on_minutes_spin_value_changed(self, value: int) -> None:
        self.set_minutes(value)

    # -- showing -----------------------------------------------------------------------------
    def _refresh(self) -> None:
        for index, chip in enumerate(self.chips):
            current = index == self._step
            chip.setText(self._chip_text(index, self._compact))
            chip.setChecked(current)
            chip.setStyleSheet(_CHIP_STYLE.format(extra=_CURRENT if current else _DONE if index in self._done else ""))
            chip.setToolTip(STEPS[index].instruction_in(self.language))
        self.back_button.setEnabled(self._step > 0)
        self.next_button.setEnabled(self._step < len(STEPS) - 1 or self._step not in self._done)
        step = STEPS[self._step]
        self.instruction_label.setText(step.instruction_in(self.language))
        self.offer_button.setText(self._offer_texts[step.key])
        self.minutes_spin.blockSignals(True)
        self.minutes_spin.setValue(self._minutes[self._step])
        self.minutes_spin.blockSignals(False)
        self._refresh_clock()

    def _refresh_clock(self) -> None:
        self.clock_button.setText(format_clock(self.remaining_seconds()))
        style = _CLOCK_STYLES[self.timer_state()]
        self.clock_button.setStyleSheet(f"QToolButton {{ {style} border-radius: 4px; padding: 2px 8px; }}")
        running = self.is_timer_running()
        self.start_button.setText(self.tr("Pause") if running else self.tr("Start"))
        self.start_button.setToolTip(self.tr("Pause the clock") if running else self.tr("Start the clock"))

    def _chip_text(self, index: int, compact: bool) -> str:
        current = index == self._step
        mark = "✓ " if index in self._done and not current else ""
        if compact and not current:
            return f"{mark}{index + 1}"
        return f"{mark}{index + 1} {self.step_title(index)}"

    def _full_width(self) -> int:
        """The width the strip needs to show every chip with its title."""
        fm = self.chips[0].fontMetrics()
        chips = sum(fm.horizontalAdvance(self._chip_text(i, False)) + 30 for i in range(len(STEPS)))
        others = (
            self.back_button,
            self.next_button,
            self.clock_button,
            self.minutes_spin,
            self.start_button,
            self.reset_button,
            self.present_button,
        )
        margins = self.layout().contentsMargins()
        return chips + sum(w.sizeHint().width() + 6 for w in others) + margins.left() + margins.right() + 60

    def is_compact(self) -> bool:
        return self._compact

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_compact(event.size().width())

    def _update_compact(self, width: int) -> None:
        compact = width < self._full_width()
        if compact != self._compact:
            self._compact = compact
            self._refresh()

    def offer_text(self, index: int | None = None) -> str:
        return self._offer_texts[STEPS[self._step if index is None else index].key]
