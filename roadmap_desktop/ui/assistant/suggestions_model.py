"""The assistant's suggestions under review: one list model, each row a suggestion with its check box."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...llm.suggestions import ADAPTED, FACTS, LIBRARY, NEW, Suggestion, describe

Index = QModelIndex | QPersistentModelIndex


def origin_tag(suggestion: object) -> str:
    """Where a suggestion comes from, in a few words: "library CS03", "adapted from CS03", "new"."""
    if not isinstance(suggestion, Suggestion):
        return ""
    if suggestion.origin == LIBRARY:
        return (
            QCoreApplication.translate("SuggestionsModel", "library {id}").format(id=suggestion.source)
            if suggestion.source
            else QCoreApplication.translate("SuggestionsModel", "library")
        )
    if suggestion.origin == ADAPTED:
        return QCoreApplication.translate("SuggestionsModel", "adapted from {id}").format(id=suggestion.source)
    if suggestion.origin == NEW:
        return QCoreApplication.translate("SuggestionsModel", "new")
    if suggestion.origin == FACTS:
        return QCoreApplication.translate("SuggestionsModel", "from the project's figures")
    return ""


def grounds(suggestion: object) -> str:
    """The tooltip: why the suggestion is there and what it rests on."""
    if not isinstance(suggestion, Suggestion):
        return ""
    lines = []
    if suggestion.why:
        lines.append(QCoreApplication.translate("SuggestionsModel", "Why: {text}").format(text=suggestion.why))
    if suggestion.matched:
        lines.append(
            QCoreApplication.translate("SuggestionsModel", "Brief words it matches: {words}").format(
                words=", ".join(suggestion.matched)
            )
        )
    if suggestion.origin in (LIBRARY, ADAPTED) and suggestion.source:
        lines.append(
            QCoreApplication.translate(
                "SuggestionsModel", "Library entry {id}: its story, acceptance criteria, effort and scores come with it"
            ).format(id=suggestion.source)
        )
    elif suggestion.origin == NEW:
        lines.append(
            QCoreApplication.translate(
                "SuggestionsModel", "Not in the library: the model's own, kept because it shares the brief's words"
            )
        )
    return "\n".join(lines)


def _line(suggestion: object) -> str:
    tag = origin_tag(suggestion)
    return f"{describe(suggestion)}   [{tag}]" if tag else describe(suggestion)


def _key(suggestion: object, line: str) -> str:
    """What identifies a row across a re-parse: its library entry when it has one (the model may
    rewrite the title), else its line."""
    source = suggestion.source if isinstance(suggestion, Suggestion) else ""
    return f"source:{source}" if source else line


class SuggestionsModel(QAbstractListModel):
    """Suggestions in the order the model wrote them; new rows come checked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[object, str]] = []  # (suggestion, its line in the list)
        self._checked: list[bool] = []

    # -- Qt's interface ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][1]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return grounds(self._rows[index.row()][0]) or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index) or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if self._checked[index.row()] != checked:
            self._checked[index.row()] = checked
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def _valid(self, index: Index) -> bool:
        return index.isValid() and not index.parent().isValid() and 0 <= index.row() < len(self._rows)

    # -- the panel's interface -------------------------------------------------------------------
    def suggestions(self) -> list[object]:
        return [suggestion for suggestion, _line in self._rows]

    def checked(self) -> list[object]:
        return [suggestion for (suggestion, _line), on in zip(self._rows, self._checked, strict=True) if on]

    def is_checked(self, row: int) -> bool:
        return self._checked[row]

    def set_checked(self, row: int, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.setData(self.index(row), state, Qt.ItemDataRole.CheckStateRole)

    def extend(self, suggestions: Sequence[object]) -> None:
        """Show the suggestions beyond the rows already here (live ones, as they stream in)."""
        new = list(suggestions[len(self._rows) :])
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend((suggestion, _line(suggestion)) for suggestion in new)
        self._checked.extend(True for _ in new)
        self.endInsertRows()

    def reset(self, suggestions: Sequence[object], keep_unchecked: bool = False) -> None:
        """Show ``suggestions`` instead, all checked; with ``keep_unchecked`` a row the user unticked
        stays unticked when it is still there (the same library entry, or the same line): a re-parse
        of a streamed answer, or what is left after accepting some."""
        unticked = (
            {_key(s, line) for (s, line), on in zip(self._rows, self._checked, strict=True) if not on}
            if keep_unchecked
            else set()
        )
        self.beginResetModel()
        self._rows = [(suggestion, _line(suggestion)) for suggestion in suggestions]
        self._checked = [_key(s, line) not in unticked for s, line in self._rows]
        self.endResetModel()
