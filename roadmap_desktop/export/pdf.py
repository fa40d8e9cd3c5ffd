"""The roadmap as a vector PDF: title page, timeline, Now / Next / Later board, ranked requirements and
risks, "page N of M" on every page (QtGui only, so it also runs in a worker thread).

Coordinates are device units of a 1200 dpi QPdfWriter; ``pt()`` converts points. Fonts are sized in
pixels so that measuring (QFontMetricsF, QTextLayout) and painting agree on any device.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QLineF, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextLayout,
    QTextOption,
)

from ..domain.project import Project
from ..domain.requirement import Requirement
from ..domain.timeline import TimelineItem
from ..persistence.atomic import atomic_write_bytes
from .markdown import _choice as choice_label
from .pdf_options import PdfOptions
from .timeline_paint import (
    MONTHS_EN,
    ZOOM_SCALES,
    PaintOptions,
    TimelineLayout,
    lane_color,
    legend_size,
    paint_legend,
    paint_timeline,
    text_color_on,
)

RESOLUTION = 1200
UNITS_PER_PT = RESOLUTION / 72
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter, "A3": QPageSize.PageSizeId.A3}
MARGINS_MM = QMarginsF(15, 13, 15, 12)
TIMELINE_FONT_PX = 13  # layout units; the on-screen view's text size
ProgressCallback = Callable[[int, int], object]

INK = QColor("#1F2933")
INK_SOFT = QColor("#5B6773")
INK_FAINT = QColor("#8A96A3")
ACCENT = QColor("#2B4C7E")
RULE = QColor("#D5DCE3")
RULE_SOFT = QColor("#E7EBEF")
FILL_HEADER = QColor("#EEF2F6")
FILL_ZEBRA = QColor("#F8FAFB")
FILL_CARD = QColor("#FFFFFF")
COLUMN_COLORS = {"now": "#2F8C7E", "next": "#3F6FB5", "later": "#7A63AE", "unsorted": "#8A96A3"}
# Exposure bands of likelihood × impact (1-25): calm tints that keep dark text readable.
EXPOSURE_BANDS = ((15, "critical", "#E07A6E"), (10, "high", "#F0A868"), (5, "medium", "#F4D06F"), (1, "low", "#A8D5A2"))
NOW_DAYS, NEXT_DAYS = 30, 120  # dated items without a horizon: Now if they start within 30 days, Next within 120

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

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "kicker": "PRODUCT ROADMAP",
        "document": "Product roadmap",
        "as_of": "As of {date}",
        "page": "Page {n} of {m}",
        "overview": "Overview",
        "vision": "Vision",
        "summary": "Executive summary",
        "contents": "In this document",
        "timeline": "Timeline",
        "board": "Now / Next / Later",
        "requirements": "Prioritised requirements",
        "risks": "Risks",
        "continued": "continued",
        "desc_timeline": "Work by lane over time; ◆ milestones, arrows show dependencies.",
        "desc_board": "What we do now, next and later.",
        "desc_requirements": "Ranked by {framework}; each score shows its arithmetic.",
        "desc_risks": "Likelihood × impact heat map and the register, highest exposure first.",
        "stat_requirements": "Requirements",
        "stat_items": "Timeline items",
        "stat_milestones": "Milestones",
        "stat_risks": "Risks",
        "stat_high": "High exposure risks",
        "stat_span": "Planned span",
        "now": "Now",
        "next": "Next",
        "later": "Later",
        "unsorted": "Unsorted",
        "board_note": (
            "Items without a horizon are placed by start date: within {now} days Now, within {next} days "
            "Next, after that Later; finished ones are left out."
        ),
        "unscheduled": "not scheduled",
        "rank": "#",
        "requirement": "Requirement",
        "status": "Status",
        "moscow": "MoSCoW",
        "score": "Score",
        "breakdown": "Score breakdown",
        "unranked": "–",
        "dropped_note": "{n} dropped requirements are left out.",
        "exposure": "Exposure",
        "lxi": "L × I",
        "risk": "Risk",
        "owner": "Owner",
        "mitigation": "Mitigation",
        "likelihood": "Likelihood",
        "impact": "Impact",
        "heat_map": "Heat map",
        "register": "Risk register",
        "band_critical": "Critical (15–25)",
        "band_high": "High (10–14)",
        "band_medium": "Medium (5–9)",
        "band_low": "Low (1–4)",
        "risk_count": "{n} risks",
        "risk_count_1": "1 risk",
        "none": "None yet.",
        "timeline_range": "{first} – {last}",
    },
    "zh": {
        "kicker": "产品路线图",
        "document": "产品路线图",
        "as_of": "截至 {date}",
        "page": "第 {n} 页，共 {m} 页",
        "overview": "概览",
        "vision": "愿景",
        "summary": "执行摘要",
        "contents": "本文档内容",
        "timeline": "时间线",
        "board": "现在 / 下一步 / 以后",
        "requirements": "需求优先级",
        "risks": "风险",
        "continued": "续",
        "desc_timeline": "各泳道的工作安排；◆ 为里程碑，箭头表示依赖。",
        "desc_board": "现在做什么、下一步做什么、以后做什么。",
        "desc_requirements": "按{framework}排序；每个得分附有计算过程。",
        "desc_risks": "可能性 × 影响热力图与风险登记表，风险值高的在前。",
        "stat_requirements": "需求",
        "stat_items": "时间线条目",
        "stat_milestones": "里程碑",
        "stat_risks": "风险",
        "stat_high": "高风险",
        "stat_span": "计划周期",
        "now": "现在",
        "next": "下一步",
        "later": "以后",
        "unsorted": "未归类",
        "board_note": (
            "未设置阶段的条目按开始日期归类：{now} 天内为现在，{next} 天内为下一步，其余为以后；已完成的不列出。"
        ),
        "unscheduled": "未排期",
        "rank": "#",
        "requirement": "需求",
        "status": "状态",
        "moscow": "MoSCoW",
        "score": "得分",
        "breakdown": "得分计算",
        "unranked": "–",
        "dropped_note": "已放弃的 {n} 项需求未列出。",
        "exposure": "风险值",
        "lxi": "可能性 × 影响",
        "risk": "风险",
        "owner": "负责人",
        "mitigation": "缓解措施",
        "likelihood": "可能性",
        "impact": "影响",
        "heat_map": "热力图",
        "register": "风险登记表",
        "band_critical": "严重（15–25）",
        "band_high": "高（10–14）",
        "band_medium": "中（5–9）",
        "band_low": "低（1–4）",
        "risk_count": "{n} 项风险",
        "risk_count_1": "1 项风险",
        "none": "暂无。",
        "timeline_range": "{first} – {last}",
    },
}


# Framework names in a Chinese roadmap (the acronyms stay: they are what teams say); the interface's words.
FRAMEWORK_NAMES_ZH = {"value_effort": "价值 / 工作量", "weighted": "加权评分", "votes": "点投票", "moscow": "MoSCoW"}


def spaced_in_chinese(name: str) -> str:
    """``name`` with a space on each side that meets Chinese text with a Latin letter or digit: a Chinese
    sentence keeps a space around "RICE" but none around "点投票"."""
    if not name:
        return name
    before = " " if name[0].isascii() and name[0].isalnum() else ""
    after = " " if name[-1].isascii() and name[-1].isalnum() else ""
    return f"{before}{name}{after}"


class ExportCancelled(Exception):
    """The progress callback returned False; nothing was written."""


def pt(points: float) -> float:
    return points * UNITS_PER_PT


# -- entry point -------------------------------------------------------------------------------------


def export_pdf(
    project: Project,
    out_path: str | os.PathLike[str],
    options: PdfOptions | dict | None = None,
    progress: ProgressCallback | None = None,
    **cli_options: object,
) -> list[str]:
    """Write the roadmap PDF atomically; return warnings for the user (e.g. no CJK font).

    ``cli_options`` (``sections``, ``page_size``, ``orientation``, ...) override ``options``.
    Raises ValueError for a bad option, ExportCancelled when ``progress`` returns False, and
    SaveError when the file cannot be written (an existing file is then left as it was).
    """
    opts = resolve_options(options, cli_options)
    ensure_gui_application()
    data, warnings = render_pdf(project, opts, progress)
    atomic_write_bytes(out_path, data)
    return warnings


def resolve_options(options: PdfOptions | dict | None, overrides: dict[str, object] | None = None) -> PdfOptions:
    base = options.to_dict() if isinstance(options, PdfOptions) else dict(options or {})
    return PdfOptions.from_dict({**base, **(overrides or {})})


def ensure_gui_application() -> None:
    """Fonts and painting need a QGuiApplication; make one (offscreen without a display) if none runs."""
    global _APP
    app = QCoreApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("exporting a PDF or PNG needs a QGuiApplication, but a QCoreApplication is running")
        return
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QGuiApplication(sys.argv[:1] or ["roadmap-desktop"])


_APP: QGuiApplication | None = None


def render_pdf(
    project: Project, options: PdfOptions, progress: ProgressCallback | None = None
) -> tuple[bytes, list[str]]:
    """The PDF as bytes, and warnings; painting happens in memory, so cancelling leaves nothing behind."""
    families, warnings = choose_families(project)
    page_layout = QPageLayout(
        QPageSize(PAGE_SIZES[options.page_size]),
        QPageLayout.Orientation.Landscape if options.orientation == "landscape" else QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )
    paint_rect = page_layout.paintRectPixels(RESOLUTION)
    renderer = _Renderer(project, options, families, QRectF(0, 0, paint_rect.width(), paint_rect.height()))
    pages = renderer.plan()
    total = len(pages) + 1  # the last step is writing the file

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(page_layout)
    writer.setTitle(f"{project.info.name} — {renderer.w['document']}")
    writer.setCreator("Roadmap Desktop")
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("could not start painting the PDF")
    try:
        for index, page in enumerate(pages):
            if index:
                writer.newPage()
            renderer.paint_frame(painter, page, index + 1, len(pages))
            page.draw(painter)
            if progress is not None and progress(index + 1, total) is False:
                raise ExportCancelled("export cancelled")
    finally:
        painter.end()
    data = fix_to_unicode_maps(bytes(buffer.data()), lookalike_fixes(families))
    buffer.close()
    if progress is not None and progress(total, total) is False:
        raise ExportCancelled("export cancelled")
    return data, warnings


# -- fonts -------------------------------------------------------------------------------------------


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
    if project.info.language == "zh":
        return True
    texts = [project.info.name, project.info.description, project.info.summary]
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


# -- text ---------------------------------------------------------------------------------------------


def wrap_lines(text: str, font: QFont, width: float, max_lines: int = 0) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (at word boundaries, or anywhere for a long
    word or CJK), its own line breaks kept; past ``max_lines`` the last line ends in an ellipsis."""
    lines: list[str] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    paragraphs = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    consumed: list[int] = []  # index into the joined text where each line starts, for eliding
    offset = 0
    for para in paragraphs:
        para = para.rstrip()
        if not para:
            lines.append("")
            consumed.append(offset)
        else:
            layout = QTextLayout(para, font)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width, 1.0))
                start, length = line.textStart(), line.textLength()
                lines.append(para[start : start + length].rstrip())
                consumed.append(offset + start)
            layout.endLayout()
        offset += len(para) + 1
        if max_lines and len(lines) > max_lines:
            break
    if max_lines and len(lines) > max_lines:
        fm = QFontMetricsF(font)
        lines = lines[:max_lines]
        rest = " ".join("\n".join(p.rstrip() for p in paragraphs)[consumed[max_lines - 1] :].split())
        lines[-1] = fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        if lines[-1] == rest:  # the cut fell between paragraphs: still say that more follows
            lines[-1] = fm.elidedText(rest + " …", Qt.TextElideMode.ElideRight, width)
    return lines


