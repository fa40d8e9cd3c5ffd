"""App folders: ROADMAP_DESKTOP_HOME overrides platformdirs; folders are created on demand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_desktop.persistence import paths

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_home_override(app_home: Path) -> None:
    assert not app_home.exists()
    assert paths.data_dir() == app_home / "data" and (app_home / "data").is_dir()
    assert paths.config_dir() == app_home / "config" and (app_home / "config").is_dir()
    assert paths.recovery_dir() == app_home / "data" / "recovery" and paths.recovery_dir().is_dir()


def test_platformdirs_without_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROADMAP_DESKTOP_HOME")
    calls: list[tuple] = []

    def fake(kind: str):
        def where(appname, appauthor=None, **kwargs):
            calls.append((kind, appname, appauthor))
            return str(tmp_path / kind)

        return where

    monkeypatch.setattr(paths.platformdirs, "user_data_dir", fake("data"))
    monkeypatch.setattr(paths.platformdirs, "user_config_dir", fake("config"))
    assert paths.data_dir() == tmp_path / "data" and paths.data_dir().is_dir()
    assert paths.config_dir() == tmp_path / "config"
    assert calls[0] == ("data", "roadmap-desktop", False)


def test_uncreatable_folder_is_still_returned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ROADMAP_DESKTOP_HOME", str(blocker))
    assert paths.config_dir() == blocker / "config"  # the later write reports the problem


def test_repo_resources_and_models() -> None:
    assert paths.resources_dir() == REPO_ROOT / "resources"
    assert paths.models_dir() == REPO_ROOT / "models"


def test_persistence_imports_neither_qt_nor_llama() -> None:
    code = (
        "import sys, roadmap_desktop.persistence.project_file, roadmap_desktop.persistence.autosave, "
        "roadmap_desktop.persistence.settings, roadmap_desktop.persistence.migrations; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'llama_cpp')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
