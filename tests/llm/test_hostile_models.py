"""Hostile model files: the generated corpus (bad values, truncations, huge counts, FIFOs, folders,
devices) is refused in one line without hanging, and the probe refuses a model that crashes
llama.cpp in a child process instead of letting it end the app, `assist`, `serve` or `models`."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hostile_gguf import gguf_bytes, hostile_gguf_cases, special_files, tiny_metadata, with_value

from roadmap_desktop import cli
from roadmap_desktop.cli import main
from roadmap_desktop.llm import probe
from roadmap_desktop.llm.catalog import BrokenModel, ModelFileError, UnusableModelError, find_models, read_model_info
from roadmap_desktop.persistence.paths import HOME_ENV, models_dir

REPO = Path(__file__).resolve().parents[2]
SMOL = models_dir() / "SmolLM2-135M-Instruct.Q4_1.gguf"
PY = sys.executable
# A child that loads the model as the probe does, with the header checks switched off: llama.cpp
# itself meets the bad value (the crash the checks exist to prevent).
UNCHECKED_CHILD = (
    "import sys; from roadmap_desktop.llm import catalog; catalog.header_problem = lambda *a: None; "
    "from roadmap_desktop.llm.probe import child_main; sys.exit(child_main(sys.argv[1:]))"
)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh user data folder: no verdicts kept from other tests."""
    folder = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(folder))
    return folder


def tiny_model(folder: Path, name: str = "tiny.gguf") -> Path:
    path = folder / name
    path.write_bytes(gguf_bytes(tiny_metadata()))
    return path


def one_line(message: str) -> str:
    assert "\n" not in message.strip() and message.strip(), message
    return message


# -- the corpus ---------------------------------------------------------------------------------


def test_the_whole_corpus_is_refused_in_one_line_quickly(tmp_path):
    path = tmp_path / "hostile.gguf"
    read_model_info(tiny_model(tmp_path))  # the generator's well-formed base is accepted
    started = time.perf_counter()
    cases = list(hostile_gguf_cases())
    for case in cases:
        path.write_bytes(case.content)
        with pytest.raises(ModelFileError) as caught:
            read_model_info(path)
        message = one_line(str(caught.value))
        assert str(path) in message and all(word in message for word in case.words), (case.name, message)
    assert len(cases) >= 40
    assert time.perf_counter() - started < 3.0


@pytest.mark.parametrize("value", [0, 4294967295])
def test_the_reported_block_counts_are_refused_before_any_load(tmp_path, value):
    path = tmp_path / "bad-layers.gguf"
    path.write_bytes(gguf_bytes(tiny_metadata(ARCH__block_count=value)))
    with pytest.raises(UnusableModelError, match=f"llama.block_count is {value:,}; llama.cpp can use 1 to 512"):
        read_model_info(path)


