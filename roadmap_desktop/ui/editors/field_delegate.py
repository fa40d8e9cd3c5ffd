"""Item delegate that edits a table cell with the widget its field kind calls for."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...domain.fields import FieldKind, FieldSpec
from ...qtmodels.document import ProjectDocument
from ...qtmodels.entity_table_model import SPEC_ROLE
from ..field_widgets import DateEdit, choice_combo, number_edit, number_text, ref_combo, set_combo_value

_Index = QModelIndex | QPersistentModelIndex


class FieldDelegate(QStyledItemDelegate):
    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        spec: FieldSpec | None = index.data(SPEC_ROLE)
        if spec is None:
            return super().createEditor(parent, option, index)
        if spec.kind is FieldKind.CHOICE:
            return choice_combo(spec, parent)
        if spec.kind is FieldKind.REF:
            return ref_combo(self.document.project, spec, parent)
        if spec.kind in (FieldKind.INT, FieldKind.FLOAT):
            return number_edit(spec, parent)
        if spec.kind is FieldKind.DATE:
            return DateEdit(parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        spec: FieldSpec | None = index.data(SPEC_ROLE)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            set_combo_value(editor, value)
        elif isinstance(editor, DateEdit):
            editor.set_value(value)
        elif isinstance(editor, QLineEdit) and spec is not None and spec.kind in (FieldKind.INT, FieldKind.FLOAT):
            editor.setText(number_text(spec, value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, DateEdit):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
