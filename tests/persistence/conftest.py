"""Shared fixtures for the persistence tests: an isolated app home and a richly filled project."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from persistence_samples import build_project

from roadmap_desktop.domain.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real user folders."""
    home = tmp_path / "app-home"
    monkeypatch.setenv("ROADMAP_DESKTOP_HOME", str(home))
    return home


@pytest.fixture
def make_project() -> Callable[..., Project]:
    return build_project


@pytest.fixture
def sample_project() -> Project:
    return build_project()


@pytest.fixture
def v1_fixture() -> Path:
    return FIXTURES / "v1_project.roadmap"


@pytest.fixture
def v2_fixture() -> Path:
    return FIXTURES / "v2_project.roadmap"
