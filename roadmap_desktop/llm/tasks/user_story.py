"""The user-story task: a user story and acceptance criteria for one requirement."""

from __future__ import annotations

from ...domain.requirement import Requirement
from ...wording import FALLBACK
from ..json_salvage import salvage
from ..task_base import (
    SENTENCE_LEN,
    STORY_CRITERIA_MAX,
    FieldChanges,
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    object_schema,
    product_line,
    project_language,
    prompt_messages,
    prompt_wording,
    set_field,
    string_schema,
    strings_schema,
    text_of,
)
from ..titles import (
    Titles,
    copies_example,
    example_texts,
)


class UserStoryTask(Task):
    name = "user-story"
    spec = TaskSpec(name, max_tokens=500, temperature=0.4)

    def _requirement(self, inputs: TaskInputs | None) -> Requirement:
        if inputs is None or inputs.project is None:
            raise ValueError("the user-story task needs a project and a requirement")
        if not inputs.requirement_id and inputs.project.requirements:
            return inputs.project.requirements[0]
        found = inputs.project.find("requirement", inputs.requirement_id)
        if found is None:
            raise ValueError(f"no requirement with id {inputs.requirement_id!r}")
        return found  # type: ignore[return-value]

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        req = self._requirement(inputs)
        w = prompt_wording(self.name, language)
        details = []
        if req.description:
            details.append(w("prompt.notes", text=" ".join(req.description.split())[:400]))
        if req.target_users:
            details.append(w("prompt.users", text=", ".join(req.target_users[:5])))
        if req.pain_points:
            details.append(w("prompt.pain_points", text="; ".join(req.pain_points[:5])))
        return prompt_messages(
            self.name, language, product=product_line(inputs.project), title=req.title, details="\n".join(details)
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        return object_schema(
            {
                "user_story": string_schema(SENTENCE_LEN + 100),
                "acceptance_criteria": strings_schema(STORY_CRITERIA_MAX, SENTENCE_LEN - 40, 2),
            }
        )

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        req = self._requirement(inputs)
        root = salvage(text)
        if root.kind != "object":
            result.dropped.append(f"the output held no JSON object ({root.error or root.kind})")
            return result
        result.complete = root.complete
        values: dict[str, object] = {}
        language = project_language(inputs, None) if inputs else FALLBACK
        copied = example_texts(self.name, language)
        story = root.member("user_story")
        if story.complete and (text_value := text_of(story.value, 1000)) and copies_example(text_value, copied):
            result.dropped.append("the user story copies the prompt's example")
        elif story.complete and (text_value := text_of(story.value, 1000)):
            values["description"] = text_value
        elif story.kind == "string":
            result.dropped.append("the user story was cut off")
        else:
            result.dropped.append("the output has no user story")
        criteria = root.member("acceptance_criteria")
        kept: list[str] = []
        seen = Titles(req.acceptance_criteria)
        for position, child in enumerate(criteria.children, start=1):
            label = f"criterion {position}"
            entry = text_of(child.value, 400) if child.complete else None
            if not child.complete:
                result.dropped.append(f"{label} was cut off")
            elif not entry:
                result.dropped.append(f"{label} is empty or not text")
            elif copies_example(entry, copied):
                result.dropped.append(f"{label} copies the prompt's example")
            elif repeat := seen.repeat_of(entry):
                result.dropped.append(f"{label} {repeat.replace('title', 'text')}")
            else:
                seen.add(entry, label)
                kept.append(entry)
        if kept:
            values["acceptance_criteria"] = [*req.acceptance_criteria, *kept]
        probe = req.clone()
        for name, value in list(values.items()):
            if not set_field(probe, name, value, "user story", result.dropped):
                del values[name]
        if values:
            result.suggestions.append(FieldChanges("requirement", req.id, values, req.title))
        return result
