"""Import benchmark for MS Project XML: a 2,000-task MSPDI file (lanes of 50 tasks, each task after the one
before it, with the fields MS Project writes for every task) read and turned into lanes and items, and the
import command applied. Target: under 2 s.

    .venv/bin/python benchmarks/planner_import.py [--tasks 2000] [--repeats 3]

Prints the median wall time of ``--repeats`` runs beside the target, with the main thread's CPU time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_S = 2.0
# Fields MS Project writes for every task besides those the import reads: the reader must step over them.
_NOISE = "".join(
    f"<{name}>{value}</{name}>"
    for name, value in [
        ("Active", 1), ("Manual", 0), ("Type", 0), ("CreateDate", "2025-01-01T08:00:00"), ("WBS", "1.1"),
        ("Priority", 500), ("DurationFormat", 7), ("Work", "PT0H0M0S"), ("ResumeValid", 0), ("EffortDriven", 0),
        ("Recurring", 0), ("OverAllocated", 0), ("Estimated", 0), ("Critical", 1), ("IsSubproject", 0),
        ("FreeSlack", 0), ("TotalSlack", 0), ("FixedCost", 0), ("FixedCostAccrual", 3), ("Cost", 0),
        ("ActualDuration", "PT0H0M0S"), ("RemainingDuration", "PT160H0M0S"), ("ConstraintType", 0),
        ("CalendarUID", -1), ("LevelAssignments", 1), ("LevelingCanSplit", 1), ("IgnoreResourceCalendar", 0),
        ("HideBar", 0), ("Rollup", 0), ("EarnedValueMethod", 0),
    ]
)  # fmt: skip


def mspdi_text(count: int) -> str:
    """An MSPDI file of ``count`` tasks in lanes of 50, each after the one before it."""
    rows = []
    for uid in range(1, count + 1):
        if uid % 50 == 1:
            lane = count + uid
            rows.append(
                f"<Task><UID>{lane}</UID><ID>{lane}</ID><Name>Phase {uid // 50 + 1}</Name>"
                f"<OutlineLevel>1</OutlineLevel><Summary>1</Summary>{_NOISE}</Task>"
            )
        day = 1 + uid % 28
        link = "" if uid % 50 == 1 else (
            f"<PredecessorLink><PredecessorUID>{uid - 1}</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject>"
            "<LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>"
        )  # fmt: skip
        rows.append(
            f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>Task {uid} ✓</Name><OutlineLevel>2</OutlineLevel>"
            f"<Start>2025-02-{day:02d}T08:00:00</Start><Finish>2025-03-{day:02d}T17:00:00</Finish>"
            f"<Duration>PT160H0M0S</Duration><Milestone>0</Milestone><Summary>0</Summary>"
            f"<PercentComplete>{uid % 101}</PercentComplete>{_NOISE}<Notes>Note {uid}</Notes>{link}"
            "<ExtendedAttribute><FieldID>188743731</FieldID><Value>x</Value></ExtendedAttribute></Task>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Project xmlns="http://schemas.microsoft.com/project"><Title>Big</Title><MinutesPerDay>480</MinutesPerDay>'
        "<Tasks>" + "".join(rows) + "</Tasks></Project>\n"
    )


def measure(path: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds to read the file, build the import and apply it to a fresh project; items made."""
    from roadmap_desktop.domain.project import Project
    from roadmap_desktop.interchange.mspdi_import import import_mspdi

    project = Project.new("Benchmark")
    wall, cpu = time.perf_counter(), time.thread_time()
    result = import_mspdi(path, project)
    result.command.apply(project)
    return time.perf_counter() - wall, time.thread_time() - cpu, len(project.items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.xml"
        path.write_text(mspdi_text(args.tasks), encoding="utf-8")
        runs = [measure(path) for _ in range(max(args.repeats, 1))]
        size = path.stat().st_size
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    verdict = "ok" if wall < TARGET_S else "SLOW"
    print(
        f"MSPDI import of {args.tasks} tasks ({size / 1e6:.1f} MB, {runs[0][2]} items): "
        f"{wall:.2f} s wall, {cpu:.2f} s CPU (target < {TARGET_S:.0f} s) {verdict}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
