"""A process killed mid-save never leaves a project file that fails to load."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from roadmap_desktop.persistence.project_file import load_project

REPO_ROOT = Path(__file__).resolve().parents[2]

# Loads the project if there is one (skipping the schema, to start fast) and saves it, one
# requirement bigger each time, as fast as it can until it is killed.
SAVER = """
import json, sys
from pathlib import Path
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.project_file import save_project
from roadmap_desktop.persistence.serialize import project_from_dict

path = Path(sys.argv[1])
project = project_from_dict(json.loads(path.read_text("utf-8"))) if path.exists() else Project.new("崩溃测试")
save_project(project, path)
print("ready", flush=True)
while True:
    n = len(project.requirements)
    project.requirements.append(Requirement(title=f"需求 {n}", description="描述 description " * (n % 50)))
    save_project(project, path)
"""

KILLS = 20
TIME_BUDGET_S = 12.0


@pytest.mark.slow
def test_kill_during_saves_leaves_a_loadable_file(tmp_path: Path) -> None:
    path = tmp_path / "crash.roadmap"
    rng = random.Random(20240601)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")])}
    deadline = time.monotonic() + TIME_BUDGET_S
    previous_count = 0
    kills = 0
    while kills < KILLS and time.monotonic() < deadline:
        with subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as proc:
            ready = proc.stdout.readline()
            if ready.strip() != "ready":
                proc.kill()
                pytest.fail(f"saver did not start: {proc.communicate()[1][-2000:]}")
            time.sleep(rng.uniform(0.0, 0.06))
            proc.kill()  # SIGKILL on POSIX: no cleanup, no finally blocks
            proc.communicate()
        kills += 1
        project = load_project(path).project  # raises if the file is torn
        count = len(project.requirements)
        assert count >= previous_count, "a save went backwards"
        previous_count = count
    assert kills >= 5, "too few kills within the time budget"
    assert previous_count > 0, "the saver never got past its first save"
