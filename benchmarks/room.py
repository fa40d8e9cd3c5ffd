"""The live room under a workshop's load: 30 clients on loopback making 1,000 edits a minute in total.

    .venv/bin/python benchmarks/room.py [--clients 30] [--edits-per-minute 1000] [--seconds 60]

The host is the real `roadmap-desktop room` command in its own process (its CPU time is read from /proc). The
clients are pycrdt Provider clients (roadmap_desktop.collab.client.RoomClient) in this process, one asyncio loop:
each first adds its own requirement through the project mapping, then edits keep coming, spread evenly over the
clients, each changing its requirement's title and votes as the app writes them (fields of a Y.Map, one
transaction). Every other client records when the edit becomes visible in its replica: the median and p95 of
those edit-to-visible latencies are printed beside the target (p95 < 250 ms on 2 cores). At the end every replica
must hold the same state, and the file the host saved (SIGTERM: a last save) must equal that merged state.
Exit status 1 when an edit never arrived or the file differs; the latency target is reported, not enforced.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pycrdt import Decoder, Doc, Map  # noqa: E402

from roadmap_desktop.collab.client import RoomClient, room_url  # noqa: E402
from roadmap_desktop.crdt.project_builder import project_from_shared  # noqa: E402
from roadmap_desktop.crdt.shared_project import SharedProject  # noqa: E402
from roadmap_desktop.crdt.values import entity_values, project_values  # noqa: E402
from roadmap_desktop.domain.project import Project  # noqa: E402
from roadmap_desktop.domain.requirement import Requirement  # noqa: E402
from roadmap_desktop.persistence.project_file import load_project, save_project  # noqa: E402

TARGET_P95_MS = 250.0
CODE = "271828"
KINDS = ("lane", "requirement", "item", "risk")
SETTLE_SECONDS = 20.0  # after the last edit, how long the replicas may take to agree


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def state_vector(doc: Doc) -> frozenset[tuple[int, int]]:
    """(client id, clock) pairs of what a replica holds: equal sets, equal documents. (The encoded bytes may list
    the pairs in another order.)"""
    decoder = Decoder(doc.get_state())
    return frozenset((decoder.read_var_uint(), decoder.read_var_uint()) for _ in range(decoder.read_var_uint()))


class SimulatedClient:
    """One attendee: a replica kept in sync by RoomClient, its own requirement, and a record of when others'
    edits became visible here."""

    def __init__(self, number: int, url: str, sent: dict[str, float], seen: list[float]) -> None:
        self.number = number
        self.client = RoomClient(url, Doc(), {"name": f"client {number}"})
        self.sent = sent
        self.seen = seen
        self.requirement_id = ""
        self.edits = 0
        self._task: asyncio.Future | None = None

    async def start(self) -> None:
        self._task = asyncio.ensure_future(self.client.run())
        await asyncio.wait_for(self.client.synced.wait(), 30)
        shared = SharedProject(self.client.doc)
        project = project_from_shared(shared)[0]
        requirement = Requirement(title=f"c{self.number}-e0")
        project.requirements.append(requirement)
        shared.write_project(project)
        self.requirement_id = requirement.id
        self._subscription = self.client.doc.get("requirements", type=Map).observe_deep(self._on_change)

    def edit(self) -> None:
        self.edits += 1
        marker = f"c{self.number}-e{self.edits}"
        entity = self.client.doc.get("requirements", type=Map)[self.requirement_id]
        self.sent[marker] = time.perf_counter()
        with self.client.doc.transaction(origin="roadmap-desktop"):
            entity["title"] = marker
            entity["votes"] = float(self.edits)

    def _on_change(self, events) -> None:
        now = time.perf_counter()
        for event in events:
            for key, change in (getattr(event, "keys", None) or {}).items():
                value = change.get("newValue") if isinstance(change, dict) else None
                mine = isinstance(value, str) and value.startswith(f"c{self.number}-")
                if key == "title" and isinstance(value, str) and value in self.sent and not mine:
                    self.seen.append(now - self.sent[value])

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(BaseException):
                await self._task


def contents(project: Project) -> dict:
    """What a project holds, as comparable plain values (its history aside)."""
    return {
        "project": project_values(project),
        **{
            kind: [entity_values(e) for e in project.collection(kind)]
            for kind in ("lane", "requirement", "item", "risk")
        },
    }


async def run(clients: int, per_minute: float, seconds: float, folder: Path) -> dict:
    path = folder / "room.roadmap"
    save_project(Project.new("Room benchmark"), path)
    port = free_port()
    command = [sys.executable, "-m", "roadmap_desktop", "room", str(path), "--port", str(port), "--code", CODE]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    host = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    result: dict = {"clients": clients, "edits_per_minute": per_minute, "seconds": seconds}
    simulated: list[SimulatedClient] = []
    try:
        line = await asyncio.get_running_loop().run_in_executor(None, host.stdout.readline)
        if not line.startswith("Sharing"):
            raise RuntimeError(f"the room did not start: {line.strip() or host.stderr.read()[:300]}")
        url = room_url(f"127.0.0.1:{port}", CODE)
        sent: dict[str, float] = {}
        seen: list[float] = []
        simulated = [SimulatedClient(n, url, sent, seen) for n in range(clients)]
        for client in simulated:  # one after another, as people arrive
            await client.start()
        await asyncio.sleep(1.0)
        seen.clear()
        cpu_before, wall_before = cpu_seconds(host.pid), time.perf_counter()
        interval = 60.0 / per_minute
        total = round(seconds * per_minute / 60.0)
        start = time.perf_counter()
        for index in range(total):
            delay = start + index * interval - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            simulated[index % clients].edit()
        expected = total * (clients - 1)
        deadline = time.perf_counter() + SETTLE_SECONDS
        while len(seen) < expected and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        cpu_after, wall_after = cpu_seconds(host.pid), time.perf_counter()
        states = {state_vector(c.client.doc) for c in simulated}
        while len(states) > 1 and time.perf_counter() < deadline:
            await asyncio.sleep(0.1)
            states = {state_vector(c.client.doc) for c in simulated}
        merged = contents(project_from_shared(SharedProject(simulated[0].client.doc))[0])
        result.update(
            edits=total,
            expected_sightings=expected,
            sightings=len(seen),
            median_ms=statistics.median(seen) * 1000 if seen else None,
            p95_ms=statistics.quantiles(seen, n=20)[18] * 1000 if len(seen) >= 20 else None,
            replicas_agree=len(states) == 1,
            host_cpu_percent=(
                100 * (cpu_after - cpu_before) / (wall_after - wall_before)
                if cpu_before is not None and cpu_after is not None
                else None
            ),
        )
        await asyncio.sleep(2.5)  # the room saves within 2 s of a change
    finally:
        for client in simulated:
            await client.stop()
        host.send_signal(signal.SIGTERM)
        try:
            host.wait(15)
        except subprocess.TimeoutExpired:
            host.kill()
            host.wait(5)
        host.stdout.close()
        host.stderr.close()
    if "edits" in result:
        result["file_equals_merged_state"] = contents(load_project(path).project) == merged
    return result


def report(result: dict) -> list[str]:
    cores = os.cpu_count() or 0
    lines = [
        f"room benchmark: {result['clients']} clients on loopback, {result['edits_per_minute']:g} edits a minute "
        f"for {result['seconds']:g} s ({cores} cores)",
        f"  edits made: {result['edits']}; seen by the other clients: {result['sightings']} of "
        f"{result['expected_sightings']}",
    ]
    median, p95 = result["median_ms"], result["p95_ms"]
    if median is not None:
        verdict = "" if p95 is None else ("met" if p95 < TARGET_P95_MS else "MISSED")
        p95_text = "n/a (too few)" if p95 is None else f"{p95:.1f} ms"
        lines.append(
            f"  edit-to-visible latency: median {median:.1f} ms, p95 {p95_text}   "
            f"(target p95 < {TARGET_P95_MS:.0f} ms on 2 cores{': ' + verdict if verdict else ''})"
        )
    cpu = result["host_cpu_percent"]
    lines.append(f"  host CPU: {cpu:.0f} % of one core" if cpu is not None else "  host CPU: not measured here")
    lines.append(f"  replicas agree: {'yes' if result['replicas_agree'] else 'NO'}")
    lines.append(
        f"  file saved at the end equals the merged state: {'yes' if result['file_equals_merged_state'] else 'NO'}"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--edits-per-minute", type=float, default=1000.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    if args.clients < 2 or args.edits_per_minute <= 0 or args.seconds <= 0:
        parser.error("at least 2 clients, and a positive rate and duration")
    with tempfile.TemporaryDirectory(prefix="room-bench-") as folder:
        result = asyncio.run(run(args.clients, args.edits_per_minute, args.seconds, Path(folder)))
    print("\n".join(report(result)), flush=True)
    ok = result["sightings"] == result["expected_sightings"] and result["file_equals_merged_state"]
    return 0 if ok and result["replicas_agree"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
