"""Regression guard: PySide6 6.12.0 on Python 3.11 corrupts a reference count on every Signal.emit().

Each emit of a ``Signal(int, str)`` lowers ``sys.getrefcount(True)`` by one; after about a
thousand emits the process aborts with ``Fatal Python error: bool_dealloc``. Token streaming from
the LLM worker thread emits thousands of signals, so pyproject.toml excludes that release.

The heavy runs (10,000 emits) happen in a subprocess, because the bug kills the whole process;
smaller in-process runs (through pytest-qt) check the same properties under the test
application. On Python 3.12+ ``True`` is immortal and its reference count never moves, so the
refcount checks pass trivially there; the delivery checks still apply.

This file doubles as the subprocess's script: ``python tests/test_signal_refcount.py direct|thread N``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot

ROOT = Path(__file__).resolve().parent.parent
HEAVY = 10_000  # emits per subprocess run; the bug aborts after about a thousand
LIGHT = 100  # emits per in-process run: enough to see the bug, too few to crash on it
TOLERANCE = 20  # allowed drift of sys.getrefcount(True); the bug moves it by one per emit
BAD_PYSIDE = "6.12.0"
BAD_PYTHON = (3, 11)
FIX_HINT = (
    f"PySide6 {BAD_PYSIDE} on Python 3.11 corrupts a reference count on every Signal.emit() and aborts "
    "the app while it streams tokens; pyproject.toml must keep excluding it "
    "(\"PySide6>=6.8,!=6.12.0; python_version < '3.12'\") and .venv must be rebuilt with bash packaging/setup.sh"
)


# -- the probe, shared by the subprocess and the in-process tests ---------------------------------
class Emitter(QObject):
    fired = Signal(int, str)
    finished = Signal()

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.thread_ident: int | None = None

    @Slot()
    def run(self) -> None:
        self.thread_ident = threading.get_ident()
        for number in range(self.count):
            self.fired.emit(number, f"token {number}")
        self.finished.emit()


class Receiver(QObject):
    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.received: list[tuple[int, str]] = []
        self.thread_idents: set[int] = set()
        self.finished = False

    @Slot(int, str)
    def on_fired(self, number: int, text: str) -> None:
        self.received.append((number, text))
        self.thread_idents.add(threading.get_ident())

    @Slot()
    def on_finished(self) -> None:
        self.finished = True
        self.done.emit()


def expected(count: int) -> list[tuple[int, str]]:
    return [(number, f"token {number}") for number in range(count)]


def run_direct(count: int) -> dict:
    """Emit ``count`` times to a slot in the same thread (a direct connection)."""
    emitter, receiver = Emitter(count), Receiver()
    emitter.fired.connect(receiver.on_fired)
    before = sys.getrefcount(True)
    emitter.run()
    after = sys.getrefcount(True)
    return {
        "before": before,
        "after": after,
        "in_order": receiver.received == expected(count),
        "received": len(receiver.received),
        "main_thread_only": receiver.thread_idents == {threading.get_ident()},
    }


class ThreadedRun:
    """Emit ``count`` times from a worker QThread to a receiver in the main thread (queued)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.receiver = Receiver()  # lives in the main thread
        self.emitter = Emitter(count)
        self.thread = QThread()
        self.emitter.moveToThread(self.thread)
        queued = Qt.ConnectionType.QueuedConnection
        self.emitter.fired.connect(self.receiver.on_fired, queued)
        self.emitter.finished.connect(self.receiver.on_finished, queued)
        self.thread.started.connect(self.emitter.run)
        self.before = self.after = 0

    def start(self) -> None:
        self.before = sys.getrefcount(True)
        self.thread.start()

    def stop(self) -> bool:
        """Stop the worker thread; True when it ended within 30 s."""
        self.thread.quit()
        stopped = self.thread.wait(30_000)
        self.after = sys.getrefcount(True)
        return stopped

    def result(self, stopped: bool) -> dict:
        return {
            "before": self.before,
            "after": self.after,
            "in_order": self.receiver.received == expected(self.count),
            "received": len(self.receiver.received),
            "finished": self.receiver.finished,
            "stopped": stopped,
            "main_thread_only": self.receiver.thread_idents == {threading.get_ident()},
            "emitted_off_main": self.emitter.thread_ident not in (None, threading.get_ident()),
        }


