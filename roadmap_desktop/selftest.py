"""`roadmap-desktop --self-test`: check that this installation works here, offline, and say what failed.

Starts the app's window (offscreen unless QT_QPA_PLATFORM asks for a display), reads the bundled
resources, loads the default model and generates a few tokens, saves and reopens a project and
exports a PDF. Prints one line per check and returns 0, or 1 naming the checks that failed. Runs in
a throwaway ROADMAP_DESKTOP_HOME, so the user's settings and recovery files are never touched.
Set ROADMAP_DESKTOP_SELFTEST_MODEL to check another GGUF file instead of the default model.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import __version__
from .persistence.paths import HOME_ENV

MODEL_ENV = "ROADMAP_DESKTOP_SELFTEST_MODEL"
TEMPLATE_ID = "customer_service"
MAX_TOKENS = 8
EXIT_PASSED = 0
EXIT_FAILED = 1


class CheckFailed(Exception):
    """A check's expected outcome did not happen; ``str()`` says what was found instead."""


@dataclass
class Outcome:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class _State:
    """What the checks hand to each other."""

    folder: Path
    app: object = None
    window: object = None
    project_path: Path | None = None
    project: object = None
    dialogs: list[str] | None = None


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check (a failed one does not stop the rest); 0 when all passed, else 1."""
    out = out or sys.stdout
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="roadmap-desktop-selftest-"))
    previous_home = os.environ.get(HOME_ENV)
    os.environ[HOME_ENV] = str(folder / "home")
    state = _State(folder=folder, dialogs=[])
    print(f"roadmap-desktop {__version__} self-test: {_where()}", file=out, flush=True)
    outcomes: list[Outcome] = []
    try:
        for name, check in _CHECKS:
            outcome = _run(name, check, state)
            outcomes.append(outcome)
            mark = "ok  " if outcome.ok else "FAIL"
            print(f"  {mark} {name:<9} {outcome.detail} ({outcome.seconds:.2f} s)", file=out, flush=True)
    finally:
        _close(state)
        shutil.rmtree(folder, ignore_errors=True)
        if previous_home is None:
            os.environ.pop(HOME_ENV, None)
        else:
            os.environ[HOME_ENV] = previous_home
    failed = [o.name for o in outcomes if not o.ok]
    total = time.perf_counter() - started
    if failed:
        print(f"self-test FAILED: {', '.join(failed)} ({len(failed)} of {len(outcomes)} checks)", file=out, flush=True)
        return EXIT_FAILED
    print(f"self-test passed: {len(outcomes)} checks in {total:.1f} s", file=out, flush=True)
    return EXIT_PASSED


def model_path() -> Path:
    """The GGUF file the model check loads: ROADMAP_DESKTOP_SELFTEST_MODEL, else the bundled default."""
    from .llm.catalog import DEFAULT_MODEL_FILE
    from .persistence.paths import models_dir

    override = os.environ.get(MODEL_ENV, "").strip()
    return Path(override).expanduser() if override else models_dir() / DEFAULT_MODEL_FILE


def _where() -> str:
    from .persistence.paths import resources_dir

    kind = "bundle" if getattr(sys, "frozen", False) else "source"
    return (
        f"{kind} at {resources_dir().parent}; Python {platform.python_version()}; "
        f"{platform.system()} {platform.machine()}; Qt platform {os.environ.get('QT_QPA_PLATFORM')}"
    )


def _run(name: str, check: Callable[[_State], str], state: _State) -> Outcome:
    started = time.perf_counter()
    try:
        detail = check(state)
        ok = True
    except CheckFailed as exc:
        detail, ok = str(exc), False
    except Exception as exc:  # anything at all is a failed check with its reason, never a crash
        detail, ok = f"{type(exc).__name__}: {exc}", False
        if os.environ.get("ROADMAP_DESKTOP_SELFTEST_TRACEBACK"):
            traceback.print_exc()
    if ok and state.dialogs:
        detail, ok = f"an unexpected dialog appeared: {state.dialogs[-1]}", False
        state.dialogs.clear()
    return Outcome(name, ok, " ".join(detail.split()), time.perf_counter() - started)


# -- the checks -------------------------------------------------------------------------------


def _check_window(state: _State) -> str:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .app import create_application
    from .persistence.autosave import RecoveryStore
    from .persistence.paths import data_dir
    from .persistence.settings import default_settings
    from .ui.main_window import MainWindow

    app = create_application()
    state.app = app
    # A modal question would wait for a click that never comes; record and dismiss it instead.
    watchdog = QTimer(app)
    watchdog.setInterval(200)

    def dismiss_dialogs() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            text = getattr(modal, "text", lambda: "")() or modal.windowTitle()
            state.dialogs.append(str(text))
            modal.close()

    watchdog.timeout.connect(dismiss_dialogs)
    watchdog.start()
    window = MainWindow(default_settings(), RecoveryStore(data_dir() / "recovery"))
    state.window = window
    window.show()
    _settle()
    if not window.isVisible():
        raise CheckFailed("the main window did not become visible")
    return f"main window shown ({window.width()}x{window.height()}, platform {QApplication.platformName()})"


def _check_resources(state: _State) -> str:
    from .persistence.paths import resources_dir
    from .persistence.risk_library_file import load_default_risk_library
    from .persistence.template_file import list_templates

    folder = resources_dir()
    schema = folder / "project.schema.json"
    if not schema.is_file():
        raise CheckFailed(f"{schema} is missing")
    risks = len(load_default_risk_library().risks)
    templates = len(list_templates())
    icon = "no GUI to draw the icon"
    if state.app is not None:
        from PySide6.QtGui import QIcon

        # The SVG icon needs Qt's svg plugins, which a bundle can lose.
        if QIcon(str(folder / "icons" / "roadmap-desktop.svg")).pixmap(32, 32).isNull():
            raise CheckFailed("the SVG app icon cannot be drawn (Qt's svg plugin is missing)")
        icon = "SVG icon drawn"
    return f"{folder}: schema, {risks} library risks, {templates} templates, {icon}"


def _check_model(state: _State) -> str:
    from .llm.catalog import ModelFileError
    from .llm.engine import Engine, default_threads
    from .llm.engine_api import EngineError
    from .llm.probe import check_model

    path = model_path()
    try:
        # The header, then a load in a child process (this self-test's home is new, so always):
        # a model that crashes llama.cpp fails this check instead of ending the self-test.
        probe_started = time.perf_counter()
        info = check_model(path)
        probe_seconds = time.perf_counter() - probe_started
    except ModelFileError as exc:
        raise CheckFailed(str(exc)) from None
    engine = Engine()
    try:
        load_started = time.perf_counter()
        # The assistant's own default (a core left free): with every core, ggml's spinning threads
        # share them with the GUI and anything else running, and the check took 0.7-9 s on 2 busy cores.
        loaded = engine.load(path, n_ctx=512, n_threads=default_threads())
        load_seconds = time.perf_counter() - load_started
        stream = engine.stream_chat(
            [{"role": "user", "content": "Say hello in three words."}], max_tokens=MAX_TOKENS, temperature=0.0, seed=1
        )
        text = "".join(stream)
        result = stream.result
    except EngineError as exc:
        raise CheckFailed(str(exc)) from None
    finally:
        engine.close()
    if result.tokens <= 0:
        raise CheckFailed(f"{path.name} loaded but generated no tokens")
    rate = result.tokens / result.seconds if result.seconds > 0 else 0.0
    arch = getattr(info, "architecture", None) or "model"
    return (
        f"{path.name} ({arch}) checked in a child process in {probe_seconds:.2f} s, "
        f"loaded in {load_seconds:.2f} s on {loaded.n_threads} "
        f"thread{'' if loaded.n_threads == 1 else 's'}; "
        f"{result.tokens} tokens at {rate:.0f} tokens/s: {text.strip()[:40]!r}"
    )


def _check_project(state: _State) -> str:
    from .persistence.project_file import dumps_project, load_project, save_project
    from .persistence.template_file import load_template

    project = load_template(TEMPLATE_ID, "en")
    path = state.folder / "self-test.roadmap"
    save_project(project, path)
    reopened = load_project(path).project
    if dumps_project(reopened) != dumps_project(project):
        raise CheckFailed(f"{path.name} reopened differently from what was saved")
    state.project, state.project_path = reopened, path
    shown = ""
    if state.window is not None:
        if not state.window.files.open_path(path):
            raise CheckFailed(f"the window could not open {path.name}")
        _settle()
        shown = f"; opened in the window as {state.window.windowTitle().replace('[*]', '')!r}"
    counts = f"{len(project.requirements)} requirements, {len(project.items)} items, {len(project.risks)} risks"
    return f"saved and reopened {path.name} ({counts}, {path.stat().st_size} bytes){shown}"


def _check_pdf(state: _State) -> str:
    from .export.pdf.document import export_pdf
    from .export.pdf.fonts import cjk_family

    if state.project is None:
        raise CheckFailed("skipped: no project (see the project check)")
    path = state.folder / "self-test.pdf"
    warnings = export_pdf(state.project, path)
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise CheckFailed(f"{path.name} is not a PDF")
    pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page ") or data.count(b"/Type/Page")
    cjk = cjk_family()
    fonts = f"CJK font {cjk}" if cjk else "no CJK font installed: Chinese text would not show"
    extra = f"; warnings: {'; '.join(warnings)}" if warnings else ""
    page_text = f"{pages} pages, " if pages else ""
    return f"exported {path.name} ({page_text}{len(data) // 1024} KiB); {fonts}{extra}"


_CHECKS: list[tuple[str, Callable[[_State], str]]] = [
    ("window", _check_window),
    ("resources", _check_resources),
    ("model", _check_model),
    ("project", _check_project),
    ("pdf", _check_pdf),
]


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def _close(state: _State) -> None:
    window = state.window
    if window is None:
        return
    try:
        window.close()
        _settle()
    except Exception:  # closing must not hide the checks' own results
        traceback.print_exc()
