"""Field and choice labels in the interface language (the domain keeps English; ui/field_labels.py lists them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.fields import CHOICE_LABELS, FieldSpec
from ..domain.phases import PHASES

CONTEXT = "Fields"  # the catalog context of every field, column and choice label


def translate_label(english: str) -> str:
    """One English label (a field, a computed column, a choice) in the interface language."""
    return QCoreApplication.translate(CONTEXT, english) if english else english


def field_label(spec: FieldSpec) -> str:
    """The label shown for a field: table header, form label, link list title."""
    return translate_label(spec.label)


def choice_label(value: str, spec: FieldSpec | None = None) -> str:
    """The label shown for a stored choice value; a phase reads "P0 Requirement analysis".

    The interface language decides, not the project's: the project language is for exports.
    """
    if spec is not None and spec.name == "phase" and value:
        for phase in PHASES:
            if phase.code == value:
                return f"{phase.code} {translate_label(phase.en)}"
        return value
    return translate_label(CHOICE_LABELS.get(value, value))


def in_sentence(spec: FieldSpec) -> str:
    """The field's label inside a sentence ("Edit owner"): lower case while it is English."""
    shown = field_label(spec)
    return spec.label.lower() if shown == spec.label else shown


def edit_label(spec: FieldSpec) -> str:
    """The undo text of an edit of one field ("Edit status"), in the interface language."""
    return QCoreApplication.translate(CONTEXT, "Edit {field}").format(field=in_sentence(spec))
