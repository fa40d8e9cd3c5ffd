"""The QR code phones scan to join: the page's address with the code, drawn for a terminal and as a PNG."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from roadmap_desktop.collab import addresses
from roadmap_desktop.collab.join_qr import (
    QUIET_ZONE,
    TERMINAL_START,
    phone_url,
    phone_urls,
    qr_lines,
    qr_matrix,
    qr_png,
    reachable_by_phones,
)
from roadmap_desktop.commandline.room import banner

URL = "http://192.168.1.20:8765/?code=314159"


def _read_back(lines: list[str]) -> list[list[int]]:
    """The modules the half blocks show (1 dark), two rows a line."""
    rows: list[list[int]] = []
    for line in lines:
        rows.append([0 if c in "█▀" else 1 for c in line])
        rows.append([0 if c in "█▄" else 1 for c in line])
    return rows


def test_the_address_carries_the_code_and_loopback_is_not_for_phones(monkeypatch) -> None:
    assert phone_url("192.168.1.20:8765", "314159") == URL
    assert phone_url("[fe80::1]:8765", "a/b") == "http://[fe80::1]:8765/?code=a%2Fb"
    monkeypatch.setattr(addresses, "lan_addresses", lambda: ["192.168.1.20", "10.0.0.5"])
    assert phone_urls("0.0.0.0", 8765, "314159") == [URL, "http://10.0.0.5:8765/?code=314159"]
    assert reachable_by_phones(URL) and not reachable_by_phones("http://127.0.0.1:8765/?code=1")
    assert not reachable_by_phones("http://[::1]:8765/?code=1") and not reachable_by_phones("http://localhost:1/")


def test_the_terminal_drawing_holds_exactly_the_codes_modules() -> None:
    lines = qr_lines(URL)
    modules = _read_back(lines)
    size = len(qr_matrix(URL))
    assert len(lines[0]) == size + 2 * QUIET_ZONE and len(lines) == (size + 2 * QUIET_ZONE + 1) // 2
    inner = [row[QUIET_ZONE : QUIET_ZONE + size] for row in modules[QUIET_ZONE : QUIET_ZONE + size]]
    assert inner == qr_matrix(URL)
    assert all(v == 0 for v in modules[0] + modules[QUIET_ZONE - 1])  # a light quiet zone around it
    coloured = qr_lines(URL, colour=True)
    assert coloured[0].startswith(TERMINAL_START) and coloured[0].endswith("\x1b[0m")


def test_the_png_is_a_png_and_scans_where_zbar_is_installed(tmp_path) -> None:
    png = qr_png(URL)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (Debian: zbar-tools) reads the code back; not installed")
    (tmp_path / "qr.png").write_bytes(png)
    read = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "qr.png")], capture_output=True, text=True)
    assert read.stdout.strip() == URL


def test_the_room_prints_the_qr_code_only_where_phones_can_reach_it(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(addresses, "lan_addresses", lambda: ["192.168.1.20"])
    shared = banner("0.0.0.0", 8765, "314159", tmp_path / "p.roadmap")
    assert f"Phones: scan the code below, or open {URL}" in shared
    assert qr_lines(URL)[0] in shared and shared[-1].startswith("Join: File > Join Live…")
    local = banner("127.0.0.1", 8765, "314159", tmp_path / "p.roadmap")
    assert not any("Phones" in line or "█" in line for line in local)
