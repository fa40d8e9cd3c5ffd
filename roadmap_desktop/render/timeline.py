"""Timeline painting shared by the timeline view, the workshop presenter and the PDF export (QtGui only).

``paint_timeline`` paints the part of the content inside ``rect`` (content coordinates, see
timeline_layout.py); the axis header and the lane gutter stick to the top and left edges of ``rect``,
so a scrolling view passes its visible rectangle and a PDF page passes the whole content (or one
slice of it per page).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF, QRegion

from ..domain.dates import shift
from .ink import INK, readable_ink
from .timeline_bars import (
    bar_color,
    bar_label,
    draw_centred_text,
    paint_bar,
    paint_bar_label,
    paint_connector,
)
from .timeline_layout import (
    ARROW,
    ARROW_LATE,
    BAND_EVEN,
    BAND_ODD,
    CRITICAL,
    DENSE_BARS,
    GRID,
    GRID_MAJOR,
    GUTTER_BG,
    HEADER_BG,
    INK_SOFT,
    SELECT,
    TODAY_COLOR,
    WEEKEND,
    Bar,
    PaintOptions,
    Tick,
    TimelineLayout,
)
from .timeline_legend import legend_card, paint_legend

# Timelines with more bars and links than this paint through timeline_dense.py (numpy); None = decide
# by size, True/False force a path (tests compare the two).
ARRAY_PATH_ITEMS = 400
FORCE_ARRAY_PATH: bool | None = None


def paint_selection(painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions) -> None:
    """The selected bars, the selected arrow and the hover handle, over a frame of ``rect`` painted
    without them: the view keeps that frame while only the selection or the mouse changes, which
    at quarter zoom of a big roadmap saves a whole repaint per mouse move."""
    body = QRectF(
        rect.left() + layout.gutter_width,
        rect.top() + layout.header_height,
        max(rect.width() - layout.gutter_width, 0),
        max(rect.height() - layout.header_height, 0),
    )
    region = QRegion(body.toAlignedRect())
    card = (
        legend_card(layout, rect, options.color_by, bool(options.critical_ids), clear_of_lanes=True)
        if options.legend
        else None
    )
    if card is not None:
        region -= QRegion(card.toAlignedRect())  # the legend stays on top, as in a full paint
    painter.save()
    painter.setClipRegion(region)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    link = options.selected_link
    if link is not None and link[0] in layout.bars and link[1] in layout.bars:
        pred, succ = layout.bars[link[0]], layout.bars[link[1]]
        if (pred, succ) in layout.links:
            c = layout.link_coords(pred, succ)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(SELECT, 2))
            painter.drawLines([QLineF(c[i], c[i + 1], c[i + 2], c[i + 3]) for i in range(0, len(c) - 2, 2)])
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SELECT)
            tx, ty = c[-2], c[-1]
            painter.drawPolygon(QPolygonF([QPointF(tx, ty), QPointF(tx - 7, ty - 4), QPointF(tx - 7, ty + 4)]))
    for item_id in options.selected_ids:
        bar = layout.bars.get(item_id)
        if bar is None:
            continue
        box = layout.bar_rect(bar)
        if box.intersects(body):
            paint_bar(
                painter,
                layout,
                bar,
                box,
                bar_color(layout, bar, options.color_by),
                selected=True,
                critical=item_id in options.critical_ids,
                alpha=0.35 if item_id in options.dimmed_ids else 1.0,
            )
            # The bar was painted over its own title when the title sits inside it; labels beside stay.
            label = bar_label(layout, bar, box, rect.left() + layout.gutter_width)
            if label is not None and label.placement == "inside":
                painter.setFont(layout.font)
                painter.setPen(readable_ink(bar_color(layout, bar, options.color_by)))
                draw_centred_text(painter, layout.metrics, label.x, box, label.text)
    hover = layout.bars.get(options.hover_id) if options.hover_id is not None else None
    if hover is not None:
        paint_connector(painter, layout, hover)
    painter.restore()


def paint_timeline(
    painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions | None = None
) -> None:
    """Paint what of the timeline intersects ``rect`` (content coordinates) with ``painter``."""
    options = options or PaintOptions()
    stats = options.stats if options.stats is not None else {}
    stats.update(bars=0, links=0, rows=0, labels=0)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setClipRect(rect)
    painter.setFont(layout.font)
    body = QRectF(
        rect.left() + layout.gutter_width,
        rect.top() + layout.header_height,
        max(rect.width() - layout.gutter_width, 0),
        max(rect.height() - layout.header_height, 0),
    )
    _paint_bands(painter, layout, rect)
    major, minor = layout.axis_ticks(body.left(), body.right())
    _paint_grid(painter, layout, rect, major, minor, options)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if options.today is not None:
        _paint_today(painter, layout, rect, options.today)
    if options.dependencies:
        _paint_links(painter, layout, rect, options, stats)
    _paint_bars(painter, layout, rect, options, stats)
    _paint_header(painter, layout, rect, major, minor, options.today)
    if options.today is not None:
        _paint_today_flag(painter, layout, rect, options.today)
    _paint_gutter(painter, layout, rect, options)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if options.legend:
        # Drawn over the content in view, but never over a lane: lanes are what the user works on.
        paint_legend(painter, layout, rect, options.color_by, bool(options.critical_ids), clear_of_lanes=True)
    painter.restore()


def _paint_bands(painter: QPainter, layout: TimelineLayout, rect: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # axis-aligned: sharp and fast
    painter.setPen(Qt.PenStyle.NoPen)
    for i, lane in enumerate(layout.lanes):
        if lane.y > rect.bottom() or lane.y + lane.height < rect.top():
            continue
        painter.setBrush(BAND_ODD if i % 2 else BAND_EVEN)
        painter.drawRect(QRectF(rect.left(), lane.y, rect.width(), lane.height))
    below = QRectF(rect.left(), layout.body_bottom, rect.width(), max(rect.bottom() - layout.body_bottom, 0))
    if below.height() > 0:
        painter.setBrush(BAND_EVEN)
        painter.drawRect(below)
    painter.setPen(QPen(GRID_MAJOR, 1))
    for lane in layout.lanes:
        y = lane.y + lane.height
        if rect.top() <= y <= rect.bottom():
            painter.drawLine(QLineF(rect.left(), y - 0.5, rect.right(), y - 0.5))


def _paint_grid(
    painter: QPainter,
    layout: TimelineLayout,
    rect: QRectF,
    major: list[Tick],
    minor: list[Tick],
    options: PaintOptions,
) -> None:
    top, bottom = rect.top() + layout.header_height, min(rect.bottom(), layout.body_bottom)
    if options.weekends and layout.scale >= 8:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WEEKEND)
        d0 = max(layout.date_at(rect.left() + layout.gutter_width), layout.first)
        saturday = shift(d0, (5 - d0.weekday()) % 7 - 7)
        last = layout.date_at(rect.right())  # the x of that day's column is the last left of rect.right()
        while saturday <= last:
            painter.drawRect(QRectF(layout.x_for(saturday), top, 2 * layout.scale, bottom - top))
            saturday = shift(saturday, 7)
            if saturday.weekday() != 5:  # the calendar ended
                break
    painter.setPen(QPen(GRID, 1))
    majors = {t.day for t in major}
    for tick in minor:
        if tick.day not in majors:
            painter.drawLine(QLineF(tick.x + 0.5, top, tick.x + 0.5, bottom))
    painter.setPen(QPen(GRID_MAJOR, 1))
    for tick in major:
        painter.drawLine(QLineF(tick.x + 0.5, top, tick.x + 0.5, bottom))


def _paint_today(painter: QPainter, layout: TimelineLayout, rect: QRectF, today: dt.date) -> None:
    if not layout.first <= today <= layout.last:
        return
    x = layout.x_for(today) + layout.scale / 2
    if not rect.left() + layout.gutter_width <= x <= rect.right():
        return
    painter.setPen(QPen(TODAY_COLOR, 2))
    painter.drawLine(QLineF(x, rect.top() + layout.header_height, x, min(rect.bottom(), layout.body_bottom)))


def _today_pill(layout: TimelineLayout, rect: QRectF, today: dt.date | None) -> QRectF | None:
    """Where the "Today" flag goes in the header's upper row, or None when today is out of view."""
    if today is None or not layout.first <= today <= layout.last:
        return None
    x = layout.x_for(today) + layout.scale / 2
    if not rect.left() + layout.gutter_width <= x <= rect.right():
        return None
    fm = layout.bold_metrics
    w, h = fm.horizontalAdvance(layout.wording["timeline.today"]) + 12, fm.height() + 2
    half = layout.header_height / 2
    pill = QRectF(x - w / 2, rect.top() + (half - h) / 2 + 1, w, h)
    return None if pill.left() < rect.left() + layout.gutter_width else pill


