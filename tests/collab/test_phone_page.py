"""The phone page the room serves at ``/``: its files, and a real headless Chromium joining, adding an idea and
spending dot votes while the host's project and a desktop client watch (skipped where Chromium is absent)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from room_helpers import free_port, wait_for

from roadmap_desktop.collab.client import RoomClient, RoomRefused, room_url
from roadmap_desktop.collab.phone_page import PhonePage, requirement_defaults
from roadmap_desktop.collab.room_server import Room
from roadmap_desktop.crdt.project_builder import project_from_shared
from roadmap_desktop.crdt.shared_project import SharedProject
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.paths import resources_dir
from roadmap_desktop.persistence.project_file import load_project, save_project

pytestmark = pytest.mark.network
CODE = "271828"
PHONE = resources_dir() / "phone"


class RoomThread:
    """A room and a desktop client on loopback, in an asyncio loop of their own (selenium blocks)."""

    def __init__(self, path: Path, dots: int = 3) -> None:
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.log: list[str] = []
        self.room = Room(load_project(path).project, path, CODE, log=self.log.append, dots_per_person=dots)
        self.client: RoomClient | None = None
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> RoomThread:
        self._thread.start()
        self.call(self._start)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.call(self._stop)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()

    def call(self, make: Callable, timeout: float = 10.0):
        """Run ``make()`` (a coroutine function or a plain one) in the room's loop; pycrdt documents stay in it."""

        async def run():
            result = make()
            return await result if asyncio.iscoroutine(result) else result

        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout)

    async def _start(self) -> None:
        self._serving = asyncio.ensure_future(self.room.serve("127.0.0.1", self.port))
        await wait_for(lambda: self.room.uvicorn is not None and self.room.uvicorn.started, 5)
        self.client = RoomClient(room_url(f"127.0.0.1:{self.port}", CODE), user={"name": "desk"})
        self._client_task = asyncio.ensure_future(self.client.run())
        await asyncio.wait_for(self.client.synced.wait(), 5)

    async def _stop(self) -> None:
        self._client_task.cancel()
        with contextlib.suppress(asyncio.CancelledError, RoomRefused):
            await self._client_task
        self.room.stop()
        await asyncio.wait_for(self._serving, 5)

    def desktop(self) -> list[tuple[str, int | None]]:
        """(title, votes) of each requirement in the desktop client's replica."""
        assert self.client is not None
        project = self.call(lambda: project_from_shared(SharedProject(self.client.doc))[0])
        return [(r.title, r.votes) for r in project.requirements]

    def host(self) -> list[tuple[str, int | None]]:
        return self.call(lambda: [(r.title, r.votes) for r in self.room.project.requirements])


def _project_file(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.roadmap"
    project = Project.new("Founders' workshop")
    project.requirements.append(Requirement(title="Offline mode", votes=4))
    save_project(project, path)
    return path


def _until(condition: Callable[[], bool], timeout: float) -> float:
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout} s")
        time.sleep(0.02)
    return time.monotonic() - start


# -- the files ---------------------------------------------------------------------------------------------
def test_the_page_is_served_with_a_new_requirements_fields_and_nothing_else() -> None:
    page = PhonePage()
    assert set(page.files) >= {"/", "/phone/phone.js", "/phone/phone.css", "/phone/vendor/yjs-bundle.js"}
    html = page.files["/"][0].decode()
    assert "{{REQUIREMENT_DEFAULTS}}" not in html and '"acceptance_criteria": []' in html
    assert set(requirement_defaults()) == {s.name for s in Requirement.FIELDS}
    assert 'name="viewport"' in html


