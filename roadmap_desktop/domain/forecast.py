"""Monte Carlo forecast of finish dates: random durations and risk delays pushed through the schedule's
dependencies and capacity waits, vectorised over runs. The rules are written down in docs/scheduling.md."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from .dates import FIRST_DATE, FIRST_ORDINAL, LAST_DATE, LAST_ORDINAL, ordinal_text, shift
from .project import Project
from .scheduling import Schedule, ScheduleRangeError, effective_duration, predecessors, schedule
from .timeline import TimelineItem

DEFAULT_RUNS = 10_000
DEFAULT_SEED = 1
DISTRIBUTIONS = ("triangular", "pert")
# Chance that a risk happens in one run, by its likelihood (1-5).
LIKELIHOOD_PROBABILITY: Mapping[int, float] = {1: 0.10, 2: 0.30, 3: 0.50, 4: 0.70, 5: 0.90}
OPTIMISTIC_FACTOR = 0.8  # of the likely duration, when optimistic_days is not set
PESSIMISTIC_FACTOR = 1.5  # of the likely duration, when pessimistic_days is not set
QUANTILES = (0.5, 0.8, 0.9)
MAX_BINS = 40
_BLOCK = 32  # items sampled at once: keeps the draws in the processor's cache
_QUANTILE_BLOCK = 64
_CALENDAR_DAYS = dt.date.max.toordinal()  # no in-range floor lies further from the anchor


def _round(value: float) -> int:
    return math.floor(value + 0.5)  # halves up, unlike round()


def duration_range(item: TimelineItem) -> tuple[int, int, int]:
    """(optimistic, likely, pessimistic) days; unset ends derive from the likely duration, and the
    ends are clamped so that optimistic <= likely <= pessimistic. Milestones are (0, 0, 0)."""
    likely = effective_duration(item)
    if item.milestone:
        return 0, 0, 0
    low = _round(OPTIMISTIC_FACTOR * likely) if item.optimistic_days is None else item.optimistic_days
    high = _round(PESSIMISTIC_FACTOR * likely) if item.pessimistic_days is None else item.pessimistic_days
    return min(low, likely), likely, max(high, likely)


@dataclass(frozen=True)
class Percentiles:
    """Finish dates that the given share of runs meet or beat, and the mean finish."""

    p50: dt.date
    p80: dt.date
    p90: dt.date
    mean_days: float  # mean finish, in days after the anchor

    def as_dict(self) -> dict[str, str]:
        return {"p50": self.p50.isoformat(), "p80": self.p80.isoformat(), "p90": self.p90.isoformat()}


@dataclass(frozen=True)
class Histogram:
    """Counts of runs whose finish falls in [edges[k], edges[k + 1]), edges in days after the anchor."""

    anchor: dt.date
    edges: tuple[int, ...]
    counts: tuple[int, ...]

    @property
    def edge_dates(self) -> tuple[dt.date, ...]:
        return tuple(shift(self.anchor, e) for e in self.edges)


@dataclass(frozen=True)
class Forecast:
    anchor: dt.date
    runs: int
    seed: int
    distribution: str
    roadmap: Percentiles | None  # None for a project without items
    roadmap_histogram: Histogram | None
    milestones: dict[str, Percentiles]  # by item id, in project order
    milestone_histograms: dict[str, Histogram]
    items: dict[str, Percentiles]  # every item's finish (last day), in project order
    risk_counts: dict[str, int]  # risks linked to each item (any status)


def _sample_block(rng: np.random.Generator, ranges: np.ndarray, runs: int, distribution: str) -> np.ndarray:
    """Whole-day durations, one row per item, for items whose ranges are rows of (low, likely, high)."""
    if distribution == "pert":
        low, likely, high = (ranges[:, k : k + 1].astype(np.float64) for k in range(3))
        width = high - low
        alpha = 1 + 4 * (likely - low) / width
        beta = 1 + 4 * (high - likely) / width
        return np.rint(low + width * rng.beta(alpha, beta, size=(len(ranges), runs)))
    # Triangular by its inverse distribution function, in float32 and in place: this is the hot loop.
    low, likely, high = (ranges[:, k : k + 1].astype(np.float32) for k in range(3))
    width = high - low
    u = rng.random((len(ranges), runs), dtype=np.float32)
    rising = u < (likely - low) / width  # below the mode's cumulative probability
    left = u * (width * (likely - low))
    np.sqrt(left, out=left)
    left += low
    right = np.subtract(1, u, out=u)
    right *= width * (high - likely)
    np.sqrt(right, out=right)
    np.subtract(high, right, out=right)
    np.copyto(right, left, where=rising)
    return np.rint(right, out=right)


def _row_percentiles(rows: np.ndarray, ranks: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The values at ``ranks`` of each sorted row, and each row's mean, by counting whole days."""
    lowest = rows.min(axis=1)
    width = int((rows.max(axis=1) - lowest).max()) + 1
    count = len(rows)
    if count * width > 8_000_000:  # rows too spread out to count cheaply
        ordered = np.partition(rows, ranks, axis=1)
        return ordered[:, ranks], rows.mean(axis=1)
    shifted = rows - (lowest - np.arange(count, dtype=rows.dtype) * width)[:, None]
    counts = np.bincount(shifted.ravel(), minlength=count * width).reshape(count, width)
    cumulative = np.cumsum(counts, axis=1)
    values = np.stack([(cumulative <= rank).sum(axis=1) for rank in ranks], axis=1) + lowest[:, None]
    means = lowest + counts @ np.arange(width) / rows.shape[1]
    return values, means


