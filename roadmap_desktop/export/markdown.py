"""A project as a Markdown document for docs and wikis (GitHub-flavoured tables; no Qt)."""

from __future__ import annotations

import datetime as dt

from ..domain.fields import CHOICE_LABELS
from ..domain.project import Project
from ..domain.requirement import REQUIREMENT_STATUSES, Requirement
from ..domain.timeline import TimelineItem

MILESTONE = "◆"

_HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "vision": "Vision",
        "colon": ":",
        "as_of": "As of",
        "summary": "Executive summary",
        "counts": "{r} requirements · {i} timeline items · {k} risks",
        "requirements": "Requirements",
        "timeline": "Timeline",
        "risks": "Risks",
        "title": "Title",
        "status": "Status",
        "moscow": "MoSCoW",
        "effort": "Effort (weeks)",
        "rice": "RICE score",
        "owner": "Owner",
        "item": "Item",
        "start": "Start",
        "end": "End",
        "depends_on": "Depends on",
        "exposure": "L × I = exposure",
        "mitigation": "Mitigation",
        "unassigned": "Unassigned",
        "not_scheduled": "not scheduled",
        "none": "None yet.",
    },
    "zh": {
        "vision": "愿景",
        "colon": "：",
        "as_of": "截至",
        "summary": "执行摘要",
        "counts": "需求 {r} 项 · 时间线条目 {i} 项 · 风险 {k} 项",
        "requirements": "需求",
        "timeline": "时间线",
        "risks": "风险",
        "title": "标题",
        "status": "状态",
        "moscow": "MoSCoW",
        "effort": "工作量（周）",
        "rice": "RICE 得分",
        "owner": "负责人",
        "item": "条目",
        "start": "开始",
        "end": "结束",
        "depends_on": "依赖",
        "exposure": "可能性 × 影响 = 风险值",
        "mitigation": "缓解措施",
        "unassigned": "未分配",
        "not_scheduled": "未排期",
        "none": "暂无。",
    },
}

# Chinese labels for the choice values the document shows; English ones come from CHOICE_LABELS.
_ZH_CHOICES: dict[str, str] = {
    "idea": "想法",
    "planned": "已计划",
    "in_progress": "进行中",
    "done": "已完成",
    "dropped": "已放弃",
    "not_started": "未开始",
    "blocked": "受阻",
    "open": "未处理",
    "mitigating": "缓解中",
    "accepted": "已接受",
    "closed": "已关闭",
    "must": "必须有",
    "should": "应该有",
    "could": "可以有",
    "wont": "不会有",
}


def rice_score(requirement: Requirement) -> float | None:
    """reach × impact × confidence/100 ÷ effort, or None when an input is missing or effort is 0."""
    r = requirement
    if None in (r.rice_reach, r.rice_impact, r.rice_confidence, r.effort) or not r.effort:
        return None
    return r.rice_reach * r.rice_impact * (r.rice_confidence / 100) / r.effort  # type: ignore[operator]


def project_to_markdown(project: Project, today: dt.date | None = None) -> str:
    """The whole project as Markdown; ``today`` is the "as of" date (default: the local date)."""
    language = project.info.language if project.info.language in _HEADINGS else "en"
    h = _HEADINGS[language]
    info = project.info
    out: list[str] = [f"# {_inline(info.name)}", ""]
    as_of = (today or dt.date.today()).isoformat()
    out += [f"*{h['as_of']} {as_of}*", ""]
    if info.description.strip():
        out += [f"**{h['vision']}{h['colon']}** {_paragraph(info.description)}", ""]
    out += [h["counts"].format(r=len(project.requirements), i=len(project.items), k=len(project.risks)), ""]
    if info.summary.strip():
        out += [f"## {h['summary']}", "", _paragraph(info.summary), ""]
    out += _requirements(project, h, language)
    out += _timeline(project, h, language)
    out += _risks(project, h, language)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


# -- sections -----------------------------------------------------------------------------------


