"""`serve --room FILE`: the model server and the live room on one address. A fake engine stands in for llama.cpp
(no model is loaded), except in the one `llm` test; the request guard keeps the model routes, the room its code."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from roadmap_desktop.cli import main
from roadmap_desktop.collab.client import RoomClient, RoomRefused, room_url
from roadmap_desktop.collab.shared_port import SharedPort, is_room_request
from roadmap_desktop.crdt.project_builder import project_from_shared
from roadmap_desktop.crdt.shared_project import SharedProject
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.project_file import load_project, save_project

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
CODE = "271828"
KEY = "the-model-key-1"
FAKE_ENGINE = """
import sys
from roadmap_desktop.llm import catalog, engine, probe
probe.check_model_for_server = lambda path, **_: catalog.read_model_info(path)

async def fake(scope, receive, send):
    await receive()
    body = b'{"choices": [{"message": {"role": "assistant", "content": "from the fake engine"}}]}'
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})

engine.create_server_app = lambda model, **_: fake
from roadmap_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def model() -> Path:
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    return MODEL


def _project_file(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.roadmap"
    save_project(Project.new("Workshop"), path)
    return path


def _get(url: str, headers: dict[str, str] | None = None, data: bytes | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@contextlib.contextmanager
def serving(command: list[str], script: str | None = FAKE_ENGINE):
    """The real `serve` in a child process (with the fake engine unless ``script`` is None), until the banner's last
    line (the join hint); yields (the process, the banner)."""
    launch = [sys.executable, "-c", script] if script else [sys.executable, "-m", "roadmap_desktop"]
    host = subprocess.Popen(
        [*launch, "serve", *command],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    banner: list[str] = []
    try:
        while not (banner and banner[-1].startswith("Join: ")):
            line = host.stdout.readline()
            assert line, f"serve stopped: {host.stderr.read()}"
            banner.append(line.rstrip("\n"))
        yield host, banner
    finally:
        host.terminate()
        host.communicate(timeout=20)


async def _join_and_add(port: int, code: str, title: str) -> None:
    client = RoomClient(room_url(f"127.0.0.1:{port}", code), None, {"name": "guest"})
    task = asyncio.ensure_future(client.run())
    try:
        await asyncio.wait_for(client.synced.wait(), 5)
        shared = SharedProject(client.doc)
        project = project_from_shared(shared)[0]
        project.requirements.append(Requirement(title=title))
        shared.write_project(project)
        await asyncio.sleep(0.3)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, RoomRefused):
            await task


async def _refused(port: int, code: str) -> bool:
    client = RoomClient(room_url(f"127.0.0.1:{port}", code), None, {"name": "guest"})
    try:
        await asyncio.wait_for(client.run(), 5)
    except RoomRefused:
        return True
    return False


@pytest.mark.network
def test_the_model_and_the_room_share_one_address(model, tmp_path):
    path = _project_file(tmp_path)
    port = free_port()
    command = ["--model", str(model), "--port", str(port), "--api-key", KEY, "--room", str(path), "--code", CODE]
    with serving(command) as (_host, banner):
        base = f"http://127.0.0.1:{port}"
        shown = "\n".join(banner)
        # One banner for both: the model's address and key, then the room's code and join hint.
        assert banner[0].startswith(f"Serving {model.name}") and f"on this computer:      {base}" in shown
        assert "Model server…" in shown and "Sharing workshop.roadmap live at the same address" in shown
        assert f"join code:             {CODE}" in shown and banner[-1].endswith(f"127.0.0.1:{port}  code {CODE}")
        assert shown.count("on this computer:") == 1

        # The model's routes keep the guard and its key; the room's page needs none.
        assert _get(base + "/v1/models")[0] == 401
        status, body = _get(base + "/v1/models", {"Authorization": f"Bearer {KEY}"})
        assert status == 200 and json.loads(body)["data"][0]["id"] == model.name
        chat = json.dumps({"messages": [{"role": "user", "content": "hi"}], "max_tokens": 8}).encode()
        headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
        status, body = _get(base + "/v1/chat/completions", headers, chat)
        assert status == 200 and b"from the fake engine" in body
        assert _get(base + "/docs", {"Authorization": f"Bearer {KEY}"})[0] == 404
        status, page = _get(base + "/")
        assert status == 200 and b"phone.js" in page
        assert _get(base + "/phone/phone.js")[0] == 200

        # The room keeps its join code (not the model's key), and the host saves what a guest adds.
        assert asyncio.run(_refused(port, "000000"))
        assert asyncio.run(_refused(port, KEY))
        asyncio.run(_join_and_add(port, CODE, "an idea from the room"))
        deadline = time.monotonic() + 5
        while [r.title for r in load_project(path).project.requirements] != ["an idea from the room"]:
            assert time.monotonic() < deadline, "not saved within 5 s"
            time.sleep(0.1)


@pytest.mark.network
def test_a_read_only_room_beside_the_model(model, tmp_path):
    path = _project_file(tmp_path)
    port = free_port()
    command = ["--model", str(model), "--port", str(port), "--room", str(path), "--read-only", "--dots", "5"]
    with serving(command) as (_host, banner):
        assert "Sharing workshop.roadmap live, read-only at the same address" in banner
        code = next(line.split()[-1] for line in banner if line.strip().startswith("join code:"))
        assert len(code) == 6 and code.isdigit()
        asyncio.run(_join_and_add(port, code, "not taken"))
        time.sleep(2.2)
        assert load_project(path).project.requirements == []
        # On this computer only and without --api-key, no key is asked for the model.
        assert _get(f"http://127.0.0.1:{port}/v1/models")[0] == 200


def test_room_problems_are_one_line_before_the_model_loads(tmp_path, capsys):
    missing = tmp_path / "nowhere.roadmap"
    assert main(["serve", "--model", str(tmp_path / "no.gguf"), "--room", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "nowhere.roadmap" in err
    path = _project_file(tmp_path)
    assert main(["serve", "--room", str(path), "--code", "a b"]) == 2
    assert "--code: a join code is 4-64 letters or digits" in capsys.readouterr().err
    assert main(["serve", "--code", "123456"]) == 2
    assert "go with --room FILE" in capsys.readouterr().err


def test_the_room_gets_its_paths_and_the_model_server_the_rest():
    def http(path: str) -> dict:
        return {"type": "http", "path": path}

    assert is_room_request(http("/")) and is_room_request(http("/phone/phone.js"))
    assert is_room_request({"type": "websocket", "path": "/room"})
    assert is_room_request({"type": "websocket", "path": "/v1/models"})  # refused by the room, logged
    for path in ("/v1/models", "/v1/chat/completions", "/extras/tokenize/count", "/docs", "/phone", "/room"):
        assert not is_room_request(http(path))
    seen: list[str] = []

    async def room(scope, _receive, _send):
        seen.append("room " + scope["path"])

    async def model(scope, _receive, _send):
        seen.append("model " + scope["path"])

    port = SharedPort(room, model)
    for scope in (http("/"), http("/v1/models"), {"type": "websocket", "path": "/room"}):
        asyncio.run(port(scope, None, None))
    assert seen == ["room /", "model /v1/models", "room /room"]


@pytest.mark.llm
@pytest.mark.network
def test_the_real_model_answers_beside_the_room(model, tmp_path):
    path = _project_file(tmp_path)
    port = free_port()
    command = ["--model", str(model), "--port", str(port), "--threads", "2", "--room", str(path), "--code", CODE]
    with serving(command, script=None):
        chat = {"messages": [{"role": "user", "content": "Say hello."}], "max_tokens": 8}
        status, body = _get(
            f"http://127.0.0.1:{port}/v1/chat/completions",
            {"Content-Type": "application/json"},
            json.dumps(chat).encode(),
        )
        assert status == 200 and json.loads(body)["choices"][0]["message"]["content"]
        asyncio.run(_join_and_add(port, CODE, "asked while the model served"))
        time.sleep(2.2)
        assert [r.title for r in load_project(path).project.requirements] == ["asked while the model served"]
