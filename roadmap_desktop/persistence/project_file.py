"""Loading and saving ``.roadmap`` project files: checks, migration with backup, schema validation."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import shutil
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..domain.dates import RANGE_TEXT, DateRangeError, now_stamp, parse_date
from ..domain.project import Project
from .atomic import atomic_write_bytes, atomic_write_text
from .errors import ProjectFileError, SaveError
from .migrations import MIGRATIONS, migrate
from .paths import resources_dir
from .schema import SCHEMA_FILE_NAME, build_schema
from .serialize import FORMAT_NAME, FORMAT_VERSION, project_from_dict, project_to_dict

FILE_SUFFIX = ".roadmap"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64  # a valid project nests 4 levels; the cap keeps validation far from the recursion limit
_MB = 1024 * 1024


@dataclass
class LoadedProject:
    project: Project
    path: Path
    migrated_from: int | None = None  # the file's older format version, when it was upgraded in memory
    backup_path: Path | None = None  # copy of the original bytes, made before an upgrade
    backup_error: str | None = None  # why no backup could be written (the upgrade still happened)


# -- public API ---------------------------------------------------------------------------------


def load_project(path: str | os.PathLike[str]) -> LoadedProject:
    """Read, check, upgrade (backing up the original first) and validate a project file.

    Raises ProjectFileError, and nothing else, whatever the file contains; the file itself is
    never modified.
    """
    file = Path(path)
    try:
        data = read_file_bytes(file)
        doc = parse_document(decode_text(data, file), file)
        version = check_envelope(doc, file)
        loaded_from: int | None = None
        backup: Path | None = None
        backup_error: str | None = None
        if version < FORMAT_VERSION:
            try:
                backup = back_up(file, data, version)
            except SaveError as exc:
                backup_error = exc.problem
            doc = _migrate(doc, file)
            loaded_from = version
        project = _build(doc, file)
        return LoadedProject(project, file, loaded_from, backup, backup_error)
    except ProjectFileError:
        raise
    except Exception as exc:  # final guard: no file content may crash the caller
        raise ProjectFileError(file, f"could not be opened: {_exception_text(exc)}") from None


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Stamp ``project.modified`` and write the project atomically; raises SaveError.

    On failure the file on disk and ``project.modified`` are as they were.
    """
    file = Path(path)
    previous = project.modified
    project.modified = now_stamp()
    try:
        atomic_write_text(file, dumps_project(project))
    except BaseException as exc:
        project.modified = previous
        if isinstance(exc, SaveError) or not isinstance(exc, Exception):
            raise
        raise SaveError(file, f"could not save: {_exception_text(exc)}") from None


