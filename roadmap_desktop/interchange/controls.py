"""Control characters in project text: the one rule for what a terminal or a document must not receive.

A project file, a CSV, a model file's header or a model server can put any character into the text we
print or export. Some of it is not text to the program that reads it: ESC starts escape sequences
(colours, clearing the screen, OSC 0 setting the window title, OSC 8 hyperlinks, OSC 52 writing the
clipboard), BEL ends OSC sequences, CR and BS overwrite what was shown, the 8-bit C1 codes (U+0080 to
U+009F) are the same controls to some terminals, and the bidirectional overrides and isolates make a
line show something other than what it holds. ``strip_controls`` removes all of them, whole escape
sequences at once, and keeps only the line breaks and tabs the caller allows.
"""

from __future__ import annotations

import re

# Whole escape sequences first (ECMA-48): CSI, then the string controls (OSC, DCS, SOS, PM, APC) with
# their payload up to the terminator (BEL or ST) on the same line, then two-character escapes; each in
# its 7-bit (ESC x) and 8-bit (C1) spelling. A string control without a terminator loses only its
# introducer: what follows is shown as text, so a message that quotes it (a file name) stays whole.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
)
# Left after the sequences: C0 controls, DEL, C1 controls, the bidirectional marks, embeddings,
# overrides and isolates, and the Unicode line and paragraph separators (a line break to some programs).
_CONTROL_CHARS = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")


def strip_controls(text: str, keep: str = "\n\t") -> str:
    """``text`` without escape sequences and control characters, except the characters in ``keep``."""
    if not _CONTROL.search(text):
        return text  # the common case: nothing to do
    text = _SEQUENCES.sub("", text)
    return _CONTROL.sub(lambda m: m.group() if m.group() in keep else "", text)


def has_controls(text: str, keep: str = "\n\t") -> bool:
    """Whether ``strip_controls(text, keep)`` would change ``text``."""
    return any(char not in keep for char in _CONTROL.findall(text))


def escape_controls(json_text: str) -> str:
    """JSON text with each control character but its own line breaks as a ``\\uXXXX`` escape.

    ``json.dumps`` escapes C0 controls but leaves DEL, C1 and the bidirectional controls as they are;
    outside strings JSON text holds only ASCII punctuation and whitespace, so the escapes are exact.
    """
    return _CONTROL.sub(lambda m: m.group() if m.group() == "\n" else f"\\u{ord(m.group()):04x}", json_text)
