"""`roadmap-desktop rank` and `roadmap-desktop risks`, run in-process."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from roadmap_desktop.cli import main
from roadmap_desktop.commandline.rank import display_width, format_table, truncate
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.persistence.project_file import save_project


@pytest.fixture
def project_file(tmp_path):
    project = Project.new("排序")
    project.requirements = [
        Requirement(title="Login", rice_reach=100, rice_impact=1, rice_confidence=100, effort=1, moscow="should"),
        Requirement(title="智能搜索功能", rice_reach=2000, rice_impact=2, rice_confidence=80, effort=4, moscow="must"),
        Requirement(title="Export", rice_reach=50),
        Requirement(title="Old idea", status="dropped", rice_reach=1, rice_impact=1, rice_confidence=1, effort=1),
    ]
    project.risks = [
        Risk(title="Model hallucination", likelihood=4, impact=4, owner="王芳", review_date=dt.date(2024, 1, 10)),
        Risk(title="数据隐私泄露", likelihood=3, impact=5, status="mitigating", review_date=dt.date(2030, 1, 1)),
        Risk(title="Budget", likelihood=5, impact=3),
        Risk(title="Done deal", likelihood=5, impact=5, status="closed", review_date=dt.date(2020, 1, 1)),
        Risk(title="api cost", likelihood=4, impact=4),
    ]
    path = tmp_path / "p.roadmap"
    save_project(project, path)
    return path


def table_rows(out: str, header: str) -> list[str]:
    """The lines of the table whose header line starts with ``header``, up to the first blank line."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header)) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start:end]


def test_display_width_and_table_alignment():
    assert display_width("abc") == 3 and display_width("智能") == 4 and display_width("e\u0301") == 1
    assert truncate("智能搜索功能", 7) == "智能搜…" and display_width(truncate("智能搜索功能", 7)) <= 7
    table = format_table(["A", "B", "C"], [["智能", "x", "end"], ["ab", "yy", "end"]])
    lines = table.splitlines()
    # "C" column starts at the same terminal column in every line
    starts = {display_width(line[: line.index("end" if "end" in line else "C")]) for line in lines}
    assert len(starts) == 1


