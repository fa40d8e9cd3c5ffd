"""PDF export benchmark: a big project (2,000 items, 20 lanes, 1,000 dependencies, 500 requirements,
100 risks) exported to PDF; median of 3 runs, target under 5 s. Also prints the file size, the pages and
the smallest page fill (share of the body used; a page that ends its section may be short).

    .venv/bin/python benchmarks/export.py [--fit one_page|split] [--language en|zh] [--runs 3] [--keep FILE]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QGuiApplication  # noqa: E402

from benchmarks.page_fill import available, page_fill, section_ends  # noqa: E402
from roadmap_desktop.domain.project import Project  # noqa: E402
from roadmap_desktop.export.pdf.document import export_pdf, last_page_sections  # noqa: E402

TARGET_S = 5.0


def big_project(language: str) -> Project:
    try:
        from benchmarks.big_project import build_big_project
    except ImportError:
        return _local_big_project(language)
    return build_big_project(items=2000, lanes=20, dependencies=1000, requirements=500, risks=100, language=language)


def _local_big_project(language: str) -> Project:
    """Stand-in while benchmarks/big_project.py is missing: same sizes, plain random data."""
    import datetime as dt
    import random

    from roadmap_desktop.domain.requirement import Requirement
    from roadmap_desktop.domain.risk import Risk
    from roadmap_desktop.domain.timeline import Lane, TimelineItem

    rng = random.Random(7)
    project = Project.new("Big benchmark roadmap", language)
    project.lanes = [Lane(name=f"Team {n + 1}") for n in range(20)]
    base = dt.date(2026, 1, 5)
    items = []
    for n in range(2000):
        items.append(
            TimelineItem(
                title=f"Work item {n + 1}",
                lane_id=project.lanes[n % 20].id,
                start=base + dt.timedelta(days=rng.randrange(0, 540)),
                duration_days=rng.randrange(3, 40),
                milestone=n % 50 == 0,
            )
        )
    for _ in range(1000):
        a, b = sorted(rng.sample(range(2000), 2))
        items[b].depends_on.append(items[a].id)
    project.items = items
    project.requirements = [
        Requirement(
            title=f"Requirement {n + 1} " + "with a longer title " * (n % 4),
            effort=rng.randrange(1, 12),
            rice_reach=rng.randrange(10, 5000),
            rice_impact=rng.choice([0.25, 0.5, 1, 2, 3]),
            rice_confidence=rng.choice([50, 80, 100]),
        )
        for n in range(500)
    ]
    project.risks = [
        Risk(title=f"Risk {n + 1}", likelihood=rng.randrange(1, 6), impact=rng.randrange(1, 6), mitigation="Watch it.")
        for n in range(100)
    ]
    return project


def pages(path: Path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False).stdout
        match = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
        if match:
            return int(match.group(1))
    return len(re.findall(rb"/Type /Page\b", path.read_bytes()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", choices=("one_page", "split"), default="one_page")
    parser.add_argument("--language", choices=("en", "zh"), default="en")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also save the last PDF here")
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps fonts alive
    started = time.perf_counter()
    project = big_project(args.language)
    print(
        f"project: {len(project.items)} items, {len(project.lanes)} lanes, "
        f"{sum(len(i.depends_on) for i in project.items)} dependencies, {len(project.requirements)} requirements, "
        f"{len(project.risks)} risks (built in {time.perf_counter() - started:.2f} s)"
    )
    with tempfile.TemporaryDirectory(prefix="roadmap-export-bench-") as folder:
        out = Path(folder) / "big.pdf"
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            export_pdf(project, out, fit=args.fit)
            times.append(time.perf_counter() - t0)
        median = statistics.median(times)
        size = out.stat().st_size
        print(
            f"PDF ({args.fit}, {args.language}): median {median:.2f} s of {args.runs} runs "
            f"{[round(t, 2) for t in times]}"
        )
        print(
            f"size {size / 1024:.0f} KiB, {pages(out)} pages; "
            f"target < {TARGET_S:.0f} s: {'OK' if median < TARGET_S else 'SLOW'}"
        )
        if available():
            fills = page_fill(out)
            ends = section_ends(last_page_sections())
            inner = [f for f, end in zip(fills, ends, strict=False) if not end]
            smallest = min(inner) if inner else None
            print(
                f"smallest page fill {min(fills):.0%} (page {fills.index(min(fills)) + 1}); pages that continue "
                f"their section: {'none' if smallest is None else f'smallest {smallest:.0%}'}"
            )
        if args.keep:
            shutil.copyfile(out, args.keep)
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
