"""Dates at the calendar's edges (issue 16, item 1) on every surface that draws them: the timeline painted
offscreen at each zoom and scroll position, PDF, PNG, the presenter, the board, the forecast histogram, and
the real main window with the Timeline tab shown (a file at 0001-01-01 used to kill it with SIGSEGV)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "domain"))  # the generator lives with the domain tests
from hostile_dates import (
    EDGE_DAYS,
    ProjectCase,
    document,
    file_cases,
    item_doc,
    loadable_projects,
    memory_projects,
)

from roadmap_desktop.domain.dates import FIRST_DATE, LAST_DATE
from roadmap_desktop.domain.forecast import Histogram
from roadmap_desktop.domain.project import Project
from roadmap_desktop.export.pdf.document import export_pdf
from roadmap_desktop.export.png import export_png
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.project_file import dumps_project, load_project
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.qtmodels.entity_table_model import EntityTableModel
from roadmap_desktop.render.timeline import paint_selection, paint_timeline
from roadmap_desktop.render.timeline_layout import ZOOM_SCALES, PaintOptions, TimelineLayout
from roadmap_desktop.ui.field_widgets import DateEdit
from roadmap_desktop.ui.main_window import MainWindow
from roadmap_desktop.ui.timeline import NowNextLaterBoard
from roadmap_desktop.ui.timeline.forecast_panel import HistogramView
from roadmap_desktop.ui.workshop.presenter import PAGES, PresenterView

ALL_PROJECTS = [*loadable_projects(), *memory_projects()]
TODAYS = (dt.date.min, LAST_DATE, dt.date.max)  # a clock set anywhere


def _accepted_projects() -> list[tuple[str, Project]]:
    """Every generated file that loads, as a project, and the projects built in code."""
    out = []
    for case in file_cases():
        if case.refused is None and case.doc["format_version"] == 3:
            out.append((case.name, load_project_text(case.doc)))
    return out


def load_project_text(doc: dict) -> Project:
    from roadmap_desktop.persistence.project_file import document_to_project

    return document_to_project(doc, Path("edge.roadmap"))


def paint_everywhere(project: Project, today: dt.date, quick: bool = False) -> None:
    """Paint the timeline at every zoom (or the two extremes), at its start, middle and end (or its two
    ends), with selection and critical path."""
    image = QImage(900, 420, QImage.Format.Format_ARGB32_Premultiplied)
    ids = frozenset(item.id for item in project.items)
    for scale in (0.45, 60.0) if quick else (*ZOOM_SCALES.values(), 0.45, 60.0):
        layout = TimelineLayout(project, scale=scale, include=[today])
        width = layout.width
        lefts = (0.0, max(width - 900, 0.0)) if quick else (0.0, width / 2, max(width - 900, 0.0), width + 5_000.0)
        for left in lefts:
            rect = QRectF(left, 0, 900, 420)
            options = PaintOptions(today=today, critical_ids=ids, selected_ids=ids, hover_id=next(iter(ids), None))
            painter = QPainter(image)
            painter.translate(-rect.left(), -rect.top())
            paint_timeline(painter, layout, rect, options)
            paint_selection(painter, layout, rect, options)
            painter.end()
        layout.date_at(-1e12), layout.date_at(1e12), layout.date_at(float("nan"))
        layout.axis_ticks(-1e9, 1e9)


def test_the_timeline_paints_every_accepted_file(qapp):
    projects = _accepted_projects()
    assert len(projects) > 50
    for _name, project in projects:
        paint_everywhere(project, dt.date(2026, 5, 1), quick=True)


def test_pdf_and_png_exports_of_every_generated_file_exit_0_or_2_with_one_line(qapp, tmp_path, capsys):
    """The page formats of `export`, which the domain corpus test leaves to this Qt one."""
    from roadmap_desktop.cli import main

    path = tmp_path / "edge.roadmap"
    for case in file_cases():
        path.write_text(json.dumps(case.doc), encoding="utf-8")
        for suffix in (".pdf", ".png"):
            code = main(["export", str(path), "-o", str(tmp_path / f"out{suffix}")])
            err = capsys.readouterr().err.strip()
            if case.refused:
                assert code == 2 and case.refused in err and "\n" not in err, (case.name, err)
            else:
                assert code == 0, (case.name, err)


@pytest.mark.parametrize("today", TODAYS, ids=str)
@pytest.mark.parametrize("case", ALL_PROJECTS, ids=lambda c: c.name)
def test_the_timeline_paints_the_built_projects_whatever_the_clock_says(qapp, case, today):
    paint_everywhere(case.build(), today)


@pytest.mark.parametrize("case", ALL_PROJECTS, ids=lambda c: c.name)
def test_pdf_png_presenter_and_board_survive_the_edges(qtbot, tmp_path, case: ProjectCase):
    project = case.build()
    for fit in ("one_page", "split") if case.name == "both ends" else ("one_page",):
        export_pdf(project, tmp_path / f"{fit}.pdf", fit=fit, as_of=LAST_DATE)
    export_pdf(project, tmp_path / "range.pdf", date_from=FIRST_DATE, date_to=LAST_DATE)
    export_png(project, tmp_path / "timeline.png")
    with pytest.raises(ValueError, match="supported date"):
        export_pdf(project, tmp_path / "bad.pdf", date_from=dt.date.min)
    document_ = ProjectDocument(project)
    try:
        view = PresenterView(document_, None, today=dt.date.max)
        qtbot.addWidget(view)
        view.resize(1280, 720)
        for index in range(len(PAGES)):
            view.set_page(index)
            view.grab()
        board = NowNextLaterBoard(document_)
        qtbot.addWidget(board)
        board.resize(900, 500)
        board.grab()
    finally:
        document_.close()


def test_the_histogram_draws_at_the_calendars_ends(qtbot):
    view = HistogramView()
    qtbot.addWidget(view)
    view.resize(400, 160)
    for anchor, edges in ((dt.date.max, (0, 5, 10)), (dt.date.min, (-10, 0, 3)), (LAST_DATE, (0, 10**7))):
        view.set_data(Histogram(anchor, edges, (1,) * (len(edges) - 1)), {"P50": anchor})
        view.grab()


def test_date_editors_keep_to_the_supported_range(qtbot):
    edit = DateEdit()
    qtbot.addWidget(edit)
    edit.set_value(FIRST_DATE)
    assert edit.value() == FIRST_DATE  # the first day is a date, not "no date"
    edit.set_value(LAST_DATE)
    assert edit.value() == LAST_DATE
    edit.set_value(None)
    assert edit.value() is None
    assert edit.maximumDate().toPython() == LAST_DATE


# -- the real window -------------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    win = MainWindow(Settings(tmp_path / "settings.json"), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, _t, text, *a, **k: refusals.append(text) or QMessageBox.StandardButton.Ok
    )
    win.refusals = refusals  # type: ignore[attr-defined]
    yield win
    win.timeline_page.forecast_panel.wait()


def _show_timeline(qtbot, win: MainWindow) -> None:
    win.show_tab("item")
    page = win.timeline_page
    page.forecast_panel.wait()
    QApplication.processEvents()
    canvas = page.timeline_view.canvas
    for zoom in ("week", "month", "quarter"):
        page.timeline_view.set_zoom(zoom)
        for value in (0, canvas.horizontalScrollBar().maximum() // 2, canvas.horizontalScrollBar().maximum()):
            canvas.horizontalScrollBar().setValue(value)
            canvas.viewport().repaint()
    canvas.scroll_to_today()
    win.grab()


@pytest.mark.parametrize("label", ["date.min", "9999-12-20", "first-1", "last+1"])
def test_the_window_refuses_a_file_past_the_range_and_keeps_running(qtbot, window, tmp_path, label):
    path = tmp_path / "edge.roadmap"
    path.write_text(json.dumps(document([item_doc(EDGE_DAYS[label].isoformat(), 10)])), encoding="utf-8")
    assert not window.files.open_path(path)
    assert len(window.refusals) == 1 and "supported dates" in window.refusals[0]
    assert "\n" not in window.refusals[0]
    _show_timeline(qtbot, window)


@pytest.mark.parametrize("case", loadable_projects(), ids=lambda c: c.name)
def test_the_window_opens_a_project_at_the_edges_and_shows_its_timeline(qtbot, window, tmp_path, case):
    path = tmp_path / "edge.roadmap"
    path.write_text(dumps_project(case.build()), encoding="utf-8")
    assert window.files.open_path(path), window.refusals
    _show_timeline(qtbot, window)
    project = window.document.project
    before = dumps_project(project)
    messages: list[str] = []
    canvas = window.timeline_page.timeline_view.canvas
    canvas.message.connect(messages.append)
    # Nudge everything a week later, and earlier, until the edge refuses: one line each time, no change.
    canvas.setFocus()
    dated = [item.id for item in project.items if item.start is not None]
    for key, weeks in ((Qt.Key.Key_Right, 3), (Qt.Key.Key_Left, 6)):  # back past where they started
        window.timeline_page.timeline_view.set_selection(dated)
        for _ in range(weeks):
            qtbot.keyClick(canvas, key, Qt.KeyboardModifier.ShiftModifier)
    # A double-click at the far right of the chart would add an item past the range.
    layout = canvas.timeline_layout()
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().maximum())
    far = canvas.to_viewport(QPointF(layout.width - 2, layout.lanes[0].y + 10))
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=far.toPoint())
    assert messages and all("\n" not in m for m in messages)
    assert any("supported date" in m for m in messages), messages
    while window.document.undo_stack.canUndo():
        window.document.undo_stack.undo()
    assert dumps_project(project) == before
    # The End column: a date past the range is refused with a line naming the field.
    errors: list[str] = []
    model = EntityTableModel(window.document, "item", errors.append)
    end = [c.header for c in model.columns].index("End")
    for row in range(model.rowCount()):
        model.setData(model.index(row, end), LAST_DATE + dt.timedelta(days=1))
    model.detach()
    assert errors and all(e.startswith("End: ") and "\n" not in e for e in errors), errors
    assert dumps_project(project) == before
    window.auto_schedule()
    _show_timeline(qtbot, window)


@pytest.mark.parametrize("case", memory_projects(), ids=lambda c: c.name)
def test_the_window_draws_a_project_past_the_range_built_in_memory(qtbot, window, case):
    window.files.set_document(ProjectDocument(case.build()))
    _show_timeline(qtbot, window)
    window.auto_schedule()  # refused in a dialog or done; never a crash
    _show_timeline(qtbot, window)


def test_a_migrated_file_at_the_edges_opens(qtbot, window, tmp_path):
    v1 = next(case for case in file_cases() if case.name == "v1 at both ends")
    path = tmp_path / "old.roadmap"
    path.write_text(json.dumps(v1.doc), encoding="utf-8")
    assert window.files.open_path(path), window.refusals
    assert load_project(path).project.items[0].start == FIRST_DATE
    _show_timeline(qtbot, window)


def test_dates_typed_into_the_table_keep_to_the_form_and_the_range():
    from roadmap_desktop.domain.fields import FieldValueError
    from roadmap_desktop.domain.timeline import TimelineItem
    from roadmap_desktop.qtmodels.entity_table_model import from_editor_value

    spec = TimelineItem.spec("start")
    assert from_editor_value(spec, " 2200-12-31 ") == LAST_DATE and from_editor_value(spec, "") is None
    for text, problem in {
        "0001-01-01": "before 1900-01-01",
        "2201-01-01": "after 2200-12-31",
        "10000-01-01": "not a date",
        "20240101": "not a date",
    }.items():
        with pytest.raises(FieldValueError, match=problem) as caught:
            from_editor_value(spec, text)
        assert str(caught.value).startswith(f"{spec.label}: ") and "\n" not in str(caught.value)
