"""The requirements task: a brief becomes requirements grounded in the requirement library.

Retrieval ranks the library against the brief; those entries appear at once as suggestions. The model
then sees the best few (in a shuffled order, so their position does not steer it) and, under a schema
whose ``base`` is an enum of their ids, keeps the ones the product needs, rewrites each title with the
brief's nouns and says why. Everything it writes is checked (language, relevance, repeats, junk); what
fails falls back to the library's own text. Numbers never come from the model: effort and scoring
levels are the library's. A Chinese project's texts come from the library as they are: a small model
writes no usable Chinese, so there it only chooses.
"""

from __future__ import annotations

from ...domain.requirement import Requirement
from ...domain.requirement_library import COMMON, Pattern
from ...persistence.requirement_library_file import load_default_requirement_library
from ...wording import wording
from .. import grounding
from ..suggestions import ADAPTED, LIBRARY, NEW, Suggestion
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
    string_schema,
)
from ..text_checks import acceptable_title, acceptable_why, writes_reasons, writes_titles

OFFERED = 8  # library entries the model sees
WANTED = 6  # suggestions the task aims for
EXTRA = 2  # the model's picks beyond retrieval's best, at most
NEW_MAX = 2  # the model's own requirements kept, at most (each must share the brief's words)
TITLE_LEN = 72  # about eight words; the library's titles are at most 80 characters
WHY_LEN = 120  # one short sentence; a longer string lets a small model ramble


class RequirementsTask(Task):
    name = "requirements"
    # Low temperature: choosing and rewording, not inventing (0.2 doubled the useful drafts against 0.7).
    spec = TaskSpec(name, max_tokens=700, temperature=0.2, repeat_penalty=1.1, frequency_penalty=0.2)
    wanted = WANTED
    rounds = 1

    def library(self, inputs: TaskInputs):
        return inputs.requirement_library or load_default_requirement_library()

    def candidates(self, inputs: TaskInputs) -> list[grounding.Candidate]:
        brief = grounding.brief_text(inputs.project, inputs.brief)
        if not brief:
            raise ValueError("the requirements task needs a product brief")
        language = project_language(inputs, None)
        found = grounding.requirement_candidates(
            self.library(inputs), inputs.project, brief, language, OFFERED, exclude=inputs.drafted
        )
        if not found:
            raise LookupError("no library requirement fits this brief, and it is already in the project")
        return found

    def preview(self, inputs: TaskInputs) -> list[Suggestion]:
        """The library's best matches as they are: shown the moment Generate is pressed."""
        language = project_language(inputs, None)
        return [self._suggestion(c, language) for c in self.candidates(inputs)[:WANTED]]

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        brief = grounding.brief_text(inputs.project, inputs.brief)[:1500]
        shown = grounding.shuffled(self.candidates(inputs), brief)
        lines = "\n".join(f"{c.key}: {c.entry.text('title', language)}" for c in shown)
        return prompt_messages(self.name, language, brief=brief, candidates=lines)

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        assert inputs is not None
        ids = [c.key for c in self.candidates(inputs)]
        fields: dict[str, dict] = {"base": {"enum": [*ids, NEW]}}
        if writes_titles(project_language(inputs, None), inputs.model_parameters):
            fields["title"] = string_schema(TITLE_LEN)
        if writes_reasons(inputs.model_parameters):
            fields["why"] = string_schema(WHY_LEN)
        # At least five items: a small model stops after one when it may.
        return list_schema(
            "requirements", object_schema(fields), len(ids) + NEW_MAX, min_items=min(WANTED - 1, len(ids))
        )

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        assert inputs is not None
        result = TaskResult(self.name)
        language = project_language(inputs, None)
        candidates = self.candidates(inputs)
        by_id = {c.key: c for c in candidates}
        brief = grounding.brief_text(inputs.project, inputs.brief)
        chosen: dict[str, Suggestion] = {}
        new: list[Suggestion] = []
        whys: list[str] = []
        titles = [r.title for r in inputs.project.requirements] if inputs.project else []
        for label, base, data in picks(text, "requirements", "base", by_id, result, "requirement", extra=(NEW,)):
            if base == NEW:
                suggestion = self._new(data, brief, language, titles, whys, label, result.dropped)
                if suggestion is not None and len(new) < NEW_MAX:
                    new.append(suggestion)
                    titles.append(suggestion.value.title)
                continue
            candidate = by_id[base]
            pattern: Pattern = candidate.entry
            # A rewritten title keeps the entry's meaning (shares its words) and is no other entry's title;
            # a reason is about this product (shares the brief's words) and names no entry.
            others = titles + [c.entry.text("title", language) for c in candidates if c.key != base]
            title = acceptable_title(
                data.get("title"),
                language,
                [pattern.text("title", language)],  # keeps the entry's meaning: shares its title's words
                others,
                label,
                result.dropped,
                base=pattern.text("title", language),
                brief=brief,
                limit=TITLE_LEN,
            )
            why = acceptable_why(
                data.get("why"), language, [brief], [*whys, *others], label, result.dropped, limit=WHY_LEN
            )
            suggestion = self._suggestion(candidate, language, title, why)
            if title or why:
                suggestion.origin = ADAPTED
            titles.append(suggestion.value.title)
            whys.append(suggestion.why)
            chosen[base] = suggestion
        result.complete = result.complete or not text.strip()
        result.suggestions = self._assemble(candidates, chosen, language) + new
        return result

    def _assemble(self, candidates: list[grounding.Candidate], chosen: dict[str, Suggestion], language: str) -> list:
        """Retrieval decides what is suggested: its best WANTED entries always, adapted where the model
        addressed them, then at most EXTRA more the model picked that share the brief's words. A small
        model's picks follow the order it reads (all first options in the evaluation), so a pick alone
        neither adds a weak entry nor drops a strong one."""
        out = [chosen.get(c.key) or self._suggestion(c, language) for c in candidates[:WANTED]]
        extra = [chosen[c.key] for c in candidates[WANTED:] if c.key in chosen and c.matched]
        return out + extra[:EXTRA]

    def _suggestion(
        self, candidate: grounding.Candidate, language: str, title: str | None = None, why: str | None = None
    ) -> Suggestion:
        pattern: Pattern = candidate.entry
        w = wording(language)
        if why is None:
            if candidate.matched:
                why = w("why.matches", words=w.join(candidate.matched[:4]))
            elif pattern.domain == COMMON:
                why = w["why.common"]
            else:
                why = ""
        return Suggestion(pattern.to_requirement(language, title), LIBRARY, pattern.id, tuple(candidate.matched), why)

    def _new(
        self,
        data: dict,
        brief: str,
        language: str,
        titles: list[str],
        whys: list[str],
        label: str,
        dropped: list[str],
    ) -> Suggestion | None:
        """A requirement of the model's own: kept only when its title shares the brief's words."""
        title = acceptable_title(data.get("title"), language, [brief], titles, label, dropped, limit=TITLE_LEN)
        if title is None:
            return None
        matched = grounding.relevant_words(title, brief)
        if not matched:
            dropped.append(f"{label}: a new requirement that shares no word with the brief")
            return None
        why = acceptable_why(data.get("why"), language, [brief], whys, label, dropped, limit=WHY_LEN) or ""
        return Suggestion(Requirement(title=title, description=why), NEW, "", matched, why)
