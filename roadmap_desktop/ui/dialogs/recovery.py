"""Start-up offer to recover projects that were autosaved but never saved."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ...persistence.autosave import RecoveryEntry


def ask_recover(entry: RecoveryEntry, parent: QWidget | None) -> str:
    """Return "recover", "discard" or "later"."""
    when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if entry.saved_at else "an unknown time"
    where = f"\nIts file: {entry.source_path}" if entry.source_path else "\nIt had never been saved to a file."
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Recover unsaved work?")
    box.setText(f"Roadmap Desktop closed before “{entry.project_name}” was saved.")
    box.setInformativeText(f"A recovery copy from {when} is available.{where}\n\nRecover it?")
    recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Not Now", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.exec()
    clicked = box.clickedButton()
    if clicked is recover:
        return "recover"
    if clicked is discard:
        return "discard"
    return "later"
