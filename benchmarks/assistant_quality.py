"""Assistant quality: run every assistant task over held-out product briefs and score the drafts.

    .venv/bin/python benchmarks/assistant_quality.py [--model PATH] [--briefs ID,ID] [--tasks T,T]
        [--seed 7] [--threads N] [--task-timeout 900] [--out DIR]
    .venv/bin/python benchmarks/assistant_quality.py --rescore DIR   # judge a finished run again

Only the public surface is used, so the same script measures every version of the assistant: the
command line in-process (`new`, then `assist FILE --task T --apply --quiet --seed S` per task,
`schedule` for dates the assistant did not set) and the project file, read before and after each
task to see what the task added or changed. Flow per brief: requirements (with --brief), priorities,
timeline, risks, summary, user-story (first requirement). Prints one table (task x metric) and the
goals of the grounded-assistant issue as pass/fail lines; writes report.json, every draft as
Markdown (<brief>.md), the final project files and, in <brief>/, the project after every step with
the command's output (what --rescore judges again after a change to the checks) to --out.

The checks (benchmarks/assistant_checks.py) are crude on purpose, so a person can verify them by
reading the drafts:
- relevant: the draft's text (title and description) shares a content word with the brief (English:
  words of 3+ letters, minus stop and generic product words, crudely stemmed; Chinese: Han character
  bigrams); "rel. title": the title of a new item alone does (stricter: an echoed brief in the
  description does not make "Awesome app" relevant).
- right language: in a zh project every text the task wrote holds Han characters; in en, none does.
- in bounds: every number the task wrote lies in assistant_checks.BOUNDS; repeats: one text, or one number set,
  given to every draft of a task.
- jurisdiction: a draft naming China/PIPL for a non-CN brief or the EU/GDPR/AI Act for a non-EU one
  (terms the brief itself uses are allowed).
- faithful: every number and date in the summary is a project fact (counts, ranks, field values,
  numbers in the project's texts and the brief, item and forecast dates, their months and years);
  full dates within 2 days. Numbers spelled out are checked for "two" to "twelve" only.
- timeline: distinct phases of the new items, starts never going backwards as phases go up (judged
  from two phases up), and at least one dependency, each ending before its dependant starts and in no
  later phase.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import io
import json
import os
import platform
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.assistant_checks import (  # noqa: E402
    PHASES,
    Draft,
    distinct_key,
    drafts_between,
    field_values,
    judge,
    normalise,
    project_facts,
    repeats_of,
    untraceable,
    vocabulary,
)
from roadmap_desktop.cli import main as cli_main  # noqa: E402
from roadmap_desktop.persistence.project_file import load_project  # noqa: E402

TASKS = ("requirements", "priorities", "timeline", "risks", "summary", "user-story")


# -- briefs ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Brief:
    id: str
    language: str
    name: str
    text: str
    jurisdiction: str  # CN, EU or none
    market: str = ""
    domain: str | None = None
    topic: str = ""


def load_briefs(path: Path, wanted: list[str]) -> list[Brief]:
    briefs = [Brief(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))["briefs"]]
    unknown = set(wanted) - {b.id for b in briefs}
    if unknown:
        raise SystemExit(f"unknown brief id(s): {', '.join(sorted(unknown))}")
    return [b for b in briefs if not wanted or b.id in wanted]


# -- the command line -----------------------------------------------------------------------------
@dataclass
class CliRun:
    argv: list[str]
    code: int
    seconds: float
    stdout: str
    stderr: str

    @property
    def error(self) -> str:
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return "" if self.code == 0 else (lines[-1] if lines else f"exit code {self.code}")

    def document(self) -> dict | None:
        """The JSON the command printed, if it printed one."""
        start = self.stdout.find("{")
        try:
            return json.loads(self.stdout[start:]) if start >= 0 else None
        except json.JSONDecodeError:
            return None


class TaskTimeout(Exception):
    """A command ran past --task-timeout (raised between tokens by SIGALRM)."""


TIMED_OUT: list[str] = []  # the handler's note; the engine may swallow the exception itself


def _time_out(_signum: int, _frame: object) -> None:
    TIMED_OUT.append("ran past --task-timeout")
    raise TaskTimeout(TIMED_OUT[-1])


def cli(argv: list[str], timeout_s: int = 0) -> CliRun:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    alarm = timeout_s > 0 and hasattr(signal, "SIGALRM")
    TIMED_OUT.clear()
    if alarm:
        signal.signal(signal.SIGALRM, _time_out)
        signal.alarm(timeout_s)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main(argv)
        except Exception as exc:  # a crash is a result to report, not a reason to stop measuring
            print(f"crash: {type(exc).__name__}: {exc}", file=sys.stderr)
            code = 99
        finally:
            if alarm:
                signal.alarm(0)
    if TIMED_OUT:
        print(f"timeout: {TIMED_OUT[0]} ({timeout_s} s)", file=err)
        code = code or 124
    return CliRun(argv, code, time.perf_counter() - started, out.getvalue(), err.getvalue())


def scheduled_dates(path: Path, anchor: str) -> tuple[dict[str, tuple[dt.date, dt.date]], dict]:
    """Start and end of every item as `schedule` places it from the run's day, and its whole JSON (forecast
    included); ``anchor`` keeps a rescore on a later day on the dates the run saw."""
    doc = cli(["schedule", str(path), "--runs", "2000", "--anchor", anchor]).document() or {}
    dates = {
        row["id"]: (dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"]))
        for row in doc.get("schedule", [])
        if row.get("start") and row.get("end")
    }
    return dates, doc


# -- scoring one task -----------------------------------------------------------------------------
@dataclass
class TaskResult:
    brief: str
    task: str
    ok: bool
    error: str
    seconds: float
    dropped: int | None
    drafts: list[Draft]
    distinct: int = 0
    distinct_relevant: int = 0
    distinct_relevant_titles: int = 0  # stricter: the title alone shares a word with the brief
    repeats: list[str] = field(default_factory=list)
    numbers_checked: int | None = None  # summary only
    untraceable: list[str] = field(default_factory=list)
    phases: int | None = None  # timeline only
    in_order: bool | None = None
    dependencies: int = 0
    dependencies_ok: bool | None = None
    dates_from: str = ""
    notes: list[str] = field(default_factory=list)


def score_timeline(result: TaskResult, path: Path, after: object, anchor: str) -> None:
    items = [d for d in result.drafts if d.kind == "item"]
    result.phases = len({d.phase for d in items if d.phase})
    entities = {i.id: i for i in after.items}  # type: ignore[attr-defined]
    dates = {d.id: (entities[d.id].start, entities[d.id].end) for d in items if entities[d.id].start}
    result.dates_from = "assistant"
    if len(dates) < len(items):
        dates, _doc = scheduled_dates(path, anchor)
        result.dates_from = "schedule"
    rank = {d.id: PHASES.index(d.phase) for d in items if d.phase in PHASES}
    dated = [d for d in items if d.id in dates and d.id in rank]
    pairs = [(a, b) for a in dated for b in dated if rank[a.id] < rank[b.id]]
    # None (not judged) below two dated phases: one phase is in order whatever the assistant wrote
    result.in_order = all(dates[b.id][0] >= dates[a.id][0] for a, b in pairs) if pairs else None
    links = [(d, dep) for d in items for dep in d.depends_on]
    result.dependencies = len(links)

    def link_ok(draft: Draft, dep: str) -> bool:
        if dep not in dates or draft.id not in dates:
            return False
        finished = (
            dates[dep][1] <= dates[draft.id][0] if entities[dep].milestone else dates[dep][1] < dates[draft.id][0]
        )
        return finished and rank.get(dep, 0) <= rank.get(draft.id, 7)

    result.dependencies_ok = bool(links) and all(link_ok(d, dep) for d, dep in links)


def score_task(task: str, brief: Brief, run: CliRun, before: object, path: Path, anchor: str) -> TaskResult:
    """What one task wrote (project ``before`` -> the project file at ``path``), judged."""
    after = load_project(path).project
    doc = run.document() or {}
    drafts = drafts_between(before, after)
    if task == "priorities":  # the rationale is not stored in the project: take it from the command's JSON
        notes = {s.get("id"): s.get("note") for s in doc.get("suggestions", []) if isinstance(s, dict)}
        for draft in drafts:
            if notes.get(draft.id):
                draft.texts["rationale"] = str(notes[draft.id])
                draft.pieces.append(str(notes[draft.id]))
    summary_before, summary_after = before.info.summary, after.info.summary  # type: ignore[attr-defined]
    result = TaskResult(brief.id, task, run.code == 0, run.error, run.seconds, None, drafts)
    if summary_after == summary_before and task == "summary":  # drafted but not stored: judge it anyway
        texts = [s.get("text") for s in doc.get("suggestions", []) if isinstance(s, dict) and s.get("text")]
        summary_after = str(texts[0]) if texts else summary_after
        result.notes += ["the summary was not stored in the project"] if texts else []
    if summary_after != summary_before:
        drafts.append(Draft("summary", "", "summary", {"summary": summary_after}, {}, [summary_after], new=False))
    if isinstance(doc.get("dropped"), list):
        result.dropped = len(doc["dropped"])
    changed_info = [
        name
        for name, value in field_values(after.info).items()  # type: ignore[attr-defined]
        if name != "summary" and value != field_values(before.info).get(name)  # type: ignore[attr-defined]
    ]
    if changed_info:
        result.notes.append(f"project fields changed: {', '.join(changed_info)}")
    brief_words = vocabulary(brief.text)
    for draft in drafts:
        judge(draft, brief.text, brief.language, brief.jurisdiction, brief_words)
    result.distinct = len({distinct_key(d) for d in drafts})
    relevant_requirements = [d for d in drafts if d.relevant and d.new and d.kind == "requirement"]
    result.distinct_relevant = len({normalise(d.title) for d in relevant_requirements})
    result.distinct_relevant_titles = len({normalise(d.title) for d in relevant_requirements if d.title_relevant})
    result.repeats = repeats_of(drafts)
    if task == "timeline":
        score_timeline(result, path, after, anchor)
    if task == "summary" and summary_after != summary_before:
        _dates, schedule_doc = scheduled_dates(path, anchor)
        facts = project_facts(after, brief.text, schedule_doc)
        result.numbers_checked, result.untraceable = untraceable(summary_after, facts)
    return result


# -- one brief ------------------------------------------------------------------------------------
def assist_argv(task: str, path: Path, brief: Brief, project: object, options: argparse.Namespace) -> list[str]:
    argv = ["assist", str(path), "--task", task, "--apply", "--quiet", "--seed", str(options.seed)]
    argv += ["--model", str(options.model)] if options.model else []
    argv += ["--threads", str(options.threads)] if options.threads else []
    if task == "requirements":
        argv += ["--brief", brief.text]
    if task == "user-story" and project.requirements:  # type: ignore[attr-defined]
        argv += ["--requirement", project.requirements[0].id]  # type: ignore[attr-defined]
    return argv


def score_step(brief: Brief, task: str, before: Path, after: Path, run: CliRun, anchor: str) -> TaskResult:
    try:
        return score_task(task, brief, run, load_project(before).project, after, anchor)
    except Exception as exc:  # an unreadable project is a finding too: record it and go on
        return TaskResult(brief.id, task, False, f"{type(exc).__name__}: {exc}", run.seconds, None, [])


def run_brief(brief: Brief, options: argparse.Namespace, out: Path) -> list[TaskResult]:
    """Run the flow on a new project, keeping the project after every step and each command's output in
    out/<brief>/, so that --rescore can judge them again without the model."""
    path, steps = out / f"{brief.id}.roadmap", out / brief.id
    steps.mkdir(exist_ok=True)
    created = cli(["new", "-o", str(path), "--name", brief.name, "--language", brief.language, "--force"])
    if created.code:
        return [TaskResult(brief.id, t, False, f"new: {created.error}", 0.0, None, []) for t in options.tasks]
    previous = steps / "0-new.roadmap"
    shutil.copyfile(path, previous)
    results = []
    for step, task in enumerate(options.tasks, start=1):
        try:
            run = cli(assist_argv(task, path, brief, load_project(path).project, options), options.task_timeout)
        except Exception as exc:
            run = CliRun([], 99, 0.0, "", f"{type(exc).__name__}: {exc}")
        current = steps / f"{step}-{task}.roadmap"
        shutil.copyfile(path, current)
        current.with_suffix(".json").write_text(json.dumps(dataclasses.asdict(run), ensure_ascii=False), "utf-8")
        results.append(score_step(brief, task, previous, current, run, options.anchor))
        previous = current
        print(f"  {brief.id:22} {task:12} {run.seconds:7.1f} s  {len(results[-1].drafts):2} drafts  {run.error}")
        write_markdown(brief, results, out)
    return results


def rescore_brief(brief: Brief, tasks: list[str], out: Path, anchor: str) -> list[TaskResult]:
    """Judge a finished run's steps again (after a change to the checks), times as measured then."""
    previous, results = out / brief.id / "0-new.roadmap", []
    for step, task in enumerate(tasks, start=1):
        current = out / brief.id / f"{step}-{task}.roadmap"
        run = CliRun(**json.loads(current.with_suffix(".json").read_text("utf-8")))
        results.append(score_step(brief, task, previous, current, run, anchor))
        previous = current
    write_markdown(brief, results, out)
    return results


