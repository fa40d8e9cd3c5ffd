"""Crash isolation for local models: before the app loads a model file the first time, a short-lived
child process loads it and computes one token.

Some values in a model file make llama.cpp abort its process (``GGML_ASSERT``), which no Python code
can catch: in the GUI that lost the unsaved work, in ``assist``, ``serve`` and ``--self-test`` it
ended the command without a word. ``gguf_checks.py`` refuses the values known to do that from the
header; the probe catches the rest: a child that dies is reported in one line ("the model crashed
llama.cpp while loading: GGML_ASSERT(...) failed") and the model is refused.

The child is this program again (``roadmap-desktop --probe-model PATH``, in a bundle too), so it
loads the model the way the app does, on the CPU and with a small context. The verdict is kept in
the user data folder per file (path, size, modification time) and app and llama.cpp version: the
check costs one extra load the first time a model file is used, and nothing after. Only verdicts
that say something about the file are kept (it loads, or it crashes llama.cpp); a clean failure,
a timeout, a stop or a child killed from outside are reported and checked again next time.

No llama_cpp here: the child imports the engine, the parent never does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..persistence.atomic import atomic_write_text
from ..persistence.errors import SaveError
from ..persistence.paths import data_dir
from .catalog import BrokenModel, ModelFileError, ModelInfo, find_models, read_model_info
from .chat_template import compile_problem
from .engine_api import CancelFlag

PROBE_ARG = "--probe-model"  # cli.main hands this to child_main before anything else
PROBE_N_CTX = 256
BASE_TIMEOUT_S = 120.0
TIMEOUT_PER_GIB_S = 60.0  # the first token reads every weight once: slow disks, big files
CACHE_NAME = "model-checks.json"
CACHE_FORMAT = 1
MAX_CACHE_ENTRIES = 256
MAX_CACHE_BYTES = 1 << 20
OUTPUT_TAIL_BYTES = 64 * 1024  # of the child's output, enough for llama.cpp's last words
_LOADED = "probe: loaded"  # the child's mark between loading and computing
_POLL_S = 0.05
_ASSERT = re.compile(r"(GGML_ASSERT\(.*\) failed)")
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Verdict:
    ok: bool
    problem: str = ""  # one line, when not ok
    cached: bool = False  # from an earlier check of the same file


# -- what callers use ----------------------------------------------------------------------------


def check_model(
    path: str | os.PathLike[str],
    *,
    cancel: CancelFlag = None,
    on_probe: Callable[[], None] | None = None,
    timeout: float | None = None,
) -> ModelInfo:
    """Everything before a local model is loaded in this process; raises ModelFileError (one line).

    The header first (``read_model_info``: a regular file, well-formed, no value llama.cpp asserts
    on), then the probe's verdict: the kept one, or a fresh probe (``on_probe`` is called first,
    for a "checking…" note). ``cancel`` stops a running probe.
    """
    info = read_model_info(path)
    verdict = cached_verdict(path)
    if verdict is None:
        if on_probe is not None:
            on_probe()
        verdict = probe_model(path, cancel=cancel, timeout=timeout)
    if not verdict.ok:
        raise ModelFileError(path, verdict.problem)
    return info


def check_model_for_server(
    path: str | os.PathLike[str],
    *,
    cancel: CancelFlag = None,
    on_probe: Callable[[], None] | None = None,
    timeout: float | None = None,
) -> ModelInfo:
    """``check_model``, and chat templates that llama-cpp-python's server can compile: its ``Llama()``
    compiles every template in the file and stops with a traceback on one it cannot (for ``serve``)."""
    info = check_model(path, cancel=cancel, on_probe=on_probe, timeout=timeout)
    for key, value in info.metadata.items():
        if key == "tokenizer.chat_template" or key.startswith("tokenizer.chat_template."):
            problem = compile_problem(value)
            if problem:
                raise ModelFileError(path, f"{key}: {problem}; llama-cpp-python's server cannot start with it")
    return info


def find_checked_models(extra_dirs: Sequence[str | os.PathLike[str]] = ()) -> list[ModelInfo | BrokenModel]:
    """``catalog.find_models``, with the models an earlier probe refused listed as unusable."""
    found: list[ModelInfo | BrokenModel] = []
    for entry in find_models(tuple(extra_dirs)):
        verdict = cached_verdict(entry.path) if isinstance(entry, ModelInfo) else None
        if verdict is not None and not verdict.ok:
            entry = BrokenModel(entry.path, str(ModelFileError(entry.path, verdict.problem)), entry.file_size)
        found.append(entry)
    return found


# -- the probe -----------------------------------------------------------------------------------


def probe_command(path: str | os.PathLike[str]) -> list[str]:
    """The child's command line: the bundle's own executable, or this Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, PROBE_ARG, str(path)]
    return [sys.executable, "-m", "roadmap_desktop", PROBE_ARG, str(path)]


