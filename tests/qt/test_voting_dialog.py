"""VotingDialog: three voters spend their dots, live totals, record as one undo step, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.dialogs.voting_dialog import VotingDialog


@pytest.fixture
def document(qtbot):
    project = Project.new("Workshop")
    project.requirements = [
        Requirement(title="Offline mode", votes=9),
        Requirement(title="微信登录"),
        Requirement(title="Export to PDF"),
        Requirement(title="Parked", status="dropped"),
    ]
    doc = ProjectDocument(project)
    yield doc
    doc.close()


def make_dialog(qtbot, document):
    dialog = VotingDialog(document)
    qtbot.addWidget(dialog)
    return dialog


def test_setup_defaults_and_bad_voters(qtbot, document):
    dialog = make_dialog(qtbot, document)
    assert dialog.dots_spin.value() == 3
    assert "3 requirements on the board (1 dropped left out)" in dialog.candidates_label.text()
    dialog.set_voters(["Ann", "ann"])
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    assert "listed twice" in dialog.setup_error.text() and not dialog.setup_error.isHidden()
    dialog.set_voters([])
    assert dialog.start_voting() is False and "at least one voter" in dialog.setup_error.text()


def test_three_voters_record_and_undo(qtbot, document):
    project = document.project
    offline, wechat, pdf, _ = (r.id for r in project.requirements)
    dialog = make_dialog(qtbot, document)
    dialog.set_voters(["Ann", "Bo", "陈静"], 2)
    assert dialog.start_voting() and dialog.pages.currentIndex() == 1
    assert dialog.board.rowCount() == 3 and dialog.current_voter == "Ann"

    plus = {row: dialog.board.cellWidget(row, 3) for row in range(3)}
    minus = {row: dialog.board.cellWidget(row, 1) for row in range(3)}
    qtbot.mouseClick(plus[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(plus[1], Qt.MouseButton.LeftButton)  # two dots on one requirement
    assert "0 of 2 dots left" in dialog.remaining_label.text()
    assert not plus[0].isEnabled() and dialog.add_dot(offline) is False
    assert dialog.board.item(1, 2).text() == "●●" and dialog.board.item(1, 4).text() == "2"

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_voter == "Bo" and plus[0].isEnabled() and not minus[1].isEnabled()
    dialog.add_dot(pdf)
    dialog.add_dot(offline)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)  # takes back the dot on offline
    dialog.add_dot(wechat)
    qtbot.mouseClick(dialog.voter_buttons["陈静"], Qt.MouseButton.LeftButton)
    assert dialog.current_voter == "陈静"
    dialog.add_dot(pdf)
    dialog.add_dot(offline)
    qtbot.mouseClick(minus[0], Qt.MouseButton.LeftButton)
    dialog.add_dot(pdf)
    assert dialog.session.counts() == {wechat: 3, pdf: 3}
    assert dialog.totals_in_order() == [("微信登录", 3), ("Export to PDF", 3), ("Offline mode", 0)]
    assert dialog.record_button.text() == "Record 6 votes"

    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [r.votes for r in project.requirements] == [0, 3, 3, 0]
    assert project.info.framework == "votes"
    stack = document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Record 6 dot votes"
    stack.undo()
    assert [r.votes for r in project.requirements] == [9, None, None, None]
    assert project.info.framework == "rice"


def test_framework_left_alone_when_unticked(qtbot, document):
    dialog = make_dialog(qtbot, document)
    dialog.set_voters(["Ann"], 1)
    dialog.start_voting()
    dialog.switch_check.setChecked(False)
    assert not dialog.record_button.isEnabled()  # nothing cast yet
    dialog.add_dot(document.project.requirements[2].id)
    assert dialog.record() is True
    assert document.project.info.framework == "rice"
    assert [r.votes for r in document.project.requirements] == [0, 0, 1, 0]


def test_back_to_voters_starts_a_fresh_board(qtbot, document):
    dialog = make_dialog(qtbot, document)
    dialog.set_voters(["Ann", "Bo", "陈静"])
    dialog.start_voting()
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)  # nothing cast: no question asked
    assert dialog.pages.currentIndex() == 0
    dialog.set_voters(["Dee"], 5)
    assert dialog.start_voting()
    assert list(dialog.voter_buttons) == ["Dee"] and dialog.voter_row.count() == 2  # one button and the stretch
    assert "5 of 5 dots left" in dialog.remaining_label.text()


def test_the_checked_voter_name_is_not_cut_off(qtbot, document):
    """The checked voter's button turns bold; it was sized for regular text, so the name was cut off."""
    from PySide6.QtGui import QFont, QFontMetrics

    from roadmap_desktop.ui.dialogs.voting_dialog import BOARD_POINT_SIZE

    dialog = make_dialog(qtbot, document)
    dialog.set_voters(["Ann", "Alex Chen", "王芳"])
    assert dialog.start_voting()
    dialog.show()
    for name, button in dialog.voter_buttons.items():
        dialog.set_current_voter(name)
        qtbot.wait(1)
        bold = QFont(button.font())
        bold.setPointSize(BOARD_POINT_SIZE)
        bold.setBold(True)
        needed = QFontMetrics(bold).horizontalAdvance(button.text()) + 32  # the 16 px padding each side
        assert button.isChecked() and button.width() >= needed, (name, button.width(), needed)