def _paint_today_flag(painter: QPainter, layout: TimelineLayout, rect: QRectF, today: dt.date) -> None:
    pill = _today_pill(layout, rect, today)
    if pill is None:
        return
    text = layout.wording["timeline.today"]
    h = pill.height()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TODAY_COLOR)
    painter.drawRoundedRect(pill, h / 2, h / 2)
    painter.setPen(QColor("#FFFFFF"))
    painter.setFont(layout.bold_font)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    painter.setFont(layout.font)


def _use_arrays(layout: TimelineLayout) -> bool:
    if FORCE_ARRAY_PATH is not None:
        return FORCE_ARRAY_PATH
    return len(layout.bars) + len(layout.links) > ARRAY_PATH_ITEMS


def _paint_links(
    painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions, stats: dict[str, int]
) -> None:
    if _use_arrays(layout):
        from . import timeline_dense  # numpy: loaded with the first big timeline, not at start-up

        timeline_dense.paint_links(painter, layout, rect, options, stats)
        return
    # Routes are horizontal and vertical only, so they are batched per pen and drawn without
    # antialiasing: crisp, and several times faster with hundreds of arrows on screen.
    pens = {
        "normal": QPen(ARROW, 1),
        "late": QPen(ARROW_LATE, 1, Qt.PenStyle.DashLine),
        "critical": QPen(CRITICAL, 2),
        "chosen": QPen(SELECT, 2),
    }
    lines: dict[str, list[QLineF]] = {name: [] for name in pens}
    tips: dict[str, list[tuple[float, float]]] = {name: [] for name in pens}
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    critical_ids, chosen_link = options.critical_ids, options.selected_link
    count = 0
    for pred, succ in layout.visible_links(rect):
        if chosen_link is not None and chosen_link == (pred.id, succ.id):
            kind = "chosen"
        elif pred.id in critical_ids and succ.id in critical_ids:
            kind = "critical"
        elif succ.start_day < (pred.start_day if pred.milestone else pred.end_day):
            kind = "late"  # the successor starts before its predecessor finishes
        else:
            kind = "normal"
        c = layout.link_coords(pred, succ)
        batch = lines[kind]
        for i in range(0, len(c) - 2, 2):
            batch.append(QLineF(c[i], c[i + 1], c[i + 2], c[i + 3]))
        tx, ty = c[-2], c[-1]
        if left - 8 <= tx <= right + 8 and top - 8 <= ty <= bottom + 8:
            tips[kind].append((tx, ty))
        count += 1
    stats["links"] += count
    painter.save()
    for kind, pen in pens.items():
        if lines[kind]:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(pen)
            painter.drawLines(lines[kind])
        if tips[kind]:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pen.color())
            for tx, ty in tips[kind]:
                painter.drawPolygon(QPolygonF([QPointF(tx, ty), QPointF(tx - 7, ty - 4), QPointF(tx - 7, ty + 4)]))
    painter.restore()


