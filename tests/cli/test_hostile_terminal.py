"""What every command prints to a terminal, from hostile projects, files, file names, models and servers.

Issue 16 item 7: `check`, `risks`, `rank` and a server's error text printed ESC, BEL and OSC sequences
from project text as they were (a title change, an OSC 52 clipboard write). Item 12: `risks FILE |
head -c 1` and `rank --json | head` ended in BrokenPipeError tracebacks. Every command's output goes
through commandline/console.py; these tests feed it the whole hostile corpus and real pipes.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from interchange.hostile_corpus import all_injections, corpus_project, terminal_injections
from llm.hostile_gguf import gguf_bytes, tiny_metadata

from roadmap_desktop.cli import main
from roadmap_desktop.commandline.console import clean, json_text, one_line
from roadmap_desktop.interchange.csv_export import csv_text
from roadmap_desktop.persistence.paths import HOME_ENV
from roadmap_desktop.persistence.project_file import save_project

# Everything a terminal could take as a control: C0 but newline and tab, DEL, C1, bidi controls.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
ROOT = Path(__file__).resolve().parents[2]


def assert_clean(text: str, what: object = "") -> None:
    found = CONTROLS.search(text)
    assert found is None, (what, repr(text[max(0, found.start() - 40) : found.end() + 40]))


def run_clean(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    assert_clean(captured.out, argv)
    assert_clean(captured.err, argv)
    assert "Traceback" not in captured.err, captured.err
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def corpus():
    return corpus_project(all_injections())


@pytest.fixture
def hostile_file(tmp_path, corpus):
    path = tmp_path / "hostile.roadmap"
    save_project(corpus, path)
    return path


# -- the helper -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", all_injections())
def test_clean_leaves_no_control_character(text):
    assert_clean(clean(text), text)
    assert_clean(one_line(text), text)
    assert "\n" not in one_line(text) and "\t" not in one_line(text)
    assert_clean(json_text({"t": text}), text)
    assert json.loads(json_text({"t": text})) == {"t": text}  # JSON escapes instead: nothing is lost


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b]0;pwned title\x07after", "after"),
        ("\x1b]52;c;cm0gLXJmIH4=\x1b\\after", "after"),
        ("\x1b]8;;http://evil.example\x07click me\x1b]8;;\x07", "click me"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x9b2Jtext\x9d0;title\x9c", "text"),
        ("\x1b]2;unterminated\nnext line", "2;unterminated\nnext line"),  # shown as text, nothing lost
        ("carriage\rreturn", "carriagereturn"),
        ("\u202eevil.exe\u202c", "evil.exe"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("中文 ◆ — text", "中文 ◆ — text"),
    ],
)
def test_clean_removes_whole_sequences_and_keeps_text(text, shown):
    assert clean(text) == shown


# -- every command ------------------------------------------------------------------------------


def test_every_command_prints_clean_text(tmp_path, hostile_file, corpus, capsys):
    for argv in (
        ["check", hostile_file],
        ["risks", hostile_file, "--all"],
        ["rank", hostile_file],
        ["schedule", hostile_file, "--runs", "20"],
        ["export", hostile_file, "-o", tmp_path / "out.md"],
        ["export", hostile_file, "-o", tmp_path / "out.mmd"],
        ["export", hostile_file, "-o", tmp_path / "out.json"],
        ["export", hostile_file, "-o", tmp_path / "out.csv", "--kind", "item"],
        ["new", "-o", tmp_path / "new.roadmap", "--name", "".join(terminal_injections())],
    ):
        code, out, _err = run_clean(capsys, *argv)
        assert code == 0 and out.strip(), argv
    code, out, _ = run_clean(capsys, "risks", hostile_file)
    # A terminated OSC goes whole (title, clipboard, hyperlink target); an unterminated one shows as text.
    assert code == 0 and "0;pwned" not in out and "52;c;" not in out and "8;;http" not in out
    assert "2;pwned title" in out
    assert any("click me" in line for line in out.splitlines())  # the text of an OSC 8 link stays


def test_json_output_is_clean_and_exact(hostile_file, corpus, capsys):
    _code, out, _ = run_clean(capsys, "risks", hostile_file, "--json")
    assert sorted(r["title"] for r in json.loads(out)["risks"]) == sorted(r.title for r in corpus.risks)
    _code, out, _ = run_clean(capsys, "rank", hostile_file, "--json")
    assert sorted(r["title"] for r in json.loads(out)["requirements"]) == sorted(r.title for r in corpus.requirements)
    _code, out, _ = run_clean(capsys, "schedule", hostile_file, "--runs", "20")
    assert {i["title"] for i in json.loads(out)["schedule"]} == {i.title for i in corpus.items}


def test_import_messages_quote_the_csv_cleanly(tmp_path, hostile_file, corpus, capsys):
    table = tmp_path / "in.csv"
    headers = ["Title", *(f"col {t}" for t in terminal_injections()), "Effort"]
    rows = [[t, *terminal_injections(), t] for t in terminal_injections()]  # effort is not a number
    table.write_text(
        "\n".join(",".join(json.dumps(cell) for cell in row) for row in [headers, *rows]), encoding="utf-8"
    )
    code, out, _ = run_clean(capsys, "import", hostile_file, "--csv", table, "--dry-run")
    assert code == 0 and "problem" in out and "ignored columns" in out
    mapped = f"col {terminal_injections()[0]}=owner"
    run_clean(capsys, "import", hostile_file, "--csv", table, "--dry-run", "--map", mapped)
    run_clean(capsys, "import", hostile_file, "--csv", table, "--map", "nope\x1b]0;x\x07=title")
    ours = tmp_path / "ours.csv"
    ours.write_text("\ufeff" + csv_text(corpus, "requirement"), encoding="utf-8", newline="")
    code, out, _ = run_clean(capsys, "import", hostile_file, "--csv", ours, "--dry-run")
    assert code == 0


def usable_names() -> list[str]:
    """The corpus strings with a control character that a file name can hold here (no slash, no NUL, at
    most 200 bytes); the others are plain text to a terminal."""
    return [
        t for t in all_injections() if CONTROLS.search(t) and "/" not in t and "\0" not in t and len(t.encode()) <= 200
    ]


def test_messages_that_quote_file_names(tmp_path, capsys):
    small = tmp_path / "small.roadmap"  # the names are the point here: a one-entity project is quick
    save_project(corpus_project(terminal_injections()), small)
    for name in usable_names():
        path = tmp_path / f"{name}.roadmap"
        code, _out, err = run_clean(capsys, "check", path)
        assert code == 2 and err.count("\n") == 1, (name, err)  # missing: one line
        shutil.copyfile(small, path)
        code, out, _ = run_clean(capsys, "check", path)
        assert code == 0 and "OK" in out, name
        code, out, _ = run_clean(capsys, "export", path, "-o", tmp_path / f"{name}.md")
        assert code == 0 and out.startswith("wrote "), name
        run_clean(capsys, "import", path, "--csv", tmp_path / f"{name}.csv")
        path.unlink()


# -- model files and model servers ----------------------------------------------------------------


def gguf_string(text: str) -> bytes:
    raw = text.encode("utf-8")
    return struct.pack("<Q", len(raw)) + raw


def tiny_gguf(name: str) -> bytes:
    """A well-formed GGUF, one that passes the header checks, whose architecture and name are ``name``."""
    return gguf_bytes(tiny_metadata(arch=name, general__name=name))


def test_model_names_and_headers_print_cleanly(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    folder = tmp_path / "data" / "models"
    folder.mkdir(parents=True)
    hostile = "".join(terminal_injections())
    names = [n for n in usable_names() if n in terminal_injections()]
    for index, name in enumerate(names):
        (folder / f"{name}{index}.gguf").write_bytes(tiny_gguf(hostile))
        (folder / f"broken {name}{index}.gguf").write_bytes(b"GGUF" + name.encode())
    code, out, _ = run_clean(capsys, "models")
    assert code == 0 and "unusable" in out and "click me" in out
    code, out, _ = run_clean(capsys, "models", "--json")
    assert hostile in [m.get("name") for m in json.loads(out)["models"]]
    for name in names[:5]:
        code, _out, err = run_clean(capsys, "serve", "--model", folder / f"broken {name}0.gguf")
        assert code == 2 and err.count("\n") == 1
        code, _out, err = run_clean(capsys, "assist", tmp_path / f"{name}.roadmap", "--task", "risks")
        assert code == 2 and err.count("\n") == 1


class _HostileServer(http.server.BaseHTTPRequestHandler):
    """A model server whose every answer is an error carrying terminal sequences."""

    def do_GET(self):  # the handler's API names it
        body = json.dumps({"error": {"message": "".join(terminal_injections())}}).encode()
        self.send_response(500, "\x1b]0;pwned\x07Boom")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def test_a_model_servers_error_text_prints_cleanly(tmp_path, capsys):
    small = tmp_path / "small.roadmap"  # assist grounds a draft in every title first: keep it small
    save_project(corpus_project(terminal_injections()), small)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _HostileServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        argv = ["assist", small, "--task", "requirements", "--brief", "A help desk bot", "--model", url]
        code, _out, err = run_clean(capsys, *argv)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert code == 2 and err.count("\n") == 1 and "model server" in err, err


# -- pipes and full disks, in real processes ------------------------------------------------------


def command(*argv: object) -> list[str]:
    return [sys.executable, "-m", "roadmap_desktop", *(str(a) for a in argv)]


ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


def run_with_closed_stdout(argv: list[str]) -> tuple[int, str]:
    """Run ``argv`` with a stdout pipe closed before the child writes a byte: its exit code and stderr."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=ROOT)
    process.stdout.close()  # every write meets a closed pipe, as `| head` leaves it
    with process.stderr:
        err = process.stderr.read().decode("utf-8", "replace")
    return process.wait(timeout=60), err


