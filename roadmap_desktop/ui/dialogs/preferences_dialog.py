"""Preferences: the interface language (and, later, other application-wide settings)."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...persistence.errors import SaveError
from ...persistence.settings import Settings
from ...wording import language_name
from .. import i18n


class PreferencesDialog(QDialog):
    """Accepting stores the choices and applies the language at once: open windows retranslate."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self.language_combo = QComboBox()
        # Each language is named in itself, so it can be found whatever the interface shows now.
        self.language_combo.addItem(self.tr("System default"), i18n.SYSTEM)
        for language in i18n.LANGUAGES:
            self.language_combo.addItem(language_name(language), language)
        self.language_combo.setCurrentIndex(self.language_combo.findData(i18n.stored_choice(settings)))
        note = QLabel(
            self.tr(
                "Menus, buttons and messages. A project's own language (Project Properties) decides the "
                "language of its field choices, templates and exports."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")

        form = QFormLayout()
        form.addRow(self.tr("Interface &language:"), self.language_combo)
        form.addRow("", note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(480, 180)

    def choice(self) -> str:
        """ "system", "en" or "zh_CN"."""
        return self.language_combo.currentData()

    def set_choice(self, choice: str) -> None:
        self.language_combo.setCurrentIndex(self.language_combo.findData(choice))

    def accept(self) -> None:
        # The switch still applies for this session when only remembering it fails.
        with contextlib.suppress(SaveError):
            self._settings.set(i18n.SETTING_KEY, self.choice())
        app = QApplication.instance()
        language = i18n.ui_language(self._settings)
        if app is not None and language != i18n.installed_language():
            i18n.install_translations(app, language)
        super().accept()
