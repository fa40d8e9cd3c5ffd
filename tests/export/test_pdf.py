"""PDF export: pages, sections, text extraction (English and Chinese), options, cancelling, atomic writes."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem

AS_OF = dt.date(2025, 3, 10)
CJK_PROBE = "金长见门风车"

_EN = {
    "name": "Atlas Support Assistant",
    "vision": "An offline assistant that answers customers' questions in seconds, on the agent's own laptop.",
    "summary": (
        "We ship the FAQ bot to two pilot teams in Q2, then add search over past tickets. Pilot results "
        "decide the national roll-out in Q4.\n\nThe main risks are data quality and model latency on "
        "older laptops; both have owners and mitigations below."
    ),
    "requirements": [
        ("FAQ answers from the knowledge base", "planned", "must", 4, 1200, 2, 80),
        (
            "Search over past tickets with filters by product, customer segment and date range",
            "planned",
            "must",
            6,
            900,
            2,
            70,
        ),
        ("Suggested replies while the agent types", "idea", "should", 5, 700, 1, 50),
        ("Escalation summary for supervisors", "in_progress", "should", 3, 300, 2, 90),
        ("Offline model updates", "planned", "must", 2, 1500, 1, 80),
        ("Agent feedback on answers", "idea", "could", 1, 400, 0.5, 80),
        ("Dashboards of deflection rate", "idea", "could", 3, 200, 1, 60),
        ("Single sign-on", "done", "must", 2, 1500, 0.5, 100),
        ("Multilingual answers (English and Chinese)", "idea", "should", 8, 600, 2, 50),
        ("Audit log export", "planned", "could", 2, 100, 1, 80),
        ("Ticket auto-tagging", "idea", "wont", 4, 800, 0.25, 30),
        ("Voice input", "idea", "", None, None, None, None),
    ],
    "items": [
        ("Discovery interviews", 0, "2025-01-06", 20, False, "done"),
        ("Data audit", 1, "2025-01-20", 15, False, "done"),
        ("Prototype FAQ bot", 2, "2025-02-10", 25, False, "in_progress"),
        ("Pilot go/no-go", 3, "2025-03-31", 0, True, "not_started"),
        ("Ticket search", 4, "2025-04-07", 40, False, "not_started"),
        ("Security review", 5, "2025-04-14", 10, False, "not_started"),
        ("Pilot with two teams", 5, "2025-05-05", 45, False, "not_started"),
        ("Suggested replies", 6, "2025-06-16", 35, False, "not_started"),
        ("National launch", 7, "2025-09-29", 0, True, "not_started"),
        ("Training material", 6, "2025-08-04", 20, False, "not_started"),
        ("Roll-out support", 7, "2025-10-06", 40, False, "not_started"),
        ("Voice input research", -1, None, 10, False, "not_started"),
    ],
    "risks": [
        (
            "Knowledge base is out of date",
            4,
            4,
            "open",
            "Mei",
            "Content owners review the top 200 articles before the pilot.",
        ),
        (
            "Model too slow on older laptops",
            3,
            4,
            "mitigating",
            "Tom",
            "Quantised 4-bit model; measure on the oldest fleet laptop.",
        ),
        (
            "Agents do not trust the answers",
            3,
            3,
            "open",
            "Ana",
            "Show sources with each answer; weekly feedback review.",
        ),
        (
            "Customer data in prompts",
            2,
            5,
            "open",
            "Li",
            "Mask personal data before it reaches the model; audit monthly.",
        ),
        ("Pilot teams too busy", 2, 2, "accepted", "Sam", "Schedule the pilot outside the seasonal peak."),
        ("Licence change of the model", 1, 3, "closed", "Li", "Pin the model version; keep an alternative ready."),
    ],
}

_ZH = {
    "name": "智能客服助手路线图",
    "vision": f"离线运行的客服助手，几秒内回答客户问题（{CJK_PROBE}）。",
    "summary": (
        "第二季度向两个试点团队交付常见问题机器人，然后加入历史工单搜索。\n\n主要风险是知识库质量和旧电脑上的模型延迟。"
    ),
    "requirements": [
        ("常见问题自动回答", "planned", "must", 4, 1200, 2, 80),
        ("历史工单搜索（金长见门风车）", "planned", "must", 6, 900, 2, 70),
        ("输入时推荐回复", "idea", "should", 5, 700, 1, 50),
        ("主管升级摘要", "in_progress", "should", 3, 300, 2, 90),
        ("离线模型更新", "planned", "must", 2, 1500, 1, 80),
        ("客服对答案的反馈", "idea", "could", 1, 400, 0.5, 80),
        ("分流率看板", "idea", "could", 3, 200, 1, 60),
        ("单点登录", "done", "must", 2, 1500, 0.5, 100),
        ("中英文双语回答", "idea", "should", 8, 600, 2, 50),
        ("审计日志导出", "planned", "could", 2, 100, 1, 80),
        ("工单自动打标签", "idea", "wont", 4, 800, 0.25, 30),
        ("语音输入", "idea", "", None, None, None, None),
    ],
    "items": [
        ("用户访谈", 0, "2025-01-06", 20, False, "done"),
        ("数据审计", 1, "2025-01-20", 15, False, "done"),
        ("问答机器人原型", 2, "2025-02-10", 25, False, "in_progress"),
        ("试点决策", 3, "2025-03-31", 0, True, "not_started"),
        ("工单搜索", 4, "2025-04-07", 40, False, "not_started"),
        ("安全评审", 5, "2025-04-14", 10, False, "not_started"),
        ("两个团队试点", 5, "2025-05-05", 45, False, "not_started"),
        ("推荐回复", 6, "2025-06-16", 35, False, "not_started"),
        ("全国上线", 7, "2025-09-29", 0, True, "not_started"),
        ("培训材料", 6, "2025-08-04", 20, False, "not_started"),
        ("上线支持", 7, "2025-10-06", 40, False, "not_started"),
        ("语音输入调研", -1, None, 10, False, "not_started"),
    ],
    "risks": [
        ("知识库内容过时", 4, 4, "open", "梅", "试点前由内容负责人审核前 200 篇文章。"),
        ("旧电脑上模型太慢", 3, 4, "mitigating", "汤姆", "使用 4 位量化模型；在最旧的电脑上测量。"),
        ("客服不信任答案", 3, 3, "open", "安娜", "每个答案显示来源；每周复盘反馈。"),
        ("提示词中含客户数据", 2, 5, "open", "李", "数据进入模型前脱敏；每月审计。"),
        ("试点团队太忙", 2, 2, "accepted", "山姆", "避开季节性高峰安排试点。"),
        ("模型许可证变更", 1, 3, "closed", "李", "固定模型版本；准备替代方案。"),
    ],
}


def roadmap_sample(language: str = "en") -> Project:
    """A realistic roadmap: 12 requirements with RICE inputs, 12 items over P0-P7 (2 milestones,
    4 dependencies, one unscheduled), 6 risks and an executive summary."""
    data = _EN if language == "en" else _ZH
    project = Project.new(data["name"], language)
    project.info.description = data["vision"]
    project.info.summary = data["summary"]
    project.requirements = [
        Requirement(title=t, status=s, moscow=m, effort=e, rice_reach=r, rice_impact=i, rice_confidence=c, owner="Wang")
        for t, s, m, e, r, i, c in data["requirements"]
    ]
    items = []
    for title, lane, start, days, milestone, status in data["items"]:
        items.append(
            TimelineItem(
                title=title,
                lane_id=project.lanes[lane].id if lane >= 0 else "",
                start=dt.date.fromisoformat(start) if start else None,
                duration_days=days,
                milestone=milestone,
                status=status,
            )
        )
    for succ, pred in ((2, 1), (3, 2), (4, 3), (8, 6)):
        items[succ].depends_on = [items[pred].id]
    items[7].horizon = "next"
    items[11].horizon = ""
    project.items = items
    project.risks = [
        Risk(title=t, likelihood=lk, impact=im, status=st, owner=o, mitigation=mi)
        for t, lk, im, st, o, mi in data["risks"]
    ]
    project.validate()
    return project


# -- helpers -----------------------------------------------------------------------------------------

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed",
)


def has_cjk_font() -> bool:
    from roadmap_desktop.export.pdf.fonts import cjk_family

    return cjk_family() is not None


def chinese_warnings() -> list[str]:
    """What exporting a Chinese project warns on this machine: nothing, or that no font has Chinese."""
    from roadmap_desktop.export.pdf.fonts import NO_CJK_FONT_WARNING

    return [] if has_cjk_font() else [NO_CJK_FONT_WARNING]


# Checked when the test runs (the font database needs the QApplication); a machine without a CJK font
# still runs every other test, and test_without_a_cjk_font_export_works_and_warns covers that case.
def skip_without_cjk_font() -> None:
    if not has_cjk_font():
        pytest.skip("no installed font covers Chinese (for example: apt-get install fonts-noto-cjk)")


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    """The export makes a bare QGuiApplication when none runs; here pytest-qt's QApplication comes first."""
    return qapp


