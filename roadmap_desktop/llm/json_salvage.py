"""A tolerant JSON reader for model output: keeps every complete part of a cut-off or sloppy document."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

# Model output is parsed as a tree of Parts rather than with json.loads, because a generation
# that hits max_tokens ends mid-string and json.loads would throw away every finished item.

_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass
class Part:
    """One JSON value as far as the text went.

    ``complete`` is true when the value and everything inside it was read to its end. A cut-off
    string keeps the text read so far; an array keeps every element (complete or not) in
    ``children``; an object keeps its members in ``members``. ``error`` says why a value is bad.
    """

    kind: str  # object, array, string, number, literal, invalid, missing
    complete: bool
    value: object = None  # scalars only
    children: list[Part] = field(default_factory=list)
    members: dict[str, Part] = field(default_factory=dict)
    error: str = ""

    def to_python(self) -> object:
        """The plain value, with cut-off or invalid parts left out."""
        if self.kind == "array":
            return [c.to_python() for c in self.children if c.complete]
        if self.kind == "object":
            return {k: v.to_python() for k, v in self.members.items() if v.complete}
        return self.value

    def member(self, key: str) -> Part:
        return self.members.get(key) or Part("missing", False, error=f"no {key!r}")


class _Truncated(Exception):
    pass


class _Invalid(Exception):
    pass


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def skip_ws(self) -> None:
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        self.pos = pos

    def peek(self) -> str:
        self.skip_ws()
        if self.pos >= len(self.text):
            raise _Truncated
        return self.text[self.pos]

    def value(self) -> Part:
        char = self.peek()
        if char == "{":
            return self.obj()
        if char == "[":
            return self.array()
        if char == '"':
            return self.string()
        if char == "-" or char.isdigit():
            return self.number()
        for word, literal in _LITERALS.items():
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return Part("literal", True, literal)
            if word.startswith(self.text[self.pos :]):
                self.pos = len(self.text)
                raise _Truncated
        raise _Invalid(f"unexpected {char!r}")

    def number(self) -> Part:
        match = _NUMBER.match(self.text, self.pos)
        if not match:
            if self.text[self.pos :] == "-":
                self.pos = len(self.text)
                raise _Truncated
            raise _Invalid("a malformed number")
        self.pos = match.end()
        if self.pos >= len(self.text):
            raise _Truncated  # "12" at the very end may have been "125"
        number = json.loads(match.group())
        return Part("number", True, number)

    def string(self) -> Part:
        self.pos += 1  # opening quote
        text, out = self.text, []
        while True:
            if self.pos >= len(text):
                return Part("string", False, "".join(out), error="cut off")
            char = text[self.pos]
            if char == '"':
                self.pos += 1
                return Part("string", True, "".join(out))
            if char == "\\":
                if self.pos + 1 >= len(text):
                    self.pos = len(text)
                    return Part("string", False, "".join(out), error="cut off")
                code = text[self.pos + 1]
                if code == "u":
                    digits = text[self.pos + 2 : self.pos + 6]
                    if len(digits) < 4 and self.pos + 2 + len(digits) >= len(text):
                        self.pos = len(text)
                        return Part("string", False, "".join(out), error="cut off")
                    try:
                        out.append(chr(int(digits, 16)))
                    except ValueError:
                        raise _Invalid("a bad \\u escape") from None
                    self.pos += 6
                    continue
                out.append(_ESCAPES.get(code, code))
                self.pos += 2
                continue
            out.append(char)
            self.pos += 1

    def array(self) -> Part:
        self.pos += 1
        part = Part("array", False)
        while True:
            try:
                char = self.peek()
            except _Truncated:
                return part
            if char == "]":
                self.pos += 1
                part.complete = True
                return part
            if char == "}":  # the wrong closer: the array ends here, broken; the object takes the brace
                return part
            if char == ",":  # tolerate stray or trailing commas
                self.pos += 1
                continue
            before = self.pos
            child = self.child()
            part.children.append(child)
            if not child.complete and self.pos >= len(self.text):
                return part
            self._advance_past(before)

    def obj(self) -> Part:
        self.pos += 1
        part = Part("object", False)
        while True:
            try:
                char = self.peek()
            except _Truncated:
                return part
            if char == "}":
                self.pos += 1
                part.complete = all(m.complete for m in part.members.values())
                return part
            if char == ",":
                self.pos += 1
                continue
            if char == "]":  # the wrong closer: the object ends here, broken; the array takes the bracket
                return part
            if char != '"':
                before = self.pos
                self.resync()
                self._advance_past(before)
                continue
            key = self.string()
            if not key.complete:
                return part
            try:
                if self.peek() != ":":
                    self.resync()
                    continue
            except _Truncated:
                return part
            self.pos += 1
            member = self.child()
            part.members[str(key.value)] = member
            if not member.complete and self.pos >= len(self.text):
                return part

    def _advance_past(self, before: int) -> None:
        """Every turn of a container's loop reads at least one character: junk that resync cannot
        step over (a stray closer) must not loop forever."""
        if self.pos == before:
            self.pos += 1

    def child(self) -> Part:
        """A value inside a container; a bad one is skipped up to the next comma or closer."""
        start = self.pos
        try:
            return self.value()
        except _Truncated:
            self.pos = len(self.text)
            return Part("invalid", False, error="cut off")
        except _Invalid as exc:
            self.pos = start
            self.resync()
            return Part("invalid", False, error=f"not valid JSON ({exc})")

    def resync(self) -> None:
        """Move to the next ',' or closer at the current depth, stepping over strings."""
        depth, text = 0, self.text
        in_string = False
        while self.pos < len(text):
            char = text[self.pos]
            if in_string:
                if char == "\\":
                    self.pos += 1
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char in "[{":
                depth += 1
            elif char in "]}":
                if depth == 0:
                    return
                depth -= 1
            elif char == "," and depth == 0:
                return
            self.pos += 1


def salvage(text: str) -> Part:
    """Read the first JSON object or array in ``text``, however far it goes.

    Text before it (a chat preamble, a Markdown code fence) is skipped. Returns a ``missing``
    Part when there is no '{' or '[' at all.
    """
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    if not starts:
        return Part("missing", False, error="no JSON in the output")
    reader = _Reader(text)
    reader.pos = min(starts)
    try:
        return reader.value()
    except (_Truncated, _Invalid) as exc:  # only reachable for a bare top-level scalar
        return Part("invalid", False, error=str(exc) or "cut off")
