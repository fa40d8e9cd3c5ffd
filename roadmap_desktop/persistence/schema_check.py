"""A fast yes/no check of a document against the project schema, compiled once from the schema itself.

jsonschema walks a 20,000-requirement project in about 5 s; this check answers in a fraction of that. It
is never more lenient than jsonschema: it knows only the keywords the project schema uses and refuses to
compile any other, and where it is unsure (a float in an integer field, a subclass of a JSON type) it says
no. A "no" sends the document to jsonschema, which then names the problem (or, rarely, accepts it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]
# For each Python type a JSON value can have: None (the type is not allowed), True (allowed, nothing
# more to check) or a function that checks the value's own keywords.
Handlers = dict[type, Any]
Resolve = Callable[..., Any]  # (ref, check_only=False) -> the compiled definition, or None when only checking

# Keywords that only annotate (jsonschema asserts "format" only with a format checker, which the loader
# does not pass).
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "title", "description", "format", "default"})
_CHECKED = frozenset(
    {
        "$ref",
        "type",
        "const",
        "enum",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "maxItems",
        "items",
        "required",
        "properties",
        "additionalProperties",
        "maxProperties",
        "propertyNames",
    }
)
_JSON_TYPES = {"string", "integer", "number", "boolean", "null", "array", "object"}


class UnsupportedSchema(ValueError):
    """The schema uses something this checker does not know: use jsonschema alone."""


def compile_schema(schema: Mapping[str, Any]) -> Check:
    """A function that returns True only for documents jsonschema (draft 2020-12) accepts."""
    defs = schema.get("$defs", {})
    compiled: dict[str, _Node] = {}

    def resolve(ref: object, check_only: bool = False) -> _Node | None:
        # A reference is checked where it stands and compiled at its first use: a definition may refer to itself.
        if not isinstance(ref, str) or not ref.startswith("#/$defs/") or ref[8:] not in defs:
            raise UnsupportedSchema(f"reference {ref!r}")
        if check_only:
            return None
        name = ref[8:]
        if name not in compiled:
            compiled[name] = _Node(defs[name], resolve)
        return compiled[name]

    root = _Node(schema, resolve)
    for name in defs:  # every definition compiles now, so an unknown keyword fails here, not mid-document
        resolve(f"#/$defs/{name}")
    return root.check


def _yes(_value: object) -> bool:
    return True


class _Node:
    """One compiled schema: ``check(value)``, and ``handlers`` by type for a parent to call directly."""

    def __init__(self, schema: object, resolve: Resolve) -> None:
        if schema is True or schema == {}:
            self.handlers: Handlers = {t: True for t in (str, int, float, bool, type(None), list, dict)}
            self.extra: tuple[Check, ...] = ()
            self.check: Check = _yes
            return
        if not isinstance(schema, dict):
            raise UnsupportedSchema(f"schema {schema!r}")
        unknown = set(schema) - _CHECKED - _ANNOTATIONS
        if unknown:
            raise UnsupportedSchema(f"keyword(s) {', '.join(sorted(unknown))}")
        types = _types(schema.get("type"))
        extra: list[Check] = []
        if "$ref" in schema:
            extra.append(_late(resolve, schema["$ref"]))
        if "const" in schema:
            extra.append(_const(schema["const"]))
        if "enum" in schema:
            extra.append(_enum(schema["enum"]))
        numbers = _numbers(schema)
        self.handlers = {
            str: _allowed("string" in types, _strings(schema)),
            int: _allowed("integer" in types or "number" in types, numbers),
            float: _allowed("number" in types, numbers),  # 2.0 is an integer to jsonschema; here it is "unsure"
            bool: _allowed("boolean" in types, True),
            type(None): _allowed("null" in types, True),
            list: _allowed("array" in types, _array(schema, resolve)),
            dict: _allowed("object" in types, _object(schema, resolve)),
        }
        self.extra = tuple(extra)
        self.check = self._checker()

    def _checker(self) -> Check:
        get, extra = self.handlers.get, self.extra

        def check(value: object) -> bool:
            handler = get(type(value))
            if handler is None or (handler is not True and not handler(value)):
                return False
            return all(each(value) for each in extra)

        return check


def _types(value: object) -> set[str]:
    if value is None:
        return set(_JSON_TYPES)
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not set(names) <= _JSON_TYPES:
        raise UnsupportedSchema(f"type {value!r}")
    return set(names)


def _allowed(allowed: bool, handler: object) -> object:
    return handler if allowed else None


def _late(resolve: Resolve, ref: object) -> Check:
    """A reference, resolved at its first use: a definition may refer to itself."""
    resolve(ref, True)  # an unknown reference fails now, at compile time, not mid-document
    target: list[_Node] = []

    def check(value: object) -> bool:
        if not target:
            target.append(resolve(ref))
        return target[0].check(value)

    return check


def _const(expected: object) -> Check:
    if isinstance(expected, str):
        return lambda value: type(value) is str and value == expected
    if type(expected) is int:
        return lambda value: type(value) is int and value == expected
    raise UnsupportedSchema(f"const {expected!r}")


def _enum(choices: object) -> Check:
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        raise UnsupportedSchema(f"enum {choices!r}")
    allowed = frozenset(choices)
    return lambda value: type(value) is str and value in allowed


def _strings(schema: dict) -> object:
    low, high = _whole(schema.get("minLength", 0)), _whole(schema.get("maxLength"))
    pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
    if pattern is None and low == 0 and high is None:
        return True
    if pattern is None and low == 0:
        return lambda value: len(value) <= high
    if pattern is None:
        return lambda value: low <= len(value) and (high is None or len(value) <= high)
    search = pattern.search
    return lambda value: low <= len(value) and (high is None or len(value) <= high) and search(value) is not None


def _numbers(schema: dict) -> object:
    low, high = _bound(schema.get("minimum")), _bound(schema.get("maximum"))
    if low is None and high is None:
        return True
    if high is None:
        return lambda value: low <= value
    if low is None:
        return lambda value: value <= high
    return lambda value: low <= value <= high


def _array(schema: dict, resolve: Resolve) -> object:
    most = _whole(schema.get("maxItems"))
    items = _Node(schema["items"], resolve) if "items" in schema else None
    if items is None and most is None:
        return True
    each = items.check if items is not None else _yes

    def check(values: list) -> bool:
        if most is not None and len(values) > most:
            return False
        return all(map(each, values))

    return check


def _object(schema: dict, resolve: Resolve) -> object:
    properties = {name: _Node(sub, resolve) for name, sub in schema.get("properties", {}).items()}
    required = frozenset(schema.get("required", ()))
    most = _whole(schema.get("maxProperties"))
    names = _Node(schema["propertyNames"], resolve).check if "propertyNames" in schema else None
    others = schema.get("additionalProperties", True)
    closed = others is False
    other = None if others is True or closed else _Node(others, resolve)
    known = frozenset(properties)
    # A property whose schema has only type-dependent checks is checked through its handlers directly.
    direct = {name: node.handlers for name, node in properties.items() if not node.extra}
    wrapped = {name: node.check for name, node in properties.items() if node.extra}

    def check(value: dict) -> bool:
        keys = value.keys()
        if required and not required <= keys:
            return False
        if most is not None and len(value) > most:
            return False
        if closed and not keys <= known:
            return False
        for key, entry in value.items():
            handlers = direct.get(key)
            if handlers is not None:
                handler = handlers.get(type(entry))
                if handler is None or (handler is not True and not handler(entry)):
                    return False
            elif key in wrapped:
                if not wrapped[key](entry):
                    return False
            elif other is not None and not other.check(entry):
                return False
        if names is not None:
            for key in keys:
                if not names(key):
                    return False
        return True

    return check


def _whole(value: object) -> int | None:
    if value is None:
        return None
    if type(value) is not int or value < 0:
        raise UnsupportedSchema(f"limit {value!r}")
    return value


def _bound(value: object) -> int | float | None:
    if value is None:
        return None
    if type(value) not in (int, float):
        raise UnsupportedSchema(f"bound {value!r}")
    return value
