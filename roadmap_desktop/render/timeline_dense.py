"""Vectorised geometry for big timelines: the same bars, labels and arrows as timeline.py paints.

At quarter zoom a 2,000-item roadmap shows ~500 bars and ~500 arrows at once; the per-item Python of
the reference painter (~10 µs an item) alone overran a 16 ms frame. Here the boxes, culling, routes
and label choices of all items are computed with numpy in a few array operations per frame, and
only what is drawn becomes Qt objects. Anything unusual (milestones, selected, dimmed or critical
bars, elided or half-scrolled titles) goes through the reference code, so the two agree to the
pixel (tests/qt/test_timeline_dense.py renders both and compares).
"""

from __future__ import annotations

from itertools import starmap

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from .ink import INK, readable_ink
from .timeline_bars import bar_color, paint_bar, paint_bar_label, paint_connector, paint_label_ground
from .timeline_layout import (
    ARROW,
    ARROW_LATE,
    CRITICAL,
    DENSE_BARS,
    LABEL_GAP,
    MAX_LABEL_PX,
    SELECT,
    STATUS_COLORS,
    Bar,
    PaintOptions,
    TimelineLayout,
)


class DenseArrays:
    """Per-layout arrays of every bar (in row, then slot order) and every link; built once."""

    def __init__(self, layout: TimelineLayout) -> None:
        bars: list[Bar] = [bar for row in layout.rows for bar in row.bars]
        self.bars = bars
        self.index = {bar.id: i for i, bar in enumerate(bars)}
        self.start = np.array([b.start_day for b in bars], dtype=np.int64)
        self.end = np.array([b.end_day for b in bars], dtype=np.int64)
        self.row = np.array([b.row for b in bars], dtype=np.int64)
        self.milestone = np.array([b.milestone for b in bars], dtype=bool)
        self.lane = np.array([b.lane for b in bars], dtype=np.int64)
        statuses = list(STATUS_COLORS)
        self.status = np.array(
            [statuses.index(b.status) if b.status in STATUS_COLORS else len(statuses) for b in bars], dtype=np.int64
        )
        self.row_y = np.array([row.y for row in layout.rows], dtype=np.float64)
        self.row_offset = np.zeros(len(layout.rows) + 1, dtype=np.int64)
        np.cumsum([len(row.bars) for row in layout.rows], out=self.row_offset[1:])
        # The next bar in the same row (-1 at a row's end): it bounds the room for a title beside.
        following = np.arange(1, len(bars) + 1, dtype=np.int64)
        last_in_row = np.zeros(len(bars), dtype=bool)
        ends = self.row_offset[1:][np.diff(self.row_offset) > 0] - 1
        last_in_row[ends] = True
        self.next = np.where(last_in_row, -1, following)
        self.title_width: np.ndarray | None = None

        links = layout.links
        self.pred = np.array([self.index[p.id] for p, _s in links], dtype=np.int64)
        self.succ = np.array([self.index[s.id] for _p, s in links], dtype=np.int64)
        self.link_index = {(p.id, s.id): i for i, (p, s) in enumerate(links)}
        spans = layout._link_spans
        self.span_first = np.array([s[0] for s in spans], dtype=np.float64)
        self.span_last = np.array([s[1] for s in spans], dtype=np.float64)
        self.span_top = np.array([s[2] for s in spans], dtype=np.float64)
        self.span_bottom = np.array([s[3] for s in spans], dtype=np.float64)

    def title_widths(self, layout: TimelineLayout) -> np.ndarray:
        if self.title_width is None:
            fm = layout.metrics
            for bar in self.bars:
                if bar.title_width < 0:
                    bar.title_width = fm.horizontalAdvance(bar.title)
            self.title_width = np.array([b.title_width for b in self.bars], dtype=np.float64)
        return self.title_width

    def boxes(self, layout: TimelineLayout, idx: np.ndarray) -> tuple[np.ndarray, ...]:
        """TimelineLayout._compute_box for the bars ``idx``, with the same float operations."""
        scale = layout.scale
        x0 = layout.gutter_width + self.start[idx] * scale
        y = self.row_y[self.row[idx]] + (layout.row_height - layout.bar_height) / 2
        width = (self.end[idx] - self.start[idx]) * scale - min(1.0, scale * 0.15)
        x1 = x0 + np.where(width > 3.0, width, 3.0)
        y1 = y + layout.bar_height
        ms = self.milestone[idx]
        if ms.any():
            half = layout.bar_height * 0.41
            cx = x0 + scale / 2
            cy = y + layout.bar_height / 2
            x0, x1 = np.where(ms, cx - half, x0), np.where(ms, cx + half, x1)
            y, y1 = np.where(ms, cy - half, y), np.where(ms, cy + half, y1)
        return x0, y, x1, y1


