"""Dialog that imports requirements from a CSV file: map columns to fields, preview, problems, one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.fields import format_value
from ...domain.requirement import Requirement
from ...interchange.csv_import import (
    DUE,
    CsvTable,
    ImportResult,
    check_mapping,
    import_requirements,
    import_targets,
    read_csv_table,
    suggest_mapping,
)
from ...qtmodels.document import ProjectDocument

IGNORE_TEXT = QT_TRANSLATE_NOOP("CsvImportDialog", "— ignore —")
PREVIEW_ROWS = 20
_DELIMITER_NAMES = {  # translated when shown
    ",": QT_TRANSLATE_NOOP("CsvImportDialog", "comma"),
    ";": QT_TRANSLATE_NOOP("CsvImportDialog", "semicolon"),
    "\t": QT_TRANSLATE_NOOP("CsvImportDialog", "tab"),
}


class CsvImportDialog(QDialog):
    """Reads ``path`` on construction: raises CsvReadError (one line naming the file) if it cannot."""

    def __init__(self, document: ProjectDocument, path: str | Path, parent: QWidget | None = None) -> None:
        table = read_csv_table(Path(path))  # before the QDialog exists, so a failure leaves nothing behind
        super().__init__(parent)
        self.document = document
        self.table: CsvTable = table
        self.import_result: ImportResult | None = None
        self.setWindowTitle(self.tr("Import Requirements from CSV"))
        self._targets = import_targets()

        delimiter = _DELIMITER_NAMES.get(table.delimiter)
        summary = QLabel(
            f"<b>{_html(table.source)}</b> — "
            + self.tr(
                "{rows} data rows, {columns} columns, separated by {delimiter}. "
                "Choose which requirement field each column fills; columns set to "
                "“{ignore}” are left out. Row numbers are as a spreadsheet shows them (the header is row 1)."
            ).format(
                rows=len(table.rows),
                columns=len(table.headers),
                delimiter=self.tr(delimiter) if delimiter else repr(table.delimiter),
                ignore=self.tr(IGNORE_TEXT),
            )
        )
        summary.setWordWrap(True)

        self.columns_table = QTableWidget(len(table.headers), 3)
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Import into")]
        )
        self.columns_table.verticalHeader().hide()
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columns_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the combos take the focus
        self.columns_table.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 2)
        suggested = suggest_mapping(table.headers)
        self.combos: dict[str, QComboBox] = {}
        for row, header in enumerate(table.headers):
            self.columns_table.setItem(row, 0, QTableWidgetItem(header))
            self.columns_table.setItem(row, 1, QTableWidgetItem(_one_line(self._first_value(row))))
            combo = QComboBox()
            combo.addItem(self.tr(IGNORE_TEXT), "")
            for name, label in self._targets:
                combo.addItem(label, name)
            combo.setCurrentIndex(max(combo.findData(suggested.get(header, "")), 0))
            combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
            self.columns_table.setCellWidget(row, 2, combo)
            self.combos[header] = combo
        header_view = self.columns_table.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        columns_box = _boxed(self.tr("Columns"), self.columns_table)

        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.setWordWrap(False)
        self.preview_box = _boxed(self.tr("Preview"), self.preview)

        self.problems = QListWidget()
        self.mapping_label = QLabel()
        self.mapping_label.setWordWrap(True)
        self.mapping_label.setStyleSheet("color: #b00020;")
        self.ignored_label = QLabel()
        self.ignored_label.setWordWrap(True)
        self.problems_box = _boxed(self.tr("Problems"), self.mapping_label, self.problems, self.ignored_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        for index, box in enumerate((columns_box, self.preview_box, self.problems_box)):
            splitter.addWidget(box)
            splitter.setStretchFactor(index, (3, 3, 2)[index])
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 220, 130])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self._on_import_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 680)
        self._refresh()

    # -- state ---------------------------------------------------------------------
    def mapping(self) -> dict[str, str]:
        """{column: field} as chosen in the combos (ignored columns left out)."""
        return {header: combo.currentData() for header, combo in self.combos.items() if combo.currentData()}

    def set_target(self, column: str, field: str) -> None:
        """Choose the field for ``column`` ("" ignores it); for tests and scripted use."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(field), 0))

    def _first_value(self, column: int) -> str:
        for row in self.table.rows:
            if column < len(row) and row[column].strip():
                return row[column]
        return ""

    def _refresh(self) -> None:
        mapping = self.mapping()
        wrong = check_mapping(mapping)
        if not any(field == "title" for field in mapping.values()):
            wrong.append(self.tr("Choose the column that holds the title."))
        self.mapping_label.setText("\n".join(wrong))
        self.mapping_label.setVisible(bool(wrong))
        self.import_result = None if wrong else import_requirements(self.table, mapping, self.document.project)
        self._fill_preview(mapping)
        self.problems.clear()
        problems = self.import_result.problems if self.import_result else []
        self.problems.addItems([self.tr("Row {row}: {message}").format(row=row, message=m) for row, m in problems])
        self.problems_box.setTitle(
            self.tr("Problems ({count})").format(count=len(problems)) if problems else self.tr("Problems (none)")
        )
        ignored = [h for h in self.table.headers if h not in mapping]
        self.ignored_label.setText(
            self.tr("Ignored columns: {names}").format(names=", ".join(ignored)) if ignored else ""
        )
        self.ignored_label.setVisible(bool(ignored))
        count = self.import_result.count if self.import_result else 0
        self.import_button.setText(
            self.tr("Import 1 requirement")
            if count == 1
            else self.tr("Import {count} requirements").format(count=count)
        )
        self.import_button.setEnabled(count > 0)

    def _fill_preview(self, mapping: dict[str, str]) -> None:
        chosen = set(mapping.values())
        if DUE in chosen:
            chosen.add("description")
        fields = [name for name, _label in self._targets if name in chosen and name != DUE]
        labels = dict(self._targets)
        self.preview.clear()
        self.preview.setColumnCount(len(fields) + 1)
        self.preview.setHorizontalHeaderLabels([self.tr("Row"), *(labels[name] for name in fields)])
        result = self.import_result
        shown = list(zip(result.row_numbers, result.requirements, strict=True))[:PREVIEW_ROWS] if result else []
        self.preview.setRowCount(len(shown))
        for row, (number, requirement) in enumerate(shown):
            self.preview.setItem(row, 0, QTableWidgetItem(str(number)))
            for column, name in enumerate(fields, start=1):
                text = format_value(Requirement.spec(name), getattr(requirement, name))
                item = QTableWidgetItem(_one_line(text))
                item.setToolTip(text)
                self.preview.setItem(row, column, item)
        self.preview.resizeColumnsToContents()
        for column in range(self.preview.columnCount()):
            self.preview.setColumnWidth(column, min(self.preview.columnWidth(column), 260))
        total = result.count if result else 0
        self.preview_box.setTitle(
            self.tr("Preview (first {shown} of {total} requirements)").format(shown=len(shown), total=total)
            if total > len(shown)
            else self.tr("Preview ({total})").format(total=total)
        )

    # -- slots ---------------------------------------------------------------------
    def _on_combo_current_index_changed(self, _index: int) -> None:
        self._refresh()

    def _on_import_clicked(self) -> None:
        if not self.import_result or not self.import_result.count:
            return
        try:
            self.document.execute(self.import_result.command)
        except ValueError as exc:  # nothing was changed
            QMessageBox.warning(self, self.tr("Import"), self.tr("Could not import: {problem}").format(problem=exc))
            return
        self.accept()


def _boxed(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def _one_line(text: str) -> str:
    return " ↵ ".join(line.strip() for line in text.splitlines() if line.strip())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
