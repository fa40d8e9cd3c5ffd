"""The Markdown export's forecast section: planned vs P50/P80/P90, assumptions, drivers of delay and the
critical path with slack (the PDF's forecast page, as tables)."""

from __future__ import annotations

from ..domain.project import Project
from ..wording import Wording
from .forecast_report import (
    ForecastReport,
    assumptions,
    driver_kind,
    forecast_report,
    row_title,
    unavailable,
    versus_plan,
)
from .markdown import _inline, _table


def forecast_section(project: Project, w: Wording) -> list[str]:
    out = [f"## {w['pdf.forecast']}", ""]
    report = forecast_report(project)
    if not isinstance(report, ForecastReport):
        return [*out, unavailable(report, w), ""]
    rows = [
        [
            row_title(row, w),
            row.planned.isoformat() if row.planned else "",
            row.p50.isoformat(),
            row.p80.isoformat(),
            row.p90.isoformat(),
            versus_plan(row, w),
        ]
        for row in report.rows
    ]
    header = [w["forecast.milestone"], w["forecast.planned"], "P50", "P80", "P90", w["forecast.vs_plan"]]
    out += [*_table(header, rows), "", f"*{_inline(assumptions(report, w))}*", "", _inline(w["forecast.reading"]), ""]
    out += [f"### {w['forecast.drivers']}", ""]
    if report.drivers:
        drivers = [[d.title, driver_kind(d, w), d.p80_without.isoformat(), str(d.days)] for d in report.drivers]
        header = [w["forecast.driver"], w["forecast.kind"], w["forecast.p80_without"], w["forecast.days_earlier"]]
        out += [_inline(w["forecast.drivers_note"]), "", *_table(header, drivers, numeric={3}), ""]
    else:
        out += [_inline(w["forecast.no_drivers"]), ""]
    out += [f"### {w['forecast.critical_path']}", "", _inline(w["forecast.critical_note"]), ""]
    path = [
        [
            row.title,
            row.lane,
            row.start.isoformat(),
            row.end.isoformat(),
            str(row.slack),
            "●" if row.on_path else "",
            row.owner,
        ]
        for row in report.path
    ]
    header = [
        w["markdown.item"],
        w["forecast.lane"],
        w["markdown.start"],
        w["markdown.end"],
        w["forecast.slack"],
        w["forecast.on_path"],
        w["document.owner"],
    ]
    return [*out, *_table(header, path, numeric={4}), ""]
