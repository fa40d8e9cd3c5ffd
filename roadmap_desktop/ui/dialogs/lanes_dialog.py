"""Dialog that edits the timeline's lanes (names and capacity), undoably."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...qtmodels.document import ProjectDocument
from ..editors.entity_editor import EntityEditor


class LanesDialog(QDialog):
    def __init__(self, document: ProjectDocument, on_error: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Timeline Lanes"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Lanes group timeline items (by phase, team or theme). Capacity is how many items "
                "may run at once in a lane; leave it empty for no limit. Deleting a lane leaves its "
                "items without a lane. Every change can be undone."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.editor = EntityEditor(document, "lane", on_error, with_details=False)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 460)
