"""One Roadmap Desktop app process for the two-desktop test: the real main window, File > Share Live… (``host``)
or File > Join Live… (``guest``) with the dialogs answered from the command line, then driven line by line on
stdin: ``add TITLE`` (an edit, as the Add button makes it), ``titles`` (prints them), ``quit``.

    python tests/qt/live_desktop.py host FILE PORT CODE
    python tests/qt/live_desktop.py guest ADDRESS CODE
"""

from __future__ import annotations

import queue
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QMessageBox

from roadmap_desktop.app import create_application
from roadmap_desktop.domain.commands import InsertEntity
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.paths import data_dir
from roadmap_desktop.persistence.settings import default_settings
from roadmap_desktop.ui.live import live_actions
from roadmap_desktop.ui.main_window import MainWindow


class _NoDialog:
    def __init__(self, *_args) -> None:
        pass

    def exec(self) -> int:
        return 0


def main(argv: list[str]) -> int:
    role = argv[0]
    app = create_application()
    window = MainWindow(default_settings(), RecoveryStore(data_dir() / "recovery"))
    window.show()
    QMessageBox.information = lambda *_a, **_k: QMessageBox.StandardButton.Ok  # type: ignore[method-assign]
    QMessageBox.warning = lambda *_a, **_k: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    if role == "host":
        file, port, code = Path(argv[1]), int(argv[2]), argv[3]
        if not window.files.open_path(file):
            return 2
        live_actions.new_code = lambda: code
        live_actions.ShareLiveDialog = _NoDialog  # the address and QR code dialog is modal: not shown here
        QInputDialog.getText = lambda *_a, **_k: ("127.0.0.1", True)  # type: ignore[method-assign]
        QInputDialog.getInt = lambda *_a, **_k: (port, True)  # type: ignore[method-assign]
        window.live._name = lambda: "host"
        window.live.share()
    else:
        answers = iter([(argv[1], True), (argv[2], True)])
        QInputDialog.getText = lambda *_a, **_k: next(answers)  # type: ignore[method-assign]
        window.live._name = lambda: "guest"
        window.live.join()
    if window.live.session is None:
        print("failed", flush=True)
        return 2
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.strip()) for line in sys.stdin], daemon=True).start()

    def serve_lines() -> None:
        while not lines.empty():
            command, _, rest = lines.get().partition(" ")
            if command == "add":
                window.document.execute(InsertEntity("requirement", Requirement(title=rest)))
            elif command == "titles":
                print("titles: " + "|".join(r.title for r in window.document.project.requirements), flush=True)
            elif command == "quit":
                window.live.leave()
                app.quit()

    timer = QTimer()
    timer.timeout.connect(serve_lines)
    timer.start(20)
    status = window.live.session.status_changed
    status.connect(lambda text: text == "online" and print("ready", flush=True))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
