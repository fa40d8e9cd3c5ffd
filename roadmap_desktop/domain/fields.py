"""Field specifications: the typed, labelled fields every entity declares, and value coercion."""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable
from dataclasses import dataclass

from ..wording import wording
from .dates import check_date, parse_date


class FieldKind(enum.Enum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # several lines
    INT = "int"
    FLOAT = "float"
    CHOICE = "choice"
    DATE = "date"  # datetime.date or None
    BOOL = "bool"
    TEXT_LIST = "text_list"  # list of one-line strings
    REF = "ref"  # id of one entity of ref_kind, or ""
    REFS = "refs"  # list of ids of entities of ref_kind
    NUM_MAP = "num_map"  # {label: number}, e.g. weighted-scoring criteria and their weights


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    ref_kind: str | None = None
    in_table: bool = True  # shown as a column in the editor's table
    required: bool = False  # may not be empty


class FieldValueError(ValueError):
    """A value does not fit its field; the message names the field and the problem."""


MAX_TEXT = 20_000  # characters in one text field; generous, but bounds a malicious file
MAX_LIST = 1_000  # entries in one list field
MAX_MAP = 100  # entries in one NUM_MAP field
MAX_KEY = 200  # characters in one NUM_MAP label


def coerce(spec: FieldSpec, value: object) -> object:
    """Return ``value`` normalised for ``spec`` or raise FieldValueError naming the field."""
    kind = spec.kind
    try:
        if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
            if not isinstance(value, str):
                raise FieldValueError("expected text")
            text = value if kind is FieldKind.LONG_TEXT else " ".join(value.split())
            if len(text) > MAX_TEXT:
                raise FieldValueError(f"longer than {MAX_TEXT} characters")
            if spec.required and not text.strip():
                raise FieldValueError("may not be empty")
            return text
        if kind is FieldKind.BOOL:
            if not isinstance(value, bool):
                raise FieldValueError("expected true or false")
            return value
        if kind in (FieldKind.INT, FieldKind.FLOAT):
            if value is None and not spec.required:
                return None
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise FieldValueError("expected a number")
            if value != value or value in (float("inf"), float("-inf")):
                raise FieldValueError("expected a finite number")
            try:
                number = int(value) if kind is FieldKind.INT else float(value)
            except OverflowError:
                raise FieldValueError("expected a finite number") from None
            if kind is FieldKind.INT and number != value:
                raise FieldValueError("expected a whole number")
            if spec.minimum is not None and number < spec.minimum:
                raise FieldValueError(f"must be at least {_fmt(spec.minimum)}")
            if spec.maximum is not None and number > spec.maximum:
                raise FieldValueError(f"must be at most {_fmt(spec.maximum)}")
            return number
        if kind is FieldKind.CHOICE:
            if value not in spec.choices:
                allowed = ", ".join(c or '""' for c in spec.choices)
                raise FieldValueError(f"must be one of {allowed}")
            return value
        if kind is FieldKind.DATE:
            if value is None or value == "":
                return None
            if isinstance(value, dt.datetime):
                raise FieldValueError("expected a date without a time")
            try:
                if isinstance(value, dt.date):
                    return check_date(value)
                if isinstance(value, str):
                    return parse_date(value)
            except ValueError as exc:
                raise FieldValueError(str(exc)) from None
            raise FieldValueError("expected a date as YYYY-MM-DD")
        if kind is FieldKind.REF:
            if not isinstance(value, str):
                raise FieldValueError("expected an id")
            return value
        if kind in (FieldKind.TEXT_LIST, FieldKind.REFS):
            if not isinstance(value, (list, tuple)):
                raise FieldValueError("expected a list")
            if len(value) > MAX_LIST:
                raise FieldValueError(f"more than {MAX_LIST} entries")
            out: list[str] = []
            for entry in value:
                if not isinstance(entry, str):
                    raise FieldValueError("expected a list of text")
                entry = " ".join(entry.split())
                if len(entry) > MAX_TEXT:
                    raise FieldValueError(f"an entry is longer than {MAX_TEXT} characters")
                if entry and entry not in out:  # blanks and repeats carry no meaning
                    out.append(entry)
            return out
        if kind is FieldKind.NUM_MAP:
            return _coerce_num_map(spec, value)
    except FieldValueError as exc:
        raise FieldValueError(f"{spec.label}: {exc}") from None
    raise AssertionError(f"unhandled field kind {kind}")


def _coerce_num_map(spec: FieldSpec, value: object) -> dict[str, float]:
    if not isinstance(value, dict):
        raise FieldValueError("expected a mapping of names to numbers")
    if len(value) > MAX_MAP:
        raise FieldValueError(f"more than {MAX_MAP} entries")
    out: dict[str, float] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not " ".join(key.split()):
            raise FieldValueError("every entry needs a name")
        name = " ".join(key.split())
        if len(name) > MAX_KEY:
            raise FieldValueError(f"a name is longer than {MAX_KEY} characters")
        if isinstance(number, bool) or not isinstance(number, (int, float)) or number != number:
            raise FieldValueError(f"{name}: expected a number")
        if number in (float("inf"), float("-inf")):
            raise FieldValueError(f"{name}: expected a finite number")
        if spec.minimum is not None and number < spec.minimum:
            raise FieldValueError(f"{name}: must be at least {_fmt(spec.minimum)}")
        if spec.maximum is not None and number > spec.maximum:
            raise FieldValueError(f"{name}: must be at most {_fmt(spec.maximum)}")
        out[name] = float(number)
    return out


def coercer(spec: FieldSpec) -> Callable[[object], object]:
    """``coerce`` for one field, as a function of the value alone: the same results and errors.

    Loading a big project coerces hundreds of thousands of values, nearly all already as stored: a value of
    the field's own type inside its limits is answered here; everything else, dates always, goes through
    ``coerce``, the one statement of the rules (tests/domain/test_fields.py compares the two).
    """
    kind = spec.kind

    def general(value: object) -> object:
        return coerce(spec, value)

    if kind is FieldKind.BOOL:
        return lambda value: value if type(value) is bool else coerce(spec, value)
    if kind is FieldKind.CHOICE:
        choices = frozenset(spec.choices)
        return lambda value: value if type(value) is str and value in choices else coerce(spec, value)
    if kind is FieldKind.REF:
        return lambda value: value if type(value) is str else coerce(spec, value)
    if kind in (FieldKind.INT, FieldKind.FLOAT):
        exact = int if kind is FieldKind.INT else float
        low = -math.inf if spec.minimum is None else spec.minimum
        high = math.inf if spec.maximum is None else spec.maximum
        optional = not spec.required

        def number(value: object) -> object:
            if value is None and optional:
                return None
            if type(value) is exact and low <= value <= high and -math.inf < value < math.inf:  # type: ignore[operator]
                return value
            return coerce(spec, value)

        return number
    if kind is FieldKind.TEXT:
        required = spec.required

        def text(value: object) -> object:
            if type(value) is str:
                line = " ".join(value.split())
                if len(line) <= MAX_TEXT and (line or not required):
                    return line
            return coerce(spec, value)

        return text
    if kind is FieldKind.LONG_TEXT:
        required = spec.required

        def long_text(value: object) -> object:
            if type(value) is str and len(value) <= MAX_TEXT and (not required or value.strip()):
                return value
            return coerce(spec, value)

        return long_text
    if kind in (FieldKind.TEXT_LIST, FieldKind.REFS):
        return lambda value: [] if type(value) is list and not value else coerce(spec, value)
    if kind is FieldKind.NUM_MAP:
        return lambda value: {} if type(value) is dict and not value else coerce(spec, value)
    return general


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def format_value(spec: FieldSpec, value: object) -> str:
    """Plain-text rendering used by tables, the command line and exports."""
    if value is None:
        return ""
    if spec.kind is FieldKind.BOOL:
        return "yes" if value else "no"
    if spec.kind is FieldKind.DATE:
        return value.isoformat()  # type: ignore[union-attr]
    if spec.kind is FieldKind.FLOAT:
        return _fmt(value)  # type: ignore[arg-type]
    if spec.kind is FieldKind.CHOICE:
        return CHOICE_LABELS.get(value, value)  # type: ignore[arg-type]
    if spec.kind is FieldKind.TEXT_LIST:
        return "; ".join(value)  # type: ignore[arg-type]
    if spec.kind is FieldKind.NUM_MAP:
        return "; ".join(f"{k}: {_fmt(v)}" for k, v in value.items())  # type: ignore[union-attr]
    return str(value)


def parse_num_map(text: str) -> dict[str, float]:
    """Parse user-typed ``name: number`` lines (``;`` also separates); the error names the bad line."""
    out: dict[str, float] = {}
    for line in parse_text_list(text):
        name, sep, number = line.rpartition(":")
        if not sep:
            name, sep, number = line.rpartition("=")
        if not sep or not name.strip():
            raise FieldValueError(f"{line!r}: write it as name: number")
        try:
            out[" ".join(name.split())] = float(number.replace(",", "."))
        except ValueError:
            raise FieldValueError(f"{line!r}: {number.strip()!r} is not a number") from None
    return out


def parse_text_list(text: str, separators: str = ";\n") -> list[str]:
    """Split user-typed text into list entries at any of ``separators``."""
    parts = [text]
    for sep in separators:
        parts = [piece for part in parts for piece in part.split(sep)]
    return [" ".join(p.split()) for p in parts if p.strip()]


# English labels for stored choice values (the interface translates them through Qt's catalog; documents
# take them in the project's language from the wording catalogs, where these come from).
_EN = wording("en")
CHOICE_LABELS: dict[str, str] = {"": "", **{key.removeprefix("choice."): _EN[key] for key in _EN.keys("choice.")}}
