"""Guided workshop: the step bar (steps, ticks, clock, remembered minutes) and the controller's calls."""

from __future__ import annotations

import pytest
from interface_language import interface_language

from roadmap_desktop.domain.commands import SetField
from roadmap_desktop.domain.project import Project
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.workshop.flow import GuidedFlowController, WorkshopWindow
from roadmap_desktop.ui.workshop.step_bar import GuidedFlowBar
from roadmap_desktop.ui.workshop.steps import SETTINGS_KEY, STEPS, default_minutes, format_clock, minutes_from


@pytest.fixture
def bar(qtbot):
    widget = GuidedFlowBar(tick_ms=1)
    widget.beep_enabled = False
    qtbot.addWidget(widget)
    widget.resize(1280, 80)
    widget.show()
    return widget


def test_steps_have_both_languages_and_minutes():
    assert [s.key for s in STEPS] == ["brief", "requirements", "prioritise", "timeline", "risks", "export"]
    for step in STEPS:
        assert step.title_in("en") and step.title_in("zh") and step.instruction_in("zh")
        assert step.title_in("en") != step.title_in("zh")
    assert all(m > 0 for m in default_minutes())
    assert format_clock(75) == "1:15" and format_clock(-5) == "+0:05" and format_clock(0) == "0:00"


def test_minutes_from_settings_value_is_validated():
    assert minutes_from(None) == default_minutes()
    assert minutes_from("junk") == default_minutes()
    assert minutes_from([3, "x", True, 999, -4]) == [3, default_minutes()[1], default_minutes()[2], 180, 1, 5]


def test_next_back_and_chip_clicks_move_and_emit(bar, qtbot):
    assert bar.current_step() == 0 and not bar.back_button.isEnabled()
    with qtbot.waitSignal(bar.step_changed) as blocker:
        bar.next_button.click()
    assert blocker.args == [1] and bar.current_step() == 1
    assert bar.is_done(0) and bar.chips[0].text().startswith("✓")
    assert bar.chips[1].isChecked() and not bar.chips[0].isChecked()
    with qtbot.waitSignal(bar.step_changed) as blocker:
        bar.chips[4].click()
    assert blocker.args == [4] and bar.is_done(1) and not bar.is_done(2)
    with qtbot.waitSignal(bar.step_changed) as blocker:
        bar.back_button.click()
    assert blocker.args == [3] and not bar.is_done(3)
    with qtbot.assertNotEmitted(bar.step_changed):
        bar.chips[3].click()  # the current chip stays current
    assert bar.chips[3].isChecked()
    bar.set_step(5)
    bar.next_step()  # finishing the last step ticks it
    assert bar.is_done(5) and not bar.next_button.isEnabled()


def test_instruction_offer_and_language_follow_the_step(bar):
    bar.set_step(2)
    assert bar.instruction_label.text() == STEPS[2].instruction_in("en")
    assert "vot" in bar.offer_button.text().lower()
    bar.set_language("zh")
    assert bar.instruction_label.text() == STEPS[2].instruction_in("zh")
    assert STEPS[2].title_in("zh") in bar.chips[2].text()


def test_offer_button_emits_the_step(bar, qtbot):
    bar.set_step(3)
    with qtbot.waitSignal(bar.action_requested) as blocker:
        bar.offer_button.click()
    assert blocker.args == [3]


def test_clock_counts_down_turns_amber_then_red_and_never_blocks(bar, qtbot):
    bar.set_minutes(1)
    assert bar.remaining_seconds() == 60 and bar.timer_state() == "idle"
    with qtbot.waitSignal(bar.timer_changed) as blocker:
        bar.start_timer()
    assert blocker.args == [60] and bar.is_timer_running()
    with qtbot.waitSignal(bar.timer_changed, check_params_cb=lambda s: s < 60) as blocker:
        pass  # the 1 ms interval ticks once the event loop runs
    assert blocker.args[0] < 60
    bar.pause_timer()
    assert not bar.is_timer_running()
    assert bar.timer_state() == "warning"  # the whole step is one minute: its last minute
    while bar.remaining_seconds() > 0:
        bar._on_tick_timer_timeout()
    assert bar.timer_state() == "over" and bar.clock_button.text() == "0:00"
    bar._on_tick_timer_timeout()
    assert bar.remaining_seconds() == -1 and bar.clock_button.text() == "+0:01"
    bar.next_step()  # over time never stops the flow
    assert bar.current_step() == 1 and bar.remaining_seconds() == bar.minutes() * 60
    bar.previous_step()  # each step keeps its own clock
    assert bar.remaining_seconds() == -1
    bar.reset_timer()
    assert bar.remaining_seconds() == 60 and bar.timer_state() == "idle"


def test_clock_click_toggles_and_step_change_pauses(bar):
    bar.clock_button.click()
    assert bar.is_timer_running() and bar.start_button.text() == "Pause"
    bar.next_step()
    assert not bar.is_timer_running() and bar.start_button.text() == "Start"
    bar.start_button.click()
    assert bar.is_timer_running()
    bar.clock_button.click()
    assert not bar.is_timer_running()


