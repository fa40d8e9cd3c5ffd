"""Start-up offer to recover projects that were autosaved but never saved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...persistence.autosave import RecoveryEntry


def ask_recover(entry: RecoveryEntry, parent: QWidget | None) -> str:
    """Return "recover", "discard" or "later"."""
    translate = QCoreApplication.translate
    unknown = translate("Recovery", "an unknown time")
    when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if entry.saved_at else unknown
    if entry.source_path:
        where = translate("Recovery", "Its file: {path}").format(path=entry.source_path)
    else:
        where = translate("Recovery", "It had never been saved to a file.")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Recovery", "Recover unsaved work?"))
    box.setText(
        translate("Recovery", "Roadmap Desktop closed before “{name}” was saved.").format(name=entry.project_name)
    )
    box.setInformativeText(
        translate("Recovery", "A recovery copy from {when} is available.\n{where}\n\nRecover it?").format(
            when=when, where=where
        )
    )
    recover = box.addButton(translate("Recovery", "Recover"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("Recovery", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(translate("Recovery", "Not Now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.exec()
    clicked = box.clickedButton()
    if clicked is recover:
        return "recover"
    if clicked is discard:
        return "discard"
    return "later"
