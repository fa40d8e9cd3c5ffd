"""The roadmap PDF: title page, timeline, Now / Next / Later board, ranked requirements and risks, "page N
of M" on every page (QtGui only, so it also runs in a worker thread). ``export_pdf`` is the entry point.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QLineF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ...domain.project import Project
from ...persistence.atomic import atomic_write_bytes
from .board_pages import plan_board
from .fonts import choose_families
from .forecast_pages import plan_forecast
from .layout import Page, line_height
from .options import PdfOptions, resolve_options
from .requirement_pages import plan_requirements
from .risk_pages import plan_risks
from .sheet import Sheet
from .style import INK_FAINT, MARGINS_MM, PAGE_SIZE_IDS, RESOLUTION, RULE, pt
from .summary_page import plan_one_page
from .timeline_pages import plan_timeline
from .title_page import plan_title
from .tounicode import fix_to_unicode_maps, lookalike_fixes

ProgressCallback = Callable[[int, int], object]
# The sections after the title page, each planned into pages by its own module.
PLANNERS: dict[str, Callable[[Sheet], list[Page]]] = {
    "one_page": plan_one_page,
    "timeline": plan_timeline,
    "forecast": plan_forecast,
    "board": plan_board,
    "requirements": plan_requirements,
    "risks": plan_risks,
}


class ExportCancelled(Exception):
    """The progress callback returned False; nothing was written."""


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
# The section of each page of the last PDF rendered in this process (for the page-fill checks).
_LAST_SECTIONS: list[str] = []


def last_page_sections() -> list[str]:
    """The section of each page of the PDF this process rendered last: a page is a section's end when
    the next page belongs to another section."""
    return list(_LAST_SECTIONS)


def render_pdf(
    project: Project, options: PdfOptions, progress: ProgressCallback | None = None
) -> tuple[bytes, list[str]]:
    """The PDF as bytes, and warnings; painting happens in memory, so cancelling leaves nothing behind."""
    families, warnings = choose_families(project)
    # The one-page summary on its own is a single landscape page, whatever the orientation says.
    landscape = options.orientation == "landscape" or options.sections == ("one_page",)
    page_layout = QPageLayout(
        QPageSize(PAGE_SIZE_IDS[options.page_size]),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )
    paint_rect = page_layout.paintRectPixels(RESOLUTION)
    sheet = Sheet(project, options, families, QRectF(0, 0, paint_rect.width(), paint_rect.height()))
    pages = plan(sheet)
    _LAST_SECTIONS[:] = [page.section for page in pages]
    total = len(pages) + 1  # the last step is writing the file

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(page_layout)
    writer.setTitle(f"{project.info.name} — {sheet.w['pdf.document']}")
    writer.setCreator("Roadmap Desktop")
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("could not start painting the PDF")
    try:
        for index, page in enumerate(pages):
            if index:
                writer.newPage()
            paint_frame(sheet, painter, page, index + 1, len(pages))
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


def plan(sheet: Sheet) -> list[Page]:
    """Every page in the options' section order (measuring only); the title page lists where each starts."""
    pages: list[Page] = []
    starts: dict[str, int] = {}
    sections = sheet.options.sections
    offset = 1 if "title" in sections else 0
    for section in sections:
        if section in PLANNERS:
            starts[section] = offset + len(pages) + 1
            pages += PLANNERS[section](sheet)
    if "title" in sections:
        pages.insert(0, plan_title(sheet, starts))
    return pages


def paint_frame(sheet: Sheet, painter: QPainter, page: Page, number: int, total: int) -> None:
    """The running header (project name, section) and footer (as-of date, page N of M)."""
    small = sheet.font(7.5)
    width = sheet.page.width()
    text_y = sheet.header_h - pt(8) - line_height(small)
    painter.setFont(small)
    painter.setPen(INK_FAINT)
    fm = QFontMetricsF(small)
    right = fm.elidedText(page.heading, Qt.TextElideMode.ElideRight, width * 0.4)
    right_w = fm.horizontalAdvance(right)
    left = fm.elidedText(sheet.project.info.name, Qt.TextElideMode.ElideRight, width - right_w - pt(24))
    flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
    painter.drawText(QRectF(0, text_y, width, line_height(small)), flags, left)
    painter.drawText(
        QRectF(0, text_y, width, line_height(small)),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
        right,
    )
    painter.setPen(QPen(RULE, pt(0.6)))
    painter.drawLine(QLineF(0, sheet.header_h - pt(6), width, sheet.header_h - pt(6)))
    foot_top = sheet.page.height() - sheet.footer_h
    painter.drawLine(QLineF(0, foot_top + pt(6), width, foot_top + pt(6)))
    painter.setPen(INK_FAINT)
    rect = QRectF(0, foot_top + pt(8), width, line_height(small))
    painter.drawText(rect, flags, sheet.w("document.as_of", date=sheet.date_text(sheet.today)))
    painter.drawText(
        rect,
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
        sheet.w("pdf.page", n=number, m=total),
    )
