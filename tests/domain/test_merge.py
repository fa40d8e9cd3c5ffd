"""Merging a breakout group's project: duplicate detection (English and Chinese), new ids, links, one undo step."""

from __future__ import annotations

import copy

import pytest

from roadmap_desktop.domain.merge import (
    DUPLICATE,
    NEW,
    SIMILAR,
    merge_command,
    normalise_title,
    plan_merge,
    similarity,
)
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        ("Login page", "log-in  PAGE!", DUPLICATE),
        ("ＡＰＩ　access", "api access", DUPLICATE),  # NFKC: full-width letters and space
        ("微信登录", "微信 登录。", DUPLICATE),
        ("Export roadmap to PDF", "PDF export of the roadmap", SIMILAR),  # word overlap
        ("Payment via WeChat Pay", "WeChat Pay payments", SIMILAR),
        ("Onboarding checklist", "Onboarding checklists v2", SIMILAR),  # difflib ratio
        ("用户登录", "用户登录功能", SIMILAR),
        ("导出路线图为PDF", "路线图导出PDF", SIMILAR),
        ("Dark mode", "Dark theme", NEW),
        ("Search", "Search filters", NEW),
        ("User login", "User login with SSO and two-factor auth", NEW),
        ("微信支付", "支付宝支付", NEW),
        ("!!!", "???", NEW),  # nothing left to compare
    ],
)
def test_similarity(a, b, status):
    assert similarity(a, b)[0] == status
    assert similarity(b, a)[0] == status


def test_normalise_title():
    assert normalise_title(" Ｄark-Mode… ") == "darkmode"


@pytest.fixture
def target():
    project = Project.new("Main")
    risk = Risk(title="Key supplier leaves")
    project.risks = [risk]
    project.requirements = [
        Requirement(title="Login page", risk_ids=[risk.id]),
        Requirement(title="用户登录"),
        Requirement(title="Export roadmap to PDF"),
    ]
    return project


@pytest.fixture
def source():
    project = Project.new("Group B", language="zh")
    item = TimelineItem(title="Beta")
    project.items = [item]
    r_dup, r_new = Risk(title="key supplier leaves!"), Risk(title="备案审批延迟", item_ids=[item.id])
    project.risks = [r_dup, r_new]
    project.requirements = [
        Requirement(title="LOGIN PAGE", risk_ids=[r_dup.id]),
        Requirement(title="用户登录功能", risk_ids=[r_new.id, r_dup.id], item_ids=[item.id], votes=4),
        Requirement(title="PDF export of the roadmap"),
        Requirement(title="Offline mode", risk_ids=[r_dup.id]),
    ]
    return project


def test_plan_classifies_requirements_and_risks(target, source):
    plan = plan_merge(target, source, "group-b.roadmap")
    got = [
        (e.kind, e.entity.display_name(), e.status, e.match.display_name() if e.match else None) for e in plan.entries
    ]
    assert got == [
        ("requirement", "LOGIN PAGE", DUPLICATE, "Login page"),
        ("requirement", "用户登录功能", SIMILAR, "用户登录"),
        ("requirement", "PDF export of the roadmap", SIMILAR, "Export roadmap to PDF"),
        ("requirement", "Offline mode", NEW, None),
        ("risk", "key supplier leaves!", DUPLICATE, "Key supplier leaves"),
        ("risk", "备案审批延迟", NEW, None),
    ]
    assert plan.skipped_items == 1
    assert plan.default_ids() == [source.requirements[3].id, source.risks[1].id]
    assert plan_merge(target, source).source_name == "Group B"


def test_merge_new_ids_links_and_one_undo_step(target, source):
    before = copy.deepcopy(target)
    source_before = copy.deepcopy(source)
    plan = plan_merge(target, source, "group-b.roadmap")
    zh, offline = source.requirements[1], source.requirements[3]
    kept_risk = source.risks[1]
    command = merge_command(target, plan, [zh.id, offline.id, kept_risk.id])
    assert command.label == "Merge 3 items from group-b.roadmap"
    inverse = command.apply(target)
    target.validate()  # every link points at something that exists
    assert len(target.requirements) == 5 and len(target.risks) == 2 and target.items == []
    merged_zh, merged_offline = target.requirements[3], target.requirements[4]
    merged_risk = target.risks[1]
    source_ids = {e.id for e in source.entities()}
    assert not {merged_zh.id, merged_offline.id, merged_risk.id} & source_ids
    assert merged_zh.title == "用户登录功能" and merged_zh.votes == 4
    assert merged_zh.risk_ids == [merged_risk.id]  # the link to the unmerged duplicate risk is dropped
    assert merged_zh.item_ids == [] and merged_risk.item_ids == []  # timeline items are not merged
    assert merged_offline.risk_ids == []
    assert source == source_before  # the source is never touched
    inverse.apply(target)
    assert target == before


def test_merging_twice_never_repeats_an_id(target, source):
    plan = plan_merge(target, source)
    merge_command(target, plan, plan.default_ids()).apply(target)
    merge_command(target, plan, plan.default_ids()).apply(target)
    target.validate()
    assert len(target.requirements) == 5 and target.requirements[3].title == target.requirements[4].title
    assert merge_command(target, plan, [source.risks[0].id]).label == "Merge 1 item from Group B"


def test_merge_refuses_unknown_or_empty_selection(target, source):
    plan = plan_merge(target, source)
    with pytest.raises(ValueError, match="not one of the incoming"):
        merge_command(target, plan, ["nope"])
    with pytest.raises(ValueError, match="at least one"):
        merge_command(target, plan, [])
