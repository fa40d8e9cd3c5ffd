"""The timeline view: drags, edges, lanes, dependencies, keys and selection become undoable commands."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.timeline import TimelineView
from roadmap_desktop.ui.timeline.edits import add_dependency

L = Qt.MouseButton.LeftButton
NO = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def document(qtbot):
    project = Project.new("Test")
    lanes = project.lanes
    project.items += [
        TimelineItem(title="Alpha", lane_id=lanes[0].id, start=dt.date(2026, 3, 2), duration_days=10),
        TimelineItem(title="Beta", lane_id=lanes[1].id, start=dt.date(2026, 3, 20), duration_days=5),
        TimelineItem(title="Gamma", lane_id=lanes[2].id, start=dt.date(2026, 4, 6), duration_days=6),
        TimelineItem(title="Someday", lane_id=lanes[0].id, horizon="later"),
    ]
    a, b, _c, _d = project.items
    b.depends_on = [a.id]
    doc = ProjectDocument(project)
    yield doc
    doc.close()


@pytest.fixture
def view(qtbot, document):
    widget = TimelineView(document)
    qtbot.addWidget(widget)
    widget.resize(1300, 520)
    widget.set_today(dt.date(2026, 3, 1))
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_zoom("week")
    widget.canvas.scroll_to_date(dt.date(2026, 2, 28), fraction=0)
    widget.canvas.verticalScrollBar().setValue(0)
    return widget


def _items(document):
    return {item.title: item for item in document.project.items}


def _send(widget, kind, pos: QPointF, button=L, buttons=L, mods=NO):
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos.toPoint())), button, buttons, mods)
    QApplication.sendEvent(widget, event)


def _drag(canvas, start: QPointF, end: QPointF, mods=NO, steps: int = 6):
    viewport = canvas.viewport()
    _send(viewport, QEvent.Type.MouseButtonPress, start, mods=mods)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        _send(viewport, QEvent.Type.MouseMove, point, button=Qt.MouseButton.NoButton, mods=mods)
    _send(viewport, QEvent.Type.MouseButtonRelease, end, buttons=Qt.MouseButton.NoButton, mods=mods)


def _click(canvas, pos: QPointF, mods=NO):
    _send(canvas.viewport(), QEvent.Type.MouseButtonPress, pos, mods=mods)
    _send(canvas.viewport(), QEvent.Type.MouseButtonRelease, pos, buttons=Qt.MouseButton.NoButton, mods=mods)


def _bar_rect(canvas, item_id):
    rect = canvas.timeline_layout().bar_rect(item_id)
    return rect.translated(-canvas.horizontalScrollBar().value(), -canvas.verticalScrollBar().value())


def test_drag_right_one_week_with_shift_snaps_to_weeks_and_undoes(view, document):
    alpha = _items(document)["Alpha"]
    canvas = view.canvas
    start = canvas.bar_center(alpha.id)
    _drag(canvas, start, start + QPointF(6.4 * canvas.scale, 0), mods=Qt.KeyboardModifier.ShiftModifier)
    assert alpha.start == dt.date(2026, 3, 9)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert alpha.start == dt.date(2026, 3, 2)


def test_drag_snaps_to_days_or_to_weeks_when_the_option_is_set(view, document):
    alpha = _items(document)["Alpha"]
    canvas = view.canvas
    start = canvas.bar_center(alpha.id)
    _drag(canvas, start, start + QPointF(7 * canvas.scale + 3, 0))
    assert alpha.start == dt.date(2026, 3, 9)  # seven days at day snapping
    view.snap_check.setChecked(True)
    start = canvas.bar_center(alpha.id)
    _drag(canvas, start, start + QPointF(5 * canvas.scale, 0))
    assert alpha.start == dt.date(2026, 3, 16)  # five days rounds to a week
    assert document.undo_stack.count() == 2


def test_resizing_by_either_edge_changes_the_duration(view, document):
    alpha = _items(document)["Alpha"]
    canvas = view.canvas
    rect = _bar_rect(canvas, alpha.id)
    right = QPointF(rect.right() - 2, rect.center().y())
    _drag(canvas, right, right + QPointF(3 * canvas.scale, 0))
    assert (alpha.start, alpha.duration_days) == (dt.date(2026, 3, 2), 13)
    rect = _bar_rect(canvas, alpha.id)
    left = QPointF(rect.left() + 2, rect.center().y())
    _drag(canvas, left, left + QPointF(2 * canvas.scale, 0))
    assert (alpha.start, alpha.duration_days) == (dt.date(2026, 3, 4), 11)
    document.undo_stack.undo()
    assert (alpha.start, alpha.duration_days) == (dt.date(2026, 3, 2), 13)


def test_edges_show_a_resize_cursor(view, document):
    canvas = view.canvas
    rect = _bar_rect(canvas, _items(document)["Alpha"].id)
    _send(
        canvas.viewport(),
        QEvent.Type.MouseMove,
        QPointF(rect.right() - 2, rect.center().y()),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
    )
    assert canvas.viewport().cursor().shape() == Qt.CursorShape.SizeHorCursor
    _send(canvas.viewport(), QEvent.Type.MouseMove, rect.center(), Qt.MouseButton.NoButton, Qt.MouseButton.NoButton)
    assert canvas.viewport().cursor().shape() == Qt.CursorShape.OpenHandCursor


def test_dragging_into_another_lane_moves_date_and_lane_in_one_step(view, document):
    alpha = _items(document)["Alpha"]
    lanes = document.project.lanes
    canvas = view.canvas
    lay = canvas.timeline_layout()
    start = canvas.bar_center(alpha.id)
    target_y = lay.lanes[2].y + lay.lanes[2].height / 2 - canvas.verticalScrollBar().value()
    _drag(canvas, start, QPointF(start.x() + canvas.scale, target_y))
    assert alpha.lane_id == lanes[2].id
    assert alpha.start == dt.date(2026, 3, 3)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert (alpha.lane_id, alpha.start) == (lanes[0].id, dt.date(2026, 3, 2))


def test_connector_drag_adds_a_dependency(view, document):
    items = _items(document)
    canvas = view.canvas
    lay = canvas.timeline_layout()
    handle = canvas.to_viewport(lay.connector_point(lay.bars[items["Beta"].id]))
    _drag(canvas, handle, canvas.bar_center(items["Gamma"].id))
    assert items["Gamma"].depends_on == [items["Beta"].id]
    assert document.undo_stack.undoText() == "Add dependency"


def test_alt_drag_adds_a_dependency(view, document):
    items = _items(document)
    canvas = view.canvas
    _drag(
        canvas,
        canvas.bar_center(items["Alpha"].id),
        canvas.bar_center(items["Gamma"].id),
        mods=Qt.KeyboardModifier.AltModifier,
    )
    assert items["Gamma"].depends_on == [items["Alpha"].id]
    assert items["Alpha"].start == dt.date(2026, 3, 2)  # not moved


def test_a_cycle_is_refused_with_a_message(qtbot, view, document):
    items = _items(document)
    canvas = view.canvas
    lay = canvas.timeline_layout()
    handle = canvas.to_viewport(lay.connector_point(lay.bars[items["Beta"].id]))
    with qtbot.waitSignal(view.message) as blocker:
        _drag(canvas, handle, canvas.bar_center(items["Alpha"].id))
    assert "cycle" in blocker.args[0]
    assert items["Alpha"].depends_on == []
    assert document.undo_stack.count() == 0
    command, text = add_dependency(document.project, items["Alpha"].id, items["Alpha"].id)
    assert command is None and "itself" in text


def test_delete_removes_the_selected_item_and_its_links(qtbot, view, document):
    items = _items(document)
    canvas = view.canvas
    with qtbot.waitSignal(view.selection_changed) as blocker:
        _click(canvas, canvas.bar_center(items["Alpha"].id))
    assert blocker.args[0] == [items["Alpha"].id]
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert "Alpha" not in _items(document)
    assert items["Beta"].depends_on == []
    document.undo_stack.undo()
    assert "Alpha" in _items(document) and items["Beta"].depends_on == [items["Alpha"].id]


def test_click_an_arrow_then_delete_removes_the_dependency(qtbot, view, document):
    items = _items(document)
    canvas = view.canvas
    lay = canvas.timeline_layout()
    points = lay.link_path(lay.bars[items["Alpha"].id], lay.bars[items["Beta"].id])
    middle = (points[1] + points[2]) / 2  # on the vertical elbow
    _click(canvas, canvas.to_viewport(middle))
    assert canvas.selected_link() == (items["Alpha"].id, items["Beta"].id)
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert items["Beta"].depends_on == []
    assert document.undo_stack.undoText() == "Remove dependency"


def test_arrow_keys_nudge_by_a_day_or_a_week(qtbot, view, document):
    alpha = _items(document)["Alpha"]
    canvas = view.canvas
    view.set_selection([alpha.id])
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert alpha.start == dt.date(2026, 3, 3)
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert alpha.start == dt.date(2026, 3, 10)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert alpha.start == dt.date(2026, 3, 9)
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    assert alpha.start == dt.date(2026, 3, 10)


def test_set_selection_is_quiet_and_clicks_emit(qtbot, view, document):
    items = _items(document)
    with qtbot.assertNotEmitted(view.selection_changed):
        view.set_selection([items["Gamma"].id])
    assert view.selected_ids() == [items["Gamma"].id]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        _click(view.canvas, view.canvas.bar_center(items["Beta"].id))
    assert blocker.args[0] == [items["Beta"].id]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        _click(view.canvas, view.canvas.bar_center(items["Alpha"].id), mods=Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0] == [items["Beta"].id, items["Alpha"].id]


def test_double_click_activates_an_item_and_creates_one_on_empty_space(qtbot, view, document):
    items = _items(document)
    canvas = view.canvas
    with qtbot.waitSignal(view.item_activated) as blocker:
        _send(canvas.viewport(), QEvent.Type.MouseButtonDblClick, canvas.bar_center(items["Gamma"].id))
    assert blocker.args[0] == items["Gamma"].id
    lay = canvas.timeline_layout()
    empty = canvas.to_viewport(QPointF(lay.x_for(dt.date(2026, 3, 5)) + 2, lay.lanes[4].y + 10))
    with qtbot.waitSignal(view.item_activated):
        _send(canvas.viewport(), QEvent.Type.MouseButtonDblClick, empty)
    created = document.project.items[-1]
    assert (created.start, created.lane_id) == (dt.date(2026, 3, 5), document.project.lanes[4].id)
    assert document.undo_stack.count() == 1


def test_unscheduled_items_are_counted_not_drawn(view, document):
    lay = view.canvas.timeline_layout()
    assert _items(document)["Someday"].id not in lay.bars
    assert view.unscheduled_label.text().startswith("1 item not scheduled")


def test_ctrl_wheel_zooms_around_the_mouse(view):
    canvas = view.canvas
    lay = canvas.timeline_layout()
    pos = QPointF(700, 200)
    day_before = lay.day_at(canvas.horizontalScrollBar().value() + pos.x())
    event = QWheelEvent(
        pos,
        QPointF(canvas.viewport().mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, -240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    before = canvas.scale
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.scale < before
    day_after = lay.day_at(canvas.horizontalScrollBar().value() + pos.x())
    assert abs(day_after - day_before) < 1


def test_zoom_buttons_keep_the_selected_bar_in_place(view, document):
    canvas = view.canvas
    gamma = _items(document)["Gamma"].id
    view.zoom_buttons["quarter"].click()
    canvas.scroll_to_date(dt.date(2026, 3, 20), fraction=0.1)
    canvas.set_selection([gamma])
    x_before = _bar_rect(canvas, gamma).center().x()
    view.zoom_buttons["week"].click()  # the middle of the chart is months later; the bar stays put
    assert abs(_bar_rect(canvas, gamma).center().x() - x_before) < 2


def test_zoom_buttons_and_critical_path(view, document):
    view.zoom_buttons["quarter"].click()
    assert view.canvas.zoom() == "quarter" and view.zoom_buttons["quarter"].isChecked()
    ids = [item.id for item in document.project.items[:2]]
    view.set_critical_path(ids)
    assert view.canvas.paint_options().critical_ids == frozenset(ids)
    view.grab()  # paints with the highlight without error


def test_selection_and_hover_repaint_over_the_kept_frame(view, document):
    from PySide6.QtGui import QImage, QPainter

    from roadmap_desktop.render.timeline import paint_timeline

    canvas = view.canvas
    canvas.viewport().repaint()
    frame = canvas._frame
    assert frame is not None
    alpha = _items(document)["Alpha"]
    canvas.set_selection([alpha.id])
    canvas.viewport().repaint()
    assert canvas._frame is frame  # only the selection changed: the frame was reused
    shown = canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)

    # The same picture as one full paint with the selection, except right at the selected bar's
    # edge, where the halo is drawn over the bar's first coat.
    full = QImage(shown.size(), QImage.Format.Format_RGB32)
    full.fill(0xFFFFFFFF)
    painter = QPainter(full)
    rect = canvas.visible_rect()
    painter.translate(-rect.left(), -rect.top())
    paint_timeline(painter, canvas.timeline_layout(), rect, canvas.paint_options())
    painter.end()
    bar = canvas.timeline_layout().bar_rect(alpha.id).translated(-rect.left(), -rect.top()).adjusted(-5, -5, 5, 5)
    differing = [
        (x, y) for y in range(full.height()) for x in range(full.width()) if full.pixel(x, y) != shown.pixel(x, y)
    ]
    assert differing, "the selection should show"  # sanity: the halo differs from the unselected frame
    assert all(bar.contains(QPointF(x, y)) for x, y in differing)
    # Inside the bar (away from the halo) both are the same: the title drawn inside the bar still shows.
    inner = bar.adjusted(10, 10, -10, -10)
    assert not [(x, y) for x, y in differing if inner.contains(QPointF(x, y))]

    canvas.set_selection([])
    canvas.viewport().repaint()
    assert canvas._frame is frame
    from roadmap_desktop.ui.timeline.edits import move_items

    document.execute(move_items(document.project, [alpha.id], 7))  # an edit: new layout, new frame
    canvas.timeline_layout()
    canvas.viewport().repaint()
    assert canvas._frame is not frame


def test_a_rubber_band_on_empty_space_selects_the_bars_it_touches(view, document):
    canvas = view.canvas
    items = _items(document)
    alpha, beta, gamma = (_bar_rect(canvas, items[t].id) for t in ("Alpha", "Beta", "Gamma"))
    seen: list[list[str]] = []
    view.selection_changed.connect(seen.append)
    # From empty space above-left of Alpha to the middle of Beta: Alpha and Beta, not Gamma.
    start = QPointF(alpha.left() - 15, alpha.top() - 3)
    assert canvas.hit(canvas.to_content(start))[0] is None
    _drag(canvas, start, beta.center())
    assert set(canvas.selected_ids()) == {items["Alpha"].id, items["Beta"].id}
    assert seen == [canvas.selected_ids()]  # announced once, on release
    assert document.undo_stack.count() == 0  # selecting changes nothing
    # Ctrl adds what the next band touches.
    _drag(canvas, QPointF(gamma.left() - 10, gamma.top() - 3), gamma.center(), mods=Qt.KeyboardModifier.ControlModifier)
    assert set(canvas.selected_ids()) == {items[t].id for t in ("Alpha", "Beta", "Gamma")}
    view.grab()  # paints the selection without error
