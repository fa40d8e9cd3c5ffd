"""Shared by the room tests: free loopback ports, waiting for a condition, editing a client's replica."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable

from roadmap_desktop.crdt.project_builder import project_from_shared
from roadmap_desktop.crdt.shared_project import SharedProject
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def wait_for(condition: Callable[[], bool], timeout: float) -> float:
    """Seconds until ``condition()`` held; AssertionError after ``timeout``."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout} s")
        await asyncio.sleep(0.01)
    return time.monotonic() - start


def titles(shared_doc) -> list[str]:
    project, _ = project_from_shared(SharedProject(shared_doc))
    return [r.title for r in project.requirements]


def lane_ids(shared_doc) -> list[str]:
    return list(SharedProject(shared_doc).orders["lane"].to_py() or [])


def add_requirement(shared_doc, title: str) -> None:
    shared = SharedProject(shared_doc)
    project: Project = project_from_shared(shared)[0]
    project.requirements.append(Requirement(title=title))
    shared.write_project(project)
