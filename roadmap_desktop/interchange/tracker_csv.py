"""Jira and Linear CSV: lanes become epics (Jira) or projects (Linear); timeline items and requirements
become issues with start and due dates, a priority from the ranking, labels and dependencies.

- Priority: the project's ranking (its framework) split into fifths, best first: Highest, High, Medium,
  Low, Lowest (Linear: Urgent, High, Medium, Low, Low). Unscored and dropped requirements have none
  (Linear: "No priority"). An item takes the best priority of the requirements linked to it.
- A requirement's epic is the lane of its first linked item with a lane; its due date is the latest
  end of its linked items.
- Labels: requirements' tags, items' phase, and "milestone" for milestones. Jira labels cannot hold
  spaces (they become "-"); Linear's are one comma-separated cell (commas become "-").
- Dependencies: Jira's "Inward issue link (Blocks)" columns name the blocking issues' ids; Linear's
  CSV has no such column, so its issues list them in the description.
- Every cell goes through formula_guard (a leading apostrophe on anything a spreadsheet would run) and
  loses its control characters; the file is UTF-8 without a byte order mark (both importers read it).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence

from ..domain.prioritisation import rank
from ..domain.project import Project
from ..domain.requirement import Requirement
from ..domain.timeline import TimelineItem
from ..persistence.atomic import atomic_write_text
from ..wording import wording
from .controls import strip_controls
from .formula_guard import guard

FORMATS = ("jira", "linear")
PRIORITIES = ("Highest", "High", "Medium", "Low", "Lowest")
LINEAR_PRIORITY = {
    "Highest": "Urgent",
    "High": "High",
    "Medium": "Medium",
    "Low": "Low",
    "Lowest": "Low",
    "": "No priority",
}
JIRA_STATUS = {
    "not_started": "To Do",
    "blocked": "To Do",
    "in_progress": "In Progress",
    "done": "Done",
    "idea": "To Do",
    "planned": "To Do",
    "dropped": "Won't Do",
}
LINEAR_STATUS = {
    "not_started": "Todo",
    "blocked": "Todo",
    "in_progress": "In Progress",
    "done": "Done",
    "idea": "Backlog",
    "planned": "Todo",
    "dropped": "Canceled",
}


def ranking_priorities(project: Project) -> dict[str, str]:
    """{requirement id: Jira priority} from the project's ranking, split into fifths; unscored: none."""
    ranked = [entry for entry in rank(project, language=project.info.language) if entry.rank is not None]
    count = len(ranked)
    out: dict[str, str] = {}
    for entry in ranked:
        fifth = min(int((entry.rank - 1) * len(PRIORITIES) / count), len(PRIORITIES) - 1)  # type: ignore[operator]
        out[entry.requirement.id] = PRIORITIES[fifth]
    return out


