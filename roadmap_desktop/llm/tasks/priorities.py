"""The priorities task: scoring inputs for the project's requirements."""

from __future__ import annotations

from ..task_base import (
    CONFIDENCES,
    IMPACTS,
    MAX_EFFORT_WEEKS,
    PROMPT_REQUIREMENTS_MAX,
    SENTENCE_LEN,
    FieldChanges,
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    list_items,
    list_schema,
    numbered_requirements,
    object_schema,
    product_line,
    project_language,
    prompt_messages,
    requirement_lines,
    set_field,
    string_schema,
    text_of,
)
from ..titles import (
    copies_example,
    example_texts,
)


class PrioritiesTask(Task):
    name = "priorities"
    spec = TaskSpec(name, max_tokens=1200, temperature=0.2, frequency_penalty=0.1, presence_penalty=0.0)

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        if not inputs.project or not inputs.project.requirements:
            raise ValueError("the priorities task needs requirements")
        return prompt_messages(
            self.name,
            language,
            product=product_line(inputs.project),
            requirements=requirement_lines(inputs.project, detail=False),
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        count = len(numbered_requirements(inputs.project if inputs else None)) or PROMPT_REQUIREMENTS_MAX
        item = object_schema(
            {
                # The requirement's number in the prompt, not its UUID: small models mangle UUIDs.
                "n": {"enum": list(range(1, count + 1))},
                "reach": {"type": "integer"},
                "impact": {"enum": list(IMPACTS)},
                "confidence": {"enum": list(CONFIDENCES)},
                "effort_weeks": {"type": "number"},
                "rationale": string_schema(SENTENCE_LEN - 60),
            }
        )
        return list_schema("priorities", item, count)

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        numbered = dict(numbered_requirements(inputs.project if inputs else None))
        done: dict[int, str] = {}
        for position, data in list_items(text, "priorities", result, "entry"):
            label = f"entry {position}"
            n = data.get("n")
            if isinstance(n, bool) or not isinstance(n, int) or n not in numbered:
                result.dropped.append(f"{label}: requirement number {n!r} is not in the list")
                continue
            if n in done:
                result.dropped.append(f"{label} repeats requirement {n} ({done[n]})")
                continue
            req = numbered[n]
            label = f"{label} (requirement {n})"
            probe = req.clone()
            values: dict[str, object] = {}
            checks = (
                ("rice_reach", data.get("reach"), lambda v: True),
                ("rice_impact", data.get("impact"), lambda v: v in IMPACTS),
                ("rice_confidence", data.get("confidence"), lambda v: 0 < v <= 100),
                ("effort", data.get("effort_weeks"), lambda v: 0 < v <= MAX_EFFORT_WEEKS),
            )
            for name, value, ok in checks:
                if value is None:
                    result.dropped.append(f"{label}: no {name.replace('_', ' ')}")
                    continue
                if set_field(probe, name, value, label, result.dropped):
                    if ok(getattr(probe, name)):
                        values[name] = getattr(probe, name)
                    else:
                        shown = name.replace("_", " ")
                        result.dropped.append(f"{label}: {shown} {value!r} is out of range; left as is")
            if not values:
                result.dropped.append(f"{label} has no usable values")
                continue
            done[n] = req.title
            note = text_of(data.get("rationale"), SENTENCE_LEN) or ""
            if note and copies_example(note, example_texts(self.name, project_language(inputs, None))):
                note = ""  # the numbers are the model's own; a copied rationale is no reason
            result.suggestions.append(FieldChanges("requirement", req.id, values, note))
        return result
