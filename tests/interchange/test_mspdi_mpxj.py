"""The MSPDI export read by MPXJ, the Java library behind ProjectLibre's and many tools' MS Project import:
every task, date, milestone and link comes out as written. Skipped where Java or the mpxj package is absent."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from roadmap_desktop.interchange.mspdi_export import write_mspdi
from roadmap_desktop.persistence.template_file import load_template

JAVA = shutil.which("java")
READER = Path(__file__).resolve().parent / "java" / "ReadPlan.java"


def _mpxj_classpath() -> str:
    # Only the package's jars are used, so it is found, not imported (importing it needs JPype).
    spec = importlib.util.find_spec("mpxj")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the mpxj package (MPXJ's jars) is not installed")
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib"
    if not (lib / "mpxj.jar").is_file():
        pytest.skip("the mpxj package has no mpxj.jar")
    return str(lib / "*")


@pytest.mark.slow
@pytest.mark.skipif(JAVA is None, reason="Java is not installed")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_mpxj_reads_the_export_as_written(tmp_path, language):
    classpath = _mpxj_classpath()
    project = load_template("customer_service", language, dt.date(2025, 1, 6))
    project.items[1].start += dt.timedelta(days=3)  # a gap: a positive lag
    out = tmp_path / "plan.xml"
    write_mspdi(project, out)
    env = {**os.environ, "JAVA_TOOL_OPTIONS": "-Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8"}
    run = subprocess.run(
        [JAVA, "-cp", classpath, str(READER), str(out)], capture_output=True, timeout=180, env=env, check=False
    )
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-2000:]
    lines = [line.split("\t") for line in run.stdout.decode("utf-8").splitlines()]
    tasks = {fields[0]: fields for fields in lines}
    lanes = {project.lane_name(item.lane_id) for item in project.items}
    assert {fields[0] for fields in lines if fields[1] == "1"} == lanes
    titles = {item.id: item for item in project.items}
    for item in project.items:
        _name, level, start, finish, milestone, *links = tasks[item.title]
        assert level == "2"
        assert start == f"{item.start.isoformat()}T08:00"
        assert finish == (f"{item.start.isoformat()}T08:00" if item.milestone else f"{item.end.isoformat()}T17:00")
        assert milestone == str(item.milestone).lower()
        expected = []
        for other_id in item.depends_on:
            other = titles[other_id]
            gap = item.start.toordinal() - other.end.toordinal() - (0 if other.milestone else 1)
            expected.append(f"{other.title}|FS|{float(gap)}d")
        assert sorted(links) == sorted(expected)
    assert any(link.endswith("|3.0d") for fields in lines for link in fields[5:])
