"""The model list's server entries: models of servers already running on this computer (found in a
background thread, never blocking the window), and the texts that describe a server and its models."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ...llm.server_discovery import FoundServer, find_local_servers, local_ports
from ...llm.server_kinds import model_label

translate = QCoreApplication.translate
GENERIC_KIND = "openai"  # server_kinds.GENERIC.id
# Our own serve and plain llama-cpp-python keep the panel's first wording ("the model server").
PLAIN_KINDS = ("roadmap-desktop", GENERIC_KIND, "")


@dataclass(frozen=True)
class LocalServerModel:
    """One model of a server found on this computer: an entry of the model list."""

    url: str
    kind: str
    server: str  # the product name
    model: str
    detail: str
    schema_enforced: bool


def entries_of(servers: list[FoundServer]) -> list[LocalServerModel]:
    return [
        LocalServerModel(s.url, s.kind, s.name, model, detail, s.schema_enforced)
        for s in servers
        for model, detail in s.models
    ]


def server_name(kind: str, name: str) -> str:
    """The server's product name; an unknown one in the interface language."""
    if kind == GENERIC_KIND or not name:
        return translate("AssistantPanel", "an OpenAI-compatible server")
    return name


def entry_label(entry: LocalServerModel) -> str:
    return translate("AssistantPanel", "{model} · {server} on this computer").format(
        model=model_label(entry.model), server=server_name(entry.kind, entry.server)
    )


def entry_details(entry: LocalServerModel) -> str:
    text = translate("AssistantPanel", "{server} at {url}").format(
        server=server_name(entry.kind, entry.server), url=entry.url
    )
    if entry.detail:
        text += f" · {entry.detail}"
    if not entry.schema_enforced:
        text += "\n" + unenforced_text()
    return text


def unenforced_text() -> str:
    return translate(
        "AssistantPanel",
        "This server may not keep to the answer's format: drafts are checked and only their complete items kept.",
    )


def loaded_text(url: str, info: dict[str, Any]) -> str:
    """The status line once a server is connected: which model, on which server."""
    model = str(info.get("model_label") or info.get("model") or "")
    kind = str(info.get("server_kind") or "")
    if not model:
        return translate("AssistantPanel", "Using the model server {url}").format(url=url)
    if kind in PLAIN_KINDS:
        return translate("AssistantPanel", "Using {model} on the model server {url}").format(model=model, url=url)
    return translate("AssistantPanel", "Using {model} on {server} at {url}").format(
        model=model, server=server_name(kind, str(info.get("server_name") or "")), url=url
    )


def notes_text(info: dict[str, Any]) -> list[str]:
    """The load notes in the interface language: the remote engine words the schema note in English."""
    notes = [str(n) for n in (info.get("notes") or []) if n]
    if info.get("remote") and info.get("schema_enforced") is False:
        notes = [n for n in notes if "JSON schema" not in n] + [unenforced_text()]
    return notes


class LocalServerFinder(QObject):
    """Looks for servers on this computer's usual ports in a thread; ``servers_found`` brings the
    result back to the window's thread (a queued signal)."""

    servers_found = Signal(object)  # list[FoundServer]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def searching(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        """Start a search unless one runs or no port is to be searched; True when one started."""
        if self.searching or not local_ports():
            return False
        self._thread = threading.Thread(target=self._search, name="local-model-servers", daemon=True)
        self._thread.start()
        return True

    def wait(self, seconds: float) -> bool:
        """Wait for a running search (tests, shutdown); True when none runs any more."""
        if self._thread is not None:
            self._thread.join(seconds)
        return not self.searching

    def _search(self) -> None:
        try:
            servers = find_local_servers()
        except Exception:  # a search is a convenience: it must never take the window down
            servers = []
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.servers_found.emit(servers)
