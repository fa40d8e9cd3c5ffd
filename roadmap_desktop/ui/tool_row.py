"""A row of buttons and fields above a view that never cuts a label: what does not fit moves to its » menu."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QToolBar, QWidget


class ToolRow(QToolBar):
    """A QToolBar used as a plain row: not movable, no frame. Unlike a QHBoxLayout, which squeezes
    buttons until their text is elided ("Aut…ule"), a tool bar gives each widget its size hint and
    moves the ones that do not fit into the extension menu at its end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setIconSize(QSize(16, 16))
        self.setStyleSheet("QToolBar { border: none; spacing: 4px; padding: 0px; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def insert_widget(self, position: int, widget: QWidget) -> None:
        """Put ``widget`` before the item at ``position`` (at the end past the last)."""
        actions = self.actions()
        if position < len(actions):
            self.insertWidget(actions[position], widget)
        else:
            self.addWidget(widget)

    def add_stretch(self) -> QWidget:
        """Room that pushes the items after it to the right end."""
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        return spacer


def fit_field_width(edit: QLineEdit, low: int = 120, high: int = 200) -> None:
    """A filter or search box wide enough to read its placeholder (within ``low``..``high`` pixels)
    and free to grow: a tool row never squeezes it to "Filt…"."""
    needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 48  # frame and clear button
    edit.setMinimumWidth(max(low, min(needed, high)))
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
