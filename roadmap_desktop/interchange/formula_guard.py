"""CSV injection: which cells a spreadsheet would run as a formula, and the apostrophe that stops it.

Excel and LibreOffice treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and
``=cmd|' /C calc'!A0`` as a command to run); a leading tab or carriage return, leading spaces (which
an import may trim), and the full-width forms that East Asian spreadsheets read as their ASCII twins
do not make such a cell safe. A leading apostrophe makes the cell text in both programs and is not
shown. ``guard`` adds one to every such cell, ``unguard`` (the CSV import) takes exactly one away.
"""

from __future__ import annotations

import re
import unicodedata

FORMULA_STARTS = frozenset("=+-@＝＋－＠")
_ALWAYS = frozenset("\t\r")  # OWASP: a cell starting with either is guarded whatever follows
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula: after any leading apostrophes, spaces,
    control and format characters, it starts with a formula character (or the leading run holds a tab
    or a carriage return)."""
    for char in text:
        if char in _ALWAYS:
            return True
        if char == "'" or char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        return char in FORMULA_STARTS
    return False


def guard(text: str) -> str:
    """``text`` with a leading apostrophe if it is formula-like (see ``formula_like``)."""
    return "'" + text if formula_like(text) else text


def guard_number(text: str) -> str:
    """A number field's cell: a plain number such as ``-5`` or ``1e-05`` is a value to a spreadsheet,
    not a formula, and stays as it is; anything else is guarded."""
    return text if _NUMBER.fullmatch(text) else guard(text)


def unguard(text: str) -> str:
    """Undo ``guard``: drop one leading apostrophe where ``guard`` would have added it."""
    return text[1:] if text.startswith("'") and formula_like(text[1:]) else text
