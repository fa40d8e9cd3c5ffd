"""Importing requirements from CSV (spreadsheets, Jira, Trello, our own export): read, map columns, import.

Rules (docs/interchange.md has the full tables):

- Reading: UTF-8 with or without a byte order mark; anything else is refused with a message that
  says to re-save the file as "CSV UTF-8". The delimiter (comma, semicolon or tab) is the one that
  splits the first rows most consistently; an Excel ``sep=;`` first line is honoured. At most
  MAX_CSV_BYTES and MAX_ROWS.
- Row numbers are those a spreadsheet shows: the header is row 1, the first data row is row 2, and a
  cell with line breaks inside quotes still counts as one row. Wholly blank rows are skipped.
- A row without a title is skipped and reported. Any other cell that cannot be read (effort "abc",
  an unknown status) is left empty (the field's default) and reported; the row is imported.
- Requirements have no due date: a "Due date" column is appended to the description as a last line
  "Due: <value>", so the date stays visible and searchable without cluttering the tags.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..domain.commands import InsertEntity, Macro
from ..domain.fields import FieldKind, FieldSpec, FieldValueError, coerce, parse_num_map
from ..domain.project import Project
from ..domain.requirement import Requirement
from ..persistence.errors import ProjectFileError
from ..persistence.regular_file import UnreadableFile, read_regular_file
from ..wording import Wording, languages, wording
from .formula_guard import unguard

MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 500
DUE = "due"  # pseudo-field: appended to the description
DELIMITERS = (",", ";", "\t")
_LINK_KINDS = (FieldKind.REF, FieldKind.REFS)


class CsvReadError(ProjectFileError):
    """The CSV file cannot be read; ``str()`` is one line naming the file."""


@dataclass
class CsvTable:
    headers: list[str]  # unique, stripped; blank headers become "Column N", repeats get " (2)"
    rows: list[list[str]]  # data rows, blank ones left out
    row_numbers: list[int]  # the spreadsheet row number of each data row (header = 1)
    source: str = "CSV"  # the file name, for messages and the undo label
    delimiter: str = ","

    def column(self, header: str) -> int:
        return self.headers.index(header)


@dataclass
class ImportResult:
    command: Macro  # one undo step inserting every requirement
    requirements: list[Requirement] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)  # source row of each requirement
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row number, message)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.requirements)


# -- the fields one can import into -------------------------------------------------------------


def import_targets() -> list[tuple[str, str]]:
    """(field, label) for every requirement field a column can be mapped to, in a sensible order."""
    first = ["title", "description", "status", "moscow", "owner", "effort", "tags"]
    specs = {s.name: s for s in Requirement.FIELDS if s.kind not in _LINK_KINDS}
    order = first + [name for name in specs if name not in first]
    targets = [(name, specs[name].label) for name in order]
    targets.insert(first.index("tags") + 1, (DUE, "Due date (added to the description)"))
    return targets


# Column names and choice words that spreadsheets and trackers use come from every wording catalog:
# "import.column.<field>" and "import.<field>.<value>" list words separated by ALIAS_SEPARATOR, so a new
# language's catalog brings its own. A choice's label in any catalog is accepted too.
ALIAS_SEPARATOR = "|"


def _catalogs() -> tuple[Wording, ...]:
    return tuple(wording(code) for code in languages())


def _aliases(key: str, catalogs: tuple[Wording, ...]) -> list[str]:
    """Every catalog's words under ``key``, in catalog order."""
    return [word for w in catalogs for word in w.get(key).split(ALIAS_SEPARATOR) if word.strip()]


def _normalise_header(text: str) -> str:
    text = re.sub(r"\([^)]*\)|（[^）]*）", " ", text)  # "Effort (weeks)", our own " (2)" on repeats
    text = re.sub(r"[_\-%:：]+", " ", text.casefold())
    return " ".join(text.split())


def _header_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for name, _label in import_targets():
        lookup.setdefault(_normalise_header(name), name)
    for spec in Requirement.FIELDS:
        if spec.kind not in _LINK_KINDS:
            lookup.setdefault(_normalise_header(spec.label), spec.name)
    catalogs = _catalogs()
    for name, _label in import_targets():
        for word in _aliases(f"import.column.{name}", catalogs):
            lookup[_normalise_header(word)] = name
    return lookup


def suggest_mapping(headers: list[str]) -> dict[str, str]:
    """{column: field} for the columns recognised by name (case-insensitive, field names and synonyms).

    Each field gets the first column that names it, except tags, which collects every matching
    column (Jira writes one "Labels" column per label).
    """
    lookup = _header_lookup()
    mapping: dict[str, str] = {}
    for header in headers:
        target = lookup.get(_normalise_header(header))
        if target and (target == "tags" or target not in mapping.values()):
            mapping[header] = target
    return mapping


# -- reading ------------------------------------------------------------------------------------


