"""The PDF's forecast: planned dates against P50 / P80 / P90 per milestone and for the whole roadmap, the
histogram, the assumptions, the drivers of delay and the critical path with slack."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from ...interchange.forecast_report import (
    ForecastReport,
    assumptions,
    driver_kind,
    row_title,
    unavailable,
    versus_plan,
)
from ...render.forecast_histogram import paint_histogram
from ...render.ink import INK
from .flow import Flow
from .layout import Page, draw_lines, line_height, wrap_lines
from .sheet import Sheet
from .style import INK_SOFT, pt
from .table import Cell, Column, Table

HISTOGRAM_H = 125  # points
COMPACT_ROWS = 8  # milestone rows that still leave the drivers room beside the histogram


def plan_forecast(sheet: Sheet) -> list[Page]:
    heading = sheet.section_title("forecast")
    subtitle = sheet.describe("forecast")
    flow = Flow(sheet, "forecast", heading, subtitle)
    report = sheet.report
    if not isinstance(report, ForecastReport):
        flow.add_text(unavailable(report, sheet.w), 10)
        return flow.pages()
    w = sheet.w
    width = sheet.body.width()
    # Landscape with a few milestones: the dates and the drivers on the left, the histogram on the right.
    beside = width > sheet.body.height() and len(report.rows) <= COMPACT_ROWS
    left_w = width * 0.6 if beside else width
    table = forecast_table(sheet, report, left_w)
    every = list(range(len(table.rows)))
    hist_w = width - left_w - pt(20) if beside else width * 0.6
    hist_h = pt(HISTOGRAM_H)
    hist_x = left_w + pt(20) if beside else 0.0
    caption_font = sheet.font(9, bold=True)

    def draw_histogram(painter: QPainter, y: float) -> None:
        y = draw_lines(painter, [w["forecast.histogram"]], caption_font, hist_x, y, hist_w, INK)
        whole = report.whole
        marks = {"P50": whole.p50, "P80": whole.p80, "P90": whole.p90}
        if whole.planned:
            marks[w["forecast.planned"]] = whole.planned
        area = QRectF(hist_x, y + pt(4), hist_w, hist_h - line_height(caption_font) - pt(4))
        paint_histogram(painter, area, report.histogram, marks, sheet.font(8), sheet.date_text, pt(1))

    drivers = drivers_table(sheet, report, left_w) if report.drivers else None
    drivers_h = flow.caption_height(w["forecast.drivers"], w["forecast.drivers_note"], left_w)
    if drivers is not None:
        drivers_rows = list(range(len(drivers.rows)))
        drivers_h += drivers.height_of(drivers_rows)
    else:
        none_lines = wrap_lines(w["forecast.no_drivers"], sheet.font(8.5), left_w)
        drivers_h = flow.caption_height(w["forecast.drivers"], "", left_w) + len(none_lines) * line_height(
            sheet.font(8.5)
        )

    def draw_drivers(painter: QPainter, y: float) -> None:
        if drivers is not None:
            y = flow.draw_caption(painter, y, w["forecast.drivers"], w["forecast.drivers_note"], left_w)
            drivers.draw(painter, 0, y, drivers_rows)
        else:
            y = flow.draw_caption(painter, y, w["forecast.drivers"], "", left_w)
            draw_lines(painter, none_lines, sheet.font(8.5), 0, y, left_w, INK_SOFT)

    if beside:
        gap = pt(14)
        note_font = sheet.font(8)
        note = wrap_lines(assumptions(report, w) + " " + w["forecast.reading"], note_font, hist_w)
        note_h = len(note) * line_height(note_font)
        height = max(table.height_of(every) + gap + drivers_h, hist_h + pt(8) + note_h)

        def draw_top(painter: QPainter, y: float) -> None:
            table.draw(painter, 0, y, every)
            draw_drivers(painter, y + table.height_of(every) + gap)
            draw_histogram(painter, y)
            draw_lines(painter, note, note_font, hist_x, y + hist_h + pt(8), hist_w, INK_SOFT)

        flow.add(height, draw_top)
    else:
        flow.add_table(table)
        flow.add(hist_h, draw_histogram)
        flow.add_text(assumptions(report, w) + " " + w["forecast.reading"], 8.5, gap=pt(16))
        flow.add(drivers_h, draw_drivers)
    flow.add_table(path_table(sheet, report), w["forecast.critical_path"], w["forecast.critical_note"], min_rows=3)
    return flow.pages()


def forecast_table(sheet: Sheet, report: ForecastReport, width: float) -> Table:
    w, right = sheet.w, Qt.AlignmentFlag.AlignRight
    columns = [
        Column(w["forecast.milestone"], 0.24, bold=True),
        Column(w["forecast.planned"], 0.16, right),
        Column("P50", 0.16, right),
        Column("P80", 0.16, right, bold=True),
        Column("P90", 0.16, right),
        Column(w["forecast.vs_plan"], 0.12, right),
    ]
    rows: list[list[Cell | str]] = [
        [
            row_title(row, w),
            sheet.date_text(row.planned) if row.planned else "",
            sheet.date_text(row.p50),
            sheet.date_text(row.p80),
            sheet.date_text(row.p90),
            versus_plan(row, w),
        ]
        for row in report.rows
    ]
    return Table(sheet, columns, rows, width)


def drivers_table(sheet: Sheet, report: ForecastReport, width: float) -> Table:
    w, right = sheet.w, Qt.AlignmentFlag.AlignRight
    columns = [
        Column(w["forecast.driver"], 0.46, bold=True),
        Column(w["forecast.kind"], 0.18),
        Column(w["forecast.p80_without"], 0.20, right),
        Column(w["forecast.days_earlier"], 0.16, right),
    ]
    rows: list[list[Cell | str]] = [
        [d.title, driver_kind(d, w), sheet.date_text(d.p80_without), str(d.days)] for d in report.drivers
    ]
    return Table(sheet, columns, rows, width)


def path_table(sheet: Sheet, report: ForecastReport) -> Table:
    w, right = sheet.w, Qt.AlignmentFlag.AlignRight
    columns = [
        Column(w["forecast.on_path"], 0.08, Qt.AlignmentFlag.AlignHCenter),
        Column(w["markdown.item"], 0.36, bold=True),
        Column(w["forecast.lane"], 0.20),
        Column(w["markdown.start"], 0.11, right),
        Column(w["markdown.end"], 0.11, right),
        Column(w["forecast.slack"], 0.09, right),
    ]
    owners = any(row.owner for row in report.path)
    if owners:
        columns.append(Column(w["document.owner"], 0.12))
    rows: list[list[Cell | str]] = []
    for row in report.path:
        cells: list[Cell | str] = [
            "●" if row.on_path else "",
            row.title,
            row.lane,
            sheet.date_text(row.start),
            sheet.date_text(row.end),
            str(row.slack),
        ]
        if owners:
            cells.append(row.owner)
        rows.append(cells)
    return Table(sheet, columns, rows, sheet.body.width())
