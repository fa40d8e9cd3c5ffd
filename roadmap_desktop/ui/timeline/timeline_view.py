"""The graphical timeline: a zoomable, scrollable canvas of lanes and bars (geometry, painting) and its toolbar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import shift
from ...domain.project import ProjectEvent
from ...qtmodels.document import ProjectDocument
from ...render.ink import INK
from ...render.timeline import paint_selection, paint_timeline
from ...render.timeline_bars import bar_color, paint_bar
from ...render.timeline_layout import (
    CONNECTOR_RADIUS,
    MAX_SCALE,
    MIN_SCALE,
    SELECT,
    ZOOM_SCALES,
    ZOOMS,
    Bar,
    PaintOptions,
    TimelineLayout,
    zoom_for_scale,
)
from ...render.timeline_legend import legend_size
from ..i18n import installed_language, interface_date
from ..tool_row import ToolRow
from .timeline_interaction import Drag, TimelineInteraction

EDGE_PX = 6  # grab zone at each end of a bar for resizing


class TimelineCanvas(TimelineInteraction, QAbstractScrollArea):
    """Paints with render.timeline and turns drags, clicks and keys into undoable commands.

    Snapping: moves and resizes snap to whole days; hold Shift, or set ``snap_weeks``, to snap
    to whole weeks (7-day steps from where the bar was). The input handling is TimelineInteraction's.
    """

    selection_changed = Signal(list)
    item_activated = Signal(str)
    message = Signal(str)
    zoom_changed = Signal(str)
    layout_rebuilt = Signal()

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.document = document
        self.today: dt.date = dt.date.today()
        self.color_by = "lane"
        self.snap_weeks = False
        self.show_legend = True
        self.show_dependencies = True
        self.last_paint_stats: dict[str, int] = {}
        self._scale = ZOOM_SCALES["month"]
        self._layout: TimelineLayout | None = None
        self._layout_serial = 0  # counts rebuilds: part of the kept frame's key
        self._frame: QPixmap | None = None
        self._frame_key: tuple | None = None
        self._dirty = True
        self._selected: list[str] = []
        self._selected_link: tuple[str, str] | None = None
        self._critical: frozenset[str] = frozenset()
        self._hover: str | None = None
        self._drag: Drag | None = None
        self._space = False
        self._scrolled_to_start = False
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.5))
        self._paint_font = font
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.horizontalScrollBar().setSingleStep(40)
        self.verticalScrollBar().setSingleStep(30)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(0)
        self._rebuild_timer.timeout.connect(self.timeline_layout)
        document.project_changed.connect(self._on_document_project_changed)

    # -- layout --------------------------------------------------------------------------
    def timeline_layout(self) -> TimelineLayout:
        """The current geometry, rebuilt first if the project changed."""
        if self._layout is None or self._dirty:
            old = self._layout
            new = TimelineLayout(
                self.document.project,
                scale=self._scale,
                include=[self.today],
                font=self._paint_font,
                language=installed_language(),  # axis, "Today" and legend are chrome: the interface's words
            )
            self._layout = new
            self._layout_serial += 1
            self._dirty = False
            self._update_scrollbars()
            if old is not None and old.first != new.first:  # keep what is on screen in place
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + round((old.first - new.first).days * self._scale))
            if not self._scrolled_to_start and self.viewport().width() > 0:
                self._scrolled_to_start = True
                self.scroll_to_today()
            kept = [i for i in self._selected if i in new.bars or self.document.project.find("item", i)]
            if self._selected_link and self._selected_link not in {(p.id, s.id) for p, s in new.links}:
                self._selected_link = None
            if kept != self._selected:
                self._selected = kept
                self.selection_changed.emit(list(kept))
            self.layout_rebuilt.emit()
        return self._layout

    def _on_document_project_changed(self, event: ProjectEvent) -> None:
        if event.kind in ("item", "lane", "project"):
            self._dirty = True
            self._rebuild_timer.start()
            self.viewport().update()

    def _update_scrollbars(self) -> None:
        lay = self._layout
        if lay is None:
            return
        vw, vh = self.viewport().width(), self.viewport().height()
        reserve = self._legend_reserve(lay)
        self.horizontalScrollBar().setRange(0, max(0, math.ceil(lay.width - vw)))
        self.horizontalScrollBar().setPageStep(vw)
        self.verticalScrollBar().setRange(0, max(0, math.ceil(lay.height + reserve - vh)))
        self.verticalScrollBar().setPageStep(vh)

    def _legend_reserve(self, lay: TimelineLayout) -> float:
        if not self.show_legend:
            return 8.0
        max_width = min(self.viewport().width() - lay.gutter_width - 16, 760)
        height = legend_size(lay, self.color_by, max_width, bool(self._critical))[1]
        return height + 20 if max_width >= 120 else 8.0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.timeline_layout()
        if not self._scrolled_to_start:
            self._scrolled_to_start = True
            self.scroll_to_today()

    # -- coordinates ---------------------------------------------------------------------
    def _origin(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def to_content(self, pos: QPointF) -> QPointF:
        return QPointF(pos) + self._origin()

    def to_viewport(self, point: QPointF) -> QPointF:
        return QPointF(point) - self._origin()

    def visible_rect(self) -> QRectF:
        o = self._origin()
        return QRectF(o.x(), o.y(), self.viewport().width(), self.viewport().height())

    def bar_center(self, item_id: str) -> QPointF:
        """Viewport position of the middle of an item's bar (for tests and tooltips)."""
        return self.to_viewport(self.timeline_layout().bar_rect(item_id).center())

    def _in_body(self, pos: QPointF) -> bool:
        lay = self.timeline_layout()
        return pos.x() >= lay.gutter_width and pos.y() >= lay.header_height

    # -- zoom and scroll -------------------------------------------------------------------
    @property
    def scale(self) -> float:
        return self._scale

    def zoom(self) -> str:
        return zoom_for_scale(self._scale)

    def set_zoom(self, zoom: str) -> None:
        self.set_scale(ZOOM_SCALES[zoom], self._selection_anchor())

    def _selection_anchor(self) -> float | None:
        """Viewport x of the first selected bar in sight: zooming keeps what the user works on in view
        (the middle of the chart may be empty months away from it)."""
        lay = self.timeline_layout()
        for item_id in self._selected:
            bar = lay.bars.get(item_id)
            if bar is None:
                continue
            x = self.to_viewport(lay.bar_rect(bar).center()).x()
            if lay.gutter_width <= x <= self.viewport().width():
                return x
        return None

    def set_scale(self, scale: float, anchor_x: float | None = None) -> None:
        """Zoom keeping the date under ``anchor_x`` (viewport x; default: middle of the chart) still."""
        scale = min(max(scale, MIN_SCALE), MAX_SCALE)
        lay = self.timeline_layout()
        if anchor_x is None:
            anchor_x = lay.gutter_width + (self.viewport().width() - lay.gutter_width) / 2
        anchor_x = max(anchor_x, lay.gutter_width)
        day = lay.day_at(self.horizontalScrollBar().value() + anchor_x)
        before = self.zoom()
        self._scale = scale
        lay.set_scale(scale)
        self._update_scrollbars()
        self.horizontalScrollBar().setValue(round(lay.x_for_day(day) - anchor_x))
        self.viewport().update()
        if self.zoom() != before:
            self.zoom_changed.emit(self.zoom())

    def scroll_to_date(self, date: dt.date, fraction: float = 1 / 3) -> None:
        lay = self.timeline_layout()
        body = self.viewport().width() - lay.gutter_width
        self.horizontalScrollBar().setValue(round(lay.x_for(date) - lay.gutter_width - body * fraction))

    def scroll_to_today(self) -> None:
        self.scroll_to_date(self.today)

    def ensure_visible(self, item_id: str) -> None:
        lay = self.timeline_layout()
        bar = lay.bars.get(item_id)
        if bar is None:
            return
        r = lay.bar_rect(bar)
        view = self.visible_rect().adjusted(lay.gutter_width, lay.header_height, 0, -self._legend_reserve(lay))
        if view.intersects(r):
            return
        if r.right() < view.left() or r.left() > view.right():
            self.horizontalScrollBar().setValue(round(r.left() - lay.gutter_width - view.width() / 3))
        if r.top() < view.top() or r.bottom() > view.bottom():
            self.verticalScrollBar().setValue(round(r.center().y() - lay.header_height - view.height() / 2))

    # -- selection and highlights -------------------------------------------------------
    def selected_ids(self) -> list[str]:
        return list(self._selected)

    def set_selection(self, ids: list[str]) -> None:
        """Select these items (from the table or details panel); does not emit selection_changed."""
        ids = [i for i in ids if self.document.project.find("item", i) is not None]
        if ids == self._selected:
            return
        self._selected = ids
        self._selected_link = None
        if len(ids) == 1:
            self.ensure_visible(ids[0])
        self.viewport().update()

    def _select(self, ids: list[str]) -> None:
        self._selected_link = None
        if ids != self._selected:
            self._selected = ids
            self.selection_changed.emit(list(ids))
        self.viewport().update()

    def selected_link(self) -> tuple[str, str] | None:
        return self._selected_link

    def set_critical_path(self, ids) -> None:
        self._critical = frozenset(ids or ())
        self._update_scrollbars()  # the legend names the critical path: room for its line
        self.viewport().update()

    def set_color_by(self, mode: str) -> None:
        self.color_by = mode
        self._update_scrollbars()
        self.viewport().update()

    def set_legend_visible(self, visible: bool) -> None:
        self.show_legend = visible
        self._update_scrollbars()
        self.viewport().update()

    # -- painting --------------------------------------------------------------------------
    def paint_options(self) -> PaintOptions:
        dimmed = (
            frozenset(self._drag.ids)
            if self._drag and self._drag.active and self._drag.mode not in ("link", "band")
            else frozenset()
        )
        return PaintOptions(
            color_by=self.color_by,
            today=self.today,
            legend=self.show_legend,
            dependencies=self.show_dependencies,
            critical_ids=self._critical,
            selected_ids=frozenset(self._selected),
            selected_link=self._selected_link,
            hover_id=self._hover,
            dimmed_ids=dimmed,
            title=self.document.project.info.name,
            stats=self.last_paint_stats,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        lay = self.timeline_layout()
        rect = self.visible_rect()
        options = self.paint_options()
        # The frame without selection and hover is kept: moving the mouse over bars or clicking one
        # repaints only those on top of it (a full frame of a big roadmap takes 15-30 ms).
        base = dataclasses.replace(options, selected_ids=frozenset(), selected_link=None, hover_id=None)
        ratio = self.viewport().devicePixelRatioF()
        key = (
            self._layout_serial,
            lay.scale,
            rect.getRect(),
            ratio,
            base.color_by,
            base.today,
            base.legend,
            base.dependencies,
            base.critical_ids,
            base.dimmed_ids,
            base.title,
        )
        if key != self._frame_key or self._frame is None:
            frame = QPixmap(self.viewport().size() * ratio)
            frame.setDevicePixelRatio(ratio)
            frame.fill(QColor("#FFFFFF"))
            frame_painter = QPainter(frame)
            frame_painter.translate(-rect.left(), -rect.top())
            paint_timeline(frame_painter, lay, rect, base)
            frame_painter.end()
            self._frame, self._frame_key = frame, key
        painter = QPainter(self.viewport())
        painter.drawPixmap(0, 0, self._frame)
        painter.translate(-rect.left(), -rect.top())
        paint_selection(painter, lay, rect, options)
        if self._drag is not None and self._drag.active:
            body = rect.adjusted(lay.gutter_width, lay.header_height, 0, 0)
            painter.setClipRect(body)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setFont(lay.font)
            self._paint_drag(painter, lay)
        painter.end()

    def _paint_drag(self, painter: QPainter, lay: TimelineLayout) -> None:
        drag = self._drag
        assert drag is not None
        if drag.mode == "band":
            fill = QColor(SELECT)
            fill.setAlphaF(0.12)
            painter.setPen(QPen(SELECT, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(fill)
            painter.drawRect(drag.band_rect())
            return
        if drag.mode == "link":
            source = lay.bars.get(drag.bar_id)
            if source is None:
                return
            if drag.target and drag.target in lay.bars:
                target = lay.bars[drag.target]
                painter.setPen(QPen(SELECT, 2.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(lay.bar_rect(target).adjusted(-3, -3, 3, 3), 5, 5)
            pen = QPen(SELECT, 1.8, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(lay.connector_point(source), drag.pos)
            return
        for item_id in drag.ids:
            bar = lay.bars.get(item_id)
            if bar is None:
                continue
            ghost = self._ghost_rect(lay, bar, drag)
            paint_bar(painter, lay, bar, ghost, bar_color(lay, bar, self.color_by), alpha=0.85, ghost=True)
            if item_id == drag.bar_id:
                self._paint_drag_tip(painter, lay, bar, ghost, drag)

    def _ghost_rect(self, lay: TimelineLayout, bar: Bar, drag: Drag) -> QRectF:
        r = lay.bar_rect(bar)
        shift = drag.days * lay.scale
        if drag.mode == "move":
            r.translate(shift, 0)
            if drag.lane >= 0 and len(drag.ids) == 1 and drag.lane != bar.lane:
                band = lay.lanes[drag.lane]
                r.moveTop(band.y + lay.lane_padding + (lay.row_height - lay.bar_height) / 2)
        elif drag.mode == "right":
            r.setRight(max(r.right() + shift, r.left() + lay.scale - 1))
        elif drag.mode == "left":
            r.setLeft(min(r.left() + shift, r.right() - lay.scale + 1))
        return r

    def _paint_drag_tip(self, painter: QPainter, lay: TimelineLayout, bar: Bar, ghost: QRectF, drag: Drag) -> None:
        item = bar.item
        start = item.start
        if start is None:
            return
        duration = max(item.duration_days, 1)
        if drag.mode == "move":
            start = shift(start, drag.days)
        elif drag.mode == "left":
            days = min(drag.days, duration - 1)
            start = shift(start, days)
            duration -= days
        elif drag.mode == "right":
            duration = max(duration + drag.days, 1)
        end = shift(start, 0 if item.milestone else duration - 1)
        if item.milestone:
            text = interface_date(start)
        else:
            days = self.tr("{count} d").format(count=duration)
            text = f"{interface_date(start)} – {interface_date(end)} · {days}"
        fm = lay.metrics
        w, h = fm.horizontalAdvance(text) + 14, fm.height() + 6
        tip = QRectF(ghost.left(), ghost.top() - h - 4, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(31, 41, 51, 230))
        painter.drawRoundedRect(tip, 4, 4)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(tip, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(INK)

    # -- hit testing -------------------------------------------------------------------------
    def hit(self, point: QPointF) -> tuple[Bar | None, str]:
        """(bar, zone) under a content point; zone is body, left, right or connector."""
        lay = self.timeline_layout()
        bar = lay.bar_at(point)
        if bar is None:
            near = lay.bar_at(point, slack=2 * CONNECTOR_RADIUS + 6)
            if near is not None and _dist(point, lay.connector_point(near)) <= CONNECTOR_RADIUS + 4:
                return near, "connector"
            return None, ""
        if _dist(point, lay.connector_point(bar)) <= CONNECTOR_RADIUS + 2:
            return bar, "connector"
        if bar.milestone:
            return bar, "body"
        r = lay.bar_rect(bar)
        edge = min(EDGE_PX, r.width() / 4)
        if point.x() <= r.left() + edge:
            return bar, "left"
        if point.x() >= r.right() - edge:
            return bar, "right"
        return bar, "body"


def _dist(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


class TimelineView(QWidget):
    """The timeline canvas with its toolbar: zoom, Today, colouring, snapping, legend, unscheduled count."""

    selection_changed = Signal(list)
    item_activated = Signal(str)
    message = Signal(str)
    board_requested = Signal()  # the "not scheduled" link was clicked

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.canvas = TimelineCanvas(document, self)
        self.canvas.selection_changed.connect(self.selection_changed)
        self.canvas.item_activated.connect(self.item_activated)
        self.canvas.message.connect(self.message)
        self.canvas.zoom_changed.connect(self._on_canvas_zoom_changed)
        self.canvas.layout_rebuilt.connect(self._update_unscheduled)

        bar = self._bar = ToolRow()
        bar.setObjectName("timelineToolRow")
        self.zoom_buttons: dict[str, QToolButton] = {}
        for zoom in ZOOMS:
            button = QToolButton()
            button.setObjectName(f"zoom_{zoom}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, z=zoom: self.set_zoom(z))
            bar.addWidget(button)
            self.zoom_buttons[zoom] = button
        self.today_button = QToolButton()
        self.today_button.setAutoRaise(True)
        self.today_button.clicked.connect(self.canvas.scroll_to_today)
        bar.addWidget(self.today_button)
        bar.addSeparator()
        self.color_label = QLabel()
        bar.addWidget(self.color_label)
        self.color_combo = QComboBox()
        self.color_combo.addItem("", "lane")
        self.color_combo.addItem("", "status")
        self.color_combo.currentIndexChanged.connect(
            lambda _i: self.canvas.set_color_by(self.color_combo.currentData())
        )
        bar.addWidget(self.color_combo)
        bar.addSeparator()
        self.snap_check = QCheckBox()
        self.snap_check.toggled.connect(lambda on: setattr(self.canvas, "snap_weeks", on))
        bar.addWidget(self.snap_check)
        self.legend_check = QCheckBox()
        self.legend_check.setChecked(True)
        self.legend_check.toggled.connect(self.canvas.set_legend_visible)
        bar.addWidget(self.legend_check)
        bar.add_stretch()
        self.unscheduled_label = QLabel()
        self.unscheduled_label.setObjectName("unscheduledLabel")
        self.unscheduled_label.setTextFormat(Qt.TextFormat.RichText)
        self.unscheduled_label.linkActivated.connect(lambda _l: self.board_requested.emit())
        bar.addWidget(self.unscheduled_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(bar)
        layout.addWidget(self.canvas, 1)
        self._on_canvas_zoom_changed(self.canvas.zoom())
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.canvas._dirty = True  # the axis and legend words are the interface's
            self.canvas.viewport().update()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        names = {"week": self.tr("Weeks"), "month": self.tr("Months"), "quarter": self.tr("Quarters")}
        for zoom, button in self.zoom_buttons.items():
            button.setText(names[zoom])
            button.setToolTip(self.tr("Zoom to %1 (Ctrl+wheel zooms around the mouse)").replace("%1", names[zoom]))
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Scroll to today"))
        self.color_label.setText(self.tr("Colour by"))
        self.color_combo.setItemText(0, self.tr("Lane"))
        self.color_combo.setItemText(1, self.tr("Status"))
        self.snap_check.setText(self.tr("Snap to weeks"))
        self.snap_check.setToolTip(
            self.tr("Drags move and resize in whole weeks (hold Shift for the same while dragging)")
        )
        self.legend_check.setText(self.tr("Legend"))
        self._update_unscheduled()

    # -- public API ---------------------------------------------------------------------------
    def add_toolbar_widget(self, widget: QWidget) -> None:
        """Put a widget (the window's Auto-schedule button) at the start of the toolbar."""
        first = self._bar.actions()[0]
        self._bar.insertWidget(first, widget)
        self._bar.insertSeparator(first)

    def set_selection(self, ids: list[str]) -> None:
        self.canvas.set_selection(list(ids))

    def selected_ids(self) -> list[str]:
        return self.canvas.selected_ids()

    def set_critical_path(self, ids) -> None:
        """Outline these items (and links between them) in red; pass [] to clear."""
        self.canvas.set_critical_path(ids)

    def set_zoom(self, zoom: str) -> None:
        self.canvas.set_zoom(zoom)
        self._on_canvas_zoom_changed(self.canvas.zoom())

    def set_color_by(self, mode: str) -> None:
        self.color_combo.setCurrentIndex(self.color_combo.findData(mode))

    def set_today(self, today: dt.date) -> None:
        self.canvas.today = today
        self.canvas._dirty = True
        self.canvas.viewport().update()

    # -- reactions ----------------------------------------------------------------------------
    def _on_canvas_zoom_changed(self, zoom: str) -> None:
        for name, button in self.zoom_buttons.items():
            button.setChecked(name == zoom)

    def _update_unscheduled(self) -> None:
        count = sum(1 for item in self.document.project.items if item.start is None)
        if count:
            text = (
                self.tr('1 item not scheduled — see <a href="board">Now/Next/Later</a>')
                if count == 1
                else self.tr('%1 items not scheduled — see <a href="board">Now/Next/Later</a>').replace(
                    "%1", str(count)
                )
            )
            self.unscheduled_label.setText(text)
        else:
            self.unscheduled_label.setText("")
