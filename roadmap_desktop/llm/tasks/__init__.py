"""The assistant's tasks: the messages, JSON schema and sampling each one sends, and the parser that
turns the model's (possibly cut-off) output into reviewable suggestions. One module per task; no Qt,
no llama_cpp."""

from __future__ import annotations

from collections.abc import Sequence

from ..task_base import Task
from .priorities import PrioritiesTask
from .requirements import RequirementsTask
from .risks import RisksTask
from .summary import SummaryTask
from .timeline import TimelineTask
from .user_story import UserStoryTask

TASKS: dict[str, Task] = {
    task.name: task
    for task in (RequirementsTask(), UserStoryTask(), PrioritiesTask(), TimelineTask(), RisksTask(), SummaryTask())
}


def get_task(name: str) -> Task:
    try:
        return TASKS[name]
    except KeyError:
        raise ValueError(f"unknown task {name!r}; choose from {', '.join(TASKS)}") from None


def task_names() -> Sequence[str]:
    return tuple(TASKS)