def line_height(font: QFont) -> float:
    fm = QFontMetricsF(font)
    return max(fm.lineSpacing(), font.pixelSize() * 1.3)


def draw_lines(
    painter: QPainter,
    lines: Sequence[str],
    font: QFont,
    x: float,
    y: float,
    width: float,
    color: QColor = INK,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> float:
    """Draw pre-wrapped lines from the top ``y``; return the y below the last one."""
    painter.setFont(font)
    painter.setPen(color)
    lh = line_height(font)
    for text in lines:
        painter.drawText(QRectF(x, y, width, lh), int(align | Qt.AlignmentFlag.AlignVCenter), text)
        y += lh
    return y


# -- pages ----------------------------------------------------------------------------------------------


@dataclass
class Page:
    section: str  # one of PdfOptions.sections
    heading: str  # shown in the running header
    draw: Callable[[QPainter], None]


@dataclass
class Column:
    title: str
    weight: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    bold: bool = False
    max_lines: int = 0


@dataclass
class Cell:
    text: str
    chip: QColor | None = None  # drawn as a coloured pill behind the text


@dataclass
class _TableRow:
    cells: list[Cell]
    lines: list[list[str]] = field(default_factory=list)
    height: float = 0.0


class Table:
    """A table whose cells wrap (measured, never overlapping) and whose rows break across pages."""

    def __init__(self, renderer: _Renderer, columns: list[Column], rows: list[list[Cell | str]], width: float):
        self.r = renderer
        self.columns = columns
        total = sum(c.weight for c in columns)
        self.widths = [width * c.weight / total for c in columns]
        self.width = width
        self.font = renderer.font(8.5)
        self.bold = renderer.font(8.5, bold=True)
        self.header_font = renderer.font(8, bold=True)
        self.pad_x, self.pad_y = pt(4.5), pt(3.6)
        self.lh = line_height(self.font)
        header_lines = [
            wrap_lines(c.title, self.header_font, w - 2 * self.pad_x, 2)
            for c, w in zip(columns, self.widths, strict=True)
        ]
        self.header_lines = header_lines
        self.header_height = max(len(x) for x in header_lines) * line_height(self.header_font) + 2 * self.pad_y
        # A row never grows past a page: its longest cell is cut with an ellipsis.
        cap = max(int((renderer.body.height() * 0.8 - self.header_height - 2 * self.pad_y) // self.lh), 1)
        self.rows: list[_TableRow] = []
        for cells in rows:
            row = _TableRow([c if isinstance(c, Cell) else Cell(str(c)) for c in cells])
            for column, width_, cell in zip(columns, self.widths, row.cells, strict=True):
                font = self.bold if column.bold else self.font
                limit = min(column.max_lines or cap, cap)
                row.lines.append(wrap_lines(cell.text, font, width_ - 2 * self.pad_x, limit) if cell.text else [])
            row.height = max((len(x) for x in row.lines), default=1) * self.lh + 2 * self.pad_y
            row.height = max(row.height, self.lh + 2 * self.pad_y)
            self.rows.append(row)

    def paginate(self, first_room: float, room: float) -> list[list[int]]:
        """Row indices per page: the first page has ``first_room`` of height (it may stay empty when
        not even one row fits there), later ones ``room``."""
        pages: list[list[int]] = [[]]
        used, limit = self.header_height, first_room
        for index, row in enumerate(self.rows):
            if used + row.height > limit and (pages[-1] or len(pages) == 1):
                pages.append([])
                used, limit = self.header_height, room
            pages[-1].append(index)
            used += row.height
        return pages

    def height_of(self, indices: list[int]) -> float:
        return self.header_height + sum(self.rows[i].height for i in indices)

    def draw(self, painter: QPainter, x: float, y: float, indices: list[int]) -> float:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(FILL_HEADER)
        painter.drawRect(QRectF(x, y, self.width, self.header_height))
        cx = x
        for column, width, lines in zip(self.columns, self.widths, self.header_lines, strict=True):
            draw_lines(
                painter,
                lines,
                self.header_font,
                cx + self.pad_x,
                y + self.pad_y,
                width - 2 * self.pad_x,
                INK_SOFT,
                column.align,
            )
            cx += width
        y += self.header_height
        painter.setPen(QPen(RULE, pt(0.8)))
        painter.drawLine(QLineF(x, y, x + self.width, y))
        for n, index in enumerate(indices):
            row = self.rows[index]
            if n % 2:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(FILL_ZEBRA)
                painter.drawRect(QRectF(x, y, self.width, row.height))
            cx = x
            for column, width, cell, lines in zip(self.columns, self.widths, row.cells, row.lines, strict=True):
                font = self.bold if column.bold else self.font
                inner = width - 2 * self.pad_x
                if cell.chip is not None and lines:
                    fm = QFontMetricsF(font)
                    chip_w = fm.horizontalAdvance(lines[0]) + 2 * pt(4)
                    chip = QRectF(cx + self.pad_x, y + self.pad_y, chip_w, self.lh)
                    if column.align & Qt.AlignmentFlag.AlignRight:
                        chip.moveRight(cx + width - self.pad_x)
                    elif column.align & Qt.AlignmentFlag.AlignHCenter:
                        chip.moveLeft(cx + (width - chip_w) / 2)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(cell.chip)
                    painter.drawRoundedRect(chip.adjusted(0, pt(0.6), 0, -pt(0.6)), pt(3), pt(3))
                    draw_lines(
                        painter,
                        lines[:1],
                        font,
                        chip.left(),
                        chip.top(),
                        chip.width(),
                        text_color_on(cell.chip),
                        Qt.AlignmentFlag.AlignHCenter,
                    )
                else:
                    draw_lines(painter, lines, font, cx + self.pad_x, y + self.pad_y, inner, INK, column.align)
                cx += width
            y += row.height
            painter.setPen(QPen(RULE_SOFT, pt(0.5)))
            painter.drawLine(QLineF(x, y, x + self.width, y))
        return y


class _Renderer:
    """Plans the pages (measuring only), then paints each one on request."""

    def __init__(self, project: Project, options: PdfOptions, families: list[str], page: QRectF) -> None:
        self.project = project
        self.options = options
        self.families = families
        self.language = project.info.language if project.info.language in WORDS else "en"
        self.zh = self.language == "zh"
        self.w = WORDS[self.language]
        self.page = page
        self.header_h = pt(20)
        self.footer_h = pt(20)
        self.body = QRectF(0, self.header_h, page.width(), page.height() - self.header_h - self.footer_h)
        self._fonts: dict[tuple[float, bool], QFont] = {}
        self.today = options.today

    # -- helpers ----------------------------------------------------------------------------------------
    def font(self, size_pt: float, bold: bool = False) -> QFont:
        key = (size_pt, bold)
        if key not in self._fonts:
            self._fonts[key] = make_font(self.families, size_pt, bold)
        return self._fonts[key]

    def date_text(self, day: dt.date, year: bool = True) -> str:
        if self.zh:
            return f"{day.year}年{day.month}月{day.day}日" if year else f"{day.month}月{day.day}日"
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}" if year else f"{day.day} {MONTHS_EN[day.month - 1]}"

    def month_text(self, day: dt.date) -> str:
        return f"{day.year}年{day.month}月" if self.zh else f"{MONTHS_EN[day.month - 1]} {day.year}"

    def section_heading(self, painter: QPainter | None, title: str, subtitle: str = "") -> float:
        """Draw (or, without a painter, only measure) a section heading; return the y below it."""
        y = self.body.top() + pt(4)
        title_font = self.font(17, bold=True)
        lines = wrap_lines(title, title_font, self.body.width(), 2)
        if painter is not None:
            draw_lines(painter, lines, title_font, 0, y, self.body.width(), INK)
        y += len(lines) * line_height(title_font)
        if subtitle:
            sub_font = self.font(9)
            sub = wrap_lines(subtitle, sub_font, self.body.width(), 2)
            if painter is not None:
                draw_lines(painter, sub, sub_font, 0, y, self.body.width(), INK_SOFT)
            y += len(sub) * line_height(sub_font)
        return y + pt(10)

    # -- plan ---------------------------------------------------------------------------------------------
    def plan(self) -> list[Page]:
        planners = {
            "timeline": self.plan_timeline,
            "board": self.plan_board,
            "requirements": self.plan_requirements,
            "risks": self.plan_risks,
        }
        pages: list[Page] = []
        starts: dict[str, int] = {}
        offset = 1 if "title" in self.options.sections else 0
        for section in self.options.sections:
            if section in planners:
                starts[section] = offset + len(pages) + 1
                pages += planners[section]()
        if "title" in self.options.sections:
            pages.insert(0, self.plan_title(starts))
        return pages

    # -- frame ------------------------------------------------------------------------------------------
    def paint_frame(self, painter: QPainter, page: Page, number: int, total: int) -> None:
        small = self.font(7.5)
        width = self.page.width()
        text_y = self.header_h - pt(8) - line_height(small)
        painter.setFont(small)
        painter.setPen(INK_FAINT)
        fm = QFontMetricsF(small)
        right = fm.elidedText(page.heading, Qt.TextElideMode.ElideRight, width * 0.4)
        right_w = fm.horizontalAdvance(right)
        left = fm.elidedText(self.project.info.name, Qt.TextElideMode.ElideRight, width - right_w - pt(24))
        flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        painter.drawText(QRectF(0, text_y, width, line_height(small)), flags, left)
        painter.drawText(
            QRectF(0, text_y, width, line_height(small)),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            right,
        )
        painter.setPen(QPen(RULE, pt(0.6)))
        painter.drawLine(QLineF(0, self.header_h - pt(6), width, self.header_h - pt(6)))
        foot_top = self.page.height() - self.footer_h
        painter.drawLine(QLineF(0, foot_top + pt(6), width, foot_top + pt(6)))
        painter.setPen(INK_FAINT)
        rect = QRectF(0, foot_top + pt(8), width, line_height(small))
        painter.drawText(rect, flags, self.w["as_of"].format(date=self.date_text(self.today)))
        painter.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            self.w["page"].format(n=number, m=total),
        )

    # -- title page -------------------------------------------------------------------------------------
    def plan_title(self, starts: dict[str, int]) -> Page:
        return Page("title", self.w["overview"], lambda painter: self.draw_title(painter, starts))

    def stats(self) -> list[tuple[str, str]]:
        p = self.project
        milestones = sum(1 for i in p.items if i.milestone)
        high = sum(1 for r in p.risks if r.exposure >= 15 and r.status != "closed")
        out = [
            (str(len(p.requirements)), self.w["stat_requirements"]),
            (str(len(p.items)), self.w["stat_items"]),
            (str(milestones), self.w["stat_milestones"]),
            (str(len(p.risks)), self.w["stat_risks"]),
            (str(high), self.w["stat_high"]),
        ]
        dated = [i for i in p.items if i.start is not None]
        if dated:
            first = min(i.start for i in dated)  # type: ignore[type-var]
            last = max(i.end for i in dated)  # type: ignore[type-var]
            span = self.span_text(first, last)
            out.append((span, self.w["stat_span"]))
        return out

    def span_text(self, first: dt.date, last: dt.date) -> str:
        """ "Jan – Nov 2025", "2025年1–11月"; the years spelled out when they differ."""
        if (first.year, first.month) == (last.year, last.month):
            return self.month_text(first)
        if first.year == last.year:
            if self.zh:
                return f"{first.year}年{first.month}–{last.month}月"
            return f"{MONTHS_EN[first.month - 1]} – {MONTHS_EN[last.month - 1]} {first.year}"
        return f"{self.month_text(first)} – {self.month_text(last)}"

    def draw_title(self, painter: QPainter, starts: dict[str, int]) -> None:
        info = self.project.info
        body = self.body
        landscape = body.width() > body.height()
        left_w = body.width() * (0.56 if landscape else 1.0)
        right_x = body.width() * 0.62 if landscape else 0.0
        right_w = body.width() - right_x
        y = body.top() + pt(26)
        y = draw_lines(painter, [self.w["kicker"]], self.font(9, bold=True), 0, y, left_w, ACCENT)
        y += pt(4)
        name_font = self.font(26, bold=True)
        y = draw_lines(painter, wrap_lines(info.name, name_font, left_w, 3), name_font, 0, y, left_w, INK)
        y += pt(2)
        y = draw_lines(
            painter, [self.w["as_of"].format(date=self.date_text(self.today))], self.font(10), 0, y, left_w, INK_SOFT
        )
        y += pt(10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT)
        painter.drawRect(QRectF(0, y, pt(42), pt(2.4)))
        y += pt(16)
        if info.description.strip():
            y = draw_lines(painter, [self.w["vision"]], self.font(10, bold=True), 0, y, left_w, INK)
            vision_font = self.font(11)
            # Landscape: the left column is the vision's down to the footer (success metrics included);
            # portrait: the figures follow below it, so it keeps to a few lines.
            room = int((body.bottom() - y - pt(24)) / line_height(vision_font)) if landscape else 8
            y = draw_lines(
                painter,
                wrap_lines(info.description, vision_font, left_w, max(5, min(room, 30))),
                vision_font,
                0,
                y,
                left_w,
                INK,
            )
            y += pt(14)

        # Right column (landscape) or the block below (portrait): figures, then the contents.
        stats = self.stats()
        tile_cols = 2 if landscape else 3
        tile_w = (right_w - (tile_cols - 1) * pt(10)) / tile_cols
        number_font, label_font = self.font(18, bold=True), self.font(8)
        tile_h = line_height(number_font) + line_height(label_font) + pt(14)
        tiles_h = -(-len(stats) // tile_cols) * (tile_h + pt(10))
        contents = [s for s in self.options.sections if s != "title"]
        contents_font, desc_font = self.font(10, bold=True), self.font(8.5)
        entry_h = line_height(contents_font) + 2 * line_height(desc_font) + pt(6)
        contents_h = (line_height(self.font(11, bold=True)) + pt(6) + len(contents) * entry_h) if contents else 0.0

        if landscape:
            ty = body.top() + pt(30)
            summary_bottom = body.bottom()
        else:
            ty = y
            y = ty + tiles_h + pt(8)
            summary_bottom = body.bottom() - contents_h - pt(16)
        for index, (number, label) in enumerate(stats):
            col, row = index % tile_cols, index // tile_cols
            tile = QRectF(right_x + col * (tile_w + pt(10)), ty + row * (tile_h + pt(10)), tile_w, tile_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FILL_HEADER)
            painter.drawRoundedRect(tile, pt(4), pt(4))
            inner_w = tile_w - pt(20)
            fit_font = number_font
            for size in (11, 10, 9, 8):  # a long value (a Chinese date span) shrinks before it is elided
                if QFontMetricsF(fit_font).horizontalAdvance(number) <= inner_w:
                    break
                fit_font = self.font(size, bold=True)
            draw_lines(
                painter,
                [QFontMetricsF(fit_font).elidedText(number, Qt.TextElideMode.ElideRight, inner_w)],
                fit_font,
                tile.left() + pt(10),
                tile.top() + pt(7),
                inner_w,
                ACCENT,
            )
            draw_lines(
                painter,
                wrap_lines(label, label_font, inner_w, 1),
                label_font,
                tile.left() + pt(10),
                tile.bottom() - pt(7) - line_height(label_font),
                inner_w,
                INK_SOFT,
            )

        if info.summary.strip():
            heading_font, text_font = self.font(12, bold=True), self.font(10)
            room = summary_bottom - y - line_height(heading_font) - pt(4)
            max_lines = int(room // line_height(text_font))
            if max_lines >= 2:
                y = draw_lines(painter, [self.w["summary"]], heading_font, 0, y, left_w, INK) + pt(4)
                lines = wrap_lines(info.summary, text_font, left_w, max_lines)
                draw_lines(painter, lines, text_font, 0, y, left_w, INK)

        if contents:
            cy = ty + tiles_h + pt(18) if landscape else body.bottom() - contents_h
            cw = right_w
            painter.setPen(QPen(RULE, pt(0.6)))
            painter.drawLine(QLineF(right_x, cy - pt(8), right_x + cw, cy - pt(8)))
            cy = draw_lines(painter, [self.w["contents"]], self.font(11, bold=True), right_x, cy, cw, INK) + pt(6)
            for section in contents:
                title = self.w[section]
                page = str(starts.get(section, ""))
                draw_lines(painter, [title], contents_font, right_x, cy, cw - pt(30), INK)
                draw_lines(painter, [page], contents_font, right_x, cy, cw, INK_SOFT, Qt.AlignmentFlag.AlignRight)
                cy += line_height(contents_font)
                desc = self.describe(section)
                cy = draw_lines(
                    painter, wrap_lines(desc, desc_font, cw - pt(30), 2), desc_font, right_x, cy, cw - pt(30), INK_SOFT
                )
                cy += pt(6)

    def describe(self, section: str) -> str:
        if section == "requirements":
            label = self.framework_label()
            return self.w["desc_requirements"].format(framework=spaced_in_chinese(label) if self.zh else label)
        return self.w[f"desc_{section}"]

    def framework_label(self) -> str:
        try:
            from ..domain.prioritisation import FRAMEWORK_LABELS
        except ImportError:  # pragma: no cover - the module ships with the app
            return "RICE"
        code = self.project.info.framework
        if self.project.info.language == "zh" and code in FRAMEWORK_NAMES_ZH:
            return FRAMEWORK_NAMES_ZH[code]
        return FRAMEWORK_LABELS.get(code, "RICE")

    # -- timeline ---------------------------------------------------------------------------------------
    def plan_timeline(self) -> list[Page]:
        heading = self.w["timeline"]
        probe = TimelineLayout(self.project, *date_bounds(self.project, self.options), font=self.timeline_font())
        subtitle = self.w["timeline_range"].format(first=self.date_text(probe.first), last=self.date_text(probe.last))
        top = self.section_heading(None, heading, subtitle)
        area = QRectF(0, top, self.body.width(), self.body.bottom() - top)
        if not self.project.items:
            return [Page("timeline", heading, lambda p: self.draw_empty(p, heading, subtitle))]
        if self.options.fit == "split":
            slices = split_timeline(self.project, self.options, area, self.timeline_font())
        else:
            slices = [fit_timeline(self.project, self.options, area, self.timeline_font())]
        pages = []
        for n, piece in enumerate(slices):
            title = heading if n == 0 else f"{heading} ({self.w['continued']})"
            sub = self.w["timeline_range"].format(first=self.date_text(piece.first), last=self.date_text(piece.last))

            def draw(painter: QPainter, piece: TimelineSlice = piece, title: str = title, sub: str = sub) -> None:
                self.section_heading(painter, title, sub)
                piece.paint(painter, self.options)

            pages.append(Page("timeline", heading, draw))
        return pages

    def timeline_font(self) -> QFont:
        return make_font(self.families, TIMELINE_FONT_PX, scale=1.0)

    def draw_empty(self, painter: QPainter, title: str, subtitle: str = "") -> None:
        y = self.section_heading(painter, title, subtitle)
        draw_lines(painter, [self.w["none"]], self.font(10), 0, y, self.body.width(), INK_SOFT)

    # -- Now / Next / Later -------------------------------------------------------------------------------
    def board_columns(self) -> list[tuple[str, list[TimelineItem]]]:
        columns: dict[str, list[TimelineItem]] = {"now": [], "next": [], "later": [], "unsorted": []}
        for item in self.project.items:
            if item.horizon in ("now", "next", "later"):
                columns[item.horizon].append(item)
            elif item.start is None:
                columns["unsorted"].append(item)
            elif item.status != "done":
                days = (item.start - self.today).days
                columns["now" if days <= NOW_DAYS else "next" if days <= NEXT_DAYS else "later"].append(item)
        for items in columns.values():
            items.sort(key=lambda i: (i.start is None, i.start or dt.date.min))
        return [(key, items) for key, items in columns.items() if items or key != "unsorted"]

    def plan_board(self) -> list[Page]:
        heading = self.w["board"]
        note = self.w["board_note"].format(now=NOW_DAYS, next=NEXT_DAYS)
        top = self.section_heading(None, heading, note)
        columns = self.board_columns()
        gap = pt(12)
        col_w = (self.body.width() - gap * (len(columns) - 1)) / len(columns)
        head_h = line_height(self.font(11, bold=True)) + pt(10)
        room = self.body.bottom() - top - head_h
        chunks: list[list[list[tuple[TimelineItem, float]]]] = []  # per column, per page: (item, height)
        for _key, items in columns:
            pages: list[list[tuple[TimelineItem, float]]] = [[]]
            used = 0.0
            for item in items:
                h = self.card_height(item, col_w)
                if pages[-1] and used + h > room:
                    pages.append([])
                    used = 0.0
                pages[-1].append((item, h))
                used += h + pt(7)
            chunks.append(pages)
        count = max(len(c) for c in chunks)
        out = []
        for n in range(count):
            title = heading if n == 0 else f"{heading} ({self.w['continued']})"

            def draw(painter: QPainter, n: int = n, title: str = title) -> None:
                y0 = self.section_heading(painter, title, note)
                for index, (key, items) in enumerate(columns):
                    x = index * (col_w + gap)
                    self.draw_board_column(
                        painter, key, len(items), chunks[index][n] if n < len(chunks[index]) else [], x, y0, col_w
                    )

            out.append(Page("board", heading, draw))
        return out

    def card_parts(self, item: TimelineItem, width: float) -> tuple[list[str], list[str]]:
        inner = width - pt(16)
        title = ("◆ " if item.milestone else "") + item.title
        title_lines = wrap_lines(title, self.font(9, bold=True), inner, 3)
        meta = [self.project.lane_name(item.lane_id)]
        if item.start is not None:
            end = item.end
            when = (
                self.date_text(item.start)
                if item.milestone or end == item.start
                else (
                    f"{self.date_text(item.start, year=False)} – {self.date_text(end)}"  # type: ignore[arg-type]
                )
            )
            meta.append(when)
        else:
            meta.append(self.w["unscheduled"])
        meta.append(choice_label(item.status, self.language))
        if item.owner:
            meta.append(item.owner)
        meta_lines = wrap_lines(" · ".join(m for m in meta if m), self.font(7.5), inner, 2)
        return title_lines, meta_lines

    def card_height(self, item: TimelineItem, width: float) -> float:
        title_lines, meta_lines = self.card_parts(item, width)
        return (
            len(title_lines) * line_height(self.font(9, bold=True))
            + len(meta_lines) * line_height(self.font(7.5))
            + pt(14)
        )

    def draw_board_column(
        self,
        painter: QPainter,
        key: str,
        count: int,
        cards: list[tuple[TimelineItem, float]],
        x: float,
        y: float,
        w: float,
    ) -> None:
        color = QColor(COLUMN_COLORS[key])
        head_font = self.font(11, bold=True)
        lh = line_height(head_font)
        draw_lines(painter, [self.w[key]], head_font, x, y, w, INK)
        badge = str(count)
        fm = QFontMetricsF(self.font(8, bold=True))
        label_w = QFontMetricsF(head_font).horizontalAdvance(self.w[key])
        badge_rect = QRectF(x + label_w + pt(8), y + (lh - pt(13)) / 2, fm.horizontalAdvance(badge) + pt(10), pt(13))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(badge_rect, pt(6.5), pt(6.5))
        draw_lines(
            painter,
            [badge],
            self.font(8, bold=True),
            badge_rect.left(),
            badge_rect.top() + (pt(13) - line_height(self.font(8, bold=True))) / 2,
            badge_rect.width(),
            QColor("#FFFFFF"),
            Qt.AlignmentFlag.AlignHCenter,
        )
        y += lh + pt(3)
        painter.setBrush(color)
        painter.drawRect(QRectF(x, y, w, pt(2)))
        y += pt(7)
        if not count:
            draw_lines(painter, [self.w["none"]], self.font(8.5), x, y, w, INK_FAINT)
            return
        for item, h in cards:
            card = QRectF(x, y, w, h)
            painter.setPen(QPen(RULE, pt(0.6)))
            painter.setBrush(FILL_CARD)
            painter.drawRoundedRect(card, pt(3), pt(3))
            lane_index = next((i for i, lane in enumerate(self.project.lanes) if lane.id == item.lane_id), -1)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(lane_color(lane_index))
            painter.drawRoundedRect(QRectF(x, y, pt(3), h), pt(1.5), pt(1.5))
            title_lines, meta_lines = self.card_parts(item, w)
            ty = draw_lines(painter, title_lines, self.font(9, bold=True), x + pt(10), y + pt(7), w - pt(16), INK)
            draw_lines(painter, meta_lines, self.font(7.5), x + pt(10), ty, w - pt(16), INK_SOFT)
            y += h + pt(7)

    # -- requirements -------------------------------------------------------------------------------------
    def plan_requirements(self) -> list[Page]:
        heading = self.w["requirements"]
        ranked = ranked_requirements(self.project)
        dropped = sum(1 for r in self.project.requirements if r.status == "dropped")
        subtitle = self.describe("requirements")
        if dropped:
            subtitle += " " + self.w["dropped_note"].format(n=dropped)
        if not ranked:
            return [Page("requirements", heading, lambda p: self.draw_empty(p, heading, subtitle))]
        right = Qt.AlignmentFlag.AlignRight
        columns = [
            Column(self.w["rank"], 0.05, right),
            Column(self.w["requirement"], 0.34, bold=True),
            Column(self.w["status"], 0.10),
            Column(self.w["moscow"], 0.10),
            Column(self.w["score"], 0.08, right),
            Column(self.w["breakdown"], 0.33),
        ]
        rows: list[list[Cell | str]] = []
        for rank, requirement, score, breakdown in ranked:
            rows.append(
                [
                    str(rank) if rank is not None else self.w["unranked"],
                    requirement.title,
                    choice_label(requirement.status, self.language),
                    choice_label(requirement.moscow, self.language),
                    "" if score is None else fmt_number(score),
                    breakdown,
                ]
            )
        table = Table(self, columns, rows, self.body.width())
        top = self.section_heading(None, heading, subtitle)
        chunks = table.paginate(self.body.bottom() - top, self.body.bottom() - self.section_heading(None, heading))
        chunks = [c for c in chunks if c]
        pages = []
        for n, chunk in enumerate(chunks):
            title = heading if n == 0 else f"{heading} ({self.w['continued']})"

            def draw(painter: QPainter, chunk: list[int] = chunk, title: str = title, first: bool = n == 0) -> None:
                y = self.section_heading(painter, title, subtitle if first else "")
                table.draw(painter, 0, y, chunk)

            pages.append(Page("requirements", heading, draw))
        return pages

    # -- risks ----------------------------------------------------------------------------------------------
    def plan_risks(self) -> list[Page]:
        heading = self.w["risks"]
        subtitle = self.describe("risks")
        risks = sorted(self.project.risks, key=lambda r: -r.exposure)
        if not risks:
            return [Page("risks", heading, lambda p: self.draw_empty(p, heading, subtitle))]
        center = Qt.AlignmentFlag.AlignHCenter
        columns = [
            Column(self.w["exposure"], 0.08, center),
            Column(self.w["lxi"], 0.08, center),
            Column(self.w["risk"], 0.27, bold=True),
            Column(self.w["status"], 0.10),
            Column(self.w["owner"], 0.11),
            Column(self.w["mitigation"], 0.36),
        ]
        rows: list[list[Cell | str]] = [
            [
                Cell(str(r.exposure), exposure_color(r.exposure)),
                f"{r.likelihood} × {r.impact}",
                r.title,
                choice_label(r.status, self.language),
                r.owner,
                r.mitigation,
            ]
            for r in risks
        ]
        table = Table(self, columns, rows, self.body.width())
        top = self.section_heading(None, heading, subtitle)
        map_h = self.heat_map_height()
        register_font = self.font(12, bold=True)
        register_h = line_height(register_font) + pt(6)
        first_room = self.body.bottom() - (top + map_h + pt(14) + register_h)
        next_top = self.section_heading(None, heading)
        # An empty first chunk: no row fits under the heat map, so the register starts on the next page.
        chunks = table.paginate(first_room, self.body.bottom() - next_top - register_h)
        pages = []
        for n, chunk in enumerate(chunks):
            title = heading if n == 0 else f"{heading} ({self.w['continued']})"

            def draw(painter: QPainter, chunk: list[int] = chunk, title: str = title, first: bool = n == 0) -> None:
                y = self.section_heading(painter, title, subtitle if first else "")
                if first:
                    self.draw_heat_map(painter, y, risks)
                    y += map_h + pt(14)
                if chunk:
                    y = draw_lines(painter, [self.w["register"]], register_font, 0, y, self.body.width(), INK) + pt(6)
                    table.draw(painter, 0, y, chunk)

            pages.append(Page("risks", heading, draw))
        return pages

    def heat_map_height(self) -> float:
        return 5 * pt(24) + line_height(self.font(8)) * 2 + pt(12)

    def draw_heat_map(self, painter: QPainter, top: float, risks: list) -> None:
        cell = pt(24)
        label_font, axis_font = self.font(8), self.font(8, bold=True)
        axis_w = line_height(axis_font) + pt(4)
        num_w = pt(12)
        x0 = axis_w + num_w
        counts: dict[tuple[int, int], int] = {}
        for r in risks:
            counts[(r.likelihood, r.impact)] = counts.get((r.likelihood, r.impact), 0) + 1
        count_font = self.font(10, bold=True)
        for likelihood in range(5, 0, -1):
            y = top + (5 - likelihood) * cell
            draw_lines(
                painter,
                [str(likelihood)],
                label_font,
                axis_w,
                y + (cell - line_height(label_font)) / 2,
                num_w - pt(3),
                INK_SOFT,
                Qt.AlignmentFlag.AlignRight,
            )
            for impact in range(1, 6):
                box = QRectF(x0 + (impact - 1) * cell, y, cell, cell).adjusted(pt(1), pt(1), -pt(1), -pt(1))
                color = exposure_color(likelihood * impact)
                n = counts.get((likelihood, impact), 0)
                if not n:
                    color = QColor(color)
                    color.setAlphaF(0.35)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRoundedRect(box, pt(2), pt(2))
                if n:
                    draw_lines(
                        painter,
                        [str(n)],
                        count_font,
                        box.left(),
                        box.top() + (box.height() - line_height(count_font)) / 2,
                        box.width(),
                        INK,
                        Qt.AlignmentFlag.AlignHCenter,
                    )
        grid_bottom = top + 5 * cell
        for impact in range(1, 6):
            draw_lines(
                painter,
                [str(impact)],
                label_font,
                x0 + (impact - 1) * cell,
                grid_bottom + pt(2),
                cell,
                INK_SOFT,
                Qt.AlignmentFlag.AlignHCenter,
            )
        draw_lines(
            painter,
            [self.w["impact"] + " →"],
            axis_font,
            x0,
            grid_bottom + pt(2) + line_height(label_font),
            5 * cell,
            INK,
            Qt.AlignmentFlag.AlignHCenter,
        )
        # The vertical axis title reads bottom to top.
        painter.save()
        painter.translate(0, top + 5 * cell)
        painter.rotate(-90)
        draw_lines(
            painter, [self.w["likelihood"] + " →"], axis_font, 0, 0, 5 * cell, INK, Qt.AlignmentFlag.AlignHCenter
        )
        painter.restore()
        # Key: the bands and how many risks sit in each.
        kx = x0 + 5 * cell + pt(28)
        ky = top + pt(4)
        key_font = self.font(9)
        for threshold, name, color in EXPOSURE_BANDS:
            upper = {"critical": 25, "high": 14, "medium": 9, "low": 4}[name]
            n = sum(1 for r in risks if threshold <= r.exposure <= upper)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            lh = line_height(key_font)
            painter.drawRoundedRect(QRectF(kx, ky + (lh - pt(9)) / 2, pt(14), pt(9)), pt(2), pt(2))
            count = self.w["risk_count_1"] if n == 1 else self.w["risk_count"].format(n=n)
            text = f"{self.w['band_' + name]}: {count}"
            draw_lines(painter, [text], key_font, kx + pt(20), ky, self.body.width() - kx - pt(20), INK)
            ky += lh + pt(4)


# -- timeline on pages -----------------------------------------------------------------------------------


@dataclass
class TimelineSlice:
    """One page's piece of a timeline: the content rectangle (layout units) and where it goes."""

    layout: TimelineLayout
    rect: QRectF  # content coordinates, header and gutter included
    target: QRectF  # device rectangle on the page
    scale: float  # device units per layout unit
    first: dt.date
    last: dt.date
    legend_height: float = 0.0
    page_width: float = 0.0  # device units

    def paint(self, painter: QPainter, options: PdfOptions) -> None:
        painter.save()
        painter.translate(self.target.left(), self.target.top())
        painter.scale(self.scale, self.scale)
        painter.translate(-self.rect.left(), -self.rect.top())
        paint_options = PaintOptions(color_by=options.color_by, today=options.today or dt.date.today(), legend=False)
        paint_timeline(painter, self.layout, self.rect, paint_options)
        painter.setClipping(False)
        painter.setPen(QPen(RULE, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect)
        if self.legend_height:
            # As wide as the page, so a narrow last slice does not wrap the legend onto more lines.
            width = max(self.rect.width(), self.page_width / self.scale)
            below = QRectF(self.rect.left(), self.rect.bottom(), width, self.legend_height)
            paint_legend(painter, self.layout, below.adjusted(-10, 0, 10, 10), options.color_by)
        painter.restore()


def timeline_legend_height(layout: TimelineLayout, color_by: str, width: float) -> float:
    max_width = min(width - layout.gutter_width - 16, 760)
    if max_width < 120:
        return 0.0
    return legend_size(layout, color_by, max_width)[1] + 8


def date_bounds(project: Project, options: PdfOptions) -> tuple[dt.date | None, dt.date | None]:
    """The options' date range; an open end hugs the scheduled items (whole months, a few days of air)."""
    starts = [i.start for i in project.items if i.start is not None]
    ends = [i.end for i in project.items if i.end is not None]
    first, last = options.date_from, options.date_to
    if first is None and starts:
        first = (min(starts) - dt.timedelta(days=3)).replace(day=1)
    if last is None and ends:
        edge = max(ends) + dt.timedelta(days=3)
        last = dt.date(edge.year + edge.month // 12, edge.month % 12 + 1, 1) - dt.timedelta(days=1)
    if first and last and last < first:
        first, last = options.date_from, options.date_to
    return first, last


def timeline_layout(
    project: Project, options: PdfOptions, font: QFont, scale: float, row_height: float = 30.0
) -> TimelineLayout:
    return TimelineLayout(
        project,
        *date_bounds(project, options),
        scale,
        font=font,
        row_height=row_height,
        bar_height=min(22 + (row_height - 30) * 0.4, 28),
        lane_padding=6 + (row_height - 30) * 0.2,
    )


def fit_timeline(project: Project, options: PdfOptions, area: QRectF, font: QFont) -> TimelineSlice:
    """The whole date range on one page: text near 8 pt, smaller only when the lanes need the height;
    rows grow (up to half again) when the page has height to spare."""
    text_scale = pt(8) / TIMELINE_FONT_PX  # device units per layout unit for 8 pt text
    row_height = 30.0
    for _attempt in range(2):
        layout = timeline_layout(project, options, font, ZOOM_SCALES["month"], row_height)
        scale = text_scale
        for _ in range(3):  # the legend's height depends on the width, which depends on the scale
            legend_h = timeline_legend_height(layout, options.color_by, area.width() / scale)
            scale = min(text_scale, area.height() / (layout.height + legend_h))
        spare = area.height() / ((layout.height + legend_h) * scale)
        if spare < 1.08 or row_height > 30:
            break
        row_height = min(30 * (1 + (spare - 1) * 0.8), 45.0)
    width = area.width() / scale
    layout.scale = max((width - layout.gutter_width) / layout.days, 0.05)
    legend_h = timeline_legend_height(layout, options.color_by, width)
    rect = QRectF(0, 0, layout.width, layout.height)
    target = QRectF(area.left(), area.top(), rect.width() * scale, rect.height() * scale)
    return TimelineSlice(layout, rect, target, scale, layout.first, layout.last, legend_h, area.width())


def split_timeline(project: Project, options: PdfOptions, area: QRectF, font: QFont) -> list[TimelineSlice]:
    """The timeline at month zoom in whole-month slices (lane gutter repeated on each page) and, when
    the lanes are taller than a page, in bands of lanes (axis repeated)."""
    scale = pt(8.5) / TIMELINE_FONT_PX
    width = area.width() / scale
    layout = timeline_layout(project, options, font, ZOOM_SCALES["month"])
    legend_h = timeline_legend_height(layout, options.color_by, width)
    room_h = area.height() / scale - legend_h
    spare = room_h / layout.height
    if spare > 1.08:  # all lanes fit on a page with height to spare: taller rows read better
        layout = timeline_layout(project, options, font, ZOOM_SCALES["month"], min(30 * (1 + (spare - 1) * 0.8), 45.0))
    days_per_page = max(int((width - layout.gutter_width) / layout.scale), 28)
    # Date slices on month boundaries where possible.
    cuts = [layout.first]
    while cuts[-1] <= layout.last:
        start = cuts[-1]
        limit = start + dt.timedelta(days=days_per_page)
        month = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        best = None
        while month <= limit:
            best = month
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        cuts.append(best if best is not None and best > start else limit)
    # Bands of whole lanes; a lane taller than a page is cut between rows.
    body_room = room_h - layout.header_height
    lane_ends = [lane.y + lane.height for lane in layout.lanes]
    row_ends = sorted({row.y + layout.row_height for row in layout.rows} | set(lane_ends))
    bands: list[tuple[float, float]] = []
    y0, bottom = layout.header_height, layout.body_bottom
    while bottom - y0 > body_room:
        fitting = [e for e in lane_ends if y0 < e <= y0 + body_room] or [
            e for e in row_ends if y0 < e <= y0 + body_room
        ]
        cut = max(fitting) if fitting else y0 + body_room
        bands.append((y0, cut))
        y0 = cut
    bands.append((y0, max(bottom, y0 + 1)))
    slices = []
    for first, nxt in itertools.pairwise(cuts):
        x0 = layout.x_for(first) - layout.gutter_width
        x1 = layout.x_for(min(nxt, layout.last + dt.timedelta(days=1)))
        for top, bottom in bands:
            rect = QRectF(x0, top - layout.header_height, x1 - x0, bottom - top + layout.header_height)
            target = QRectF(area.left(), area.top(), rect.width() * scale, rect.height() * scale)
            last = min(nxt - dt.timedelta(days=1), layout.last)
            slices.append(TimelineSlice(layout, rect, target, scale, first, last, legend_h, area.width()))
    return slices


# -- scores and colours ----------------------------------------------------------------------------------


def ranked_requirements(project: Project) -> list[tuple[int | None, Requirement, float | None, str]]:
    """(rank, requirement, score, breakdown) best first, by the project's framework, the breakdowns in
    the project's language; one function so the scoring source can be swapped."""
    try:
        from ..domain.prioritisation import rank
    except ImportError:  # pragma: no cover - only while prioritisation.py is missing
        return _rice_ranking(project)
    ranked = rank(project, language=project.info.language)
    return [(r.rank, r.requirement, r.score.value, r.score.breakdown) for r in ranked]


def _rice_ranking(project: Project) -> list[tuple[int | None, Requirement, float | None, str]]:
    from .markdown import rice_score

    scored = []
    for r in project.requirements:
        if r.status == "dropped":
            continue
        value = rice_score(r)
        text = (
            f"reach {fmt_number(r.rice_reach)} × impact {fmt_number(r.rice_impact)} × confidence "
            f"{fmt_number(r.rice_confidence)} % ÷ effort {fmt_number(r.effort)} = {fmt_number(value)}"
            if value is not None
            else "not scored: a RICE input is missing"
        )
        scored.append((r, value, text))
    scored.sort(key=lambda t: (t[1] is None, -(t[1] or 0)))
    return [(i + 1 if v is not None else None, r, v, t) for i, (r, v, t) in enumerate(scored)]


def fmt_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def exposure_color(exposure: int) -> QColor:
    for threshold, _name, color in EXPOSURE_BANDS:
        if exposure >= threshold:
            return QColor(color)
    return QColor(EXPOSURE_BANDS[-1][2])


# -- text extraction fix ---------------------------------------------------------------------------------
#
# Qt writes each embedded font's ToUnicode map by asking, for every code point from U+0000 up, which
# glyph it uses, and keeps the FIRST code point per glyph. Noto Sans CJK (and Source Han Sans) draw
# the Kangxi radicals and CJK radical supplements with the same glyphs as the ideographs, and those
# blocks come first, so copying or searching "金长见门风车" gave "⾦⻓⻅⻔⻛⻋". We rebuild the same
# glyph -> code point table from the font, preferring any code point outside the look-alike blocks,
# and rewrite the (uncompressed) ToUnicode streams, then the cross-reference table's offsets.

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
