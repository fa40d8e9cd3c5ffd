"""A project as a Markdown document for docs and wikis (GitHub-flavoured tables; no Qt).

Project text is data, never markup: whatever a file holds, the document renders no link, image,
HTML, code, heading, list, quote or table of the project's making (see ``_escape``).
"""

from __future__ import annotations

import datetime as dt
import re

from ..domain.prioritisation import rice
from ..domain.project import Project
from ..domain.requirement import REQUIREMENT_STATUSES
from ..domain.risk import Risk
from ..domain.timeline import TimelineItem
from ..wording import Wording, wording
from .controls import strip_controls

MILESTONE = "◆"


def project_to_markdown(project: Project, today: dt.date | None = None) -> str:
    """The whole project as Markdown; ``today`` is the "as of" date (default: the local date)."""
    w = wording(project.info.language)
    info = project.info
    out: list[str] = [f"# {_heading(info.name)}", ""]
    as_of = (today or dt.date.today()).isoformat()
    out += [f"*{w('document.as_of', date=as_of)}*", ""]
    if info.description.strip():
        out += [f"**{w['document.vision']}{w['colon'].rstrip()}** {_paragraph(info.description)}", ""]
    if info.brief.strip():
        out += [f"**{w['document.brief']}{w['colon'].rstrip()}** {_paragraph(info.brief)}", ""]
    out += [w("markdown.counts", r=len(project.requirements), i=len(project.items), k=len(project.risks)), ""]
    if info.summary.strip():
        out += [f"## {w['document.summary']}", "", _paragraph(info.summary), ""]
    out += _requirements(project, w)
    out += _timeline(project, w)
    from .markdown_forecast import forecast_section  # numpy: loaded when a document is written

    out += forecast_section(project, w)
    out += _risks(project, w)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


# -- sections -----------------------------------------------------------------------------------


def _requirements(project: Project, w: Wording) -> list[str]:
    out = [f"## {w['document.requirements']}", ""]
    if not project.requirements:
        return [*out, w["none_yet"], ""]
    rank = {status: index for index, status in enumerate(REQUIREMENT_STATUSES)}
    ordered = sorted(project.requirements, key=lambda r: rank.get(r.status, len(rank)))  # stable
    rows = []
    for r in ordered:
        score = rice(r).value
        rows.append(
            [
                r.title,
                w.choice(r.status),
                w.choice(r.moscow),
                w.number(r.effort),
                "" if score is None else w.number(round(score, 1)),
                r.owner,
            ]
        )
    header = [
        w["markdown.title"],
        w["document.status"],
        w.choice("moscow"),
        w["markdown.effort"],
        w["markdown.rice"],
        w["document.owner"],
    ]
    return [*out, *_table(header, rows, numeric={3, 4}), ""]


def _timeline(project: Project, w: Wording) -> list[str]:
    out = [f"## {w['document.timeline']}", ""]
    if not project.items:
        return [*out, w["none_yet"], ""]
    lane_ids = {lane.id for lane in project.lanes}
    groups: list[tuple[str, list[TimelineItem]]] = [
        (lane.name, [i for i in project.items if i.lane_id == lane.id]) for lane in project.lanes
    ]
    groups.append((w["document.unassigned"], [i for i in project.items if i.lane_id not in lane_ids]))
    titles = {item.id: item.title for item in project.items}
    header = [
        w["markdown.item"],
        w["markdown.start"],
        w["markdown.end"],
        w["document.status"],
        w["document.owner"],
        w["markdown.depends_on"],
    ]
    for name, items in groups:
        if not items:
            continue
        # Scheduled items by date; unscheduled ones after them, in their stored order.
        items = sorted(items, key=lambda i: (i.start is None, i.start or dt.date.min))
        rows = []
        for item in items:
            title = f"{MILESTONE} {item.title}" if item.milestone else item.title
            start = item.start.isoformat() if item.start else w["document.not_scheduled"]
            end = item.end.isoformat() if item.end else ""
            depends = "; ".join(titles[d] for d in item.depends_on if d in titles)
            rows.append([title, start, end, w.choice(item.status), item.owner, depends])
        out += [f"### {_heading(name)}", "", *_table(header, rows), ""]
    return out


def _risks(project: Project, w: Wording) -> list[str]:
    out = [f"## {w['document.risks']}", ""]
    if not project.risks:
        return [*out, w["none_yet"], ""]
    ordered = sorted(project.risks, key=lambda r: -r.exposure)  # stable: equal exposure keeps file order
    rows = [[r.title, _exposure(r, w), w.choice(r.status), r.owner, r.mitigation] for r in ordered]
    header = [
        w["markdown.title"],
        w["markdown.exposure"],
        w["document.status"],
        w["document.owner"],
        w["document.mitigation"],
    ]
    return [*out, *_table(header, rows), ""]