@pytest.mark.parametrize(
    "argv",
    [
        ("risks", "{file}"),
        ("risks", "{file}", "--json"),
        ("rank", "{file}"),
        ("rank", "{file}", "--json"),
        ("check", "{file}"),
        ("schedule", "{file}", "--runs", "20"),
        ("--help",),
    ],
)
def test_a_closed_pipe_ends_quietly(hostile_file, argv):
    """Issue 16 item 12: the reader is gone before the command writes a byte (as `| head` leaves it)."""
    args = [str(a).format(file=hostile_file) for a in argv]
    code, err = run_with_closed_stdout(command(*args))
    assert code == 0 and err == "", (args, err)


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head(1)")
def test_risks_into_head_c_1(tmp_path):
    """`risks FILE | head -c 1` and `rank --json FILE | head`, with more output than a pipe holds."""
    big = corpus_project(all_injections() * 3)
    path = tmp_path / "big.roadmap"
    save_project(big, path)
    for argv, head in ((("risks", path), ["head", "-c", "1"]), (("rank", "--json", path), ["head"])):
        producer = subprocess.Popen(command(*argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=ROOT)
        with producer.stdout, producer.stderr:
            reader = subprocess.run(head, stdin=producer.stdout, capture_output=True, timeout=60)
            producer.stdout.close()  # as the shell leaves it: only head holds the reading end
            err = producer.stderr.read().decode("utf-8", "replace")
        assert producer.wait(timeout=60) == 0 and err == "", (argv, err)
        assert reader.returncode == 0 and reader.stdout


def test_the_self_test_into_a_closed_pipe(tmp_path):
    """`--self-test | head -c 1` printed a BrokenPipeError traceback: it ran outside the terminal guard."""
    code, err = run_with_closed_stdout([*command("--self-test")])
    assert code in (0, 1) and err == "", err  # 1 where this machine has no model: the verdict, no traceback


def test_a_closed_pipe_does_not_stop_a_save(tmp_path, hostile_file):
    """`schedule --apply FILE | head -1`: the output is dropped, the save happens."""
    before = hostile_file.read_bytes()
    code, err = run_with_closed_stdout(command("schedule", hostile_file, "--runs", "20", "--apply"))
    assert code == 0 and "Traceback" not in err, err
    assert hostile_file.read_bytes() != before and "saved" in err


def test_both_streams_closed(tmp_path):
    process = subprocess.Popen(
        command("check", tmp_path / "missing.roadmap"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV
    )
    process.stdout.close()
    process.stderr.close()
    assert process.wait(timeout=60) == 2  # the command's own verdict, without a word or a hang


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_behind_the_output_is_one_line(hostile_file):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            command("rank", "--json", hostile_file), stdout=full, stderr=subprocess.PIPE, env=ENV, text=True
        )
    assert result.returncode == 2, result.stderr
    assert result.stderr == "roadmap-desktop: cannot write the output: No space left on device\n"
