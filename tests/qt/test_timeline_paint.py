"""Timeline geometry and painting shared with the PDF export: packing, x, labels, axis, culling."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.render.timeline import paint_timeline
from roadmap_desktop.render.timeline_bars import bar_label
from roadmap_desktop.render.timeline_layout import ZOOM_SCALES, PaintOptions, TimelineLayout

D = dt.date


def _project(language: str = "en") -> Project:
    project = Project.new("Paint", language)
    lane = project.lanes[0].id
    project.items += [
        TimelineItem(title="A", lane_id=lane, start=D(2026, 1, 5), duration_days=10),
        TimelineItem(title="B overlaps A", lane_id=lane, start=D(2026, 1, 10), duration_days=10),
        TimelineItem(title="C after A", lane_id=lane, start=D(2026, 1, 15), duration_days=3),
        TimelineItem(title="Launch", lane_id=project.lanes[1].id, start=D(2026, 2, 2), duration_days=0, milestone=True),
        TimelineItem(title="Unscheduled", lane_id=lane),
    ]
    return project


def test_overlapping_items_are_packed_into_separate_rows(qapp):
    project = _project()
    a, b, c, *_ = project.items
    lay = TimelineLayout(project, first=D(2026, 1, 1), scale=10)
    assert lay.lanes[0].row_count == 2
    assert lay.bars[a.id].row == lay.bars[c.id].row != lay.bars[b.id].row
    for row in lay.rows:  # bars in one row never overlap
        for left, right in zip(row.bars, row.bars[1:], strict=False):
            assert lay.bar_rect(left).right() <= lay.bar_rect(right).left()
    assert lay.lanes[1].y == lay.lanes[0].y + lay.lanes[0].height
    assert lay.unscheduled == [project.items[-1].id]


def test_a_milestone_right_after_a_bar_gets_its_own_row(qapp):
    project = Project.new("Launch")
    lane = project.lanes[0].id
    work = TimelineItem(title="Beta", lane_id=lane, start=D(2026, 1, 5), duration_days=10)
    launch = TimelineItem(title="Launch", lane_id=lane, start=D(2026, 1, 15), milestone=True)
    later = TimelineItem(title="Later", lane_id=lane, start=D(2026, 2, 16), duration_days=3)
    project.items += [work, launch, later]
    lay = TimelineLayout(project, first=D(2026, 1, 1), scale=ZOOM_SCALES["month"])
    # The diamond would cover the end of "Beta" in its row; a bar well clear of it shares the first row.
    assert lay.bars[launch.id].row != lay.bars[work.id].row == lay.bars[later.id].row
    for row in lay.rows:
        for left, right in zip(row.bars, row.bars[1:], strict=False):
            assert lay.bar_rect(left).right() <= lay.bar_rect(right).left()


def test_x_positions_of_dates_and_bars(qapp):
    project = _project()
    lay = TimelineLayout(project, first=D(2026, 1, 1), scale=10, gutter_width=200)
    assert lay.x_for(D(2026, 1, 1)) == 200
    assert lay.x_for(D(2026, 1, 11)) == 300
    assert lay.date_at(305) == D(2026, 1, 11)
    rect = lay.bar_rect(project.items[0].id)
    assert rect.left() == lay.x_for(D(2026, 1, 5))
    assert rect.right() == pytest.approx(lay.x_for(D(2026, 1, 15)) - 1)
    lay.set_scale(20)  # zoom needs no rebuild
    assert lay.x_for(D(2026, 1, 11)) == 400
    milestone = lay.bar_rect(project.items[3].id)
    assert milestone.center().x() == pytest.approx(lay.x_for(D(2026, 2, 2)) + 10)


def test_titles_go_inside_beside_or_elided(qapp):
    project = _project()
    a, b, c, launch, _ = project.items
    b.title = "Short"
    lay = TimelineLayout(project, first=D(2026, 1, 1), scale=12)
    assert bar_label(lay, lay.bars[b.id]).placement == "inside"
    assert bar_label(lay, lay.bars[b.id]).text == "Short"
    c.title = "A rather long title that never fits"
    lay = TimelineLayout(project, first=D(2026, 1, 1), scale=12)
    label = bar_label(lay, lay.bars[c.id])  # nothing after it in its row: full title beside
    assert (label.placement, label.text) == ("beside", c.title)
    a.title = "Another long title that cannot fit in ten days"
    lay = TimelineLayout(project, first=D(2026, 1, 1), scale=12)
    label = bar_label(lay, lay.bars[a.id])  # C follows closely: elided inside
    assert label.placement == "inside" and label.text.endswith("…") and label.text != a.title
    assert lay.metrics.horizontalAdvance(label.text) <= lay.bar_rect(a.id).width() - 12
    assert bar_label(lay, lay.bars[launch.id]).placement == "beside"


def test_a_title_too_long_for_its_short_bar_goes_beside_when_the_row_has_more_room(qapp):
    """ "Clean t…" was elided inside a short bar while the row beside it stood empty."""
    project = _project()
    c = project.items[2]
    c.title = "Clean the knowledge base and build an evaluation question set for the pilot " * 2
    lay = TimelineLayout(project, first=D(2026, 1, 1), scale=12)
    label = bar_label(lay, lay.bars[c.id])
    assert label.placement == "beside" and label.text.endswith("…")
    assert lay.metrics.horizontalAdvance(label.text) <= label.width
    assert label.width > lay.bar_rect(c.id).width() - 12  # more of the title shows than inside would


def test_the_legend_never_covers_a_lane(qapp):
    """On a short view the card waits below the last lane (the scroll range reserves its height);
    with room to spare it sits in the view's bottom-right corner, under the lanes."""
    from roadmap_desktop.render.timeline_legend import legend_card, legend_size

    project = _project()
    lay = TimelineLayout(project, first=D(2026, 1, 1), scale=12)
    short = QRectF(0, 0, 900, lay.body_bottom - 10)
    card = legend_card(lay, short, "lane", clear_of_lanes=True)
    assert card is not None and card.top() >= lay.body_bottom
    height = legend_size(lay, "lane", 900 - lay.gutter_width - 16)[1]
    scrolled = QRectF(0, lay.body_bottom + height + 20 - short.height(), 900, short.height())
    assert scrolled.contains(legend_card(lay, scrolled, "lane", clear_of_lanes=True))
    tall = QRectF(0, 0, 900, lay.body_bottom + 300)
    card = legend_card(lay, tall, "lane", clear_of_lanes=True)
    assert card.top() >= lay.body_bottom and card.bottom() == pytest.approx(tall.bottom() - 10)