def _check_finishes(items: list[TimelineItem], finish: np.ndarray, origin: int) -> None:
    """Refuse a forecast whose runs finish outside the supported dates: its dates could not be shown."""
    latest = finish.max(axis=1)
    late = int(np.argmax(latest))
    if origin + int(latest[late]) > LAST_ORDINAL:
        raise ScheduleRangeError(
            f"the forecast has “{items[late].title}” finishing {ordinal_text(origin + int(latest[late]))} in some "
            f"runs, after {LAST_DATE.isoformat()}, the last supported date: shorten its pessimistic durations "
            "or the delays of its risks"
        )
    earliest = finish.min(axis=1)
    early = int(np.argmin(earliest))
    if origin + int(earliest[early]) < FIRST_ORDINAL:  # only a project built in memory gets here
        raise ScheduleRangeError(
            f"the forecast has “{items[early].title}” finishing {ordinal_text(origin + int(earliest[early]))}, "
            f"before {FIRST_DATE.isoformat()}, the first supported date"
        )


def _percentiles(values: np.ndarray, means: np.ndarray, anchor: dt.date) -> list[Percentiles]:
    return [
        Percentiles(*(shift(anchor, int(v)) for v in row), mean_days=float(mean))
        for row, mean in zip(values, means, strict=True)
    ]


