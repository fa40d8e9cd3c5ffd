"""The Share Live dialog shown once the room is open: what laptops type, and the QR code phones scan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...collab.addresses import join_addresses
from ...collab.join_qr import phone_urls, qr_png, reachable_by_phones

QR_SCALE = 6  # pixels per module: about 220 px for a LAN address, easy to scan from a metre


class ShareLiveDialog(QDialog):
    def __init__(self, parent: QWidget | None, host: str, port: int, code: str) -> None:
        super().__init__(parent)
        self.setObjectName("share_live_dialog")
        self.setWindowTitle(self.tr("Share Live"))
        layout = QVBoxLayout(self)
        laptops = QLabel(
            self.tr("<b>On a laptop:</b> File &gt; Join Live…, address <b>{0}</b>, code <b>{1}</b>")
            .replace("{0}", self.tr(" or ").join(join_addresses(host, port)))
            .replace("{1}", code),
            self,
        )
        laptops.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(laptops)
        phones = [url for url in phone_urls(host, port, code) if reachable_by_phones(url)]
        self.qr = QLabel(self)
        self.qr.setObjectName("share_live_qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if phones:
            note = QLabel(
                self.tr("<b>On a phone:</b> scan this code, or open<br>{0}").replace("{0}", "<br>".join(phones)),
                self,
            )
            pixmap = QPixmap()
            pixmap.loadFromData(qr_png(phones[0], QR_SCALE), "PNG")
            self.qr.setPixmap(pixmap)
            self.qr.setToolTip(phones[0])
        else:
            note = QLabel(
                self.tr("Phones cannot reach a room shared on this computer only: share on 0.0.0.0 to let them join."),
                self,
            )
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(note)
        layout.addWidget(self.qr)
        self.phone_urls = phones
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
