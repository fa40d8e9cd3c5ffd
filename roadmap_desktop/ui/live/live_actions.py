"""File > Share Live… and File > Join Live…, and the Live panel (who is here, which row each has selected)."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLabel, QListWidget, QVBoxLayout, QWidget

from ...collab.addresses import port_free
from ...collab.client import RoomRefused, room_url
from ...collab.room_server import new_code
from ...crdt.project_builder import project_from_shared
from ...crdt.shared_project import SharedProject
from ...qtmodels.document import ProjectDocument
from .live_session import LiveSession, fetch_room
from .share_dialog import ShareLiveDialog

DEFAULT_PORT = 8765


class LivePanel(QDockWidget):
    """Who is in the room and which row each person has selected."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("live_panel")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        self.people = QListWidget(body)
        layout.addWidget(self.status)
        layout.addWidget(self.people)
        self.setWidget(body)
        self.setWindowTitle(self.tr("Live"))

    def show_presence(self, states: dict, project) -> None:
        self.people.clear()
        for state in states.values():
            if not isinstance(state.get("user"), dict):
                continue  # the room's own presence, not a person
            name = str(state["user"].get("name") or self.tr("someone"))[:60]
            selection = state.get("selection") or {}
            entity = project.find(selection.get("kind", ""), selection.get("id", "")) if selection else None
            where = entity.display_name()[:60] if entity is not None else ""
            self.people.addItem(f"{name} — {where}" if where else name)


class LiveActions(QObject):
    """Owns the window's live session (at most one)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session: LiveSession | None = None
        self.panel: LivePanel | None = None
        self.share_action = QAction(window)
        self.share_action.triggered.connect(self.share)
        self.join_action = QAction(window)
        self.join_action.triggered.connect(self.join)
        self.retranslate()

    def retranslate(self) -> None:
        self.share_action.setText(self.tr("Share &Live…"))
        self.share_action.setStatusTip(self.tr("Let others on the local network edit this project with you"))
        self.join_action.setText(self.tr("&Join Live…"))
        self.join_action.setStatusTip(self.tr("Edit a project someone shares live on the local network"))

    def _name(self) -> str:
        try:
            return getpass.getuser()
        except Exception:
            return "me"

    def share(self) -> None:
        document = self.window.document
        if document is None or self.session is not None:
            return
        host, ok = QInputDialog.getText(
            self.window, self.tr("Share Live"), self.tr("Listen on (0.0.0.0: the local network):"), text="0.0.0.0"
        )
        if not ok:
            return
        host = host.strip() or "127.0.0.1"
        port, ok = QInputDialog.getInt(
            self.window,
            self.tr("Share Live"),
            self.tr("Port (others type it after the address):"),
            DEFAULT_PORT,
            1024,
            65535,
        )
        if not ok:
            return
        if not port_free(host, port):
            self.window.show_error(
                self.tr("Port {0} is in use (another room or server?): choose another.").replace("{0}", str(port))
            )
            return
        code = new_code()
        self.session = LiveSession.host(document.project, document.path, code, host, port, self._name())
        self._bind(document)
        ShareLiveDialog(self.window, host, port, code).exec()

    def join(self) -> None:
        if self.session is not None:
            return
        address, ok = QInputDialog.getText(self.window, self.tr("Join Live"), self.tr("Address (host:port):"))
        if not ok or not address.strip():
            return
        code, ok = QInputDialog.getText(self.window, self.tr("Join Live"), self.tr("Join code:"))
        if not ok:
            return
        try:
            url = room_url(address, code)
            state = fetch_room(url)
        except RoomRefused:
            self.window.show_error(self.tr("The room refused the join code."))
            return
        except (ValueError, TimeoutError, OSError) as exc:
            self.window.show_error(self.tr("Could not join: {0}").replace("{0}", str(exc)))
            return
        if not self.window.files.maybe_save():
            return
        project, _problems = project_from_shared(SharedProject.from_update(state))
        document = ProjectDocument(project)
        self.window.files.set_document(document)
        self.session = LiveSession(project, url, self._name())
        self._bind(document)

    def _bind(self, document: ProjectDocument) -> None:
        assert self.session is not None
        if self.panel is None:
            self.panel = LivePanel(self.window)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.show()
        session = self.session
        session.status_changed.connect(self.panel.status.setText)
        session.presence_changed.connect(
            lambda states: self.panel and self.panel.show_presence(states, document.project)
        )
        for kind, editor in getattr(self.window, "editors", {}).items():
            editor.table.selectionModel().selectionChanged.connect(
                lambda *_a, kind=kind, editor=editor: self._on_selection(kind, editor)
            )
        document.destroyed.connect(self.leave)

    def _on_session_presence_changed(self, states: dict) -> None:
        if self.panel is not None and self.session is not None:
            self.panel.show_presence(states, self.session.project)

    def _on_selection(self, kind: str, editor) -> None:
        if self.session is not None:
            ids = editor.selected_ids()
            self.session.select(kind, ids[0] if ids else "")

    def leave(self, *_args) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
