"""The numpy painter for big timelines (render/timeline_dense.py) draws exactly what the reference
per-item painter draws: both render the same frames and the images are compared pixel for pixel."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from benchmarks.timeline_paint import big_project
from roadmap_desktop.render import timeline as tp
from roadmap_desktop.render.timeline_layout import ZOOM_SCALES, PaintOptions, TimelineLayout


@pytest.fixture(scope="module")
def project():
    return big_project(items=400, lanes=6, dependencies=250)


def _render(project, monkeypatch, use_arrays: bool, scale: float, x: float, y: float, **options):
    monkeypatch.setattr(tp, "FORCE_ARRAY_PATH", use_arrays)
    layout = TimelineLayout(project, scale=scale)
    image = QImage(900, 500, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    x, y = x % max(layout.width - 900, 1), y % max(layout.height - 500, 1)
    stats: dict[str, int] = {}
    painter = QPainter(image)
    painter.translate(-x, -y)
    tp.paint_timeline(painter, layout, QRectF(x, y, 900, 500), PaintOptions(stats=stats, **options))
    painter.end()
    return image, stats


@pytest.mark.parametrize(
    ("zoom", "factor", "x", "y"),
    [("quarter", 1.0, 0, 0), ("quarter", 1.3, 1300, 260), ("month", 1.0, 700, 90), ("week", 1.0, 2500, 400)],
)
@pytest.mark.parametrize("color_by", ["lane", "status"])
def test_the_array_painter_matches_the_reference(qapp, monkeypatch, project, zoom, factor, x, y, color_by):
    layout = TimelineLayout(project)
    ids = list(layout.bars)
    pred, succ = layout.links[3]
    options = dict(
        color_by=color_by,
        today=dt.date(2026, 6, 1),
        critical_ids=frozenset(ids[:40]),
        selected_ids=frozenset(ids[50:53]),
        dimmed_ids=frozenset(ids[60:62]),
        hover_id=ids[70],
        selected_link=(pred.id, succ.id),
    )
    scale = ZOOM_SCALES[zoom] * factor
    fast, fast_stats = _render(project, monkeypatch, True, scale, x, y, **options)
    reference, reference_stats = _render(project, monkeypatch, False, scale, x, y, **options)
    assert fast_stats == reference_stats
    assert fast_stats["bars"] > 0 and fast_stats["labels"] > 0
    assert fast == reference


def test_big_timelines_take_the_array_path_small_ones_do_not(qapp, project):
    assert tp._use_arrays(TimelineLayout(project))
    small = big_project(items=20, lanes=2, dependencies=10)
    assert not tp._use_arrays(TimelineLayout(small))