def test_minutes_are_remembered_in_settings(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    first = GuidedFlowBar(settings)
    qtbot.addWidget(first)
    first.set_step(1)
    first.minutes_spin.setValue(7)
    first.set_minutes(3, index=4)
    assert Settings(tmp_path / "settings.json").get(SETTINGS_KEY) == [10, 7, 15, 15, 3, 5]
    again = GuidedFlowBar(Settings(tmp_path / "settings.json"))
    qtbot.addWidget(again)
    assert again.minutes(1) == 7 and again.minutes(4) == 3 and again.minutes(0) == 10
    again.set_step(1)
    assert again.minutes_spin.value() == 7 and again.clock_button.text() == "7:00"


def test_narrow_bar_switches_to_compact_chips(bar):
    bar.resize(900, 80)
    assert bar.is_compact()
    assert bar.chips[1].text() == "2" and STEPS[0].title_in("en") in bar.chips[0].text()
    bar.resize(1600, 80)
    assert not bar.is_compact() and bar.chips[1].text() == f"2 {STEPS[1].title_in('en')}"


@pytest.mark.parametrize("width", [1600, 1280, 900], ids=["wide", "default", "compact"])
def test_next_stays_under_the_pointer_as_steps_gain_their_tick(bar, qtbot, width):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    bar.resize(width, 80)
    QApplication.processEvents()
    spot = bar.next_button.geometry().center()
    for expected in range(1, len(STEPS)):
        # The same click, where Next was when the workshop began: one step each time, none skipped.
        target = bar.childAt(spot)
        assert target is bar.next_button, (expected, target)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert bar.current_step() == expected and bar.is_done(expected - 1)


class FakeWindow:
    """Records the calls the controller makes."""

    def __init__(self, document=None):
        self.document = document
        self.calls: list[tuple] = []

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args: self.calls.append((name, *args))


@pytest.fixture
def document():
    doc = ProjectDocument(Project.new("Flow"))
    yield doc
    doc.close()


def test_controller_arranges_each_step_without_dialogs(bar, document):
    window = FakeWindow(document)
    controller = GuidedFlowController(bar, window)
    expected_entry = {
        1: [("show_tab", "requirement"), ("show_assistant", "requirements")],
        2: [("show_tab", "requirement"), ("show_prioritisation",)],
        3: [("show_tab", "item")],
        4: [("show_tab", "risk")],
        5: [],
        0: [],
    }
    for index in (1, 2, 3, 4, 5, 0):
        window.calls.clear()
        bar.set_step(index)
        assert window.calls == expected_entry[index], index
    offers = [
        "edit_properties",
        "show_assistant",
        "show_voting",
        "auto_schedule",
        "add_risks_from_library",
        "export_pdf",
    ]
    for index, name in enumerate(offers):
        bar.set_step(index)
        window.calls.clear()
        bar.offer_button.click()
        assert window.calls[0][0] == name
    window.calls.clear()
    bar.set_step(3)
    window.calls.clear()
    controller.enter_current_step()
    assert window.calls == [("show_tab", "item")]


def test_controller_skips_missing_window_methods(bar, document):
    class Partial:
        def __init__(self):
            self.document = document
            self.tabs = []

        def show_tab(self, kind):
            self.tabs.append(kind)

    window = Partial()
    GuidedFlowController(bar, window)
    bar.set_step(1)  # no show_assistant: the rest of the step still happens
    bar.offer_button.click()
    assert window.tabs == ["requirement"]


def test_fake_window_satisfies_protocol(document):
    class Full:
        document = None

        def show_tab(self, kind): ...
        def show_assistant(self, task): ...
        def show_prioritisation(self): ...
        def show_voting(self): ...
        def auto_schedule(self): ...
        def add_risks_from_library(self): ...
        def export_pdf(self): ...
        def edit_properties(self): ...

    assert isinstance(Full(), WorkshopWindow)


def test_bar_language_follows_the_interface_not_the_document(bar, document):
    """Step names are chrome: a Chinese project under the English interface showed Chinese steps."""
    controller = GuidedFlowController(bar, FakeWindow(document))
    assert bar.language == "en"
    document.execute(SetField("project", document.project.info.id, "language", "zh"))
    assert bar.language == "en" and STEPS[0].title_in("en") in bar.chips[0].text()
    with interface_language("zh"):
        assert bar.language == "zh" and STEPS[0].title_in("zh") in bar.chips[0].text()
        assert bar.instruction_label.text() == STEPS[0].instruction_in("zh")
        other = ProjectDocument(Project.new("Other", "en"))
        controller.set_document(other)  # an English project under the Chinese interface
        assert bar.language == "zh"
    assert bar.language == "en" and STEPS[0].title_in("en") in bar.chips[0].text()
    other.close()


def test_switching_the_interface_language_translates_every_bar_text(bar, qapp):
    """Reset, Present and the minutes suffix were left in English after switching to Chinese."""
    from PySide6.QtCore import QCoreApplication

    from roadmap_desktop.ui import i18n

    try:
        assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.CHINESE
        QCoreApplication.sendPostedEvents()  # LanguageChange reaches the bar as a posted event
        assert bar.reset_button.text() == "重置"
        assert bar.present_button.text() == "演示"
        assert bar.minutes_spin.suffix() == " 分钟"
        assert bar.next_button.text() == "下一步 ▶"
        assert "F5" in bar.present_button.toolTip() and "投影" in bar.present_button.toolTip()
    finally:
        i18n.install_translations(qapp, i18n.ENGLISH)
        QCoreApplication.sendPostedEvents()
    assert bar.reset_button.text() == "Reset"
    assert bar.minutes_spin.suffix() == " min"
