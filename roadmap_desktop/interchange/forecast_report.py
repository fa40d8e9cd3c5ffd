"""The forecast as documents tell it (PDF and Markdown): planned vs P50/P80/P90 per milestone and for the
whole roadmap, the assumptions, the drivers of delay and the critical path with slack, in words (no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.forecast import DEFAULT_RUNS, DEFAULT_SEED, OPTIMISTIC_FACTOR, PESSIMISTIC_FACTOR, Histogram
from ..domain.forecast_drivers import DelayDriver, outlook
from ..domain.project import Project
from ..domain.scheduling import Schedule, ScheduleError, ScheduleRangeError, plan_view, schedule
from ..wording import Wording

NEAR_CRITICAL = 5  # items off the critical path listed after it, least slack first


@dataclass(frozen=True)
class ForecastRow:
    title: str
    planned: dt.date | None
    p50: dt.date
    p80: dt.date
    p90: dt.date
    whole: bool = False  # the whole roadmap's row

    @property
    def days_late(self) -> int:
        return (self.p80 - self.planned).days if self.planned else 0


@dataclass(frozen=True)
class PathRow:
    title: str
    lane: str
    start: dt.date
    end: dt.date
    slack: int
    on_path: bool
    owner: str


@dataclass(frozen=True)
class ForecastReport:
    plan: Schedule
    rows: tuple[ForecastRow, ...]  # milestones by planned date, then the whole roadmap
    histogram: Histogram
    drivers: tuple[DelayDriver, ...]
    path: tuple[PathRow, ...]  # the critical path first to last, then the near-critical items
    runs: int
    seed: int

    @property
    def whole(self) -> ForecastRow:
        return self.rows[-1]

    @property
    def critical_ids(self) -> frozenset[str]:
        return frozenset(self.plan.critical_path)


def forecast_report(
    project: Project, *, runs: int = DEFAULT_RUNS, seed: int = DEFAULT_SEED
) -> ForecastReport | ScheduleError | None:
    """The report of the roadmap as drawn (items parked on the board left out), the forecast panel's runs
    and seed; None when no item has a date (an undated plan would be forecast from today), or the error when the
    dependencies loop or some runs finish past the supported dates."""
    planned = plan_view(project)
    if not any(item.start is not None for item in planned.items):
        return None
    try:
        plan = schedule(planned, keep_dates=True)
        result = outlook(planned, plan, runs=runs, seed=seed)
    except ScheduleError as exc:  # a cycle, or runs finishing past the supported dates
        return exc
    outcome = result.forecast
    assert outcome.roadmap is not None and outcome.roadmap_histogram is not None
    rows = []
    for item in planned.items:
        if item.id in outcome.milestones and item.status != "done":
            p = outcome.milestones[item.id]
            rows.append(ForecastRow(item.title, plan.items[item.id].start, p.p50, p.p80, p.p90))
    rows.sort(key=lambda r: r.planned or dt.date.max)
    whole = outcome.roadmap
    rows.append(ForecastRow("", plan.finish, whole.p50, whole.p80, whole.p90, whole=True))
    path_ids = list(plan.critical_path)
    on_path = set(path_ids)
    others = sorted(
        (item for item in planned.items if item.id not in on_path and item.status != "done" and not item.milestone),
        key=lambda i: plan.items[i.id].slack_days,
    )[:NEAR_CRITICAL]
    path = []
    for item_id in [*path_ids, *(i.id for i in others)]:
        item, scheduled = planned.find("item", item_id), plan.items[item_id]
        path.append(
            PathRow(
                item.title,  # type: ignore[union-attr]
                project.lane_name(item.lane_id),  # type: ignore[union-attr]
                scheduled.start,
                scheduled.end,
                scheduled.slack_days,
                item_id in on_path,
                item.owner,  # type: ignore[union-attr]
            )
        )
    return ForecastReport(
        plan, tuple(rows), outcome.roadmap_histogram, result.drivers, tuple(path), outcome.runs, outcome.seed
    )


def assumptions(report: ForecastReport, w: Wording) -> str:
    """The assumptions in one sentence: runs, seed, what varies."""
    return w(
        "forecast.assumptions",
        runs=f"{report.runs:,}",
        seed=report.seed,
        low=round(OPTIMISTIC_FACTOR * 100),
        high=round(PESSIMISTIC_FACTOR * 100),
    )


def row_title(row: ForecastRow, w: Wording) -> str:
    return w["forecast.whole_roadmap"] if row.whole else row.title


def versus_plan(row: ForecastRow, w: Wording) -> str:
    """ "+12 d" when P80 falls after the planned date, else "on plan"."""
    return w("forecast.days_late", n=row.days_late) if row.days_late > 0 else w["forecast.on_time"]


def driver_kind(driver: DelayDriver, w: Wording) -> str:
    return w[f"forecast.kind.{driver.kind}"]


def unavailable(report: ScheduleError | None, w: Wording) -> str:
    """What to do when there is no forecast: give dates, shorten what runs past the calendar, or break
    the dependency loop."""
    if report is None:
        return w["forecast.none"]
    key = "forecast.range" if isinstance(report, ScheduleRangeError) else "forecast.cycle"
    return w(key, problem=str(report))
