"""The details panel: every field of the selected entity, and its links, editable in place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.commands import SetField
from ...domain.entity import Entity
from ...domain.fields import FieldKind, FieldSpec, FieldValueError, coerce, format_value, parse_num_map, parse_text_list
from ...domain.project import ENTITY_TYPES, ProjectEvent, link_field
from ...qtmodels.document import ProjectDocument
from ...qtmodels.entity_table_model import from_editor_value
from ...qtmodels.labels import edit_label, field_label
from ..field_widgets import (
    CommitPlainTextEdit,
    DateEdit,
    choice_combo,
    number_edit,
    number_text,
    ref_combo,
    set_combo_value,
)

MIN_FIELD_WIDTH = 220  # narrower, a field shows a few words of a title or a description


def _link_title(kind: str) -> str:
    translate = QCoreApplication.translate
    return {
        "requirement": translate("DetailsPanel", "Linked requirements"),
        "item": translate("DetailsPanel", "Linked timeline items"),
        "risk": translate("DetailsPanel", "Linked risks"),
    }[kind]


class DetailsPanel(QScrollArea):
    """Shows one entity; each committed edit is one undoable command."""

    def __init__(self, document: ProjectDocument, kind: str, on_error: Callable[[str], None]) -> None:
        super().__init__()
        self.document = document
        self.kind = kind
        self.entity_id: str | None = None
        self._on_error = on_error
        self._loading = False
        self._editors: dict[str, QWidget] = {}
        self._links: dict[str, tuple[QListWidget, str, str]] = {}  # other kind -> list, owner, field

        body = QWidget()
        outer = QVBoxLayout(body)
        self._heading = QLabel()
        self._heading.setObjectName("detailsHeading")
        self._heading.setWordWrap(True)
        self._heading.setStyleSheet("font-size: 15px; font-weight: 600; padding: 2px 0 6px 0;")
        outer.addWidget(self._heading)
        self._form_host = QWidget()
        form = self._form = QFormLayout(self._form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        outer.addWidget(self._form_host)
        self._empty = QLabel(self.tr("Select a row to see and edit its details."))
        self._empty.setWordWrap(True)
        self._empty.setStyleSheet("color: palette(mid); padding: 12px;")
        outer.addWidget(self._empty)
        outer.addStretch(1)

        for spec in ENTITY_TYPES[kind].FIELDS:
            if spec.kind is FieldKind.REFS:
                continue  # link lists below
            editor = self._make_editor(spec)
            self._editors[spec.name] = editor
            form.addRow(field_label(spec), editor)
        for other in ("requirement", "item", "risk"):
            found = link_field(kind, other)
            if found is None or (other == kind and found[0] != kind):
                continue
            owner, name = found
            title = field_label(ENTITY_TYPES[owner].spec(name)) if other == kind else _link_title(other)
            links = QListWidget()
            links.setMinimumHeight(90)
            links.setMaximumHeight(150)
            links.itemChanged.connect(lambda item, other=other: self._on_link_toggled(other, item))
            self._links[other] = (links, owner, name)
            form.addRow(title, links)

        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setMinimumWidth(300)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form wraps instead
        document.project_changed.connect(self._on_document_project_changed)
        self.show_entity(None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_form()

    def _fit_form(self) -> None:
        """Labels beside their fields while the fields keep a usable width; on a narrow panel (a laptop,
        150 % scaling) every label goes above its field, which then takes the whole width."""
        form = self._form
        labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
        widest = max((item.widget().sizeHint().width() for item in labels if item and item.widget()), default=0)
        spacing = form.horizontalSpacing() if form.horizontalSpacing() >= 0 else 6
        margins = self._form_host.contentsMargins()
        room = self.viewport().width() - margins.left() - margins.right() - 24  # the outer layout's margins
        wrap = room < widest + spacing + MIN_FIELD_WIDTH
        policy = QFormLayout.RowWrapPolicy.WrapAllRows if wrap else QFormLayout.RowWrapPolicy.DontWrapRows
        if form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft if wrap else Qt.AlignmentFlag.AlignRight)

    # -- building ------------------------------------------------------------------
    def _make_editor(self, spec: FieldSpec) -> QWidget:
        kind = spec.kind
        if kind is FieldKind.CHOICE:
            combo = choice_combo(spec)
            combo.activated.connect(lambda _i, s=spec, c=combo: self._commit(s, c.currentData()))
            return combo
        if kind is FieldKind.REF:
            combo = ref_combo(self.document.project, spec)
            combo.activated.connect(lambda _i, s=spec, c=combo: self._commit(s, c.currentData()))
            return combo
        if kind is FieldKind.BOOL:
            box = QCheckBox()
            box.clicked.connect(lambda checked, s=spec: self._commit(s, bool(checked)))
            return box
        if kind is FieldKind.DATE:
            date = DateEdit()
            date.editingFinished.connect(lambda s=spec, d=date: self._commit(s, d.value()))
            return date
        if kind in (FieldKind.INT, FieldKind.FLOAT):
            edit = number_edit(spec)
            edit.editingFinished.connect(lambda s=spec, e=edit: self._commit(s, e.text()))
            return edit
        if kind in (FieldKind.LONG_TEXT, FieldKind.TEXT_LIST, FieldKind.NUM_MAP):
            text = CommitPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMinimumHeight(64 if kind is FieldKind.LONG_TEXT else 48)
            text.setMaximumHeight(110 if kind is FieldKind.LONG_TEXT else 72)
            if kind is FieldKind.TEXT_LIST:
                text.setPlaceholderText(self.tr("One per line"))
            elif kind is FieldKind.NUM_MAP:
                text.setPlaceholderText(self.tr("One per line, as name: number"))
            text.committed.connect(lambda s=spec, t=text: self._commit(s, t.toPlainText()))
            return text
        edit = QLineEdit()
        edit.editingFinished.connect(lambda s=spec, e=edit: self._commit(s, e.text()))
        return edit

    # -- showing -------------------------------------------------------------------
    def entity(self) -> Entity | None:
        if self.entity_id is None:
            return None
        return self.document.project.find(self.kind, self.entity_id)

    def show_entity(self, entity_id: str | None) -> None:
        self.entity_id = entity_id
        self._reload()

    def focus_title(self) -> None:
        """Put the cursor in the title with its text selected: typing names a new item at once."""
        editor = self._editors.get("title")
        if isinstance(editor, QLineEdit):
            self.ensureWidgetVisible(editor)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            editor.selectAll()
        else:
            self.setFocus()

    def _reload(self, links: bool = True) -> None:
        entity = self.entity()
        self._form_host.setVisible(entity is not None)
        self._empty.setVisible(entity is None)
        if entity is None:
            self._heading.setText("")
            return
        self._loading = True
        try:
            self._heading.setText(entity.display_name())
            for spec in entity.FIELDS:
                if spec.name in self._editors:
                    self._load_value(spec, self._editors[spec.name], getattr(entity, spec.name))
            for other in self._links if links else ():
                self._load_links(entity, other)
        finally:
            self._loading = False

    def _load_value(self, spec: FieldSpec, editor: QWidget, value: object) -> None:
        if isinstance(editor, QComboBox):
            if spec.kind is FieldKind.REF:
                editor.clear()
                editor.addItem("—", "")
                for target in self.document.project.collection(spec.ref_kind or ""):
                    editor.addItem(target.display_name(), target.id)
            set_combo_value(editor, value)
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, DateEdit):
            editor.set_value(value)  # type: ignore[arg-type]
        elif isinstance(editor, CommitPlainTextEdit):
            if isinstance(value, dict):
                text = format_value(spec, value).replace("; ", "\n")
            else:
                text = "\n".join(value) if isinstance(value, list) else str(value)
            if editor.toPlainText() != text:
                editor.setPlainText(text)
        elif isinstance(editor, QLineEdit):
            text = number_text(spec, value) if spec.kind in (FieldKind.INT, FieldKind.FLOAT) else str(value)
            if editor.text() != text:
                editor.setText(text)
                editor.setCursorPosition(0)

    def _load_links(self, entity: Entity, other: str) -> None:
        links, _owner, _name = self._links[other]
        linked = {e.id for e in self.document.project.linked(entity, other)}
        if other == entity.KIND:  # depends-on: only the stored direction
            linked = set(getattr(entity, _name))
        links.blockSignals(True)
        links.clear()
        for target in self.document.project.collection(other):
            if target.id == entity.id:
                continue
            item = QListWidgetItem(target.display_name())
            item.setData(Qt.ItemDataRole.UserRole, target.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if target.id in linked else Qt.CheckState.Unchecked)
            links.addItem(item)
        links.blockSignals(False)

    # -- committing ----------------------------------------------------------------
    def _commit(self, spec: FieldSpec, raw: object) -> None:
        entity = self.entity()
        if self._loading or entity is None:
            return
        try:
            if spec.kind is FieldKind.TEXT_LIST and isinstance(raw, str):
                value = parse_text_list(raw, "\n")
            elif spec.kind is FieldKind.NUM_MAP and isinstance(raw, str):
                try:
                    parsed = parse_num_map(raw)
                except FieldValueError as exc:
                    raise FieldValueError(f"{spec.label}: {exc}") from None
                value = coerce(spec, parsed)
            else:
                value = from_editor_value(spec, raw)
            if getattr(entity, spec.name) == value:
                return
            self.document.execute(SetField(self.kind, entity.id, spec.name, value, edit_label(spec)))
        except FieldValueError as exc:
            self._on_error(str(exc))
            self._reload()  # show the stored value again

    def _on_link_toggled(self, other: str, item: QListWidgetItem) -> None:
        entity = self.entity()
        if self._loading or entity is None:
            return
        _links, owner, name = self._links[other]
        target_id = item.data(Qt.ItemDataRole.UserRole)
        checked = item.checkState() == Qt.CheckState.Checked
        owner_id, ref_id = (entity.id, target_id) if owner == self.kind else (target_id, entity.id)
        current = list(getattr(self.document.project.get(owner, owner_id), name))
        if checked and ref_id not in current:
            current.append(ref_id)
        elif not checked and ref_id in current:
            current.remove(ref_id)
        else:
            return
        label = self.tr("Link {kind}") if checked else self.tr("Unlink {kind}")
        try:
            self.document.execute(SetField(owner, owner_id, name, current, label.format(kind=other)))
        except FieldValueError as exc:
            self._on_error(str(exc))
            self._reload()

    def _on_document_project_changed(self, event: ProjectEvent) -> None:
        if self.entity_id is None:
            return
        if event.kind == self.kind and event.type == "removed" and self.entity() is None:
            self.show_entity(None)
            return
        if event.type in ("inserted", "removed"):
            self._reload()
        elif event.type == "changed":
            # Link lists hold every entity of a kind (2,000 timeline items): rebuild them only
            # when a name or a link changed, not for a date or a score.
            self._reload(links=_affects_links(event))


def _affects_links(event: ProjectEvent) -> bool:
    """Whether a field change can alter a link list: a shown name, or a stored link."""
    if event.field in ("title", "name"):
        return True
    entity_type = ENTITY_TYPES.get(event.kind)
    if entity_type is None or not event.field:
        return True
    try:
        return entity_type.spec(event.field).kind in (FieldKind.REF, FieldKind.REFS)
    except KeyError:
        return True
