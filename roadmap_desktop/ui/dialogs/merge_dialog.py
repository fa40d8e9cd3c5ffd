"""Merge Project: bring a breakout group's requirements and risks in, duplicates flagged, as one undo step."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.merge import DUPLICATE, NEW, SIMILAR, MergeEntry, merge_command, plan_merge
from ...domain.requirement import Requirement
from ...persistence.project_file import load_project
from ...qtmodels.document import ProjectDocument
from ...qtmodels.labels import choice_label

SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_STATUS_COLOURS = {DUPLICATE: "#b00020", SIMILAR: "#a15c00", NEW: "#2e7d32"}
_GROUPS = (
    ("requirement", QT_TRANSLATE_NOOP("MergeDialog", "Requirements")),
    ("risk", QT_TRANSLATE_NOOP("MergeDialog", "Risks")),
)


class MergeDialog(QDialog):
    """Loads ``path`` on construction: raises ProjectFileError (one line naming the file) if it cannot."""

    def __init__(self, document: ProjectDocument, path: str | Path, parent: QWidget | None = None) -> None:
        loaded = load_project(path)  # before the QDialog exists, so a bad file leaves nothing behind
        super().__init__(parent)
        self.document = document
        self.source = loaded.project
        self.path = Path(path)
        self.plan = plan_merge(document.project, self.source, self.path.name)
        self.setWindowTitle(self.tr("Merge Project"))

        requirements = sum(1 for e in self.plan.entries if e.kind == "requirement")
        risks = len(self.plan.entries) - requirements
        skipped = self.plan.skipped_items
        # Whole phrases per count, so a translation never assembles plural endings.
        requirement_count = (
            self.tr("1 requirement")
            if requirements == 1
            else self.tr("{count} requirements").format(count=requirements)
        )
        risk_count = self.tr("1 risk") if risks == 1 else self.tr("{count} risks").format(count=risks)
        if not skipped:
            tail = self.tr("Timeline items are never merged.")
        elif skipped == 1:
            tail = self.tr("Its 1 timeline item is not merged.")
        else:
            tail = self.tr("Its {count} timeline items are not merged.").format(count=skipped)
        summary = QLabel(
            f"<b>{html.escape(self.path.name)}</b> (“{html.escape(self.source.info.name)}”): "
            + self.tr("{requirements}, {risks}. ").format(requirements=requirement_count, risks=risk_count)
            + self.tr(
                "Duplicates and similar titles start unchecked. Links from a merged requirement to a merged risk are "
                "kept; links to anything not merged are dropped. "
            )
            + tail
        )
        summary.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Incoming"), self.tr("Compared with this project"), self.tr("Details")])
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(_RoomyRows(self.tree.fontMetrics().height() + 10, self.tree))
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.items: dict[str, QTreeWidgetItem] = {}
        default = set(self.plan.default_ids())
        titles = {e.source_id: e.entity.display_name() for e in self.plan.entries}
        for kind, label in _GROUPS:
            entries = [e for e in self.plan.entries if e.kind == kind]
            if not entries:
                continue
            group = QTreeWidgetItem(self.tree, [f"{QCoreApplication.translate('MergeDialog', label)} ({len(entries)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for entry in entries:
                self.items[entry.source_id] = self._entry_item(group, entry, entry.source_id in default, titles)
            group.setExpanded(True)
        self.tree.itemChanged.connect(self._on_tree_item_changed)

        self.links_label = QLabel()
        self.links_label.setWordWrap(True)
        self.links_label.setStyleSheet("color: #a15c00;")

        check_new = QPushButton(self.tr("Check new only"))
        check_new.clicked.connect(self._on_check_new_clicked)
        check_all = QPushButton(self.tr("Check all"))
        check_all.clicked.connect(self._on_check_all_clicked)
        check_none = QPushButton(self.tr("Uncheck all"))
        check_none.clicked.connect(self._on_check_none_clicked)
        choice_row = QHBoxLayout()
        for button in (check_new, check_all, check_none):
            choice_row.addWidget(button)
        choice_row.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button: QPushButton = self.buttons.addButton(
            self.tr("Merge selected"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setDefault(True)
        self.buttons.accepted.connect(self._on_merge_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(choice_row)
        layout.addWidget(self.links_label)
        layout.addWidget(self.buttons)
        self.resize(960, 600)
        self._refresh()

    def _entry_item(
        self, group: QTreeWidgetItem, entry: MergeEntry, checked: bool, titles: dict[str, str]
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [entry.entity.display_name(), describe(entry), _details(entry, titles)])
        item.setData(0, SOURCE_ID_ROLE, entry.source_id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setForeground(1, QBrush(QColor(_STATUS_COLOURS[entry.status])))
        for column in range(3):
            item.setToolTip(column, item.text(column))
        return item

    # -- state, also for tests and scripted use --------------------------------------
    def checked_ids(self) -> list[str]:
        """Source ids of the checked entries, in the plan's order."""
        return [
            e.source_id for e in self.plan.entries if self.items[e.source_id].checkState(0) == Qt.CheckState.Checked
        ]

    def set_checked(self, source_id: str, checked: bool) -> None:
        self.items[source_id].setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def merge(self) -> bool:
        """Merge the checked entries as one undo step and close; False (and a message) if that fails."""
        accepted = self.checked_ids()
        if not accepted:
            return False
        try:
            command = merge_command(self.document.project, self.plan, accepted)
            count, name = len(command.commands), self.plan.source_name or self.tr("another project")
            command.label = (  # the undo text, in the interface language
                self.tr("Merge 1 item from {name}") if count == 1 else self.tr("Merge {count} items from {name}")
            ).format(count=count, name=name)
            self.document.execute(command)
        except ValueError as exc:  # nothing was changed
            QMessageBox.warning(self, self.tr("Merge Project"), self.tr("Could not merge: {error}").format(error=exc))
            return False
        self.accept()
        return True

    def _set_all(self, wanted: set[str]) -> None:
        self.tree.blockSignals(True)  # one refresh, not one per row
        try:
            for source_id in self.items:
                self.set_checked(source_id, source_id in wanted)
        finally:
            self.tree.blockSignals(False)
        self._refresh()

    def _refresh(self) -> None:
        checked = set(self.checked_ids())
        count = len(checked)
        if not count:
            merge_text = self.tr("Merge selected")
        elif count == 1:
            merge_text = self.tr("Merge 1 item")
        else:
            merge_text = self.tr("Merge {count} items").format(count=count)
        self.merge_button.setText(merge_text)
        self.merge_button.setEnabled(bool(count))
        dropped = 0
        for entry in self.plan.entries:
            if entry.source_id in checked and isinstance(entry.entity, Requirement):
                dropped += sum(1 for rid in entry.entity.risk_ids if rid not in checked)
        if dropped == 1:
            links = self.tr("1 link from checked requirements to unchecked risks will be dropped.")
        elif dropped:
            links = self.tr("{count} links from checked requirements to unchecked risks will be dropped.")
        else:
            links = ""
        self.links_label.setText(links.format(count=dropped))
        self.links_label.setVisible(bool(dropped))

    # -- slots ---------------------------------------------------------------------
    def _on_tree_item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._refresh()

    def _on_check_new_clicked(self) -> None:
        self._set_all(set(self.plan.default_ids()))

    def _on_check_all_clicked(self) -> None:
        self._set_all(set(self.items))

    def _on_check_none_clicked(self) -> None:
        self._set_all(set())

    def _on_merge_clicked(self) -> None:
        self.merge()


