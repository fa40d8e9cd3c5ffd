"""Roadmap PDF export dialog (page set-up, sections, dates, output file) and the PNG timeline export,
both running the export in a worker thread behind a cancellable progress dialog."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import FIRST_DATE, LAST_DATE, clamp
from ...domain.project import Project
from ...export.pdf.options import FITS, ORIENTATIONS, PAGE_SIZES, SECTIONS, PdfOptions
from ...persistence.errors import ProjectFileError
from ...persistence.settings import Settings
from ..interchange_actions import safe_stem

SETTINGS_KEY = "pdf_export"
# English, as stored; shown through _tr so lupdate finds them (QT_TRANSLATE_NOOP returns the text).
SECTION_LABELS = {
    "title": QT_TRANSLATE_NOOP("PdfExportDialog", "Title page and summary"),
    "one_page": QT_TRANSLATE_NOOP("PdfExportDialog", "One-page summary (a single landscape page)"),
    "timeline": QT_TRANSLATE_NOOP("PdfExportDialog", "Timeline"),
    "forecast": QT_TRANSLATE_NOOP("PdfExportDialog", "Forecast, drivers of delay and critical path"),
    "board": QT_TRANSLATE_NOOP("PdfExportDialog", "Now / Next / Later"),
    "requirements": QT_TRANSLATE_NOOP("PdfExportDialog", "Prioritised requirements"),
    "risks": QT_TRANSLATE_NOOP("PdfExportDialog", "Risk heat map and register"),
}
FIT_LABELS = {
    "one_page": QT_TRANSLATE_NOOP("PdfExportDialog", "Fit on one page"),
    "split": QT_TRANSLATE_NOOP("PdfExportDialog", "Split across pages by date"),
}
ORIENTATION_LABELS = {
    "portrait": QT_TRANSLATE_NOOP("PdfExportDialog", "Portrait"),
    "landscape": QT_TRANSLATE_NOOP("PdfExportDialog", "Landscape"),
}
ExportFunction = Callable[..., object]


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfExportDialog", text)


class _ExportWorker(QObject):
    progressed = Signal(int, int)
    export_finished = Signal(list)
    export_failed = Signal(str)
    export_cancelled = Signal()

    def __init__(self, function: ExportFunction, project: Project, path: Path, options: dict[str, object]) -> None:
        super().__init__()
        self._function = function
        self._project = project
        self._path = path
        self._options = options
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        from ...export.pdf.document import ExportCancelled

        try:
            if self._cancel.is_set():
                raise ExportCancelled("export cancelled")
            warnings = self._function(self._project, self._path, progress=self._progress, **self._options)
        except ExportCancelled:
            self.export_cancelled.emit()
        except (ProjectFileError, ValueError, OSError) as exc:
            self.export_failed.emit(str(exc))
        except Exception as exc:  # reported, never lost in the worker thread
            self.export_failed.emit(f"{self._path}: unexpected error: {exc}")
        else:
            self.export_finished.emit(list(warnings) if isinstance(warnings, list) else [])


class ExportJob(QObject):
    """One export in its own QThread; signals arrive on the GUI thread. ``cancel`` is safe any time."""

    progressed = Signal(int, int)
    export_finished = Signal(str, list)  # path, warnings
    export_failed = Signal(str)
    export_cancelled = Signal()

    def __init__(
        self,
        function: ExportFunction,
        project: Project,
        path: str | Path,
        options: dict[str, object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._thread = QThread(self)
        self._worker = _ExportWorker(function, project.snapshot(), self.path, dict(options or {}))
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._thread.finished.connect(self._worker.deleteLater)
        self._worker.progressed.connect(self._on_worker_progressed)
        self._worker.export_finished.connect(self._on_worker_export_finished)
        self._worker.export_failed.connect(self._on_worker_export_failed)
        self._worker.export_cancelled.connect(self._on_worker_export_cancelled)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel()

    def stop(self) -> None:
        """Cancel and wait for the thread (closing the dialog or the window)."""
        self._worker.cancel()
        self._thread.quit()
        self._thread.wait()
        self.running = False

    def _finish(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.running = False

    @Slot(int, int)
    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(list)
    def _on_worker_export_finished(self, warnings: list) -> None:
        self._finish()
        self.export_finished.emit(str(self.path), warnings)

    @Slot(str)
    def _on_worker_export_failed(self, message: str) -> None:
        self._finish()
        self.export_failed.emit(message)

    @Slot()
    def _on_worker_export_cancelled(self) -> None:
        self._finish()
        self.export_cancelled.emit()


class _ProgressRunner(QObject):
    """Shows a window-modal QProgressDialog for a job; Cancel cancels the job."""

    def __init__(self, job: ExportJob, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self.job = job
        self.dialog = QProgressDialog(label, QCoreApplication.translate("PdfExportDialog", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(QCoreApplication.translate("PdfExportDialog", "Export"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._on_dialog_canceled)
        job.progressed.connect(self._on_job_progressed)
        for signal in (job.export_finished, job.export_failed, job.export_cancelled):
            signal.connect(self._on_job_ended)

    @Slot()
    def _on_dialog_canceled(self) -> None:
        self.dialog.setLabelText(QCoreApplication.translate("PdfExportDialog", "Cancelling…"))
        self.job.cancel()

    @Slot(int, int)
    def _on_job_progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    @Slot()
    def _on_job_ended(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()


class PdfExportDialog(QDialog):
    """Choose page set-up, sections, dates and the file; Export runs in a worker thread."""

    export_finished = Signal(str, list)  # path, warnings
    export_failed = Signal(str)
    export_cancelled = Signal()

    def __init__(self, project: Project, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.settings = settings
        self.job: ExportJob | None = None
        self.last_path: Path | None = None
        self.message_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Export Roadmap PDF"))

        self.page_size_combo = QComboBox()
        for size in PAGE_SIZES:
            self.page_size_combo.addItem(size, size)
        self.orientation_combo = QComboBox()
        for orientation in ORIENTATIONS:
            self.orientation_combo.addItem(
                _tr(ORIENTATION_LABELS.get(orientation, orientation.capitalize())), orientation
            )
        self.fit_combo = QComboBox()
        for fit in FITS:
            self.fit_combo.addItem(_tr(FIT_LABELS[fit]), fit)
        self.fit_combo.setToolTip(self.tr("How the timeline is laid out: scaled onto one page, or sliced by months"))

        self.section_boxes: dict[str, QCheckBox] = {}
        sections_box = QGroupBox(self.tr("Sections"))
        sections_layout = QVBoxLayout(sections_box)
        for section in SECTIONS:
            box = QCheckBox(_tr(SECTION_LABELS[section]))
            box.toggled.connect(self._update_buttons)
            self.section_boxes[section] = box
            sections_layout.addWidget(box)

        dates = [i.start for i in project.items if i.start] + [i.end for i in project.items if i.end]
        today = dt.date.today()
        self.whole_range_box = QCheckBox(self.tr("Whole project"))
        self.whole_range_box.setChecked(True)
        self.from_edit = _date_edit(min(dates) if dates else today)
        self.to_edit = _date_edit(max(dates) if dates else today)
        self.whole_range_box.toggled.connect(self._update_buttons)
        range_row = QHBoxLayout()
        range_row.addWidget(self.whole_range_box)
        range_row.addWidget(QLabel(self.tr("from")))
        range_row.addWidget(self.from_edit)
        range_row.addWidget(QLabel(self.tr("to")))
        range_row.addWidget(self.to_edit)
        range_row.addStretch(1)
        self.as_of_edit = _date_edit(today)
        self.as_of_edit.setToolTip(self.tr("The date printed on every page and marked on the timeline"))

        self.path_edit = QLineEdit()
        self.path_edit.textChanged.connect(self._update_buttons)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("Open PDF"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.setDefault(True)
        self.open_button.setVisible(False)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.close_button.clicked.connect(self.reject)

        page_box = QGroupBox(self.tr("Page"))
        form = QFormLayout(page_box)
        form.addRow(self.tr("Page size"), self.page_size_combo)
        form.addRow(self.tr("Orientation"), self.orientation_combo)
        form.addRow(self.tr("Timeline"), self.fit_combo)
        form.addRow(self.tr("Dates"), range_row)
        form.addRow(self.tr("As of"), self.as_of_edit)
        top = QHBoxLayout()
        top.addWidget(page_box, 3)
        top.addWidget(sections_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        file_row = QFormLayout()
        file_row.addRow(self.tr("Save as"), path_row)
        layout.addLayout(file_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self._load_settings()
        self._update_buttons()

    # -- options -------------------------------------------------------------------------------------
    def options(self) -> PdfOptions:
        whole = self.whole_range_box.isChecked()
        return PdfOptions(
            page_size=self.page_size_combo.currentData(),
            orientation=self.orientation_combo.currentData(),
            fit=self.fit_combo.currentData(),
            sections=[s for s, box in self.section_boxes.items() if box.isChecked()] or ["title"],
            date_from=None if whole else self.from_edit.date().toPython(),
            date_to=None if whole else self.to_edit.date().toPython(),
            as_of=self.as_of_edit.date().toPython(),
        )

    def set_options(self, options: PdfOptions) -> None:
        _select(self.page_size_combo, options.page_size)
        _select(self.orientation_combo, options.orientation)
        _select(self.fit_combo, options.fit)
        for section, box in self.section_boxes.items():
            box.setChecked(section in options.sections)

    def _load_settings(self) -> None:
        stored = self.settings.get(SETTINGS_KEY)
        stored = stored if isinstance(stored, dict) else {}
        # Dates belong to one project, so only the page set-up, sections and folder are remembered.
        remembered = {k: stored[k] for k in ("page_size", "orientation", "fit", "sections") if k in stored}
        self.set_options(PdfOptions.from_dict(remembered, strict=False))
        folder = stored.get("folder") or self.settings.get("export_folder")
        if not (isinstance(folder, str) and Path(folder).is_dir()):
            folder = str(Path.home())
        self.path_edit.setText(str(Path(folder) / (safe_stem(self.project.info.name) + ".pdf")))

    def _save_settings(self, path: Path) -> None:
        options = self.options().to_dict()
        stored = {k: options[k] for k in ("page_size", "orientation", "fit", "sections")}
        stored["folder"] = str(path.parent)
        with contextlib.suppress(ProjectFileError):  # remembering is a convenience
            self.settings.set(SETTINGS_KEY, stored)

    # -- export ---------------------------------------------------------------------------------------
    def output_path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    @Slot()
    def start_export(self) -> None:
        if self.job is not None and self.job.running:
            return
        if not self.path_edit.text().strip():
            self._show_error(self.tr("Choose where to save the PDF."))
            return
        try:
            options = self.options()
        except ValueError as exc:
            self._show_error(str(exc))
            return
        path = self.output_path()
        self._save_settings(path)
        from ...export.pdf.document import export_pdf

        self.status_label.setText(self.tr("Exporting…"))
        self.open_button.setVisible(False)
        self.job = ExportJob(export_pdf, self.project, path, {"options": options}, self)
        self.job.export_finished.connect(self._on_job_export_finished)
        self.job.export_failed.connect(self._on_job_export_failed)
        self.job.export_cancelled.connect(self._on_job_export_cancelled)
        _ProgressRunner(self.job, self, self.tr("Writing {name}…").format(name=path.name))
        self.job.start()
        self._update_buttons()

    @Slot(str, list)
    def _on_job_export_finished(self, path: str, warnings: list) -> None:
        self.last_path = Path(path)
        text = self.tr("Saved {path}").format(path=path)
        if warnings:
            text += "\n" + "\n".join(warnings)
        self.status_label.setText(text)
        self.open_button.setVisible(True)
        self._update_buttons()
        self.export_finished.emit(path, warnings)

    @Slot(str)
    def _on_job_export_failed(self, message: str) -> None:
        self.status_label.setText("")
        self._update_buttons()
        self._show_error(message)
        self.export_failed.emit(message)

    @Slot()
    def _on_job_export_cancelled(self) -> None:
        self.status_label.setText(self.tr("Export cancelled; nothing was written."))
        self._update_buttons()
        self.export_cancelled.emit()

    def _show_error(self, message: str) -> None:
        self.message_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export failed"), message, parent=self)
        self.message_box.open()  # not exec(): the GUI keeps running

    @Slot()
    def _on_open_clicked(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path)))

    @Slot()
    def _on_browse_clicked(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Roadmap PDF"), str(self.output_path()), self.tr("PDF (*.pdf)")
        )
        if chosen:
            self.path_edit.setText(chosen)

    @Slot()
    def _update_buttons(self) -> None:
        busy = self.job is not None and self.job.running
        has_section = any(box.isChecked() for box in self.section_boxes.values())
        self.export_button.setEnabled(not busy and has_section and bool(self.path_edit.text().strip()))
        whole = self.whole_range_box.isChecked()
        self.from_edit.setEnabled(not whole)
        self.to_edit.setEnabled(not whole)

    def shutdown(self) -> None:
        """Cancel a running export and wait for its thread; closing the dialog does this too."""
        if self.job is not None and self.job.running:
            self.job.stop()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)


# -- PNG --------------------------------------------------------------------------------------------------


def png_export_job(parent: QWidget, project: Project, path: str | Path, **options: object) -> ExportJob:
    """A job (not started yet) exporting the timeline PNG with a progress dialog; connect to its
    export_finished / export_failed signals, then call ``start()``."""
    from ...export.png import export_png

    job = ExportJob(export_png, project, path, options, parent)
    _ProgressRunner(
        job, parent, QCoreApplication.translate("PdfExportDialog", "Writing {name}…").format(name=Path(path).name)
    )
    return job


def export_png_interactively(parent: QWidget, project: Project, settings: Settings) -> ExportJob | None:
    """Ask for a file name, then export; shows a message when it fails or has a warning."""
    folder = settings.get("export_folder")
    folder = folder if isinstance(folder, str) and Path(folder).is_dir() else str(Path.home())
    proposed = Path(folder) / (safe_stem(project.info.name) + " timeline.png")
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PdfExportDialog", "Export Timeline Image"),
        str(proposed),
        QCoreApplication.translate("PdfExportDialog", "PNG image (*.png)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".png":
        path = path.with_name(path.name + ".png")
    job = png_export_job(parent, project, path)
    _PngReporter(job, parent, settings)
    job.start()
    return job


class _PngReporter(QObject):
    def __init__(self, job: ExportJob, parent: QWidget, settings: Settings) -> None:
        super().__init__(parent)
        self.window = parent
        self.settings = settings
        job.export_finished.connect(self._on_job_export_finished)
        job.export_failed.connect(self._on_job_export_failed)

    @Slot(str, list)
    def _on_job_export_finished(self, path: str, warnings: list) -> None:
        with contextlib.suppress(ProjectFileError):
            self.settings.set("export_folder", str(Path(path).parent))
        if warnings:
            QMessageBox(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("PdfExportDialog", "Export"),
                "\n".join(warnings),
                parent=self.window,
            ).open()

    @Slot(str)
    def _on_job_export_failed(self, message: str) -> None:
        QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("PdfExportDialog", "Export failed"),
            message,
            parent=self.window,
        ).open()


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit()
    edit.setDateRange(_qdate(FIRST_DATE), _qdate(LAST_DATE))  # PdfOptions refuses any other date
    edit.setDate(_qdate(clamp(day)))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
