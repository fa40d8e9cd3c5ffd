"""Model servers already running on this computer: Ollama (port 11434), LM Studio (1234), llama.cpp's
llama-server or ``roadmap-desktop serve`` (8080), found with short timeouts so the assistant can
offer their models in its model list. Blocking: call it from a background thread.

``$ROADMAP_DESKTOP_SERVER_PORTS`` replaces the ports ("11434,1234"; empty: look for none).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .engine_api import EngineError
from .remote_engine import RemoteEngine

LOCAL_PORTS = (11434, 1234, 8080)
PORTS_ENV = "ROADMAP_DESKTOP_SERVER_PORTS"
HOST = "127.0.0.1"
CONNECT_SECONDS = 0.5  # loopback refuses a closed port at once; this bounds a firewall's silence
ANSWER_SECONDS = 2.0  # for each answer (the model list, a probe): a busy server is left for later
MAX_MODELS = 12  # per server in the model list; all of them stay reachable through Model server…


@dataclass(frozen=True)
class FoundServer:
    """A server that answered, with the chat models it offers (id, detail line)."""

    url: str
    kind: str  # server_kinds.ServerKind.id
    name: str  # its product name
    schema_enforced: bool
    models: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def from_info(cls, info: dict[str, Any]) -> FoundServer:
        served = info.get("served") or [{"id": info.get("model") or "", "detail": ""}]
        models = [(str(m["id"]), str(m.get("detail") or "")) for m in served if m.get("id")][:MAX_MODELS]
        return cls(
            url=str(info["path"]),
            kind=str(info.get("server_kind") or ""),
            name=str(info.get("server_name") or ""),
            schema_enforced=bool(info.get("schema_enforced")),
            models=models,
        )


def local_ports() -> tuple[int, ...]:
    """LOCAL_PORTS, or the ones ``$ROADMAP_DESKTOP_SERVER_PORTS`` names (its numbers; empty: none)."""
    raw = os.environ.get(PORTS_ENV)
    if raw is None:
        return LOCAL_PORTS
    return tuple(int(p) for p in raw.replace(",", " ").split() if p.isdigit() and 0 < int(p) < 65536)


def probe_server(url: str) -> FoundServer | None:
    """The server at ``url`` and its models, or None when nothing usable answers there in time."""
    engine = RemoteEngine(timeout=CONNECT_SECONDS, request_timeout=ANSWER_SECONDS)
    try:
        info = engine.load(url)
    except EngineError:
        return None
    finally:
        engine.close()
    found = FoundServer.from_info(info.as_dict())
    return found if found.models else None


def find_local_servers(ports: tuple[int, ...] | None = None, host: str = HOST) -> list[FoundServer]:
    """The servers answering on ``ports`` of this computer (default: local_ports()), in port order;
    they are asked at the same time, so this takes at most a few seconds however many are silent."""
    ports = local_ports() if ports is None else ports
    if not ports:
        return []
    with ThreadPoolExecutor(max_workers=len(ports), thread_name_prefix="server-discovery") as pool:
        found = list(pool.map(probe_server, [f"http://{host}:{port}" for port in ports]))
    return [server for server in found if server is not None]
