"""Loading and saving ``.roadmap`` project files: checks, migration with backup, schema validation."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..domain.collector import collector_paused
from ..domain.dates import RANGE_TEXT, DateRangeError, now_stamp, parse_date
from ..domain.project import Project
from .atomic import atomic_write_text, replace_refusal
from .backup import OlderFile, keep_original
from .errors import ProjectFileError, SaveError
from .migrations import MIGRATIONS, migrate
from .paths import resources_dir
from .regular_file import UnreadableFile, read_regular_file
from .schema import SCHEMA_FILE_NAME, build_schema
from .schema_check import Check, UnsupportedSchema, compile_schema
from .serialize import FORMAT_NAME, FORMAT_VERSION, SYNC_KEY, project_from_dict, project_to_dict, sync_entry

FILE_SUFFIX = ".roadmap"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64  # a valid project nests 4 levels; the cap keeps validation far from the recursion limit
_MB = 1024 * 1024
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@dataclass
class LoadedProject:
    project: Project
    path: Path
    migrated_from: int | None = None  # the file's older format version, when it was upgraded in memory

    @property
    def older(self) -> OlderFile | None:
        """The older-format file to copy before a save first replaces it; None for a current file."""
        return None if self.migrated_from is None else OlderFile(self.path, self.migrated_from)


# -- public API ---------------------------------------------------------------------------------


def load_project(path: str | os.PathLike[str]) -> LoadedProject:
    """Read, check, upgrade in memory and validate a project file.

    Raises ProjectFileError, and nothing else, whatever the file contains. Nothing is written: not the
    file, not a backup (the first save over an upgraded file keeps the original, see save_project).
    """
    file = Path(path)
    try:
        with collector_paused():
            project, loaded_from = _text_to_project(decode_text(read_file_bytes(file), file), file)
        return LoadedProject(project, file, loaded_from)
    except ProjectFileError:
        raise
    except Exception as exc:  # final guard: no file content may crash the caller
        raise ProjectFileError(file, f"could not be opened: {_exception_text(exc)}") from None


def save_project(project: Project, path: str | os.PathLike[str], older: OlderFile | None = None) -> Path | None:
    """Stamp ``project.modified`` and write the project atomically; raises SaveError.

    ``older``: the older-format file the project was upgraded from. When the save replaces it, its bytes are
    first copied to ``<name>.v<version>.bak`` and that copy's path is returned; without the copy there is no
    save. On failure the file on disk and ``project.modified`` are as they were.
    """
    file = Path(path)
    refusal = replace_refusal(file)
    if refusal:
        raise SaveError(file, refusal)  # before any backup: a read-only file is not replaced at all
    backup = keep_original(older, file) if older is not None else None
    previous = project.modified
    project.modified = now_stamp()
    try:
        atomic_write_text(file, dumps_project(project))
    except BaseException as exc:
        project.modified = previous
        if isinstance(exc, SaveError) or not isinstance(exc, Exception):
            raise
        raise SaveError(file, f"could not save: {_exception_text(exc)}") from None
    return backup


def older_file(path: str | os.PathLike[str]) -> OlderFile | None:
    """The file at ``path`` when it is a project in an older format version (a save over it keeps a copy)."""
    file = Path(path)
    try:
        version = check_envelope(parse_document(decode_text(read_file_bytes(file), file), file), file)
    except Exception:  # unreadable or not a project: nothing to keep
        return None
    return OlderFile(file, version) if version < FORMAT_VERSION else None


def dumps_project(project: Project) -> str:
    """The file text of ``project`` (UTF-8 text with readable non-ASCII characters)."""
    doc = project_to_dict(project)
    # Text that UTF-8 cannot hold goes without the history: the atomic writer refuses it and says where.
    with contextlib.suppress(UnicodeEncodeError):
        entry = sync_entry(project)
        if entry is not None:
            doc[SYNC_KEY] = entry
    return json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def loads_project(text: str, path_for_messages: str | os.PathLike[str]) -> Project:
    """Parse, upgrade and validate project file text; raises ProjectFileError only."""
    file = Path(path_for_messages)
    try:
        if text.startswith("\ufeff"):
            text = text[1:]
        with collector_paused():
            return _text_to_project(text, file)[0]
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
    """The whole file, refusing missing paths, folders, pipes, devices, symlink loops and files over the limit."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        return read_regular_file(file, limit, "project file")
    except UnreadableFile as exc:
        problem = _too_big(exc.size, limit) if exc.reason == "too_big" else exc.problem
        raise ProjectFileError(file, problem) from None


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
    doc = _parse_json(text, file)
    # Only a \uD800-\uDFFF escape can put an unpaired surrogate into decoded UTF-8: without one, the
    # strings need no checking (the search finds some escaped backslashes too, which is merely slower).
    check_structure(doc, file, check_text=_SURROGATE_ESCAPE.search(text) is not None)
    return doc


