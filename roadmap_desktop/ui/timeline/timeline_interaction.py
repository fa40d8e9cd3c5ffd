"""Editing the timeline with mouse and keys: selection, rubber band, drags that move, resize and link
bars, panning, wheel zoom, nudging and deleting; every change is one undoable command."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent

from ...domain.commands import InsertEntity, delete_entities
from ...domain.timeline import TimelineItem
from ...qtmodels.document import ProjectDocument
from . import edits

DRAG_THRESHOLD = 4  # pixels before a press becomes a drag
ZOOM_STEP = 1.15  # per wheel notch


@dataclass
class Drag:
    """One mouse gesture from press to release."""

    mode: str  # move, left, right, link, pan, band (rubber-band selection)
    press: QPointF  # content coordinates (viewport for pan)
    bar_id: str = ""
    ids: list[str] = field(default_factory=list)
    lane: int = -1  # target lane band while moving
    days: int = 0
    pos: QPointF = field(default_factory=QPointF)
    target: str | None = None  # link target
    active: bool = False
    scroll: tuple[int, int] = (0, 0)

    def band_rect(self) -> QRectF:
        """The rubber band, in content coordinates."""
        return QRectF(self.press, self.pos).normalized()


class TimelineInteraction:
    """The input half of TimelineCanvas (a mixin before QAbstractScrollArea): turns presses, drags,
    double-clicks, the wheel and keys into selections and undoable commands. The canvas owns the
    state read here (selection, hover, drag) and the geometry (timeline_layout, hit, to_content).

    Its texts stay in the canvas's translation context ("TimelineCanvas"), hence translate() not tr().
    """

    document: ProjectDocument
    snap_weeks: bool
    _selected: list[str]
    _selected_link: tuple[str, str] | None
    _hover: str | None
    _drag: Drag | None
    _space: bool

    # -- mouse ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space
        ):
            self._drag = Drag("pan", pos, scroll=(self.horizontalScrollBar().value(), self.verticalScrollBar().value()))
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() != Qt.MouseButton.LeftButton or not self._in_body(pos):
            return
        point = self.to_content(pos)
        bar, zone = self.hit(point)
        mods = event.modifiers()
        if bar is None:
            link = self.timeline_layout().link_at(point)
            if link is not None:
                self._selected_link = link
                if self._selected:
                    self._selected = []
                    self.selection_changed.emit([])
                self.viewport().update()
                return
            # Empty space: a rubber band selects the bars it touches (Ctrl adds to the selection).
            keep = list(self._selected) if mods & Qt.KeyboardModifier.ControlModifier else []
            if not keep:
                self._select([])
            self._drag = Drag("band", point, ids=keep, pos=point)
            return
        if mods & Qt.KeyboardModifier.ControlModifier and zone == "body":
            ids = [i for i in self._selected if i != bar.id] if bar.id in self._selected else [*self._selected, bar.id]
            self._select(ids)
            return
        if bar.id not in self._selected:
            self._select([bar.id])
        mode = {"body": "move", "left": "left", "right": "right", "connector": "link"}[zone]
        if mods & Qt.KeyboardModifier.AltModifier:
            mode = "link"
        ids = list(self._selected) if mode == "move" else [bar.id]
        self._drag = Drag(mode, point, bar.id, ids, lane=bar.lane, pos=point)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        drag = self._drag
        if drag is None:
            self._update_hover(pos)
            return
        if drag.mode == "pan":
            delta = pos - drag.press
            self.horizontalScrollBar().setValue(drag.scroll[0] - round(delta.x()))
            self.verticalScrollBar().setValue(drag.scroll[1] - round(delta.y()))
            return
        point = self.to_content(pos)
        drag.pos = point
        if not drag.active:
            if (point - drag.press).manhattanLength() < DRAG_THRESHOLD:
                return
            drag.active = True
            cursor = {
                "move": Qt.CursorShape.ClosedHandCursor,
                "left": Qt.CursorShape.SizeHorCursor,
                "right": Qt.CursorShape.SizeHorCursor,
                "link": Qt.CursorShape.CrossCursor,
                "band": Qt.CursorShape.CrossCursor,
            }[drag.mode]
            self.viewport().setCursor(cursor)
        lay = self.timeline_layout()
        if drag.mode == "band":
            self._selected = self._band_selection(drag)  # shown live; announced on release
        elif drag.mode == "link":
            target, _zone = self.hit(point)
            drag.target = target.id if target is not None else None
        else:
            step = 7 if (self.snap_weeks or event.modifiers() & Qt.KeyboardModifier.ShiftModifier) else 1
            raw = (point.x() - drag.press.x()) / lay.scale
            drag.days = int(round(raw / step) * step)
            if drag.mode == "move":
                lane = lay.lane_at(point.y())
                drag.lane = lane if lane >= 0 and lay.lanes[lane].lane_id else drag.lane
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self._update_hover(event.position())
        if drag is None or drag.mode == "pan" or not drag.active:
            if drag is not None and drag.mode == "pan":
                self.viewport().unsetCursor()
            self.viewport().update()
            return
        self._finish_drag(drag)
        self.viewport().update()

    def _band_selection(self, drag: Drag) -> list[str]:
        lay = self.timeline_layout()
        band = drag.band_rect()
        hit = [bar.id for bar in lay.visible_bars(band, label_margin=0) if lay.bar_rect(bar).intersects(band)]
        return [*drag.ids, *(i for i in hit if i not in drag.ids)]

    def _finish_drag(self, drag: Drag) -> None:
        project = self.document.project
        lay = self.timeline_layout()
        if drag.mode == "band":  # the table and details panel follow once, on release
            self._selected_link = None
            self._selected = self._band_selection(drag)
            self.selection_changed.emit(list(self._selected))
            return
        if drag.mode == "link":
            if drag.target is None:
                return
            command, text = edits.add_dependency(project, drag.bar_id, drag.target)
            self.message.emit(text)
            if command is not None:
                self._execute(command)
            return
        if drag.mode == "move":
            lane_id = None
            if len(drag.ids) == 1 and 0 <= drag.lane < len(lay.lanes):
                lane_id = lay.lanes[drag.lane].lane_id or None
            command = edits.move_items(project, drag.ids, drag.days, lane_id)
        else:
            command = edits.resize_item(project, drag.bar_id, drag.mode, drag.days)
        if command is not None:
            self._execute(command)

    def _execute(self, command) -> bool:
        try:
            self.document.execute(command)
        except ValueError as exc:  # FieldValueError: out-of-range dates or durations
            self.message.emit(str(exc))
            return False
        return True

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton or not self._in_body(pos):
            return
        self._drag = None
        point = self.to_content(pos)
        bar, _zone = self.hit(point)
        if bar is not None:
            self.item_activated.emit(bar.id)
            return
        lay = self.timeline_layout()
        if point.y() > lay.height:
            return
        lane = lay.lanes[lay.lane_at(point.y())] if lay.lanes else None
        duration = 5 if self.zoom() == "week" else 10
        item = TimelineItem(lane_id=lane.lane_id if lane else "", start=lay.date_at(point.x()), duration_days=duration)
        if self._execute(
            InsertEntity("item", item, None, QCoreApplication.translate("TimelineCanvas", "Add timeline item"))
        ):
            self._select([item.id])
            self.item_activated.emit(item.id)

    def _update_hover(self, pos: QPointF) -> None:
        if self._space:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        hover = None
        cursor = Qt.CursorShape.ArrowCursor
        if self._in_body(pos):
            point = self.to_content(pos)
            bar, zone = self.hit(point)
            if bar is not None:
                hover = bar.id
                cursor = {
                    "body": Qt.CursorShape.OpenHandCursor,
                    "left": Qt.CursorShape.SizeHorCursor,
                    "right": Qt.CursorShape.SizeHorCursor,
                    "connector": Qt.CursorShape.CrossCursor,
                }[zone]
            elif self.timeline_layout().link_at(point) is not None:
                cursor = Qt.CursorShape.PointingHandCursor
        self.viewport().setCursor(cursor)
        if hover != self._hover:
            self._hover = hover
            self.viewport().update()

    def leaveEvent(self, event) -> None:
        if self._hover is not None:
            self._hover = None
            self.viewport().update()
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            notches = event.angleDelta().y() / 120
            if notches:
                self.set_scale(self.scale * ZOOM_STEP**notches, event.position().x())
            event.accept()
            return
        if mods & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().x() == 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - round(event.angleDelta().y() / 120 * bar.singleStep() * 3))
            event.accept()
            return
        super().wheelEvent(event)

    # -- keys -------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._selected:
            days = (7 if shift else 1) * (-1 if key == Qt.Key.Key_Left else 1)
            command = edits.move_items(self.document.project, self._selected, days)
            if command is not None:
                count = len(self._selected)
                translate = QCoreApplication.translate
                command.label = (
                    translate("TimelineCanvas", "Nudge item")
                    if count == 1
                    else translate("TimelineCanvas", "Nudge %1 items").replace("%1", str(count))
                )
                self._execute(command)
            return
        if key == Qt.Key.Key_Escape:
            if self._drag is not None:
                drag, self._drag = self._drag, None
                self.viewport().unsetCursor()
                if drag.mode == "band":  # back to what was selected before the band
                    self._select(list(drag.ids))
            else:
                self._select([])
            self.viewport().update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(self._selected) == 1:
            self.item_activated.emit(self._selected[0])
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def delete_selected(self) -> None:
        """Delete the selected dependency arrow, or else the selected items with their links."""
        project = self.document.project
        if self._selected_link is not None:
            command = edits.remove_dependency(project, *self._selected_link)
            self._selected_link = None
            if command is not None:
                self._execute(command)
                self.message.emit(QCoreApplication.translate("TimelineCanvas", "Dependency removed"))
            self.viewport().update()
            return
        ids = [i for i in self._selected if project.find("item", i) is not None]
        if ids:
            self._execute(delete_entities(project, "item", ids))
            self._select([])
