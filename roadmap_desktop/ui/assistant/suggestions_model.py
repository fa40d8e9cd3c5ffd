"""The assistant's suggestions under review: one list model, each row a suggestion with its check box."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...llm.suggestions import describe

Index = QModelIndex | QPersistentModelIndex


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
        self._rows.extend((suggestion, describe(suggestion)) for suggestion in new)
        self._checked.extend(True for _ in new)
        self.endInsertRows()

    def reset(self, suggestions: Sequence[object], keep_unchecked: bool = False) -> None:
        """Show ``suggestions`` instead, all checked; with ``keep_unchecked`` a row the user unticked
        stays unticked where the same line is still in that place (the final parse of a streamed answer)."""
        unticked = (
            {(row, line) for row, ((_s, line), on) in enumerate(zip(self._rows, self._checked, strict=True)) if not on}
            if keep_unchecked
            else set()
        )
        self.beginResetModel()
        self._rows = [(suggestion, describe(suggestion)) for suggestion in suggestions]
        self._checked = [(row, line) not in unticked for row, (_s, line) in enumerate(self._rows)]
        self.endResetModel()
