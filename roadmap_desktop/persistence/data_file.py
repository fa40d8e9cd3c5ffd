"""Reading the app's own JSON data files (risk library, templates): bounded, UTF-8, one-line errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .errors import ProjectFileError
from .regular_file import UnreadableFile, read_regular_file


def read_json_object(
    file: Path,
    noun: str,
    max_bytes: int,
    error: Callable[[Path, str], ProjectFileError] = ProjectFileError,
) -> dict:
    """The JSON object in ``file``; ``error(file, message)`` for a missing, oversized, non-UTF-8,
    special (a pipe, a device, a folder), malformed or too deeply nested file, or one with a key twice in an object."""
    try:
        text = read_regular_file(file, max_bytes, f"{noun} file").decode("utf-8")
    except UnreadableFile as exc:
        if exc.reason == "missing":
            raise error(file, f"the {noun} file is missing") from None
        if exc.reason == "too_big":
            raise error(file, f"the {noun} is larger than {_size(max_bytes)}") from None
        raise error(file, f"the {noun} {exc.problem}") from None
    except UnicodeDecodeError:
        raise error(file, f"the {noun} is not UTF-8 text") from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys(noun))
    except json.JSONDecodeError as exc:
        raise error(file, f"the {noun} is not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise error(file, f"the {noun} nests too deeply") from None
    except ValueError as exc:
        raise error(file, str(exc)) from None
    if not isinstance(data, dict):
        raise error(file, f"the {noun} must be a JSON object")
    return data


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


def _no_duplicate_keys(noun: str) -> Callable[[list[tuple[str, object]]], dict[str, object]]:
    def build(pairs: list[tuple[str, object]]) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, value in pairs:
            if key in out:
                raise ValueError(f"{noun}: key {key!r} appears twice in one object")
            out[key] = value
        return out

    return build