def _parse_json(text: str, file: Path) -> object:
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
    return doc


def check_structure(doc: object, file: Path, check_text: bool = True) -> None:
    """Reject nesting deeper than MAX_DEPTH and (with ``check_text``) text that cannot be saved as UTF-8."""
    stack: list[tuple[object, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ProjectFileError(file, f"is nested too deeply (more than {MAX_DEPTH} levels)")
        if isinstance(value, dict):
            if check_text:
                _check_text(value.keys(), file)
            children: Iterable[object] = value.values()
        elif isinstance(value, list):
            children = value
        else:
            if check_text and isinstance(value, str):
                _check_text((value,), file)
            continue
        inner = depth + 1
        for child in children:
            if isinstance(child, (dict, list)):
                stack.append((child, inner))
            elif check_text and isinstance(child, str):
                _check_text((child,), file)


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


# -- helpers ------------------------------------------------------------------------------------


def _text_to_project(text: str, file: Path) -> tuple[Project, int | None]:
    """The project in file text, and the older format version it was upgraded from (None if current)."""
    doc = _parse_json(text, file)
    fast = _fast_check()
    if fast is not None and _SURROGATE_ESCAPE.search(text) is None and fast(doc):
        # A well-formed current document (the check also bounds its nesting): straight to the entities.
        return _construct(doc, file), None  # type: ignore[arg-type]
    check_structure(doc, file, check_text=_SURROGATE_ESCAPE.search(text) is not None)
    version = check_envelope(doc, file)
    if version < FORMAT_VERSION:
        return _build(_migrate(doc, file), file), version  # type: ignore[arg-type]
    return _build(doc, file), None  # type: ignore[arg-type]


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
    # The compiled check accepts a well-formed document in a fraction of jsonschema's time; jsonschema
    # judges only the documents it does not accept, and names the problem.
    fast = _fast_check()
    if fast is None or not fast(doc):
        error = next(_validator().iter_errors(doc), None)
        if error is not None:
            where = _json_path(error.absolute_path)
            message = _schema_message(error)
            raise ProjectFileError(file, f"{where}: {message}" if where else message)
    return _construct(doc, file)


def _construct(doc: dict, file: Path) -> Project:
    try:
        return project_from_dict(doc)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ProjectFileError(file, f"is not a valid project: {_exception_text(exc)}") from None


_VALIDATOR = None
_FAST_CHECK: Check | None = None
_NO_FAST_CHECK = False  # the schema uses a keyword the compiled check does not know: jsonschema alone


def _schema() -> dict:
    try:
        return json.loads((resources_dir() / SCHEMA_FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # A bundle missing its resources still opens files; tests keep the two identical.
        return build_schema()


def _validator():  # -> jsonschema.protocols.Validator
    global _VALIDATOR
    if _VALIDATOR is None:
        import jsonschema  # imported here: saving, start-up and well-formed files do not need it

        _VALIDATOR = jsonschema.Draft202012Validator(_schema())
    return _VALIDATOR


def _fast_check() -> Check | None:
    global _FAST_CHECK, _NO_FAST_CHECK
    if _FAST_CHECK is None and not _NO_FAST_CHECK:
        try:
            _FAST_CHECK = compile_schema(_schema())
        except UnsupportedSchema:
            _NO_FAST_CHECK = True
    return _FAST_CHECK


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


def _exception_text(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return f"it is nested too deeply (more than {MAX_DEPTH} levels)"
    if isinstance(exc, MemoryError):
        return "it is too large to fit in memory"
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]!r}" if exc.args else "a required entry is missing"
    return _shorten(str(exc) or type(exc).__name__, 300)
