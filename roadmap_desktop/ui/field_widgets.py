"""Editor widgets for each field kind, shared by the table delegate and the details panel."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QDoubleValidator, QFocusEvent, QIntValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from ..domain.dates import FIRST_DATE, LAST_DATE
from ..domain.fields import FieldKind, FieldSpec, format_value
from ..domain.project import Project
from ..qtmodels.labels import choice_label

# The date edit's "no date" value, shown as a dash: the day before the first supported date, so every
# supported date (1900-01-01 included) stays a date.
_NO_DATE = QDate(FIRST_DATE.year, FIRST_DATE.month, FIRST_DATE.day).addDays(-1)
_LAST = QDate(LAST_DATE.year, LAST_DATE.month, LAST_DATE.day)


class DateEdit(QDateEdit):
    """A date edit that can also hold "no date"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDateRange(_NO_DATE, _LAST)
        self.setSpecialValueText("—")

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else _NO_DATE)

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == _NO_DATE else date.toPython()  # type: ignore[return-value]


class CommitPlainTextEdit(QPlainTextEdit):
    """Multi-line text that reports a commit when it loses focus."""

    committed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


def choice_combo(spec: FieldSpec, parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    for value in spec.choices:
        combo.addItem(choice_label(value, spec) or "—", value)  # the interface language, not the project's
    return combo


def ref_combo(project: Project, spec: FieldSpec, parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("—", "")
    for entity in project.collection(spec.ref_kind or ""):
        combo.addItem(entity.display_name(), entity.id)
    return combo


def number_edit(spec: FieldSpec, parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    low = spec.minimum if spec.minimum is not None else -1e12
    high = spec.maximum if spec.maximum is not None else 1e12
    if spec.kind is FieldKind.INT:
        edit.setValidator(QIntValidator(int(low), int(high), edit))
    else:
        validator = QDoubleValidator(low, high, 3, edit)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        edit.setValidator(validator)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    if not spec.required:
        edit.setPlaceholderText("—")
    return edit


def number_text(spec: FieldSpec, value: object) -> str:
    return "" if value is None else format_value(spec, value)


def set_combo_value(combo: QComboBox, value: object) -> None:
    position = combo.findData(value)
    combo.setCurrentIndex(position if position >= 0 else 0)