def arrays(layout: TimelineLayout) -> DenseArrays:
    cached = getattr(layout, "_dense", None)
    if cached is None:
        cached = layout._dense = DenseArrays(layout)  # type: ignore[attr-defined]
    return cached


def _mask_of(a: DenseArrays, ids: frozenset[str]) -> np.ndarray:
    mask = np.zeros(len(a.bars), dtype=bool)
    picked = [a.index[i] for i in ids if i in a.index]
    if picked:
        mask[picked] = True
    return mask


# -- links ------------------------------------------------------------------------------------------


def paint_links(
    painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions, stats: dict[str, int]
) -> None:
    a = arrays(layout)
    if not len(a.pred):
        return
    margin = 24 / layout.scale + 1
    d0, d1 = layout.day_at(rect.left()) - margin, layout.day_at(rect.right()) + margin
    top, bottom = rect.top(), rect.bottom()
    vis = np.flatnonzero((a.span_last >= d0) & (a.span_first <= d1) & (a.span_bottom >= top) & (a.span_top <= bottom))
    stats["links"] += len(vis)
    if not len(vis):
        return
    p, s = a.pred[vis], a.succ[vis]
    ax0, ay0, ax1, ay1 = a.boxes(layout, p)
    bx0, by0, _bx1, by1 = a.boxes(layout, s)
    xb, yb = bx0, (by0 + by1) / 2
    row_y = a.row_y[a.row[s]]
    row_h = layout.row_height

    # Kinds, as in the reference: chosen, else critical, else late, else normal.
    kind = np.full(len(vis), 3, dtype=np.int64)  # 0 chosen, 1 critical, 2 late, 3 normal
    p_ms = a.milestone[p]
    late = a.start[s] < np.where(p_ms, a.start[p], a.end[p])
    kind[late] = 2
    if options.critical_ids:
        crit = _mask_of(a, options.critical_ids)
        kind[crit[p] & crit[s]] = 1
    if options.selected_link is not None and options.selected_link in a.link_index:
        kind[vis == a.link_index[options.selected_link]] = 0

    # Routes (TimelineLayout.link_coords): four shapes, each a fixed number of segments.
    same = a.row[p] == a.row[s]
    down = a.row[s] > a.row[p]
    xa, ya = ax1, (ay0 + ay1) / 2
    xs = np.where(p_ms, (ax0 + ax1) / 2, np.maximum(ax0 + np.minimum(4.0, (ax1 - ax0) / 2), ax1 - 6))
    ys = np.where(down, ay1, ay0)
    straight_same = same & (xb - xa >= 4)
    detour_same = same & ~straight_same
    straight_cross = ~same & (xb - xs >= 10)
    detour_cross = ~same & ~straight_cross
    ymid_same = row_y + row_h - 1.5
    ymid_cross = np.where(down, row_y, row_y + row_h)

    def pts(m: np.ndarray, *coords: np.ndarray) -> np.ndarray:
        return np.stack([c[m] for c in coords], axis=1)

    shapes = [
        (straight_same, pts(straight_same, xa, ya, xb, yb)),
        (detour_same, pts(detour_same, xa, ya, xa + 6, ya, xa + 6, ymid_same, xb - 10, ymid_same, xb - 10, yb, xb, yb)),
        (straight_cross, pts(straight_cross, xs, ys, xs, yb, xb, yb)),
        (detour_cross, pts(detour_cross, xs, ys, xs, ymid_cross, xb - 10, ymid_cross, xb - 10, yb, xb, yb)),
    ]
    left, right = rect.left(), rect.right()
    tip_ok = (xb >= left - 8) & (xb <= right + 8) & (yb >= top - 8) & (yb <= bottom + 8)
    pens = [
        QPen(SELECT, 2),
        QPen(CRITICAL, 2),
        QPen(ARROW_LATE, 1, Qt.PenStyle.DashLine),
        QPen(ARROW, 1),
    ]
    order = [3, 2, 1, 0]  # the reference's pen order: normal, late, critical, chosen
    painter.save()
    for k in order:
        lines: list[QLineF] = []
        for mask, coords in shapes:
            rows = coords[kind[mask] == k]
            if len(rows):
                # Consecutive points pair up into segments: (n, 2m) -> (n * (m - 1), 4).
                points = rows.reshape(len(rows), -1, 2)
                segments = np.concatenate([points[:, :-1], points[:, 1:]], axis=2).reshape(-1, 4)
                lines.extend(starmap(QLineF, segments.tolist()))
        pen = pens[k]
        if lines:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(pen)
            painter.drawLines(lines)
        tips = (kind == k) & tip_ok
        if tips.any():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pen.color())
            for tx, ty in zip(xb[tips].tolist(), yb[tips].tolist(), strict=True):
                painter.drawPolygon(_TIP.translated(tx, ty))
    painter.restore()


