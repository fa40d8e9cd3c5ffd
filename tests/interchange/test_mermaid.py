"""Mermaid gantt export, checked against a hand-written parser of the gantt subset Mermaid's lexer accepts."""

from __future__ import annotations

import datetime as dt
import re

from interchange_samples import build_project

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.interchange.mermaid import project_to_mermaid, sanitize, task_ids

# Statements Mermaid's gantt lexer (case-insensitive, first match wins) recognises at a token start.
KEYWORD = re.compile(
    r"(gantt|dateformat\s|inclusiveenddates|topaxis|axisformat\s|tickinterval\s|includes\s|excludes\s"
    r"|todaymarker\s|weekday\s|\d{4}-\d\d-\d\d|title\s|accdescription\s|section\s|click\s|href\s|call\s"
    r"|acctitle\s*:|accdescr\s*[:{])",
    re.IGNORECASE,
)
TAGS = {"done", "active", "crit", "milestone"}
ID = re.compile(r"[A-Za-z0-9_]+")


def parse_gantt(text: str) -> dict:
    """Sections and tasks of a gantt chart; AssertionError with the line for anything Mermaid would misread."""
    lines = text.splitlines()
    assert lines[0] == "gantt", lines[0]
    chart: dict = {"title": None, "date_format": None, "sections": [], "comments": []}
    tasks: dict[str, dict] = {}
    for raw in lines[1:]:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("%%"):
            assert not line.startswith("%%{"), raw
            chart["comments"].append(line[2:].strip())
            continue
        if line.lower().startswith("title "):
            assert not re.search(r"[#;]", line), raw
            chart["title"] = line[6:]
            continue
        if line.lower().startswith("dateformat "):
            chart["date_format"] = line[11:]
            continue
        if line.lower().startswith("section "):
            assert re.fullmatch(r"section\s[^#:\n;%]+", line, re.IGNORECASE), raw
            chart["sections"].append((line[8:], []))
            continue
        # A task: text up to ':' (no # : ; and no % that would open a comment), then data without # ;.
        match = re.fullmatch(r"([^#:\n;%]+):([^#\n;]+)", line)
        assert match, f"not a task line: {raw!r}"
        name, data = match.group(1).strip(), match.group(2)
        assert name and not KEYWORD.match(name), f"task name read as a statement: {raw!r}"
        assert chart["sections"], f"task before any section: {raw!r}"
        parts = [p.strip() for p in data.split(",")]
        tags = []
        while parts and parts[0] in TAGS:
            tags.append(parts.pop(0))
        assert len(parts) == 3, f"expected id, start, duration: {raw!r}"
        task_id, start, duration = parts
        assert ID.fullmatch(task_id), raw
        assert task_id not in tasks, f"duplicate id {task_id}"
        if start.startswith("after "):
            after = start.split()[1:]
            assert after and all(ID.fullmatch(a) for a in after), raw
            start_date = None
        else:
            after = []
            start_date = dt.date.fromisoformat(start)
        days = re.fullmatch(r"(\d+)d", duration)
        assert days, raw
        task = {"name": name, "id": task_id, "tags": tags, "after": after, "start": start_date, "days": int(days[1])}
        tasks[task_id] = task
        chart["sections"][-1][1].append(task)
    for task in tasks.values():
        for ref in task["after"]:
            assert ref in tasks, f"after {ref}: no such task"
    chart["tasks"] = tasks
    return chart


def resolved_start(chart: dict, task_id: str) -> dt.date:
    """Mermaid's start for a task: its date, or the latest end among its `after` tasks."""
    task = chart["tasks"][task_id]
    if task["start"]:
        return task["start"]
    return max(resolved_start(chart, a) + dt.timedelta(days=chart["tasks"][a]["days"]) for a in task["after"])


def test_chart_parses_and_keeps_every_scheduled_date():
    project = build_project()
    text = project_to_mermaid(project)
    chart = parse_gantt(text)
    assert chart["date_format"] == "YYYY-MM-DD"
    assert chart["title"] == "Support | assistant"
    assert [name for name, _tasks in chart["sections"]] == ["Backend", "Front： end ＃1", "Unassigned"]
    ids = task_ids(project.items)
    for item in project.items:
        if item.start is None:
            assert ids[item.id] not in chart["tasks"]
            continue
        assert resolved_start(chart, ids[item.id]) == item.start, item.title


def test_dependencies_milestones_and_status_tags():
    project = build_project()
    design, build, launch, late, _someday = project.items
    ids = task_ids(project.items)
    chart = parse_gantt(project_to_mermaid(project))
    tasks = chart["tasks"]
    assert tasks[ids[build.id]]["after"] == [ids[design.id]]
    assert tasks[ids[launch.id]]["after"] == [ids[build.id]]
    assert "milestone" in tasks[ids[launch.id]]["tags"] and tasks[ids[launch.id]]["days"] == 0
    assert tasks[ids[late.id]]["start"] == late.start  # a gap after its dependency: the date is kept
    assert "crit" in tasks[ids[late.id]]["tags"]
    assert f"{ids[late.id]} depends on {ids[design.id]}" in chart["comments"]
    assert "not scheduled: Someday idea" in chart["comments"]


def test_sanitised_titles():
    project = build_project()
    names = {task["name"] for task in parse_gantt(project_to_mermaid(project))["tasks"].values()}
    assert {"Design： API", "Build； test", "Launch ＃1", "· section review"} <= names
    for bad in ("Title page", "click tracking", "Call center", "gantt chart", "2024-01-01 release", "5% rollout"):
        cleaned = sanitize(bad)
        assert not KEYWORD.match(cleaned) and "%" not in cleaned, cleaned
    assert sanitize("   ") == "untitled"


def test_chinese_titles_and_lanes():
    project = Project.new("智能客服：路线图", "zh")
    project.items = [
        TimelineItem(title="需求访谈；用户", lane_id=project.lanes[0].id, start=dt.date(2024, 3, 4), duration_days=12),
        TimelineItem(title="上线", start=dt.date(2024, 4, 1), duration_days=0, milestone=True),
    ]
    chart = parse_gantt(project_to_mermaid(project))
    assert chart["title"] == "智能客服：路线图"
    assert [name for name, _ in chart["sections"]] == ["P0 需求分析", "未分配"]
    assert {t["name"] for t in chart["tasks"].values()} == {"需求访谈；用户", "上线"}


def test_ids_are_stable_short_and_unique():
    items = [TimelineItem(title=f"t{n}") for n in range(500)]
    first, again = task_ids(items), task_ids(list(reversed(items)))
    assert first == again
    assert len(set(first.values())) == 500
    assert all(ID.fullmatch(v) and len(v) <= 11 for v in first.values())


def test_only_consistent_after_chains_and_no_cycles():
    a = TimelineItem(title="A", start=dt.date(2024, 1, 1), duration_days=0, milestone=True)
    b = TimelineItem(title="B", start=dt.date(2024, 1, 1), duration_days=0, milestone=True)
    a.depends_on, b.depends_on = [b.id], [a.id]  # a cycle Mermaid would loop on
    project = Project.new("Cycle")
    project.items = [a, b]
    chart = parse_gantt(project_to_mermaid(project))
    with_after = [t for t in chart["tasks"].values() if t["after"]]
    assert len(with_after) <= 1
    for task_id in chart["tasks"]:
        assert resolved_start(chart, task_id) == dt.date(2024, 1, 1)


def test_empty_project():
    chart = parse_gantt(project_to_mermaid(Project.new("Empty")))
    assert chart["tasks"] == {} and chart["sections"] == []