def _main(argv: list[str]) -> int:
    mode, count = argv[0], int(argv[1])
    app = QCoreApplication.instance() or QCoreApplication([])
    if mode == "direct":
        result = run_direct(count)
    else:
        run = ThreadedRun(count)
        loop = QEventLoop()
        run.receiver.done.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)  # never hang CI
        run.start()
        loop.exec()
        result = run.result(run.stop())
    print(json.dumps(result), flush=True)
    del app
    return 0


# -- the tests ---------------------------------------------------------------------------------
def check(result: dict, count: int) -> None:
    assert result["received"] == count, f"slot received {result['received']} of {count} emits"
    assert result["in_order"], "emits arrived out of order or with wrong arguments"
    assert result["main_thread_only"], "the slot ran outside the main thread"
    drop = result["before"] - result["after"]
    assert drop <= TOLERANCE, f"sys.getrefcount(True) dropped by {drop} over {count} emits. {FIX_HINT}"


def test_installed_pyside6_is_not_known_bad():
    import PySide6
    import shiboken6
    from packaging.version import Version

    if sys.version_info[:2] != BAD_PYTHON:
        return
    for name, version in (("PySide6", PySide6.__version__), ("shiboken6", shiboken6.__version__)):
        assert Version(version) != Version(BAD_PYSIDE), f"{name} {version} is installed. {FIX_HINT}"


def test_pyproject_still_excludes_known_bad_pyside6():
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    py311 = {"python_version": "3.11", "python_full_version": "3.11.7"}
    pins = [Requirement(dep) for dep in deps if canonicalize_name(Requirement(dep).name) == "pyside6"]
    applicable = [pin for pin in pins if pin.marker is None or pin.marker.evaluate(py311)]
    assert applicable, "pyproject.toml declares no PySide6 dependency for Python 3.11"
    for pin in applicable:
        assert not pin.specifier.contains(BAD_PYSIDE, prereleases=True), f"{pin} admits {BAD_PYSIDE}. {FIX_HINT}"


def run_probe(mode: str, count: int) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, __file__, mode, str(count)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    report = f"exit {proc.returncode}\n--- stdout\n{proc.stdout[-2000:]}\n--- stderr\n{proc.stderr[-4000:]}"
    assert proc.returncode == 0, f"the probe process died ({FIX_HINT}):\n{report}"
    assert "Fatal Python error" not in proc.stderr, report
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_many_direct_emits_in_subprocess():
    check(run_probe("direct", HEAVY), HEAVY)


def test_many_emits_from_worker_thread_in_subprocess():
    result = run_probe("thread", HEAVY)
    assert result["emitted_off_main"], "the emits did not come from the worker thread"
    assert result["finished"], "the worker's last signal never arrived"
    assert result["stopped"], "the worker thread did not stop"
    check(result, HEAVY)


def _settle() -> None:
    """Finish what earlier tests left behind (deferred deletes, garbage), so only the emits move
    True's reference count while it is watched."""
    import gc

    from PySide6.QtCore import QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        gc.collect()


def test_direct_emits_in_process(qtbot):  # qtbot: under the test QApplication
    _settle()
    check(run_direct(LIGHT), LIGHT)


def test_emits_from_worker_thread_in_process(qtbot):
    import gc

    _settle()
    run = ThreadedRun(LIGHT)
    stopped = False
    gc.disable()  # a collection during the run would drop references to True that are not the bug's
    try:
        with qtbot.waitSignal(run.receiver.done, timeout=30_000):
            run.start()
    finally:
        stopped = run.stop()
        gc.enable()
    result = run.result(stopped)
    assert result["emitted_off_main"], "the emits did not come from the worker thread"
    assert result["stopped"], "the worker thread did not stop"
    check(result, LIGHT)


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
