"""Every hostile string in every field of a project, through every export: CSV, Markdown, Mermaid, JSON.

Each export is read the way its reader reads it: CSV cells as Excel and LibreOffice judge a formula,
Markdown by a CommonMark parser with GFM tables and strikethrough (markdown-it-py), Mermaid by a port
of its gantt lexer (mermaid_gantt.py). Project text must come out as text, all of it, and nothing
else: no formula, link, image, HTML, code, block, directive or extra statement.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

import pytest
from hostile_corpus import all_injections, csv_injections, hostile_project, terminal_injections
from markdown_it import MarkdownIt
from mermaid_gantt import MermaidReadError, preprocess, statements

from roadmap_desktop.interchange.controls import strip_controls
from roadmap_desktop.interchange.csv_export import KINDS, columns, csv_text
from roadmap_desktop.interchange.csv_import import import_requirements, read_csv_table, suggest_mapping
from roadmap_desktop.interchange.forecast_report import ForecastReport, forecast_report
from roadmap_desktop.interchange.json_export import project_to_json
from roadmap_desktop.interchange.markdown import project_to_markdown
from roadmap_desktop.interchange.mermaid import project_to_mermaid, sanitize
from roadmap_desktop.persistence.project_file import loads_project

CORPUS = all_injections()
PROJECTS = {text: hostile_project(text) for text in CORPUS}
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def test_the_corpus_is_broad():
    assert len(CORPUS) >= 200
    for needle in ("=HYPERLINK", "＝", "%%{init", "click ", "javascript:", "![", "```", "\x1b]52;", "\u202e"):
        assert any(needle in text for text in CORPUS), needle


# -- CSV ------------------------------------------------------------------------------------------

NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_formula(cell: str) -> bool:
    """Whether Excel or LibreOffice could run ``cell`` as a formula: a leading apostrophe makes it
    text, a plain number is a value; otherwise a tab or carriage return at the start, or a formula
    character (ASCII or full-width) after what an import may trim (spaces, controls, format marks)."""
    if cell.startswith("'") or NUMBER.fullmatch(cell):
        return False
    if cell[:1] in ("\t", "\r"):
        return True
    trimmed = cell.lstrip()
    while trimmed and (trimmed[0].isspace() or unicodedata.category(trimmed[0]) in ("Cc", "Cf")):
        trimmed = trimmed[1:]
    return trimmed[:1] in ("=", "+", "-", "@", "＝", "＋", "－", "＠")


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("kind", KINDS)
def test_no_csv_cell_is_a_formula(kind):
    """Issue 16 item 5: ids, id lists, lane_id and depends_on were left live (=HYPERLINK in 14 cells)."""
    guarded = 0
    for text, project in PROJECTS.items():
        rows = csv_rows(csv_text(project, kind))
        assert rows[0] == columns(kind)
        for row in rows[1:]:
            assert len(row) == len(rows[0])
            for header, cell in zip(rows[0], row, strict=True):
                assert not spreadsheet_formula(cell), (kind, header, cell, text)
                guarded += cell.startswith("'") and spreadsheet_formula(cell[1:])
    assert guarded > 400  # the hostile text did reach the cells


def test_every_link_and_id_column_is_guarded():
    project = hostile_project('=HYPERLINK("http://evil.example","x")')
    for kind, names in {
        "requirement": ("id", "risks", "risk_ids", "items", "item_ids", "criteria_scores", "tags"),
        "item": ("id", "lane", "lane_id", "depends_on_titles", "depends_on", "notes"),
        "risk": ("id", "items", "item_ids", "category"),
    }.items():
        rows = csv_rows(csv_text(project, kind))
        for name in names:
            cells = [row[rows[0].index(name)] for row in rows[1:] if row[rows[0].index(name)]]
            assert cells and all(cell.startswith("'=HYPERLINK") for cell in cells), (kind, name, cells)


def test_plain_numbers_and_harmless_text_are_not_guarded():
    project = hostile_project("plain")
    project.info.criteria = {"Value": -2.5}
    project.requirements[0].criteria_scores = {}
    project.requirements[0].rice_reach = 1e-05
    row = dict(zip(*csv_rows(csv_text(project, "requirement")), strict=True))
    assert row["rice_reach"] == "1e-05" and row["title"] == "plain" and row["id"] == "plain#req0"
    harmless = hostile_project('DDE("cmd";"/C calc";"!A0")')
    assert csv_rows(csv_text(harmless, "requirement"))[1][1] == 'DDE("cmd";"/C calc";"!A0")'


@pytest.mark.parametrize("text", csv_injections())
def test_csv_import_takes_the_guard_off_again(tmp_path, text):
    project = hostile_project(text)
    path = tmp_path / "out.csv"
    path.write_text("\ufeff" + csv_text(project, "requirement"), encoding="utf-8", newline="")
    table = read_csv_table(path)
    result = import_requirements(table, suggest_mapping(table.headers), hostile_project("target"))
    (requirement,) = result.requirements
    original = project.requirements[0]
    names = ["title", "owner"] + (["description", "llm_fit_reason"] if text.strip() else [])
    if not any(separator in text for separator in ",;"):  # import splits list entries at these
        names += ["tags", "acceptance_criteria"]
    for name in names:
        expected = getattr(original, name)
        carried = "\t\n\r"  # the only control characters a CSV cell keeps
        expected = (
            [strip_controls(e, carried) for e in expected]
            if isinstance(expected, list)
            else strip_controls(expected, carried)
        )
        assert getattr(requirement, name) == expected, (name, text)


# -- Markdown -------------------------------------------------------------------------------------

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_MARKDOWN.disable("text_join")  # escaped characters stay apart from text, as GFM's autolinker sees them
_BLOCKS = {"heading", "paragraph", "inline", "table", "thead", "tbody", "tr", "th", "td"}
_AUTOLINK = re.compile(r"(?i)(https?|ftp)://|www\.|[\w.+-]@[\w-]")


def rendered_text(inline) -> str:
    """The text a reader sees in one inline token, line breaks as spaces."""
    parts = []
    for child in inline.children:
        if child.type in ("text", "text_special"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (child.type == "html_inline" and child.content == "<br>"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def shown(text: str) -> str:
    """What a field's text should look like in the document: controls gone, whitespace collapsed."""
    return " ".join(strip_controls(text).split())