@pytest.mark.parametrize(
    ("zoom", "language", "major", "minor"),
    [
        ("week", "en", "January 2026", "W2 · 5 Jan"),
        ("month", "en", "Q1 2026", "Jan"),
        ("quarter", "en", "2026", "Q1"),
        ("month", "zh", "2026 年 Q1", "1月"),
        ("quarter", "zh", "2026年", "Q1"),
    ],
)
def test_axis_ticks_at_each_zoom(qapp, zoom, language, major, minor):
    lay = TimelineLayout(_project(language), first=D(2026, 1, 1), last=D(2026, 12, 31), scale=ZOOM_SCALES[zoom])
    assert lay.zoom == zoom
    majors, minors = lay.axis_ticks()
    assert major in [t.label for t in majors]
    assert minor in [t.label for t in minors]
    for ticks in (majors, minors):
        assert all(t.x < t.x_end for t in ticks)
        assert all(a.x_end == b.x for a, b in itertools.pairwise(ticks))
    if zoom == "week":
        assert all(t.day.weekday() == 0 for t in minors)


def test_dependency_route_runs_from_end_to_start(qapp):
    project = _project()
    a, _b, _c, launch, _ = project.items
    launch.depends_on = [a.id]
    lay = TimelineLayout(project, first=D(2026, 1, 1), scale=10)
    pred, succ = lay.bars[a.id], lay.bars[launch.id]
    points = lay.link_path(pred, succ)
    assert points[0].x() <= lay.bar_rect(pred).right()
    assert points[-1].x() == pytest.approx(lay.bar_rect(succ).left())
    assert points[-1].y() == pytest.approx(lay.bar_rect(succ).center().y())
    assert all(p.x() == q.x() or p.y() == q.y() for p, q in itertools.pairwise(points))  # elbows only
    assert lay.link_at((points[1] + points[2]) / 2) == (a.id, launch.id)


def _render(lay, rect, options):
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(-rect.left(), -rect.top())
    paint_timeline(painter, lay, rect, options)
    painter.end()
    return image


def test_a_big_project_paints_only_what_is_visible(qapp):
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "timeline_paint.py"
    spec = importlib.util.spec_from_file_location("timeline_paint_benchmark", path)
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    project = benchmark.big_project(items=2000, lanes=20, dependencies=1000)
    lay = TimelineLayout(project, scale=ZOOM_SCALES["month"])
    rect = QRectF(900, 600, 1200, 700)
    stats: dict[str, int] = {}
    ids = frozenset(list(lay.bars)[:30])
    _render(lay, rect, PaintOptions(today=D(2026, 6, 1), stats=stats, critical_ids=ids, selected_ids=ids))
    body = rect.adjusted(lay.gutter_width, lay.header_height, 0, 0)
    visible = sum(1 for bar in lay.bars.values() if lay.bar_rect(bar).intersects(rect))
    near = sum(1 for bar in lay.bars.values() if lay.bar_rect(bar).intersects(body))
    assert 0 < near <= stats["bars"] <= visible < len(project.items) / 4
    assert 0 < stats["links"] < len(lay.links)
    assert stats["rows"] < len(lay.rows)


def test_chinese_titles_and_status_colouring_render(qapp):
    project = _project("zh")
    project.items[0].title = "数据收集与预处理"
    lay = TimelineLayout(project, scale=ZOOM_SCALES["week"])
    image = _render(lay, QRectF(0, 0, lay.width, lay.height + 80), PaintOptions(color_by="status", today=D(2026, 1, 8)))
    assert not image.isNull()
    assert lay.legend_entries("status")[0][0] == "未开始"
