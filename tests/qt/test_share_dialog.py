"""The Share Live dialog: the address and code for laptops, the QR code for phones where they can reach the room."""

from __future__ import annotations

from roadmap_desktop.collab import addresses
from roadmap_desktop.ui.live.share_dialog import ShareLiveDialog


def test_the_dialog_shows_the_phone_pages_qr_code_for_the_network_address(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(addresses, "lan_addresses", lambda: ["192.168.1.20"])
    dialog = ShareLiveDialog(None, "0.0.0.0", 8765, "314159")
    qtbot.addWidget(dialog)
    assert dialog.phone_urls == ["http://192.168.1.20:8765/?code=314159"]
    pixmap = dialog.qr.pixmap()
    assert not pixmap.isNull() and 180 <= pixmap.width() <= 400
    assert dialog.qr.toolTip() == dialog.phone_urls[0]


def test_a_room_on_this_computer_only_shows_no_qr_code(qtbot) -> None:
    dialog = ShareLiveDialog(None, "127.0.0.1", 8765, "314159")
    qtbot.addWidget(dialog)
    assert dialog.phone_urls == [] and dialog.qr.pixmap().isNull()
