"""The Markdown export's forecast: planned vs P50/P80/P90, drivers of delay and the critical path."""

from __future__ import annotations

import datetime as dt

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.interchange.forecast_report import ForecastReport, forecast_report
from roadmap_desktop.interchange.markdown import project_to_markdown
from roadmap_desktop.persistence.template_file import load_template
from roadmap_desktop.wording import wording


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_templates_markdown_has_the_forecast_and_the_critical_path(language):
    project = load_template("customer_service", language, today=dt.date(2026, 3, 2))
    text = project_to_markdown(project, dt.date(2026, 3, 2))
    report = forecast_report(project)
    assert isinstance(report, ForecastReport)
    w = wording(language)
    for key in ("pdf.forecast", "forecast.critical_path", "forecast.drivers", "forecast.whole_roadmap"):
        assert w[key] in text
    whole = report.whole
    assert whole.planned and whole.p50 <= whole.p80 <= whole.p90
    for day in (whole.planned, whole.p50, whole.p80, whole.p90):
        assert day.isoformat() in text
    assert report.drivers and all(d.title in text for d in report.drivers)
    first, last = report.plan.critical_path[0], report.plan.critical_path[-1]
    assert project.find("item", first).title in text and project.find("item", last).title in text


def test_without_dates_the_markdown_says_what_to_do():
    text = project_to_markdown(Project.new("Empty"), dt.date(2026, 3, 2))
    assert wording("en")["forecast.none"] in text


def test_runs_past_the_last_supported_date_give_a_reason_not_a_crash():
    from roadmap_desktop.domain.timeline import TimelineItem

    project = Project.new("Last days")
    lane = project.lanes[0].id if project.lanes else None
    project.items.append(
        TimelineItem(id="late", title="Late", lane_id=lane, start=dt.date(2200, 12, 20), duration_days=12)
    )
    text = project_to_markdown(project, dt.date(2200, 12, 1))
    assert "No forecast:" in text and "2200-12-31" in text
    assert "dependencies in the loop" not in text
