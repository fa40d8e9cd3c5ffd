"""The forecast beside the timeline: P50 / P80 / P90 finish dates for the roadmap and each
milestone, a histogram, and the selected item's outlook; recomputed off the GUI thread."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.project import Project
from ...domain.scheduling import Schedule, ScheduleError, plan_view, schedule
from ...qtmodels.document import ProjectDocument
from ...render.forecast_histogram import paint_histogram
from ..i18n import interface_date

if TYPE_CHECKING:  # domain.forecast pulls in numpy: imported by the job, not at start-up
    from ...domain.forecast import Forecast, Histogram

_generation = itertools.count(1)
# Jobs the thread pool is running: referenced here, not by a panel that may be closed first.
_RUNNING: dict[int, QRunnable] = {}


class _Signals(QObject):
    finished = Signal(int, object, object)  # generation, Schedule, Forecast
    failed = Signal(int, str)


class _ForecastJob(QRunnable):
    def __init__(self, generation: int, project: Project, runs: int | None, seed: int | None) -> None:
        super().__init__()
        self.generation, self.project, self.runs, self.seed = generation, project, runs, seed
        self.signals = _Signals()

    def run(self) -> None:
        # At shutdown the application may take the signal object with it before the job ends.
        with contextlib.suppress(RuntimeError):
            self._run()

    def _run(self) -> None:
        try:
            planned = plan_view(self.project)  # items parked on the board have no date to forecast
            plan = schedule(planned, keep_dates=True)  # the roadmap as drawn: a moved bar moves the forecast
            from ...domain.forecast import forecast

            sampling = {k: v for k, v in (("runs", self.runs), ("seed", self.seed)) if v is not None}
            outlook = forecast(planned, plan, **sampling)
        except ScheduleError as exc:
            self.signals.failed.emit(self.generation, str(exc))
        except Exception as exc:  # a worker must report, never die silently
            self.signals.failed.emit(
                self.generation,
                QCoreApplication.translate("ForecastPanel", "The forecast failed: {problem}").format(problem=exc),
            )
        else:
            self.signals.finished.emit(self.generation, plan, outlook)


class HistogramView(QWidget):
    """Finish-date histogram with the P50, P80 and P90 lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.histogram: Histogram | None = None
        self.marks: dict[str, dt.date] = {}
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, histogram: Histogram | None, marks: dict[str, dt.date]) -> None:
        self.histogram, self.marks = histogram, marks
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(6, 6, -6, -4)
        histogram = self.histogram
        if histogram is None or not histogram.counts or area.width() < 20:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No forecast yet"))
            return
        # The same painter as the PDF's forecast page, with the screen's font and the interface's dates.
        ground = self.palette().window().color()
        paint_histogram(painter, area, histogram, self.marks, self.font(), interface_date, ground=ground)


