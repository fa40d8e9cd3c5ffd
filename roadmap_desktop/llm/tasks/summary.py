"""The summary task: the executive summary for the PDF's title page."""

from __future__ import annotations

import json

from ...wording import FALLBACK
from ..json_salvage import salvage
from ..task_base import (
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    load_prompt,
    object_schema,
    product_line,
    project_language,
    prompt_messages,
    prompt_wording,
    requirement_lines,
    string_schema,
)
from ..titles import (
    last_sentence_end,
    normalise_title,
    sentences,
    similar,
)


class SummaryTask(Task):
    name = "summary"
    spec = TaskSpec(name, max_tokens=450, temperature=0.5, frequency_penalty=0.4)
    max_chars = 600  # the Python grammar converter nests one rule per character; keep it modest

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        project = inputs.project
        if project is None:
            raise ValueError("the summary task needs a project")
        w = prompt_wording(self.name, language)
        lines = [product_line(project)]
        if project.requirements:
            lines.append(w["prompt.requirements"])
            lines.append(requirement_lines(project, detail=False))
        if project.items:
            dated = [i for i in project.items if i.start]
            span = ""
            if dated:
                first = min(i.start for i in dated)  # type: ignore[type-var]
                last = max(i.end for i in dated)  # type: ignore[type-var]
                span = f" {first.isoformat()} – {last.isoformat()}"  # type: ignore[union-attr]
            lines.append(w("prompt.timeline_items", count=len(project.items)) + span)
        if project.risks:
            top = sorted(project.risks, key=lambda r: -r.exposure)[:5]
            lines.append(w("prompt.top_risks", text="; ".join(r.title for r in top)))
        return prompt_messages(self.name, language, project="\n".join(lines))

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        return object_schema({"summary": string_schema(self.max_chars)})

    def _without_copied_sentences(self, summary: str, language: str, dropped: list[str]) -> str:
        # A copied sentence states the example's facts ("runs about three months") as this
        # project's: worse than no sentence.
        example_sentences = [
            normalise_title(sentence)
            for _user, answer in load_prompt(self.name, language).examples
            for sentence in sentences(str(json.loads(answer).get("summary", "")))
        ]
        kept, copied = [], 0
        for sentence in sentences(summary):
            if any(similar(normalise_title(sentence), other) for other in example_sentences):
                copied += 1
            else:
                kept.append(sentence)
        if copied:
            dropped.append(f"{copied} sentence(s) copied from the prompt's example were removed")
        return prompt_wording(self.name, language).join(kept, "word").strip()

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        root = salvage(text)
        part = root.member("summary") if root.kind == "object" else root
        if part.kind != "string":
            result.dropped.append(f"the output has no summary ({root.error or 'no summary field'})")
            return result
        summary = " ".join(str(part.value).split())
        if not part.complete:
            cut = last_sentence_end(summary)
            if cut >= 0:
                summary = summary[: cut + 1].strip()
                result.dropped.append("the summary was cut off; kept up to its last full sentence")
            else:
                summary = ""
                result.dropped.append("the summary was cut off before its first full sentence")
        result.complete = root.complete
        language = project_language(inputs, None) if inputs and inputs.project else FALLBACK
        if summary:
            summary = self._without_copied_sentences(summary, language, result.dropped)
        if summary:
            result.suggestions.append(summary[: self.max_chars])
        return result