def _histogram(values: np.ndarray, anchor: dt.date) -> Histogram:
    lowest, highest = int(values.min()), int(values.max())
    width = max(1, math.ceil((highest - lowest + 1) / MAX_BINS))
    bins = math.ceil((highest - lowest + 1) / width)
    counts = np.bincount((values - lowest) // width, minlength=bins)
    edges = tuple(lowest + k * width for k in range(bins + 1))
    return Histogram(anchor, edges, tuple(int(c) for c in counts))


def forecast(
    project: Project,
    plan: Schedule | None = None,
    *,
    runs: int = DEFAULT_RUNS,
    seed: int = DEFAULT_SEED,
    distribution: str = "triangular",
    likelihood_probability: Mapping[int, float] = LIKELIHOOD_PROBABILITY,
) -> Forecast:
    """Simulate ``runs`` versions of the schedule ``plan`` (by default ``schedule(project)``).

    Items keep the schedule's order: each starts when its predecessors and the item it waited for in its
    lane have finished, never before the anchor, and an item the plan kept (pinned; in a drawn plan, every
    dated item) never before its date. Items done with a start are history: fixed start and duration, no
    risks. The same seed gives the same forecast. Raises ScheduleRangeError when some run finishes after
    the last supported date (docs/file-format.md).
    """
    simulation = Simulation(
        project, plan, runs=runs, seed=seed, distribution=distribution, likelihood_probability=likelihood_probability
    )
    return simulation.forecast(consume=True)


class Simulation:
    """The random draws of one forecast (durations, which risks happen), replayable without some items or
    risks: the same draws with and without them (common random numbers), so a difference is their effect."""

    def __init__(
        self,
        project: Project,
        plan: Schedule | None = None,
        *,
        runs: int = DEFAULT_RUNS,
        seed: int = DEFAULT_SEED,
        distribution: str = "triangular",
        likelihood_probability: Mapping[int, float] = LIKELIHOOD_PROBABILITY,
    ) -> None:
        if runs < 1:
            raise ValueError(f"runs must be positive: {runs}")
        if distribution not in DISTRIBUTIONS:
            raise ValueError(f"unknown distribution {distribution!r}; choose one of {', '.join(DISTRIBUTIONS)}")
        plan = plan or schedule(project)
        self.project, self.plan, self.runs, self.seed, self.distribution = project, plan, runs, seed, distribution
        items = project.items
        n = len(items)
        self.anchor = anchor = plan.anchor
        origin = anchor.toordinal()
        self.index = index = {item.id: i for i, item in enumerate(items)}
        rng = np.random.default_rng(seed)

        self.history = history = np.array(
            [item.status == "done" and item.start is not None for item in items], dtype=bool
        )
        ranges = np.array([duration_range(item) for item in items], dtype=np.int64).reshape(n, 3)
        ranges[history] = ranges[history][:, 1:2]  # finished work has the duration it had
        # Durations, one row per item (risk delays not yet added); each row becomes that item's finish in
        # ``finish``. A finish is at most the calendar's span plus every duration and delay: int32 unless
        # that sum could overflow it.
        linked = sum(len(risk.item_ids) * max(int(risk.delay_days or 0), 0) for risk in project.risks)
        bound = _CALENDAR_DAYS + int(ranges[:, 2].sum()) + linked
        days = np.empty((n, runs), dtype=np.int32 if bound < np.iinfo(np.int32).max else np.int64)
        spread = ranges[:, 0] < ranges[:, 2]
        days[~spread] = ranges[~spread, 1:2]
        varied = np.flatnonzero(spread)
        for first in range(0, len(varied), _BLOCK):
            rows = varied[first : first + _BLOCK]
            days[rows] = _sample_block(rng, ranges[rows], runs, distribution)
        self._durations: np.ndarray | None = days

        self.risk_counts = dict.fromkeys((item.id for item in items), 0)
        # (risk id, the rows it delays, its delay in each run), in project order.
        self.risk_delays: list[tuple[str, list[int], np.ndarray]] = []
        for risk in project.risks:
            linked = list(dict.fromkeys(ref for ref in risk.item_ids if ref in index))
            for ref in linked:
                self.risk_counts[ref] += 1
            targets = [index[ref] for ref in linked if not history[index[ref]]]
            if risk.status == "closed" or not risk.delay_days or not targets:
                continue
            happens = rng.random(runs) < likelihood_probability.get(risk.likelihood, 0.0)
            self.risk_delays.append((risk.id, targets, (happens * risk.delay_days).astype(days.dtype)))

        # Zero-length items (milestones) end on their start day; the others end the day before they finish.
        self.point = np.array([effective_duration(item) == 0 for item in items], dtype=bool)
        self.preds = preds = predecessors(project)
        rank = {item_id: k for k, item_id in enumerate(plan.order)}
        self.floors = floors = np.zeros(n, dtype=np.int64)
        for i, item in enumerate(items):
            kept = item.id in plan.items and plan.items[item.id].fixed
            if history[i] or (kept and item.start is not None):
                floors[i] = item.start.toordinal() - origin  # type: ignore[union-attr]
        for item_id, scheduled in plan.items.items():
            blocker = scheduled.waited_for
            if blocker is None or blocker not in index or item_id not in index:
                continue
            if rank[blocker] < rank[item_id]:
                preds[index[item_id]].append(index[blocker])
            else:  # a fixed item placed later: its scheduled finish is a constant
                ahead = plan.items[blocker]
                ahead_finish = ahead.start.toordinal() + ahead.duration_days - origin
                floors[index[item_id]] = max(floors[index[item_id]], ahead_finish)

    def finish(self, without: Iterable[str] = (), *, consume: bool = False) -> np.ndarray:
        """The last day of each item in each run (days after the anchor), one row per item. ``without``:
        ids of items that take no time (their successors still wait for their predecessors) and of risks
        that never happen. ``consume`` reuses the drawn durations' memory: no later call is possible."""
        if self._durations is None:
            raise RuntimeError("this simulation's draws were consumed")
        left_out = set(without)
        days = self._durations if consume else self._durations.copy()
        if consume:
            self._durations = None
        gone = [i for item_id, i in self.index.items() if item_id in left_out]
        for risk_id, targets, delay in self.risk_delays:
            if risk_id in left_out:
                continue
            for t in targets:
                days[t] += delay
        days[gone] = 0
        nonzero = days != 0  # a risk delay can lengthen a zero-length item
        history, preds, floors, runs = self.history, self.preds, self.floors, self.runs
        for item_id in self.plan.order:
            i = self.index[item_id]
            begin = np.full(runs, floors[i], dtype=days.dtype)
            if not history[i]:
                for p in preds[i]:
                    np.maximum(begin, days[p], out=begin)
            days[i] += begin  # now the finish: the first day free for successors
        # The last day of each item in each run: the day before its finish, except for zero-length items,
        # and milestones stay points (a risk delay slides the milestone).
        days -= nonzero & ~self.point[:, None]
        if len(days):
            _check_finishes(self.project.items, days, self.anchor.toordinal())
        return days

    def roadmap_quantiles(self, finish: np.ndarray) -> tuple[dt.date, ...]:
        """P50, P80 and P90 of the whole roadmap's finish from a ``finish()`` result."""
        values, _means = _row_percentiles(finish.max(axis=0)[None, :], self._ranks())
        return tuple(shift(self.anchor, int(v)) for v in values[0])

    def _ranks(self) -> list[int]:
        return [max(math.ceil(q * self.runs) - 1, 0) for q in QUANTILES]

    def forecast(self, without: Iterable[str] = (), *, consume: bool = False) -> Forecast:
        """The forecast of these draws (see ``finish`` for ``without`` and ``consume``)."""
        items, anchor, index = self.project.items, self.anchor, self.index
        n = len(items)
        finish = self.finish(without, consume=consume)
        ranks = self._ranks()
        item_percentiles: dict[str, Percentiles] = {}
        for first in range(0, n, _QUANTILE_BLOCK):
            block = items[first : first + _QUANTILE_BLOCK]
            values, means = _row_percentiles(finish[first : first + _QUANTILE_BLOCK], ranks)
            item_percentiles.update(zip((item.id for item in block), _percentiles(values, means, anchor), strict=True))

        roadmap = roadmap_histogram = None
        if n:
            overall = finish.max(axis=0)
            values, means = _row_percentiles(overall[None, :], ranks)
            roadmap = _percentiles(values, means, anchor)[0]
            roadmap_histogram = _histogram(overall, anchor)
        milestones = {item.id: item_percentiles[item.id] for item in items if item.milestone}
        histograms = {item.id: _histogram(finish[index[item.id]], anchor) for item in items if item.milestone}
        return Forecast(
            anchor=anchor,
            runs=self.runs,
            seed=self.seed,
            distribution=self.distribution,
            roadmap=roadmap,
            roadmap_histogram=roadmap_histogram,
            milestones=milestones,
            milestone_histograms=histograms,
            items=item_percentiles,
            risk_counts=dict(self.risk_counts),
        )
