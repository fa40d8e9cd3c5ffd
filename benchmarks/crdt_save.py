"""What keeping the shared editing history (the file's ``crdt`` key) costs a save, a load and the file, by project size.

    .venv/bin/python benchmarks/crdt_save.py [--sizes 500,1000,2000,3000,5000] [--edits 1000]

For each size (entities: requirements, items, risks and lanes together, from benchmarks/big_project.py) it saves the
project without a history and with one (as after File > Share Live; the bound HISTORY_MAX_ENTITIES is lifted here so
sizes past it are measured too), then loads it, edits one field and saves again, then edits and saves once more in
the same session. Prints seconds, file sizes and the ratios with/without. The bound in
roadmap_desktop/crdt/sync_state.py is chosen from these figures: a save costs at most ~0.5 s more with the history.
``--edits`` then measures how the history grows with edits (each written as the room writes them) against the
content, to see whether it ever needs compacting.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.big_project import build_big_project  # noqa: E402
from roadmap_desktop.crdt import sync_state as history  # noqa: E402
from roadmap_desktop.persistence.project_file import load_project, save_project  # noqa: E402

BOUND = history.HISTORY_MAX_ENTITIES


def project_of(entities: int):
    """About ``entities`` entities: requirements, a quarter as many items, a tenth as many risks, 20 lanes."""
    requirements = max(1, round((entities - 20) / 1.35))
    return build_big_project(
        items=requirements // 4,
        lanes=20,
        dependencies=requirements // 4,
        requirements=requirements,
        risks=requirements // 10,
        seed=1,
    )


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def measure(entities: int, folder: Path, shared: bool) -> dict:
    project = project_of(entities)
    if shared:
        history.sync_state(project)  # what Share Live does
    path = folder / f"{entities}-{'with' if shared else 'without'}.roadmap"
    first, _ = timed(lambda: save_project(project, path))
    load, loaded = timed(lambda: load_project(path).project)
    loaded.requirements[0].title = "changed after load"
    reopened_save, _ = timed(lambda: save_project(loaded, path))
    loaded.requirements[1].title = "changed again"
    next_save, _ = timed(lambda: save_project(loaded, path))
    has_key = "crdt" in json.loads(path.read_text("utf-8"))
    return {
        "entities": history.entity_count(project),
        "first": first,
        "load": load,
        "reopened": reopened_save,
        "next": next_save,
        "mb": path.stat().st_size / 1e6,
        "key": has_key,
    }


def growth(entities: int, edits: int) -> None:
    """The history's size after ``edits`` field edits, each its own transaction, against the content's."""
    project = project_of(entities)
    shared = history.sync_state(project).shared(project)
    before = len(shared.update())
    for n in range(edits):
        requirement = project.requirements[n % len(project.requirements)]
        requirement.title = f"Edited {n}"
        requirement.tags = [*requirement.tags[-2:], f"t{n}"]
        shared.write_project(project)
    after = len(shared.update())
    print(
        f"\nhistory growth, {history.entity_count(project)} entities, {edits} edits (title and a tag each): "
        f"{before / 1e6:.2f} MB -> {after / 1e6:.2f} MB ({after / before:.2f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,2000,3000,5000")
    parser.add_argument("--edits", type=int, default=1000)
    args = parser.parse_args()
    history.HISTORY_MAX_ENTITIES = 10**9  # measure past the bound too
    print(f"bound in the app: HISTORY_MAX_ENTITIES = {BOUND}")
    header = "entities | history | first save | load  | save after load+edit | next save | file MB"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            rows = [measure(size, Path(folder), shared) for shared in (False, True)]
            for row, label in zip(rows, ("without", "with"), strict=True):
                print(
                    f"{row['entities']:8d} | {label:7s} | {row['first']:9.2f}s | {row['load']:4.2f}s | "
                    f"{row['reopened']:19.2f}s | {row['next']:8.2f}s | {row['mb']:6.2f}"
                    + ("" if row["key"] == (label == "with") else "  (crdt key unexpected)")
                )
            plain, kept = rows
            extra = {key: kept[key] - plain[key] for key in ("first", "load", "reopened", "next")}
            print(
                f"{'':8s} | extra   | {extra['first']:+9.2f}s | {extra['load']:+4.2f}s | "
                f"{extra['reopened']:+19.2f}s | {extra['next']:+8.2f}s | x{kept['mb'] / plain['mb']:.2f}"
            )
    if args.edits:
        growth(1000, args.edits)


if __name__ == "__main__":
    main()
