"""The user-story task: a user story and acceptance criteria for one requirement, from its library pattern.

Retrieval finds the pattern the requirement most likely came from (grounding.pattern_for on its title and
description); its story and acceptance criteria, in the project's language, show at once (``preview``).
A model that writes usable text in the project's language (text_checks.writes_titles: English, or a large
model) may rewrite the story with the brief's nouns: one sentence in the catalog's story form ("As a ...,
I want ..., so that ..." in English; the catalogs' "story.form.*" words), in the project's language,
sharing the brief's words and adding one the library's story lacks, with no figures, no markup and no
copy of any prompt text; what fails leaves the library's story. The acceptance criteria are always the
pattern's (after the requirement's own, without repeats): the model writes none.

A requirement no pattern fits: the model writes the story (checked the same way) and no criteria are
suggested, which the reason says. A Chinese project with a small model gets nothing invented: the
dropped list says a larger model is needed.

The story goes first in the requirement's description: it replaces a story already there (the note says
so) and keeps any other text below it.
"""

from __future__ import annotations

import re

from ...domain.requirement import Requirement
from ...domain.requirement_library import Pattern, RequirementLibrary
from ...domain.retrieval import shared_terms, terms
from ...persistence.requirement_library_file import load_default_requirement_library
from ...wording import wording
from .. import grounding
from ..json_salvage import salvage
from ..suggestions import ADAPTED, LIBRARY, NEW, Suggestion
from ..task_base import (
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
    string_schema,
)
from ..text_checks import acceptable_why, writes_titles
from ..titles import Titles, normalise_title, sentences, similar

STORY_LEN = 220  # one sentence; the library's stories are at most 400 characters, most under 200
BRIEF_LEN = 800
_REFUSED = re.compile(r"^(?P<label>.*?): the reason (?P<problem>.*); a computed one is shown$")


def has_phrase(text: str, phrases: str, at_start: bool = False) -> bool:
    """Whether ``text`` holds one of the "|"-separated ``phrases`` as whole words (at its start with
    ``at_start``); an empty list of phrases asks for nothing."""
    wanted = [p.strip().casefold() for p in phrases.split("|") if p.strip()]
    if not wanted:
        return True
    low = " ".join(text.casefold().split())
    for phrase in wanted:
        start = 0 if low.startswith(phrase) else -1 if at_start else low.find(phrase)
        while start != -1:
            end = start + len(phrase)
            before = start == 0 or not (phrase[0].isascii() and low[start - 1].isalnum())
            after = end == len(low) or not (phrase[-1].isascii() and low[end].isalnum())
            if before and after:
                return True
            start = -1 if at_start else low.find(phrase, start + 1)
    return False


def is_story(text: str, language: str) -> bool:
    """A user story in the language's form: who first, then what they want (and why, where the form asks)."""
    w = wording(language)
    return (
        has_phrase(text, w["story.form.start"], at_start=True)
        and has_phrase(text, w["story.form.want"])
        and has_phrase(text, w["story.form.benefit"])
    )


