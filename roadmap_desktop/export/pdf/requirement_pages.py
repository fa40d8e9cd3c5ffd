"""The PDF's ranked requirements: the project's framework ranks them, each score with its arithmetic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from ...domain import prioritisation
from ...domain.project import Project
from ...domain.requirement import Requirement
from .layout import Page
from .sheet import Sheet
from .table import Cell, Column, Table


def plan_requirements(sheet: Sheet) -> list[Page]:
    heading = sheet.section_title("requirements")
    ranked = ranked_requirements(sheet.project)
    dropped = sum(1 for r in sheet.project.requirements if r.status == "dropped")
    subtitle = sheet.describe("requirements")
    if dropped:
        subtitle += " " + sheet.w("pdf.dropped_note", n=dropped)
    if not ranked:
        return [Page("requirements", heading, lambda p: sheet.draw_empty(p, heading, subtitle))]
    right = Qt.AlignmentFlag.AlignRight
    owners = any(r.owner for _rank, r, _s, _b in ranked)
    if all(score is None for _rank, _r, score, _b in ranked):
        # Nothing scored: say what to do, and list the requirements by MoSCoW without empty score columns.
        subtitle = sheet.w("pdf.no_scores", framework=sheet.w.around_latin(sheet.framework_label()))
        order = {m: n for n, m in enumerate(("must", "should", "could", "wont"))}
        ranked = sorted(ranked, key=lambda r: order.get(r[1].moscow, len(order)))
        columns = [
            Column(sheet.w["pdf.requirement"], 0.5, bold=True),
            Column(sheet.w.choice("moscow"), 0.16),
            Column(sheet.w["document.status"], 0.16),
        ]
        rows: list[list[Cell | str]] = [
            [r.title, sheet.w.choice(r.moscow), sheet.w.choice(r.status)] for _rank, r, _s, _b in ranked
        ]
    else:
        columns = [
            Column(sheet.w["pdf.rank"], 0.05, right),
            Column(sheet.w["pdf.requirement"], 0.34, bold=True),
            Column(sheet.w["document.status"], 0.10),
            Column(sheet.w.choice("moscow"), 0.10),
            Column(sheet.w["pdf.score"], 0.08, right),
            Column(sheet.w["pdf.breakdown"], 0.33),
        ]
        rows = [
            [
                str(rank) if rank is not None else sheet.w["pdf.unranked"],
                requirement.title,
                sheet.w.choice(requirement.status),
                sheet.w.choice(requirement.moscow),
                "" if score is None else sheet.w.number(score),
                breakdown,
            ]
            for rank, requirement, score, breakdown in ranked
        ]
    if owners:
        columns.append(Column(sheet.w["document.owner"], 0.12))
        for row, (_rank, requirement, _s, _b) in zip(rows, ranked, strict=True):
            row.append(requirement.owner)
    table = Table(sheet, columns, rows, sheet.body.width())
    top = sheet.section_heading(None, heading, subtitle)
    chunks = table.paginate(sheet.body.bottom() - top, sheet.body.bottom() - sheet.section_heading(None, heading))
    chunks = [c for c in chunks if c]
    pages = []
    for n, chunk in enumerate(chunks):
        title = heading if n == 0 else sheet.continued(heading)

        def draw(painter: QPainter, chunk: list[int] = chunk, title: str = title, first: bool = n == 0) -> None:
            y = sheet.section_heading(painter, title, subtitle if first else "")
            table.draw(painter, 0, y, chunk)

        pages.append(Page("requirements", heading, draw))
    return pages


def ranked_requirements(project: Project) -> list[tuple[int | None, Requirement, float | None, str]]:
    """(rank, requirement, score, breakdown) best first, by the project's framework, the breakdowns in
    the project's language (domain/prioritisation.py)."""
    ranked = prioritisation.rank(project, language=project.info.language)
    return [(r.rank, r.requirement, r.score.value, r.score.breakdown) for r in ranked]
