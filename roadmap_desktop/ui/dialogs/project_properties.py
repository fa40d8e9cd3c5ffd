"""Dialog for the project's name, vision, product brief, language and domain."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...domain.project import LANGUAGES, ProjectInfo
from ...wording import language_name


class ProjectPropertiesDialog(QDialog):
    def __init__(self, info: ProjectInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Project Properties"))
        self.name_edit = QLineEdit(info.name)
        self.description_edit = QPlainTextEdit(info.description)
        self.description_edit.setPlaceholderText(self.tr("What the product is, for whom, and why now"))
        self.brief_edit = QPlainTextEdit(info.brief)
        self.brief_edit.setPlaceholderText(
            self.tr("What you build, for whom, and the problem it solves: the assistant drafts from it")
        )
        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setCurrentIndex(LANGUAGES.index(info.language))
        self.domain_edit = QLineEdit(info.domain)
        self.domain_edit.setPlaceholderText(self.tr("e.g. intelligent customer service"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Vision"), self.description_edit)
        form.addRow(self.tr("Product brief"), self.brief_edit)
        form.addRow(self.tr("Project language"), self.language_combo)
        form.addRow(self.tr("Domain"), self.domain_edit)
        form.addRow(buttons)
        self.resize(560, 440)

    def values(self) -> dict[str, object]:
        return {
            "name": self.name_edit.text(),
            "description": self.description_edit.toPlainText(),
            "brief": self.brief_edit.toPlainText(),
            "language": self.language_combo.currentData(),
            "domain": self.domain_edit.text(),
        }
