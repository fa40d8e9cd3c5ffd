"""File > Share Live… and File > Join Live…, and the Live panel (who is here, which row each has selected; for the
facilitator, Lock editing and End Room)."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...collab.addresses import port_free
from ...collab.client import RoomEnded, RoomRefused, room_url
from ...collab.room_server import new_code
from ...crdt.project_builder import project_from_shared
from ...crdt.shared_project import SharedProject
from ...qtmodels.document import ProjectDocument
from .live_session import LiveSession, fetch_room
from .room_control import GuestLock, LiveBanner
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
        self.lock_box = QCheckBox(body)  # the facilitator's: guests may look but not edit
        self.end_button = QPushButton(body)
        layout.addWidget(self.status)
        layout.addWidget(self.people)
        layout.addWidget(self.lock_box)
        layout.addWidget(self.end_button)
        self.setWidget(body)
        self.retranslate()
        self.set_hosting(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Live"))
        self.lock_box.setText(self.tr("Lock editing (guests can only look)"))
        self.end_button.setText(self.tr("End Room…"))
        self.end_button.setToolTip(self.tr("End the room for everyone; each guest keeps a copy"))

    def set_hosting(self, hosting: bool) -> None:
        self.lock_box.setVisible(hosting)
        self.end_button.setVisible(hosting)
        self.lock_box.setEnabled(hosting)
        self.end_button.setEnabled(hosting)
        if not hosting:
            self.lock_box.setChecked(False)

    def names(self, states: dict) -> list[str]:
        return [str(s["user"].get("name") or self.tr("someone"))[:60] for s in states.values() if _person(s)]

    def show_presence(self, states: dict, project) -> None:
        self.people.clear()
        for state in states.values():
            if not _person(state):
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
        self.banner: LiveBanner | None = None
        self.guest_lock: GuestLock | None = None
        self.presenter = None  # the presenter view, shown who is here and the votes while a room is live
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
        if self.panel is not None:
            self.panel.retranslate()

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
        except RoomEnded:
            self.window.show_error(self.tr("That room has ended."))
            return
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
            self.panel.lock_box.toggled.connect(self._on_lock_box_toggled)
            self.panel.end_button.clicked.connect(self._on_end_button_clicked)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.show()
        session = self.session
        self.panel.set_hosting(session.hosting)
        if self.banner is None:
            self.banner = LiveBanner(self.window)
        self.banner.say("")
        self.guest_lock = None if session.hosting else GuestLock(self.window, document, self.banner)
        session.status_changed.connect(self._on_session_status_changed)
        session.presence_changed.connect(self._on_session_presence_changed)
        session.room_state_changed.connect(self._on_session_room_state_changed)
        self._show_live()
        for kind, editor in getattr(self.window, "editors", {}).items():
            editor.table.selectionModel().selectionChanged.connect(
                lambda *_a, kind=kind, editor=editor: self._on_selection(kind, editor)
            )
        document.destroyed.connect(self._on_document_destroyed)

    def _on_session_presence_changed(self, states: dict) -> None:
        if self.panel is not None and self.session is not None:
            self.panel.show_presence(states, self.session.project)
        self._show_live()

    def _on_session_status_changed(self, status: str) -> None:
        if self.panel is not None:
            self.panel.status.setText(status)
        if status == "ended" and self.session is not None:
            self._on_room_ended()

    def _on_session_room_state_changed(self, state: dict) -> None:
        if self.guest_lock is not None:
            self.guest_lock.lock(bool(state.get("read_only")))
        if self.panel is not None and self.session is not None and self.session.hosting:
            self.panel.lock_box.setChecked(bool(state.get("read_only")))
        self._show_live()

    def _on_lock_box_toggled(self, locked: bool) -> None:
        if self.session is not None and self.session.hosting and locked != self.session.room_state["read_only"]:
            self.session.set_read_only(locked)

    def _on_end_button_clicked(self) -> None:
        if self.session is None or not self.session.hosting:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("End Room"),
            self.tr("End the room for everyone? Each guest keeps a copy of the project; your file is saved."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.end_room()

    def _on_room_ended(self) -> None:
        hosting = self.session is not None and self.session.hosting
        if self.guest_lock is not None:
            self.guest_lock.ended()
        elif self.banner is not None:
            self.banner.say(self.tr("You ended the room; the file is saved."))
        self.leave()
        if self.panel is not None:
            self.panel.set_hosting(False)
            self.panel.status.setText(self.tr("The room has ended."))
            self.panel.people.clear()
        self.window.show_info(self.tr("The room has ended.") if not hosting else self.tr("You ended the room."))

    # -- the presenter view -------------------------------------------------------------------
    def attach_presenter(self, presenter) -> None:
        """The presenter view shows who is here, the votes and the lock while a room is live."""
        self.presenter = presenter
        self._show_live()

    def _show_live(self) -> None:
        presenter = self.presenter
        if presenter is None or not hasattr(presenter, "set_live"):
            return
        session = self.session
        if session is None or self.panel is None:
            presenter.set_live(None, False)
        else:
            presenter.set_live(self.panel.names(session.people), bool(session.room_state.get("read_only")))

    def _on_selection(self, kind: str, editor) -> None:
        if self.session is not None:
            ids = editor.selected_ids()
            self.session.select(kind, ids[0] if ids else "")

    def _on_document_destroyed(self, *_args) -> None:
        self.leave()
        if self.banner is not None:  # "the room has ended" spoke of that document
            self.banner.say("")

    def leave(self, *_args) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        self.guest_lock = None
        self._show_live()


def _person(state: object) -> bool:
    return isinstance(state, dict) and isinstance(state.get("user"), dict)