def read_csv_table(source: str | bytes | os.PathLike[str], name: str | None = None) -> CsvTable:
    """Read CSV from a path (``Path``, or a ``str`` without line breaks), CSV text or bytes.

    Raises CsvReadError with one line naming the file.
    """
    if isinstance(source, bytes):
        label, data = name or "CSV", source
        text = _decode(data, label)
    elif isinstance(source, str) and ("\n" in source or "\r" in source):
        label, text = name or "CSV", source.removeprefix("\ufeff")
    else:
        path = Path(source)
        label = name or path.name
        text = _decode(_read_bytes(path), label, path)
    return _parse(text, label)


def _read_bytes(path: Path) -> bytes:
    try:
        return read_regular_file(path, MAX_CSV_BYTES, "CSV file")
    except UnreadableFile as exc:
        if exc.reason == "too_big":
            raise CsvReadError(
                path, f"is larger than {MAX_CSV_BYTES // (1024 * 1024)} MB; split it into smaller files"
            ) from None
        raise CsvReadError(path, exc.problem) from None


_RESAVE = 're-save it as UTF-8 (in Excel: Save As > "CSV UTF-8 (Comma delimited)")'


def _decode(data: bytes, label: str, path: Path | None = None) -> str:
    where = path or label
    if len(data) > MAX_CSV_BYTES:
        raise CsvReadError(where, f"is larger than {MAX_CSV_BYTES // (1024 * 1024)} MB; split it into smaller files")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CsvReadError(where, f"is UTF-16 text, not UTF-8: {_RESAVE}")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CsvReadError(where, f"is not UTF-8 text (byte {exc.start + 1} cannot be read): {_RESAVE}") from None
    if "\0" in text:
        raise CsvReadError(where, "is not a text file (it contains NUL bytes)")
    return text


def _parse(text: str, label: str) -> CsvTable:
    delimiter = None
    first, _, rest = text.partition("\n")
    hint = re.fullmatch(r'"?sep=(.)"?\s*', first.rstrip("\r"), re.IGNORECASE)
    if hint:  # Excel's delimiter line; Excel hides it, so the header is still row 1
        delimiter, text = hint.group(1), rest
    delimiter = delimiter or _sniff(text)
    records = _records(text, delimiter, label)
    if not records or not any(cell.strip() for cell in records[0]):
        raise CsvReadError(label, "has no header row (the first row names the columns)")
    headers = _unique_headers(records[0])
    if len(headers) > MAX_COLUMNS:
        raise CsvReadError(label, f"has more than {MAX_COLUMNS} columns")
    rows, numbers = [], []
    for index, record in enumerate(records[1:], start=2):
        if any(cell.strip() for cell in record):
            rows.append(record)
            numbers.append(index)
    if len(rows) > MAX_ROWS:
        raise CsvReadError(label, f"has more than {MAX_ROWS} rows; split it into smaller files")
    return CsvTable(headers, rows, numbers, label, delimiter)


