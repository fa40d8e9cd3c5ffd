"""Text extraction fix for the PDF's embedded CJK fonts: look-alike code points in the ToUnicode maps.

Qt writes each embedded font's ToUnicode map by asking, for every code point from U+0000 up, which
glyph it uses, and keeps the FIRST code point per glyph. Noto Sans CJK (and Source Han Sans) draw
the Kangxi radicals and CJK radical supplements with the same glyphs as the ideographs, and those
blocks come first, so copying or searching "金长见门风车" gave "⾦⻓⻅⻔⻛⻋". We rebuild the same
glyph -> code point table from the font, preferring any code point outside the look-alike blocks,
and rewrite the (uncompressed) ToUnicode streams, then the cross-reference table's offsets.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

from PySide6.QtGui import QFont, QRawFont

_LOOKALIKE_BLOCKS = (
    (0x0000, 0x001F),
    (0x007F, 0x009F),
    (0x2010, 0x2012),
    (0x2E80, 0x2FDF),
    (0x3190, 0x319F),
    (0x31C0, 0x31EF),
)
_fix_lock = threading.Lock()
_fix_cache: dict[tuple[str, bool], dict[int, int]] = {}


def _lookalike(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _LOOKALIKE_BLOCKS)


def lookalike_fixes(families: Sequence[str]) -> dict[int, int]:
    """{code point Qt would write: the code point it should be} for the given families' fonts."""
    fixes: dict[int, int] = {}
    for family in families:
        for bold in (False, True):
            with _fix_lock:
                if (family, bold) not in _fix_cache:
                    _fix_cache[(family, bold)] = _font_fixes(family, bold)
                fixes.update(_fix_cache[(family, bold)])
    return fixes


def _font_fixes(family: str, bold: bool) -> dict[int, int]:
    font = QFont(family)
    font.setPixelSize(64)
    if bold:
        font.setWeight(QFont.Weight.Bold)
    raw = QRawFont.fromFont(font)
    if not raw.isValid():
        return {}
    points = [cp for cp in range(1, 0x10000) if not 0xD800 <= cp <= 0xDFFF]
    glyphs = raw.glyphIndexesForString("".join(map(chr, points)))
    if len(glyphs) != len(points):
        return {}
    first: dict[int, int] = {}
    better: dict[int, int] = {}
    for cp, glyph in zip(points, glyphs, strict=True):
        if glyph:
            first.setdefault(glyph, cp)
            if not _lookalike(cp):
                better.setdefault(glyph, cp)
    return {cp: better[g] for g, cp in first.items() if _lookalike(cp) and g in better}


_CMAP_OBJECT = re.compile(rb"(\d+) 0 obj\n<< /Length (\d+) >>\nstream\n")
_HEX4 = re.compile(r"<([0-9A-Fa-f]{4})>")
_RANGE = re.compile(r"^(\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*)(.*)$")


def fix_to_unicode_maps(pdf: bytes, fixes: dict[int, int]) -> bytes:
    """``pdf`` with look-alike code points in its ToUnicode maps replaced; unchanged if unsure."""
    if not fixes:
        return pdf
    edits: list[tuple[int, int, bytes]] = []
    for match in _CMAP_OBJECT.finditer(pdf):
        start = match.end()
        end = start + int(match.group(2))
        body = pdf[start:end]
        if b"begincmap" not in body:
            continue
        fixed = _fix_cmap(body.decode("latin-1"), fixes).encode("latin-1")
        if fixed != body:
            header = b"%s 0 obj\n<< /Length %d >>\nstream\n" % (match.group(1), len(fixed))
            edits.append((match.start(), end, header + fixed))
    if not edits:
        return pdf
    return _apply_edits(pdf, edits) or pdf


def _fix_cmap(text: str, fixes: dict[int, int]) -> str:
    def swap(m: re.Match[str]) -> str:
        code = int(m.group(1), 16)
        return f"<{fixes.get(code, code):04X}>" if code in fixes else m.group(0)

    out = []
    mode = ""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.endswith("beginbfrange"):
            mode = "range"
        elif stripped.endswith("beginbfchar"):
            mode = "char"
        elif stripped in ("endbfrange", "endbfchar"):
            mode = ""
        elif mode == "char":
            parts = line.rsplit(" ", 1)
            if len(parts) == 2:
                line = parts[0] + " " + _HEX4.sub(swap, parts[1])
        elif mode == "range":
            match = _RANGE.match(line)
            if match:
                head, rest = match.groups()
                if rest.startswith("["):
                    line = head + _HEX4.sub(swap, rest)
                else:
                    codes = re.findall(r"<([0-9A-Fa-f]+)>", head)
                    dest = re.fullmatch(r"<([0-9A-Fa-f]{4})>\s*", rest)
                    if dest and len(codes) == 2:
                        lo, hi, d = int(codes[0], 16), int(codes[1], 16), int(dest.group(1), 16)
                        span = range(d, d + hi - lo + 1)
                        if any(c in fixes for c in span):
                            line = head + "[" + " ".join(f"<{fixes.get(c, c):04X}>" for c in span) + " ]"
        out.append(line)
    return "\n".join(out)


def _apply_edits(pdf: bytes, edits: list[tuple[int, int, bytes]]) -> bytes | None:
    tail = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf)
    if not tail:
        return None
    xref_at = int(tail.group(1))
    if not pdf.startswith(b"xref", xref_at) or any(end > xref_at for _s, end, _n in edits):
        return None
    pieces: list[bytes] = []
    shifts: list[tuple[int, int]] = []  # (old offset from which, cumulative shift)
    pos = shift = 0
    for start, end, new in sorted(edits):
        pieces += [pdf[pos:start], new]
        pos = end
        shift += len(new) - (end - start)
        shifts.append((end, shift))
    pieces.append(pdf[pos:xref_at])
    body = b"".join(pieces)

    def moved(offset: int) -> int:
        delta = 0
        for end, total in shifts:
            if offset >= end:
                delta = total
        return offset + delta

    lines = []
    for line in pdf[xref_at : tail.start()].split(b"\n"):
        entry = re.fullmatch(rb"(\d{10}) (\d{5}) n ?", line)
        if entry:
            line = b"%010d %s n " % (moved(int(entry.group(1))), entry.group(2))
        lines.append(line)
    return body + b"\n".join(lines) + b"startxref\n%d\n%%%%EOF\n" % len(body)