def _requirements(project: Project, h: dict[str, str], language: str) -> list[str]:
    out = [f"## {h['requirements']}", ""]
    if not project.requirements:
        return [*out, h["none"], ""]
    rank = {status: index for index, status in enumerate(REQUIREMENT_STATUSES)}
    ordered = sorted(project.requirements, key=lambda r: rank.get(r.status, len(rank)))  # stable
    rows = []
    for r in ordered:
        score = rice_score(r)
        rows.append(
            [
                r.title,
                _choice(r.status, language),
                _choice(r.moscow, language),
                _number(r.effort),
                "" if score is None else _number(round(score, 1)),
                r.owner,
            ]
        )
    header = [h["title"], h["status"], h["moscow"], h["effort"], h["rice"], h["owner"]]
    return [*out, *_table(header, rows, numeric={3, 4}), ""]


def _timeline(project: Project, h: dict[str, str], language: str) -> list[str]:
    out = [f"## {h['timeline']}", ""]
    if not project.items:
        return [*out, h["none"], ""]
    lane_ids = {lane.id for lane in project.lanes}
    groups: list[tuple[str, list[TimelineItem]]] = [
        (lane.name, [i for i in project.items if i.lane_id == lane.id]) for lane in project.lanes
    ]
    groups.append((h["unassigned"], [i for i in project.items if i.lane_id not in lane_ids]))
    titles = {item.id: item.title for item in project.items}
    header = [h["item"], h["start"], h["end"], h["status"], h["owner"], h["depends_on"]]
    for name, items in groups:
        if not items:
            continue
        # Scheduled items by date; unscheduled ones after them, in their stored order.
        items = sorted(items, key=lambda i: (i.start is None, i.start or dt.date.min))
        rows = []
        for item in items:
            title = f"{MILESTONE} {item.title}" if item.milestone else item.title
            start = item.start.isoformat() if item.start else h["not_scheduled"]
            end = item.end.isoformat() if item.end else ""
            depends = "; ".join(titles[d] for d in item.depends_on if d in titles)
            rows.append([title, start, end, _choice(item.status, language), item.owner, depends])
        out += [f"### {_inline(name)}", "", *_table(header, rows), ""]
    return out


def _risks(project: Project, h: dict[str, str], language: str) -> list[str]:
    out = [f"## {h['risks']}", ""]
    if not project.risks:
        return [*out, h["none"], ""]
    ordered = sorted(project.risks, key=lambda r: -r.exposure)  # stable: equal exposure keeps file order
    rows = [
        [r.title, f"{r.likelihood}×{r.impact}={r.exposure}", _choice(r.status, language), r.owner, r.mitigation]
        for r in ordered
    ]
    header = [h["title"], h["exposure"], h["status"], h["owner"], h["mitigation"]]
    return [*out, *_table(header, rows), ""]


# -- Markdown helpers ---------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> list[str]:
    numeric = numeric or set()
    rule = ["---:" if index in numeric else "---" for index in range(len(header))]
    lines = [_row(header), "| " + " | ".join(rule) + " |"]
    lines += [_row(row) for row in rows]
    return lines


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(escape_cell(cell) for cell in cells) + " |"


def escape_cell(text: str) -> str:
    """Text safe inside one table cell: pipes escaped, line breaks as <br>, no raw HTML."""
    text = _escape(text)
    lines = [line.strip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "<br>".join(lines).replace("|", "\\|")


def _escape(text: str) -> str:
    # A backslash would escape our own pipe escape; angle brackets would open raw HTML.
    return text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline(text: str) -> str:
    return " ".join(_escape(text).split())


def _paragraph(text: str) -> str:
    """Long text as one Markdown block: its line breaks kept (two trailing spaces), blank lines kept."""
    lines = [line.rstrip() for line in _escape(text).strip().splitlines()]
    out: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        out.append(line + "  " if line and following else line)
    return "\n".join(out)


def _choice(value: str, language: str) -> str:
    if language == "zh" and value in _ZH_CHOICES:
        return _ZH_CHOICES[value]
    return CHOICE_LABELS.get(value, value)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")
