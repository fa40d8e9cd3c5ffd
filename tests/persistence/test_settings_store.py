"""The settings store: JSON on disk, defaults on corruption, the recent-files list."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from roadmap_desktop.persistence.errors import SaveError
from roadmap_desktop.persistence.settings import MAX_RECENT, Settings, default_settings


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def test_set_get_and_persist(settings_path: Path) -> None:
    settings = Settings(settings_path)
    assert settings.get("language") is None and settings.get("language", "en") == "en"
    settings.set("language", "zh")
    settings.set("window", {"width": 800, "splitter": [1, 2]})
    again = Settings(settings_path)
    assert again.get("language") == "zh" and again.get("window") == {"width": 800, "splitter": [1, 2]}
    assert "zh" in settings_path.read_text("utf-8")


def test_returned_values_are_copies(settings_path: Path) -> None:
    settings = Settings(settings_path)
    settings.set("list", [1, 2])
    settings.get("list").append(3)  # type: ignore[union-attr]
    assert settings.get("list") == [1, 2]


@pytest.mark.parametrize(
    "content",
    [b"{", b"not json", b"\xff\xfe\x00binary", b"[1, 2]", b'"text"', b"", b"[" * 100_000],
    ids=["truncated", "text", "binary", "list", "string", "empty", "deep"],
)
def test_corrupt_file_yields_defaults(settings_path: Path, content: bytes) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_bytes(content)
    settings = Settings(settings_path)
    assert settings.get("anything", 5) == 5 and settings.recent_files() == []
    settings.set("fixed", True)  # the next write replaces the corrupt file
    assert json.loads(settings_path.read_text("utf-8")) == {"fixed": True}


def test_folder_in_place_of_the_file_yields_defaults(settings_path: Path) -> None:
    settings_path.mkdir(parents=True)
    assert Settings(settings_path).as_dict() == {}


def test_write_failure_keeps_the_value_in_memory(settings_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(settings_path)
    settings.set("a", 1)

    def denied(*args, **kwargs):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(SaveError, match="you lack permission"):
        settings.set("a", 2)
    monkeypatch.undo()
    assert settings.get("a") == 2
    assert Settings(settings_path).get("a") == 1
    assert [p.name for p in settings_path.parent.iterdir()] == ["settings.json"]


def test_unserialisable_value_is_refused_without_storing(settings_path: Path) -> None:
    settings = Settings(settings_path)
    with pytest.raises(TypeError):
        settings.set("bad", object())
    assert settings.get("bad") is None


def test_recent_files_order_dedup_and_limit(settings_path: Path, tmp_path: Path) -> None:
    settings = Settings(settings_path)
    files = [tmp_path / f"p{n}.roadmap" for n in range(12)]
    for path in files:
        settings.add_recent(path)
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT == 10
    assert recent == [str(p.resolve()) for p in reversed(files)][:10]
    # Re-adding moves to the front without duplicating, whatever spelling the path has.
    settings.add_recent(tmp_path / "sub" / ".." / "p5.roadmap")
    recent = settings.recent_files()
    assert recent[0] == str(files[5].resolve()) and len(recent) == 10 and len(set(recent)) == 10
    settings.remove_recent(str(files[5]))
    assert str(files[5].resolve()) not in settings.recent_files()
    settings.remove_recent(tmp_path / "never-added.roadmap")
    assert Settings(settings_path).recent_files() == settings.recent_files()


def test_recent_files_keep_missing_files(settings_path: Path, tmp_path: Path) -> None:
    settings = Settings(settings_path)
    settings.add_recent(tmp_path / "gone.roadmap")
    assert settings.recent_files() == [str((tmp_path / "gone.roadmap").resolve())]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_recent_files_dedup_through_symlinks(settings_path: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.roadmap"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.roadmap"
    link.symlink_to(real)
    settings = Settings(settings_path)
    settings.add_recent(real)
    settings.add_recent(link)
    assert settings.recent_files() == [str(real.resolve())]


def test_recent_list_tolerates_garbage(settings_path: Path) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text(json.dumps({"recent_files": ["/a.roadmap", 3, None, "", "/b.roadmap"]}), "utf-8")
    assert Settings(settings_path).recent_files() == ["/a.roadmap", "/b.roadmap"]
    settings_path.write_text(json.dumps({"recent_files": "oops"}), "utf-8")
    assert Settings(settings_path).recent_files() == []


def test_default_settings_live_in_the_config_dir(app_home: Path) -> None:
    settings = default_settings()
    assert settings.path == app_home / "config" / "settings.json"
    settings.set("x", 1)
    assert default_settings().get("x") == 1
