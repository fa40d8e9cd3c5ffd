"""The drivers of delay: the items and risks whose removal moves the roadmap's P80 finish earliest,
measured by replaying the forecast's own draws without each one (same seed, common random numbers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .forecast import DEFAULT_RUNS, DEFAULT_SEED, LIKELIHOOD_PROBABILITY, Forecast, Simulation
from .project import Project
from .scheduling import Schedule, schedule

TOP_DRIVERS = 3
# Replays per kind: the items nearest the critical path and the risks with the largest expected delay.
# A small project has fewer, so every one of its items and risks is tried.
ITEM_CANDIDATES = 8
RISK_CANDIDATES = 8


@dataclass(frozen=True)
class DelayDriver:
    kind: str  # "item" or "risk"
    id: str
    title: str
    p80_without: dt.date  # the roadmap's P80 finish with this item taking no time, or this risk never happening
    days: int  # how many days earlier that is than the forecast's P80


@dataclass(frozen=True)
class Outlook:
    """A forecast with its drivers of delay (best first; only those that move P80) and what was tried."""

    forecast: Forecast
    drivers: tuple[DelayDriver, ...]
    tried: int  # items and risks replayed


def outlook(
    project: Project,
    plan: Schedule | None = None,
    *,
    runs: int = DEFAULT_RUNS,
    seed: int = DEFAULT_SEED,
    top: int = TOP_DRIVERS,
    item_candidates: int = ITEM_CANDIDATES,
    risk_candidates: int = RISK_CANDIDATES,
) -> Outlook:
    """The forecast of ``plan`` (by default ``schedule(project)``) and its ``top`` drivers of delay.

    An item is removed by giving it no time (what waits for it then waits for its predecessors) and no
    risk delays; a risk by never letting it happen. Each removal replays the same draws, so the change in
    P80 is the removal's effect, not sampling noise. Milestones and finished work are not candidates.
    """
    plan = plan or schedule(project)
    simulation = Simulation(project, plan, runs=runs, seed=seed)
    base = simulation.forecast()
    if base.roadmap is None:
        return Outlook(base, (), 0)
    candidates = candidate_items(project, plan, item_candidates) + candidate_risks(project, risk_candidates)
    found: list[DelayDriver] = []
    for kind, item_id, title in candidates:
        p80 = simulation.roadmap_quantiles(simulation.finish((item_id,)))[1]
        days = (base.roadmap.p80 - p80).days
        if days > 0:
            found.append(DelayDriver(kind, item_id, title, p80, days))
    found.sort(key=lambda d: -d.days)  # stable: ties keep the candidates' order
    return Outlook(base, tuple(found[:top]), len(candidates))


def candidate_items(project: Project, plan: Schedule, limit: int) -> list[tuple[str, str, str]]:
    """("item", id, title) for the open, non-milestone items with the least slack (the critical path
    first), longer ones first among equals."""
    critical = set(plan.critical_path)
    open_items = [
        item
        for item in project.items
        if not item.milestone
        and item.duration_days > 0
        and not (item.status == "done" and item.start is not None)
        and item.id in plan.items
    ]
    open_items.sort(key=lambda i: (i.id not in critical, plan.items[i.id].slack_days, -i.duration_days))
    return [("item", item.id, item.title) for item in open_items[:limit]]


def candidate_risks(project: Project, limit: int) -> list[tuple[str, str, str]]:
    """("risk", id, title) for the open risks with a delay and a linked item, largest expected delay first."""
    items = {item.id: item for item in project.items}
    live = [
        risk
        for risk in project.risks
        if risk.status != "closed"
        and risk.delay_days
        and any(ref in items and not (items[ref].status == "done" and items[ref].start) for ref in risk.item_ids)
    ]
    live.sort(key=lambda r: -LIKELIHOOD_PROBABILITY.get(r.likelihood, 0.0) * r.delay_days)
    return [("risk", risk.id, risk.title) for risk in live[:limit]]
