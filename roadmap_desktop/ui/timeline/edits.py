"""The timeline's edits as domain commands: move, resize, lane change, dependencies; labels are translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.commands import Command, Macro, SetField
from ...domain.dates import shift
from ...domain.project import Project
from ...domain.timeline import TimelineItem

_HORIZON_COLUMNS = {
    "": QT_TRANSLATE_NOOP("TimelineEdits", "Unsorted"),
    "now": QT_TRANSLATE_NOOP("TimelineEdits", "Now"),
    "next": QT_TRANSLATE_NOOP("TimelineEdits", "Next"),
    "later": QT_TRANSLATE_NOOP("TimelineEdits", "Later"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineEdits", text)


def _item(project: Project, item_id: str) -> TimelineItem:
    return project.get("item", item_id)  # type: ignore[return-value]


def move_items(project: Project, ids: list[str], days: int, lane_id: str | None = None) -> Macro | None:
    """Shift the items' starts by ``days`` and, for one item, move it to ``lane_id``: one undo step."""
    commands: list[Command] = []
    for item_id in ids:
        item = _item(project, item_id)
        if days and item.start is not None:
            commands.append(SetField("item", item_id, "start", shift(item.start, days)))
        if lane_id is not None and lane_id != item.lane_id:
            commands.append(SetField("item", item_id, "lane_id", lane_id))
    if not commands:
        return None
    translate = QCoreApplication.translate
    one = len(ids) == 1
    if lane_id is not None and any(c.name == "lane_id" for c in commands):  # type: ignore[attr-defined]
        label = (
            translate("TimelineEdits", "Move item to lane {lane}")
            if one
            else translate("TimelineEdits", "Move {count} items to lane {lane}")
        )
    else:
        label = translate("TimelineEdits", "Move item") if one else translate("TimelineEdits", "Move {count} items")
    lane = project.lane_name(lane_id) if lane_id is not None else ""
    return Macro(label.format(count=len(ids), lane=lane), commands)


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
        label = QCoreApplication.translate("TimelineEdits", "Resize item")
        return Macro(label, [SetField("item", item_id, "duration_days", new_duration)])
    days = min(days, duration - 1)
    if not days:
        return None
    # The end stays put; each step must keep it there too (an item ending on the last supported date
    # would otherwise pass beyond it between the two): shrink first, or move the start back first.
    steps: list[Command] = [
        SetField("item", item_id, "start", shift(item.start, days)),
        SetField("item", item_id, "duration_days", duration - days),
    ]
    return Macro(QCoreApplication.translate("TimelineEdits", "Resize item"), steps[::-1] if days > 0 else steps)


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
    translate = QCoreApplication.translate
    if pred_id == succ_id:
        return None, translate("TimelineEdits", "An item cannot depend on itself.")
    pred, succ = _item(project, pred_id), _item(project, succ_id)
    if pred_id in succ.depends_on:
        return None, translate("TimelineEdits", "“{item}” already depends on “{other}”.").format(
            item=succ.title, other=pred.title
        )
    if depends_on_transitively(project, pred_id, succ_id):
        refused = translate(
            "TimelineEdits", "Refused: “{other}” already waits for “{item}”; the link would make a cycle."
        )
        return None, refused.format(item=succ.title, other=pred.title)
    label = translate("TimelineEdits", "Add dependency")
    command = SetField("item", succ_id, "depends_on", [*succ.depends_on, pred_id], label)
    return command, translate("TimelineEdits", "“{item}” now depends on “{other}”.").format(
        item=succ.title, other=pred.title
    )


def remove_dependency(project: Project, pred_id: str, succ_id: str) -> Command | None:
    succ = _item(project, succ_id)
    if pred_id not in succ.depends_on:
        return None
    remaining = [ref for ref in succ.depends_on if ref != pred_id]
    return SetField(
        "item", succ_id, "depends_on", remaining, QCoreApplication.translate("TimelineEdits", "Remove dependency")
    )


def set_horizon(project: Project, ids: list[str], horizon: str) -> Macro | None:
    commands: list[Command] = [
        SetField("item", i, "horizon", horizon) for i in ids if _item(project, i).horizon != horizon
    ]
    if not commands:
        return None
    column = _tr(_HORIZON_COLUMNS[horizon])
    if len(commands) == 1:
        label = QCoreApplication.translate("TimelineEdits", "Move item to {column}")
    else:
        label = QCoreApplication.translate("TimelineEdits", "Move {count} items to {column}")
    return Macro(label.format(count=len(commands), column=column), commands)