def _paint_bars(
    painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions, stats: dict[str, int]
) -> None:
    if _use_arrays(layout):
        from . import timeline_dense

        timeline_dense.paint_bars(painter, layout, rect, options, stats)
        return
    fm = layout.metrics
    rows_seen: set[int] = set()
    # Ordinary bars are batched per colour so the painter's pen and brush change once per colour.
    plain: dict[int, tuple[QColor, list[QRectF]]] = {}
    special: list[tuple[Bar, QRectF, QColor]] = []
    labelled: list[tuple[Bar, QRectF, QColor]] = []
    left, right = rect.left(), rect.right()
    selected, critical, dimmed = options.selected_ids, options.critical_ids, options.dimmed_ids
    hover: Bar | None = None
    count = 0
    for bar in layout.visible_bars(rect):
        rows_seen.add(bar.row)
        x0, y0, x1, y1 = layout.bar_box(bar)
        if x0 > right:
            continue
        if bar.title_width < 0:
            bar.title_width = fm.horizontalAdvance(bar.title)
        color = bar_color(layout, bar, options.color_by)
        box = QRectF(x0, y0, x1 - x0, y1 - y0)
        if x1 >= left:
            if bar.milestone or bar.id in selected or bar.id in critical or bar.id in dimmed:
                special.append((bar, box, color))
            else:
                plain.setdefault(color.rgba(), (color, []))[1].append(box)
            count += 1
        labelled.append((bar, box, color))
        if bar.id == options.hover_id:
            hover = bar
    dense = sum(len(boxes) for _color, boxes in plain.values()) > DENSE_BARS
    if dense:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for color, boxes in plain.values():
        painter.setPen(QPen(color.darker(125), 1))
        painter.setBrush(color)
        if dense:
            painter.drawRects(boxes)
            continue
        for box in boxes:
            radius = 4.0 if box.width() >= 8 else box.width() / 2
            painter.drawRoundedRect(box, radius, radius)
    if dense:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for bar, box, color in special:
        paint_bar(
            painter,
            layout,
            bar,
            box,
            color,
            selected=bar.id in selected,
            critical=bar.id in critical,
            alpha=0.35 if bar.id in dimmed else 1.0,
        )
    labels = 0
    for bar, box, color in labelled:
        if paint_bar_label(painter, layout, bar, box, color, rect, bar.id in dimmed):
            labels += 1
    if hover is not None:
        paint_connector(painter, layout, hover)
    stats["bars"] = count
    stats["labels"] = labels
    stats["rows"] = len(rows_seen)


