"""The timeline as a PNG image for slides and chats, painted by the same code as the timeline view."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from ..domain.project import Project
from ..persistence.atomic import atomic_write_bytes
from ..render.ink import INK
from ..render.timeline import paint_timeline
from ..render.timeline_layout import ZOOM_SCALES, PaintOptions
from ..render.timeline_legend import paint_legend
from .pdf.document import ExportCancelled, ProgressCallback, ensure_gui_application
from .pdf.fonts import choose_families, make_font
from .pdf.options import PdfOptions, resolve_options
from .pdf.style import INK_SOFT, TIMELINE_FONT_PX
from .pdf.timeline_pages import timeline_layout, timeline_legend_height

DEFAULT_WIDTH = 2400
MIN_WIDTH, MAX_WIDTH = 600, 16000
MARGIN = 24.0  # logical pixels around the picture


def export_png(
    project: Project,
    out_path: str | os.PathLike[str],
    *,
    width: int = DEFAULT_WIDTH,
    device_pixel_ratio: float = 2.0,
    progress: ProgressCallback | None = None,
    **options: object,
) -> list[str]:
    """Write the timeline as a PNG ``width`` pixels wide, atomically; return warnings (e.g. no CJK font).

    ``options`` are the PDF's (``sections``, ``page_size``, ``orientation``, dates, ``color_by``): the
    page ones are checked but have no effect, and ``sections`` must include the timeline. Raises
    ValueError for a bad option, ExportCancelled when ``progress`` returns False, SaveError when
    writing fails.
    """
    if isinstance(width, bool) or not isinstance(width, int | str):
        raise ValueError(f"width: {width!r} is not a whole number of pixels")
    try:
        width = int(width)
    except ValueError:
        raise ValueError(f"width: {width!r} is not a whole number of pixels") from None
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ValueError(f"width {width} is out of range; allowed: {MIN_WIDTH} to {MAX_WIDTH} pixels")
    if not 1.0 <= float(device_pixel_ratio) <= 4.0:
        raise ValueError(f"device_pixel_ratio {device_pixel_ratio} is out of range; allowed: 1 to 4")
    opts = resolve_options(None, options)
    if "timeline" not in opts.sections:
        raise ValueError("a PNG holds only the timeline; sections must include 'timeline'")
    ensure_gui_application()
    if progress is not None and progress(0, 2) is False:
        raise ExportCancelled("export cancelled")
    data, warnings = render_png(project, opts, width, float(device_pixel_ratio))
    if progress is not None and progress(1, 2) is False:
        raise ExportCancelled("export cancelled")
    atomic_write_bytes(out_path, data)
    if progress is not None:
        progress(2, 2)
    return warnings


def render_png(project: Project, options: PdfOptions, width: int, ratio: float) -> tuple[bytes, list[str]]:
    families, warnings = choose_families(project)
    font = make_font(families, TIMELINE_FONT_PX, scale=1.0)
    title_font = make_font(families, 20, bold=True, scale=1.0)
    sub_font = make_font(families, 13, scale=1.0)
    logical_width = width / ratio
    inner = logical_width - 2 * MARGIN
    layout = timeline_layout(project, options, font, ZOOM_SCALES["month"])
    layout.scale = max((inner - layout.gutter_width) / layout.days, 0.05)
    legend_h = timeline_legend_height(layout, options.color_by, inner)
    title_h = QFontMetricsF(title_font).lineSpacing() + QFontMetricsF(sub_font).lineSpacing() + 14
    height = MARGIN + title_h + layout.height + legend_h + MARGIN

    image = QImage(width, round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(title_font)
        painter.setPen(INK)
        line = QFontMetricsF(title_font).lineSpacing()
        name = QFontMetricsF(title_font).elidedText(project.info.name, Qt.TextElideMode.ElideRight, inner)
        painter.drawText(QRectF(MARGIN, MARGIN, inner, line), int(Qt.AlignmentFlag.AlignVCenter), name)
        painter.setFont(sub_font)
        painter.setPen(INK_SOFT)
        span = f"{layout.first.isoformat()} – {layout.last.isoformat()}"
        sub_line = QFontMetricsF(sub_font).lineSpacing()
        painter.drawText(QRectF(MARGIN, MARGIN + line, inner, sub_line), int(Qt.AlignmentFlag.AlignVCenter), span)
        painter.translate(MARGIN, MARGIN + title_h)
        rect = QRectF(0, 0, layout.width, layout.height)
        paint_options = PaintOptions(color_by=options.color_by, today=options.today, legend=False)
        paint_timeline(painter, layout, rect, paint_options)
        painter.setPen(QColor("#C9D1D9"))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if legend_h:
            below = QRectF(rect.left(), rect.bottom(), rect.width(), legend_h)
            paint_legend(painter, layout, below.adjusted(-10, 0, 10, 10), options.color_by)
    finally:
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("could not encode the PNG image")
    data = bytes(buffer.data())
    buffer.close()
    return data, warnings
