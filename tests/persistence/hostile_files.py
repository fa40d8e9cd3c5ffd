"""A generator of hostile project and CSV files: what sits at the path (pipes, devices, folders, loops), files
that read-only commands must leave alone (older formats, read-only files) and dependency cycles of every
length. Imported by name by the tests; nothing here is a committed file, every case is built in a folder."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.persistence.project_file import MAX_FILE_BYTES, dumps_project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOOD_CSV = "title,moscow,effort\nSearch contracts,must,3\nExport PDF,should,1\n"


@dataclass(frozen=True)
class HostileFile:
    """One case: ``make(folder, suffix)`` builds it and returns the path to hand to the app; the refusal
    must contain ``expect``."""

    name: str
    make: Callable[[Path, str], Path]
    expect: str


def _fifo(folder: Path, suffix: str) -> Path:
    path = folder / f"pipe{suffix}"
    os.mkfifo(path)
    return path


def _fifo_behind_link(folder: Path, suffix: str) -> Path:
    target = _fifo(folder, ".fifo")
    link = folder / f"link{suffix}"
    link.symlink_to(target)
    return link


def _folder(folder: Path, suffix: str) -> Path:
    path = folder / f"folder{suffix}"
    path.mkdir()
    return path


def _device(name: str) -> Callable[[Path, str], Path]:
    def make(folder: Path, suffix: str) -> Path:
        link = folder / f"{name}{suffix}"
        link.symlink_to(f"/dev/{name}")  # /dev/zero never ends; /dev/null is empty but not a file
        return link

    return make


def _loop(folder: Path, suffix: str) -> Path:
    a, b = folder / f"a{suffix}", folder / f"b{suffix}"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _dangling(folder: Path, suffix: str) -> Path:
    link = folder / f"gone{suffix}"
    link.symlink_to(folder / "nowhere")
    return link


def _socket(folder: Path, suffix: str) -> Path:
    path = folder / f"s{suffix}"
    if len(os.fsencode(path)) > 100:  # AF_UNIX paths are short
        raise OSError("path too long for a socket")
    server = socket.socket(socket.AF_UNIX)
    server.bind(os.fspath(path))
    _SOCKETS.append(server)  # kept open while the case is read; closed by close_sockets()
    return path


def _sparse_giant(folder: Path, suffix: str) -> Path:
    path = folder / f"giant{suffix}"
    with path.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # no disk used: the size alone must refuse it
    return path


_SOCKETS: list[socket.socket] = []


def close_sockets() -> None:
    while _SOCKETS:
        _SOCKETS.pop().close()


def path_cases() -> list[HostileFile]:
    """Things at a path that are not a readable regular file (issue 16 item 9): none may hang or crash."""
    cases = [
        HostileFile("folder", _folder, "is a folder"),
        HostileFile("symlink loop", _loop, ""),
        HostileFile("dangling symlink", _dangling, ""),
    ]
    if sys.platform != "win32":
        cases += [
            HostileFile("named pipe", _fifo, "named pipe"),
            HostileFile("symlink to a named pipe", _fifo_behind_link, "named pipe"),
            HostileFile("/dev/zero", _device("zero"), "device"),
            HostileFile("/dev/null", _device("null"), "device"),
            HostileFile("socket", _socket, "socket"),
        ]
    cases.append(HostileFile("sparse file over the size limit", _sparse_giant, "MB"))
    return cases


# -- files the read-only commands must leave alone (items 13 and 14) --------------------------------


def current_project_file(folder: Path) -> Path:
    project = Project.new("Hostile")
    a = TimelineItem(title="Build", lane_id=project.lanes[0].id, duration_days=5)
    project.items = [a, TimelineItem(title="Ship", lane_id=project.lanes[0].id, duration_days=1, depends_on=[a.id])]
    path = folder / "current.roadmap"
    path.write_text(dumps_project(project), encoding="utf-8")
    return path


def older_project_files(folder: Path) -> Iterator[Path]:
    """Every older-format fixture, copied: opening one upgrades it in memory and must write nothing."""
    for fixture in sorted(FIXTURES.glob("v*_project.roadmap")):
        copy = folder / fixture.name
        copy.write_bytes(fixture.read_bytes())
        yield copy


def folder_state(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every entry's mode, modification time and (for files) content: a read-only command changes none."""
    state = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        state[path.relative_to(folder).as_posix()] = (info.st_mode, info.st_mtime_ns, content)
    return state


