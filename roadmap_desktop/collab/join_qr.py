"""What phones scan to join a room: the page's address with the code in it, as a QR code for a terminal (half-block
characters) or as a PNG for the Share Live dialog (segno, pure Python)."""

from __future__ import annotations

import io
import ipaddress
from urllib.parse import quote

import segno

from .addresses import join_addresses

QUIET_ZONE = 4  # modules of light border a scanner needs around the code
# A terminal draws its text light on dark or dark on light; these colours pin the code to light modules drawn as
# blocks on a black background, so it scans in either theme.
TERMINAL_START = "\x1b[97;40m"
TERMINAL_END = "\x1b[0m"


def phone_url(address: str, code: str) -> str:
    """http://ADDRESS:PORT/?code=CODE: the phone page with the code filled in (``address`` as join_addresses gives)."""
    return f"http://{address}/?code={quote(code, safe='')}"


def phone_urls(host: str, port: int, code: str) -> list[str]:
    return [phone_url(address, code) for address in join_addresses(host, port)]


def reachable_by_phones(url: str) -> bool:
    """False for a loopback address (a phone cannot reach this computer's 127.0.0.1)."""
    host = url.split("//", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0].strip("[]")
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host != "localhost"


def _code(url: str) -> segno.QRCode:
    return segno.make_qr(url, error="m")


def qr_lines(url: str, colour: bool = False) -> list[str]:
    """The QR code as text, two rows of modules per line: light modules are blocks, dark ones spaces. With
    ``colour`` (a terminal) each line is drawn light on black whatever the terminal's theme."""
    rows = [[1 if module else 0 for module in row] for row in _code(url).matrix_iter(scale=1, border=QUIET_ZONE)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    blocks = {(0, 0): "█", (0, 1): "▀", (1, 0): "▄", (1, 1): " "}
    lines = [
        "".join(blocks[pair] for pair in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    ]
    return [f"{TERMINAL_START}{line}{TERMINAL_END}" for line in lines] if colour else lines


def qr_png(url: str, scale: int = 8) -> bytes:
    """The QR code as a PNG, black on white with its quiet zone."""
    out = io.BytesIO()
    _code(url).save(out, kind="png", scale=scale, border=QUIET_ZONE)
    return out.getvalue()


def qr_matrix(url: str) -> list[list[int]]:
    """The code's modules (1 dark) without the quiet zone, for tests that read a rendering back."""
    return [[1 if module else 0 for module in row] for row in _code(url).matrix]
