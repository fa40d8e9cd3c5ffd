"""The window's open project: new, open, save, recent files, autosave and recovery, unsaved changes, title."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from ..domain.collector import collector_paused
from ..domain.project import Project
from ..persistence.autosave import RecoveryStore
from ..persistence.errors import ProjectFileError, SaveError
from ..persistence.project_file import load_project, older_file
from ..persistence.settings import Settings
from ..qtmodels.document import ProjectDocument
from .dialogs.recovery import ask_recover

APP_NAME = "Roadmap Desktop"  # a product name: not translated
AUTOSAVE_INTERVAL_MS = 60_000
SUFFIX = ".roadmap"


def file_filter() -> str:
    return QApplication.translate("MainWindow", "Roadmap projects (*.roadmap);;All files (*)")


class DocumentController(QObject):
    """Owns the document a window shows and every file command on it.

    Replacing the document emits ``document_replaced(new, old)`` while both are alive, so the window
    can rebuild its views and unhook the old undo stack; the old document is closed right after.
    """

    document_replaced = Signal(object, object)  # ProjectDocument, ProjectDocument | None

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        recovery: RecoveryStore,
        show_info: Callable[[str], None],
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.recovery = recovery
        self.document: ProjectDocument | None = None
        self._show_info = show_info
        self._show_error = show_error
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # -- the document ------------------------------------------------------------------
    def set_document(self, document: ProjectDocument) -> None:
        old = self.document
        self.document = document
        document.modified_changed.connect(self.update_title)
        document.path_changed.connect(self.update_title)
        document.project_changed.connect(self._on_document_project_changed)
        self.document_replaced.emit(document, old)
        if old is not None:
            old.close()
            old.deleteLater()
        self.update_title()

    def update_title(self, *_args) -> None:
        """The window title names the project and its file; [*] shows the unsaved mark."""
        document = self.document
        if document is None:
            return
        self.window.setWindowTitle(f"{document.project.info.name} — {document.display_name()}[*] — {APP_NAME}")
        self.window.setWindowModified(document.is_modified())

    def _on_document_project_changed(self, event) -> None:
        if event.kind == "project":
            self.update_title()

    # -- file commands -------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        document = self.document
        if document is None or not document.is_modified():
            return True
        answer = QMessageBox.warning(
            self.window,
            APP_NAME,
            self.tr("“{name}” has unsaved changes.\nSave them before closing?").format(name=document.project.info.name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.recovery.discard(document.project.info.id)
            return True
        return False

    def new_project(self) -> None:
        if self.maybe_save():
            self.set_document(ProjectDocument(Project.new()))
            self._show_info(self.tr("New project"))

    def replace_with(self, project: Project, message: str) -> bool:
        """Show the new, unsaved ``project`` once unsaved changes are saved or discarded; False when cancelled."""
        if not self.maybe_save():
            return False
        self.set_document(ProjectDocument(project))
        self._show_info(message)
        return True

    def new_project_from_template(self) -> None:
        from .dialogs.template_dialog import new_project_from_template

        if not self.maybe_save():
            return
        project = new_project_from_template(self.window, self.settings)
        if project is not None:
            self.set_document(ProjectDocument(project))
            self._show_info(self.tr("New project from template: {name}").format(name=project.info.name))

    def open_dialog(self) -> None:
        start = self.settings.get("last_folder") or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open Project"), start, file_filter())
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        if not self.maybe_save():
            return False
        # The project and its views are one big tree of long-lived objects: no garbage to look for meanwhile.
        try:
            with collector_paused():
                loaded = load_project(path)
                document = ProjectDocument(loaded.project, loaded.path, older=loaded.older)
                self.set_document(document)
        except ProjectFileError as exc:
            QMessageBox.critical(self.window, self.tr("Cannot open project"), str(exc))
            return False
        self._remember(path)
        if loaded.older is not None:
            document.mark_dirty()
            self._show_info(
                self.tr(
                    "Converted from file format version {version}; the file is unchanged until you save, "
                    "and saving keeps the original as {backup}."
                ).format(version=loaded.older.version, backup=loaded.older.backup_name())
            )
        else:
            self._show_info(self.tr("Opened {path}").format(path=path))
        return True

    def save(self) -> bool:
        document = self.document
        if document is None:
            return False
        if document.path is None:
            return self.save_as()
        return self.save_to(document.path)

    def save_as(self) -> bool:
        document = self.document
        if document is None:
            return False
        folder = Path(self.settings.get("last_folder") or Path.home())
        suggested = document.path or folder / f"{_safe_file_name(document.project.info.name)}{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save Project As"), str(suggested), file_filter())
        if not path:
            return False
        target = Path(path)
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        return self.save_to(target)

    def save_to(self, path: Path) -> bool:
        """Save under ``path`` (no questions); a failure is reported and the changes stay open."""
        document = self.document
        assert document is not None
        older = document.older
        try:
            backup = document.save(path)
        except (SaveError, OSError) as exc:
            if self.ask_save_as(exc):
                return self.save_as()
            return False
        self.recovery.discard(document.project.info.id)
        self._remember(path)
        if backup is not None and older is not None:
            self._show_info(
                self.tr("Saved {path}; the file format version {version} original is kept as {backup}").format(
                    path=path, version=older.version, backup=backup
                )
            )
        else:
            self._show_info(self.tr("Saved {path}").format(path=path))
        return True

    def ask_save_as(self, problem: Exception) -> bool:
        """Say why the save failed (the changes stay open) and offer Save As; True when the user takes it."""
        if isinstance(problem, SaveError) and problem.read_only:
            hint = self.tr("Your changes are still open. Use Save As to save them under another name.")
        else:
            hint = self.tr("Your changes are still open. Free some space, or use Save As to choose another folder.")
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Cannot save project"),
            f"{problem}\n\n{hint}",
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        save_as = box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(save_as)
        box.exec()
        return box.clickedButton() is save_as

    # -- recent files ------------------------------------------------------------------
    def _remember(self, path: Path) -> None:
        try:
            self.settings.add_recent(str(path))
            self.settings.set("last_folder", str(path.parent))
        except SaveError as exc:  # settings are a convenience; never block the user's work
            self._show_error(self.tr("Could not remember recent files: {problem}").format(problem=exc))

    def fill_recent_menu(self, menu: QMenu) -> None:
        """File > Open Recent, filled each time it opens: files that no longer exist are left out."""
        menu.clear()
        recent = [p for p in self.settings.recent_files() if Path(p).is_file()]
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(Path(p)))
        if not recent:
            empty = menu.addAction(self.tr("No recent projects"))
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            clear = menu.addAction(self.tr("Clear List"))
            clear.triggered.connect(self.clear_recent)

    def clear_recent(self) -> None:
        for path in self.settings.recent_files():
            self.settings.remove_recent(path)

    # -- dropped files -------------------------------------------------------------------
    def accepts_drop(self, mime: QMimeData) -> bool:
        return any(url.toLocalFile().endswith(SUFFIX) for url in mime.urls())

    def open_dropped(self, mime: QMimeData) -> bool:
        """Open the first project file among dropped files; True when there was one."""
        for url in mime.urls():
            path = Path(url.toLocalFile())
            if path.suffix == SUFFIX:
                # Open after the drop returns, so a modal question does not block the drag source.
                QTimer.singleShot(0, lambda p=path: self.open_path(p))
                return True
        return False

    # -- autosave and recovery -----------------------------------------------------------
    def autosave(self) -> None:
        document = self.document
        if document is None or not document.needs_recovery_copy():
            return
        try:
            self.recovery.write(document.project, document.path)
            document.autosaved_index = document.undo_stack.index()
        except (SaveError, OSError) as exc:
            self._show_error(self.tr("Autosave failed: {problem}").format(problem=exc))

    def offer_recovery(self) -> None:
        for entry in self.recovery.entries():
            if self.document is not None and entry.project_id == self.document.project.info.id:
                continue
            choice = ask_recover(entry, self.window)
            if choice == "discard":
                self.recovery.discard(entry.project_id)
            elif choice == "recover":
                try:
                    project = self.recovery.load(entry)
                except ProjectFileError as exc:
                    QMessageBox.critical(self.window, self.tr("Cannot recover project"), str(exc))
                    continue
                if not self.maybe_save():
                    return
                source = Path(entry.source_path) if entry.source_path else None
                # Saving over an older-format source keeps a copy of it, as after opening it.
                document = ProjectDocument(project, source, older=older_file(source) if source else None)
                self.set_document(document)
                document.mark_dirty()
                self._show_info(self.tr("Recovered unsaved work. Save it to keep it."))
                return


def _safe_file_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip()
    return cleaned or "roadmap"
