"""Where the app keeps its data, configuration, bundled resources and model files."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "roadmap-desktop"
HOME_ENV = "ROADMAP_DESKTOP_HOME"  # one folder for everything: tests and portable workshop setups

_REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Per-user data folder (recovery files live under it); created on first use."""
    return _ensure(_home_subdir("data") or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    """Per-user configuration folder (settings.json); created on first use."""
    return _ensure(_home_subdir("config") or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def recovery_dir() -> Path:
    """Folder of autosaved recovery files."""
    return _ensure(data_dir() / "recovery")


def resources_dir() -> Path:
    """Read-only bundled files (the JSON Schema, ...): inside a PyInstaller bundle, else the repo's."""
    return _bundle_root() / "resources"


def models_dir() -> Path:
    """Folder of GGUF model files: inside a PyInstaller bundle, else the repo's models/."""
    return _bundle_root() / "models"


def user_guide_files() -> list[Path]:
    """The README and docs/*.md shipped with the app (Help > User Guide), README first; missing ones left out."""
    root = _bundle_root()
    return [file for file in [root / "README.md", *sorted((root / "docs").glob("*.md"))] if file.is_file()]


def _bundle_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else _REPO_ROOT


def _home_subdir(name: str) -> Path | None:
    home = os.environ.get(HOME_ENV, "").strip()
    return Path(home).expanduser() / name if home else None


def _ensure(folder: Path) -> Path:
    # A folder that cannot be created is reported by the write that needs it, naming the folder.
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return folder