# -- output ---------------------------------------------------------------------------------------
def draft_markdown(draft: Draft) -> list[str]:
    marks = [
        "relevant" if draft.relevant else "NOT relevant" if draft.relevant is False else "",
        "title off-topic" if draft.title_relevant is False else "",
        "WRONG LANGUAGE" if draft.right_language is False else "",
        f"OUT OF BOUNDS {', '.join(draft.out_of_bounds)}" if draft.out_of_bounds else "",
        f"JURISDICTION {', '.join(draft.jurisdiction)}" if draft.jurisdiction else "",
        draft.phase,
    ]
    lines = [f"- **{draft.title or draft.kind}** _{'; '.join(m for m in marks if m)}_"]
    lines += [f"  - {name}: {text}" for name, text in draft.texts.items() if name != "title" or text != draft.title]
    if draft.numbers:
        lines.append("  - numbers: " + ", ".join(f"{k}={v:g}" for k, v in draft.numbers.items()))
    if draft.depends_on:
        lines.append(f"  - depends on: {len(draft.depends_on)} item(s)")
    return lines


def write_markdown(brief: Brief, results: list[TaskResult], out: Path) -> None:
    lines = [f"# {brief.id}: {brief.name}", "", f"{brief.language}, {brief.jurisdiction}, {brief.topic}", ""]
    lines += [f"> {brief.text}", ""]
    for r in results:
        lines += [f"## {r.task} ({r.seconds:.1f} s, {len(r.drafts)} drafts, dropped {r.dropped})", ""]
        lines += [f"**error:** {r.error}", ""] if r.error else []
        facts = [*r.notes, *r.repeats]
        if r.phases is not None:
            facts.append(
                f"phases {r.phases}, in order {r.in_order}, dependencies {r.dependencies} ok {r.dependencies_ok}"
            )
        if r.numbers_checked is not None:
            facts.append(f"{r.numbers_checked} numbers/dates, untraceable: {r.untraceable or 'none'}")
        lines += [f"_{f}_" for f in facts] + ([""] if facts else [])
        for draft in r.drafts:
            lines += draft_markdown(draft)
        lines.append("")
    (out / f"{brief.id}.md").write_text("\n".join(lines), encoding="utf-8")


