"""`roadmap-desktop serve`: one model server for the workshop room (llama-cpp-python's OpenAI-compatible server).

Everything that can be checked before the model loads is checked first (model file header, the
optional ``server`` extra, the port, the key), each failure one line and exit code 2; then the
model loads (llm/model_server.py), and only a model that loaded is announced. The server runs in
this process behind the request guard (llm/request_guard.py): beyond this computer it needs a key.
"""

from __future__ import annotations

import argparse
import errno
import importlib.util
import ipaddress
import os
import socket
import sys
from pathlib import Path
from typing import Any

from ..collab.addresses import lan_addresses
from ..crdt.dot_votes import DEFAULT_DOTS_PER_PERSON as DEFAULT_DOTS
from .common import API_KEY_ENV, CommandError, fail, positive_int, serve_until_stopped

NAME = "serve"
HELP = "serve a model to the assistant on other computers of the local network"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
ROOM_CONNECTIONS = 200  # with --room: the room's WebSockets, beside the model server's own connections
# The server extra's modules (llama-cpp-python[server]); llama_cpp itself is a core dependency.
SERVER_MODULES = ("uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings")
INSTALL_HINT = (
    "the server needs the optional extra: pip install 'roadmap-desktop[server]' "
    "(in a checkout: .venv/bin/pip install -e '.[server]', or run packaging/setup.sh)"
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="PATH", help="a .gguf file (default: the bundled SmolLM2 model)")
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}: this computer only; 0.0.0.0: the local network)",
    )
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--n-ctx", type=positive_int, default=4096, metavar="N", help="context length")
    parser.add_argument("--threads", type=positive_int, metavar="N", help="CPU threads (default: cores - 1)")
    parser.add_argument(
        "--gpu-layers",
        type=int,
        metavar="N",
        help="layers to offload to the GPU (default: all when this llama.cpp build supports a GPU, else 0)",
    )
    parser.add_argument(
        "--api-key",
        metavar="KEY",
        help=f"the key the laptops must send (default: ${API_KEY_ENV}, else a new one is printed at start; "
        "required beyond this computer)",
    )
    parser.add_argument("--verbose", action="store_true", help="show llama.cpp's own log")
    parser.add_argument(
        "--room",
        metavar="FILE",
        help="also share this .roadmap live on the same address (File > Join Live…, the phone page at /)",
    )
    from .room import add_sharing_options  # room.py imports this module: here, once both are loaded

    add_sharing_options(parser)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1-65535, not {value}")
    return value


def missing_server_modules() -> list[str]:
    return [name for name in SERVER_MODULES if importlib.util.find_spec(name) is None]


def check_port_free(host: str, port: int) -> None:
    """Bind and release the address now, so a taken port fails in one line before the model loads."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise CommandError(f"--host {host}: not an address of this computer") from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # As uvicorn does: a port whose old connections are still closing (TIME_WAIT) is free.
        if os.name != "nt":  # on Windows the flag lets two servers share a port
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE or getattr(exc, "winerror", None) == 10048:
                raise CommandError(
                    f"port {port} on {host} is in use (another server?); choose one with --port"
                ) from None
            raise CommandError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def urls(host: str, port: int) -> tuple[list[str], list[str]]:
    """(addresses for this computer, addresses for the other computers of the network)."""

    def url(name: str) -> str:
        return f"http://[{name}]:{port}" if ":" in name else f"http://{name}:{port}"

    if host in ("0.0.0.0", "::", ""):
        return [url("127.0.0.1")], [url(address) for address in lan_addresses()]
    if host in ("localhost", "::1") or host.startswith("127."):
        return [url(host)], []
    return [url(host)], [url(host)]


def is_loopback(host: str) -> bool:
    """True when ``host`` is an address of this computer only (nobody else can connect)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0].split("%")[0]).is_loopback for info in infos)


def choose_key(given: str | None, host: str) -> tuple[str | None, bool]:
    """(the key to require, whether it was generated here). Without a key given, one is generated
    when the server is reachable beyond this computer; on this computer only, none is required."""
    from ..llm.server_key import generate_key, key_problem

    key = given if given is not None else os.environ.get(API_KEY_ENV) or None
    if key is not None:
        key = key.strip()
        if problem := key_problem(key):
            source = "--api-key" if given is not None else f"${API_KEY_ENV}"
            raise CommandError(f"{source}: {problem}")
        return key, False
    if is_loopback(host):
        return None, False
    return generate_key(), True