def _exposure(risk: Risk, w: Wording) -> str:
    """ "4×3=12 (medium)": likelihood × impact = exposure, and the domain's band in the project's language."""
    band = w["paren"].format(w[f"risk.band.{risk.band.key}"])
    return f"{risk.likelihood}×{risk.impact}={risk.exposure}{band}"


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
    """Text safe inside one table cell: escaped as ``_escape`` does, line breaks as <br>."""
    lines = [line.strip() for line in _escape(text).splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "<br>".join(lines)


# Characters with a meaning inside a line: escapes, code spans and fences (` ~), emphasis (* _), links,
# images, footnotes and reference definitions ([ ]), table cells (|), GitHub math ($); and, only where
# they have one (see _mark), headings and their closing sequence (#) and e-mail autolinks (@).
_SPECIAL = re.compile(r"[\\`*\[\]~|$@]|_+|#+")
_SPECIAL_IN_HEADING = re.compile(r"[\\`*\[\]~$@]|_+|#+")  # a heading is never part of a table
_EMAIL_BEFORE = re.compile(r"[\w.+-]")
_EMAIL_AFTER = re.compile(r"[\w-]")
# GFM autolinks without angle brackets: "http://...", "www....".
_SCHEME = re.compile(r":(?=//)")
_WWW = re.compile(r"(www)\.", re.IGNORECASE)
# "&" that would start a character reference ("&lt;", "&#106;"), "<" that would open HTML or an
# autolink (anything but a space after it); elsewhere both are ordinary ("A & B", "< 2 s").
_AMPERSAND = re.compile(r"&(?=#|[A-Za-z0-9]+;)")
_LESS_THAN = re.compile(r"<(?!\s|$)")
# What starts a block at the beginning of a line: list items, setext underlines, thematic breaks,
# ordered lists ("1." "1)"). Blockquotes need ">", which is always an entity; HTML blocks a "<" and a
# name, which _escape breaks.
_BLOCK_MARK = re.compile(r"^[-+=]")
_ORDERED = re.compile(r"^(\d+)([.)])")


def _escape(text: str, special: re.Pattern[str] = _SPECIAL) -> str:
    """Project text as literal Markdown text: control characters dropped, every character with a
    meaning backslash-escaped, ``>`` and (where they would start a character reference, HTML or an
    autolink) ``&`` and ``<`` as entities."""
    text = special.sub(_mark, strip_controls(text, keep="\n\t"))
    text = _LESS_THAN.sub("&lt;", _AMPERSAND.sub("&amp;", text)).replace(">", "&gt;")
    return _WWW.sub(r"\1\\.", _SCHEME.sub(r"\\:", text))


def _mark(match: re.Match[str]) -> str:
    """A run of special characters, backslash-escaped unless it is inert where it stands: ordinary
    punctuation in a title ("#1", "C# client", "user_id", "@team") should read as it is written."""
    run, text, start, end = match.group(), match.string, match.start(), match.end()
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if run[0] == "_" and before.isalnum() and after.isalnum():
        return run  # inside a word: never emphasis (CommonMark's flanking rule for "_")
    if run[0] == "#":
        line_start = not text[text.rfind("\n", 0, start) + 1 : start].strip()
        closing = not text[end:].split("\n", 1)[0].strip()  # a heading's closing sequence ends its line
        if not line_start and not closing:
            return run
    if run == "@" and not (_EMAIL_BEFORE.match(before) and _EMAIL_AFTER.match(after)):
        return run  # only "name@host" is an autolink
    return "".join("\\" + char for char in run)


def _line_start(line: str) -> str:
    """A line of a paragraph that cannot open a block: no indentation (an indented code block), no
    list, setext or thematic-break mark."""
    line = line.lstrip()
    return _ORDERED.sub(r"\1\\\2", "\\" + line if _BLOCK_MARK.match(line) else line)


def _heading(text: str) -> str:
    """Text for a heading's line: one line, escaped."""
    return " ".join(_escape(text, _SPECIAL_IN_HEADING).split())


def _inline(text: str) -> str:
    """Text as one line of a paragraph: escaped, its line breaks folded, no block mark at its start."""
    return _line_start(" ".join(_escape(text).split()))


def _paragraph(text: str) -> str:
    """Long text as one Markdown block: its line breaks kept (two trailing spaces), blank lines kept."""
    lines = [_line_start(line).rstrip() for line in _escape(text).strip().splitlines()]
    out: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        out.append(line + "  " if line and following else line)
    return "\n".join(out)
