"""How much of each PDF page is used: rendered with pdftoppm at a low resolution, the share of the body
(between the running header and footer) down to the last inked row."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

MM = 72 / 25.4
BODY_TOP_PT = 13 * MM + 20  # top margin and running header (export/pdf/style.py, sheet.py)
BODY_BOTTOM_PT = 12 * MM + 20  # bottom margin and footer


def available() -> bool:
    return shutil.which("pdftoppm") is not None


def _read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:  # magic, width, height, maxval
        while data[pos : pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1 : pos + 1 + width * height]


def page_fill(pdf: Path, dpi: int = 24) -> list[float]:
    """Per page, the used fraction (0-1) of the body's height."""
    with tempfile.TemporaryDirectory(prefix="page-fill-") as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{folder}/p"], check=True)
        fills = []
        for image in sorted(Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
            width, height, pixels = _read_pgm(image)
            top = round(BODY_TOP_PT / 72 * dpi) + 1
            bottom = height - round(BODY_BOTTOM_PT / 72 * dpi) - 1
            last = top
            for y in range(top, bottom):
                row = pixels[y * width : (y + 1) * width]
                if min(row) < 235:  # anything darker than the palest fills
                    last = y
            fills.append(max(0.0, min(1.0, (last - top) / max(bottom - top, 1))))
        return fills


def section_ends(sections: list[str]) -> list[bool]:
    """Per page: does the page end its section (the next page belongs to another one, or none follows)?"""
    return [n + 1 == len(sections) or sections[n + 1] != section for n, section in enumerate(sections)]
