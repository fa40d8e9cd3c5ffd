"""The assistant-quality benchmark: its checks on fixed text (fast), and one real run of one task (llm)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from benchmarks.assistant_checks import (
    Facts,
    jurisdiction_terms,
    numbers_in,
    out_of_bounds,
    right_language,
    stem,
    untraceable,
    vocabulary,
)

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


def test_stems_and_bigrams_meet_across_word_forms():
    assert {stem(w) for w in ("forecasts", "forecasting", "forecast")} == {"forecast"}
    assert stem("clauses") == stem("clause")
    brief = vocabulary("Smallholder farmers photograph a leaf; 社区生鲜超市的会员")
    assert vocabulary("Leaf photos for farmers") & brief
    assert not vocabulary("Awesome app for users") & brief  # generic product words do not count
    assert "生鲜" in brief and not {"的会"} & brief


def test_language_jurisdiction_and_bounds():
    assert right_language(["合同检索", "支持 PDF"], "zh") and not right_language(["Search", "检索"], "zh")
    assert right_language(["Search contracts"], "en") and not right_language(["合同"], "en")
    assert jurisdiction_terms("Why here: China's PIPL", "maize farmers in Kenya", "none") == ["China", "PIPL"]
    assert jurisdiction_terms("Meet the EU AI Act duties", "a clinic in Brazil", "none") == ["AI Act", "EU"]
    assert jurisdiction_terms("fines under GDPR, CCPA and similar laws", "杭州超市", "CN") == []
    assert jurisdiction_terms("GDPR applies", "a Munich law firm", "EU") == []
    assert out_of_bounds({"rice_reach": 2_154_896_137, "effort": 3, "rice_confidence": 80}) == ["rice_reach=2.1549e+09"]


def test_summary_numbers_and_dates_must_be_project_facts():
    facts = Facts(dates={dt.date(2027, 1, 4), dt.date(2027, 3, 26)})
    for value in (5, 2027):
        facts.add_number(value)
    checked, bad = untraceable("5 items from January 4, 2027 to March; GPT-4 helps. Launch in May, 12 risks.", facts)
    assert bad == ["May", "12"] and checked == 5
    assert untraceable("2027年2月开始，共 5 项，6月上线", facts)[1] == ["6月"]
    assert untraceable("Triage 24/7 for 5 clinics", facts) == (1, [])
    assert [v for _, v in numbers_in("reach 2,154,896,137, P3, 5G, three weeks")] == [2154896137, 3]


@pytest.mark.llm
@pytest.mark.slow
def test_one_brief_one_task_writes_table_report_drafts_and_rescores(tmp_path, capsys):
    if not MODEL.exists():
        pytest.skip(f"{MODEL.name} is not in models/")
    from benchmarks.assistant_quality import main

    out = tmp_path / "run"
    assert main(["--model", str(MODEL), "--briefs", "en-maths-tutor", "--tasks", "summary", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "time s (mean/max)" in printed and "every summary number traceable" in printed
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    (result,) = report["results"]
    assert result["task"] == "summary" and result["ok"], result["error"]
    (summary,) = result["drafts"]
    assert summary["right_language"] is not None and summary["relevant"] is not None
    assert (out / "en-maths-tutor.md").read_text(encoding="utf-8").startswith("# en-maths-tutor")
    assert main(["--rescore", str(out)]) == 0  # the saved steps are judged again without the model
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["results"] == report["results"]


def test_big_project_load_benchmark_runs_small(capsys):
    from benchmarks.big_project_load import main as load_benchmark

    assert load_benchmark(["--requirements", "60", "--items", "30", "--risks", "10", "--repeats", "1"]) == 0
    out = capsys.readouterr().out
    assert "load + validate (commands)" in out and "open in the window" in out and "target 1.5 s" in out


def test_planner_import_benchmark_runs_small(capsys):
    from benchmarks.planner_import import main as import_benchmark

    assert import_benchmark(["--tasks", "120", "--repeats", "1"]) == 0
    out = capsys.readouterr().out
    assert "MSPDI import of 120 tasks" in out and "120 items" in out and "target < 2 s" in out


@pytest.mark.network
def test_room_benchmark_runs_small(capsys):
    from benchmarks.room import main as room_benchmark

    assert room_benchmark(["--clients", "3", "--seconds", "2", "--edits-per-minute", "600"]) == 0
    printed = capsys.readouterr().out
    assert "seen by the other clients: 40 of 40" in printed
    assert "target p95 < 250 ms on 2 cores" in printed and "host CPU:" in printed
    assert "file saved at the end equals the merged state: yes" in printed
