"""Fonts of the roadmap PDF: a CJK family first when one is installed, sized in pixels so that measuring
(QFontMetricsF, QTextLayout) and painting agree on any device."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontDatabase

from ...domain.project import Project
from ...wording import wording
from .style import UNITS_PER_PT

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
)
NO_CJK_FONT_WARNING = (
    "No installed font has Chinese characters, so Chinese text in the export shows as empty boxes. "
    "Install a CJK font such as Noto Sans CJK SC and export again."
)


def cjk_family() -> str | None:
    """An installed sans family that covers Simplified Chinese, best first; None when there is none."""
    available = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for name in CJK_FAMILIES:
        if name in available:
            return name
    plain = sorted(f for f in available if "mono" not in f.lower() and "serif" not in f.lower())
    return (plain or sorted(available) or [None])[0]


def choose_families(project: Project) -> tuple[list[str], list[str]]:
    """Font families, the CJK one first (its Latin letters keep mixed text even), and warnings."""
    general = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    cjk = cjk_family()
    families = [cjk, general] if cjk else [general]
    warnings = [] if cjk or not needs_cjk(project) else [NO_CJK_FONT_WARNING]
    return families, warnings


_CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def needs_cjk(project: Project) -> bool:
    """The document has CJK text: in the project, or in its language's words for the PDF."""
    w = wording(project.info.language)
    texts = [project.info.name, project.info.description, project.info.brief, project.info.summary]
    texts += [w[key] for key in w.keys("pdf.")]
    for entity in project.entities():
        texts += [v for v in vars(entity).values() if isinstance(v, str)]
    return any(_CJK_CHAR.search(t) for t in texts)


def make_font(families: Sequence[str], size_pt: float, bold: bool = False, scale: float = UNITS_PER_PT) -> QFont:
    font = QFont()
    font.setFamilies(list(families))
    font.setPixelSize(max(1, round(size_pt * scale)))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # Glyphs that shaping substitutes have no way back to text in Qt's ToUnicode maps: with Noto
    # Sans CJK, "locl" swaps Latin digits for unmapped variants (they vanished from copied text) and
    # "liga" turned "Offline" into "Oﬄine". The SC family's default forms are already the SC ones.
    for tag in ("locl", "liga"):
        font.setFeature(QFont.Tag(tag), 0)
    if bold:
        font.setWeight(QFont.Weight.Bold)
    return font
