"""The timeline's edits as domain commands (no Qt): move, resize, lane change, dependencies."""

from __future__ import annotations

import datetime as dt

from ...domain.commands import Command, Macro, SetField
from ...domain.project import Project
from ...domain.timeline import TimelineItem


def _item(project: Project, item_id: str) -> TimelineItem:
    return project.get("item", item_id)  # type: ignore[return-value]


def move_items(project: Project, ids: list[str], days: int, lane_id: str | None = None) -> Macro | None:
    """Shift the items' starts by ``days`` and, for one item, move it to ``lane_id``: one undo step."""
    commands: list[Command] = []
    for item_id in ids:
        item = _item(project, item_id)
        if days and item.start is not None:
            commands.append(SetField("item", item_id, "start", item.start + dt.timedelta(days=days)))
        if lane_id is not None and lane_id != item.lane_id:
            commands.append(SetField("item", item_id, "lane_id", lane_id))
    if not commands:
        return None
    noun = "item" if len(ids) == 1 else f"{len(ids)} items"
    if lane_id is not None and any(c.name == "lane_id" for c in commands):  # type: ignore[attr-defined]
        label = f"Move {noun} to lane {project.lane_name(lane_id)}"
    else:
        label = f"Move {noun}"
    return Macro(label, commands)


def resize_item(project: Project, item_id: str, edge: str, days: int) -> Macro | None:
    """Drag the ``left`` or ``right`` edge by ``days``; the item keeps at least one day."""
    item = _item(project, item_id)
    if item.start is None or item.milestone or not days:
        return None
    duration = max(item.duration_days, 1)
    if edge == "right":
        new_duration = max(duration + days, 1)
        if new_duration == item.duration_days:
            return None
        return Macro("Resize item", [SetField("item", item_id, "duration_days", new_duration)])
    days = min(days, duration - 1)
    if not days:
        return None
    return Macro(
        "Resize item",
        [
            SetField("item", item_id, "start", item.start + dt.timedelta(days=days)),
            SetField("item", item_id, "duration_days", duration - days),
        ],
    )


def depends_on_transitively(project: Project, item_id: str, other_id: str) -> bool:
    """True when ``other_id`` is a predecessor of ``item_id``, directly or through others."""
    by_id = {item.id: item for item in project.items}
    seen: set[str] = set()
    stack = [item_id]
    while stack:
        current = by_id.get(stack.pop())
        if current is None:
            continue
        for pred in current.depends_on:
            if pred == other_id:
                return True
            if pred not in seen:
                seen.add(pred)
                stack.append(pred)
    return False


def add_dependency(project: Project, pred_id: str, succ_id: str) -> tuple[Command | None, str]:
    """The command that makes ``succ_id`` wait for ``pred_id``, or None and why it is refused."""
    if pred_id == succ_id:
        return None, "An item cannot depend on itself."
    pred, succ = _item(project, pred_id), _item(project, succ_id)
    if pred_id in succ.depends_on:
        return None, f"“{succ.title}” already depends on “{pred.title}”."
    if depends_on_transitively(project, pred_id, succ_id):
        return None, f"Refused: “{pred.title}” already waits for “{succ.title}”; the link would make a cycle."
    command = SetField("item", succ_id, "depends_on", [*succ.depends_on, pred_id], "Add dependency")
    return command, f"“{succ.title}” now depends on “{pred.title}”."


def remove_dependency(project: Project, pred_id: str, succ_id: str) -> Command | None:
    succ = _item(project, succ_id)
    if pred_id not in succ.depends_on:
        return None
    remaining = [ref for ref in succ.depends_on if ref != pred_id]
    return SetField("item", succ_id, "depends_on", remaining, "Remove dependency")


def set_horizon(project: Project, ids: list[str], horizon: str) -> Macro | None:
    commands: list[Command] = [
        SetField("item", i, "horizon", horizon) for i in ids if _item(project, i).horizon != horizon
    ]
    if not commands:
        return None
    column = {"": "Unsorted", "now": "Now", "next": "Next", "later": "Later"}[horizon]
    noun = "item" if len(commands) == 1 else f"{len(commands)} items"
    return Macro(f"Move {noun} to {column}", commands)
