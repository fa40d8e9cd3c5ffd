"""Help > Keyboard Shortcuts: every shortcut of the window's actions, read from the actions themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ShortcutRow:
    keys: str  # every key of the action, as the platform writes them, joined by ", "
    command: str
    menu: str  # "File > Export" or "" for an action in no menu


def _plain(text: str) -> str:
    return re.sub(r"\(&\w\)|&(?=\w)", "", text).replace("&&", "&").rstrip(".…").strip()


def _menu_paths(window: QWidget) -> dict[int, str]:
    """id(action) -> the menu path that holds it, walking the menu bar (first place wins)."""
    paths: dict[int, str] = {}

    def walk(menu: QMenu, trail: list[str]) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, [*trail, _plain(sub.title())])
            elif not action.isSeparator():
                paths.setdefault(id(action), " > ".join(trail))

    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is not None:
        for action in bar.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, [_plain(sub.title())])
    return paths


def shortcut_rows(window: QWidget) -> list[ShortcutRow]:
    """Every action of ``window`` (and its docks and toolbars) that has a key: menu actions in menu order,
    then the rest by command."""
    paths = _menu_paths(window)
    order = {action_id: n for n, action_id in enumerate(paths)}
    seen: set[int] = set()
    found: list[tuple[int, ShortcutRow]] = []
    for action in window.findChildren(QAction):
        keys = [key for key in action.shortcuts() if not key.isEmpty()]
        if not keys or id(action) in seen or not action.text():
            continue
        seen.add(id(action))
        text = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
        row = ShortcutRow(text, _plain(action.text()), paths.get(id(action), ""))
        found.append((order.get(id(action), len(order)), row))
    found.sort(key=lambda pair: (pair[0], pair[1].command))
    return [row for _n, row in found]


class ShortcutsDialog(QDialog):
    """A table of command, menu and keys with a filter; generated, so it is never out of date."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.rows = shortcut_rows(window)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by command, menu or key"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Menu"), self.tr("Shortcut")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for n, row in enumerate(self.rows):
            for column, text in enumerate((row.command, row.menu, row.keys)):
                self.table.setItem(n, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 600)

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.casefold().strip()
        for n, row in enumerate(self.rows):
            haystack = f"{row.command} {row.menu} {row.keys}".casefold()
            self.table.setRowHidden(n, bool(needle) and needle not in haystack)