def probe_timeout(path: str | os.PathLike[str]) -> float:
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    return BASE_TIMEOUT_S + TIMEOUT_PER_GIB_S * size / (1 << 30)


def probe_model(
    path: str | os.PathLike[str],
    *,
    cancel: CancelFlag = None,
    timeout: float | None = None,
    command: Sequence[str] | None = None,
) -> Verdict:
    """Load ``path`` in a child process and judge how that went; keep the verdict when it says
    something about the file. Raises ModelFileError when the probe could not finish (stopped,
    timed out, could not start). ``command`` replaces the child's command line (tests)."""
    path = Path(path)
    key = _verdict_key(path)
    argv = list(command) if command is not None else probe_command(path)
    limit = probe_timeout(path) if timeout is None else timeout
    returncode, out, err = _run_child(path, argv, limit, cancel)
    verdict, keep = _judge(returncode, out, err)
    if keep and key is not None:
        _store(key, verdict)
    return verdict


def _run_child(path: Path, argv: list[str], limit: float, cancel: CancelFlag) -> tuple[int, str, str]:
    env = dict(os.environ, GGML_NO_BACKTRACE="1")  # ggml would attach gdb to print a backtrace
    extra: dict[str, object] = {}
    if os.name == "nt":
        extra["creationflags"] = subprocess.CREATE_NO_WINDOW  # type: ignore[attr-defined]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, **extra)
        except OSError as exc:
            raise ModelFileError(path, f"the model check could not start ({exc.strerror or exc})") from None
        deadline = time.monotonic() + limit
        try:
            while True:
                try:
                    returncode = child.wait(timeout=_POLL_S)
                    break
                except subprocess.TimeoutExpired:
                    pass
                if _is_set(cancel):
                    raise ModelFileError(path, "the model check was stopped")
                if time.monotonic() > deadline:
                    raise ModelFileError(
                        path, f"loading it in a test run took more than {limit:.0f} s; it was not loaded"
                    )
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        return returncode, _tail(out), _tail(err)


def _judge(returncode: int, out: str, err: str) -> tuple[Verdict, bool]:
    """(the verdict, whether to keep it) from the child's exit status and output."""
    report = _last_report(out)
    if returncode == 0 and report is not None:
        ok = report.get("ok") is True
        problem = " ".join(str(report.get("problem") or "").split())
        return Verdict(ok, "" if ok else problem or "llama.cpp could not load it"), ok
    if os.name != "nt" and returncode == -signal.SIGKILL:
        return Verdict(False, "the test load was killed from outside (out of memory?)"), False
    if returncode == 1 and "Traceback (most recent call last)" in err:
        last = next((line for line in reversed(err.splitlines()) if line.strip()), "")
        return Verdict(False, f"the model check could not run ({_short(last)})"), False
    phase = "while computing its first token" if _LOADED in out else "while loading"
    return Verdict(False, f"the model crashed llama.cpp {phase}: {_crash_detail(returncode, err)}"), True


def _crash_detail(returncode: int, err: str) -> str:
    how = _exit_name(returncode)
    for line in reversed(err.splitlines()):
        found = _ASSERT.search(line)
        if found:
            return f"{_short(found.group(1))} ({how})"
        if "what():" in line:
            return f"{_short(line.split('what():', 1)[1].strip())} ({how})"
    return how


def _exit_name(returncode: int) -> str:
    if returncode < 0:
        with contextlib.suppress(ValueError):
            return f"the process ended with {signal.Signals(-returncode).name}"
        return f"the process ended with signal {-returncode}"
    return f"the process ended with exit code {returncode}"


