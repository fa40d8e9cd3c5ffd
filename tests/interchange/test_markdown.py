"""Markdown export: sections, ordering, RICE, escaping of table cells, Chinese headings."""

from __future__ import annotations

import datetime as dt
import re

from interchange_samples import build_project

from roadmap_desktop.domain.prioritisation import rice
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.interchange.markdown import escape_cell, project_to_markdown

TODAY = dt.date(2024, 3, 15)


def table_rows(text: str, heading: str) -> list[list[str]]:
    """Cells of the first table after ``heading`` (split on unescaped pipes, backslash escapes undone)."""
    lines = text.splitlines()
    start = lines.index(heading)
    rows, started = [], False
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            started = True
            inner = line[1:-1].replace("\\|", "\0")
            rows.append([re.sub(r"\\(.)", r"\1", cell.strip()).replace("\0", "|") for cell in inner.split("|")])
        elif started:
            break
    return rows[2:]  # without header and rule


def test_document_structure():
    text = project_to_markdown(build_project(), TODAY)
    lines = text.splitlines()
    assert lines[0] == "# Support | assistant"
    assert "*As of 2024-03-15*" in lines
    assert "**Vision:** An offline assistant.  " in lines and "Runs on a laptop." in lines
    assert "4 requirements · 5 timeline items · 2 risks" in lines
    for heading in ("## Executive summary", "## Requirements", "## Timeline", "## Risks"):
        assert heading in lines
    assert lines.index("## Requirements") < lines.index("## Timeline") < lines.index("## Risks")
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_requirements_by_status_with_rice():
    rows = table_rows(project_to_markdown(build_project(), TODAY), "## Requirements")
    assert [r[1] for r in rows] == ["Idea", "Planned", "In progress", "Done"]
    faq = next(r for r in rows if r[0] == "FAQ answers")
    assert faq == ["FAQ answers", "Planned", "Must have", "4", "400", "Wang"]
    assert next(r for r in rows if r[0] == "常见问题自动回答")[3:5] == ["2.5", ""]
    assert any(r[0] == "Pipe | title" for r in rows)


def test_rice_score_is_the_domains():
    r = Requirement(effort=2, rice_reach=100, rice_impact=1.5, rice_confidence=50)
    assert rice(r).value == 37.5
    r.effort = 0
    assert rice(r).value is None
    assert rice(Requirement(effort=1, rice_reach=5)).value is None


def test_timeline_by_lane_with_milestones_and_dependencies():
    text = project_to_markdown(build_project(), TODAY)
    lines = text.splitlines()
    assert lines.index("### Backend") < lines.index("### Front: end #1") < lines.index("### Unassigned")
    backend = table_rows(text, "### Backend")
    assert backend[0][:3] == ["Design: API", "2024-03-04", "2024-03-08"]
    assert backend[1][0] == "Build; test" and backend[1][5] == "Design: API"
    front = table_rows(text, "### Front: end #1")
    assert front[0][:3] == ["◆ Launch #1", "2024-03-19", "2024-03-19"]
    assert front[1][:2] == ["Someday idea", "not scheduled"]


def test_risks_by_exposure():
    rows = table_rows(project_to_markdown(build_project(), TODAY), "## Risks")
    assert rows[0] == ["Data | leak", "3×5=15 (high)", "Open", "Li", "Mask data.<br>Audit."]
    assert rows[1][:3] == ["Minor slip", "2×2=4 (low)", "Accepted"]


def test_escape_cell():
    assert escape_cell("a|b") == "a\\|b"
    assert escape_cell("one\r\ntwo\n") == "one<br>two"
    assert escape_cell("<script>") == "&lt;script&gt;"
    assert escape_cell("back\\|slash") == "back\\\\\\|slash"


def test_every_table_row_has_the_header_width():
    text = project_to_markdown(build_project(), TODAY)
    width = None
    for line in text.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = len(line.replace("\\|", "").split("|")) - 2
        width = width or cells
        assert cells == width, line


def test_chinese_headings():
    text = project_to_markdown(build_project("zh"), TODAY)
    for heading in ("## 执行摘要", "## 需求", "## 时间线", "## 风险", "### 未分配", "*截至 2024-03-15*"):
        assert heading in text.splitlines(), heading
    assert "| 标题 | 状态 |" in text and "必须有" in text
    assert "| 标题 | 可能性 × 影响 = 风险值（等级） |" in text and "| 3×5=15（高） |" in text


def test_empty_project():
    text = project_to_markdown(Project.new("Empty"), TODAY)
    assert text.count("None yet.") == 3 and "Executive summary" not in text


def test_the_brief_follows_the_vision_only_when_set():
    project = build_project()
    assert "Product brief" not in project_to_markdown(project, TODAY)
    project.info.brief = "For support agents\nwho answer the same <questions> every day."
    lines = project_to_markdown(project, TODAY).splitlines()
    brief = lines.index("**Product brief:** For support agents  ")
    assert lines[brief + 1] == "who answer the same &lt;questions&gt; every day."
    vision = lines.index("**Vision:** An offline assistant.  ")
    counts = lines.index("4 requirements · 5 timeline items · 2 risks")
    assert vision < brief < counts
    chinese = build_project("zh")
    chinese.info.brief = "给客服团队的离线问答助手。"
    assert "**产品简介：** 给客服团队的离线问答助手。" in project_to_markdown(chinese, TODAY).splitlines()


def test_ordinary_punctuation_reads_as_written():
    """Only what would act is escaped: a title's "#1", "C#", "user_id", "@team", "R&D", "< 2 s",
    quotes, dashes, slashes, percent signs and brackets read in the Markdown source as typed."""
    project = build_project()
    project.info.name = "Acme's Help-Desk Bot (v2.0) — Q3/Q4: 50% faster! #1 for C# and user_id, ask @team?"
    project.requirements[0].title = 'Answer "reset password" (top-50) in < 2 s; R&D, snake_case_names, 中文_标题'
    text = project_to_markdown(project, TODAY)
    assert text.splitlines()[0] == f"# {project.info.name}"
    assert f"| {project.requirements[0].title} |" in text
    # What would act stays escaped: emphasis, a heading's closing sequence, an e-mail autolink, a
    # character reference, a tag.
    assert escape_cell("_em_ *em* help@acme.com plan #") == "\\_em\\_ \\*em\\* help\\@acme.com plan \\#"
    assert escape_cell("&lt; <b>") == "&amp;lt; &lt;b&gt;"
