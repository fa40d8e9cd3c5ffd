"""The facilitator's controls (lock editing, end the room) and what a guest sees of them: a one-line banner, the
editors read-only while the room is locked, and the project kept as their own copy once the room has ended."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSizePolicy, QToolBar

from ...qtmodels.document import ProjectDocument

_NO_EDITS = QAbstractItemView.EditTrigger.NoEditTriggers


class LiveBanner(QToolBar):
    """One line across the top of the window, above the editors."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("live_banner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not one of the toolbars a user switches on and off
        self.label = QLabel(self)
        self.label.setObjectName("live_banner_text")
        self.label.setStyleSheet("QLabel { background: #fff3bf; color: #3d2e00; padding: 4px 10px; }")
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(self.label)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.hide()

    def say(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(bool(text))


class GuestLock(QObject):
    """Makes the window's editing follow the room's lock: the document refuses edits (every way to edit goes
    through it), the tables open no editor, the details panels are disabled and undo waits."""

    def __init__(self, window, document: ProjectDocument, banner: LiveBanner) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.banner = banner
        self._triggers: dict = {}
        document.edit_refused.connect(window.show_error)

    def lock(self, locked: bool) -> None:
        reason = self.tr("The facilitator has locked editing: you can follow along, not change anything.")
        if locked == bool(self.document.read_only):
            return
        self.document.set_read_only(reason if locked else "")
        self.banner.say(reason if locked else "")
        for editor in getattr(self.window, "editors", {}).values():
            if locked:
                self._triggers[editor] = editor.table.editTriggers()
                editor.table.setEditTriggers(_NO_EDITS)
            elif editor in self._triggers:
                editor.table.setEditTriggers(self._triggers.pop(editor))
            details = getattr(editor, "details", None)
            if details is not None:
                details.setEnabled(not locked)
        undo_group = getattr(self.window, "undo_group", None)
        if undo_group is not None:
            undo_group.setActiveStack(None if locked else self.document.undo_stack)

    def ended(self) -> None:
        """The room has ended: the project stays open as this person's own copy, editable, to be saved."""
        self.lock(False)
        self.document.edit_refused.disconnect(self.window.show_error)
        self.document.mark_dirty()  # joined from a room it has no file yet: closing asks where to keep it
        self.banner.say(self.tr("The room has ended. This is your own copy now: File > Save As… keeps it."))
