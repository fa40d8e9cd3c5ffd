"""Test-wide set-up: headless Qt, and a throwaway home so tests never touch the user's own
settings or autosave. This runs before any test module is imported, so before anything imports Qt
or reads ROADMAP_DESKTOP_HOME."""

from __future__ import annotations

import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Per test session, and inherited by subprocesses the tests start. Deliberately not setdefault:
# a developer's own ROADMAP_DESKTOP_HOME must not leak into the tests either.
_SESSION_HOME = tempfile.mkdtemp(prefix="roadmap-desktop-test-home-")
os.environ["ROADMAP_DESKTOP_HOME"] = _SESSION_HOME


def pytest_unconfigure(config):
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)
