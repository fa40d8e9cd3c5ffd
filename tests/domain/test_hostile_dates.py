"""Dates at the calendar's edges (issue 16, item 1), without Qt: every generated file loads or is refused in
one line, edits and schedules past the supported range are refused in one line naming what, and the
forecast and the text exports (Markdown, Mermaid, CSV, JSON) and the commands never raise on the rest.
Drawing, PDF, PNG and the window are in tests/qt/test_hostile_dates_qt.py."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hostile_dates import (
    DURATIONS,
    EDGE_DAYS,
    ProjectCase,
    document,
    edit_cases,
    file_cases,
    item_doc,
    loadable_projects,
    memory_projects,
    schedule_cases,
)

from roadmap_desktop.cli import main
from roadmap_desktop.domain.dates import (
    DATE_PATTERN,
    FIRST_DATE,
    LAST_DATE,
    next_month,
    parse_date,
    shift,
    whole_months,
)
from roadmap_desktop.domain.fields import FieldValueError
from roadmap_desktop.domain.forecast import forecast
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.scheduling import ScheduleError, ScheduleRangeError, plan_view, schedule, schedule_command
from roadmap_desktop.interchange.csv_export import csv_text
from roadmap_desktop.interchange.csv_import import import_requirements, read_csv_table, suggest_mapping
from roadmap_desktop.interchange.json_export import project_to_json
from roadmap_desktop.interchange.markdown import project_to_markdown
from roadmap_desktop.interchange.mermaid import project_to_mermaid
from roadmap_desktop.persistence.errors import ProjectFileError
from roadmap_desktop.persistence.project_file import dumps_project, load_project, loads_project

FILES = file_cases()
RUNS = 200  # enough runs to reach every code path of the forecast, few enough to stay quick


def one_line(message: str) -> str:
    assert message and "\n" not in message and "Traceback" not in message, message
    return message


def test_the_corpus_is_large_and_mixed():
    refused = [case for case in FILES if case.refused]
    assert len(FILES) >= 150 and 50 <= len(refused) <= len(FILES) - 50


# -- the range and its arithmetic ----------------------------------------------------------------------


def test_the_schema_pattern_holds_exactly_the_supported_years():
    pattern = re.compile(DATE_PATTERN)
    for year in range(0, 10_000):
        assert bool(pattern.match(f"{year:04d}-06-15")) == (FIRST_DATE.year <= year <= LAST_DATE.year), year
    for bad in ("2024-00-01", "2024-13-01", "2024-01-00", "2024-01-32", "2024-1-01", "19٠٠-01-01", "2024-01-01 "):
        assert not pattern.match(bad), bad


def test_parse_date_takes_the_range_and_nothing_else():
    assert parse_date("1900-01-01") == FIRST_DATE and parse_date("2200-12-31") == LAST_DATE
    for text, problem in {
        "1899-12-31": "before 1900-01-01",
        "2201-01-01": "after 2200-12-31",
        "0001-01-01": "before",
        "9999-12-31": "after",
        "2200-02-29": "YYYY-MM-DD",
        "20240101": "YYYY-MM-DD",
        "１９９９-01-01": "YYYY-MM-DD",
    }.items():
        with pytest.raises(ValueError, match=problem):
            parse_date(text)


def test_arithmetic_saturates_at_the_calendars_ends():
    assert shift(dt.date.max, 10) == dt.date.max and shift(dt.date.min, -10) == dt.date.min
    assert shift(dt.date.min, 10**12) == dt.date.max
    assert next_month(dt.date(9999, 12, 5)) == dt.date.max
    assert whole_months(dt.date.min, dt.date.max) == (dt.date.min, dt.date(9999, 12, 30))
    assert whole_months(dt.date(2024, 1, 2), dt.date(2024, 3, 30)) == (dt.date(2023, 12, 1), dt.date(2024, 4, 30))


# -- loading ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", FILES, ids=[case.name for case in FILES])
def test_every_file_loads_or_is_refused_in_one_line(tmp_path, case):
    path = tmp_path / "edge.roadmap"
    text = json.dumps(case.doc, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    if case.refused is None:
        project = load_project(path).project
        again = loads_project(dumps_project(project), path)  # what it saves, it opens again
        assert dumps_project(again) == dumps_project(project)
        for keep_dates in (False, True):
            plan = _schedule_or_refuse(project, keep_dates=keep_dates)
            if plan is not None:
                _forecast_or_refuse(project, plan)
        _text_exports(project)
    else:
        with pytest.raises(ProjectFileError) as caught:
            load_project(path)
        message = one_line(str(caught.value))
        assert case.refused in message, message
        assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("label", ["date.min", "9999-12-20"])
def test_the_issues_files_are_refused_by_check_schedule_and_export(tmp_path, capsys, label):
    path = tmp_path / "issue.roadmap"
    path.write_text(json.dumps(document([item_doc(EDGE_DAYS[label].isoformat(), 10)])), encoding="utf-8")
    for argv in (["check"], ["schedule"], ["export", "-o", str(tmp_path / "out.md")]):
        assert main([argv[0], str(path), *argv[1:]]) == 2
        err = one_line(capsys.readouterr().err.strip())
        assert "items[0].start" in err and "outside the supported dates, 1900-01-01 to 2200-12-31" in err, err


# The commands every generated file goes through, in-process as the CLI tests run them: each exits 0, or 2
# with one line on stderr; an exception (a traceback in a terminal) fails the test.
CORPUS_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("check",),
    ("schedule", "--runs", "20", "--seed", "1"),
    ("export", "-o", "{out}.md"),
    ("export", "-o", "{out}.mmd"),
    ("export", "-o", "{out}.csv", "--kind", "item"),
    ("export", "-o", "{out}.json"),
    ("risks", "--all", "--today", "2200-12-31"),
    ("rank",),
    ("import", "--csv", "{csv}", "--dry-run"),
)


def run_command(capsys, argv: list[str]) -> tuple[int, str]:
    """``main(argv)``: the exit code and stderr (asserted one line when the code is 2)."""
    capsys.readouterr()
    code = main(argv)
    err = capsys.readouterr().err.strip()
    assert code in (0, 2), (argv, code, err)
    if code == 2:
        one_line(err)
    return code, err


@pytest.mark.parametrize("case", FILES, ids=[case.name for case in FILES])
def test_every_file_through_every_command_exits_0_or_2_with_one_line(tmp_path, capsys, case):
    path = tmp_path / "edge.roadmap"
    text = json.dumps(case.doc, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    csv = tmp_path / "in.csv"
    csv.write_text("Title,Due date\nEdge,9999-12-31\n", encoding="utf-8")
    for command in CORPUS_COMMANDS:
        argv = [command[0], str(path), *(a.format(out=tmp_path / "out", csv=csv) for a in command[1:])]
        code, err = run_command(capsys, argv)
        if case.refused:  # the loader's line, whatever the command
            assert code == 2 and case.refused in err, (argv, err)
        elif command[0] != "schedule":  # a schedule may run past the range: that is its one-line refusal
            assert code == 0, (argv, err)
        else:
            assert code == 0 or "supported date" in err, (argv, err)
    assert path.read_text(encoding="utf-8") == text  # read-only commands wrote nothing
    if case.refused is None:  # and what schedule --apply and import save opens again
        for argv in (["schedule", str(path), "--apply", "--runs", "20"], ["import", str(path), "--csv", str(csv)]):
            if run_command(capsys, argv)[0] == 0:
                load_project(path)


# -- projects at the edges: schedule, forecast, exports, commands -----------------------------------------


def _schedule_or_refuse(project: Project, **kwargs):
    try:
        return schedule(plan_view(project), **kwargs)
    except ScheduleRangeError as exc:
        one_line(str(exc))
        return None


def _forecast_or_refuse(project: Project, plan) -> None:
    try:
        outlook = forecast(plan_view(project), plan, runs=RUNS)
    except ScheduleRangeError as exc:
        assert "supported date" in one_line(str(exc))
        return
    for percentiles in [outlook.roadmap, *outlook.items.values()]:
        if percentiles is not None:
            assert FIRST_DATE <= percentiles.p50 <= percentiles.p90 <= LAST_DATE


def _text_exports(project: Project) -> None:
    project_to_markdown(project, today=LAST_DATE)
    project_to_mermaid(project)
    for kind in ("requirement", "item", "risk"):
        csv_text(project, kind)
    project_to_json(project)


@pytest.mark.parametrize("case", loadable_projects(), ids=lambda c: c.name)
def test_projects_at_the_edges_schedule_forecast_and_export(case: ProjectCase, tmp_path):
    project = case.build()
    project.validate()
    for keep_dates in (False, True):
        plan = _schedule_or_refuse(project, keep_dates=keep_dates)
        if plan is not None:
            assert all(FIRST_DATE <= s.start <= s.end <= LAST_DATE for s in plan.items.values())
            _forecast_or_refuse(project, plan)
            if not keep_dates:
                schedule_command(project, plan).apply(project.snapshot())
    _text_exports(project)
    path = tmp_path / "edge.roadmap"
    path.write_text(dumps_project(project), encoding="utf-8")
    for argv in (["check"], ["schedule", "--runs", "50"], ["risks"], ["rank"]):
        assert main([argv[0], str(path), *argv[1:]]) in (0, 2)
    for suffix in (".md", ".csv", ".mmd", ".json"):
        assert main(["export", str(path), "-o", str(tmp_path / f"out{suffix}")]) == 0


@pytest.mark.parametrize("case", loadable_projects(), ids=lambda c: c.name)
def test_nudging_every_item_past_the_edges_is_refused_in_one_line(case: ProjectCase):
    project = case.build()
    before = dumps_project(project)
    from roadmap_desktop.domain.commands import SetField

    for item in [i for i in project.items if i.start is not None]:
        for days in (-(10**6), -366, -7, -1, 1, 7, 366, 10**6):
            command = SetField("item", item.id, "start", shift(item.start, days))  # type: ignore[arg-type]
            try:
                undo = command.apply(project)
            except FieldValueError as exc:
                message = one_line(str(exc))
                assert message.startswith(f"item {item.title!r}: ") and "supported date" in message, message
                continue
            project.validate()
            undo.apply(project)
        for duration in DURATIONS:
            try:
                undo = SetField("item", item.id, "duration_days", duration).apply(project)
            except FieldValueError as exc:
                assert one_line(str(exc)).startswith(f"item {item.title!r}: End: "), exc
                continue
            undo.apply(project)
    assert dumps_project(project) == before


@pytest.mark.parametrize("case", memory_projects(), ids=lambda c: c.name)
def test_projects_past_the_range_built_in_memory_do_not_crash(case: ProjectCase):
    project = case.build()
    with pytest.raises(FieldValueError) as caught:
        project.validate()
    one_line(str(caught.value))
    for keep_dates in (False, True):
        plan = _schedule_or_refuse(project, keep_dates=keep_dates)
        if plan is not None:
            _forecast_or_refuse(project, plan)
    _text_exports(project)


# -- edits and schedules ------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", edit_cases(), ids=lambda c: c.name)
def test_edits_past_the_range_are_refused_in_one_line(case):
    project = loadable_projects()[0].build()
    before = dumps_project(project)
    command = case.command(project)
    if case.refused:
        with pytest.raises(FieldValueError) as caught:
            command.apply(project)
        message = one_line(str(caught.value))
        assert re.match(r"^(item|risk) '[^']+': [A-Z][\w ()]*: ", message), message
        assert dumps_project(project) == before
    else:
        command.apply(project)
        project.validate()


@pytest.mark.parametrize("case", schedule_cases(), ids=lambda c: c.name)
def test_schedules_past_the_range_are_refused_in_one_line(case):
    project = case.build()
    project.validate()
    if case.refused:
        with pytest.raises(ScheduleRangeError) as caught:
            schedule(plan_view(project), case.anchor)
        message = one_line(str(caught.value))
        assert case.refused in message and "supported date" in message, message
        return
    plan = schedule(plan_view(project), case.anchor)
    schedule_command(project, plan).apply(project)
    project.validate()
    _forecast_or_refuse(project, plan)


def test_the_forecast_refuses_runs_past_the_last_day_in_one_line():
    project = loadable_projects()[0].build()
    last = project.find("item", "b")
    last.pessimistic_days = 3650  # type: ignore[union-attr]
    plan = schedule(plan_view(project), keep_dates=True)
    with pytest.raises(ScheduleRangeError) as caught:
        forecast(plan_view(project), plan, runs=RUNS)
    assert "“Last days”" in one_line(str(caught.value))


def test_the_forecast_counts_past_int32_without_wrapping():
    """A thousand risks of ten years each on one item add more days than int32 holds."""
    from roadmap_desktop.domain.risk import Risk

    project = loadable_projects()[0].build()
    project.risks = [Risk(title=f"R{n}", likelihood=5, delay_days=3650, item_ids=["a"]) for n in range(600)]
    plan = schedule(plan_view(project), keep_dates=True)
    with pytest.raises(ScheduleRangeError, match=r"after 2200-12-31|a day after 9999-12-31"):
        forecast(plan_view(project), plan, runs=20)


def test_a_cycle_is_still_a_schedule_error_not_a_range_error():
    project = loadable_projects()[0].build()
    project.find("item", "a").depends_on = ["b"]  # type: ignore[union-attr]
    with pytest.raises(ScheduleError) as caught:
        schedule(project)
    assert not isinstance(caught.value, ScheduleRangeError)


def test_schedule_anchor_outside_the_range_is_a_usage_error(tmp_path, capsys):
    path = tmp_path / "p.roadmap"
    path.write_text(dumps_project(loadable_projects()[0].build()), encoding="utf-8")
    for anchor in ("0001-01-01", "2201-01-01", "9999-12-31"):
        assert main(["schedule", str(path), "--anchor", anchor]) == 2
        assert "supported date" in capsys.readouterr().err


def test_csv_due_dates_stay_text_whatever_they_hold():
    """The CSV import has no date field: a "Due date" column is kept as a line of the description."""
    rows = ["Title,Due date"] + [f"Edge {label},{day.isoformat()}" for label, day in EDGE_DAYS.items()]
    table = read_csv_table("\n".join(rows).encode(), "edge.csv")
    result = import_requirements(table, suggest_mapping(table.headers), Project.new())
    assert len(result.requirements) == len(EDGE_DAYS)
    assert all(r.description.startswith("Due: ") for r in result.requirements)


# -- stamps: a clock set far off, and recovery files -----------------------------------------------------


@pytest.mark.parametrize("clock", [dt.datetime.min, dt.datetime(1899, 12, 31, 23), dt.datetime.max])
def test_a_clock_set_far_off_still_saves_files_that_open(tmp_path, monkeypatch, clock):
    from roadmap_desktop.domain import dates
    from roadmap_desktop.persistence.autosave import RecoveryStore
    from roadmap_desktop.persistence.project_file import save_project

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return clock.replace(tzinfo=tz)

    monkeypatch.setattr(dates.dt, "datetime", Clock)
    project = Project.new("Far off")
    save_project(project, tmp_path / "p.roadmap")
    monkeypatch.undo()
    loaded = load_project(tmp_path / "p.roadmap").project
    assert FIRST_DATE <= loaded.created.date() <= LAST_DATE and FIRST_DATE <= loaded.modified.date() <= LAST_DATE
    store = RecoveryStore(tmp_path / "recovery")
    store.write(project, None)
    assert [entry.project_name for entry in store.entries()] == ["Far off"]


def test_recovery_files_with_stamps_at_the_calendars_ends_are_listed_and_refused_in_one_line(tmp_path):
    from roadmap_desktop.persistence.autosave import RecoveryStore

    store = RecoveryStore(tmp_path / "recovery")
    projects = [case.build() for case in (*loadable_projects(), *memory_projects())]
    for project, stamp in zip(projects, [*STAMP_TEXTS, *STAMP_TEXTS], strict=False):
        path = store.write(project, None)  # autosave never refuses: recovering is when the checks run
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["recovery"]["saved_at"] = stamp
        path.write_text(json.dumps(doc), encoding="utf-8")
    entries = store.entries()
    assert len(entries) == len(projects)
    loadable = {case.name for case in loadable_projects()}
    for entry in entries:
        entry.saved_at.astimezone()  # what the recovery dialog shows
        if entry.project_name.lower() in loadable:
            store.load(entry)
        else:
            with pytest.raises(ProjectFileError) as caught:
                store.load(entry)
            one_line(str(caught.value))


STAMP_TEXTS = ("0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00", "2200-12-31T23:59:59")