class UserStoryTask(Task):
    name = "user-story"
    # One short sentence under a schema; low temperature: rewording, not inventing.
    spec = TaskSpec(name, max_tokens=160, temperature=0.2)

    def library(self, inputs: TaskInputs) -> RequirementLibrary:
        return inputs.requirement_library or load_default_requirement_library()

    def _requirement(self, inputs: TaskInputs | None) -> Requirement:
        if inputs is None or inputs.project is None:
            raise ValueError("the user-story task needs a project and a requirement")
        if not inputs.requirement_id and inputs.project.requirements:
            return inputs.project.requirements[0]
        found = inputs.project.find("requirement", inputs.requirement_id)
        if found is None:
            raise ValueError(f"no requirement with id {inputs.requirement_id!r}")
        return found  # type: ignore[return-value]

    def pattern(self, inputs: TaskInputs, requirement: Requirement, language: str) -> Pattern | None:
        text = f"{requirement.title} {requirement.description}"
        return grounding.pattern_for(self.library(inputs), text, language)

    def _writes(self, inputs: TaskInputs, language: str) -> bool:
        """Whether the model is asked for a story: it must write the language, and a rewrite of a library
        story needs the brief's words (without a brief it would only reword the library, worse)."""
        if not writes_titles(language, inputs.model_parameters):
            return False
        req = self._requirement(inputs)
        return bool(grounding.brief_text(inputs.project, inputs.brief)) or self.pattern(inputs, req, language) is None

    def preview(self, inputs: TaskInputs) -> list[Suggestion]:
        """The pattern's story and criteria, as they are (nothing when no pattern fits or nothing would change)."""
        language = project_language(inputs, None)
        req = self._requirement(inputs)
        pattern = self.pattern(inputs, req, language)
        found = self._suggestion(req, pattern, None, language, "") if pattern else None
        return [found] if found else []

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        req = self._requirement(inputs)
        pattern = self.pattern(inputs, req, project_language(inputs, None))
        w = prompt_wording(self.name, language)
        details = []
        if brief := grounding.brief_text(inputs.project, inputs.brief):
            details.append(w("prompt.brief_line", text=" ".join(brief.split())[:BRIEF_LEN]))
        details.append(w("prompt.story.requirement", text=req.title))
        library_story = pattern.text("story", language) if pattern else ""
        if req.description and req.description.strip() != library_story:
            details.append(w("prompt.notes", text=" ".join(req.description.split())[:400]))
        if req.target_users:
            details.append(w("prompt.users", text=", ".join(req.target_users[:5])))
        if req.pain_points:
            details.append(w("prompt.pain_points", text="; ".join(req.pain_points[:5])))
        if pattern:
            details.append(w("prompt.story.library", text=library_story))
        ask = w["prompt.story.rewrite"] if pattern else w["prompt.story.write"]
        return prompt_messages(
            self.name, language, product=product_line(inputs.project), details="\n".join(details), ask=ask
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        assert inputs is not None
        if not self._writes(inputs, project_language(inputs, None)):
            return object_schema({})  # nothing for the model to write: "{}", the library's texts stand
        # The form as a pattern: the grammar then keeps even a small model to one story-shaped sentence
        # without figures (its checks still apply: a server may ignore the schema).
        pattern = wording(project_language(inputs, None))["story.pattern"]
        return object_schema({"story": {**string_schema(STORY_LEN), "pattern": pattern}})

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        assert inputs is not None
        result = TaskResult(self.name)
        language = project_language(inputs, None)
        req = self._requirement(inputs)
        pattern = self.pattern(inputs, req, language)
        brief = grounding.brief_text(inputs.project, inputs.brief)
        writes = self._writes(inputs, language)
        story = None
        root = salvage(text)
        if root.kind == "object":
            result.complete = root.complete
            part = root.member("story")
            if not writes:
                pass  # the schema asked for nothing
            elif part.kind == "missing":
                result.dropped.append("the output has no story" if root.complete else "the output was cut off")
            elif not part.complete:
                result.dropped.append("the story was cut off")
            else:
                story = self._checked(part.value, inputs, req, pattern, brief, language, result.dropped)
        elif text.strip():
            result.dropped.append(f"the output held no JSON object ({root.error or root.kind})")
        else:
            result.complete = True
        if pattern is not None and not brief and writes_titles(language, inputs.model_parameters):
            result.dropped.append("the project has no brief: the library's story is kept as it is")
        if pattern is not None:
            found = self._suggestion(req, pattern, story, language, brief)
            if found:
                result.suggestions.append(found)
            else:
                result.dropped.append(f"the requirement already has library {pattern.id}'s story and criteria")
        elif story is not None:
            result.suggestions.append(self._new(req, story, language, brief))
        elif not writes_titles(language, inputs.model_parameters):
            result.dropped.append(
                "no library pattern fits this requirement, and this model is too small to write its story in "
                "the project's language: a larger model (1B parameters or more) is needed; nothing is suggested"
            )
        else:
            result.dropped.append("no library pattern fits this requirement and the model gave no usable story")
        return result

    def _checked(
        self,
        raw: object,
        inputs: TaskInputs,
        req: Requirement,
        pattern: Pattern | None,
        brief: str,
        language: str,
        dropped: list[str],
    ) -> str | None:
        """The model's story when it passes every check, else None with the reason in ``dropped``."""
        kept = "the library's is kept" if pattern else "nothing is suggested"
        own = " ".join([req.title, req.description, *req.target_users, *req.pain_points])
        refused: list[str] = []
        # Sentence, markup, figures, language, about the product: the checks every model sentence gets.
        story = acceptable_why(raw, language, [t for t in (brief, own) if t], [], "story", refused, limit=STORY_LEN)
        if story is None:
            for reason in refused or ["story: the reason is empty or not text; a computed one is shown"]:
                found = _REFUSED.match(reason)
                dropped.append(f"the story {found['problem']}; {kept}" if found else reason)
            return None
        library = pattern.text("story", language) if pattern else ""
        prompt = [m["content"] for m in self.build_messages(inputs)]
        texts = [library, *(line for m in prompt for line in m.splitlines()), *sentences(brief)]
        problem = ""
        if len(sentences(story)) > 1:
            problem = "is more than one sentence"
        elif not is_story(story, language):
            problem = "is not in the user-story form"
        elif pattern and similar(normalise_title(story), normalise_title(library)):
            problem = "is the library's own"
        elif any(similar(normalise_title(story), normalise_title(t)) for t in texts if t.strip()):
            problem = "copies the prompt"
        elif pattern and brief and not set(shared_terms(story, brief)) - set(terms(library)):
            problem = "adds none of the brief's words"
        if problem:
            dropped.append(f"the story {problem}; {kept}")
            return None
        return story

    def _suggestion(
        self, req: Requirement, pattern: Pattern, story: str | None, language: str, brief: str
    ) -> Suggestion | None:
        """The pattern's criteria after the requirement's own, and its story (or the model's rewrite of it)."""
        w = wording(language)
        values: dict[str, object] = {}
        description, replaced = self._description(req, story or pattern.text("story", language), language)
        if description != req.description:
            values["description"] = description
        criteria = Titles(req.acceptance_criteria)
        added = []
        for entry in (c.get(language) or c["en"] for c in pattern.acceptance):
            if not criteria.repeat_of(entry) and entry not in added:
                criteria.add(entry, "library")
                added.append(entry)
        if added:
            values["acceptance_criteria"] = [*req.acceptance_criteria, *added]
        if not values:
            return None
        title = pattern.text("title", language)
        source = pattern.id
        if story:
            words = grounding.relevant_words(story, brief)[:4]
            why = w("story.why.adapted", id=source, title=title, words=w.join(words))
        else:
            why = w("story.why.library", id=source, title=title)
        note = w("story.replaces", title=req.title) if replaced else req.title
        matched = grounding.relevant_words(f"{req.title} {req.description}", pattern.words(language))
        return Suggestion(
            FieldChanges("requirement", req.id, values, note), ADAPTED if story else LIBRARY, pattern.id, matched, why
        )

    def _new(self, req: Requirement, story: str, language: str, brief: str) -> Suggestion:
        """The model's story for a requirement no pattern fits: no criteria (nothing to ground them in)."""
        w = wording(language)
        description, replaced = self._description(req, story, language)
        words = grounding.relevant_words(story, brief, f"{req.title} {req.description}")
        why = w("story.why.new", words=w.join(words[:4]))
        note = w("story.replaces", title=req.title) if replaced else req.title
        return Suggestion(FieldChanges("requirement", req.id, {"description": description}, note), NEW, "", words, why)

    def _description(self, req: Requirement, story: str, language: str) -> tuple[str, bool]:
        """The description with ``story`` first: in place of a story already there (True: one is
        replaced), else above the text the founder wrote."""
        paragraphs = [p for p in re.split(r"\n\s*\n", req.description.strip()) if p.strip()]
        if paragraphs and is_story(paragraphs[0], language):
            replaced = normalise_title(paragraphs[0]) != normalise_title(story)
            return "\n\n".join([story, *paragraphs[1:]]), replaced
        return "\n\n".join([story, *paragraphs]), False