def _paint_header(
    painter: QPainter,
    layout: TimelineLayout,
    rect: QRectF,
    major: list[Tick],
    minor: list[Tick],
    today: dt.date | None = None,
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    top = rect.top()
    half = layout.header_height / 2
    left = rect.left() + layout.gutter_width
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(HEADER_BG)
    painter.drawRect(QRectF(rect.left(), top, rect.width(), layout.header_height))
    painter.save()
    painter.setClipRect(QRectF(left, top, max(rect.right() - left, 0), layout.header_height))
    painter.setPen(INK)
    painter.setFont(layout.bold_font)
    bold = layout.bold_metrics
    pill = _today_pill(layout, rect, today)
    for tick in major:
        # The label sticks to the left edge while its period is partly scrolled away.
        x = max(tick.x, left) + 8
        if pill is not None and x < pill.right() and x + bold.horizontalAdvance(tick.label) > pill.left():
            x = pill.right() + 8  # after the Today flag, not under it
        room = tick.x_end - x - 4
        if bold.horizontalAdvance(tick.label) <= room or room >= 60:
            text = bold.elidedText(tick.label, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRectF(x, top, room, half), Qt.AlignmentFlag.AlignVCenter, text)
    painter.setFont(layout.font)
    painter.setPen(INK_SOFT)
    fm = layout.metrics
    for tick in minor:
        x = max(tick.x, left)  # centred in the part of the period that shows
        width = tick.x_end - x
        if fm.horizontalAdvance(tick.label) + 6 <= width:
            painter.drawText(QRectF(x, top + half, width, half), Qt.AlignmentFlag.AlignCenter, tick.label)
    painter.setPen(QPen(GRID, 1))
    majors = {t.day for t in major}
    for tick in minor:
        if tick.day not in majors:
            painter.drawLine(QLineF(tick.x + 0.5, top + half + 4, tick.x + 0.5, top + layout.header_height))
    painter.setPen(QPen(GRID_MAJOR, 1))
    for tick in major:
        painter.drawLine(QLineF(tick.x + 0.5, top + 4, tick.x + 0.5, top + layout.header_height))
    painter.restore()
    painter.setPen(QPen(GRID_MAJOR, 1))
    painter.drawLine(
        QLineF(rect.left(), top + layout.header_height - 0.5, rect.right(), top + layout.header_height - 0.5)
    )


def _paint_gutter(painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    left = rect.left()
    width = layout.gutter_width
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(GUTTER_BG)
    painter.drawRect(QRectF(left, rect.top(), width, rect.height()))
    painter.save()
    body_top = rect.top() + layout.header_height
    painter.setClipRect(QRectF(left, body_top, width, max(rect.bottom() - body_top, 0)))
    painter.setFont(layout.bold_font)
    fm = layout.bold_metrics
    for lane in layout.lanes:
        if lane.y > rect.bottom() or lane.y + lane.height < body_top:
            continue
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(lane.color)
        painter.drawRect(QRectF(left, lane.y + 1, 5, lane.height - 2))
        text_rect = QRectF(left + 14, lane.y + 2, width - 22, lane.height - 4)
        painter.setPen(INK)
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        needed = fm.boundingRect(text_rect, int(flags), lane.name)
        if needed.height() <= text_rect.height() and needed.width() <= text_rect.width() + 0.5:
            painter.drawText(text_rect, flags, lane.name)
        else:
            text = fm.elidedText(lane.name, Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.setPen(QPen(GRID_MAJOR, 1))
        y = lane.y + lane.height - 0.5
        painter.drawLine(QLineF(left, y, left + width, y))
    painter.restore()
    # Corner above the lane names.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(HEADER_BG)
    corner = QRectF(left, rect.top(), width, layout.header_height)
    painter.drawRect(corner)
    if options.title:
        painter.setPen(INK)
        painter.setFont(layout.bold_font)
        text = layout.bold_metrics.elidedText(options.title, Qt.TextElideMode.ElideRight, width - 22)
        painter.drawText(corner.adjusted(14, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, text)
        painter.setFont(layout.font)
    painter.setPen(QPen(GRID_MAJOR, 1))
    painter.drawLine(QLineF(left + width - 0.5, rect.top(), left + width - 0.5, rect.bottom()))
    painter.drawLine(
        QLineF(left, rect.top() + layout.header_height - 0.5, left + width, rect.top() + layout.header_height - 0.5)
    )
