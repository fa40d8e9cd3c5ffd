"""The window's first-hour pieces: the start page in front of the tabs, File > Start Page, Help > User Guide
and Help > Keyboard Shortcuts."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from ..persistence.errors import ProjectFileError, SaveError
from ..persistence.settings import Settings
from .document_controller import DocumentController
from .start_page import StartPage
from .template_choice import LANGUAGE_KEY


class StartAndHelp(QObject):
    """Owns the start page and the stack that shows either it or the project's tabs, and the three actions."""

    def __init__(self, window: QMainWindow, files: DocumentController, settings: Settings, tabs: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.files = files
        self.settings = settings
        self.page = StartPage(settings)
        self.tabs = tabs
        self.stack = QStackedWidget()
        self.stack.addWidget(tabs)
        self.stack.addWidget(self.page)
        self.page.template_chosen.connect(self._on_page_template_chosen)
        self.page.sample_requested.connect(self._on_page_sample_requested)
        self.page.open_requested.connect(files.open_dialog)
        self.page.recent_chosen.connect(self._on_page_recent_chosen)
        self.page.close_requested.connect(self.show_project)
        files.document_replaced.connect(self.show_project)  # whatever opened it: menu, drop, recovery, the page

        self.start_page_action = QAction(window)
        self.start_page_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.start_page_action.triggered.connect(self.show_start_page)
        self.user_guide_action = QAction(window)
        self.user_guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.user_guide_action.triggered.connect(self.show_user_guide)
        self.shortcuts_action = QAction(window)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.retranslate()

    def retranslate(self) -> None:
        for action, text, tip in (
            (
                self.start_page_action,
                self.tr("&Start Page"),
                self.tr("Templates, recent projects and the sample project"),
            ),
            (
                self.user_guide_action,
                self.tr("&User Guide"),
                self.tr("The manual shipped with the app (works offline)"),
            ),
            (self.shortcuts_action, self.tr("&Keyboard Shortcuts"), self.tr("Every shortcut of this window")),
        ):
            action.setText(text)
            action.setStatusTip(tip)

    # -- the page ---------------------------------------------------------------------------------

    def showing_start_page(self) -> bool:
        return self.stack.currentWidget() is self.page

    def show_start_page(self) -> None:
        self.page.refresh_recent()
        self.stack.setCurrentWidget(self.page)
        self.page.focus_first()

    def show_project(self, *_args) -> None:
        self.stack.setCurrentWidget(self.tabs)

    def _on_page_template_chosen(self, template_id: str, language: str) -> None:
        from ..persistence.template_file import load_template

        try:
            project = load_template(template_id, language)
        except ProjectFileError as exc:
            self._cannot_open(str(exc))
            return
        message = self.tr("New project from template: {name}").format(name=project.info.name)
        if self.files.replace_with(project, message):
            self._remember_language(language)

    def _on_page_sample_requested(self, language: str) -> None:
        from ..persistence.sample_project import load_sample

        try:
            project = load_sample(language)
        except ProjectFileError as exc:
            self._cannot_open(str(exc))
            return
        self.files.replace_with(project, self.tr("Opened the sample project; Save As keeps your own copy"))

    def _on_page_recent_chosen(self, path: str) -> None:
        self.files.open_path(Path(path))

    def _remember_language(self, language: str) -> None:
        with contextlib.suppress(SaveError):  # settings are a convenience; the project is open either way
            self.settings.set(LANGUAGE_KEY, language)

    def _cannot_open(self, problem: str) -> None:
        QMessageBox.warning(self.window, self.tr("Start Page"), problem)

    # -- help ---------------------------------------------------------------------------------------

    def show_user_guide(self) -> None:
        from .dialogs.user_guide import UserGuideDialog

        dialog = getattr(self, "_guide", None)
        if dialog is None:
            dialog = self._guide = UserGuideDialog(self.window)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def show_shortcuts(self) -> None:
        from .dialogs.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.window)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