# -- dependency cycles (item 15) -------------------------------------------------------------------


def cycle_project(length: int, title_length: int = 20) -> Project:
    """``length`` items, each depending on the next, the last on the first; titles of ``title_length``."""
    project = Project.new("Cycle")
    lane = project.lanes[0].id
    items = [
        TimelineItem(title=(f"Item {n} " + "x" * title_length)[:title_length], lane_id=lane, duration_days=1)
        for n in range(length)
    ]
    for n, item in enumerate(items):
        item.depends_on = [items[(n + 1) % length].id]
    project.items = items
    return project


CYCLE_LENGTHS = (2, 3, 6, 7, 300, 5000)
TITLE_LENGTHS = (1, 60, 61, 20_000)


def cycle_cases(folder: Path) -> Iterator[tuple[int, int, Path]]:
    """(length, title length, path) for every combination up to a megabyte of titles; a file per case."""
    for length in CYCLE_LENGTHS:
        for title_length in TITLE_LENGTHS:
            if length * title_length > 1_000_000:
                continue
            path = folder / f"cycle-{length}-{title_length}.roadmap"
            path.write_text(dumps_project(cycle_project(length, title_length)), encoding="utf-8")
            yield length, title_length, path


def corpus_size() -> int:
    return len(path_cases()) + sum(n * t <= 1_000_000 for n in CYCLE_LENGTHS for t in TITLE_LENGTHS)


# -- planner XML (GanttProject .gan, MS Project XML) that must be refused before it expands ----------

_LAUGHS = "".join(f'  <!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">\n' for n in range(1, 10))
_ROOTS = {
    ".gan": ("project", '<tasks><task id="1" name="&{entity};" start="2025-01-06" duration="1"/></tasks>'),
    ".xml": ("Project", "<Tasks><Task><UID>1</UID><Name>&{entity};</Name></Task></Tasks>"),
}


def _xml(doctype: str, entity: str) -> Callable[[Path, str], Path]:
    def make(folder: Path, suffix: str) -> Path:
        root, body = _ROOTS[suffix]
        path = folder / f"hostile{suffix}"
        text = (
            f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n{doctype}]>\n<{root}>{body.format(entity=entity)}</{root}>\n'
        )
        path.write_text(text, encoding="utf-8")
        return path

    return make


def _broken_xml(folder: Path, suffix: str) -> Path:
    path = folder / f"broken{suffix}"
    path.write_text(f"<{_ROOTS[suffix][0]}><tasks><task id='1'", encoding="utf-8")
    return path


def xml_cases() -> list[HostileFile]:
    """Planner files an import must refuse in one line without expanding or fetching anything:
    ``make(folder, suffix)`` with suffix ``.gan`` or ``.xml``."""
    return [
        HostileFile("billion laughs", _xml('  <!ENTITY lol0 "lol">\n' + _LAUGHS, "lol9"), "declares XML entities"),
        HostileFile(
            "quadratic blow-up", _xml(f'  <!ENTITY big "{"x" * 50_000}">\n', "big;&big;&big"), "declares XML entities"
        ),
        HostileFile(
            "external entity", _xml('  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n', "xxe"), "declares XML entities"
        ),
        HostileFile(
            "external entity by URL",
            _xml('  <!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">\n', "xxe"),
            "declares XML entities",
        ),
        HostileFile(
            "external parameter entity",
            _xml('  <!ENTITY % remote SYSTEM "file:///etc/passwd">\n  %remote;\n', "amp"),
            "declares XML entities",
        ),
        HostileFile("truncated XML", _broken_xml, "not well-formed XML"),
    ]
