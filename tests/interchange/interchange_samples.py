"""A small but awkward project for the interchange tests: pipes, line breaks, formulas, Chinese, links."""

from __future__ import annotations

import datetime as dt

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import Lane, TimelineItem


def build_project(language: str = "en") -> Project:
    project = Project.new("Support | assistant", language)
    project.info.description = "An offline assistant.\nRuns on a laptop."
    project.info.summary = "We ship the FAQ bot first.\n\nThen search."
    backend, frontend = Lane(name="Backend"), Lane(name="Front: end #1")
    project.lanes = [backend, frontend]
    design = TimelineItem(title="Design: API", lane_id=backend.id, start=dt.date(2024, 3, 4), duration_days=5)
    build = TimelineItem(
        title="Build; test", lane_id=backend.id, start=dt.date(2024, 3, 9), duration_days=10, depends_on=[design.id]
    )
    launch = TimelineItem(
        title="Launch #1",
        lane_id=frontend.id,
        start=dt.date(2024, 3, 19),
        duration_days=0,
        milestone=True,
        depends_on=[build.id],
    )
    late = TimelineItem(
        title="section review", start=dt.date(2024, 4, 1), duration_days=3, depends_on=[design.id], status="blocked"
    )
    someday = TimelineItem(title="Someday idea", lane_id=frontend.id, start=None)
    project.items = [design, build, launch, late, someday]
    pii = Risk(title="Data | leak", likelihood=3, impact=5, owner="Li", mitigation="Mask data.\nAudit.")
    minor = Risk(title="Minor slip", likelihood=2, impact=2, status="accepted", item_ids=[build.id])
    project.risks = [minor, pii]
    project.requirements = [
        Requirement(
            title="FAQ answers",
            status="planned",
            moscow="must",
            owner="Wang",
            effort=4,
            rice_reach=1000,
            rice_impact=2,
            rice_confidence=80,
            tags=["faq", "user experience"],
            description="As an agent I want answers.\nSecond line, with a comma.",
            item_ids=[design.id, build.id],
            risk_ids=[pii.id],
        ),
        Requirement(title="常见问题自动回答", status="idea", effort=2.5, tags=["问答"], description="中文描述"),
        Requirement(title="=SUM(A1:A2)", status="done", description="-starts with a minus", owner="@ops"),
        Requirement(title="Pipe | title", status="in_progress", moscow="could", tags=["a|b"]),
    ]
    project.validate()
    return project
