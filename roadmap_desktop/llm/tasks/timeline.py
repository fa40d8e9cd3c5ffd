"""The timeline task: a dated plan in phase order, built from the phase skeleton of the brief's domain.

The brief's domain (retrieval over the requirement library; none clear: the common skeleton) picks a
skeleton from resources/phase_skeletons.json. Its items are the suggestions, in the project's language,
each in the lane of its phase, with the skeleton's dependencies and milestones, a duration from the
item's usual range and dates from a forward pass (the same rule as auto-schedule), so the draft shows
at once. Items already in the project (by title) are left out; their dependants keep their other
dependencies. The model only fits the plan to the product: per item a length (usual, short or long:
the middle, low or high end of the range) and, where it writes usable titles, the title reworded with
the brief's nouns, checked like a requirement's. Order, phases and dependencies are never the model's.

Items are not linked to requirements: a requirement pattern's phase says where most of its work
happens, which matches several items of that phase or none, so a link would be a guess.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from ...domain.dates import shift
from ...domain.phase_skeleton import SkeletonItem
from ...domain.project import Project
from ...domain.requirement_library import COMMON
from ...domain.scheduling import schedule
from ...domain.timeline import TimelineItem
from ...persistence.requirement_library_file import load_default_phase_skeletons, load_default_requirement_library
from ...wording import number, wording
from .. import grounding
from ..suggestions import ADAPTED, LIBRARY, Suggestion
from ..task_base import (
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    list_schema,
    object_schema,
    picks,
    project_language,
    prompt_messages,
    prompt_wording,
    string_schema,
)
from ..text_checks import GENERIC_KEPT_SHARE, acceptable_title, writes_reasons, writes_titles
from ..titles import normalise_title, similar

LENGTHS = ("usual", "short", "long")  # "usual" first: a small model's pick tends to the first it reads
TITLE_LEN = 72


@dataclass(frozen=True)
class Plan:
    """The skeleton items still to plan, with the skeleton's domain (COMMON for none)."""

    domain: str
    steps: tuple[SkeletonItem, ...]


def days_for(step: SkeletonItem, length: str) -> int:
    """The item's duration for a length level: the low end, the middle (halves up) or the high end."""
    low, high = step.days
    if length == "short":
        return low
    if length == "long":
        return high
    return math.floor((low + high) / 2 + 0.5)


def first_monday_after(day: dt.date) -> dt.date:
    # saturates at date.max: a clock set far off gets the schedule's one-line range refusal, not OverflowError
    return shift(day, 7 - day.weekday())


