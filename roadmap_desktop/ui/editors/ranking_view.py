"""Ranked requirements for the project's prioritisation framework, with each score's breakdown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.commands import SetField
from ...domain.fields import FieldValueError, coerce, format_value, parse_num_map
from ...domain.prioritisation import FRAMEWORK_FORMULAS, FRAMEWORK_LABELS, rank
from ...domain.project import FRAMEWORKS, ProjectInfo
from ...qtmodels.document import ProjectDocument
from ...qtmodels.labels import translate_label
from ...wording import language_code, number
from .. import i18n

UNSCORED = QColor("#8a8f98")


class RankingView(QWidget):
    """Choose the framework (saved with the project, undoable) and read the ranking."""

    requirement_selected = Signal(str)
    error_raised = Signal(str)

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.framework_combo = QComboBox()
        for code in FRAMEWORKS:
            self.framework_combo.addItem(translate_label(FRAMEWORK_LABELS[code]), code)
        self.framework_combo.activated.connect(self._on_framework_combo_activated)
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.formula.setStyleSheet("color: palette(mid);")
        self.criteria_label = QLabel(self.tr("Criteria and weights (one per line, name: weight):"))
        self.criteria_edit = QPlainTextEdit()
        self.criteria_edit.setPlaceholderText(self.tr("Revenue: 3\nStrategic fit: 2\nCost to serve: 1"))
        self.criteria_edit.setMaximumHeight(84)
        self.criteria_edit.setTabChangesFocus(True)
        self.criteria_edit.installEventFilter(self)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(["#", self.tr("Requirement"), self.tr("Score"), self.tr("How it was scored")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(1, 190)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemClicked.connect(self._on_tree_item_activated)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Framework:")))
        top.addWidget(self.framework_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.formula)
        layout.addWidget(self.criteria_label)
        layout.addWidget(self.criteria_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        # Many edits arrive at once (an accepted batch, an import): rank once per burst.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._stale = True  # the list waits until the view is shown
        document.project_changed.connect(self._on_document_project_changed)
        self.refresh()

    def set_document(self, document: ProjectDocument) -> None:
        self.document.project_changed.disconnect(self._on_document_project_changed)
        self.document = document
        document.project_changed.connect(self._on_document_project_changed)
        self.refresh()

    def _on_document_project_changed(self, event) -> None:
        if event.kind in ("requirement", "project"):
            self._refresh_timer.start()

    def _on_framework_combo_activated(self, _index: int) -> None:
        info = self.document.project.info
        code = self.framework_combo.currentData()
        if code != info.framework:
            label = self.tr("Prioritise by {framework}").format(framework=translate_label(FRAMEWORK_LABELS[code]))
            self.document.execute(SetField("project", info.id, "framework", code, label))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._fill_ranking()

    def changeEvent(self, event: QEvent) -> None:
        # A new interface language: the breakdowns follow it (rank once, after the burst of events).
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_refresh_timer"):
            self._refresh_timer.start()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.criteria_edit and event.type() == event.Type.FocusOut:
            self.commit_criteria()
        return super().eventFilter(watched, event)

    def commit_criteria(self) -> bool:
        info = self.document.project.info
        spec = ProjectInfo.spec("criteria")
        try:
            parsed = parse_num_map(self.criteria_edit.toPlainText())
        except FieldValueError as exc:
            self.error_raised.emit(f"{spec.label}: {exc}")
            return False
        try:
            criteria = coerce(spec, parsed)
        except FieldValueError as exc:
            self.error_raised.emit(str(exc))
            return False
        if criteria != info.criteria:
            self.document.execute(SetField("project", info.id, "criteria", criteria, self.tr("Edit scoring criteria")))
        return True

    def refresh(self) -> None:
        info = self.document.project.info
        self.framework_combo.setCurrentIndex(max(0, self.framework_combo.findData(info.framework)))
        self.formula.setText(translate_label(FRAMEWORK_FORMULAS[info.framework]))
        weighted = info.framework == "weighted"
        self.criteria_label.setVisible(weighted)
        self.criteria_edit.setVisible(weighted)
        shown = format_value(ProjectInfo.spec("criteria"), info.criteria).replace("; ", "\n")
        if not self.criteria_edit.hasFocus() and self.criteria_edit.toPlainText() != shown:
            self.criteria_edit.setPlainText(shown)
        # Ranking 20,000 requirements takes a second, and the dock is usually closed: rank when it is shown.
        if self.isVisible():
            self._fill_ranking()
        else:
            self._stale = True

    def _fill_ranking(self) -> None:
        self._stale = False
        info = self.document.project.info
        selected = self.selected_id()
        self.tree.clear()
        # The interface's language, not the project's: the breakdowns sit among translated labels.
        language = language_code(i18n.installed_language())
        ranked = rank(self.document.project, language=language)
        scored = 0
        rows: list[QTreeWidgetItem] = []
        current: QTreeWidgetItem | None = None
        for entry in ranked:
            req, score = entry.requirement, entry.score
            if score.scored:
                scored += 1
                value = number(score.value) + (f"  {score.shown_category}" if score.category else "")
                row = QTreeWidgetItem([str(entry.rank), req.title, value, score.breakdown])
            else:
                row = QTreeWidgetItem(["–", req.title, "", score.reason or self.tr("not scored")])
                for column in range(4):
                    row.setForeground(column, QBrush(UNSCORED))
            row.setData(0, Qt.ItemDataRole.UserRole, req.id)
            row.setToolTip(1, req.title)
            row.setToolTip(3, score.breakdown or score.reason)
            row.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            rows.append(row)
            if req.id == selected:
                current = row
        self.tree.addTopLevelItems(rows)  # at once: one by one is slower, and so is clearing them later
        if current is not None:
            self.tree.setCurrentItem(current)
        left_out = len(self.document.project.requirements) - len(ranked)
        text = self.tr("{scored} of {total} ranked by {framework}").format(
            scored=scored, total=len(ranked), framework=translate_label(FRAMEWORK_LABELS[info.framework])
        )
        if len(ranked) > scored:
            text += self.tr("; {count} need inputs (listed last)").format(count=len(ranked) - scored)
        if left_out:
            text += self.tr("; {count} dropped not shown").format(count=left_out)
        self.summary.setText(text)

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.requirement_selected.emit(item.data(0, Qt.ItemDataRole.UserRole))
