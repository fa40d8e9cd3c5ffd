"""How Mermaid reads a gantt chart: its preprocessing and a port of its lexer, to test what our export says.

Mermaid (v10 and v11) first normalises line ends, takes a ``---`` front matter block at the very start
as configuration, takes every ``%%{ ... }%%`` anywhere in the text (comments included) as a directive,
and drops lines that are ``%%`` comments. The gantt lexer (packages/mermaid/src/diagrams/gantt/parser/
gantt.jison) then tries its rules in order at each position, case-insensitively, and the first that
matches wins. ``statements`` returns what the parser would build, one entry per statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

# (pattern, token or None to skip, state to enter or "pop")
_RULES: dict[str, list[tuple[re.Pattern[str], str | None, str | None]]] = {}


def _rules(state: str, *rules: tuple) -> None:
    _RULES[state] = [(re.compile(p, _I), token, (rest[0] if rest else None)) for p, token, *rest in rules]


_rules(
    "INITIAL",
    (r"%%\{", "open_directive"),
    (r"accTitle\s*:\s*", "acc_title", "acc_title"),
    (r"accDescr\s*:\s*", "acc_descr", "acc_descr"),
    (r"accDescr\s*\{\s*", "acc_descr_multiline", "acc_descr_multiline"),
    (r"%%[^\n]*", None),  # \%\%(?!\{)*[^\n]*: the quantified look-ahead matches nothing
    (r"[^}]%+[^\n]*", None),
    (r"%+[^\n]*\n*", None),
    (r"\n+", "NL"),
    (r"\s+", None),
    (r"#[^\n]*", None),
    (r'href\s+"', "href", "href"),
    (r"call\s+", "call", "callbackname"),
    (r"click\s+", "click", "click"),
    (r"gantt", "gantt"),
    (r"dateFormat\s[^#\n;]+", "dateFormat"),
    (r"inclusiveEndDates", "inclusiveEndDates"),
    (r"topAxis", "topAxis"),
    (r"axisFormat\s[^#\n;]+", "axisFormat"),
    (r"tickInterval\s[^#\n;]+", "tickInterval"),
    (r"includes\s[^#\n;]+", "includes"),
    (r"excludes\s[^#\n;]+", "excludes"),
    (r"todayMarker\s[^\n;]+", "todayMarker"),
    (rf"weekday\s+(?:{_WEEKDAYS})", "weekday"),
    (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "date"),
    (r"title\s[^#\n;]+", "title"),
    (r"accDescription\s[^#\n;]+", "accDescription"),
    (r"section\s[^#:\n;]+", "section"),
    (r"[^#:\n;]+", "taskTxt"),
    (r":[^#\n;]+", "taskData"),
    (r":", ":"),
    (r".", "INVALID"),
)
_rules("acc_title", (r"[^\n]*", "acc_title_value", "pop"))
_rules("acc_descr", (r"[^\n]*", "acc_descr_value", "pop"))
_rules("acc_descr_multiline", (r"\}", None, "pop"), (r"[^}]*", "acc_descr_multiline_value"))
_rules("href", (r'"', None, "pop"), (r'[^"]*', "href_value"))
_rules("callbackname", (r"\(\s*\)", None, "pop"), (r"\(", None, "callbackargs"), (r"[^(]*", "callbackname"))
_rules("callbackargs", (r"\)", None, "pop"), (r"[^)]*", "callbackargs"))
_rules("click", (r"\s", None, "pop"), (r"\S*", "click_id"))

_DIRECTIVE = re.compile(r"%{2}\{", re.IGNORECASE)  # the start of Mermaid's directiveRegex
_COMMENT_LINE = re.compile(r"^\s*%%(?!\{)[^\n]+\n?", re.MULTILINE)  # cleanupComments


@dataclass(frozen=True)
class Statement:
    kind: str  # gantt, title, dateFormat, section, task, click, ...
    text: str  # what follows the keyword (a task: its name), as the parser takes it
    data: str = ""  # a task's data after ":"


class MermaidReadError(AssertionError):
    """The text is not read as a plain gantt chart (a directive, front matter, an invalid character)."""


def preprocess(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("---"):
        raise MermaidReadError("front matter at the start: configuration")
    if _DIRECTIVE.search(text):
        raise MermaidReadError(f"directive: {text[_DIRECTIVE.search(text).start() :][:60]!r}")  # type: ignore[union-attr]
    return _COMMENT_LINE.sub("", text).lstrip()


def tokens(text: str) -> list[tuple[str, str]]:
    """The lexer's tokens for ``text`` (already preprocessed)."""
    out: list[tuple[str, str]] = []
    states = ["INITIAL"]
    pos = 0
    while pos < len(text):
        for pattern, token, change in _RULES[states[-1]]:
            match = pattern.match(text, pos)
            if match is None or (not match.group() and change is None):
                continue  # an empty match that changes nothing would loop: jison moves on as well
            if token:
                out.append((token, match.group()))
            if change == "pop":
                states.pop()
            elif change is not None:
                if states[-1] != "INITIAL":
                    states.pop()  # callbackname -> callbackargs replaces the state
                states.append(change)
            pos = match.end()
            break
        else:
            raise MermaidReadError(f"no rule matches at {text[pos:][:30]!r}")
    return out


def statements(text: str) -> list[Statement]:
    """The statements Mermaid builds from our gantt text; raises MermaidReadError where it reads more."""
    found: list[Statement] = []
    line: list[tuple[str, str]] = []
    for token in [*tokens(preprocess(text)), ("NL", "\n")]:
        if token[0] != "NL":
            line.append(token)
            continue
        if line:
            found.append(_statement(line))
        line = []
    return found


def _statement(line: list[tuple[str, str]]) -> Statement:
    kinds = [kind for kind, _ in line]
    if "INVALID" in kinds:
        raise MermaidReadError(f"invalid character in {line!r}")
    if kinds == ["taskTxt", "taskData"]:
        return Statement("task", line[0][1], line[1][1][1:])
    if len(line) == 1:
        kind, value = line[0]
        keyword = {"gantt": 5, "title": 6, "section": 8, "dateFormat": 11}.get(kind)
        if keyword is not None:
            return Statement(kind, value[keyword:])
    return Statement("+".join(kinds), " ".join(value for _, value in line))
