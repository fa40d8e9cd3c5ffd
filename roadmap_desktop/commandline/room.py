"""`roadmap-desktop room FILE`: share a project live on the local network (Yjs sync over WebSocket).

Checks first (the file, the port, the code), each failure one line and exit code 2; then prints the address and
the join code and serves until Ctrl+C or SIGTERM, saving the file within two seconds of any change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..collab.addresses import join_hint
from ..collab.join_qr import phone_urls, qr_lines, reachable_by_phones
from ..crdt.dot_votes import DEFAULT_DOTS_PER_PERSON as DEFAULT_DOTS
from ..crdt.dot_votes import MAX_DOTS_PER_PERSON as MAX_DOTS
from .common import CommandError, fail, serve_until_stopped
from .serve import DEFAULT_HOST, _port, check_port_free, urls

NAME = "room"
HELP = "share a project live: everyone on the local network edits it together (File > Join Live…)"
DEFAULT_PORT = 8765


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .roadmap file to share (saved as the room edits it)")
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}: this computer only; 0.0.0.0: the local network)",
    )
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    add_sharing_options(parser)


def add_sharing_options(parser: argparse.ArgumentParser) -> None:
    """--code, --read-only, --dots: the room's own options, which `serve --room` takes too."""
    parser.add_argument("--code", help="the join code (default: six random digits, printed at start)")
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="everyone may look and follow live, nobody may edit (the room refuses every edit)",
    )
    parser.add_argument(
        "--dots",
        type=_dots,
        default=DEFAULT_DOTS,
        help=f"dot votes each person may spend from the phone page (default {DEFAULT_DOTS})",
    )


def _dots(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_DOTS:
        raise argparse.ArgumentTypeError(f"a whole number from 1 to {MAX_DOTS}, not {text!r}")
    return value


def banner(
    host: str,
    port: int,
    code: str,
    file: Path,
    colour: bool = False,
    read_only: bool = False,
    beside_model: bool = False,
) -> list[str]:
    """What the room prints at start: the addresses, the code, the phone page and its QR code (when phones can
    reach this computer), and the one-line join hint last. ``beside_model`` (`serve --room`): the model server's
    banner has given the addresses and the firewall note already."""
    here, network = urls(host, port)
    lines = [f"Sharing {file.name} live" + (", read-only" if read_only else "")]
    if beside_model:
        lines[0] += " at the same address"
    if not beside_model:
        lines += [f"  on this computer:      {u}" for u in here]
        lines += [f"  on the local network:  {u}" for u in network]
    lines.append(f"  join code:             {code}")
    if not beside_model and not network:
        lines.append("  only this computer can join; --host 0.0.0.0 opens the room to the local network")
    elif not beside_model and host in ("0.0.0.0", "::"):
        lines.append("  (a firewall on this computer must allow incoming connections to that port)")
    stop = "" if beside_model else " Stop with Ctrl+C."
    lines.append(f"In the app: File > Join Live…, then type the address and the code.{stop}")
    phones = [url for url in phone_urls(host, port, code) if reachable_by_phones(url)]
    if phones:
        lines.append("Phones: scan the code below, or open " + " or ".join(phones))
        lines += qr_lines(phones[0], colour)
    lines.append(join_hint(host, port, code))
    return lines


def run(args: argparse.Namespace) -> int:
    import asyncio

    from ..collab.room_server import Room, code_problem, new_code
    from ..persistence.errors import ProjectFileError
    from ..persistence.project_file import load_project

    file = Path(args.file)
    try:
        loaded = load_project(file)
        if args.code is not None and (problem := code_problem(args.code)):
            raise CommandError(f"--code: {problem}")
        check_port_free(args.host, args.port)
    except (ProjectFileError, CommandError) as exc:
        return fail(str(exc))
    code = args.code or new_code()

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    room = Room(
        loaded.project, file, code, log=log, older=loaded.older, dots_per_person=args.dots, read_only=args.read_only
    )
    colour = sys.stdout.isatty()
    started = lambda: print("\n".join(banner(args.host, args.port, code, file, colour, args.read_only)), flush=True)  # noqa: E731
    return serve_until_stopped(lambda: asyncio.run(room.serve(args.host, args.port, started)), room.stop)
