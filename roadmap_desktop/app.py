"""Composition root for the GUI: the QApplication, paths, settings and the main window."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .persistence.autosave import RecoveryStore
from .persistence.paths import data_dir, resources_dir
from .persistence.settings import default_settings

DESKTOP_FILE_NAME = "roadmap-desktop"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Roadmap Desktop")
    app.setOrganizationName("Roadmap Desktop")
    # Lets the desktop shell match windows to roadmap-desktop.desktop (icon, grouping).
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    icon = resources_dir() / "icons" / "roadmap-desktop.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def run_gui(path: Path | None = None, quit_after_ms: int | None = None) -> int:
    from .ui.i18n import install_translations, ui_language
    from .ui.main_window import MainWindow

    app = create_application()
    settings = default_settings()
    # Before any widget exists, so every text is created in the chosen language.
    install_translations(app, ui_language(settings))
    window = MainWindow(settings, RecoveryStore(data_dir() / "recovery"))
    window.show()
    if path is not None:
        window.files.open_path(path)
    else:  # no file named: the start page, in front of an empty project; a recovered one replaces both
        window.start.show_start_page()
        QTimer.singleShot(0, window.files.offer_recovery)
    # Python only sees Ctrl+C between Qt events; a periodic no-op timer lets it in.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    tick = QTimer()
    tick.timeout.connect(lambda: None)
    tick.start(250)
    if quit_after_ms is not None:  # used by the start-up smoke test

        def report_and_quit() -> None:
            print(f"window shown: {window.windowTitle()}", flush=True)
            app.quit()

        QTimer.singleShot(quit_after_ms, report_and_quit)
    return app.exec()
