"""File > Import / Export: the menu entries for CSV and planner imports and the text and page exports."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from ..domain.project import Project
from ..persistence.errors import ProjectFileError
from ..persistence.settings import Settings
from ..qtmodels.document import ProjectDocument

# (menu text, file filter, suffix, writer(project, path)); texts and filters are translated when shown
_CONTEXT = "InterchangeActions"
TEXT_EXPORTS: list[tuple[str, str, str, Callable[[Project, Path], None]]] = []


def _markdown(project: Project, path: Path) -> None:
    from ..interchange.markdown import project_to_markdown
    from ..persistence.atomic import atomic_write_text

    atomic_write_text(path, project_to_markdown(project))


def _mermaid(project: Project, path: Path) -> None:
    from ..interchange.mermaid import project_to_mermaid
    from ..persistence.atomic import atomic_write_text

    atomic_write_text(path, project_to_mermaid(project))


def _csv(kind: str) -> Callable[[Project, Path], None]:
    def write(project: Project, path: Path) -> None:
        from ..interchange.csv_export import write_csv

        write_csv(project, kind, path)

    return write


def _json(project: Project, path: Path) -> None:
    from ..interchange.json_export import write_json

    write_json(project, path)


def _mspdi(project: Project, path: Path) -> None:
    from ..interchange.mspdi_export import write_mspdi

    write_mspdi(project, path)


def _ics(project: Project, path: Path) -> None:
    from ..interchange.ics_export import write_ics

    write_ics(project, path)


def _tracker(fmt: str) -> Callable[[Project, Path], None]:
    def write(project: Project, path: Path) -> None:
        from ..interchange.tracker_csv import write_tracker_csv

        write_tracker_csv(project, fmt, path)

    return write


TEXT_EXPORTS += [
    (QT_TRANSLATE_NOOP("InterchangeActions", "&Markdown…"), "Markdown (*.md)", ".md", _markdown),
    (QT_TRANSLATE_NOOP("InterchangeActions", "&Requirements as CSV…"), "CSV (*.csv)", ".csv", _csv("requirement")),
    (QT_TRANSLATE_NOOP("InterchangeActions", "&Timeline Items as CSV…"), "CSV (*.csv)", ".csv", _csv("item")),
    (QT_TRANSLATE_NOOP("InterchangeActions", "Ris&ks as CSV…"), "CSV (*.csv)", ".csv", _csv("risk")),
    (QT_TRANSLATE_NOOP("InterchangeActions", "Mermaid &Gantt…"), "Mermaid (*.mmd)", ".mmd", _mermaid),
    (QT_TRANSLATE_NOOP("InterchangeActions", "Project &JSON…"), "JSON (*.json)", ".json", _json),
    (QT_TRANSLATE_NOOP("InterchangeActions", "MS Project &XML…"), "MS Project XML (*.xml)", ".xml", _mspdi),
    (QT_TRANSLATE_NOOP("InterchangeActions", "i&Calendar…"), "iCalendar (*.ics)", ".ics", _ics),
    (QT_TRANSLATE_NOOP("InterchangeActions", "Jir&a CSV…"), "CSV (*.csv)", ".csv", _tracker("jira")),
    (QT_TRANSLATE_NOOP("InterchangeActions", "&Linear CSV…"), "CSV (*.csv)", ".csv", _tracker("linear")),
]


# The parts a planner import leaves out (interchange.planner_import.DROPPED_KINDS), for the message.
DROPPED_TEXTS = {
    "baselines": QT_TRANSLATE_NOOP("InterchangeActions", "baselines"),
    "custom task fields": QT_TRANSLATE_NOOP("InterchangeActions", "custom task fields"),
    "finish-to-finish links": QT_TRANSLATE_NOOP("InterchangeActions", "finish-to-finish links"),
    "links of a task to itself": QT_TRANSLATE_NOOP("InterchangeActions", "links of a task to itself"),
    "links of an unknown type": QT_TRANSLATE_NOOP("InterchangeActions", "links of an unknown type"),
    "links of summary tasks": QT_TRANSLATE_NOOP("InterchangeActions", "links of summary tasks"),
    "links to missing tasks": QT_TRANSLATE_NOOP("InterchangeActions", "links to missing tasks"),
    "links to summary tasks": QT_TRANSLATE_NOOP("InterchangeActions", "links to summary tasks"),
    "nested summary tasks, flattened": QT_TRANSLATE_NOOP("InterchangeActions", "nested summary tasks, flattened"),
    "outline codes": QT_TRANSLATE_NOOP("InterchangeActions", "outline codes"),
    "resource vacations": QT_TRANSLATE_NOOP("InterchangeActions", "resource vacations"),
    "start-to-finish links": QT_TRANSLATE_NOOP("InterchangeActions", "start-to-finish links"),
    "start-to-start links": QT_TRANSLATE_NOOP("InterchangeActions", "start-to-start links"),
    "tasks with a repeated id": QT_TRANSLATE_NOOP("InterchangeActions", "tasks with a repeated id"),
    "timephased data": QT_TRANSLATE_NOOP("InterchangeActions", "timephased data"),
}


def dropped_text(dropped: dict[str, int]) -> str:
    """What an import left out, in the interface language: "not imported: baselines (2), …"."""
    parts = [f"{_tr(DROPPED_TEXTS.get(what, what))} ({count})" for what, count in sorted(dropped.items())]
    separator = QCoreApplication.translate("InterchangeActions", ", ", "between the parts an import left out")
    return QCoreApplication.translate("InterchangeActions", "Not imported: {parts}").format(parts=separator.join(parts))


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def safe_stem(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', "-", name).strip(" .") or "roadmap"


class InterchangeActions:
    """Builds the Import and Export entries of the File menu for ``window``; the window supplies
    its current document and its status-bar messages."""

    def __init__(
        self,
        window: QWidget,
        settings: Settings,
        document: Callable[[], ProjectDocument | None],
        show_info: Callable[[str], None],
    ) -> None:
        self.window = window
        self.settings = settings
        self.document = document
        self.show_info = show_info
        self.import_csv_action = QAction(window)
        self.import_csv_action.triggered.connect(self.import_csv)
        self.import_plan_action = QAction(window)
        self.import_plan_action.triggered.connect(self.import_plan)
        self.export_menu = QMenu(window)
        self.page_actions: list[QAction] = []
        self.text_actions: list[QAction] = []
        for text, file_filter, suffix, writer in TEXT_EXPORTS:
            action = self.export_menu.addAction(text)
            action.triggered.connect(
                lambda _=False, f=file_filter, s=suffix, w=writer, t=text: self.export_text(_tr(t), f, s, w)
            )
            self.text_actions.append(action)
        self.retranslate()

    def retranslate(self) -> None:
        """Give the menu entries the current interface language (the window calls this on a switch)."""
        self.import_csv_action.setText(
            QCoreApplication.translate("InterchangeActions", "Import Requirements from &CSV…")
        )
        self.import_csv_action.setStatusTip(
            QCoreApplication.translate(
                "InterchangeActions", "Add requirements from a spreadsheet or issue-tracker export"
            )
        )
        self.import_plan_action.setText(
            QCoreApplication.translate("InterchangeActions", "Import Plan from &GanttProject or MS Project…")
        )
        self.import_plan_action.setStatusTip(
            QCoreApplication.translate(
                "InterchangeActions", "Add the lanes and tasks of a .gan or MS Project XML file as one undoable step"
            )
        )
        self.export_menu.setTitle(QCoreApplication.translate("InterchangeActions", "&Export"))
        for action, (text, *_rest) in zip(self.text_actions, TEXT_EXPORTS, strict=True):
            action.setText(_tr(text))

    def add_page_export(self, action: QAction) -> None:
        """PDF and PNG come first in the menu: they are what people share."""
        first = self.export_menu.actions()[0] if self.export_menu.actions() else None
        self.export_menu.insertAction(first, action)
        if len(self.page_actions) == 0:
            self.export_menu.insertSeparator(first)
        self.page_actions.append(action)

    def _folder(self) -> str:
        folder = self.settings.get("export_folder") or self.settings.get("last_folder")
        return str(folder) if isinstance(folder, str) and Path(folder).is_dir() else str(Path.home())

    def _remember_folder(self, path: Path) -> None:
        # Remembering a folder is a convenience; the export itself succeeded.
        with contextlib.suppress(ProjectFileError):
            self.settings.set("export_folder", str(path.parent))

    def export_text(self, text: str, file_filter: str, suffix: str, writer: Callable[[Project, Path], None]) -> bool:
        document = self.document()
        if document is None:
            return False
        title = QCoreApplication.translate("InterchangeActions", "Export {what}").format(
            what=text.replace("&", "").rstrip("…")
        )
        proposed = Path(self._folder()) / (safe_stem(document.project.info.name) + suffix)
        chosen, _ = QFileDialog.getSaveFileName(self.window, title, str(proposed), file_filter)
        if not chosen:
            return False
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(suffix)
        return self.write(writer, document.project, path)

    def write(self, writer: Callable[[Project, Path], None], project: Project, path: Path) -> bool:
        try:
            writer(project, path)
        except (ProjectFileError, OSError) as exc:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("InterchangeActions", "Export"),
                QCoreApplication.translate("InterchangeActions", "Could not export to {path}:\n{problem}").format(
                    path=path, problem=exc
                ),
            )
            return False
        self._remember_folder(path)
        self.show_info(QCoreApplication.translate("InterchangeActions", "Exported {name}").format(name=path.name))
        return True

    def import_csv(self) -> bool:
        from ..interchange.csv_import import CsvReadError
        from .dialogs.csv_import_dialog import CsvImportDialog

        document = self.document()
        if document is None:
            return False
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("InterchangeActions", "Import Requirements from CSV"),
            self._folder(),
            QCoreApplication.translate("InterchangeActions", "CSV files (*.csv *.tsv *.txt);;All files (*)"),
        )
        if not chosen:
            return False
        try:
            dialog = CsvImportDialog(document, chosen, self.window)
        except CsvReadError as exc:
            QMessageBox.warning(self.window, QCoreApplication.translate("InterchangeActions", "Import"), str(exc))
            return False
        self._remember_folder(Path(chosen))
        return bool(dialog.exec())

    def import_plan(self) -> bool:
        """A .gan or MSPDI file's tasks as lanes and items: one undo step; what was left out is said."""
        from ..interchange.gan_import import import_gan
        from ..interchange.mspdi_import import import_mspdi

        document = self.document()
        if document is None:
            return False
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("InterchangeActions", "Import Plan"),
            self._folder(),
            QCoreApplication.translate(
                "InterchangeActions",
                "Plans (*.gan *.xml);;GanttProject (*.gan);;MS Project XML (*.xml);;All files (*)",
            ),
        )
        if not chosen:
            return False
        return self.import_plan_file(Path(chosen), import_gan if chosen.lower().endswith(".gan") else import_mspdi)

    def import_plan_file(self, path: Path, reader: Callable) -> bool:
        document = self.document()
        if document is None:
            return False
        title = QCoreApplication.translate("InterchangeActions", "Import")
        try:
            result = reader(path, document.project)
            if not result.items:
                raise ValueError(
                    QCoreApplication.translate("InterchangeActions", "{name} holds no tasks to import").format(
                        name=path.name
                    )
                )
            document.execute(result.command)
        except (ProjectFileError, ValueError) as exc:
            QMessageBox.warning(self.window, title, str(exc))
            return False
        self._remember_folder(path)
        done = QCoreApplication.translate(
            "InterchangeActions", "Imported {items} items and {lanes} new lanes from {name}"
        ).format(items=len(result.items), lanes=len(result.lanes), name=path.name)
        self.show_info(done)
        if result.dropped:
            QMessageBox.information(self.window, title, f"{done}\n{dropped_text(result.dropped)}")
        return True