def page_count(path: Path) -> int:
    return len(re.findall(rb"/Type /Page\b", path.read_bytes()))


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def export(project: Project, path: Path, **options) -> list[str]:
    from roadmap_desktop.export.pdf.document import export_pdf

    return export_pdf(project, path, as_of=AS_OF, **options)


# -- content -------------------------------------------------------------------------------------------


@needs_poppler
def test_english_pdf_text(tmp_path):
    out = tmp_path / "plan.pdf"
    assert export(roadmap_sample("en"), out) == []
    assert out.read_bytes().startswith(b"%PDF-") and out.read_bytes().rstrip().endswith(b"%%EOF")
    text = " ".join(pdf_text(out).split())
    for expected in (
        "Atlas Support Assistant",
        "Offline model updates",
        "FAQ answers from the knowledge base",
        "Ticket auto-tagging",
        "Knowledge base is out of date",
        "Model too slow on older laptops",
        "Executive summary",
        "Now / Next / Later",
        "Voice input research",  # unsorted: no horizon, no date
        "reach 1500 × impact 1 × confidence 80 % ÷ effort 2 = 600",
    ):
        assert expected in text, expected
    assert "page 1 of 6" in text.lower() and "page 6 of 6" in text.lower()


@needs_poppler
def test_chinese_text_extracts_as_the_same_characters(tmp_path):
    skip_without_cjk_font()
    out = tmp_path / "plan.pdf"
    assert export(roadmap_sample("zh"), out) == []
    text = pdf_text(out)
    assert CJK_PROBE in text
    assert "智能客服助手路线图" in text and "知识库内容过时" in text and "第 1 页，共 6 页" in text
    # Noto CJK shares glyphs between ideographs and radicals; none of the look-alikes may leak out.
    assert not re.search("[\u2e80-\u2fdf]", text)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # every font embedded