def tracker_csv(project: Project, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown tracker format {fmt!r}; choose one of {', '.join(FORMATS)}")
    issues = _issues(project)
    return _jira(issues) if fmt == "jira" else _linear(issues, wording(project.info.language)["tracker.blocked_by"])


def write_tracker_csv(project: Project, fmt: str, path: str | os.PathLike[str]) -> None:
    """Write the Jira or Linear CSV atomically; raises SaveError (ValueError for an unknown format)."""
    atomic_write_text(path, tracker_csv(project, fmt))


class _Issue:
    def __init__(self, key: str, kind: str, summary: str) -> None:
        self.key, self.kind, self.summary = key, kind, summary
        self.epic = ""  # the key of the lane's epic
        self.lane = ""
        self.status = ""
        self.priority = ""
        self.start = ""
        self.due = ""
        self.owner = ""
        self.labels: list[str] = []
        self.description = ""
        self.blocked_by: list[str] = []  # keys


def _issues(project: Project) -> list[_Issue]:
    priorities = ranking_priorities(project)
    epics: dict[str, _Issue] = {}
    for number, lane in enumerate(project.lanes, start=1):
        epics[lane.id] = _Issue(f"E{number}", "Epic", lane.name)
    item_keys = {item.id: f"T{number}" for number, item in enumerate(project.items, start=1)}
    linked: dict[str, list[Requirement]] = {}
    for requirement in project.requirements:
        for item_id in requirement.item_ids:
            linked.setdefault(item_id, []).append(requirement)
    issues: list[_Issue] = []
    used_epics: set[str] = set()
    for item in project.items:
        issue = _item_issue(item, item_keys, epics, priorities, linked.get(item.id, []), project)
        used_epics.add(issue.epic)
        issues.append(issue)
    items = {item.id: item for item in project.items}
    for number, requirement in enumerate(project.requirements, start=1):
        issue = _requirement_issue(requirement, f"R{number}", items, epics, priorities, item_keys)
        used_epics.add(issue.epic)
        issues.append(issue)
    return [epic for epic in epics.values() if epic.key in used_epics] + issues


def _item_issue(
    item: TimelineItem,
    item_keys: dict[str, str],
    epics: dict[str, _Issue],
    priorities: dict[str, str],
    requirements: list[Requirement],
    project: Project,
) -> _Issue:
    issue = _Issue(item_keys[item.id], "Task", item.title)
    epic = epics.get(item.lane_id)
    if epic is not None:
        issue.epic, issue.lane = epic.key, epic.summary
    issue.status = item.status
    issue.priority = _best([priorities.get(r.id, "") for r in requirements])
    if item.start is not None and item.end is not None:
        issue.start, issue.due = item.start.isoformat(), item.end.isoformat()
    issue.owner = item.owner
    issue.labels = [label for label in (item.phase, "milestone" if item.milestone else "") if label]
    issue.description = item.notes
    issue.blocked_by = [item_keys[i] for i in item.depends_on if i in item_keys]
    return issue


def _requirement_issue(
    requirement: Requirement,
    key: str,
    items: dict[str, TimelineItem],
    epics: dict[str, _Issue],
    priorities: dict[str, str],
    item_keys: dict[str, str],
) -> _Issue:
    issue = _Issue(key, "Story", requirement.title)
    mine = [items[i] for i in requirement.item_ids if i in items]
    lane = next((epics[item.lane_id] for item in mine if item.lane_id in epics), None)
    if lane is not None:
        issue.epic, issue.lane = lane.key, lane.summary
    issue.status = requirement.status
    issue.priority = priorities.get(requirement.id, "")
    ends = [item.end for item in mine if item.end is not None]
    if ends:
        issue.due = max(ends).isoformat()
    issue.owner = requirement.owner
    issue.labels = list(requirement.tags)
    parts = [requirement.description.strip()]
    if requirement.acceptance_criteria:
        parts.append("\n".join(f"- {c}" for c in requirement.acceptance_criteria))
    issue.description = "\n\n".join(p for p in parts if p)
    issue.blocked_by = []
    return issue


def _best(priorities: Sequence[str]) -> str:
    known = [PRIORITIES.index(p) for p in priorities if p in PRIORITIES]
    return PRIORITIES[min(known)] if known else ""


def _cell(text: str) -> str:
    return guard(strip_controls(text, keep="\t\n\r"))


def _rows_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([_cell(cell) for cell in row])
    return buffer.getvalue()


def _jira_label(text: str) -> str:
    return "-".join(strip_controls(text, keep="").split())


def _jira(issues: list[_Issue]) -> str:
    label_columns = max((len(issue.labels) for issue in issues), default=0)
    link_columns = max((len(issue.blocked_by) for issue in issues), default=0)
    header = ["Issue Id", "Issue Type", "Summary", "Epic Name", "Parent", "Status", "Priority"]
    header += ["Start date", "Due date", "Assignee", "Description"]
    header += ["Labels"] * label_columns + ["Inward issue link (Blocks)"] * link_columns
    rows = [header]
    for issue in issues:
        epic = issue.kind == "Epic"
        labels = [_jira_label(label) for label in issue.labels]
        row = [
            issue.key,
            issue.kind,
            issue.summary,
            issue.summary if epic else "",
            issue.epic,
            JIRA_STATUS.get(issue.status, "") if not epic else "",
            issue.priority,
            issue.start,
            issue.due,
            issue.owner,
            issue.description,
        ]
        row += labels + [""] * (label_columns - len(labels))
        row += issue.blocked_by + [""] * (link_columns - len(issue.blocked_by))
        rows.append(row)
    return _rows_text(rows)


def _linear(issues: list[_Issue], blocked_by: str) -> str:
    header = ["ID", "Title", "Description", "Status", "Priority", "Project", "Labels", "Start Date", "Due Date"]
    header += ["Assignee"]
    titles = {issue.key: issue.summary for issue in issues}
    rows = [header]
    for issue in issues:
        if issue.kind == "Epic":
            continue  # a lane is the issue's Project in Linear
        description = issue.description
        if issue.blocked_by:
            blockers = "\n".join(f"- {key}: {titles.get(key, '')}" for key in issue.blocked_by)
            description = (description + "\n\n" if description else "") + blocked_by + "\n" + blockers
        labels = ", ".join(" ".join(strip_controls(label, keep="").replace(",", "-").split()) for label in issue.labels)
        rows.append(
            [
                issue.key,
                issue.summary,
                description,
                LINEAR_STATUS.get(issue.status, ""),
                LINEAR_PRIORITY[issue.priority],
                issue.lane,
                labels,
                issue.start,
                issue.due,
                issue.owner,
            ]
        )
    return _rows_text(rows)
