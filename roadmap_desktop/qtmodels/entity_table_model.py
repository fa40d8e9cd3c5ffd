"""A table model over one kind of project entity; edits become undoable domain commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.commands import Command, SetField
from ..domain.dates import DateRangeError, parse_date, range_problem
from ..domain.entity import Entity
from ..domain.fields import FieldKind, FieldSpec, FieldValueError, format_value, parse_text_list
from ..domain.project import ENTITY_TYPES, ProjectEvent
from ..domain.risk import Risk
from ..render.ink import readable_ink
from ..render.risk_colours import exposure_colour
from .document import ProjectDocument
from .labels import choice_label, edit_label, translate_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SPEC_ROLE = Qt.ItemDataRole.UserRole + 3
BLANK_SORT_KEY = "\uffff"  # an empty text cell's sort key: after every text

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    spec: FieldSpec | None = None  # None: a computed column
    compute: Callable[[Entity], object] | None = None
    # For an editable computed column: entity and typed value -> command.
    assign: Callable[[Entity, object], Command] | None = None
    edit_spec: FieldSpec | None = None  # how the delegate edits a computed column


def _item_end_command(entity: Entity, value: object) -> Command:
    start = entity.start  # type: ignore[attr-defined]
    if isinstance(value, dt.date) and range_problem(value):
        raise FieldValueError(f"End: {range_problem(value)}")
    if entity.milestone and isinstance(value, dt.date):  # type: ignore[attr-defined]
        return SetField("item", entity.id, "start", value, "Move milestone")  # a milestone is one day
    if start is None:
        raise FieldValueError("End: set a start date first")
    if not isinstance(value, dt.date) or value < start:
        raise FieldValueError("End: must be on or after the start date")
    return SetField("item", entity.id, "duration_days", (value - start).days + 1, "Edit end date")


_END_SPEC = FieldSpec("end", "End", FieldKind.DATE)


def columns_for(kind: str) -> list[Column]:
    specs = [s for s in ENTITY_TYPES[kind].FIELDS if s.in_table]
    columns = [Column(s.label, s) for s in specs]
    if kind == "risk":
        position = [c.spec.name for c in columns if c.spec].index("impact") + 1
        columns.insert(position, Column("Exposure", compute=lambda e: e.exposure))  # type: ignore[attr-defined]
    if kind == "item":
        position = [c.spec.name for c in columns if c.spec].index("duration_days") + 1
        columns.insert(
            position,
            Column("End", compute=lambda e: e.end, assign=_item_end_command, edit_spec=_END_SPEC),  # type: ignore[attr-defined]
        )
    return columns


class EntityTableModel(QAbstractTableModel):
    """Rows are the entities of one kind in project order; columns follow the field specs."""

    def __init__(self, document: ProjectDocument, kind: str, on_error: Callable[[str], None] | None = None):
        super().__init__(document)
        self.document = document
        self.kind = kind
        self.columns = columns_for(kind)
        self._on_error = on_error or (lambda message: None)
        document.project.subscribe(self._on_project_event)

    def detach(self) -> None:
        self.document.project.unsubscribe(self._on_project_event)

    @property
    def _rows(self) -> list[Entity]:
        return self.document.project.collection(self.kind)

    def entity(self, row: int) -> Entity:
        return self._rows[row]

    def row_of(self, entity_id: str) -> int:
        return self.document.project.index_of(self.kind, entity_id)

    # -- read ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return translate_label(self.columns[section].header)  # the header stays English as a key
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def raw_value(self, entity: Entity, column: Column) -> object:
        if column.spec is not None:
            return getattr(entity, column.spec.name)
        return column.compute(entity) if column.compute else None

    def display_text(self, entity: Entity, column: Column) -> str:
        value = self.raw_value(entity, column)
        spec = column.spec or column.edit_spec
        if spec is None:
            return "" if value is None else str(value)
        if spec.kind is FieldKind.REF and spec.ref_kind:
            target = self.document.project.find(spec.ref_kind, value) if value else None  # type: ignore[arg-type]
            return target.display_name() if target else ""
        if spec.kind is FieldKind.REFS and spec.ref_kind:
            names = []
            for ref in value:  # type: ignore[union-attr]
                target = self.document.project.find(spec.ref_kind, ref)
                if target is not None:
                    names.append(target.display_name())
            return ", ".join(names)
        if spec.kind is FieldKind.BOOL:
            return ""  # shown as a check box
        if spec.kind is FieldKind.CHOICE:
            return choice_label(value)  # type: ignore[arg-type]
        return format_value(spec, value)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        entity = self._rows[index.row()]
        column = self.columns[index.column()]
        spec = column.spec or column.edit_spec
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(entity, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.display_text(entity, column)
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.EditRole:
            value = self.raw_value(entity, column)
            if spec is not None and spec.kind is FieldKind.TEXT_LIST:
                return "; ".join(value)  # type: ignore[arg-type]
            return value
        if role == Qt.ItemDataRole.CheckStateRole and spec is not None and spec.kind is FieldKind.BOOL:
            return Qt.CheckState.Checked if self.raw_value(entity, column) else Qt.CheckState.Unchecked
        if role == SORT_ROLE:
            return _sort_key(spec, self.raw_value(entity, column), self.display_text(entity, column))
        if role == ID_ROLE:
            return entity.id
        if role == SPEC_ROLE:
            return spec
        numeric = spec is not None and spec.kind in (FieldKind.INT, FieldKind.FLOAT)
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.header == "Exposure":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column.header == "Exposure":
            return QBrush(exposure_colour(entity.exposure))  # type: ignore[attr-defined]
        if role == Qt.ItemDataRole.ForegroundRole and column.header == "Exposure":
            # Set in every theme: the palette's text colour would not read on the fill.
            return QBrush(readable_ink(exposure_colour(entity.exposure)))  # type: ignore[attr-defined]
        overdue = (
            spec is not None
            and spec.name == "review_date"
            and isinstance(entity, Risk)
            and entity.review_overdue(dt.date.today())
        )
        if overdue and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#b00020"))
        if overdue and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if overdue and role == Qt.ItemDataRole.ToolTipRole:
            return "Review overdue"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        spec = column.spec or column.edit_spec
        if spec is None or (column.spec is None and column.assign is None):
            return base
        if spec.kind is FieldKind.BOOL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if spec.kind is FieldKind.REFS:
            return base  # edited as check lists in the details panel
        return base | Qt.ItemFlag.ItemIsEditable

    # -- write ---------------------------------------------------------------------
    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        entity = self._rows[index.row()]
        column = self.columns[index.column()]
        spec = column.spec or column.edit_spec
        if spec is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and spec.kind is FieldKind.BOOL:
            value = Qt.CheckState(value) == Qt.CheckState.Checked  # type: ignore[arg-type]
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            value = from_editor_value(spec, value)
            if self.raw_value(entity, column) == value:
                return True  # no change, no undo step
            if column.assign is not None:
                command = column.assign(entity, value)
            else:
                command = SetField(self.kind, entity.id, spec.name, value, edit_label(spec))
            self.document.execute(command)
        except FieldValueError as exc:
            self._on_error(str(exc))
            return False
        return True

    # -- mirror the project ----------------------------------------------------------
    def _on_project_event(self, event: ProjectEvent) -> None:
        if event.kind != self.kind:
            if event.type in ("inserted", "removed") or event.field in ("title", "name"):
                self._refresh_reference_columns()
            return
        if event.type == "about_to_insert":
            self.beginInsertRows(QModelIndex(), event.index, event.index)
        elif event.type == "inserted":
            self.endInsertRows()
        elif event.type == "about_to_remove":
            self.beginRemoveRows(QModelIndex(), event.index, event.index)
        elif event.type == "removed":
            self.endRemoveRows()
        elif event.type == "changed":
            left = self.index(event.index, 0)
            right = self.index(event.index, len(self.columns) - 1)
            self.dataChanged.emit(left, right)
            if event.field in ("title", "name"):
                self._refresh_reference_columns()

    def _refresh_reference_columns(self) -> None:
        """Names shown for links change when the linked entity is renamed or removed."""
        for position, column in enumerate(self.columns):
            if column.spec is not None and column.spec.ref_kind and self._rows:
                top, bottom = self.index(0, position), self.index(len(self._rows) - 1, position)
                self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])


def from_editor_value(spec: FieldSpec, value: object) -> object:
    """Turn what an editor widget produced into a value the field accepts."""
    if spec.kind is FieldKind.TEXT_LIST and isinstance(value, str):
        return parse_text_list(value, ";")
    if spec.kind in (FieldKind.INT, FieldKind.FLOAT) and isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return int(text) if spec.kind is FieldKind.INT else float(text)
        except ValueError:
            raise FieldValueError(f"{spec.label}: {text!r} is not a number") from None
    if spec.kind is FieldKind.DATE and isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return parse_date(text)  # the file's form and range; fromisoformat also takes 20240101
        except DateRangeError as exc:
            raise FieldValueError(f"{spec.label}: {exc}") from None
        except ValueError:
            raise FieldValueError(f"{spec.label}: {text!r} is not a date (YYYY-MM-DD)") from None
    if hasattr(value, "toPython"):  # QDate from a date editor
        return value.toPython()  # type: ignore[union-attr]
    return value


def _sort_key(spec: FieldSpec | None, value: object, text: str) -> object:
    """One key type per column, so the proxy compares like with like; blanks sort last."""
    if spec is not None and spec.kind is FieldKind.CHOICE:  # the declared order means something
        return float(spec.choices.index(value)) if value in spec.choices and value else float("inf")
    numeric = isinstance(value, (int, float)) or (
        spec is not None and spec.kind in (FieldKind.INT, FieldKind.FLOAT, FieldKind.BOOL)
    )
    if numeric:
        return float("inf") if value is None else float(value)  # type: ignore[arg-type]
    if value is None or value == "" or value == []:
        return BLANK_SORT_KEY
    if isinstance(value, dt.date):
        return value.isoformat()
    return text.casefold()
