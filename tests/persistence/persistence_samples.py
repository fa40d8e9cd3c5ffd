"""A richly filled sample project shared by the persistence tests (imported by name: no packages)."""

from __future__ import annotations

import datetime as dt

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem


def build_project(extra_requirements: int = 0) -> Project:
    project = Project.new("智能路线图 Smart roadmap", "zh")
    project.info.description = "离线产品路线规划。\nOffline product planning, 第二行."
    project.info.domain = "企业软件"
    project.info.brief = "给客服团队的离线问答助手。\nFor support agents who answer the same questions every day."
    lane_a, lane_b = project.lanes[0], project.lanes[1]
    lane_b.capacity = 3
    first = TimelineItem(
        title="需求访谈", lane_id=lane_a.id, phase="P0", start=dt.date(2024, 2, 29), duration_days=12, owner="王芳"
    )
    gate = TimelineItem(
        title="Tech review",
        lane_id=lane_b.id,
        phase="P1",
        start=dt.date(2024, 12, 31),
        duration_days=0,
        milestone=True,
        depends_on=[first.id],
        notes="多行\n备注",
    )
    unscheduled = TimelineItem(title="未排期 item", status="blocked")
    project.items = [first, gate, unscheduled]
    risk = Risk(
        title="数据合规",
        category="合规",
        likelihood=4,
        impact=5,
        status="mitigating",
        review_date=dt.date(2025, 1, 15),
        description="含个人信息",
        mitigation="脱敏",
        item_ids=[first.id],
    )
    project.risks = [risk, Risk(title="Key person leaves", likelihood=1, impact=2)]
    project.requirements = [
        Requirement(
            title="自动回答常见问题",
            status="planned",
            moscow="must",
            owner="李伟",
            effort=2.5,
            rice_reach=1200,
            rice_impact=2,
            rice_confidence=80,
            value_lever="ux",
            llm_fit="fit",
            tags=["问答", "FAQ"],
            description="作为客服，我希望……\nSo that I can focus.",
            acceptance_criteria=["覆盖 50 个问题"],
            target_users=["客服"],
            pain_points=["重复劳动"],
            competitors=["Zendesk"],
            llm_fit_reason="有界任务",
            risk_ids=[risk.id],
            item_ids=[first.id, gate.id],
        ),
        Requirement(title="Emoji 😀 and quotes \"\\ ' </script>", effort=0),
    ]
    project.requirements += [Requirement(title=f"需求 {n}") for n in range(extra_requirements)]
    project.validate()
    return project