def dumps_project(project: Project) -> str:
    """The file text of ``project`` (UTF-8 text with readable non-ASCII characters)."""
    return json.dumps(project_to_dict(project), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def loads_project(text: str, path_for_messages: str | os.PathLike[str]) -> Project:
    """Parse, upgrade and validate project file text; raises ProjectFileError only."""
    file = Path(path_for_messages)
    try:
        if text.startswith("\ufeff"):
            text = text[1:]
        return _to_project(parse_document(text, file), file)
    except ProjectFileError:
        raise
    except Exception as exc:
        raise ProjectFileError(file, f"could not be read: {_exception_text(exc)}") from None


def document_to_project(doc: object, path: str | os.PathLike[str]) -> Project:
    """Check the envelope, upgrade in memory and validate an already parsed document."""
    file = Path(path)
    try:
        check_structure(doc, file)
        return _to_project(doc, file)
    except ProjectFileError:
        raise
    except Exception as exc:
        raise ProjectFileError(file, f"could not be read: {_exception_text(exc)}") from None


# -- the individual checks, in the order load_project applies them ------------------------------


def read_file_bytes(file: Path, limit: int | None = None) -> bytes:
    """The whole file, refusing missing paths, folders, special files and files over the limit."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        info = os.stat(file)
    except (FileNotFoundError, NotADirectoryError):
        raise ProjectFileError(file, "does not exist") from None
    except OSError as exc:
        raise ProjectFileError(file, _read_problem(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ProjectFileError(file, "is a folder, not a project file")
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device could block forever or never end.
        raise ProjectFileError(file, "is not a regular file")
    if info.st_size > limit:
        raise ProjectFileError(file, _too_big(info.st_size, limit))
    try:
        with open(file, "rb") as stream:
            data = stream.read(limit + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise ProjectFileError(file, _read_problem(exc)) from None
    if len(data) > limit:
        raise ProjectFileError(file, _too_big(max(len(data), info.st_size), limit))
    return data


def decode_text(data: bytes, file: Path) -> str:
    """Strict UTF-8, with an optional byte order mark; anything else is called binary."""
    offset = 0
    if data.startswith(codecs.BOM_UTF8):
        offset = len(codecs.BOM_UTF8)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ProjectFileError(file, "is UTF-16 text; project files are UTF-8")
    nul = data.find(b"\0", offset)  # valid UTF-8, but no text file holds NUL bytes
    try:
        text = data[offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = offset + exc.start
        raise ProjectFileError(
            file, f"is not a text file (binary data at byte {min(bad, nul) if nul >= 0 else bad})"
        ) from None
    if nul >= 0:
        raise ProjectFileError(file, f"is not a text file (binary data at byte {nul})")
    return text


def parse_document(text: str, file: Path) -> object:
    """JSON text to Python objects, with position-bearing messages and a nesting cap."""
    if not text.strip():
        raise ProjectFileError(file, "is empty")
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        cut_off = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated")
        hint = " (the file ends too early: it may be truncated)" if cut_off else ""
        at = "" if exc.msg.endswith(" at") else " at"  # "Unterminated string starting at" has its own
        raise ProjectFileError(
            file, f"is not valid JSON: {exc.msg}{at} line {exc.lineno}, column {exc.colno}{hint}"
        ) from None
    except RecursionError:
        raise ProjectFileError(file, f"is nested too deeply (more than {MAX_DEPTH} levels)") from None
    except ValueError as exc:  # NaN/Infinity, or an integer longer than Python's digit limit
        problem = "a number has thousands of digits" if "digits" in str(exc) else _exception_text(exc)
        raise ProjectFileError(file, f"is not valid JSON: {problem}") from None
    check_structure(doc, file)
    return doc


def check_structure(doc: object, file: Path) -> None:
    """Reject nesting deeper than MAX_DEPTH and text that cannot be saved again as UTF-8."""
    stack: list[tuple[object, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Iterable[object] = value.values()
            _check_text(value.keys(), file)
        elif isinstance(value, list):
            children = value
        else:
            if isinstance(value, str):
                _check_text((value,), file)
            continue
        if depth > MAX_DEPTH:
            raise ProjectFileError(file, f"is nested too deeply (more than {MAX_DEPTH} levels)")
        stack.extend((child, depth + 1) for child in children)


def check_envelope(doc: object, file: Path) -> int:
    """Check the format name and return a readable format version (refusing newer ones)."""
    if not isinstance(doc, dict):
        raise ProjectFileError(file, "is not a Roadmap Desktop project (the top level is not a JSON object)")
    if doc.get("format") != FORMAT_NAME:
        raise ProjectFileError(file, "is not a Roadmap Desktop project")
    if "format_version" not in doc:
        raise ProjectFileError(file, "has no file format version")
    version = doc["format_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProjectFileError(
            file, f"has an invalid file format version ({_json_excerpt(version)}): expected a whole number"
        )
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            file,
            f"was written by a newer Roadmap Desktop (file format version {version}); "
            f"this version reads up to version {FORMAT_VERSION}: please update the app",
        )
    if version != FORMAT_VERSION and version not in MIGRATIONS:
        raise ProjectFileError(file, f"has an unknown file format version {version}")
    return version


def back_up(file: Path, data: bytes, version: int) -> Path:
    """Copy the original bytes to ``<name>.v<version>.bak`` (or ``.v<version>.<n>.bak``).

    An existing backup is never overwritten; one with identical bytes is reused, so opening
    the same old file repeatedly does not pile up copies.  Raises SaveError.
    """
    for counter in range(1000):
        suffix = f".v{version}.bak" if counter == 0 else f".v{version}.{counter}.bak"
        candidate = file.with_name(file.name + suffix)
        if candidate.exists() or candidate.is_symlink():
            if _same_bytes(candidate, data):
                return candidate
            continue
        atomic_write_bytes(candidate, data)
        with contextlib.suppress(OSError):
            shutil.copystat(file, candidate)  # keep the original's dates and permissions
        return candidate
    raise SaveError(file, "cannot back up the file before upgrading it: too many backups beside it")


# -- helpers ------------------------------------------------------------------------------------


def _to_project(doc: object, file: Path) -> Project:
    if check_envelope(doc, file) < FORMAT_VERSION:
        doc = _migrate(doc, file)  # type: ignore[arg-type]
    return _build(doc, file)  # type: ignore[arg-type]


def _migrate(doc: dict, file: Path) -> dict:
    try:
        return migrate(doc)[0]
    except ValueError as exc:
        raise ProjectFileError(file, f"could not be upgraded: {exc}") from None


def _build(doc: dict, file: Path) -> Project:
    error = next(_validator().iter_errors(doc), None)
    if error is not None:
        where = _json_path(error.absolute_path)
        message = _schema_message(error)
        raise ProjectFileError(file, f"{where}: {message}" if where else message)
    try:
        return project_from_dict(doc)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ProjectFileError(file, f"is not a valid project: {_exception_text(exc)}") from None


_VALIDATOR = None


def _validator():  # -> jsonschema.protocols.Validator
    global _VALIDATOR
    if _VALIDATOR is None:
        import jsonschema  # imported here: saving and start-up do not need it

        try:
            schema = json.loads((resources_dir() / SCHEMA_FILE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # A bundle missing its resources still opens files; tests keep the two identical.
            schema = build_schema()
        _VALIDATOR = jsonschema.Draft202012Validator(schema)
    return _VALIDATOR


_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}


def _schema_message(error) -> str:
    kind, limit, value = error.validator, error.validator_value, error.instance
    if kind == "type":
        wanted = [limit] if isinstance(limit, str) else list(limit)
        return f"{_json_excerpt(value)} is not {' or '.join(_TYPE_WORDS.get(t, t) for t in wanted)}"
    if kind == "enum":
        allowed = ", ".join(_json_excerpt(choice) for choice in limit)
        return f"{_json_excerpt(value)} is not one of {allowed}"
    if kind == "maxLength":
        return f"text is longer than {limit} characters"
    if kind == "minLength":
        return "may not be empty"
    if kind == "maxItems":
        return f"has more than {limit} entries"
    if kind == "pattern":
        return f"{_json_excerpt(value)} {_date_problem(value)}"
    if kind == "required":
        missing = [name for name in limit if isinstance(value, dict) and name not in value]
        return f'the required field "{missing[0] if missing else limit[0]}" is missing'
    if kind == "additionalProperties" and isinstance(value, dict):
        known = set(error.schema.get("properties", {}))
        extra = ", ".join(_json_excerpt(key) for key in value if key not in known)
        return f"unknown field(s) {extra}"
    if kind in ("minimum", "maximum"):
        relation = "less than the minimum" if kind == "minimum" else "greater than the maximum"
        return f"{_json_excerpt(value)} is {relation} of {limit}"
    if kind == "const":
        return f"{_json_excerpt(value)} should be {_json_excerpt(limit)}"
    return _shorten(error.message, 300)


def _date_problem(value: object) -> str:
    """Why a text fails the schema's date pattern: its form, or the supported range (docs/file-format.md)."""
    try:
        parse_date(str(value))
    except DateRangeError:
        return f"is outside the supported dates, {RANGE_TEXT}"
    except ValueError:
        pass
    return "is not a date as YYYY-MM-DD"


def _json_path(parts: Iterable[object]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            out += f".{part}" if out else part
        else:
            out += f"[{_json_excerpt(part)}]"
    return out


def _json_excerpt(value: object, limit: int = 60) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return _shorten(text, limit)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _same_bytes(candidate: Path, data: bytes) -> bool:
    try:
        if os.stat(candidate).st_size != len(data):
            return False
        return candidate.read_bytes() == data
    except OSError:
        return False


def _check_text(texts: Iterable[object], file: Path) -> None:
    for text in texts:
        if isinstance(text, str) and not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                bad = ord(text[exc.start])
                raise ProjectFileError(
                    file, f"contains invalid text: an unpaired surrogate escape \\u{bad:04x}"
                ) from None


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed (numbers must be finite)")


def _too_big(size: int, limit: int) -> str:
    shown, allowed = _human_size(size), _human_size(limit)
    if shown == allowed:
        shown = f"over {shown}"  # "is 50 MB; the largest ... is 50 MB" would read as a bug
    return f"is {shown}; the largest project file accepted is {allowed}"


def _human_size(size: int) -> str:
    if size >= 10 * _MB:
        return f"{size / _MB:.0f} MB"
    if size >= _MB:
        return f"{size / _MB:.1f} MB"
    return f"{size / 1024:.0f} KB"


def _read_problem(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a project file"
    return f"cannot be read: {exc.strerror or exc}"


def _exception_text(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return f"it is nested too deeply (more than {MAX_DEPTH} levels)"
    if isinstance(exc, MemoryError):
        return "it is too large to fit in memory"
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]!r}" if exc.args else "a required entry is missing"
    return _shorten(str(exc) or type(exc).__name__, 300)