class TimelineTask(Task):
    name = "timeline"
    spec = TaskSpec(name, max_tokens=700, temperature=0.2, repeat_penalty=1.1, frequency_penalty=0.2)
    rounds = 1
    today: Callable[[], dt.date] = staticmethod(dt.date.today)  # tests fix the day

    def plan(self, inputs: TaskInputs) -> Plan:
        project = inputs.project
        if project is None:
            raise ValueError("the timeline task needs a project")
        language = project_language(inputs, None)
        query = grounding.project_query(project, inputs.brief)
        library = inputs.requirement_library or load_default_requirement_library()
        domain = (grounding.detect_domain(library, query, language) if query else None) or COMMON
        taken = [normalise_title(t) for t in [*(i.title for i in project.items), *inputs.drafted]]
        steps = tuple(
            step
            for step in load_default_phase_skeletons().for_domain(domain)
            if not any(similar(normalise_title(text), t) for text in step.title.values() for t in taken)
        )
        if not steps:
            raise LookupError("every item of the usual plan for this product is already in the timeline")
        return Plan(domain, steps)

    def preview(self, inputs: TaskInputs) -> list[Suggestion]:
        """The skeleton plan as it is, dated: shown the moment Generate is pressed."""
        return self._suggestions(inputs, self.plan(inputs), {})

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        w = prompt_wording(self.name, language)
        lines = []
        for step in self.plan(inputs).steps:
            values = {"key": step.key, "title": step.title_in(w.code), "phase": step.phase}
            if step.milestone:
                lines.append(w("prompt.plan_milestone", **values))
            else:
                lines.append(w("prompt.plan_step", **values, low=step.days[0], high=step.days[1]))
        brief = grounding.brief_text(inputs.project, inputs.brief)[:1500] or "-"
        return prompt_messages(self.name, language, brief=brief, steps="\n".join(lines))

    def asks_model(self, inputs: TaskInputs) -> bool:
        """Only a model large enough to write reasons: a small model's titles and lengths were noise
        (every title refused, lengths alternating), so the library's plan stands alone."""
        return writes_reasons(inputs.model_parameters)

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        assert inputs is not None
        keys = [step.key for step in self.plan(inputs).steps]
        fields: dict[str, dict] = {"step": {"enum": keys}, "length": {"enum": list(LENGTHS)}}
        if writes_titles(project_language(inputs, None), inputs.model_parameters):
            fields["title"] = string_schema(TITLE_LEN)
        return list_schema("items", object_schema(fields), len(keys), min_items=len(keys))

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        assert inputs is not None
        result = TaskResult(self.name)
        language = project_language(inputs, None)
        plan = self.plan(inputs)
        by_key = {step.key: step for step in plan.steps}
        brief = grounding.brief_text(inputs.project, inputs.brief)
        titles = {step.key: step.title_in(language) for step in plan.steps}
        existing = [i.title for i in inputs.project.items] if inputs.project else []
        rewrites = writes_titles(language, inputs.model_parameters)  # else a title is no part of the schema
        fitted: dict[str, tuple[str, str | None]] = {}  # key -> (length, rewritten title)
        for label, key, data in picks(text, "items", "step", by_key, result, "item"):
            length = data.get("length")
            if length not in LENGTHS:
                result.dropped.append(f"{label}: length {length!r} is not one of {', '.join(LENGTHS)}; usual kept")
                length = "usual"
            others = existing + [t for k, t in titles.items() if k != key]
            title = acceptable_title(
                data.get("title") if rewrites else None,
                language,
                [titles[key]],  # keeps the step's meaning: shares its title's words
                others,
                label,
                result.dropped,
                base=titles[key],
                brief=brief,
                limit=TITLE_LEN,
                keep=GENERIC_KEPT_SHARE,  # a skeleton step is generic: making it specific is the point
            )
            if title:
                titles[key] = title
            fitted[key] = (length, title)
        result.complete = result.complete or not text.strip()
        result.suggestions = self._suggestions(inputs, plan, fitted)
        return result

    def _suggestions(self, inputs: TaskInputs, plan: Plan, fitted: dict[str, tuple[str, str | None]]) -> list:
        """Every step of the plan as a dated item, fitted where the model answered for it."""
        assert inputs.project is not None
        project = inputs.project
        language = project_language(inputs, None)
        w = wording(language)
        kind = w[f"plan.kind.{plan.domain}"]
        lanes: dict[str, str] = {}
        for lane in project.lanes:
            lanes.setdefault(lane.name.split(" ", 1)[0], lane.id)
        items: dict[str, TimelineItem] = {}
        out = []
        for step in plan.steps:
            length, title = fitted.get(step.key, ("usual", None))
            days = 0 if step.milestone else days_for(step, length)
            item = TimelineItem(
                title=title or step.title_in(language),
                lane_id=lanes.get(step.phase, ""),
                phase=step.phase,
                duration_days=days,
                milestone=step.milestone,
                # Left-out steps are already in the project: the dependant keeps its other dependencies.
                depends_on=[items[k].id for k in step.depends_on if k in items],
            )
            if not step.milestone and step.days[0] < step.days[1]:
                item.optimistic_days, item.pessimistic_days = step.days  # the forecast's range
            items[step.key] = item
            if step.milestone:
                why = w("why.plan_milestone", phase=step.phase, kind=kind)
            else:
                why = w(
                    "why.plan_step", phase=step.phase, kind=kind, low=step.days[0], high=step.days[1], days=number(days)
                )
            adapted = title is not None or (length != "usual" and not step.milestone)
            out.append(Suggestion(item, ADAPTED if adapted else LIBRARY, step.key, (), why))
        self._date(project, list(items.values()))
        for suggestion in out:
            suggestion.value.validate()
        return out

    def _date(self, project: Project, items: list[TimelineItem]) -> None:
        """Forward pass from the first Monday after today, or after the project's last planned end if
        later: each item starts when its latest dependency ends (auto-schedule's rule, lane capacity
        included), so accepting the draft and auto-scheduling it agree."""
        ends = [i.end for i in project.items if i.end is not None]
        anchor = first_monday_after(max([self.today(), *ends]))
        plan = schedule(Project(info=project.info, lanes=project.lanes, items=items), anchor)
        for item in items:
            item.start = plan.items[item.id].start