def _last_report(out: str) -> dict[str, object] | None:
    for line in reversed(out.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            with contextlib.suppress(ValueError):
                report = json.loads(line)
                if isinstance(report, dict) and "ok" in report:
                    return report
    return None


def _tail(stream) -> str:
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(max(0, size - OUTPUT_TAIL_BYTES))
    return stream.read().decode("utf-8", errors="replace")


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_set(cancel: CancelFlag) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


# -- the child -----------------------------------------------------------------------------------


def child_main(argv: list[str]) -> int:
    """``roadmap-desktop --probe-model PATH``: load PATH, compute one token, print a JSON verdict.

    A clean failure is a verdict too (exit 0); a crash of llama.cpp ends this process, which is
    what the parent watches for.
    """
    if len(argv) != 1:
        print(f"usage: roadmap-desktop {PROBE_ARG} MODEL.gguf", file=sys.stderr)
        return 2
    from .engine import Engine, default_threads  # llama.cpp: loaded in this child only
    from .engine_api import EngineError

    engine = Engine()
    try:
        try:
            # verbose: llama-cpp-python silences stderr while loading otherwise, and llama.cpp says why it aborts there
            engine.load(argv[0], n_ctx=PROBE_N_CTX, n_threads=min(2, default_threads()), n_gpu_layers=0, verbose=True)
            print(_LOADED, flush=True)
            engine.first_token()
        except EngineError as exc:
            print(json.dumps({"ok": False, "problem": str(exc)}), flush=True)
            return 0
        print(json.dumps({"ok": True}), flush=True)
        return 0
    finally:
        engine.close()


# -- kept verdicts -------------------------------------------------------------------------------


def cached_verdict(path: str | os.PathLike[str]) -> Verdict | None:
    """The kept verdict for this very file (same path, size and modification time), if any."""
    key = _verdict_key(Path(path))
    if key is None:
        return None
    entry = _load_cache().get(key)
    if not isinstance(entry, dict) or not isinstance(entry.get("ok"), bool):
        return None
    return Verdict(entry["ok"], str(entry.get("problem") or ""), cached=True)


def cache_path() -> Path:
    return data_dir() / CACHE_NAME


def _verdict_key(path: Path) -> str | None:
    try:
        info = os.stat(path)
        where = os.path.realpath(path)
    except (OSError, ValueError):
        return None
    return json.dumps([where, info.st_size, info.st_mtime_ns, _runtime()])


@functools.cache
def _runtime() -> str:
    """The app's and llama-cpp-python's versions: a new llama.cpp may judge a file differently."""
    from importlib import metadata

    try:
        llama = metadata.version("llama_cpp_python")
    except metadata.PackageNotFoundError:
        llama = "?"
    return f"roadmap-desktop {__version__}, llama-cpp-python {llama}"


def _load_cache() -> dict[str, object]:
    try:
        with open(cache_path(), "rb") as stream:
            data = stream.read(MAX_CACHE_BYTES + 1)
        document = json.loads(data) if len(data) <= MAX_CACHE_BYTES else None
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict) or document.get("format") != CACHE_FORMAT:
        return {}
    verdicts = document.get("verdicts")
    return verdicts if isinstance(verdicts, dict) else {}


def _store(key: str, verdict: Verdict) -> None:
    """Keep a verdict; a cache that cannot be written only means checking again next time."""
    with _CACHE_LOCK:
        verdicts = _load_cache()
        verdicts[key] = {
            "ok": verdict.ok,
            "problem": verdict.problem,
            "checked_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        }
        if len(verdicts) > MAX_CACHE_ENTRIES:
            newest = sorted(verdicts.items(), key=lambda item: str(_checked_at(item[1])), reverse=True)
            verdicts = dict(newest[:MAX_CACHE_ENTRIES])
        text = json.dumps({"format": CACHE_FORMAT, "verdicts": verdicts}, ensure_ascii=False, indent=1)
        with contextlib.suppress(SaveError, OSError):
            atomic_write_text(cache_path(), text)


def _checked_at(entry: object) -> object:
    return entry.get("checked_at", "") if isinstance(entry, dict) else ""
