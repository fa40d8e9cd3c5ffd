"""The investor-facing PDF: forecast dates and the critical path in the text (English and Chinese),
no page under half used except a section's end, no ellipsis in a template's PDF, long titles whole,
the one-page summary on one landscape page, and requirements without scores say what to do."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from benchmarks.page_fill import page_fill, section_ends
from roadmap_desktop.domain.project import Project
from roadmap_desktop.interchange.forecast_report import ForecastReport, forecast_report
from roadmap_desktop.persistence.template_file import load_template
from roadmap_desktop.wording import wording

AS_OF = dt.date(2026, 3, 2)
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdftoppm"), reason="poppler")


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    return qapp


def export(project: Project, path: Path, **options) -> list[str]:
    from roadmap_desktop.export.pdf.document import export_pdf

    return export_pdf(project, path, as_of=AS_OF, **options)


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def sections_of_last_export() -> list[str]:
    from roadmap_desktop.export.pdf.document import last_page_sections

    return last_page_sections()


def check_pages(path: Path) -> None:
    sections = sections_of_last_export()
    fills = page_fill(path)
    assert len(fills) == len(sections)
    for number, (fill, end, section) in enumerate(zip(fills, section_ends(sections), sections, strict=True), 1):
        assert end or fill >= 0.5, f"page {number} ({section}) is {fill:.0%} used and does not end its section"


@needs_poppler
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("template", ["customer_service", "healthcare"])
def test_a_templates_pdf_has_the_forecast_and_critical_path_whole_and_full_pages(tmp_path, template, language):
    project = load_template(template, language, today=AS_OF)
    out = tmp_path / "plan.pdf"
    export(project, out)
    text = text_of(out)
    report = forecast_report(project)
    assert isinstance(report, ForecastReport)
    from roadmap_desktop.export.pdf.document import last_page_sections  # noqa: F401  (rendered above)

    w = wording(language)
    flat = "".join(text.split())
    for key in ("forecast.critical_path", "forecast.drivers", "pdf.forecast"):
        assert "".join(w[key].split()) in flat, key
    date = lambda d: "".join(  # noqa: E731
        w("pdf.date", day=d.day, month=w[f"month.{d.month}"], month_number=d.month, year=d.year).split()
    )
    for day in (report.whole.p50, report.whole.p80, report.whole.p90, report.whole.planned):
        assert date(day) in flat
    assert "…" not in text and "..." not in text
    check_pages(out)


@needs_poppler
@pytest.mark.parametrize("language", ["en", "zh"])
def test_long_titles_are_never_cut(tmp_path, language):
    project = load_template("customer_service", language, today=AS_OF)
    long_en = "Negotiate the data-processing agreement with the hospital group's legal and procurement teams"
    long_zh = "与医院集团的法务和采购团队谈判数据处理协议并确认所有责任条款与审计要求的细节安排"
    title = long_zh if language == "zh" else long_en
    project.items[2].title = title
    project.lanes[0].name = title
    project.requirements[0].title = title
    project.risks[0].title = title
    out = tmp_path / "long.pdf"
    export(project, out)
    text = text_of(out)
    assert "…" not in text
    flat = "".join(text.split())
    assert flat.count("".join(title.split())) >= 1  # whole somewhere; wrapped lines join up again
    check_pages(out)


@needs_poppler
def test_the_one_page_summary_is_one_landscape_page(tmp_path):
    project = load_template("customer_service", "en", today=AS_OF)
    out = tmp_path / "one.pdf"
    export(project, out, sections="one_page", orientation="portrait")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info and "842 x 595" in info
    text = text_of(out)
    report = forecast_report(project)
    assert "P80" in text and "13 Jun 2026" in text and report.whole.p80 == dt.date(2026, 6, 13)
    assert "Now" in text and "Hallucination and factual errors" in text and "Success metrics" in text


@needs_poppler
def test_requirements_without_scores_say_what_to_do(tmp_path):
    project = load_template("customer_service", "en", today=AS_OF)
    scoring = ("effort", "rice_reach", "rice_impact", "rice_confidence", "value", "ice_impact", "ice_confidence")
    scoring += ("ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size")
    for requirement in project.requirements:  # templates carry estimates: take them away
        for name in scoring:
            setattr(requirement, name, None)
        requirement.criteria_scores, requirement.votes = {}, 0
    out = tmp_path / "req.pdf"
    export(project, out, sections="requirements")
    text = " ".join(text_of(out).split())
    assert "No scores yet" in text and "priorities task" in text
    assert "unscored" not in text.lower() and "missing Reach" not in text
