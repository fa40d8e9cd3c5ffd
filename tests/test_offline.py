"""Offline guarantee: the app, its sub-commands and the assistant never open a network connection.

A subprocess installs an audit hook that records (and refuses) every internet socket connect,
name lookup and urllib request, then runs the real entry points. The one exception, recorded
apart: the assistant looks for model servers on this computer (loopback, ports 11434, 1234, 8080),
which is no connection beyond it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"

GUARD = textwrap.dedent(
    """
    import json, socket, sys
    attempts, loopback = [], []
    LOCAL_SERVERS = {("127.0.0.1", 11434), ("127.0.0.1", 1234), ("127.0.0.1", 8080)}
    NETWORK_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request"}

    def hook(event, args):
        if event in ("socket.connect", "socket.sendto", "socket.bind"):
            family = getattr(args[0], "family", None)
            if event == "socket.connect" and tuple(args[1])[:2] in LOCAL_SERVERS:
                loopback.append(list(args[1])[:2])
            elif family in (socket.AF_INET, socket.AF_INET6):
                attempts.append(f"{event} {args[1]!r}")
                raise OSError(f"offline test: {event} refused")
        elif event == "socket.getaddrinfo" and tuple(args[:2]) in LOCAL_SERVERS:
            pass  # a numeric loopback address: resolved without asking anyone
        elif event in NETWORK_EVENTS:
            attempts.append(f"{event} {args[:2]!r}")
            raise OSError(f"offline test: {event} refused")

    sys.addaudithook(hook)
    from roadmap_desktop.cli import main
    codes = [main(argv) for argv in json.loads(sys.argv[1])]
    net_modules = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6",) and "Network" in m)
    print(json.dumps({"codes": codes, "attempts": attempts, "loopback": loopback, "qt_network": net_modules}))
    """
)


def run_guarded(runs: list[list[str]], tmp_path: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROADMAP_DESKTOP_HOME": str(tmp_path / "home")}
    env.pop("ROADMAP_DESKTOP_SERVER_PORTS", None)  # the app's own: it looks on this computer's usual ports
    done = subprocess.run(
        [sys.executable, "-c", GUARD, json.dumps(runs)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_guard_catches_a_connection(tmp_path):
    probe = GUARD.replace("from roadmap_desktop.cli import main", "import urllib.request\nmain = lambda argv: 0")
    probe = probe.replace(
        "codes = [", "try:\n    socket.create_connection(('127.0.0.1', 9))\nexcept OSError:\n    pass\ncodes = ["
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe, "[]"], env=env, capture_output=True, text=True, timeout=60)
    assert json.loads(done.stdout.strip().splitlines()[-1])["attempts"], done.stderr


def test_commands_and_gui_open_no_connection(tmp_path):
    project = str(tmp_path / "p.roadmap")
    runs = [
        ["new", "-o", project, "--name", "Offline"],
        ["check", project],
        ["models", "--json"],
        [project, "--quit-after", "1500"],
    ]
    report = run_guarded(runs, tmp_path)
    assert report["codes"] == [0, 0, 0, 0]
    assert report["attempts"] == []
    assert report["qt_network"] == []
    # At most the search for model servers on this computer (it runs in the background).
    assert {tuple(address) for address in report["loopback"]} <= {("127.0.0.1", p) for p in (11434, 1234, 8080)}


@pytest.mark.llm
@pytest.mark.slow
def test_the_assistant_opens_no_connection(tmp_path):
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    project = str(tmp_path / "p.roadmap")
    runs = [
        ["new", "-o", project, "--name", "Offline"],
        ["assist", project, "--task", "risks", "--model", str(MODEL), "--threads", "1", "--quiet", "--apply"],
    ]
    report = run_guarded(runs, tmp_path)
    assert report["codes"] == [0, 0]
    assert report["attempts"] == []
