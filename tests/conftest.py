"""Test-wide set-up: headless Qt, and a throwaway home so tests never touch the user's own
settings or autosave. This runs before any test module is imported, so before anything imports Qt
or reads ROADMAP_DESKTOP_HOME."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The assistant looks for model servers on this computer's usual ports (11434, 1234, 8080): not in
# tests, whose results must not depend on what else runs here; a test that wants it names its ports.
os.environ["ROADMAP_DESKTOP_SERVER_PORTS"] = ""

_PREFIX = "roadmap-desktop-test-home-"


def _remove_stale_homes() -> None:
    """Remove homes of earlier sessions that died (an abort skips pytest_unconfigure)."""
    if os.name != "posix":
        return
    for path in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*-*"):
        pid = path.name.removeprefix(_PREFIX).partition("-")[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
        except OSError:
            pass  # alive, or not ours to judge


_remove_stale_homes()
# Per test session, and inherited by subprocesses the tests start. Deliberately not setdefault:
# a developer's own ROADMAP_DESKTOP_HOME must not leak into the tests either.
_SESSION_HOME = tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-")
os.environ["ROADMAP_DESKTOP_HOME"] = _SESSION_HOME


def pytest_unconfigure(config):
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def _background_work_finished():
    """Forecasts run on Qt's global thread pool; one left running would outlive its test's window
    and disturb the next test (the reference-count checks see its work)."""
    yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)