def test_the_page_fetches_nothing_from_outside() -> None:
    """No CDN: every script and style is the page's own; the only address the vendor file names is in a message."""
    for path in PHONE.rglob("*"):
        if path.suffix in (".html", ".js", ".css"):
            text = path.read_text(encoding="utf-8")
            outside = set(re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s\"')]*", text, re.I))
            outside -= {"https://github.com/yjs/yjs/issues/438"}  # Yjs's warning text about duplicate imports
            assert not outside, f"{path.name} names {sorted(outside)[:3]}"
    licence = (PHONE / "vendor" / "LICENSE.txt").read_text(encoding="utf-8")
    assert "MIT" in licence and "node-yjs 13.5.43" in licence


def test_the_room_answers_http_with_the_page_and_404_elsewhere(tmp_path: Path) -> None:
    with RoomThread(_project_file(tmp_path)) as room:
        base = f"http://127.0.0.1:{room.port}"
        with urllib.request.urlopen(base + "/?code=1", timeout=5) as answer:
            assert answer.status == 200 and answer.headers["content-type"].startswith("text/html")
            assert "default-src 'none'" in answer.headers["content-security-policy"]
            assert b"requirement-defaults" in answer.read()
        for missing in ("/phone/../../pyproject.toml", "/phone/nothing.js", "/room.roadmap"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(base + missing, timeout=5)
            assert refused.value.code == 404
            refused.value.close()


# -- a real browser ----------------------------------------------------------------------------------------
def _chromium() -> tuple[str, str]:
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        pytest.skip(
            "the phone page's browser test needs Chromium and its driver "
            "(Debian/Ubuntu: apt-get install chromium chromium-driver)"
        )
    pytest.importorskip("selenium", reason="the browser test needs selenium (the test extra)")
    return browser, driver


@contextlib.contextmanager
def phone_browser(language: str = "en"):
    browser, driver = _chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    options.add_argument("--window-size=390,844")  # a phone
    options.add_argument(f"--lang={language}")
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    try:
        chrome.set_window_size(390, 844)
        yield chrome
    finally:
        chrome.quit()


def _join(chrome, port: int, name: str, code: str) -> None:
    chrome.get(f"http://127.0.0.1:{port}/")
    chrome.find_element("id", "name").clear()
    chrome.find_element("id", "name").send_keys(name)
    chrome.find_element("id", "code").clear()
    chrome.find_element("id", "code").send_keys(code)
    chrome.find_element("id", "join-button").click()


def _shown(chrome, element_id: str) -> bool:
    return chrome.find_element("id", element_id).is_displayed()


def _screenshot(chrome, name: str) -> None:
    folder = os.environ.get("ROADMAP_SCREENSHOTS")
    if folder:
        chrome.save_screenshot(str(Path(folder) / f"{name}.png"))


def test_a_phone_joins_adds_an_idea_and_spends_its_dots_live(tmp_path: Path) -> None:
    path = _project_file(tmp_path)
    with phone_browser() as chrome, RoomThread(path, dots=3) as room:
        # A wrong code is refused: the page says so and shows nothing of the project.
        _join(chrome, room.port, "Ana", "000000")
        _until(lambda: chrome.find_element("id", "join-error").text != "", 5)
        assert "did not accept" in chrome.find_element("id", "join-error").text
        assert not _shown(chrome, "room") and "Offline mode" not in chrome.page_source
        assert any("wrong join code" in line for line in room.log)

        # The QR code's address fills the code in.
        chrome.get(f"http://127.0.0.1:{room.port}/?code={CODE}")
        assert chrome.find_element("id", "code").get_attribute("value") == CODE
        assert chrome.find_element("id", "name").get_attribute("value") == "Ana"  # remembered from the first try
        chrome.find_element("id", "join-button").click()
        _until(lambda: _shown(chrome, "room"), 5)
        assert chrome.find_element("id", "project-name").text == "Founders' workshop"
        assert "Offline mode" in chrome.find_element("id", "ranking").text
        # Who is already here is known at once (the desktop client joined before the phone).
        _until(lambda: "2 here" in chrome.find_element("id", "status").text, 1.0)

        # An idea typed on the phone reaches the desktop client and the host's project within a second.
        chrome.find_element("id", "idea").send_keys("Voice notes")
        chrome.find_element("id", "add-idea").click()
        seconds = _until(lambda: [t for t, _ in room.desktop()] == ["Offline mode", "Voice notes"], 1.0)
        assert seconds < 1.0
        _until(lambda: [t for t, _ in room.host()] == ["Offline mode", "Voice notes"], 1.0)
        # ... written as the desktop writes a requirement: every field, lists as Y.Array.
        shared_project = room.call(lambda: project_from_shared(SharedProject(room.client.doc))[0])
        idea = shared_project.requirements[1]
        assert idea.status == "idea" and idea.tags == [] and re.fullmatch(r"[0-9a-f-]{36}", idea.id)

        # Three dots: two on the new idea, one on the old; a fourth is refused on the phone.
        def dot(title: str, step: str = "1") -> None:
            row = next(li for li in chrome.find_elements("css selector", "#ranking li") if title in li.text)
            row.find_element("css selector", f"button[data-step='{step}']").click()

        dot("Voice notes")
        _until(lambda: room.desktop() == [("Offline mode", 0), ("Voice notes", 1)], 1.0)
        dot("Voice notes")
        dot("Offline mode")
        _until(lambda: room.desktop() == [("Offline mode", 1), ("Voice notes", 2)], 1.0)
        _until(lambda: room.host() == [("Offline mode", 1), ("Voice notes", 2)], 1.0)
        dot("Offline mode")
        _until(lambda: "spent" in chrome.find_element("id", "dots-note").text, 2)
        assert room.desktop() == [("Offline mode", 1), ("Voice notes", 2)]
        # The ranking follows the votes: the idea with two dots is first.
        _until(lambda: chrome.find_elements("css selector", "#ranking li .title")[0].text.startswith("Voice"), 2)
        assert "0 of 3 dots left" in chrome.find_element("id", "dots-left").text
        _screenshot(chrome, "phone-en")

        # Taking a dot back frees it; the desktop sees the count drop.
        dot("Voice notes", "-1")
        _until(lambda: room.desktop() == [("Offline mode", 1), ("Voice notes", 1)], 1.0)
        # The phone is in the Live panel's presence like a desktop.
        names = room.call(lambda: [s.get("user", {}).get("name") for s in room.client.others().values()])
        assert "Ana" in names

    # The host saved it all.
    assert [(r.title, r.votes) for r in load_project(path).project.requirements] == [
        ("Offline mode", 1),
        ("Voice notes", 1),
    ]


def test_the_page_follows_the_browsers_language(tmp_path: Path) -> None:
    with phone_browser("zh-CN") as chrome, RoomThread(_project_file(tmp_path)) as room:
        chrome.get(f"http://127.0.0.1:{room.port}/?code={CODE}")
        assert chrome.find_element("id", "join-button").text == "加入"
        assert chrome.find_element("tag name", "html").get_attribute("lang") == "zh-CN"
        chrome.find_element("id", "name").send_keys("小王")
        chrome.find_element("id", "join-button").click()
        _until(lambda: _shown(chrome, "room"), 5)
        _until(lambda: "投票点" in chrome.find_element("id", "dots-left").text, 2)
        chrome.find_element("id", "idea").send_keys("语音笔记")
        chrome.find_element("id", "add-idea").click()
        _until(lambda: "语音笔记" in chrome.find_element("id", "ranking").text, 2)
        _screenshot(chrome, "phone-zh")


def test_a_phone_keeps_its_edits_while_the_host_restarts_with_a_new_code_and_they_merge(tmp_path: Path) -> None:
    path = _project_file(tmp_path)
    with phone_browser() as chrome, RoomThread(path) as room:
        chrome.get(f"http://127.0.0.1:{room.port}/?code={CODE}")
        chrome.find_element("id", "name").send_keys("Ana")
        chrome.find_element("id", "join-button").click()
        _until(lambda: _shown(chrome, "room"), 5)

        async def stop_host() -> None:
            room.room.stop()
            await asyncio.wait_for(room._serving, 5)

        room.call(stop_host)
        _until(lambda: "Offline" in chrome.find_element("id", "status").text, 3)
        chrome.find_element("id", "idea").send_keys("Typed while the host was down")
        chrome.find_element("id", "add-idea").click()
        assert "Typed while the host was down" in chrome.find_element("id", "ranking").text

        async def restart_host() -> None:  # with another code, as `room` without --code does
            room.room = Room(load_project(path).project, path, "999999", log=room.log.append)
            room._serving = asyncio.ensure_future(room.room.serve("127.0.0.1", room.port))
            await wait_for(lambda: room.room.uvicorn is not None and room.room.uvicorn.started, 5)

        room.call(restart_host)
        _until(lambda: _shown(chrome, "join"), 5)  # the page is up but the code is refused: ask for the new one
        assert "did not accept" in chrome.find_element("id", "join-error").text
        chrome.find_element("id", "code").clear()
        chrome.find_element("id", "code").send_keys("999999")
        chrome.find_element("id", "join-button").click()
        _until(lambda: "Live" in chrome.find_element("id", "status").text, 5)
        _until(lambda: [t for t, _ in room.host()] == ["Offline mode", "Typed while the host was down"], 3)


def test_a_phone_shows_the_lock_and_the_end_of_the_room(tmp_path: Path) -> None:
    path = _project_file(tmp_path)
    with phone_browser() as chrome, RoomThread(path) as room:
        chrome.get(f"http://127.0.0.1:{room.port}/?code={CODE}")
        chrome.find_element("id", "name").send_keys("Ana")
        chrome.find_element("id", "join-button").click()
        _until(lambda: _shown(chrome, "room"), 5)
        assert not _shown(chrome, "room-note") and chrome.find_element("id", "idea").is_enabled()

        def controls() -> list[bool]:
            buttons = chrome.find_elements("css selector", "#ranking li button.more")
            return [chrome.find_element("id", i).is_enabled() for i in ("idea", "add-idea")] + [
                b.is_enabled() for b in buttons
            ]

        # Locked: the inputs and the dot buttons are disabled, under one line that says why.
        room.call(lambda: room.room.set_read_only(True))
        _until(lambda: _shown(chrome, "room-note"), 2)
        assert "locked by the facilitator" in chrome.find_element("id", "room-note").text
        _until(lambda: not any(controls()), 1)
        _screenshot(chrome, "phone-locked")
        # Opened again: everything comes back.
        room.call(lambda: room.room.set_read_only(False))
        _until(lambda: not _shown(chrome, "room-note") and all(controls()), 2)
        chrome.find_element("id", "idea").send_keys("After the lock")
        chrome.find_element("id", "add-idea").click()
        _until(lambda: [t for t, _ in room.host()] == ["Offline mode", "After the lock"], 2)

        # Ended: a final message, nothing to edit, and no more tries to connect (a room back on the same port
        # and code sees nobody from this phone).
        room.call(room.room.end)
        room.call(lambda: asyncio.wait_for(room._serving, 5))
        _until(lambda: "has ended" in chrome.find_element("id", "room-note").text, 2)
        assert chrome.find_element("id", "status").text == "Ended" and not any(controls())
        assert not _shown(chrome, "idea-form") and "After the lock" in chrome.find_element("id", "ranking").text
        _screenshot(chrome, "phone-ended")

        async def restart_host() -> None:
            room.room = Room(load_project(path).project, path, CODE, log=room.log.append)
            room._serving = asyncio.ensure_future(room.room.serve("127.0.0.1", room.port))
            await wait_for(lambda: room.room.uvicorn is not None and room.room.uvicorn.started, 5)

        room.call(restart_host)
        time.sleep(2.5)  # more than two of the page's one-second retries
        assert room.call(lambda: len(room.room.channels)) == 0
        assert "has ended" in chrome.find_element("id", "room-note").text
