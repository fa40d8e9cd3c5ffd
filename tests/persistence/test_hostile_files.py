"""The hostile-file corpus (hostile_files.py) through every reader: the loader, the CSV reader and the
commands. Each case is refused in one line within seconds, and the read-only commands write nothing."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_files import (
    GOOD_CSV,
    HostileFile,
    close_sockets,
    corpus_size,
    current_project_file,
    cycle_cases,
    folder_state,
    older_project_files,
    path_cases,
    xml_cases,
)

from roadmap_desktop.cli import main as cli
from roadmap_desktop.interchange.csv_import import CsvReadError, read_csv_table
from roadmap_desktop.persistence import atomic
from roadmap_desktop.persistence.errors import ProjectFileError
from roadmap_desktop.persistence.project_file import load_project

SECONDS = 10  # a case that takes longer is a hang


def within_seconds(action: Callable[[], object]) -> object:
    """``action()``'s result or exception, failing the test (not hanging it) if it blocks."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = action()
        except BaseException as exc:  # handed to the test
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(SECONDS)
    assert not worker.is_alive(), f"still blocked after {SECONDS} s"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("result")


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.fixture(autouse=True)
def _sockets():
    yield
    close_sockets()


CASES = path_cases()


def test_the_corpus_covers_the_classes():
    assert corpus_size() >= 30 and {"named pipe", "folder", "/dev/zero", "symlink loop"} <= {c.name for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_loader_refuses_in_one_line(tmp_path: Path, case: HostileFile):
    path = case.make(tmp_path, ".roadmap")
    before = folder_state(tmp_path)
    with pytest.raises(ProjectFileError) as caught:
        within_seconds(lambda: load_project(path))
    assert case.expect in one_line(str(caught.value)) and str(path) in str(caught.value)
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_csv_reader_refuses_in_one_line(tmp_path: Path, case: HostileFile):
    path = case.make(tmp_path, ".csv")
    with pytest.raises(CsvReadError) as caught:
        within_seconds(lambda: read_csv_table(path))
    assert case.expect in one_line(str(caught.value))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_command_refuses_in_one_line(tmp_path: Path, case: HostileFile, capsys: pytest.CaptureFixture):
    project = current_project_file(tmp_path)
    bad_project = case.make(tmp_path, ".roadmap")
    (tmp_path / "csv").mkdir()
    bad_csv = case.make(tmp_path / "csv", ".csv")
    (tmp_path / "gan").mkdir()
    (tmp_path / "xml").mkdir()
    bad_gan, bad_xml = case.make(tmp_path / "gan", ".gan"), case.make(tmp_path / "xml", ".xml")
    before = folder_state(tmp_path)
    runs = [
        ["check", str(bad_project)],
        ["risks", str(bad_project)],
        ["rank", str(bad_project)],
        ["schedule", str(bad_project)],
        ["export", str(bad_project), "-o", str(tmp_path / "out.md")],
        ["import", str(project), "--csv", str(bad_csv)],
        ["import", str(bad_project), "--csv", str(_good_csv(tmp_path))],
        ["import", str(project), "--gan", str(bad_gan)],
        ["import", str(project), "--mspdi", str(bad_xml)],
    ]
    for argv in runs:
        code = within_seconds(lambda argv=argv: cli(argv))
        err = capsys.readouterr().err
        assert code == 2, (argv, err)
        assert case.expect in one_line(err), (argv, err)
    after = folder_state(tmp_path)
    after.pop("good.csv", None)
    assert after == before


def _good_csv(folder: Path) -> Path:
    path = folder / "good.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", xml_cases(), ids=[c.name for c in xml_cases()])
@pytest.mark.parametrize("option", ["--gan", "--mspdi"])
def test_hostile_planner_xml_is_refused_in_one_line(tmp_path: Path, case: HostileFile, option: str, capsys):
    project = current_project_file(tmp_path)
    bad = case.make(tmp_path, ".gan" if option == "--gan" else ".xml")
    new_file = tmp_path / "new.roadmap"
    before = folder_state(tmp_path)
    for target in (project, new_file):
        code = within_seconds(lambda target=target: cli(["import", str(target), option, str(bad)]))
        err = capsys.readouterr().err
        assert code == 2 and case.expect in one_line(err) and bad.name in err, err
    assert folder_state(tmp_path) == before  # the project untouched, no new file


# -- read-only commands write nothing (item 13) ----------------------------------------------------

READ_ONLY_COMMANDS = [
    ["check"],
    ["risks"],
    ["risks", "--json"],
    ["rank"],
    ["rank", "--json"],
    ["schedule"],
    ["import", "--dry-run", "--csv", "{csv}"],
]


def test_read_only_commands_write_nothing(tmp_path: Path, tmp_path_factory, capsys: pytest.CaptureFixture):
    folder = tmp_path / "projects"
    folder.mkdir()
    files = [current_project_file(folder), *older_project_files(folder)]
    assert len(files) >= 3  # the current format and at least two older ones
    csv = _good_csv(tmp_path)
    out = tmp_path_factory.mktemp("exports") / "out.md"
    before = folder_state(folder)
    for path in files:
        for command in READ_ONLY_COMMANDS:
            name, *rest = command
            argv = [name, str(path), *(part.format(csv=csv) for part in rest)]
            assert cli(argv) == 0, (argv, capsys.readouterr())
        assert cli(["export", str(path), "-o", str(out)]) == 0
    capsys.readouterr()
    assert folder_state(folder) == before  # no .v1.bak, no temporary file, no new mtime


# -- a read-only project file is refused by the commands that save (item 14) -------------------------


@pytest.mark.parametrize("argv", [["import", "{file}", "--csv", "{csv}"], ["schedule", "{file}", "--apply"]])
def test_a_read_only_project_is_refused_by_saving_commands(
    tmp_path: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
):
    path = current_project_file(tmp_path)
    csv = _good_csv(tmp_path)
    path.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: the check asks os.access, as for a user's 0444 file
        monkeypatch.setattr(atomic.os, "access", lambda _name, mode, **_k: mode != os.W_OK)
    before = folder_state(tmp_path)
    code = cli([part.format(file=path, csv=csv) for part in argv])
    err = capsys.readouterr().err
    assert code == 2 and "the file is read-only" in one_line(err), err
    assert folder_state(tmp_path) == before


# -- dependency cycles of every length (item 15) ----------------------------------------------------


def test_cycles_are_named_in_one_short_line(tmp_path: Path, capsys: pytest.CaptureFixture):
    for length, title_length, path in cycle_cases(tmp_path):
        assert cli(["check", str(path)]) == 0  # a cycle is a planning problem, not a broken file
        capsys.readouterr()
        assert cli(["schedule", str(path)]) == 2
        line = one_line(capsys.readouterr().err)
        assert "dependency cycle" in line and len(line) < 600, (length, title_length, len(line))
        if length > 6:
            assert f"{length - 5} more items" in line, line
        else:
            assert line.count("→") == length, line