@needs_poppler
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["High (15–25): 1 risk", "Medium (8–14): 3 risks", "Low (1–7): 2 risks"]),
        ("zh", ["高（15–25）：1 项风险", "中（8–14）：3 项风险", "低（1–7）：2 项风险"]),
    ],
)
def test_the_heat_map_key_has_the_apps_three_exposure_bands(tmp_path, language, expected):
    """4 × 3 = 12 is medium, as in the risk table and the heat map on screen (domain/risk.py)."""
    if language == "zh":
        skip_without_cjk_font()
    out = tmp_path / "risks.pdf"
    export(roadmap_sample(language), out, sections="title,risks")
    text = pdf_text(out)
    assert all(line in text for line in expected), text
    assert "Critical" not in text and "严重" not in text


def test_the_title_page_counts_open_risks_in_the_high_band():
    from PySide6.QtCore import QRectF

    from roadmap_desktop.export.pdf.options import PdfOptions
    from roadmap_desktop.export.pdf.sheet import Sheet
    from roadmap_desktop.export.pdf.title_page import stats

    project = roadmap_sample("en")
    project.risks[1].likelihood, project.risks[1].impact = 5, 3  # 15: high; 4 × 4 = 16 was high already
    project.risks[-1].likelihood, project.risks[-1].impact = 5, 5  # closed: not counted
    sheet = Sheet(project, PdfOptions(as_of=AS_OF), ["Sans"], QRectF(0, 0, 12000, 9000))
    assert {label: figure for figure, label in stats(sheet)}["High exposure risks"] == "2"