def test_rank_plain(project_file, capsys):
    assert main(["rank", str(project_file)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("RICE — ")
    body = table_rows(out, "Rank")
    # 2000 × 2 × 0.8 ÷ 4 = 800 ranks first; 100 × 1 × 1 ÷ 1 = 100 second; Export is missing fields
    assert body[0].split()[:3] == ["1", "800", "智能搜索功能"]
    assert body[1].split()[:3] == ["2", "100", "Login"]
    assert body[2].split()[:3] == ["-", "-", "Export"] and "missing Impact, Confidence %, Effort (weeks)" in body[2]
    # Breakdown columns line up although one title is Chinese (double width)
    words = ("reach", "reach", "not scored")
    columns = {display_width(line[: line.index(word)]) for line, word in zip(body, words, strict=True)}
    assert len(columns) == 1
    assert "Old idea" not in out and "1 dropped requirement not ranked" in out


def test_rank_framework_json(project_file, capsys):
    assert main(["rank", str(project_file), "--framework", "moscow", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["framework"] == "moscow" and data["label"] == "MoSCoW"
    assert [(r["rank"], r["title"]) for r in data["requirements"]] == [
        (1, "智能搜索功能"),
        (2, "Login"),
        (None, "Export"),
    ]
    assert data["requirements"][2]["missing"] == ["MoSCoW"] and data["dropped_not_ranked"] == 1


@pytest.fixture
def chinese_project_file(tmp_path):
    project = Project.new("中文排序", "zh")
    project.requirements = [
        Requirement(title="登录", rice_reach=100, rice_impact=1, rice_confidence=100, effort=1, votes=1, value=8),
        Requirement(title="智能搜索", rice_reach=2000, rice_impact=2, rice_confidence=80, effort=4, votes=4, value=3),
        Requirement(title="导出", rice_reach=50, effort=6),
    ]
    path = tmp_path / "zh.roadmap"
    save_project(project, path)
    return path


def test_rank_chinese_project_plain(chinese_project_file, capsys):
    assert main(["rank", str(chinese_project_file)]) == 0
    body = table_rows(capsys.readouterr().out, "Rank")
    assert body[0].split()[:3] == ["1", "800", "智能搜索"]
    assert body[0].endswith("覆盖面 2000 × 影响 2 × 信心 80 % ÷ 工作量 4 = 800")
    assert body[2].split()[:3] == ["-", "-", "导出"] and body[2].endswith("未评分：缺少影响、信心 %")
    # the breakdown column lines up after the double-width titles
    columns = {
        display_width(line[: line.index(word)]) for line, word in zip(body, ("覆盖面", "覆盖面", "未评分"), strict=True)
    }
    assert len(columns) == 1


@pytest.mark.parametrize(
    ("framework", "first", "last"),
    [  # value/effort: the effort threshold is the median of 1 and 4
        ("votes", "4 票", "未评分：缺少票数"),
        ("moscow", None, "未评分：缺少 MoSCoW"),
        ("value_effort", "价值 8 ÷ 工作量 1 = 8；速赢（价值 ≥ 5，工作量 ≤ 2.5）", "未评分：缺少价值（1-10）"),
    ],
)
def test_rank_chinese_project_json(chinese_project_file, capsys, framework, first, last):
    assert main(["rank", str(chinese_project_file), "--framework", framework, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["requirements"]
    if first is not None:
        assert rows[0]["breakdown"] == first
    assert rows[-1]["rank"] is None and rows[-1]["breakdown"] == last
    assert all("dot vote" not in r["breakdown"] and "missing" not in r["breakdown"] for r in rows)
    # "missing" and "category" stay English codes for scripts, whatever the project's language
    assert rows[-1]["missing"] == [{"votes": "Votes", "moscow": "MoSCoW", "value_effort": "Value (1-10)"}[framework]]
    if framework == "value_effort":
        assert rows[0]["category"] == "quick win"


def test_rank_bad_input(project_file, tmp_path, capsys):
    assert main(["rank", str(project_file), "--framework", "kano"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["rank", str(tmp_path / "missing.roadmap")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.roadmap" in err[0]


def test_risks_plain_sorted_and_overdue(project_file, capsys):
    assert main(["risks", str(project_file), "--today", "2025-06-01"]) == 0
    out = capsys.readouterr().out
    rows = table_rows(out, "Exposure")
    titles = [line.rsplit("  ", 1)[-1] for line in rows]
    # exposure 16 (L4: api cost, Model hallucination by title, case-blind), 15 (L5 Budget before L3 数据隐私泄露)
    assert titles == ["api cost", "Model hallucination", "Budget", "数据隐私泄露"]
    assert "2024-01-10 OVERDUE" in rows[1] and "OVERDUE" not in rows[3] and "王芳" in rows[1]
    assert rows[1].split()[:4] == ["16", "high", "4×4", "open"]
    title_columns = {display_width(line[: line.rindex(title)]) for line, title in zip(rows, titles, strict=True)}
    assert len(title_columns) == 1
    assert "Done deal" not in out and "1 closed risk hidden (--all shows them)" in out
    assert "1 review overdue (before 2025-06-01)" in out


def test_risks_all_json(project_file, capsys):
    assert main(["risks", str(project_file), "--all", "--json", "--today", "2025-06-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    risks = data["risks"]
    assert [r["title"] for r in risks] == ["Done deal", "api cost", "Model hallucination", "Budget", "数据隐私泄露"]
    assert risks[0]["exposure"] == 25 and risks[0]["overdue"] is False  # closed: never overdue
    assert [r["band"] for r in risks] == ["high", "high", "high", "high", "high"]
    assert risks[2]["overdue"] is True and risks[2]["review_date"] == "2024-01-10"
    assert data["closed_hidden"] == 0


def test_risks_empty_and_bad_date(tmp_path, capsys):
    path = tmp_path / "empty.roadmap"
    save_project(Project.new("E"), path)
    assert main(["risks", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "no risks"
    assert main(["risks", str(path), "--today", "June"]) == 2
    assert "not a date as YYYY-MM-DD" in capsys.readouterr().err
