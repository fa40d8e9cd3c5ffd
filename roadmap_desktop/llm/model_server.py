"""What `roadmap-desktop serve` runs: llama-cpp-python's app for one model, behind the request guard, in uvicorn.

Needs the optional ``server`` extra (uvicorn, fastapi, ...). The model is loaded by ``build_app``,
before anything is announced, so a model llama.cpp refuses is one line; ``run`` then serves until
Ctrl+C or SIGTERM, which uvicorn turns into a clean shutdown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .request_checks import Limits
from .request_guard import RequestGuard

LIMIT_CONCURRENCY = 64  # open connections; uvicorn answers 503 beyond
KEEP_ALIVE_SECONDS = 5
MAX_HEADER_BYTES = 16 * 1024  # of a request's head (h11's incomplete-event limit)


@dataclass(frozen=True)
class ServeOptions:
    model: Path
    host: str
    port: int
    n_ctx: int
    n_threads: int
    n_gpu_layers: int
    api_key: str | None = None
    verbose: bool = False


def build_app(options: ServeOptions) -> RequestGuard:
    """Load the model and wrap llama-cpp-python's app in the request guard; EngineError in one line."""
    from .engine import create_server_app  # llama.cpp: the only module that imports it

    inner = create_server_app(
        options.model,
        alias=options.model.name,
        n_ctx=options.n_ctx,
        n_threads=options.n_threads,
        n_gpu_layers=options.n_gpu_layers,
        verbose=options.verbose,
    )
    log = logging.getLogger("uvicorn.error").warning
    return RequestGuard(
        inner,
        model_alias=options.model.name,
        limits=Limits.for_context(options.n_ctx),
        api_key=options.api_key,
        log=log,
    )


def uvicorn_options(room_connections: int = 0) -> dict[str, Any]:
    """uvicorn's settings for the model server; ``room_connections`` more open connections when a room shares the
    port (`serve --room`, whose room adds its WebSocket settings)."""
    return {
        "http": "h11",  # bounded request heads; the same parser on every platform
        "lifespan": "off",  # the model is loaded already
        "limit_concurrency": LIMIT_CONCURRENCY + room_connections,
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        "server_header": False,
        "log_level": "info",
    }


def run(app: Any, host: str, port: int) -> None:
    """Serve until the process is asked to stop (commandline.common.serve_until_stopped handles the signals);
    raises SystemExit when the address cannot be taken (uvicorn has said why in one line)."""
    import uvicorn

    config = uvicorn.Config(app, host=host, port=port, ws="none", **uvicorn_options())
    uvicorn.Server(config).run()