@needs_poppler
def test_chinese_requirements_show_chinese_breakdowns_by_votes(tmp_path):
    skip_without_cjk_font()
    project = roadmap_sample("zh")
    project.info.framework = "votes"
    for n, requirement in enumerate(project.requirements[:-1]):
        requirement.votes = [4, 7, 1, 0, 3, 2, 5, 6, 2, 1, 0][n]
    out = tmp_path / "votes.pdf"
    assert export(project, out, sections="requirements") == []
    text = pdf_text(out)
    compact = "".join(text.split())
    assert "按点投票排序" in compact and "按 点投票" not in text  # no stray spaces around a Chinese name
    cells = {line.replace(" ", "") for line in text.splitlines()}  # pdftotext may drop the space in "4 票"
    assert {"7票", "4票", "1票", "0票"} <= cells
    assert "未评分：缺少票数" in compact  # 语音输入 has no votes
    assert "dot vote" not in text.lower() and "not scored" not in text and "missing" not in text


@needs_poppler
def test_chinese_requirements_show_chinese_breakdowns_by_rice(tmp_path):
    skip_without_cjk_font()
    out = tmp_path / "rice.pdf"
    assert export(roadmap_sample("zh"), out, sections="requirements") == []
    text = pdf_text(out)
    compact = "".join(text.split())
    assert "按 RICE 排序" in " ".join(text.split())  # a Latin name keeps its spaces
    # 离线模型更新: 1500 × 1 × 0.8 ÷ 2 = 600, the same number as the English PDF's
    assert "覆盖面1500×影响1×信心80%÷工作量2=600" in compact
    assert "未评分：缺少覆盖面、影响、信心%、工作量（周）" in compact  # 语音输入 has no RICE inputs
    assert not re.search(r"\b(reach|impact|confidence|effort|not scored)\b", text)


@needs_poppler
def test_the_title_page_shows_a_vision_with_its_success_metrics_whole(tmp_path):
    project = roadmap_sample("en")
    metrics = [f"Metric number {n} to measure" for n in range(1, 9)]
    project.info.description = "Answers in seconds.\n\nSuccess metrics:\n" + "\n".join(f"• {m}" for m in metrics)
    out = tmp_path / "vision.pdf"
    export(project, out, sections="title")
    text = pdf_text(out)
    assert all(m in text for m in metrics), text  # landscape: the left column has room for all of them


BRIEF = (
    "For small online shops whose two or three agents answer the same questions about delivery, returns "
    "and sizes all day: answers drafted from the shop's own help pages, anything unusual handed to a person."
)


