"""`roadmap-desktop --self-test` from the development install: passes with the default model, and names
what failed (exit 1) when the model is missing, without touching the user's home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_desktop import selftest
from roadmap_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
CHECKS = ("window", "resources", "model", "project", "pdf")


def run_self_test(tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "user-home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROADMAP_DESKTOP_HOME": str(home), **extra_env}
    done = subprocess.run(
        [sys.executable, "-m", "roadmap_desktop", "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The self-test works in its own throwaway home, never the one it was started with.
    assert not home.exists(), f"the self-test wrote into ROADMAP_DESKTOP_HOME: {sorted(home.rglob('*'))}"
    return done


def check_lines(stdout: str) -> dict[str, str]:
    """{check name: 'ok' or 'FAIL'} from the self-test's report."""
    found = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("ok", "FAIL") and parts[1] in CHECKS:
            found[parts[1]] = parts[0]
    return found


@pytest.mark.llm
@pytest.mark.slow
def test_self_test_passes_with_the_default_model(tmp_path):
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    done = run_self_test(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert check_lines(done.stdout) == dict.fromkeys(CHECKS, "ok"), done.stdout
    assert "tokens/s" in done.stdout
    assert done.stdout.strip().splitlines()[-1].startswith("self-test passed: 5 checks")


@pytest.mark.slow
def test_a_missing_model_fails_the_model_check_only(tmp_path):
    missing = tmp_path / "nowhere" / "missing.gguf"
    done = run_self_test(tmp_path, ROADMAP_DESKTOP_SELFTEST_MODEL=str(missing))
    assert done.returncode == 1, done.stdout + done.stderr[-3000:]
    results = check_lines(done.stdout)
    assert results == {**dict.fromkeys(CHECKS, "ok"), "model": "FAIL"}, done.stdout
    model_line = next(line for line in done.stdout.splitlines() if line.split()[:2] == ["FAIL", "model"])
    assert "missing.gguf" in model_line
    assert done.stdout.strip().splitlines()[-1] == "self-test FAILED: model (1 of 5 checks)"
    assert "Traceback" not in done.stderr


def test_a_file_that_is_not_gguf_is_named(tmp_path, monkeypatch, capsys):
    fake = tmp_path / "fake.gguf"
    fake.write_text("not a model", encoding="utf-8")
    monkeypatch.setenv(selftest.MODEL_ENV, str(fake))
    assert selftest.model_path() == fake
    with pytest.raises(selftest.CheckFailed, match=r"fake\.gguf"):
        selftest._check_model(selftest._State(folder=tmp_path))


def test_the_default_model_is_the_bundled_one(monkeypatch):
    monkeypatch.delenv(selftest.MODEL_ENV, raising=False)
    assert selftest.model_path().name == MODEL.name
    assert selftest.model_path().parent.name == "models"


def test_help_lists_the_flag(capsys):
    assert main(["--help"]) == 0
    assert "--self-test" in capsys.readouterr().out