def ratio(good: int, total: int) -> str:
    return f"{good}/{total}" if total else "-"


def table_row(task: str, rows: list[TaskResult]) -> dict[str, str]:
    """One task's metrics over the briefs, by column: totals, or good/judged."""
    drafts = [d for r in rows for d in r.drafts]
    judged = [d for d in drafts if d.right_language is not None]
    numbered = [d for d in drafts if d.numbers]
    titled = [d for d in drafts if d.title_relevant is not None]
    timelines = [r for r in rows if r.phases is not None]
    summaries = [r for r in rows if r.numbers_checked is not None]
    times = [r.seconds for r in rows] or [0.0]
    dropped = [r.dropped for r in rows if r.dropped is not None]
    return {
        "task": task,
        "ok": ratio(sum(r.ok for r in rows), len(rows)),
        "sugg": str(len(drafts)),
        "distinct": str(sum(r.distinct for r in rows)),
        "relevant": ratio(sum(bool(d.relevant) for d in judged), len(judged)),
        "rel. title": ratio(sum(bool(d.title_relevant) for d in titled), len(titled)),
        "right lang": ratio(sum(bool(d.right_language) for d in judged), len(judged)),
        "in bounds": ratio(sum(not d.out_of_bounds for d in numbered), len(numbered)),
        "repeats": str(sum(bool(r.repeats) for r in rows)),
        "juris": str(sum(bool(d.jurisdiction) for d in drafts)),
        "faithful": ratio(sum(not r.untraceable for r in summaries), len(summaries)) if task == "summary" else "-",
        "phases": f"{sum(r.phases or 0 for r in timelines) / len(timelines):.1f}" if timelines else "-",
        "in order": ratio(sum(bool(r.in_order) for r in timelines), sum(r.in_order is not None for r in timelines)),
        "deps": ratio(sum(bool(r.dependencies_ok) for r in timelines), len(timelines)),
        "dropped": str(sum(dropped)) if dropped else "-",
        "time s (mean/max)": f"{sum(times) / len(times):.1f}/{max(times):.0f}",
    }