def banner(model: Path, info, args: argparse.Namespace, key: str | None, generated: bool) -> list[str]:
    from ..llm.catalog import estimate_memory, format_bytes
    from ..llm.engine import gpu_offload_supported

    gpu = gpu_offload_supported() and args.gpu_layers != 0
    here, network = urls(args.host, args.port)
    device = "GPU" if gpu else f"CPU, {args.threads} thread{'s' if args.threads > 1 else ''}"
    memory = format_bytes(estimate_memory(info, args.n_ctx).total_bytes)
    lines = [
        f"Serving {model.name} ({info.parameters_label} parameters, context {args.n_ctx}, {device}, "
        f"about {memory} of memory)",
        *(f"  on this computer:      {u}" for u in here),
        *(f"  on the local network:  {u}" for u in network),
    ]
    if key is not None:
        shown = key if generated else "the one given (--api-key or $" + API_KEY_ENV + ")"
        lines.append(f"  key:                   {shown}")
    if not network:
        lines.append("  only this computer can connect; --host 0.0.0.0 serves the local network")
    elif args.host in ("0.0.0.0", "::"):
        lines.append("  (a firewall on this computer must allow incoming connections to that port)")
    step = "then type the address and the key" if key is not None else "then type the address"
    lines.append(f"In the app: Assistant > Model > Model server…, {step}. Stop with Ctrl+C.")
    if generated:
        lines.append(f"  (a new key at each start; --api-key or ${API_KEY_ENV} keeps one)")
    return lines


def run(args: argparse.Namespace) -> int:
    from ..llm.catalog import ModelFileError, read_model_info
    from ..llm.engine_api import EngineError
    from ..llm.probe import check_model_for_server
    from ..persistence.errors import ProjectFileError
    from .assist import default_model

    model = Path(args.model) if args.model else default_model()
    try:
        shared = _room_to_share(args)  # the room's file and code, checked before the model loads
        info = read_model_info(model)  # header check: missing, not GGUF, truncated, values llama.cpp asserts on
        if missing_server_modules():
            raise CommandError(INSTALL_HINT)
        check_port_free(args.host, args.port)
        key, generated = choose_key(args.api_key, args.host)
        # Last, as it may take a while: a test load in a child process (a model that crashes or that
        # llama.cpp rejects) and its chat templates, refused here in one line, not after the banner.
        info = check_model_for_server(model, on_probe=lambda: print(f"note: checking {model.name}", file=sys.stderr))
    except (ModelFileError, CommandError, ProjectFileError) as exc:
        return fail(str(exc))
    from ..llm import model_server
    from ..llm.engine import default_threads, gpu_offload_supported

    args.threads = args.threads or default_threads()
    if args.gpu_layers is None:
        args.gpu_layers = -1 if gpu_offload_supported() else 0
    options = model_server.ServeOptions(
        model=model,
        host=args.host,
        port=args.port,
        n_ctx=args.n_ctx,
        n_threads=args.threads,
        n_gpu_layers=args.gpu_layers,
        api_key=key,
        verbose=args.verbose,
    )
    try:
        app = model_server.build_app(options)
    except EngineError as exc:
        return fail(str(exc))
    if shared is None:
        print("\n".join(banner(model, info, args, key, generated)), flush=True)
        return serve_until_stopped(lambda: model_server.run(app, args.host, args.port), lambda: None)
    lines = banner(model, info, args, key, generated)
    return _serve_with_room(app, shared, args, lines)


def _room_to_share(args: argparse.Namespace) -> tuple[Any, Path, str] | None:
    """(the loaded project, its file, the join code) for --room; None without it. --code, --read-only and --dots
    belong to --room."""
    if args.room is None:
        if args.code is not None or args.read_only or args.dots != DEFAULT_DOTS:
            raise CommandError("--code, --read-only and --dots go with --room FILE (the project to share)")
        return None
    from ..collab.room_server import code_problem, new_code
    from ..persistence.project_file import load_project

    if args.code is not None and (problem := code_problem(args.code)):
        raise CommandError(f"--code: {problem}")
    file = Path(args.room)
    return load_project(file), file, args.code or new_code()


def _serve_with_room(app: Any, shared: tuple[Any, Path, str], args: argparse.Namespace, lines: list[str]) -> int:
    """The model server and the room on one uvicorn server: the room's paths go to the room, the rest to the
    request guard (collab/shared_port.py); one banner for both; saves the room's file as `room` does."""
    import asyncio

    from ..collab.room_server import Room
    from ..collab.shared_port import SharedPort
    from ..llm.model_server import uvicorn_options
    from .room import banner as room_banner

    loaded, file, code = shared

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    room = Room(
        loaded.project, file, code, log=log, older=loaded.older, dots_per_person=args.dots, read_only=args.read_only
    )
    lines += room_banner(args.host, args.port, code, file, sys.stdout.isatty(), args.read_only, beside_model=True)
    started = lambda: print("\n".join(lines), flush=True)  # noqa: E731
    options = uvicorn_options(room_connections=ROOM_CONNECTIONS)
    serving = room.serve(args.host, args.port, started, app=SharedPort(room, app), options=options)
    return serve_until_stopped(lambda: asyncio.run(serving), room.stop)