def title_page_words(path: Path) -> tuple[tuple[float, float], list[tuple[str, float, float, float, float]]]:
    """The first page's (width, height) and its words with their boxes (x0, y0, x1, y1), from pdftotext."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    assert page is not None
    words = [
        (word, float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html
        )
    ]
    return (float(page[1]), float(page[2])), words


@needs_poppler
def test_the_title_page_shows_the_brief_under_the_vision_only_when_set(tmp_path):
    project = roadmap_sample("en")
    out = tmp_path / "plain.pdf"
    export(project, out, sections="title")
    assert "Product brief" not in pdf_text(out)
    project.info.brief = BRIEF
    export(project, out, sections="title")
    text = " ".join(pdf_text(out).split())
    assert "Product brief" in text and BRIEF in text
    assert text.index("Vision") < text.index("Product brief") < text.index("Executive summary")


@needs_poppler
def test_the_brief_heading_follows_the_projects_language(tmp_path):
    skip_without_cjk_font()
    project = roadmap_sample("zh")
    project.info.brief = "为只有两三名客服的小型网店做的离线助手。"
    out = tmp_path / "zh.pdf"
    export(project, out, sections="title")
    compact = "".join(pdf_text(out).split())
    assert "产品简介" in compact and "为只有两三名客服的小型网店做的离线助手。" in compact


@needs_poppler
@pytest.mark.parametrize("long_name", [False, True])
@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_long_brief_pushes_nothing_off_the_title_page(tmp_path, page_size, orientation, long_name):
    project = roadmap_sample("en")
    if long_name:  # three lines of 26 pt
        project.info.name = "A project name long enough to wrap onto three lines of the title page " * 2
    project.info.description = "\n".join(f"Vision line {n} that says what the product is for." for n in range(40))
    project.info.brief = "\n\n".join(f"Brief paragraph {n}. {BRIEF}" for n in range(30))
    out = tmp_path / "long.pdf"
    export(project, out, page_size=page_size, orientation=orientation)
    (width, height), words = title_page_words(out)
    text = " ".join(word for word, *_ in words)
    assert "Brief paragraph 29." not in text  # cut short, with an ellipsis
    for expected in ("Vision line 0", "Milestones", "Planned span", "Prioritised requirements", "Risks"):
        assert expected in text, expected  # the figures and the contents are all still there
    if not long_name:  # with a three-line name, portrait Letter has no room for more than the vision
        for expected in ("Product brief", "Brief paragraph 0.", "Executive summary", "We ship the FAQ bot"):
            assert expected in text, expected
    # Nothing leaves the page and no two words overlap (1 pt of slack for ascenders and descenders).
    for word, x0, y0, x1, y1 in words:
        assert 0 <= x0 <= x1 <= width and 0 <= y0 <= y1 <= height, word
    boxes = sorted(words, key=lambda w: w[2])
    for index, (word, x0, y0, x1, y1) in enumerate(boxes):
        for other, a0, b0, a1, b1 in boxes[index + 1 :]:
            if b0 >= y1 - 1:
                break
            assert min(x1, a1) - max(x0, a0) <= 1 or min(y1, b1) - max(y0, b0) <= 1, (word, other)


def test_page_count_and_sections(tmp_path):
    project = roadmap_sample("en")
    full, some, one = tmp_path / "full.pdf", tmp_path / "some.pdf", tmp_path / "one.pdf"
    export(project, full)
    export(project, some, sections="title, risks")
    export(project, one, sections=["timeline"])
    assert page_count(full) == 6  # title, timeline, forecast, board, requirements, risks
    assert page_count(some) == 2
    assert page_count(one) == 1


def test_split_timeline_and_portrait_pages(tmp_path):
    project = roadmap_sample("en")
    split = tmp_path / "split.pdf"
    export(project, split, sections="timeline", fit="split", orientation="portrait")
    # Jan-Apr, May-Aug, Sep-Nov at month zoom on a portrait page; a machine whose fallback font is wider
    # (no Noto or DejaVu installed) has a wider lane gutter and needs a fourth page.
    assert page_count(split) in (3, 4)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"page_size": "B5"}, "allowed: A4, Letter, A3"),
        ({"orientation": "diagonal"}, "allowed: portrait, landscape"),
        (
            {"sections": "title,appendix"},
            "unknown section 'appendix'; allowed: title, one_page, timeline, forecast, board",
        ),
        ({"fit": "squeeze"}, "allowed: one_page, split"),
        ({"date_from": "next week"}, "date_from"),
        ({"colour": "red"}, "unknown PDF option 'colour'"),
    ],
)
def test_bad_options(tmp_path, options, message):
    out = tmp_path / "x.pdf"
    with pytest.raises(ValueError, match=re.escape(message)):
        export(roadmap_sample("en"), out, **options)
    assert not out.exists()


def test_long_titles_wrap_and_never_overflow(tmp_path):
    from PySide6.QtGui import QFontMetricsF

    from roadmap_desktop.export.pdf.fonts import make_font
    from roadmap_desktop.export.pdf.layout import wrap_lines

    font = make_font(["Noto Sans CJK SC"], 9)
    width = 2000.0
    text = "A very long requirement title " * 12 + "with_an_unbreakable_identifier_" * 5 + " 中文标题很长很长" * 10
    lines = wrap_lines(text, font, width)
    fm = QFontMetricsF(font)
    assert len(lines) > 3 and all(fm.horizontalAdvance(line) <= width + 0.5 for line in lines)
    short = wrap_lines(text, font, width, max_lines=2)
    assert len(short) == 2 and short[-1].endswith("…")
    project = roadmap_sample("en")
    project.requirements[0].title = text
    project.risks[0].mitigation = text * 3
    out = tmp_path / "long.pdf"
    export(project, out, sections="requirements,risks")
    assert page_count(out) >= 2


# -- cancelling, atomic writes, warnings --------------------------------------------------------------


def test_cancel_leaves_no_file(tmp_path):
    from roadmap_desktop.export.pdf.document import ExportCancelled

    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 2

    out = tmp_path / "x.pdf"
    with pytest.raises(ExportCancelled):
        export(roadmap_sample("en"), out, progress=progress)
    assert calls == [(1, 7), (2, 7)]
    assert os.listdir(tmp_path) == []


def test_progress_reaches_the_total(tmp_path):
    calls = []
    export(roadmap_sample("en"), tmp_path / "x.pdf", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 7) for n in range(1, 8)]


def test_existing_file_untouched_on_failure_and_replaced_on_success(tmp_path, monkeypatch):
    from roadmap_desktop.export.pdf.document import ExportCancelled
    from roadmap_desktop.persistence import atomic
    from roadmap_desktop.persistence.errors import SaveError

    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old contents")
    with pytest.raises(ExportCancelled):
        export(roadmap_sample("en"), out, progress=lambda done, total: False)
    assert out.read_bytes() == b"old contents"

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(SaveError, match=r"plan\.pdf"):
        export(roadmap_sample("en"), out)
    assert out.read_bytes() == b"old contents"
    assert sorted(os.listdir(tmp_path)) == ["plan.pdf"]  # no temporary file left behind
    monkeypatch.undo()

    export(roadmap_sample("en"), out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert sorted(os.listdir(tmp_path)) == ["plan.pdf"]


def test_missing_folder_is_a_save_error(tmp_path):
    from roadmap_desktop.persistence.errors import SaveError

    with pytest.raises(SaveError, match="does not exist"):
        export(roadmap_sample("en"), tmp_path / "nope" / "x.pdf")


def test_without_a_cjk_font_export_works_and_warns(tmp_path, monkeypatch):
    from roadmap_desktop.export.pdf import fonts

    monkeypatch.setattr(fonts, "cjk_family", lambda: None)
    out = tmp_path / "x.pdf"
    assert export(roadmap_sample("zh"), out) == [fonts.NO_CJK_FONT_WARNING]
    assert page_count(out) == 6  # title, timeline, forecast, board, requirements, risks
    assert export(roadmap_sample("en"), tmp_path / "en.pdf") == []  # nothing to warn about


def test_to_unicode_fix_rewrites_ranges_and_offsets():
    from roadmap_desktop.export.pdf.tounicode import fix_to_unicode_maps

    cmap = b"1 beginbfrange\n<0001> <0002> <2ED3>\n<0003> <0004> [<2FA6> <0041>]\nendbfrange\nbegincmap\n"
    head = b"%PDF-1.4\n1 0 obj\n<< /Length 5 >>\nstream\nhello\nendstream\nendobj\n"
    obj2 = b"2 0 obj\n<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream\nendobj\n"
    obj3 = b"3 0 obj\n<< /Type /Catalog >>\nendobj\n"
    body = head + obj2 + obj3
    offsets = [body.index(b"1 0 obj"), body.index(b"2 0 obj"), body.index(b"3 0 obj")]
    xref = b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf = body + xref + b"trailer\n<< /Size 4 /Root 3 0 R >>\nstartxref\n%d \n%%%%EOF\n" % len(body)
    fixed = fix_to_unicode_maps(pdf, {0x2ED3: 0x957F, 0x2FA6: 0x91D1})
    assert b"<0001> <0002> [<957F> <2ED4> ]" in fixed and b"[<91D1> <0041>]" in fixed
    start = int(re.search(rb"startxref\n(\d+)", fixed).group(1))
    assert fixed[start:].startswith(b"xref")
    entries = re.findall(rb"(\d{10}) 00000 n", fixed[start:])
    assert [fixed[int(e) :].split(b"\n", 1)[0] for e in entries] == [b"1 0 obj", b"2 0 obj", b"3 0 obj"]


# -- options and the command line ----------------------------------------------------------------------


def test_options_round_trip_and_lenient_loading():
    from roadmap_desktop.export.pdf.options import PdfOptions

    options = PdfOptions(page_size="letter", orientation="Portrait", fit="split", sections="risks,title")
    assert options.page_size == "Letter" and options.sections == ("title", "risks")
    options.date_from = dt.date(2025, 1, 1)
    assert PdfOptions.from_dict(options.to_dict()) == options
    remembered = {**options.to_dict(), "page_size": "B9", "unknown": 1, "orientation": "landscape"}
    loaded = PdfOptions.from_dict(remembered, strict=False)
    assert loaded.page_size == "A4" and loaded.orientation == "landscape" and loaded.fit == "split"


def test_cli_pdf_and_png(tmp_path, capsys):
    from roadmap_desktop.cli import main
    from roadmap_desktop.persistence.project_file import save_project

    source = tmp_path / "p.roadmap"
    save_project(roadmap_sample("zh"), source)
    out = tmp_path / "plan.pdf"
    args = ["export", str(source), "-o", str(out), "--sections", "title,risks", "--page-size", "letter"]
    assert main(args) == 0, capsys.readouterr().err
    assert page_count(out) == 2
    assert main(["export", str(source), "-o", str(tmp_path / "t.png")]) == 0
    assert (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")
    assert main(["export", str(source), "-o", str(tmp_path / "y.pdf"), "--page-size", "B5"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "allowed: A4, Letter, A3" in err[-1]


@pytest.mark.slow
def test_real_entry_point_without_display(tmp_path):
    """No QApplication and no display: the module starts an offscreen QGuiApplication itself."""
    from roadmap_desktop.persistence.project_file import save_project

    source = tmp_path / "p.roadmap"
    save_project(roadmap_sample("en"), source)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    out = tmp_path / "plan.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "roadmap_desktop", "export", str(source), "-o", str(out), "--orientation", "portrait"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert page_count(out) == 6


@needs_poppler
def test_a_chinese_templates_planned_span_fits_its_title_page_tile(tmp_path):
    """The planned span "2026年12月 – 2027年3月" was elided to "2026年12月 – 202…" on the title page."""
    import datetime as dt

    from roadmap_desktop.persistence.template_file import load_template

    skip_without_cjk_font()
    project = load_template("customer_service", "zh", today=dt.date(2026, 12, 6))
    path = tmp_path / "zh.pdf"
    export(project, path)
    first_page = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "2026年12月 – 2027年3月" in first_page
