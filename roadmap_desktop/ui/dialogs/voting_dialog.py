"""Dot Voting: name the voters, then a large-type board where each spends their dots; recorded in one undo step."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.voting import VotingSession, apply_command
from ...qtmodels.document import ProjectDocument

DEFAULT_DOTS = 3
MAX_DOTS = 20
SETUP_POINT_SIZE = 14
BOARD_POINT_SIZE = 17  # readable from the back of a room on a projector
VOTER_PADDING = 44  # a voter button's padding (2 × 16 px), frame and a little air
DOT, NO_DOT = "●", "○"
_ACCENT = "#1565c0"


class VotingDialog(QDialog):
    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session: VotingSession | None = None
        self.current_voter = ""
        self.setWindowTitle(self.tr("Dot Voting"))
        self._candidates = [r for r in document.project.requirements if r.status != "dropped"]

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_setup_page())
        self.pages.addWidget(self._build_board_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(1100, 760)

    # -- pages ---------------------------------------------------------------------
    def _build_setup_page(self) -> QWidget:
        page = QWidget()
        font = QFont(page.font())
        font.setPointSize(SETUP_POINT_SIZE)
        page.setFont(font)
        intro = QLabel(
            self.tr(
                "Each voter gets the same number of dots to place on the requirements they think matter most. "
                "A voter may put several dots on one requirement. Recording the votes replaces every requirement's "
                "Votes with this workshop's count (0 where nobody voted), as one undo step."
            )
        )
        intro.setWordWrap(True)
        self.voters_edit = QPlainTextEdit()
        self.voters_edit.setPlaceholderText(self.tr("One name per line"))
        self.voters_edit.setTabChangesFocus(True)
        self.voters_edit.setMaximumSize(520, 320)
        self.dots_spin = QSpinBox()
        self.dots_spin.setRange(1, MAX_DOTS)
        self.dots_spin.setValue(DEFAULT_DOTS)
        self.dots_spin.setSuffix(self.tr(" dots"))
        self.dots_spin.setMaximumWidth(160)
        count = len(self._candidates)
        dropped = len(self.document.project.requirements) - count
        if not count:
            candidates = self.tr("There are no requirements to vote on (dropped ones are left out).")
        elif dropped:
            one = self.tr("1 requirement on the board ({dropped} dropped left out).")
            many = self.tr("{count} requirements on the board ({dropped} dropped left out).")
            candidates = (one if count == 1 else many).format(count=count, dropped=dropped)
        else:
            one, many = self.tr("1 requirement on the board."), self.tr("{count} requirements on the board.")
            candidates = (one if count == 1 else many).format(count=count)
        self.candidates_label = QLabel(candidates)
        self.setup_error = QLabel()
        self.setup_error.setStyleSheet("color: #b00020;")
        self.setup_error.setWordWrap(True)
        self.setup_error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Voters:"), self.voters_edit)
        form.addRow(self.tr("Dots per voter:"), self.dots_spin)
        form.addRow("", self.candidates_label)
        self.start_button = QPushButton(self.tr("Start voting"))
        self.start_button.setDefault(True)
        self.start_button.setEnabled(bool(self._candidates))
        self.start_button.clicked.connect(self._on_start_button_clicked)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.setup_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_board_page(self) -> QWidget:
        page = QWidget()
        big = QFont(page.font())
        big.setPointSize(BOARD_POINT_SIZE)
        page.setFont(big)

        self.voter_row = QHBoxLayout()
        self.voter_group = QButtonGroup(self)
        self.voter_group.setExclusive(True)
        self.voter_buttons: dict[str, QPushButton] = {}
        self.remaining_label = QLabel()
        self.remaining_label.setStyleSheet(f"font-size: {BOARD_POINT_SIZE + 5}pt; font-weight: bold; color: {_ACCENT};")

        self.board = QTableWidget(0, 5)
        self.board.setHorizontalHeaderLabels([self.tr("Requirement"), "", self.tr("Your dots"), "", self.tr("Total")])
        self.board.verticalHeader().hide()
        self.board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.board.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.board.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.board.setWordWrap(True)
        header = self.board.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.totals = QTableWidget(0, 2)
        self.totals.setHorizontalHeaderLabels([self.tr("Votes"), self.tr("Live totals")])
        self.totals.verticalHeader().hide()
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.totals.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        # The board keeps the project's order so rows never jump under a voter's finger;
        # the ranking lives beside it.
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.board)
        splitter.addWidget(self.totals)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 400])

        self.undo_button = QPushButton(self.tr("Undo last dot"))
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.next_button = QPushButton(self.tr("Next voter ▶"))
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.back_button = QPushButton(self.tr("◀ Voters"))
        self.back_button.setToolTip(self.tr("Change the voters or dots; starting again clears the dots cast"))
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.full_screen_button = QPushButton(self.tr("Full screen"))
        self.full_screen_button.setCheckable(True)
        self.full_screen_button.toggled.connect(self._on_full_screen_button_toggled)
        self.switch_check = QCheckBox(self.tr("Rank requirements by dot votes"))
        self.switch_check.setChecked(True)
        self._offer_switch = self.document.project.info.framework != "votes"
        self.switch_check.setVisible(self._offer_switch)
        self.record_button = QPushButton(self.tr("Record votes"))
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self._on_record_button_clicked)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.remaining_label, 1)
        top.addWidget(self.undo_button)
        top.addWidget(self.next_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.full_screen_button)
        bottom.addStretch(1)
        bottom.addWidget(self.switch_check)
        bottom.addWidget(cancel)
        bottom.addWidget(self.record_button)
        layout = QVBoxLayout(page)
        layout.addLayout(self.voter_row)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        return page

    # -- public, also for tests and scripted use -------------------------------------
    def set_voters(self, names: list[str], dots: int = DEFAULT_DOTS) -> None:
        self.voters_edit.setPlainText("\n".join(names))
        self.dots_spin.setValue(dots)

    def voters(self) -> list[str]:
        return [line.strip() for line in self.voters_edit.toPlainText().splitlines() if line.strip()]

    def start_voting(self) -> bool:
        """Begin a fresh session with the named voters; False (and a message) if the names are not usable."""
        try:
            session = VotingSession.for_project(self.document.project, self.voters(), self.dots_spin.value())
        except ValueError as exc:
            self.setup_error.setText(str(exc))
            self.setup_error.show()
            return False
        self.setup_error.hide()
        self.session = session
        self._fill_voter_buttons()
        self._fill_board()
        self.set_current_voter(session.voters[0])
        self.pages.setCurrentIndex(1)
        return True

    def set_current_voter(self, name: str) -> None:
        self.current_voter = name
        self.voter_buttons[name].setChecked(True)
        self._refresh()

    def add_dot(self, requirement_id: str) -> bool:
        """The current voter places a dot; False when they have none left."""
        assert self.session is not None
        if self.session.remaining(self.current_voter) <= 0:
            return False
        self.session.vote(self.current_voter, requirement_id)
        self._refresh()
        return True

    def remove_dot(self, requirement_id: str) -> bool:
        assert self.session is not None
        removed = self.session.unvote(self.current_voter, requirement_id)
        self._refresh()
        return removed

    def record(self) -> bool:
        """Write the counts in one undo step; False (and a message) if the project changed underneath."""
        assert self.session is not None
        switch = self._offer_switch and self.switch_check.isChecked()
        try:
            self.document.execute(apply_command(self.document.project, self.session, switch_framework=switch))
        except ValueError as exc:  # nothing was changed
            QMessageBox.warning(
                self, self.tr("Dot Voting"), self.tr("Could not record the votes: {error}").format(error=exc)
            )
            return False
        self.session = None  # recorded: closing no longer loses anything
        self.accept()
        return True

    # -- filling -------------------------------------------------------------------
    def _fill_voter_buttons(self) -> None:
        for button in self.voter_buttons.values():
            self.voter_group.removeButton(button)
        while self.voter_row.count():
            widget = self.voter_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.voter_buttons = {}
        assert self.session is not None
        for name in self.session.voters:
            button = QPushButton(name)
            button.setCheckable(True)
            button.setStyleSheet(
                f"QPushButton {{ padding: 6px 16px; font-size: {BOARD_POINT_SIZE}pt; }} "
                f"QPushButton:checked {{ background: {_ACCENT}; color: white; font-weight: bold; }}"
            )
            button.clicked.connect(functools.partial(self.set_current_voter, name))
            self.voter_group.addButton(button)
            self.voter_row.addWidget(button)
            self.voter_buttons[name] = button
        self.voter_row.addStretch(1)

    def _fill_board(self) -> None:
        self.board.setRowCount(len(self._candidates))
        for row, requirement in enumerate(self._candidates):
            title = QTableWidgetItem(requirement.title)
            title.setToolTip(requirement.title)
            self.board.setItem(row, 0, title)
            for column, text, slot in ((1, "−", self.remove_dot), (3, "+", self.add_dot)):
                button = QPushButton(text)
                button.setFixedSize(56, 48)
                button.setStyleSheet(f"font-size: {BOARD_POINT_SIZE + 7}pt; font-weight: bold;")
                button.setToolTip(self.tr("Take back a dot") if text == "−" else self.tr("Place a dot"))
                button.clicked.connect(functools.partial(slot, requirement.id))
                self.board.setCellWidget(row, column, button)
            for column in (2, 4):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.board.setItem(row, column, item)
        self.board.resizeRowsToContents()
        for row in range(self.board.rowCount()):
            self.board.setRowHeight(row, max(self.board.rowHeight(row), 58))

    def _refresh(self) -> None:
        session = self.session
        if session is None or not self.current_voter:
            return
        left = session.remaining(self.current_voter)
        dots = session.votes_per_voter
        self.remaining_label.setText(
            self.tr("{voter}: {marks}  {left} of {dots} dots left").format(
                voter=self.current_voter, marks=DOT * (dots - left) + NO_DOT * left, left=left, dots=dots
            )
        )
        for name, button in self.voter_buttons.items():
            text = f"{name} · {session.remaining(name)}"
            button.setText(text)
            # The checked voter's name is bold: size every button for bold text, or it is cut off.
            button.setMinimumWidth(QFontMetrics(_voter_font(button)).horizontalAdvance(text) + VOTER_PADDING)
        mine = session.voter_counts(self.current_voter)
        counts = session.counts()
        for row, requirement in enumerate(self._candidates):
            self.board.item(row, 2).setText(DOT * mine.get(requirement.id, 0))
            total = self.board.item(row, 4)
            total.setText(str(counts.get(requirement.id, 0)))
            bold = QFont(total.font())
            bold.setBold(requirement.id in counts)
            total.setFont(bold)
            self.board.cellWidget(row, 3).setEnabled(left > 0)
            self.board.cellWidget(row, 1).setEnabled(requirement.id in mine)
        self.board.resizeColumnToContents(2)
        self.undo_button.setText(self.tr("Undo {voter}'s last dot").format(voter=self.current_voter))
        self.undo_button.setEnabled(left < dots)
        self._fill_totals(counts)
        cast = session.total_cast
        self.record_button.setText(
            self.tr("Record 1 vote") if cast == 1 else self.tr("Record {count} votes").format(count=cast)
        )
        self.record_button.setEnabled(cast > 0)

    def _fill_totals(self, counts: dict[str, int]) -> None:
        # Most dots first; ties keep the project's order (sorted is stable).
        ordered = sorted(self._candidates, key=lambda r: -counts.get(r.id, 0))
        self.totals.setRowCount(len(ordered))
        for row, requirement in enumerate(ordered):
            count = counts.get(requirement.id, 0)
            number = QTableWidgetItem(str(count))
            number.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            title = QTableWidgetItem(requirement.title)
            title.setToolTip(requirement.title)
            for item in (number, title):
                font = QFont(item.font())
                font.setBold(count > 0 and row < 3)
                item.setFont(font)
                if not count:
                    item.setForeground(Qt.GlobalColor.gray)
            self.totals.setItem(row, 0, number)
            self.totals.setItem(row, 1, title)

    def totals_in_order(self) -> list[tuple[str, int]]:
        """(title, votes) as the live-totals table shows them, top first."""
        return [
            (self.totals.item(row, 1).text(), int(self.totals.item(row, 0).text()))
            for row in range(self.totals.rowCount())
        ]

    # -- slots ---------------------------------------------------------------------
    def _on_start_button_clicked(self) -> None:
        self.start_voting()

    def _on_undo_button_clicked(self) -> None:
        if self.session is not None:
            self.session.undo_last(self.current_voter)
            self._refresh()

    def _on_next_button_clicked(self) -> None:
        if self.session is not None:
            voters = self.session.voters
            self.set_current_voter(voters[(voters.index(self.current_voter) + 1) % len(voters)])

    def _on_back_button_clicked(self) -> None:
        if self.session is not None and self.session.total_cast and not self._confirm_discard():
            return
        self.pages.setCurrentIndex(0)

    def _on_full_screen_button_toggled(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def _on_record_button_clicked(self) -> None:
        self.record()

    def reject(self) -> None:
        if self.session is not None and self.session.total_cast and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        assert self.session is not None
        answer = QMessageBox.question(
            self,
            self.tr("Dot Voting"),
            self.tr("Discard the {count} dots cast so far? They have not been recorded.").format(
                count=self.session.total_cast
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


def _voter_font(button: QPushButton) -> QFont:
    """The font a voter button shows when checked: board size, bold."""
    font = QFont(button.font())
    font.setPointSize(BOARD_POINT_SIZE)
    font.setBold(True)
    return font