# -- bars and titles ----------------------------------------------------------------------------------

_TIP = QPolygonF([QPointF(0, 0), QPointF(-7, -4), QPointF(-7, 4)])  # the reference's arrowhead at (0, 0)

_INSIDE, _BESIDE, _REFERENCE, _ELIDED_INSIDE, _ELIDED_BESIDE = 1, 2, 3, 4, 5


def paint_bars(
    painter: QPainter, layout: TimelineLayout, rect: QRectF, options: PaintOptions, stats: dict[str, int]
) -> None:
    a = arrays(layout)
    rows = layout.rows_between(rect.top(), rect.bottom())
    if not len(rows):
        stats.update(bars=0, labels=0, rows=0)
        return
    lo, hi = int(a.row_offset[rows.start]), int(a.row_offset[rows.stop])
    d0 = np.floor(layout.day_at(rect.left() - MAX_LABEL_PX)) - 1
    d1 = np.ceil(layout.day_at(rect.right())) + 1
    span = np.arange(lo, hi)
    span = span[(a.end[span] > d0) & (a.start[span] <= d1)]
    stats["rows"] = len(np.unique(a.row[span]))
    x0, y0, x1, y1 = a.boxes(layout, span)
    left, right = rect.left(), rect.right()
    keep = x0 <= right
    idx, x0, y0, x1, y1 = span[keep], x0[keep], y0[keep], x1[keep], y1[keep]
    shown = x1 >= left
    special = a.milestone[idx].copy()
    for ids in (options.selected_ids, options.critical_ids, options.dimmed_ids):
        if ids:
            special |= _mask_of(a, ids)[idx]
    plain = shown & ~special
    by_status = options.color_by == "status"
    color_key = a.status[idx] if by_status else a.lane[idx]
    bars = a.bars

    # Plain bars: one batch per colour, in order of first appearance like the reference.
    plain_idx = np.flatnonzero(plain)
    dense = len(plain_idx) > DENSE_BARS
    if dense:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    keys = color_key[plain_idx]
    rect_args = np.stack([x0, y0, x1 - x0, y1 - y0], axis=1)
    _u, first = np.unique(keys, return_index=True)
    for key in keys[np.sort(first)].tolist():
        sel = plain_idx[keys == key]
        color = bar_color(layout, bars[int(idx[sel[0]])], options.color_by)
        painter.setPen(QPen(color.darker(125), 1))
        painter.setBrush(color)
        boxes = list(starmap(QRectF, rect_args[sel].tolist()))
        if dense:
            painter.drawRects(boxes)
        else:
            for box in boxes:
                radius = 4.0 if box.width() >= 8 else box.width() / 2
                painter.drawRoundedRect(box, radius, radius)
    if dense:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    selected, critical, dimmed = options.selected_ids, options.critical_ids, options.dimmed_ids
    for j in np.flatnonzero(shown & special).tolist():
        bar = bars[int(idx[j])]
        box = QRectF(x0[j], y0[j], x1[j] - x0[j], y1[j] - y0[j])
        paint_bar(
            painter,
            layout,
            bar,
            box,
            bar_color(layout, bar, options.color_by),
            selected=bar.id in selected,
            critical=bar.id in critical,
            alpha=0.35 if bar.id in dimmed else 1.0,
        )

    # Titles: the two common cases (fits inside, fits beside) decided here; the rest by bar_label.
    title_w = a.title_widths(layout)[idx]
    inner = (x1 - x0) - 12
    visible_left = left + layout.gutter_width
    nxt = a.next[idx]
    has_next = nxt >= 0
    limit = np.full(len(idx), layout.width)
    if has_next.any():
        limit[has_next] = a.boxes(layout, nxt[has_next])[0]
    room = np.minimum(np.maximum(limit - x1 - 2 * LABEL_GAP, 0.0), MAX_LABEL_PX)
    code = np.full(len(idx), _REFERENCE, dtype=np.int64)
    simple = ~a.milestone[idx] & ~((x0 < visible_left) & (x1 - visible_left >= 40))
    if dimmed:
        simple &= ~_mask_of(a, dimmed)[idx]
    # bar_label's order of preference: whole inside, whole beside, then elided where more shows
    # (beside when the row has more room there than the bar has inside).
    inside = simple & (title_w <= inner)
    beside = simple & ~inside & (title_w <= room)
    cut_beside = simple & ~inside & ~beside & (room >= 40) & (room > inner)
    cut_inside = simple & ~inside & ~beside & ~cut_beside & (inner >= 28)
    code[simple] = 0
    code[inside] = _INSIDE
    code[beside] = _BESIDE
    code[cut_inside] = _ELIDED_INSIDE
    code[cut_beside] = _ELIDED_BESIDE
    # Skipped like the reference: an inside title of a bar left of view, a beside title out of view.
    beside_x = x1 + LABEL_GAP
    code[(inside | cut_inside) & (x1 < left)] = 0
    code[(beside | cut_beside) & ((beside_x > right) | (beside_x + room < left))] = 0
    centre = y0 + (y1 - y0) / 2
    fm = layout.metrics
    lift = (fm.ascent() - fm.descent()) / 2
    labels = 0
    ink = QColor(INK)
    for j, c in enumerate(code.tolist()):
        if not c:
            continue
        bar = bars[int(idx[j])]
        if c in (_INSIDE, _ELIDED_INSIDE):
            text = bar.title if c == _INSIDE else layout.elide(bar, float(inner[j]))
            painter.setPen(readable_ink(bar_color(layout, bar, options.color_by)))
            painter.drawText(QPointF(float(x0[j]) + 6, float(centre[j]) + lift), text)
            labels += 1
        elif c in (_BESIDE, _ELIDED_BESIDE):
            text = bar.title if c == _BESIDE else layout.elide(bar, float(room[j]))
            paint_label_ground(painter, fm, bar, float(beside_x[j]), float(centre[j]), fm.horizontalAdvance(text))
            painter.setPen(ink)
            painter.drawText(QPointF(float(beside_x[j]), float(centre[j]) + lift), text)
            labels += 1
        else:
            box = QRectF(x0[j], y0[j], x1[j] - x0[j], y1[j] - y0[j])
            color = bar_color(layout, bar, options.color_by)
            if paint_bar_label(painter, layout, bar, box, color, rect, bar.id in dimmed):
                labels += 1
    hover = a.index.get(options.hover_id) if options.hover_id is not None else None
    if hover is not None and np.any(idx == hover):
        paint_connector(painter, layout, bars[hover])
    stats["bars"] = int(shown.sum())
    stats["labels"] = labels
