"""The summary task: the executive summary for the PDF's title page, from the project's facts.

The facts (llm/facts.py: counts, the top requirements by the project's ranking, milestones with their
planned and P80 dates, the top open risks with owners, the planned span) are computed and laid out in
the project's language; they show at once. The model writes at most the opening sentence, and only
where it writes usable text (English, or a large model): the sentence must be one sentence about this
product, clean, in the project's language, and every figure in it (number, date, month, quantity) must
be one the facts or the founder's brief hold; otherwise the computed opening (the name and the brief's
first sentence) stands. The summary is one suggestion: the whole text.
"""

from __future__ import annotations

from ...wording import wording
from .. import grounding
from ..facts import Facts, computed_opening, fact_sentences, project_facts, stray_figures, summary_text
from ..json_salvage import salvage
from ..suggestions import ADAPTED, FACTS, Suggestion
from ..task_base import (
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    object_schema,
    project_language,
    prompt_messages,
    string_schema,
)
from ..text_checks import has_junk, in_language, tidy, writes_reasons, writes_titles
from ..titles import last_sentence_end, sentences

OPENING_LEN = 160  # one sentence; a longer string lets a small model ramble
MIN_SHARED = 2  # words the opening shares with the brief, the name or the facts: about this product


class SummaryTask(Task):
    name = "summary"
    spec = TaskSpec(name, max_tokens=120, temperature=0.2, repeat_penalty=1.1, frequency_penalty=0.2)
    rounds = 1

    def _project(self, inputs: TaskInputs):
        if inputs.project is None:
            raise ValueError("the summary task needs a project")
        return inputs.project

    def facts(self, inputs: TaskInputs, language: str | None = None) -> Facts:
        return project_facts(self._project(inputs), project_language(inputs, language))

    def preview(self, inputs: TaskInputs) -> list[Suggestion]:
        """The facts with the computed opening: shown the moment Generate is pressed."""
        return [self._suggestion(inputs, self.facts(inputs), None)]

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        project = self._project(inputs)
        language = project_language(inputs, language)
        facts = "\n".join(fact_sentences(self.facts(inputs, language)))
        brief = grounding.brief_text(project, inputs.brief)[:1200] or "-"
        return prompt_messages(self.name, language, name=project.info.name, brief=brief, facts=facts)

    def asks_model(self, inputs: TaskInputs) -> bool:
        """Only a model large enough to write reasons: a small model's openings were refused as junk or
        off the product in every measured run, so the facts stand alone."""
        return writes_reasons(inputs.model_parameters)

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        assert inputs is not None
        if writes_titles(project_language(inputs, None), inputs.model_parameters):
            return object_schema({"opening": string_schema(OPENING_LEN)})
        return object_schema({})  # a small model writes no usable Chinese: the computed opening stands

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        assert inputs is not None
        result = TaskResult(self.name)
        facts = self.facts(inputs)
        opening = None
        root = salvage(text)
        part = root.member("opening") if root.kind == "object" else root
        result.complete = root.complete or not text.strip()
        if not text.strip():
            pass
        elif root.kind != "object":
            result.dropped.append(f"the output held no JSON object ({root.error or root.kind})")
        elif not writes_titles(facts.language, inputs.model_parameters):
            pass  # no opening in the schema: whatever the output says, the computed one stands
        elif part.kind == "string" and not part.complete:
            result.dropped.append("the opening sentence was cut off; the computed one is shown")
        elif part.kind == "string":
            opening = self._opening(str(part.value), inputs, facts, result.dropped)
        elif part.kind != "missing":
            result.dropped.append("the opening is not a text; the computed one is shown")
        result.suggestions = [self._suggestion(inputs, facts, opening)]
        return result

    def _opening(self, raw: str, inputs: TaskInputs, facts: Facts, dropped: list[str]) -> str | None:
        """The model's opening sentence if it passes every check, else None (the reason in ``dropped``)."""
        project = self._project(inputs)
        language = facts.language
        text = tidy(raw, OPENING_LEN)
        if text is None:
            return None
        if has_junk(raw, text):  # anywhere in the reply: the model has lost its way
            dropped.append("the opening sentence holds markup or junk; the computed one is shown")
            return None
        parts = sentences(text)
        if len(parts) > 1:
            dropped.append("the opening held more than one sentence; only the first is considered")
            text = parts[0]
        brief = grounding.brief_text(project, inputs.brief)
        about = [brief, project.info.name, project.info.description, *facts.top]
        problem = ""
        if len(text) >= OPENING_LEN - 1:
            problem = "was cut off"
        elif not in_language(text, language):
            problem = "is not in the project's language"
        elif len(text) < 20 or (len(text.split()) < 4 and wording(language)["sep.word"]):
            problem = "is not a sentence"
        elif len(grounding.relevant_words(text, *about)) < MIN_SHARED:
            problem = "is not about this product"
        elif stray := stray_figures(text, facts, [brief, project.info.name, project.info.description]):
            problem = f"states figures the facts do not hold ({', '.join(stray)})"
        if problem:
            dropped.append(f"the opening sentence {problem}; the computed one is shown")
            return None
        if last_sentence_end(text) != len(text) - 1:
            text += wording(language)["reply.full_stops"][0]
        return text[:1].upper() + text[1:]

    def _suggestion(self, inputs: TaskInputs, facts: Facts, opening: str | None) -> Suggestion:
        w = wording(facts.language)
        project = self._project(inputs)
        first = opening or computed_opening(project, grounding.brief_text(project, inputs.brief), facts.language)
        why = w["why.summary_opening"] if opening else w["why.summary_facts"]
        return Suggestion(summary_text(facts, first), ADAPTED if opening else FACTS, "", (), why)