def print_table(results: list[TaskResult], tasks: list[str]) -> None:
    rows = [table_row(t, [r for r in results if r.task == t]) for t in tasks]
    if not rows:
        return
    headers = list(rows[0])
    widths = {h: max(len(h), *(len(row[h]) for row in rows)) for h in headers}
    print("  ".join(h.ljust(widths[h]) if h == "task" else h.rjust(widths[h]) for h in headers))
    print("  ".join("-" * widths[h] for h in headers))
    for row in rows:
        print("  ".join(row[h].ljust(widths[h]) if h == "task" else row[h].rjust(widths[h]) for h in headers))


def goals(results: list[TaskResult], briefs: list[Brief]) -> list[tuple[str, bool, str]]:
    by = {(r.brief, r.task): r for r in results}
    drafts = [d for r in results for d in r.drafts]
    reqs = [by.get((b.id, "requirements")) for b in briefs]
    enough = sum(1 for r in reqs if r and r.distinct_relevant >= 5)
    by_title = sum(1 for r in reqs if r and r.distinct_relevant_titles >= 5)
    wrong = sum(d.right_language is False for d in drafts)
    mismatches = sum(bool(d.jurisdiction) for d in drafts)
    summaries = [by.get((b.id, "summary")) for b in briefs]
    faithful = sum(1 for r in summaries if r and r.numbers_checked is not None and not r.untraceable)
    timelines = [by.get((b.id, "timeline")) for b in briefs]
    good = sum(1 for r in timelines if r and (r.phases or 0) >= 5 and r.in_order and r.dependencies_ok)
    n = len(briefs)
    return [
        (
            ">= 5 distinct relevant requirements for 90% of briefs",
            enough >= 0.9 * n,
            f"{enough}/{n} briefs ({by_title}/{n} by title alone)",
        ),
        (
            "zero wrong-language items",
            wrong == 0,
            f"{wrong} wrong of {sum(d.right_language is not None for d in drafts)}",
        ),
        ("zero jurisdiction mismatches", mismatches == 0, f"{mismatches} mismatches"),
        ("every summary number traceable", faithful == n, f"{faithful}/{n} summaries fully traceable"),
        (">= 5 phases in phase order with dependencies", good == n, f"{good}/{n} timelines"),
    ]