@pytest.mark.parametrize("text", CORPUS)
def test_markdown_renders_project_text_as_text(text):
    """Issue 16 item 6: [x](javascript:...) links, ![](http://...) beacons, bare fences and setext
    underlines survived."""
    project = PROJECTS[text]
    document = project_to_markdown(project)
    assert not CONTROLS.search(document)
    tokens = _MARKDOWN.parse(document)
    headings, tables, cells = [], 0, []
    for index, token in enumerate(tokens):
        kind = token.type.removesuffix("_open").removesuffix("_close")
        assert kind in _BLOCKS, (token.type, text)
        if token.type == "heading_open":
            assert token.markup in ("#", "##", "###"), (token.markup, text)  # never a setext heading
            headings.append(rendered_text(tokens[index + 1]))
        tables += token.type == "table_open"
        if token.type in ("th_open", "td_open"):
            cells.append(rendered_text(tokens[index + 1]))
        if token.type != "inline":
            continue
        for child in token.children:
            assert child.type in (
                "text",
                "text_special",
                "softbreak",
                "hardbreak",
                "html_inline",
                "em_open",
                "em_close",
                "strong_open",
                "strong_close",
            ), (child.type, child.content, text)
            assert child.type != "html_inline" or child.content == "<br>", (child.content, text)
            if child.type == "text":
                assert not _AUTOLINK.search(child.content), (child.content, text)
    emphasis = sum(t.type in ("em_open", "strong_open") for tok in tokens if tok.children for t in tok.children)
    report = forecast_report(project)
    forecast = isinstance(report, ForecastReport)
    ours = 1 + bool(project.info.description.strip()) + bool(project.info.brief.strip()) + forecast
    assert emphasis == ours, text  # *As of ...*, **Vision:**, **Product brief:**, *the forecast's assumptions*
    assert headings[0] == shown(project.info.name) and headings[-1] == "Risks"
    # The forecast: its section, then (with dates) the drivers and critical path headings and their tables.
    sections = 4 + bool(project.info.summary.strip())
    extra_tables = (2 + bool(report.drivers)) if forecast else 0
    assert len(headings) == 1 + sections + 2 + 2 * forecast, (headings, text)  # one lane and "Unassigned"
    assert tables == 4 + extra_tables, (tables, text)
    # Every requirement, item and risk title comes out whole, as text.
    title = shown(project.requirements[0].title)
    milestone = "◆ " + title if project.items[0].milestone else title
    assert cells.count(title) + cells.count(milestone) >= 4 + 2 * (milestone == title), (title, cells)