def _records(text: str, delimiter: str, label: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            opened = _count_records(text, delimiter)
            raise CsvReadError(label, f'a quoted cell in row {opened} is never closed (a " is missing)') from None
    try:  # strict only objects to stray quotes like  "a"b ; read those as a spreadsheet would
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise CsvReadError(label, f"cannot be read as CSV: {exc}") from None


def _count_records(text: str, delimiter: str) -> int:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    count = 0
    for count, _record in enumerate(reader, start=1):  # noqa: B007 - the last value is the answer
        pass
    return max(count, 1)


def _sniff(text: str) -> str:
    """The delimiter that gives the header more than one column and splits the next rows alike."""
    sample = text[:65536]
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            rows = [row for _, row in zip(range(50), reader, strict=False) if row]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(1 for row in rows if len(row) == width) / len(rows)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _unique_headers(cells: list[str]) -> list[str]:
    out: list[str] = []
    for index, cell in enumerate(cells, start=1):
        base = " ".join(cell.split()) or f"Column {index}"
        name, counter = base, 2
        while name in out:
            name, counter = f"{base} ({counter})", counter + 1
        out.append(name)
    return out


# -- value conversion ---------------------------------------------------------------------------


def _word(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").replace("_", " ").split())


@cache
def _choice_lookup(field: str, choices: tuple[str, ...], catalogs: tuple[Wording, ...]) -> dict[str, str]:
    """{word: stored value}: the stored values, every catalog's label for them, then the words other
    tools use ("import.<field>.<value>"); the first entry for a word wins. ``catalogs`` is part of the
    cache key, so a catalog registered later gets a new lookup."""
    values = [value for value in choices if value]
    lookup = {_word(value): value for value in values}
    for w in catalogs:
        for value in values:
            lookup.setdefault(_word(w.choice(value)), value)
    for value in values:
        for word in _aliases(f"import.{field}.{value}", catalogs):
            lookup.setdefault(_word(word), value)
    return lookup


def _choice(spec: FieldSpec, text: str) -> str:
    value = _choice_lookup(spec.name, tuple(spec.choices), _catalogs()).get(_word(text))
    if value is not None:
        return value
    allowed = ", ".join(c for c in spec.choices if c)
    raise FieldValueError(f"{text!r} is not one of {allowed}")


def _number(text: str) -> float:
    cleaned = text.strip().removesuffix("%").replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", cleaned):  # 1,200 or 1,200.5: thousands separators
        cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1 and "." not in cleaned:  # 2,5: a decimal comma
        cleaned = cleaned.replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        raise FieldValueError(f"{text.strip()!r} is not a number") from None


def _list(text: str, header: str) -> list[str]:
    separators = ";,\n"
    if _normalise_header(header) in ("labels", "label"):
        separators += " \t"  # Jira labels cannot contain spaces, and Jira separates them by spaces
    parts = [text]
    for sep in separators:
        parts = [piece for part in parts for piece in part.split(sep)]
    return [" ".join(p.split()) for p in parts if p.strip()]


def _convert(spec: FieldSpec, text: str, header: str) -> object:
    if spec.kind in (FieldKind.INT, FieldKind.FLOAT):
        return _number(text)
    if spec.kind is FieldKind.CHOICE:
        return _choice(spec, text)
    if spec.kind is FieldKind.TEXT_LIST:
        if spec.name == "tags":
            return _list(text, header)
        return [" ".join(p.split()) for p in re.split(r"[;\n]", text) if p.strip()]
    if spec.kind is FieldKind.NUM_MAP:
        return parse_num_map(text)
    return text


# -- importing ----------------------------------------------------------------------------------


def check_mapping(mapping: dict[str, str]) -> list[str]:
    """Problems with the mapping itself: unknown fields, or two columns for a one-value field."""
    targets = dict(import_targets())
    problems, seen = [], {}
    for column, target in mapping.items():
        if target not in targets:
            problems.append(f"column {column!r}: unknown field {target!r}")
            continue
        kind = Requirement.spec(target).kind if target != DUE else FieldKind.LONG_TEXT
        if target in seen and kind not in (FieldKind.TEXT_LIST, FieldKind.LONG_TEXT):
            problems.append(f"columns {seen[target]!r} and {column!r} both fill {targets[target]}")
        seen.setdefault(target, column)
    return problems


def import_requirements(table: CsvTable, mapping: dict[str, str], project: Project) -> ImportResult:
    """Requirements built from the table's rows, and ONE Macro that appends them to ``project``.

    ``mapping`` is {column: field} (a field name from ``import_targets``); columns not in it are
    ignored and listed. Raises ValueError when the mapping itself is wrong (see check_mapping).
    """
    wrong = check_mapping({c: f for c, f in mapping.items() if c in table.headers})
    if wrong:
        raise ValueError("; ".join(wrong))
    used = [(table.column(c), c, f) for c, f in mapping.items() if c in table.headers and f]
    used.sort()
    result = ImportResult(Macro(""), ignored_columns=[h for h in table.headers if h not in mapping])
    width = len(table.headers)
    for row_number, row in zip(table.row_numbers, table.rows, strict=True):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            result.problems.append(
                (row_number, f"has {len(row)} cells but the header only {width}: extra cells ignored")
            )
        requirement, problems = _build(row, used)
        result.problems += [(row_number, message) for message in problems]
        if requirement is not None:
            result.requirements.append(requirement)
            result.row_numbers.append(row_number)
    count = len(result.requirements)
    noun = "requirement" if count == 1 else "requirements"
    result.command = Macro(
        f"Import {count} {noun} from {table.source}",
        [InsertEntity("requirement", r, None, "Import requirement") for r in result.requirements],
    )
    return result


def _build(row: list[str], used: list[tuple[int, str, str]]) -> tuple[Requirement | None, list[str]]:
    values: dict[str, object] = {}
    problems: list[str] = []
    due: list[str] = []
    title_failed = False
    for index, header, target in used:
        text = unguard(row[index]) if index < len(row) else ""
        if not text.strip():
            continue
        if target == DUE:
            due.append(" ".join(text.split()))
            continue
        spec = Requirement.spec(target)
        try:
            value = coerce(spec, _convert(spec, text, header))
        except FieldValueError as exc:
            message = str(exc).removeprefix(f"{spec.label}: ")
            problems.append(f"{header}: {message}" + ("" if target == "title" else "; left empty"))
            title_failed = title_failed or target == "title"
            continue
        if target in values and spec.kind is FieldKind.TEXT_LIST:
            value = coerce(spec, [*values[target], *value])  # type: ignore[misc]
        elif target in values and spec.kind is FieldKind.LONG_TEXT:
            value = f"{values[target]}\n\n{value}"
        values[target] = value
    if due:
        text = str(values.get("description", ""))
        values["description"] = (text + "\n\n" if text else "") + "\n".join(f"Due: {d}" for d in due)
    if not str(values.get("title", "")).strip():
        return None, [*problems, "row skipped" if title_failed else "no title: row skipped"]
    requirement = Requirement()
    for name, value in values.items():
        try:
            requirement.set(name, value)
        except FieldValueError as exc:  # e.g. description plus due lines grew past the limit
            problems.append(f"{exc}; left empty")
    return requirement, problems