def _within(seconds: float, work):
    """Run ``work`` on a thread; fail (instead of hanging the suite) when it does not return in time."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # handed to the test's thread
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (blocked opening a FIFO?)"
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def test_special_files_are_refused_without_blocking(tmp_path):
    made = special_files(tmp_path)
    for description, path in made.items():
        with pytest.raises(ModelFileError) as caught:
            _within(5, lambda path=path: read_model_info(path))
        message = one_line(str(caught.value))
        assert "model" in message or "no such file" in message, (description, message)
        if "FIFO" in description:
            assert "is a named pipe (FIFO), not a model file" in message
    listed = _within(5, lambda: find_models([tmp_path]))
    broken = {entry.path.name for entry in listed if isinstance(entry, BrokenModel)}
    assert {"fifo.gguf", "empty.gguf"} <= broken or os.name == "nt"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_cli(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, **{HOME_ENV: str(home)})
    return subprocess.run(
        [PY, "-m", "roadmap_desktop", *args], capture_output=True, text=True, timeout=timeout, cwd=REPO, env=env
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.slow
def test_a_fifo_in_the_models_folder_does_not_hang_the_commands(tmp_path):
    home = tmp_path / "home"
    folder = home / "data" / "models"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "x.gguf")
    listed = run_cli("models", "--json", home=home, timeout=60)
    assert listed.returncode == 0, listed.stderr
    rows = {Path(row["path"]).name: row for row in json.loads(listed.stdout)["models"]}
    assert "named pipe" in json.dumps(rows["x.gguf"])
    project = tmp_path / "p.roadmap"
    assert main(["new", "-o", str(project), "--name", "Shop"]) == 0
    for command in (
        ["assist", str(project), "--task", "requirements", "--brief", "x", "--model", str(folder / "x.gguf")],
        ["serve", "--model", str(folder / "x.gguf")],
    ):
        done = run_cli(*command, home=home, timeout=60)
        assert done.returncode == 2, done.stderr
        assert "named pipe (FIFO)" in one_line(done.stderr) and done.stdout == ""


# -- the probe, with stand-in children ----------------------------------------------------------


def child(code: str) -> list[str]:
    return [PY, "-c", code]


def test_a_child_that_aborts_is_refused_and_remembered(tmp_path, home):
    model = tiny_model(tmp_path)
    crash = "import sys, os; print('GGML_ASSERT(n_layer > 0) failed', file=sys.stderr, flush=True); os.abort()"
    verdict = probe.probe_model(model, command=child(crash))
    assert not verdict.ok and not verdict.cached
    assert verdict.problem.startswith("the model crashed llama.cpp while loading: GGML_ASSERT(n_layer > 0) failed")
    if os.name == "posix":
        assert "SIGABRT" in verdict.problem
    kept = probe.cached_verdict(model)
    assert kept is not None and kept.cached and kept.problem == verdict.problem
    with pytest.raises(ModelFileError, match=r"crashed llama\.cpp"):
        probe.check_model(model)  # the kept verdict: no second child
    listed = {entry.path.name: entry for entry in probe.find_checked_models([tmp_path])}
    assert isinstance(listed["tiny.gguf"], BrokenModel) and "crashed llama.cpp" in listed["tiny.gguf"].error
    os.utime(model, ns=(time.time_ns(), time.time_ns() + 10**9))  # another file now: checked again
    assert probe.cached_verdict(model) is None


def test_a_crash_after_loading_names_the_first_token(tmp_path, home):
    code = f"import os; print({probe._LOADED!r}, flush=True); os.abort()"
    verdict = probe.probe_model(tiny_model(tmp_path), command=child(code))
    assert "while computing its first token" in verdict.problem


def test_a_clean_refusal_is_reported_but_not_kept(tmp_path, home):
    model = tiny_model(tmp_path)
    code = "import json; print(json.dumps({'ok': False, 'problem': 'Cannot load tiny.gguf:\\n unknown architecture'}))"
    verdict = probe.probe_model(model, command=child(code))
    assert not verdict.ok and verdict.problem == "Cannot load tiny.gguf: unknown architecture"
    assert probe.cached_verdict(model) is None


def test_a_broken_child_a_slow_child_and_a_stop_are_not_verdicts(tmp_path, home):
    model = tiny_model(tmp_path)
    verdict = probe.probe_model(model, command=child("raise SystemExit(__import__('nope'))"))
    assert "could not run" in verdict.problem and probe.cached_verdict(model) is None
    started = time.perf_counter()
    with pytest.raises(ModelFileError, match="took more than 1 s"):
        probe.probe_model(model, command=child("import time; time.sleep(60)"), timeout=1)
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    with pytest.raises(ModelFileError, match="stopped"):
        probe.probe_model(model, command=child("import time; time.sleep(60)"), cancel=stop)
    assert time.perf_counter() - started < 10
    assert probe.cached_verdict(model) is None


def test_a_child_that_loads_is_kept_and_not_asked_again(tmp_path, home, monkeypatch):
    model = tiny_model(tmp_path)
    assert probe.probe_model(model, command=child("print('{\"ok\": true}')")).ok
    monkeypatch.setattr(probe, "probe_model", lambda *a, **k: pytest.fail("probed twice"))
    assert probe.check_model(model).architecture == "llama"


def test_the_header_is_checked_before_any_child(tmp_path, home, monkeypatch):
    monkeypatch.setattr(probe, "probe_model", lambda *a, **k: pytest.fail("a bad header must not be probed"))
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(gguf_bytes(tiny_metadata(ARCH__block_count=0)))
    with pytest.raises(UnusableModelError):
        probe.check_model(bad)


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"format": 1, "verdicts": 5}', b"\xff" * 100])
def test_a_damaged_verdict_file_means_checking_again(tmp_path, home, content):
    model = tiny_model(tmp_path)
    probe.cache_path().parent.mkdir(parents=True, exist_ok=True)
    probe.cache_path().write_bytes(content)
    assert probe.cached_verdict(model) is None
    assert probe.probe_model(model, command=child("print('{\"ok\": true}')")).ok
    assert probe.cached_verdict(model).ok  # and the file is written anew


def test_serve_refuses_a_model_whose_templates_cannot_compile(tmp_path, home, monkeypatch, capsys):
    model = tmp_path / "bad-template.gguf"
    model.write_bytes(gguf_bytes(tiny_metadata(tokenizer__chat_template="{% for m in messages %}{{ m }")))
    monkeypatch.setattr(probe, "probe_model", lambda *a, **k: probe.Verdict(True))
    with pytest.raises(ModelFileError, match=r"tokenizer.chat_template: the chat template cannot be compiled"):
        probe.check_model_for_server(model)
    from roadmap_desktop.commandline import serve

    monkeypatch.setattr(serve, "missing_server_modules", list)
    from roadmap_desktop.llm import model_server

    monkeypatch.setattr(model_server, "build_app", lambda *a, **k: pytest.fail("the server must not start"))
    capsys.readouterr()
    assert main(["serve", "--model", str(model), "--port", str(free_port())]) == 2
    captured = capsys.readouterr()
    note, error = captured.err.strip().splitlines()  # "checking" (the first use), then why not
    assert note == "note: checking bad-template.gguf" and captured.out == ""  # no banner
    assert error.startswith("roadmap-desktop: ") and "cannot be compiled: unexpected '}'" in error


def test_assist_refuses_a_model_that_crashed_its_check_in_one_line(tmp_path, home, capsys):
    model = tiny_model(tmp_path)
    probe.probe_model(model, command=child("import os; os.abort()"))  # the kept verdict: it crashes
    project = tmp_path / "p.roadmap"
    assert main(["new", "-o", str(project), "--name", "Shop"]) == 0
    before = project.read_bytes()
    capsys.readouterr()
    argv = ["assist", str(project), "--task", "requirements", "--brief", "Answers order questions", "--quiet"]
    assert main([*argv, "--model", str(model)]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("roadmap-desktop: ") and "crashed llama.cpp" in err and "tiny.gguf" in err
    assert project.read_bytes() == before


def test_the_probe_argument_is_one_word_for_both_sides():
    assert cli.PROBE_ARG == probe.PROBE_ARG
    assert probe.probe_command("m.gguf")[-2:] == [probe.PROBE_ARG, "m.gguf"]


# -- with llama.cpp ------------------------------------------------------------------------------


needs_smol = pytest.mark.skipif(not SMOL.is_file(), reason="SmolLM2 GGUF not in models/")


@needs_smol
@pytest.mark.llm
@pytest.mark.parametrize("value", [0, 4294967295])
def test_a_block_count_llama_cpp_aborts_on_is_caught_by_the_probe(tmp_path, home, value):
    """The reported crash, for real: llama.cpp asserts and the child dies; the parent reports it."""
    model = with_value(SMOL, tmp_path / "smol-bad-layers.gguf", "llama.block_count", value)
    verdict = probe.probe_model(model, command=[PY, "-c", UNCHECKED_CHILD, str(model)])
    assert not verdict.ok
    assert "crashed llama.cpp while loading: GGML_ASSERT(" in verdict.problem and "LLAMA_MAX_LAYERS" in verdict.problem
    if os.name == "posix":
        assert "SIGABRT" in verdict.problem
    # With the header checks (the app as shipped) the same file is refused before llama.cpp sees it.
    with pytest.raises(UnusableModelError, match="block_count"):
        probe.check_model(model)


@needs_smol
@pytest.mark.llm
def test_the_real_model_passes_its_check_once(home):
    started = time.perf_counter()
    info = probe.check_model(SMOL)  # a real child: roadmap-desktop --probe-model
    assert info.architecture == "llama" and probe.cached_verdict(SMOL).ok
    first = time.perf_counter() - started
    started = time.perf_counter()
    probe.check_model(SMOL)
    assert time.perf_counter() - started < min(0.5, first)
