"""The timeline task: timeline items across the planning phases."""

from __future__ import annotations

from ...domain.phases import PHASES
from ...domain.timeline import TimelineItem
from ...wording import FALLBACK
from ..task_base import (
    MAX_PLANNED_DAYS,
    PROMPT_REQUIREMENTS_MAX,
    TIMELINE_MAX,
    TITLE_LEN,
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    list_items,
    list_schema,
    object_schema,
    product_line,
    project_language,
    prompt_messages,
    prompt_wording,
    requirement_lines,
    set_field,
    string_schema,
)
from ..titles import (
    Titles,
    example_titles,
)


class TimelineTask(Task):
    name = "timeline"
    spec = TaskSpec(name, max_tokens=1200, temperature=0.3)
    wanted = 5
    rounds = 2

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        if not inputs.project or not inputs.project.requirements:
            raise ValueError("the timeline task needs requirements")
        phases = "\n".join(f"{p.code}: {p.name(language)}" for p in PHASES)
        planned = ([i.title for i in inputs.project.items] + list(inputs.drafted))[-PROMPT_REQUIREMENTS_MAX:]
        block = ""
        if planned:
            head = prompt_wording(self.name, language)["prompt.already_planned_items"]
            block = head + "\n" + "\n".join(f"- {t}" for t in planned)
        return prompt_messages(
            self.name,
            language,
            product=product_line(inputs.project),
            requirements=requirement_lines(inputs.project, detail=False),
            existing=block,
            phases=phases,
            count=TIMELINE_MAX,
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        item = object_schema(
            {
                "n": {"type": "integer"},
                "phase": {"enum": [p.code for p in PHASES]},
                "title": string_schema(TITLE_LEN),
                "duration_days": {"type": "integer"},
                "depends_on": {"type": "array", "items": {"type": "integer"}, "maxItems": 3},
            }
        )
        return list_schema("items", item, TIMELINE_MAX)

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        project = inputs.project if inputs else None
        language = project_language(inputs, None) if inputs else FALLBACK
        titles = Titles(
            [i.title for i in project.items] if project else [],
            example_titles(self.name, language),
            inputs.drafted if inputs else [],
        )
        lanes = {}
        if project:
            for lane in project.lanes:
                code = lane.name.split(" ", 1)[0]
                lanes.setdefault(code, lane.id)
        kept: list[tuple[int, object, list, TimelineItem]] = []
        for position, data in list_items(text, "items", result):
            label = f"item {position}"
            title = titles.take(data.get("title"), label, result.dropped)
            if title is None:
                continue
            item = TimelineItem(title=title)
            days = data.get("duration_days")
            if isinstance(days, int) and not isinstance(days, bool) and days > MAX_PLANNED_DAYS:
                result.dropped.append(
                    f"{label}: duration {days} days is out of range (0-{MAX_PLANNED_DAYS}); item dropped"
                )
                continue
            if not set_field(item, "duration_days", days, label, result.dropped, required=True):
                continue
            if set_field(item, "phase", data.get("phase", ""), label, result.dropped) and item.phase in lanes:
                item.lane_id = lanes[item.phase]
            item.milestone = item.duration_days == 0
            deps = data.get("depends_on")
            kept.append((position, data.get("n"), deps if isinstance(deps, list) else [], item))
            titles.add(title, label)
        # Map the model's item numbers to the new ids; fall back to positions when the numbers
        # are missing or repeated (small models miscount).
        numbers = [n for _, n, _, _ in kept]
        use_n = all(isinstance(n, int) for n in numbers) and len(set(numbers)) == len(numbers)
        by_key = {(n if use_n else pos): item for pos, n, _, item in kept}
        order = {id(item): i for i, (_, _, _, item) in enumerate(kept)}
        for pos, n, deps, item in kept:
            own = n if use_n else pos
            ids: list[str] = []
            for dep in deps:
                target = by_key.get(dep) if isinstance(dep, int) and not isinstance(dep, bool) else None
                if target is None:
                    result.dropped.append(f"item {pos}: dependency on {dep!r} dropped (no such item kept)")
                elif dep == own or order[id(target)] >= order[id(item)]:
                    result.dropped.append(f"item {pos}: dependency on {dep!r} dropped (not an earlier item)")
                elif target.id not in ids:
                    ids.append(target.id)
            item.set("depends_on", ids)
            item.validate()
            result.suggestions.append(item)
        return result
