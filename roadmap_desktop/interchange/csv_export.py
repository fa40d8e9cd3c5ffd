"""Requirements, timeline items or risks as CSV: one column per field, UTF-8 with a byte order mark.

The byte order mark makes Excel open the file as UTF-8, so Chinese text shows correctly; other
programs (and csv_import) skip it. Choice values are written as stored (``in_progress``), dates as
YYYY-MM-DD, lists joined with "; ". A link field gets two columns: the linked titles (readable) and
the field itself with the linked ids (exact). Every cell that a spreadsheet would run as a formula
(text, ids, lists, names in a mapping; see formula_guard) is prefixed with an apostrophe, which
csv_import removes again; a plain number in a number field stays a number. Control characters other
than tab and line breaks are left out (see controls.py).
"""

from __future__ import annotations

import csv
import io
import os

from ..domain.entity import Entity
from ..domain.fields import FieldKind, FieldSpec, format_value
from ..domain.project import ENTITY_TYPES, Project
from ..persistence.atomic import atomic_write_text
from .controls import strip_controls
from .formula_guard import guard, guard_number

KINDS = ("requirement", "item", "risk")
BOM = "\ufeff"
LIST_SEPARATOR = "; "
_NUMBER_KINDS = (FieldKind.INT, FieldKind.FLOAT)


def title_column(spec: FieldSpec) -> str:
    """Name of the readable column beside a link field: lane_id -> lane, risk_ids -> risks."""
    if spec.name.endswith("_ids"):
        return spec.name.removesuffix("_ids") + "s"
    if spec.name.endswith("_id"):
        return spec.name.removesuffix("_id")
    return spec.name + "_titles"


def columns(kind: str) -> list[str]:
    """The header row for ``kind``: id, then each field (a link field preceded by its title column)."""
    out = ["id"]
    for spec in _entity_type(kind).FIELDS:
        if spec.kind in (FieldKind.REF, FieldKind.REFS):
            out.append(title_column(spec))
        out.append(spec.name)
    return out


def csv_text(project: Project, kind: str) -> str:
    """The CSV text (without the byte order mark) of every entity of ``kind``, in project order."""
    cls = _entity_type(kind)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # excel dialect: comma, CRLF, quotes where needed (RFC 4180)
    writer.writerow(columns(kind))
    for entity in project.collection(kind):
        row = [_text(entity.id)]
        for spec in cls.FIELDS:
            value = getattr(entity, spec.name)
            if spec.kind in (FieldKind.REF, FieldKind.REFS):
                ids = [value] if spec.kind is FieldKind.REF else list(value)
                ids = [i for i in ids if i]
                titles = [_title(project, spec.ref_kind or "", i) for i in ids]
                row += [_text(LIST_SEPARATOR.join(titles)), _text(LIST_SEPARATOR.join(ids))]
            else:
                row.append(_cell(spec, value))
        writer.writerow(row)
    return buffer.getvalue()


def write_csv(project: Project, kind: str, path: str | os.PathLike[str]) -> None:
    """Write ``csv_text`` with a UTF-8 byte order mark, atomically; raises SaveError."""
    atomic_write_text(path, BOM + csv_text(project, kind))


def _entity_type(kind: str) -> type[Entity]:
    if kind not in KINDS:
        raise ValueError(f"cannot export {kind!r} as CSV; choose one of {', '.join(KINDS)}")
    return ENTITY_TYPES[kind]


def _cell(spec: FieldSpec, value: object) -> str:
    # Every cell is guarded, not only free text: a crafted file can put a formula into an id, a
    # choice or a mapping's names as easily as into a title.
    if spec.kind is FieldKind.CHOICE:
        return _text(str(value))  # the stored value, so that import maps it back exactly
    text = format_value(spec, value)
    return guard_number(text) if spec.kind in _NUMBER_KINDS else _text(text)


def _text(text: str) -> str:
    # Control characters are no text to a spreadsheet either: a NUL ends the cell for some readers
    # (and makes csv_import refuse the file), ESC sequences reach a terminal that shows the file.
    return guard(strip_controls(text, keep="\t\n\r"))


def _title(project: Project, kind: str, entity_id: str) -> str:
    target = project.find(kind, entity_id)
    return target.display_name() if target is not None else entity_id
