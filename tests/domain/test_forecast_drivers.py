"""Drivers of delay: computed by replaying the forecast's draws without each item or risk."""

from __future__ import annotations

import datetime as dt

from roadmap_desktop.domain.forecast import Simulation, forecast
from roadmap_desktop.domain.forecast_drivers import outlook
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.scheduling import schedule
from roadmap_desktop.domain.timeline import TimelineItem

D0 = dt.date(2026, 3, 2)


def chain() -> Project:
    project = Project.new("Drivers")
    build = TimelineItem(title="Build", duration_days=20, start=D0)
    side = TimelineItem(title="Side quest", duration_days=3, start=D0)  # lots of slack
    test = TimelineItem(title="Test", duration_days=10, depends_on=[build.id])
    launch = TimelineItem(title="Launch", milestone=True, duration_days=0, depends_on=[test.id, side.id])
    project.items = [build, side, test, launch]
    project.risks = [
        Risk(title="Vendor late", likelihood=5, impact=4, delay_days=30, item_ids=[test.id]),
        Risk(title="Closed one", likelihood=5, impact=4, delay_days=90, item_ids=[test.id], status="closed"),
    ]
    return project


def test_the_outlooks_forecast_is_the_plain_forecast():
    project = chain()
    plan = schedule(project)
    assert outlook(project, plan, runs=2000, seed=3).forecast == forecast(project, plan, runs=2000, seed=3)


def test_the_biggest_delay_comes_first_and_slack_items_never_drive():
    project = chain()
    result = outlook(project, runs=4000, seed=1)
    titles = [d.title for d in result.drivers]
    # Without Test its risk goes too (about 40 days); the risk alone adds 30 days in 90 % of runs; Build 20.
    assert titles == ["Test", "Vendor late", "Build"]
    for driver in result.drivers:
        assert driver.days == (result.forecast.roadmap.p80 - driver.p80_without).days > 0
    assert [d.days for d in result.drivers] == sorted((d.days for d in result.drivers), reverse=True)


def test_removing_replays_the_same_draws():
    project = chain()
    simulation = Simulation(project, runs=1000, seed=5)
    once = simulation.finish((project.items[0].id,))
    again = simulation.finish((project.items[0].id,))
    assert (once == again).all()
    # Without anything removed the replay is the forecast itself.
    assert simulation.roadmap_quantiles(simulation.finish())[1] == forecast(project, runs=1000, seed=5).roadmap.p80


def test_an_empty_project_has_no_drivers():
    result = outlook(Project.new("Empty"))
    assert result.forecast.roadmap is None and result.drivers == ()
