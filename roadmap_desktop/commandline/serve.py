"""`roadmap-desktop serve`: one model server for the workshop room (llama-cpp-python's OpenAI-compatible server).

The server is llama-cpp-python's own program (``python -m llama_cpp.server``, the optional
``server`` extra), which this command checks for, configures and then becomes (``exec``): signals
go straight to its uvicorn, which shuts down cleanly on Ctrl+C or SIGTERM, and no second process
can be left behind. Running it as a program rather than importing it keeps llm/engine.py the only
module of the app that imports llama_cpp.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib.util
import os
import socket
import subprocess
import sys
from pathlib import Path

from .common import CommandError, fail, positive_int

NAME = "serve"
HELP = "serve a model to the assistant on other computers of the local network"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
# The server extra's modules (llama-cpp-python[server]); llama_cpp itself is a core dependency.
SERVER_MODULES = ("uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings")
INSTALL_HINT = (
    "the server needs the optional extra: pip install 'roadmap-desktop[server]' "
    "(in a checkout: .venv/bin/pip install -e '.[server]', or run packaging/setup.sh)"
)
# Environment variables llama_cpp.server reads over its command line (HOST and PORT in its
# __main__, CONFIG_FILE in create_app) or that would lock the laptops out (API_KEY).
_OVERRIDING_ENV = ("CONFIG_FILE", "HOST", "PORT", "API_KEY")


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
    parser.add_argument("--verbose", action="store_true", help="show llama.cpp's own log")


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


def lan_addresses() -> list[str]:
    """This computer's address on the local network, found without sending anything: connecting a
    UDP socket only asks the routing table which interface it would use."""
    found: list[str] = []
    for target in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect((target, 9))
            address = probe.getsockname()[0]
            if address and not address.startswith(("127.", "0.")) and address not in found:
                found.append(address)
    return found


def urls(host: str, port: int) -> tuple[list[str], list[str]]:
    """(addresses for this computer, addresses for the other computers of the network)."""

    def url(name: str) -> str:
        return f"http://[{name}]:{port}" if ":" in name else f"http://{name}:{port}"

    if host in ("0.0.0.0", "::", ""):
        return [url("127.0.0.1")], [url(address) for address in lan_addresses()]
    if host in ("localhost", "::1") or host.startswith("127."):
        return [url(host)], []
    return [url(host)], [url(host)]


def server_command(args: argparse.Namespace, model: Path, threads: int, gpu_layers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--model_alias",
        model.name,  # what /v1/models shows the laptops: the file name, not this computer's paths
        "--host",
        args.host,
        "--port",
        str(args.port),
        "--n_ctx",
        str(args.n_ctx),
        "--n_threads",
        str(threads),
        "--n_threads_batch",
        str(threads),
        "--n_gpu_layers",
        str(gpu_layers),
        # Queue the laptops' requests: by default a new request cuts off the one streaming.
        "--interrupt_requests",
        "false",
        "--logits_all",
        "false",  # only the last token's logits are needed; faster prompt evaluation
        "--verbose",
        "true" if args.verbose else "false",
    ]


def run(args: argparse.Namespace) -> int:
    from ..llm.catalog import ModelFileError, estimate_memory, format_bytes, read_model_info
    from ..llm.probe import check_model_for_server
    from .assist import default_model

    model = Path(args.model) if args.model else default_model()
    try:
        info = read_model_info(model)  # header check: missing, not GGUF, truncated, values llama.cpp asserts on
        if missing_server_modules():
            raise CommandError(INSTALL_HINT)
        check_port_free(args.host, args.port)
        # Last, as it may take a while: a test load in a child process (a model that crashes or that
        # llama.cpp rejects) and its chat templates, refused here in one line, not after the banner.
        info = check_model_for_server(model, on_probe=lambda: print(f"note: checking {model.name}", file=sys.stderr))
    except ModelFileError as exc:
        return fail(str(exc))
    except CommandError as exc:
        return fail(str(exc))
    from ..llm.engine import default_threads, gpu_offload_supported

    threads = args.threads or default_threads()
    gpu = gpu_offload_supported()
    gpu_layers = args.gpu_layers if args.gpu_layers is not None else (-1 if gpu else 0)
    here, network = urls(args.host, args.port)
    device = "GPU" if gpu and gpu_layers else f"CPU, {threads} thread{'s' if threads > 1 else ''}"
    memory = format_bytes(estimate_memory(info, args.n_ctx).total_bytes)
    lines = [
        f"Serving {model.name} ({info.parameters_label} parameters, context {args.n_ctx}, {device}, "
        f"about {memory} of memory)",
        *(f"  on this computer:      {u}" for u in here),
        *(f"  on the local network:  {u}" for u in network),
    ]
    if not network:
        lines.append("  only this computer can connect; --host 0.0.0.0 serves the local network")
    elif args.host in ("0.0.0.0", "::"):
        lines.append("  (a firewall on this computer must allow incoming connections to that port)")
    lines.append("In the app: Assistant > Model > Model server…, then type the address. Stop with Ctrl+C.")
    print("\n".join(lines), flush=True)
    env = {key: value for key, value in os.environ.items() if key.upper() not in _OVERRIDING_ENV}
    command = server_command(args, model, threads, gpu_layers)
    sys.stderr.flush()
    if os.name == "posix":
        os.execve(sys.executable, command, env)  # never returns
    try:  # Windows has no exec that keeps the console: run it as a child and wait
        return subprocess.call(command, env=env)
    except KeyboardInterrupt:
        return 0
