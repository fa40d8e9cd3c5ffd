"""Timeline benchmark on the big project (2,000 items, 20 lanes, 1,000 dependencies): auto-schedule and a
10,000-run forecast, median of several repetitions. Target: schedule + forecast under 1 s.

    .venv/bin/python benchmarks/timeline.py [--repeats 7] [--runs 10000]

Each measurement is a function returning milliseconds; main() prints them. A paint-time section can be
added as another ``measure_*`` function and one more line in main().
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.big_project import build_big_project  # noqa: E402
from roadmap_desktop.domain.forecast import DEFAULT_RUNS, forecast  # noqa: E402
from roadmap_desktop.domain.project import Project  # noqa: E402
from roadmap_desktop.domain.scheduling import schedule  # noqa: E402

PAINT_TARGET_MS = 16.0
TARGET_MS = 1000.0


def median_ms(action: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``action`` in ms, after one warm-up call."""
    action()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure_schedule(project: Project, repeats: int) -> float:
    return median_ms(lambda: schedule(project), repeats)


def measure_forecast(project: Project, repeats: int, runs: int = DEFAULT_RUNS) -> float:
    plan = schedule(project)
    return median_ms(lambda: forecast(project, plan, runs=runs), repeats)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    args = parser.parse_args()
    project = build_big_project()
    dependencies = sum(len(item.depends_on) for item in project.items)
    print(
        f"big project: {len(project.items)} items, {len(project.lanes)} lanes, {dependencies} dependencies, "
        f"{len(project.risks)} risks; median of {args.repeats}"
    )
    schedule_ms = measure_schedule(project, args.repeats)
    forecast_ms = measure_forecast(project, args.repeats, args.runs)
    total = schedule_ms + forecast_ms
    verdict = "OK" if total < TARGET_MS else "MISSED"
    print(f"{'auto-schedule':<28} : {schedule_ms:7.1f} ms")
    print(f"{f'forecast ({args.runs:,} runs)':<28} : {forecast_ms:7.1f} ms")
    print(f"{'schedule + forecast':<28} : {total:7.1f} ms   (target < {TARGET_MS:.0f} ms) {verdict}")
    # Painting needs Qt; imported here so the domain figures above run without it.
    from benchmarks.timeline_paint import measure_paint

    paint = measure_paint(project)
    paint_verdict = "OK" if paint["p95_ms"] < PAINT_TARGET_MS else "MISSED"
    print(f"{'layout build (once per edit)':<28} : {paint['layout_build_ms']:7.1f} ms")
    print(
        f"{'paint per frame':<28} : {paint['median_ms']:7.1f} ms median, {paint['p95_ms']:.1f} ms p95, "
        f"{paint['max_ms']:.1f} ms max over {paint['frames']} frames scrolling and zooming "
        f"(target < {PAINT_TARGET_MS:.0f} ms) {paint_verdict}"
    )
    return 0 if total < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
