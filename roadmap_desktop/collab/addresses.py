"""Where others reach this computer: its local-network addresses, whether a port is free, and the join hint."""

from __future__ import annotations

import contextlib
import os
import socket


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


def port_free(host: str, port: int) -> bool:
    """True when a server could listen on ``host:port`` now (bound and released at once, as uvicorn binds)."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        with socket.socket(family, kind, proto) as probe:
            if os.name != "nt":  # as uvicorn does; on Windows the flag lets two servers share a port
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError:
        return False
    return True


def join_addresses(host: str, port: int) -> list[str]:
    """What the others type in File > Join Live… (``address:port``): the network addresses when the room listens on
    every interface, else the one it listens on."""
    if host in ("0.0.0.0", "::", ""):
        return [f"{a}:{port}" for a in lan_addresses()] or [f"127.0.0.1:{port}"]
    return [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]


def join_hint(host: str, port: int, code: str) -> str:
    """One line to read out or write on the whiteboard (instead of a QR code)."""
    return f"Join: File > Join Live…  address {' or '.join(join_addresses(host, port))}  code {code}"
