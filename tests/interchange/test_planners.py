"""Planner interchange: GanttProject and MS Project XML in, MS Project XML, iCalendar and Jira/Linear CSV out."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from icalendar import Calendar
from planner_samples import MSPDI_SAMPLE, gan_with_start

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.timeline import Lane, TimelineItem
from roadmap_desktop.interchange.formula_guard import guard, unguard
from roadmap_desktop.interchange.gan_import import import_gan
from roadmap_desktop.interchange.ics_export import project_to_ics
from roadmap_desktop.interchange.mspdi_export import project_to_mspdi
from roadmap_desktop.interchange.mspdi_import import import_mspdi, iso_duration_hours, mspdi_import
from roadmap_desktop.interchange.safe_xml import PlannerReadError, parse_xml
from roadmap_desktop.interchange.tracker_csv import ranking_priorities, tracker_csv
from roadmap_desktop.persistence.template_file import BLANK_ID, list_templates, load_template

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "planners"
TEMPLATES = [t.id for t in list_templates() if t.id != BLANK_ID]
D = dt.date


def rows(project: Project) -> list[tuple]:
    titles = {item.id: item.title for item in project.items}
    return [
        (
            item.title,
            project.lane_name(item.lane_id),
            item.start,
            item.end,
            item.duration_days,
            item.milestone,
            item.status,
            item.owner,
            item.pinned,
            [titles[i] for i in item.depends_on],
        )
        for item in project.items
    ]


def test_gan_file_becomes_lanes_and_items():
    project = Project.new("Mine")
    result = import_gan(FIXTURES / "launch.gan", project)
    assert project.items == []  # nothing changes until the command runs
    result.command.apply(project)
    project.validate()
    assert [lane.name for lane in project.lanes][-2:] == ["Build", "Launch"]
    assert rows(project) == [
        ("Design the API", "Build", D(2025, 1, 6), D(2025, 1, 10), 5, False, "done", "Alice, Bob", False, []),
        # 10 working days from Monday 13 January: two weekends and the 20 January holiday in between
        ("Implement the API", "Build", D(2025, 1, 13), D(2025, 1, 27), 15, False, "in_progress", "Bob", False,
         ["Design the API"]),
        ("客户端界面", "Build", D(2025, 1, 13), D(2025, 1, 15), 3, False, "not_started", "", False, []),
        ("Release", "Launch", D(2025, 1, 29), D(2025, 1, 29), 0, True, "not_started", "", True, ["Implement the API"]),
        ("Announce", "Launch", D(2025, 1, 29), D(2025, 1, 30), 2, False, "not_started", "", False, []),
        ("Write the docs", "", D(2025, 1, 6), D(2025, 1, 9), 4, False, "not_started", "", False, []),
    ]  # fmt: skip
    assert project.items[0].notes == "Endpoints & auth.\nSecond line."
    assert result.plan_name == "Launch plan"
    assert result.summary() == (
        "imported 6 items and 2 new lanes from launch.gan; not imported: custom task fields (1), "
        "nested summary tasks, flattened (1), resource vacations (1), start-to-start links (1)"
    )


def test_import_is_one_undo_step_and_reuses_lanes_by_name():
    project = Project.new("Mine")
    project.lanes.append(Lane(name="Build"))
    before = [lane.id for lane in project.lanes]
    result = import_gan(FIXTURES / "launch.gan", project)
    assert [lane.name for lane in result.lanes] == ["Launch"]  # "Build" exists already
    inverse = result.command.apply(project)
    assert project.items[0].lane_id == before[-1]
    inverse.apply(project)
    assert project.items == [] and [lane.id for lane in project.lanes] == before


def test_mspdi_outline_links_durations_and_what_is_left_out():
    project = Project()
    result = mspdi_import(parse_xml(MSPDI_SAMPLE.encode(), "Website.xml"), project, "Website.xml", "Website.xml")
    result.command.apply(project)
    project.validate()
    assert rows(project) == [
        ("Wireframes", "Design", D(2025, 3, 3), D(2025, 3, 7), 5, False, "done", "Mei, Ola", False, []),
        ("Mock-ups", "Design", D(2025, 3, 10), D(2025, 3, 12), 3, False, "in_progress", "", False, ["Wireframes"]),
        ("Style guide", "Design", D(2025, 3, 10), D(2025, 3, 11), 2, False, "not_started", "", False, []),
        ("Sign-off", "", D(2025, 3, 17), D(2025, 3, 17), 0, True, "not_started", "", True, ["Mock-ups"]),
    ]  # fmt: skip
    assert project.items[0].notes == "Mobile first."
    assert result.plan_name == "Website relaunch"
    assert result.dropped.line() == (
        "not imported: custom task fields (1), links of summary tasks (1), links to missing tasks (1), "
        "links to summary tasks (1), nested summary tasks, flattened (1), start-to-start links (1)"
    )


@pytest.mark.parametrize(
    ("text", "hours"),
    [("PT80H0M0S", 80), ("PT8H30M0S", 8.5), ("P2DT4H", 20), ("P1W", 40), ("PT0H0M0S", 0), ("-PT8H", -8)],
)
def test_iso_8601_durations(text, hours):
    assert iso_duration_hours(text) == pytest.approx(hours)


@pytest.mark.parametrize("text", ["", "P", "PT", "80h", "PTxH", "P1.2.3D"])
def test_iso_8601_non_durations(text):
    assert iso_duration_hours(text) is None


@pytest.mark.parametrize(("start", "duration"), [("1899-12-31", 1), ("2201-01-01", 1), ("2200-12-20", 30)])
def test_dates_outside_the_supported_range_refuse_the_import(tmp_path, start, duration):
    path = tmp_path / "far.gan"
    path.write_text(gan_with_start(start, duration), encoding="utf-8")
    with pytest.raises(PlannerReadError) as caught:
        import_gan(path, Project())
    message = str(caught.value)
    assert "\n" not in message and "Far away" in message and "supported date" in message


def test_not_a_planner_file_is_refused_in_one_line(tmp_path):
    for name, text in [("a.gan", "<html/>"), ("a.xml", "<project><tasks/></project>"), ("b.xml", "not xml")]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        reader = import_gan if name.endswith(".gan") else import_mspdi
        with pytest.raises(PlannerReadError) as caught:
            reader(path, Project())
        assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


# -- MSPDI round trip: every template keeps titles, dates, durations, milestones and dependencies --------


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_template_round_trip_through_mspdi(template, language):
    original = load_template(template, language, D(2025, 1, 6))
    original.items[1].pinned = True
    original.items[2].status = "done"
    exported = project_to_mspdi(original)
    assert exported.left_out == 0
    back = Project()
    result = mspdi_import(parse_xml(exported.text.encode(), "x.xml"), back, "x.xml", "x.xml")
    result.command.apply(back)
    back.validate()
    assert not result.dropped, result.dropped.line()
    assert result.plan_name == original.info.name
    assert rows(back) == rows(original)


def test_mspdi_export_leaves_out_undated_items_and_empty_lanes():
    project = Project.new("P")
    project.items = [
        TimelineItem(title="Dated", lane_id=project.lanes[2].id, start=D(2025, 5, 5), duration_days=3),
        TimelineItem(title="Someday", lane_id=project.lanes[2].id),
    ]
    exported = project_to_mspdi(project)
    assert exported.left_out == 1
    root = parse_xml(exported.text.encode(), "x")
    names = [t.findtext("{http://schemas.microsoft.com/project}Name") for t in root.iter() if t.tag.endswith("}Task")]
    assert names == [project.lanes[2].name, "Dated"]


def test_mspdi_export_of_hostile_text_is_well_formed():
    bad = "a\x00b\x1b[31m <&> \ufffe\" ' ]]> 𝄞"
    project = Project.new(bad)
    project.items = [TimelineItem(title=bad, start=D(2025, 1, 1), notes=bad, owner=bad + ", Zoë")]
    text = project_to_mspdi(project).text
    back = Project()
    mspdi_import(parse_xml(text.encode(), "x"), back, "x", "x").command.apply(back)
    assert back.items[0].title == "ab <&> \" ' ]]> 𝄞"


# -- iCalendar ------------------------------------------------------------------------------------------


def test_ics_has_one_all_day_event_per_dated_item():
    project = load_template("healthcare", "zh", D(2025, 1, 6))
    project.items.append(TimelineItem(title="未排期"))
    calendar = Calendar.from_ical(project_to_ics(project))
    events = calendar.walk("VEVENT")
    dated = [item for item in project.items if item.start is not None]
    assert len(events) == len(dated)
    for event, item in zip(events, dated, strict=True):
        assert event.decoded("dtstart") == item.start
        assert event.decoded("dtend") == item.end + dt.timedelta(days=1)
        assert str(event["uid"]).startswith(item.id)
        assert str(event["summary"]) == ("◆ " if item.milestone else "") + item.title
        assert "状态：" in str(event["description"])
    assert any(str(e["summary"]).startswith("◆ ") for e in events)


# -- Jira and Linear CSV ----------------------------------------------------------------------------------


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _ranked_project() -> Project:
    project = Project.new("Trackers")
    lane = project.lanes[3]
    a = TimelineItem(title="Build search", lane_id=lane.id, start=D(2025, 4, 7), duration_days=5, phase="P3")
    b = TimelineItem(title="Ship", lane_id=lane.id, start=D(2025, 4, 14), milestone=True, depends_on=[a.id])
    project.items = [a, b]
    project.requirements = [
        Requirement(title=f"R{n}", rice_reach=100 * n, rice_impact=1, rice_confidence=80, effort=1, tags=["two words"])
        for n in range(1, 6)
    ] + [Requirement(title="Unscored")]
    project.requirements[4].item_ids = [a.id, b.id]  # R5 is the best: Highest
    project.requirements[0].item_ids = [a.id]
    return project


def test_priorities_come_from_the_ranking_in_fifths():
    project = _ranked_project()
    by_title = {r.title: r.id for r in project.requirements}
    priorities = ranking_priorities(project)
    assert [priorities.get(by_title[t], "") for t in ("R5", "R4", "R3", "R2", "R1", "Unscored")] == [
        "Highest",
        "High",
        "Medium",
        "Low",
        "Lowest",
        "",
    ]


def test_jira_csv_epics_issues_links_and_labels():
    table = _csv(tracker_csv(_ranked_project(), "jira"))
    header, *body = table
    by_summary = {row[2]: dict(zip(header, row, strict=False)) for row in body}
    epic = by_summary["P3 Resource allocation"]
    assert epic["Issue Type"] == "Epic" and epic["Epic Name"] == "P3 Resource allocation"
    build = by_summary["Build search"]
    assert (build["Parent"], build["Start date"], build["Due date"], build["Priority"]) == (
        epic["Issue Id"],
        "2025-04-07",
        "2025-04-11",
        "Highest",
    )
    ship = body[[row[2] for row in body].index("Ship")]
    assert "milestone" in ship and build["Issue Id"] in ship  # a label and the blocking issue
    r5 = by_summary["R5"]
    assert (r5["Issue Type"], r5["Due date"], r5["Parent"]) == ("Story", "2025-04-14", epic["Issue Id"])
    assert "two-words" in body[[row[2] for row in body].index("R5")]


def test_linear_csv_projects_priorities_and_blockers():
    table = _csv(tracker_csv(_ranked_project(), "linear"))
    header, *body = table
    issues = {row[1]: dict(zip(header, row, strict=True)) for row in body}
    assert "P3 Resource allocation" not in issues  # a lane is a Linear project, not an issue
    assert issues["Build search"]["Project"] == "P3 Resource allocation"
    assert issues["Build search"]["Priority"] == "Urgent"
    assert issues["Unscored"]["Priority"] == "No priority"
    assert "Build search" in issues["Ship"]["Description"] and issues["Ship"]["Labels"] == "milestone"
    assert issues["R1"]["Labels"] == "two words" and issues["R1"]["Status"] == "Backlog"


@pytest.mark.parametrize("fmt", ["jira", "linear"])
def test_every_tracker_cell_goes_through_the_formula_guard(fmt):
    from hostile_corpus import corpus_project, csv_injections

    project = corpus_project(csv_injections())
    for item in project.items:
        item.start = item.start or D(2025, 1, 1)
    cells = [cell for row in _csv(tracker_csv(project, fmt)) for cell in row]
    assert len(cells) > 100
    for cell in cells:
        assert cell == guard(unguard(cell)), cell
        assert not any(ord(c) < 32 and c not in "\t\n\r" for c in cell)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e308", "-5", "abc", ""])
def test_odd_numbers_in_a_gan_file_never_crash(tmp_path, value):
    path = tmp_path / "odd.gan"
    path.write_text(
        '<project name="Odd"><tasks>'
        f'<task id="0" name="A" start="2025-01-06" duration="{value}" complete="{value}">'
        f'<depend id="1" type="{value}" difference="{value}"/></task>'
        '<task id="1" name="B" start="2025-01-20" duration="2"/></tasks></project>',
        encoding="utf-8",
    )
    try:
        result = import_gan(path, Project())
    except PlannerReadError as exc:
        assert "more than 3650" in str(exc)  # 1e308 working days
        return
    project = Project()
    result.command.apply(project)
    project.validate()


@pytest.mark.parametrize("value", ["inf", "nan", "1e308", "-5", "abc", "", "P99999999Y", "PT" + "9" * 400 + "H"])
def test_odd_numbers_in_an_mspdi_file_never_crash(value):
    text = (
        '<Project xmlns="http://schemas.microsoft.com/project"><Tasks>'
        f"<Task><UID>1</UID><Name>A</Name><OutlineLevel>{value}</OutlineLevel><Start>2025-01-06T08:00:00</Start>"
        f"<Duration>{value}</Duration><PercentComplete>{value}</PercentComplete></Task>"
        "<Task><UID>2</UID><Name>B</Name><Start>2025-01-06T08:00:00</Start><Finish>2025-01-07T17:00:00</Finish>"
        f"<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>{value}</Type><LinkLag>{value}</LinkLag>"
        f"<LagFormat>{value}</LagFormat></PredecessorLink></Task></Tasks></Project>"
    )
    try:
        result = mspdi_import(parse_xml(text.encode(), "odd.xml"), Project(), "odd.xml", "odd.xml")
    except PlannerReadError as exc:
        assert "more than 3650" in str(exc)
        return
    project = Project()
    result.command.apply(project)
    project.validate()
