"""One editor tab: a sortable, filterable table of one entity kind beside its details panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.commands import InsertEntity, delete_entities, duplicate_entities
from ...domain.fields import FieldKind
from ...domain.project import ENTITY_TYPES
from ...qtmodels.document import ProjectDocument
from ...qtmodels.entity_table_model import BLANK_SORT_KEY, ID_ROLE, SORT_ROLE, EntityTableModel
from ...qtmodels.labels import choice_label
from ..i18n import interface_collator
from ..tool_row import ToolRow, fit_field_width
from .details_panel import DetailsPanel
from .field_delegate import FieldDelegate

NOUNS = {"requirement": "requirement", "item": "timeline item", "risk": "risk", "lane": "lane"}


def _texts(kind: str) -> dict[str, str]:
    """Per-kind texts, whole sentences so a translation need not assemble nouns."""
    translate = QCoreApplication.translate
    return {
        "requirement": {
            "filter": translate("EntityEditor", "Filter requirements…"),
            "add": translate("EntityEditor", "Add requirement"),
            "add_tip": translate("EntityEditor", "Add a requirement (Ctrl+Shift+N)"),
            "count": translate("EntityEditor", "{total} requirements"),
            "shown": translate("EntityEditor", "{shown} of {total} requirements"),
        },
        "item": {
            "filter": translate("EntityEditor", "Filter timeline items…"),
            "add": translate("EntityEditor", "Add timeline item"),
            "add_tip": translate("EntityEditor", "Add a timeline item (Ctrl+Shift+N)"),
            "count": translate("EntityEditor", "{total} timeline items"),
            "shown": translate("EntityEditor", "{shown} of {total} timeline items"),
        },
        "risk": {
            "filter": translate("EntityEditor", "Filter risks…"),
            "add": translate("EntityEditor", "Add risk"),
            "add_tip": translate("EntityEditor", "Add a risk (Ctrl+Shift+N)"),
            "count": translate("EntityEditor", "{total} risks"),
            "shown": translate("EntityEditor", "{shown} of {total} risks"),
        },
        "lane": {
            "filter": translate("EntityEditor", "Filter lanes…"),
            "add": translate("EntityEditor", "Add lane"),
            "add_tip": translate("EntityEditor", "Add a lane (Ctrl+Shift+N)"),
            "count": translate("EntityEditor", "{total} lanes"),
            "shown": translate("EntityEditor", "{shown} of {total} lanes"),
        },
    }[kind]


class EntityFilterProxy(QSortFilterProxyModel):
    """The text filter, narrowed further by an optional test on each row's entity id; text columns
    sort as the interface language sorts (Chinese titles by pinyin, not by code point)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.row_test: Callable[[str], bool] | None = None
        self._collator = interface_collator()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._collator = interface_collator()  # the interface language may have changed since
        super().sort(column, order)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(self.sortRole()), right.data(self.sortRole())
        if isinstance(a, str) and isinstance(b, str) and BLANK_SORT_KEY not in (a, b):
            return self._collator.compare(a, b) < 0
        return super().lessThan(left, right)  # numbers, choices in their order, blanks last

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self.row_test is not None:
            entity_id = self.sourceModel().index(source_row, 0, source_parent).data(ID_ROLE)
            if not self.row_test(entity_id):
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class EntityEditor(QWidget):
    selection_changed = Signal(object)  # entity id or None

    def __init__(
        self,
        document: ProjectDocument,
        kind: str,
        on_error: Callable[[str], None],
        with_details: bool = True,
        new_entity: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.kind = kind
        self._on_error = on_error
        self._new_entity = new_entity or ENTITY_TYPES[kind]
        texts = _texts(kind)

        self.model = EntityTableModel(document, kind, on_error)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.table = QTableView()
        self.table.setObjectName(f"{kind}Table")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(FieldDelegate(document, self.table))
        # Project order until a header is clicked; without the indicator reset, enabling sorting
        # sorts by column 0 first (a second of Python data() calls at 2,000 rows).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setResizeContentsPrecision(80)  # size columns from a sample of rows
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.fit_columns()
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName(f"{kind}Filter")
        self.filter_edit.setPlaceholderText(texts["filter"])
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter_edit.textChanged.connect(lambda _t: self._update_count())

        self.add_action = QAction(texts["add"], self)
        self.add_action.setToolTip(texts["add_tip"])
        self.add_action.triggered.connect(self.add_entity)
        self.duplicate_action = QAction(self.tr("Duplicate"), self)
        self.duplicate_action.setToolTip(self.tr("Duplicate the selected rows (Ctrl+D)"))
        self.duplicate_action.triggered.connect(self.duplicate_selected)
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setToolTip(self.tr("Delete the selected rows and their links (Delete)"))
        self.delete_action.triggered.connect(self.delete_selected)
        # Delete acts on this table only, so typing Delete in a text field still edits text.
        delete_shortcut = QAction(self.table)
        delete_shortcut.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.triggered.connect(self.delete_selected)
        self.table.addAction(delete_shortcut)

        # The buttons overflow into the row's » menu; the filter stays in sight (Ctrl+F focuses it).
        bar = self._bar = ToolRow()
        bar.setObjectName(f"{kind}ToolRow")
        for action in (self.add_action, self.duplicate_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        fit_field_width(self.filter_edit)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(mid); padding-left: 4px;")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(bar, 1)
        top.addWidget(self.filter_edit)
        top.addWidget(self.count_label)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.details: DetailsPanel | None = None
        if with_details:
            self.details = DetailsPanel(document, kind, on_error)
            splitter = QSplitter(Qt.Orientation.Horizontal)
            splitter.addWidget(left)
            splitter.addWidget(self.details)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setSizes([760, 420])
            splitter.setChildrenCollapsible(False)
            layout.addWidget(splitter)
        else:
            layout.addWidget(left)
        self.model.rowsInserted.connect(self._on_model_rows_inserted)
        self.model.rowsRemoved.connect(lambda *_: self._update_count())
        # A read-only document (a locked live room) refuses edits; its buttons say so by being disabled.
        document.read_only_changed.connect(self._on_document_read_only_changed)
        self._update_selection_actions()
        self._update_count()

    def fit_columns(self) -> None:
        """Size columns to their contents and headers, within bounds that keep the table scannable."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        for position, column in enumerate(self.model.columns):
            spec = column.spec or column.edit_spec
            # Room for the widest value the field can take, so dates and choices never elide.
            samples = [""]
            if spec is not None and spec.kind is FieldKind.DATE:
                samples = ["0000-00-00"]
            elif spec is not None and spec.kind is FieldKind.CHOICE and spec.name != "phase":
                samples = [choice_label(c) for c in spec.choices]
            needed = max(metrics.horizontalAdvance(text) for text in samples) + 28
            low, high = (240, 360) if position == 0 else (56, 220)
            width = max(low, needed, min(high, header.sectionSize(position) + 8))
            header.resizeSection(position, width)

    def _on_model_rows_inserted(self, _parent, first: int, last: int) -> None:
        self._update_count()
        if first == 0 and last + 1 == self.model.rowCount():  # the first rows: size columns to them
            self.fit_columns()

    # -- selection -----------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        ordered = sorted(rows, key=lambda index: index.row())
        return [index.data(ID_ROLE) for index in ordered]

    def select_id(self, entity_id: str) -> None:
        source = self.model.index(self.model.row_of(entity_id), 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():  # hidden by the filter: clear it so the row shows
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(source)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_ids(self, ids: list[str]) -> None:
        """Select these rows (the first becomes current); ids no longer in the table are skipped."""
        known = {entity.id for entity in self.document.project.collection(self.kind)}
        rows = [self.model.row_of(entity_id) for entity_id in ids if entity_id in known]
        indexes = [self.proxy.mapFromSource(self.model.index(row, 0)) for row in rows]
        indexes = [index for index in indexes if index.isValid()]
        if not indexes:
            return
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(indexes[0], flags | QItemSelectionModel.SelectionFlag.Clear)
        for index in indexes[1:]:
            self.table.selectionModel().select(index, flags)
        self.table.scrollTo(indexes[0])

    def _on_table_selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        current = ids[0] if len(ids) == 1 else None
        if self.details is not None:
            self.details.show_entity(current)
        self._update_selection_actions()
        self.selection_changed.emit(current)

    def _update_selection_actions(self) -> None:
        editable = not self.document.read_only
        has = bool(self.table.selectionModel().selectedRows())
        self.add_action.setEnabled(editable)
        self.duplicate_action.setEnabled(has and editable)
        self.delete_action.setEnabled(has and editable)

    def _on_document_read_only_changed(self, _reason: str) -> None:
        self._update_selection_actions()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        texts = _texts(self.kind)
        self.count_label.setText(texts["count" if shown == total else "shown"].format(shown=shown, total=total))

    # -- commands ------------------------------------------------------------------
    def add_entity(self) -> None:
        entity = self._new_entity()
        ids = self.selected_ids()
        index = self.document.project.index_of(self.kind, ids[-1]) + 1 if ids else None
        self.document.execute(InsertEntity(self.kind, entity, index, _texts(self.kind)["add"]))  # type: ignore[arg-type]
        self.select_id(entity.id)  # type: ignore[attr-defined]
        proxy_index = self.proxy.mapFromSource(self.model.index(self.model.row_of(entity.id), 0))  # type: ignore[attr-defined]
        self.table.setFocus()
        self.table.edit(proxy_index)  # type the title straight away

    def duplicate_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.document.execute(duplicate_entities(self.document.project, self.kind, ids))
            last_original = max(self.document.project.index_of(self.kind, i) for i in ids)
            copies = self.document.project.collection(self.kind)[last_original + 1 : last_original + 1 + len(ids)]
            if copies:
                self.select_id(copies[0].id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        first_row = min(self.table.selectionModel().selectedRows(), key=lambda i: i.row()).row()
        self.document.execute(delete_entities(self.document.project, self.kind, ids))
        remaining = self.proxy.rowCount()
        if remaining:
            index = self.proxy.index(min(first_row, remaining - 1), 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)

    def set_row_filter(self, test: Callable[[str], bool] | None) -> None:
        """Show only rows whose entity id passes ``test`` (None: all), on top of the text filter."""
        if hasattr(self.proxy, "beginFilterChange"):  # Qt 6.9+, where invalidateRowsFilter is deprecated
            self.proxy.beginFilterChange()
            self.proxy.row_test = test
            self.proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.proxy.row_test = test
            self.proxy.invalidateRowsFilter()
        self._update_count()

    def add_toolbar_widget(self, widget: QWidget) -> None:
        """Put ``widget`` after the Add, Duplicate and Delete buttons."""
        self._bar.insert_widget(3, widget)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
