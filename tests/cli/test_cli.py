"""The real entry point in subprocesses: new, check, --version and a GUI start offscreen."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from roadmap_desktop import __version__


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "roadmap_desktop", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_new_then_check(tmp_path):
    path = tmp_path / "p.roadmap"
    result = run("new", "-o", str(path), "--name", "智能客服", "--language", "zh")
    assert result.returncode == 0, result.stderr
    data = json.loads(path.read_text("utf-8"))
    assert data["project"]["name"] == "智能客服" and len(data["lanes"]) == 8
    assert "需求分析" in data["lanes"][0]["name"]
    check = run("check", str(path))
    assert check.returncode == 0 and "OK" in check.stdout
    again = run("new", "-o", str(path))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_check_bad_files_one_line(tmp_path):
    cases = {
        "trunc.roadmap": b'{"format": "roadmap-desktop", "format_version": 3, "project": {"na',
        "bin.roadmap": bytes(range(256)),
        "newer.roadmap": json.dumps({"format": "roadmap-desktop", "format_version": 99, "project": {}}).encode(),
        "typed.roadmap": json.dumps({"format": "roadmap-desktop", "format_version": 3, "project": 5}).encode(),
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = run("check", str(path))
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and name in lines[0], (name, result.stderr)
        assert "Traceback" not in result.stderr
        assert path.read_bytes() == content
    missing = run("check", str(tmp_path / "nope.roadmap"))
    assert missing.returncode == 2 and "nope.roadmap" in missing.stderr


def test_gui_starts_offscreen_and_opens_file(tmp_path):
    path = tmp_path / "start.roadmap"
    assert run("new", "-o", str(path), "--name", "Smoke").returncode == 0
    env_home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ROADMAP_DESKTOP_HOME=str(env_home))
    result = subprocess.run(
        [sys.executable, "-m", "roadmap_desktop", str(path), "--quit-after", "300"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "window shown: Smoke — start.roadmap" in result.stdout