class _RoomyRows(QStyledItemDelegate):
    """Rows tall enough for CJK glyphs and the check box, which the default height crowds."""

    def __init__(self, height: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._height = height

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        size.setHeight(max(size.height(), self._height))
        return size


def describe(entry: MergeEntry) -> str:
    """How an entry compares with the project, in the interface language ("new", "duplicate of “…”")."""
    translate = QCoreApplication.translate
    if entry.match is None:
        return translate("MergeDialog", "new")
    if entry.status == DUPLICATE:
        return translate("MergeDialog", "duplicate of “{title}”").format(title=entry.match.display_name())
    return translate("MergeDialog", "similar to “{title}”").format(title=entry.match.display_name())


def _details(entry: MergeEntry, titles: dict[str, str]) -> str:
    translate = QCoreApplication.translate
    entity = entry.entity
    if isinstance(entity, Requirement):
        risks = [titles[rid] for rid in entity.risk_ids if rid in titles]
        parts = [_status_text(entity.status)]
        if risks:
            parts.append(translate("MergeDialog", "risks: {names}").format(names=", ".join(risks)))
        return " · ".join(parts)
    return translate("MergeDialog", "exposure {exposure} ({likelihood}×{impact})").format(
        exposure=entity.exposure,  # type: ignore[attr-defined]
        likelihood=entity.likelihood,  # type: ignore[attr-defined]
        impact=entity.impact,  # type: ignore[attr-defined]
    )


def _status_text(status: str) -> str:
    """The status as the tables and the status combo name it ("Idea", "构想"), never the stored word."""
    return choice_label(status)