class ForecastPanel(QWidget):
    """Keeps a forecast of the open project up to date; emits the schedule it was based on."""

    forecast_ready = Signal(object, object)  # Schedule, Forecast
    forecast_failed = Signal(str)  # a dependency cycle, named

    def __init__(
        self,
        document: ProjectDocument,
        runs: int | None = None,  # None: the forecast's defaults (10,000 runs, seed 1)
        seed: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.runs, self.seed = runs, seed
        self.plan: Schedule | None = None
        self.outlook: Forecast | None = None
        self.selected_id: str | None = None
        self._generation = 0
        self.title = QLabel("<b>" + self.tr("Forecast") + "</b>")
        self.roadmap_label = QLabel(self.tr("Computing…"))
        self.roadmap_label.setWordWrap(True)
        self.histogram = HistogramView()
        self.milestones = QTreeWidget()
        self.milestones.setRootIsDecorated(False)
        self.milestones.setHeaderLabels([self.tr("Milestone"), "P50", "P80", "P90"])
        self.milestones.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.milestones.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.milestones.currentItemChanged.connect(self._show_histogram)
        # Wide enough for the three dates and a readable name, so no date is cut off beside the timeline.
        date_width = self.fontMetrics().horizontalAdvance("2027-12-31") + 14
        self.setMinimumWidth(3 * date_width + 130)
        self.item_label = QLabel()
        self.item_label.setWordWrap(True)
        self.note = QLabel(
            self.tr(
                "P80: 8 in 10 simulated runs finish by this date. Durations vary between each item's "
                "optimistic and pessimistic days; linked risks add their delay with their likelihood."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.roadmap_label)
        layout.addWidget(self.histogram)
        layout.addWidget(self.milestones, 1)
        layout.addWidget(self.item_label)
        layout.addWidget(self.note)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # one run per burst of edits (a drag, an accepted batch)
        self._timer.timeout.connect(self.recompute)
        document.project_changed.connect(self._on_document_project_changed)
        # The first forecast starts once the window is built: its thread would compete with the building
        # for the interpreter (a 20,000-requirement project opened a second later).
        self._first_run = QTimer(self)
        self._first_run.setSingleShot(True)
        self._first_run.setInterval(0)
        self._first_run.timeout.connect(self.recompute)
        self._first_run.start()

    def _on_document_project_changed(self, event) -> None:
        if event.kind in ("item", "risk", "lane"):
            self._timer.start()

    def recompute(self) -> None:
        self._generation = next(_generation)
        project = self.document.project.snapshot()  # the worker never reads the live, editable project
        job = _ForecastJob(self._generation, project, self.runs, self.seed)
        job.setAutoDelete(False)  # kept in _jobs until its signal arrives
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        _RUNNING[self._generation] = job
        QThreadPool.globalInstance().start(job)

    def wait(self) -> None:
        """Block until running forecasts end (tests, shutdown)."""
        QThreadPool.globalInstance().waitForDone()

    def _on_job_failed(self, generation: int, message: str) -> None:
        _RUNNING.pop(generation, None)
        if generation != self._generation:
            return
        self.plan = self.outlook = None
        self.roadmap_label.setText(message)
        self.milestones.clear()
        self.histogram.set_data(None, {})
        self.forecast_failed.emit(message)

    def _on_job_finished(self, generation: int, plan: Schedule, outlook: Forecast) -> None:
        _RUNNING.pop(generation, None)
        if generation != self._generation:
            return  # a newer edit already asked for a newer forecast
        self.plan, self.outlook = plan, outlook
        self.title.setText(
            "<b>"
            + self.tr("Forecast")
            + "</b> · "
            + self.tr("{runs} runs · seed {seed}").format(runs=f"{outlook.runs:,}", seed=outlook.seed)
        )
        if outlook.roadmap is None:
            self.roadmap_label.setText(self.tr("No scheduled items yet."))
        else:
            r = outlook.roadmap
            planned = plan.finish.isoformat() if plan.finish else "–"
            self.roadmap_label.setText(
                self.tr("Whole roadmap: planned {planned} · <b>P50 {p50}</b> · <b>P80 {p80}</b> · P90 {p90}").format(
                    planned=planned, p50=r.p50, p80=r.p80, p90=r.p90
                )
            )
        titles = {item.id: item.title for item in self.document.project.items}
        late = [c for c in plan.conflicts if c.kind == "dependency"]
        if late and outlook.roadmap is not None:
            # The forecast lets such an item wait for its predecessor; say so rather than hide it.
            first = self.tr("“{item}” starts before “{other}” ends").format(
                item=titles.get(late[0].item_id, "?"), other=titles.get(late[0].other_id, "?")
            )
            more = self.tr(" (and {count} more)").format(count=len(late) - 1) if len(late) > 1 else ""
            self.roadmap_label.setText(
                self.roadmap_label.text()
                + "<br><span style='color:#b00020'>"
                + html.escape(first + more)
                + self.tr("; the forecast lets it wait. Auto-schedule moves it.")
                + "</span>"
            )
        current = self.milestones.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        self.milestones.blockSignals(True)
        self.milestones.clear()
        whole = QTreeWidgetItem([self.tr("Whole roadmap"), *(self._dates(outlook.roadmap))])
        self.milestones.addTopLevelItem(whole)
        for item_id, p in outlook.milestones.items():
            row = QTreeWidgetItem([titles.get(item_id, "?"), *self._dates(p)])
            row.setData(0, Qt.ItemDataRole.UserRole, item_id)
            row.setToolTip(0, titles.get(item_id, ""))
            self.milestones.addTopLevelItem(row)
            if item_id == keep:
                self.milestones.setCurrentItem(row)
        if self.milestones.currentItem() is None:
            self.milestones.setCurrentItem(whole)
        self.milestones.blockSignals(False)
        self._show_histogram()
        self.show_item(self.selected_id)
        self.forecast_ready.emit(plan, outlook)

    @staticmethod
    def _dates(p) -> list[str]:
        return [p.p50.isoformat(), p.p80.isoformat(), p.p90.isoformat()] if p else ["", "", ""]

    def _show_histogram(self, *_args) -> None:
        outlook = self.outlook
        if outlook is None:
            self.histogram.set_data(None, {})
            return
        current = self.milestones.currentItem()
        item_id = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        if item_id and item_id in outlook.milestone_histograms:
            p = outlook.milestones[item_id]
            self.histogram.set_data(outlook.milestone_histograms[item_id], {"P50": p.p50, "P80": p.p80, "P90": p.p90})
        elif outlook.roadmap is not None:
            p = outlook.roadmap
            self.histogram.set_data(outlook.roadmap_histogram, {"P50": p.p50, "P80": p.p80, "P90": p.p90})

    def show_item(self, item_id: str | None) -> None:
        """The selected item's outlook, under the histogram."""
        self.selected_id = item_id
        outlook, plan = self.outlook, self.plan
        item = self.document.project.find("item", item_id) if item_id else None
        if item is None or outlook is None or plan is None or item_id not in outlook.items:
            self.item_label.setText("")
            return
        p = outlook.items[item_id]
        planned = plan.items[item_id].end.isoformat() if item_id in plan.items else "–"
        risks = outlook.risk_counts.get(item_id, 0)
        slack = plan.items[item_id].slack_days if item_id in plan.items else 0
        risk_text = self.tr("1 linked risk") if risks == 1 else self.tr("{count} linked risks").format(count=risks)
        slack_text = self.tr("slack 1 day") if slack == 1 else self.tr("slack {count} days").format(count=slack)
        self.item_label.setText(
            self.tr("<b>{item}</b>: planned end {planned}, P50 {p50}, P80 {p80}, P90 {p90}; {risks}; {slack}").format(
                item=item.display_name(),
                planned=planned,
                p50=p.p50,
                p80=p.p80,
                p90=p.p90,
                risks=risk_text,
                slack=slack_text,
            )
        )