def test_markdown_paragraphs_keep_their_lines_as_text():
    project = hostile_project("x")
    project.info.description = "Title\n===\n- item\n    code\n\n1. first\n```\n[a](javascript:alert(1))"
    tokens = _MARKDOWN.parse(project_to_markdown(project))
    start = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content.startswith("**Vision"))
    assert [t.type for t in tokens[start - 1 : start + 5]] == [
        "paragraph_open",
        "inline",
        "paragraph_close",
        "paragraph_open",
        "inline",
        "paragraph_close",
    ]
    assert rendered_text(tokens[start]) == "Vision: Title === - item code"
    assert rendered_text(tokens[start + 3]) == "1. first ``` [a](javascript:alert(1))"


# -- Mermaid --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", CORPUS)
def test_mermaid_reads_the_statements_we_wrote(text):
    """Issue 16 item 6: a title reached the "%% not scheduled" comment as it was, and %%{init}%% survived."""
    project = PROJECTS[text]
    chart = project_to_mermaid(project)
    assert not CONTROLS.search(chart)
    read = statements(chart)
    lane = sanitize(project.lanes[0].name, "Lane")
    title = sanitize(project.items[0].title)
    expected = [("gantt", ""), ("title", sanitize(project.info.name, "Roadmap")), ("dateFormat", "YYYY-MM-DD")]
    expected += [("section", lane), ("task", title), ("task", title)]
    assert [(s.kind, s.text.strip()) for s in read] == expected, (text, chart)
    assert all(s.data.split(",")[-1].strip().endswith("d") for s in read if s.kind == "task"), chart
    assert "%% not scheduled: " + title in chart.splitlines()[-1]


@pytest.mark.parametrize(
    "chart",
    [
        "gantt\n    %% not scheduled: %%{init: {'theme':'dark'}}%%\n",
        "---\nconfig:\n  theme: dark\n---\ngantt\n",
        "gantt\n    click t1 call alert(1) :t1, 2024-01-01, 1d\n",
        "gantt\n    title :t1, 2024-01-01, 1d\n",
    ],
)
def test_the_mermaid_reader_sees_injections(chart):
    """The reader used above does catch what the export must prevent (so its silence means something)."""
    try:
        read = statements(chart)
    except MermaidReadError:
        return
    assert [s.kind for s in read] != ["gantt", "task"], read
    assert any(s.kind not in ("gantt", "task") for s in read[1:]), read


def test_mermaid_comment_lines_are_dropped_before_reading():
    assert preprocess("gantt\n    %% a comment\n    title x\n") == "gantt\n    title x\n"


# -- JSON -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", terminal_injections())
def test_json_export_keeps_the_text_exactly(text):
    """JSON is data: the text goes through exactly (a JSON reader takes every character back)."""
    project = PROJECTS[text]
    reloaded = loads_project(project_to_json(project), "hostile.roadmap")
    assert reloaded.requirements[0].description == project.requirements[0].description
    assert json.loads(project_to_json(project))["requirements"][0]["title"] == project.requirements[0].title