def header(options: argparse.Namespace, briefs: list[Brief], out: Path) -> dict[str, object]:
    model = Path(options.model) if options.model else None
    info = {
        "model": str(model or "assist's default"),
        "model_mb": round(model.stat().st_size / 2**20, 1) if model and model.exists() else None,
        "threads": options.threads or "assist's default (cores - 1)",
        "cores": os.cpu_count(),
        "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "seed": options.seed,
        "briefs": [b.id for b in briefs],
        "tasks": options.tasks,
        "python": platform.python_version(),
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "out": str(out),
    }
    for key, value in info.items():
        print(f"{key:8} {value}")
    info["brief_texts"] = [dataclasses.asdict(b) for b in briefs]  # for --rescore, as they were
    return info


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    bundled = sorted((ROOT / "models").glob("SmolLM2*.gguf"))
    parser.add_argument("--model", default=str(bundled[0]) if bundled else None, help="GGUF (default: bundled)")
    parser.add_argument("--briefs", default="", help="comma-separated brief ids (default: all)")
    parser.add_argument("--briefs-file", type=Path, default=Path(__file__).with_name("briefs.json"))
    parser.add_argument("--tasks", default=",".join(TASKS), help="comma-separated tasks, run in the flow's order")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, help="CPU threads for assist (default: its own)")
    parser.add_argument("--task-timeout", type=int, default=900, metavar="S", help="give up on a task after S s")
    parser.add_argument("--out", type=Path, help="output folder (default: /tmp/assistant_quality/<timestamp>)")
    parser.add_argument("--rescore", type=Path, metavar="DIR", help="judge a finished run's steps again, no model")
    options = parser.parse_args(argv)
    wanted = [t for t in options.tasks.split(",") if t]
    if set(wanted) - set(TASKS):
        parser.error(f"unknown task(s): {', '.join(sorted(set(wanted) - set(TASKS)))}")
    options.tasks = [t for t in TASKS if t in wanted]
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    options.out = options.rescore or options.out or Path("/tmp/assistant_quality") / stamp
    options.anchor = dt.date.today().isoformat()
    return options


def report_results(info: dict, briefs: list[Brief], results: list[TaskResult], out: Path) -> None:
    print()
    print_table(results, info["tasks"])
    print()
    checks = goals(results, briefs)
    for name, passed, detail in checks:
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}")
    print(f"\ntotal {info['total_s']} s; drafts and report.json in {out}")
    report = {
        "run": info,
        "goals": [{"goal": n, "passed": p, "detail": d} for n, p, d in checks],
        "results": [dataclasses.asdict(r) for r in results],
    }
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    out: Path = options.out
    if options.rescore:
        info = json.loads((out / "report.json").read_text("utf-8"))["run"]
        briefs = [Brief(**b) for b in info["brief_texts"]]
        results = [r for b in briefs for r in rescore_brief(b, info["tasks"], out, info["started"][:10])]
        report_results(info, briefs, results, out)
        return 0
    briefs = load_briefs(options.briefs_file, [b for b in options.briefs.split(",") if b])
    out.mkdir(parents=True, exist_ok=True)
    info = header(options, briefs, out)
    started = time.perf_counter()
    results = [r for brief in briefs for r in run_brief(brief, options, out)]
    info["total_s"] = round(time.perf_counter() - started, 1)
    report_results(info, briefs, results, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
