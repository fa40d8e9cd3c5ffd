"""CSV export and import: round trip, encodings, delimiters, Chinese, problems with row numbers."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from interchange_samples import build_project

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import REQUIREMENT_STATUSES, Requirement
from roadmap_desktop.interchange.csv_export import BOM, columns, csv_text, write_csv
from roadmap_desktop.interchange.csv_import import (
    DUE,
    MAX_CSV_BYTES,
    CsvReadError,
    check_mapping,
    import_requirements,
    read_csv_table,
    suggest_mapping,
)
from roadmap_desktop.persistence.errors import SaveError

COMPARED = ("title", "status", "moscow", "owner", "effort", "tags", "description", "rice_reach", "rice_confidence")


def import_text(text: str | bytes, project: Project | None = None):
    table = read_csv_table(text, name="in.csv")
    project = project or Project.new("Target")
    return table, import_requirements(table, suggest_mapping(table.headers), project), project


# -- export -------------------------------------------------------------------------------------


def test_columns_are_field_names_with_link_titles():
    assert columns("requirement")[:3] == ["id", "title", "status"]
    assert columns("requirement")[-4:] == ["risks", "risk_ids", "items", "item_ids"]
    assert "lane" in columns("item") and "depends_on_titles" in columns("item")
    with pytest.raises(ValueError, match="requirement, item, risk"):
        columns("lane")


def test_export_values():
    project = build_project()
    rows = list(csv.DictReader(io.StringIO(csv_text(project, "requirement"), newline="")))
    faq = rows[0]
    assert faq["status"] == "planned" and faq["moscow"] == "must" and faq["effort"] == "4"
    assert faq["tags"] == "faq; user experience"
    assert faq["description"] == "As an agent I want answers.\nSecond line, with a comma."
    assert faq["items"] == "Design: API; Build; test" and faq["risks"] == "Data | leak"
    assert faq["item_ids"] == "; ".join(project.requirements[0].item_ids)
    assert rows[2]["title"] == "'=SUM(A1:A2)" and rows[2]["owner"] == "'@ops"  # no formulas in Excel
    items = list(csv.DictReader(io.StringIO(csv_text(project, "item"), newline="")))
    assert items[0]["start"] == "2024-03-04" and items[0]["lane"] == "Backend"
    assert items[4]["start"] == "" and items[2]["milestone"] == "yes"
    risks = list(csv.DictReader(io.StringIO(csv_text(project, "risk"), newline="")))
    assert risks[0]["items"] == "Build; test" and risks[1]["likelihood"] == "3"


def test_write_csv_has_bom_and_is_atomic(tmp_path):
    path = tmp_path / "reqs.csv"
    project = build_project()
    write_csv(project, "requirement", path)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert "常见问题自动回答".encode() in data
    assert data.decode("utf-8") == BOM + csv_text(project, "requirement")
    assert [p.name for p in tmp_path.iterdir()] == ["reqs.csv"]  # no temporary file left
    with pytest.raises(SaveError):
        write_csv(build_project(), "risk", tmp_path / "missing" / "x.csv")


# -- round trip ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [True, False])
def test_round_trip(tmp_path, bom):
    source = build_project()
    path = tmp_path / "reqs.csv"
    write_csv(source, "requirement", path)
    if not bom:
        path.write_bytes(path.read_bytes().removeprefix(codecs.BOM_UTF8))
    table, result, target = import_text(path.read_bytes())
    assert table.headers[0] == "id"  # no BOM glued to the first header
    assert result.problems == []
    assert {"id", "risks", "risk_ids", "items", "item_ids"} <= set(result.ignored_columns)
    result.command.apply(target)
    assert len(target.requirements) == len(source.requirements)
    for old, new in zip(source.requirements, target.requirements, strict=True):
        for name in COMPARED:
            assert getattr(new, name) == getattr(old, name), (old.title, name)
        assert new.id != old.id
    assert result.command.label == "Import 4 requirements from in.csv"


def test_import_is_one_undo_step():
    project = build_project()
    before = [r.id for r in project.requirements]
    _table, result, _ = import_text("Title\nOne\nTwo\n", project)
    inverse = result.command.apply(project)
    assert len(project.requirements) == len(before) + 2
    inverse.apply(project)
    assert [r.id for r in project.requirements] == before


def test_semicolon_delimiter_and_decimal_comma():
    text = "Summary;Effort;Labels\r\nLogin;2,5;auth sso\r\nSearch;1.200,0;x\r\n"
    table, result, _ = import_text(text)
    assert table.delimiter == ";"
    assert result.requirements[0].effort == 2.5
    assert result.requirements[0].tags == ["auth", "sso"]  # Jira labels: space separated
    assert result.problems[0][0] == 3  # "1.200,0" is not read as a number


def test_tab_delimiter_and_excel_sep_line():
    table, result, _ = import_text("Title\tOwner\nA\tAnn\n")
    assert table.delimiter == "\t" and result.requirements[0].owner == "Ann"
    table, result, _ = import_text("sep=;\nTitle;Description\nA;x, y\n")
    assert table.delimiter == ";" and table.row_numbers == [2]
    assert result.requirements[0].description == "x, y"


def test_chinese_headers_and_values():
    text = "标题,描述,状态,优先级,标签,负责人\n自动回答,回答常见问题,进行中,高,问答；FAQ,王芳\n"
    _table, result, _ = import_text(text.encode("utf-8"))
    r = result.requirements[0]
    assert (r.title, r.description, r.status, r.moscow, r.owner) == (
        "自动回答",
        "回答常见问题",
        "in_progress",
        "must",
        "王芳",
    )
    assert r.tags == ["问答；FAQ"]  # a full-width semicolon is part of the tag


def test_every_catalogs_choice_labels_and_aliases_are_accepted():
    from roadmap_desktop.wording import register, unregister

    text = "Title,Priority,Status\nA,必须有,已完成\nB,Kann,fertig\n"
    _table, result, _ = import_text(text)
    assert [(r.moscow, r.status) for r in result.requirements] == [("must", "done"), ("", "idea")]
    assert len(result.problems) == 2  # a language nobody registered yet
    # A new language brings its words with its catalog: its labels and its "import.*" aliases.
    register("xx", "Pseudo", {"choice.could": "Kann", "import.status.done": "erledigt|fertig"})
    try:
        _table, result, _ = import_text(text)
    finally:
        unregister("xx")
    assert [(r.moscow, r.status) for r in result.requirements] == [("must", "done"), ("could", "done")]
    assert result.problems == []


def test_jira_export():
    text = (
        "Issue key,Summary,Issue Type,Status,Priority,Assignee,Labels,Labels,Due date,Story Points\n"
        "PRJ-1,Login page,Story,To Do,Highest,Ann,auth,web,12/Mar/24,3\n"
        "PRJ-2,Search,Story,In Progress,Medium,,,,,\n"
        "PRJ-3,Old thing,Bug,Won't Do,Low,,,,,\n"
    )
    table, result, _ = import_text(text)
    mapping = suggest_mapping(table.headers)
    assert mapping == {
        "Summary": "title",
        "Status": "status",
        "Priority": "moscow",
        "Assignee": "owner",
        "Labels": "tags",
        "Labels (2)": "tags",
        "Due date": DUE,
        "Story Points": "effort",
    }
    assert result.ignored_columns == ["Issue key", "Issue Type"]
    login, search, old = result.requirements
    assert (login.status, login.moscow, login.tags, login.effort) == ("idea", "must", ["auth", "web"], 3)
    assert login.description == "Due: 12/Mar/24"
    assert (search.status, search.moscow) == ("in_progress", "should")
    assert (old.status, old.moscow) == ("dropped", "could")
    assert result.problems == []


def test_malformed_rows_report_spreadsheet_row_numbers():
    text = (
        "Title,Effort,Status,Description\n"  # row 1
        'Good,1,done,"two\nlines"\n'  # row 2 (one spreadsheet row despite the line break)
        ",2,done,no title\n"  # row 3
        "\n"  # row 4: blank, skipped quietly
        "Bad effort,abc,done,\n"  # row 5
        "Bad status,3,someday,\n"  # row 6
        "Too big,99999,,\n"  # row 7
        "Extra,1,,,surplus\n"  # row 8
    )
    table, result, _ = import_text(text)
    assert table.row_numbers == [2, 3, 5, 6, 7, 8]
    assert [r.title for r in result.requirements] == ["Good", "Bad effort", "Bad status", "Too big", "Extra"]
    assert result.requirements[0].description == "two\nlines"
    problems = dict(result.problems)
    assert set(problems) == {3, 5, 6, 7, 8}
    assert "no title" in problems[3]
    assert "Effort" in problems[5] and "'abc' is not a number" in problems[5] and "left empty" in problems[5]
    assert "someday" in problems[6]
    assert "at most 10000" in problems[7]
    assert "extra cells" in problems[8]
    bad = result.requirements[1]
    assert bad.effort is None and bad.status == "done"
    assert result.requirements[2].status == "idea"  # the default


def test_quoted_newlines_and_crlf():
    text = 'Title,Description\r\n"Multi\r\nline title","a\r\nb"\r\nNext,c\r\n'
    table, result, _ = import_text(text)
    assert table.row_numbers == [2, 3]
    assert result.requirements[0].title == "Multi line title"  # one-line field: whitespace collapses
    assert result.requirements[0].description == "a\r\nb"


def test_unterminated_quote_is_refused():
    with pytest.raises(CsvReadError, match="row 3 is never closed"):
        read_csv_table('Title,Description\nA,b\nB,"unclosed\nC,d\n', name="q.csv")


def test_non_utf8_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes("标题,描述\n自动回答,回答\n".encode("gbk"))
    with pytest.raises(CsvReadError) as info:
        read_csv_table(path)
    message = str(info.value)
    assert "legacy.csv" in message and "UTF-8" in message and "re-save" in message
    path.write_bytes("Title\nA\n".encode("utf-16"))
    with pytest.raises(CsvReadError, match="UTF-16"):
        read_csv_table(path)


def test_size_cap_and_missing_file(tmp_path, monkeypatch):
    from roadmap_desktop.interchange import csv_import

    monkeypatch.setattr(csv_import, "MAX_CSV_BYTES", 100)
    path = tmp_path / "big.csv"
    path.write_text("Title\n" + "x\n" * 100, encoding="utf-8")
    with pytest.raises(CsvReadError, match="larger than"):
        read_csv_table(path)
    with pytest.raises(CsvReadError, match="does not exist"):
        read_csv_table(tmp_path / "nope.csv")
    assert MAX_CSV_BYTES >= 1024 * 1024


def test_header_only_and_empty():
    _table, result, _ = import_text("Title,Owner\n\n")
    assert result.count == 0 and result.command.commands == []
    with pytest.raises(CsvReadError, match="no header"):
        read_csv_table(b"", name="empty.csv")


def test_mapping_checks():
    assert check_mapping({"A": "title", "B": "title"}) == ["columns 'A' and 'B' both fill Title"]
    assert check_mapping({"A": "tags", "B": "tags", "C": "description", "D": DUE}) == []
    assert "unknown field" in check_mapping({"A": "nonsense"})[0]
    table = read_csv_table("A,B\nx,y\n")
    with pytest.raises(ValueError, match="both fill"):
        import_requirements(table, {"A": "title", "B": "title"}, Project.new())


def test_suggest_mapping_synonyms():
    headers = ["Name", "Details", "State", "Tags", "Estimate", "Assigned To", "Reach", "Impact", "Confidence %", "X"]
    assert suggest_mapping(headers) == {
        "Name": "title",
        "Details": "description",
        "State": "status",
        "Tags": "tags",
        "Estimate": "effort",
        "Assigned To": "owner",
        "Reach": "rice_reach",
        "Impact": "rice_impact",
        "Confidence %": "rice_confidence",
    }
    assert suggest_mapping(["名称", "Title"]) == {"名称": "title"}  # one column per one-value field
    assert suggest_mapping(["Effort (weeks)", "rice_reach"]) == {"Effort (weeks)": "effort", "rice_reach": "rice_reach"}


def test_tags_with_spaces_survive_when_not_jira_labels():
    _table, result, _ = import_text('Title,Tags\nA,user experience; mobile\nB,"a, b"\n')
    assert result.requirements[0].tags == ["user experience", "mobile"]
    assert result.requirements[1].tags == ["a", "b"]


# Control characters other than tab and line breaks are not carried by CSV (test_hostile_exports.py).
_TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
        blacklist_characters="\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        whitelist_characters="\t\n\r",
    ),
    max_size=40,
)
_WORD = st.text(
    st.characters(blacklist_categories=("Cs", "Z", "Cc"), blacklist_characters=";,"), min_size=1, max_size=8
)


@settings(max_examples=150, deadline=None)
@given(
    title=_TEXT.filter(lambda t: t.split()),
    description=_TEXT,
    owner=_TEXT,
    tags=st.lists(_WORD, max_size=4),
    effort=st.none() | st.floats(min_value=0, max_value=10_000, allow_nan=False),
    status=st.sampled_from(REQUIREMENT_STATUSES),
)
def test_round_trip_property(title, description, owner, tags, effort, status):
    source = Project.new("Source")
    source.requirements = [
        Requirement(title=title, description=description, owner=owner, tags=tags, effort=effort, status=status)
    ]
    source.validate()  # normalises the way the app stores values
    data = (BOM + csv_text(source, "requirement")).encode("utf-8")
    _table, result, _ = import_text(data)
    assert result.problems == []
    old, new = source.requirements[0], result.requirements[0]
    for name in ("title", "owner", "tags", "effort", "status"):
        assert getattr(new, name) == getattr(old, name), name
    assert new.description == (old.description if old.description.strip() else "")  # blank cells are empty


def test_formula_guard_round_trips_existing_apostrophes():
    source = Project.new("Source")
    titles = ["=1+1", "'=already quoted", "''@twice", "'plain", "a=b"]
    source.requirements = [Requirement(title=t) for t in titles]
    cells = [row["title"] for row in csv.DictReader(io.StringIO(csv_text(source, "requirement"), newline=""))]
    assert cells == ["'=1+1", "''=already quoted", "'''@twice", "'plain", "a=b"]
    _table, result, _ = import_text(csv_text(source, "requirement"))
    assert [r.title for r in result.requirements] == titles
