"""Where others reach the room: the join hint (instead of a QR code) and the port check before hosting."""

from __future__ import annotations

import socket

from roadmap_desktop.collab import addresses
from roadmap_desktop.commandline.room import banner


def test_the_join_hint_names_what_others_type(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(addresses, "lan_addresses", lambda: ["192.168.1.20", "10.0.0.5"])
    hint = addresses.join_hint("0.0.0.0", 9000, "314159")
    assert hint == "Join: File > Join Live…  address 192.168.1.20:9000 or 10.0.0.5:9000  code 314159"
    assert addresses.join_addresses("127.0.0.1", 8765) == ["127.0.0.1:8765"]
    assert addresses.join_addresses("::1", 8765) == ["[::1]:8765"]
    monkeypatch.setattr(addresses, "lan_addresses", lambda: [])
    assert addresses.join_addresses("0.0.0.0", 8765) == ["127.0.0.1:8765"]  # no network: this computer only
    assert banner("127.0.0.1", 8765, "123456", tmp_path / "p.roadmap")[-1].endswith("127.0.0.1:8765  code 123456")


def test_a_taken_port_is_found_before_hosting() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert not addresses.port_free("127.0.0.1", port)
    assert addresses.port_free("127.0.0.1", port)
    assert not addresses.port_free("no-such-host.invalid", 8765)
