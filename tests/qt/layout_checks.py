"""Walks the main window at a laptop's size and lists every button or tool-row label whose text does
not fit its width. Used in-process by test_laptop_layout.py, and run as a script under
QT_SCALE_FACTOR=1.5 (a 1920 x 1080 screen at 150 %), which must be set before Qt starts."""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QStyle,
    QToolBar,
    QWidget,
)

SIZES = {"1366x768": (1366, 768), "1920x1080 at 150 %": (1280, 720)}


def _plain(widget: QWidget, text: str) -> str:
    if isinstance(widget, QLabel) and widget.textFormat() != 0 and ("<" in text):  # rich text
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return re.sub(r"&(?=\S)", "", text).strip()


def _in_toolbar(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QToolBar):
            return True
        parent = parent.parentWidget()
    return False


def _allowance(widget: QWidget) -> int:
    """The width a widget needs besides its text's advance."""
    style = widget.style()
    if isinstance(widget, QCheckBox):
        metric = QStyle.PixelMetric
        return style.pixelMetric(metric.PM_IndicatorWidth) + style.pixelMetric(metric.PM_CheckBoxLabelSpacing)
    if isinstance(widget, QPushButton):
        return 8
    if isinstance(widget, QAbstractButton):
        return 4
    return 0


def cut_texts(root: QWidget) -> list[str]:
    """Each shown button (anywhere in ``root``) or tool-row label whose text is wider than the widget."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root:
            continue  # hidden, e.g. moved into a tool row's » menu; or in another window
        is_button = isinstance(widget, QAbstractButton)
        if not is_button and not (isinstance(widget, QLabel) and _in_toolbar(widget) and not widget.wordWrap()):
            continue
        text = _plain(widget, widget.text())
        if not text:
            continue
        needed = widget.fontMetrics().horizontalAdvance(text) + _allowance(widget)
        if widget.width() < needed:
            where = widget.objectName() or type(widget).__name__
            problems.append(f"{where} {text!r}: {widget.width()} px wide, its text needs {needed}")
    return problems


def window_states(window) -> list[str]:
    """Shows each tab, sub-view and dock of ``window`` in turn; returns the problems seen in each."""
    app = QApplication.instance()
    problems: list[str] = []

    def check(state: str) -> None:
        for _ in range(3):
            app.processEvents()
        problems.extend(f"{state}: {p}" for p in cut_texts(window))

    window.workshop_action.trigger()  # the guided workshop's step bar, at the top
    window.assistant_dock.show()
    for kind in ("requirement", "item", "risk"):
        window.show_tab(kind)
        editor = window.editors[kind]
        if editor.proxy.rowCount():
            editor.table.selectRow(0)
        window.assistant_dock.raise_()
        check(f"{kind} tab, Assistant")
        window.prioritisation_dock.show()
        window.prioritisation_dock.raise_()
        check(f"{kind} tab, Prioritisation")
    window.show_tab("requirement")
    window.chart_action.setChecked(True)
    check("value / effort chart")
    window.show_tab("item")
    window.timeline_page.views.setCurrentIndex(1)
    check("Now / Next / Later")
    window.timeline_page.views.setCurrentIndex(0)
    return problems


def open_window(width: int, height: int, project_language: str, home: Path):
    from roadmap_desktop.persistence.autosave import RecoveryStore
    from roadmap_desktop.persistence.settings import Settings
    from roadmap_desktop.persistence.template_file import load_template
    from roadmap_desktop.qtmodels.document import ProjectDocument
    from roadmap_desktop.ui.main_window import MainWindow

    window = MainWindow(Settings(home / "settings.json"), RecoveryStore(home / "recovery"))
    window.set_document(ProjectDocument(load_template("customer_service", project_language)))
    window.resize(width, height)
    window.show()
    return window


def main() -> int:
    """python layout_checks.py WIDTH HEIGHT INTERFACE PROJECT: prints each problem; exit 1 if any."""
    from roadmap_desktop.app import create_application
    from roadmap_desktop.ui.i18n import install_translations

    width, height, interface, project = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    app = create_application()
    install_translations(app, interface)
    window = open_window(width, height, project, Path(tempfile.mkdtemp()))
    problems = window_states(window)
    print(f"window {window.width()}x{window.height()} at scale {window.devicePixelRatioF()}")
    print("\n".join(problems) or "every text fits")
    window.files.document.undo_stack.setClean()
    window.close()
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
