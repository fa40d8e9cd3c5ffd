"""The requirements task: a brief becomes draft requirements."""

from __future__ import annotations

from ...domain.requirement import LLM_FITS, VALUE_LEVERS, Requirement
from ...wording import FALLBACK
from ..task_base import (
    PROMPT_REQUIREMENTS_MAX,
    REQUIREMENT_TITLE_LEN,
    SENTENCE_LEN,
    SHORT_LEN,
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    list_items,
    list_schema,
    object_schema,
    project_language,
    prompt_messages,
    prompt_wording,
    set_field,
    string_schema,
    text_of,
    texts_of,
)
from ..titles import (
    Titles,
    example_titles,
)


class RequirementsTask(Task):
    """Brief -> draft requirements. A worked example as earlier chat turns (not an inline sample,
    which SmolLM2 copied) and four short fields keep a 135M model on the brief; titles are capped
    because a looping model runs on inside a long string."""

    name = "requirements"
    spec = TaskSpec(
        name, max_tokens=800, temperature=0.7, repeat_penalty=1.1, frequency_penalty=0.2, presence_penalty=0.1
    )
    wanted = 5
    rounds = 4

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        brief = inputs.brief.strip() or (inputs.project.info.description.strip() if inputs.project else "")
        if not brief:
            raise ValueError("the requirements task needs a product brief")
        existing = [r.title for r in inputs.project.requirements] if inputs.project else []
        existing = (existing + list(inputs.drafted))[-PROMPT_REQUIREMENTS_MAX:]
        block = ""
        if existing:
            head = prompt_wording(self.name, language)["prompt.already_planned_requirements"]
            block = head + "\n" + "\n".join(f"- {t}" for t in existing)
        return prompt_messages(self.name, language, brief=brief[:2000], existing=block, count=self.wanted)

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        item = object_schema(
            {
                "title": string_schema(REQUIREMENT_TITLE_LEN),
                "user_story": string_schema(SENTENCE_LEN),
                "value_lever": {"enum": [v for v in VALUE_LEVERS if v]},
                "llm_fit": {"enum": [v for v in LLM_FITS if v]},
            }
        )
        return list_schema("requirements", item, self.wanted + 1, min_items=self.wanted)

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        project = inputs.project if inputs else None
        existing = [r.title for r in project.requirements] if project else []
        drafted = list(inputs.drafted) if inputs else []
        language = project_language(inputs, None) if inputs else FALLBACK
        titles = Titles(existing, example_titles(self.name, language), drafted)
        for position, data in list_items(text, "requirements", result):
            label = f"item {position}"
            title = titles.take(data.get("title"), label, result.dropped)
            if title is None:
                continue
            req = Requirement(title=title)
            story = text_of(data.get("user_story"), SENTENCE_LEN * 2)
            if story:
                req.set("description", story)
            # Optional: a larger model (or an older prompt) may fill these too.
            set_field(req, "target_users", texts_of(data.get("target_users"), 5, SHORT_LEN * 2), label, result.dropped)
            set_field(req, "pain_points", texts_of(data.get("pain_points"), 5, SENTENCE_LEN), label, result.dropped)
            set_field(req, "value_lever", data.get("value_lever", ""), label, result.dropped)
            set_field(req, "llm_fit", data.get("llm_fit", ""), label, result.dropped)
            reason = text_of(data.get("llm_fit_reason"), SENTENCE_LEN * 2)
            if reason and req.llm_fit:
                req.set("llm_fit_reason", reason)
            req.validate()
            titles.add(title, label)
            result.suggestions.append(req)
        return result
