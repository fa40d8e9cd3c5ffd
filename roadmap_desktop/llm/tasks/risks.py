"""The risks task: risks from the built-in library that apply to this product and matter most for it.

Retrieval ranks the library against the brief and the roadmap, after the applicability tags have
left out risks tied to a place, a deployment or a kind of data the product does not have (no PIPL for
a Kenyan farm app); the best matches show at once. The model sees them in a shuffled order and keeps
the ones that matter, each with one sentence why; a reason that names another place's law, repeats
another, or is not about this product is replaced by a computed one. Likelihood and impact are the
library's defaults: the model gives no numbers.
"""

from __future__ import annotations

from ...domain.risk_library import LibraryRisk, RiskLibrary
from ...persistence.requirement_library_file import load_default_requirement_library
from ...persistence.risk_library_file import load_default_risk_library
from ...wording import wording
from .. import grounding
from ..suggestions import ADAPTED, LIBRARY, Suggestion
from ..task_base import (
    PROMPT_REQUIREMENTS_MAX,
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    list_schema,
    object_schema,
    picks,
    product_line,
    project_language,
    prompt_messages,
    prompt_wording,
    string_schema,
)
from ..text_checks import acceptable_why, writes_reasons

OFFERED = 8
WANTED = 5
WHY_LEN = 120


class RisksTask(Task):
    name = "risks"
    spec = TaskSpec(name, max_tokens=500, temperature=0.2)
    wanted = WANTED
    rounds = 1

    def _library(self, inputs: TaskInputs) -> RiskLibrary:
        library = inputs.library or load_default_risk_library()
        if not isinstance(library, RiskLibrary):
            raise ValueError("the risks task needs the risk library")
        return library

    def _linked(self, inputs: TaskInputs, language: str) -> list[str]:
        """Risk ids the requirement library names for the project's requirements."""
        if inputs.project is None or not inputs.project.requirements:
            return []
        patterns = inputs.requirement_library or load_default_requirement_library()
        ids: list[str] = []
        for req in inputs.project.requirements:
            pattern = grounding.pattern_for(patterns, f"{req.title} {req.description}", language)
            ids += [r for r in (pattern.risks if pattern else ()) if r not in ids]
        return ids

    def candidates(self, inputs: TaskInputs) -> list[grounding.Candidate]:
        language = project_language(inputs, None)
        found = grounding.risk_candidates(
            self._library(inputs),
            inputs.project,
            inputs.brief,
            language,
            OFFERED,
            exclude=inputs.drafted,
            linked=self._linked(inputs, language),
        )
        if not found:
            raise LookupError("every library risk that applies to this product is already in the project")
        return found

    def preview(self, inputs: TaskInputs) -> list[Suggestion]:
        language = project_language(inputs, None)
        return [self._suggestion(inputs, c, language) for c in self.candidates(inputs)[:WANTED]]

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        project = inputs.project
        lines = []
        if brief := grounding.brief_text(project, inputs.brief):
            lines.append(brief[:800])
        if project is not None:
            lines.extend(f"- {r.title}" for r in project.requirements[:PROMPT_REQUIREMENTS_MAX])
            phases = sorted({i.phase for i in project.items if i.phase})
            if phases:
                lines.append(prompt_wording(self.name, language)("prompt.phases", text=", ".join(phases)))
        shown = grounding.shuffled(self.candidates(inputs), grounding.project_query(project, inputs.brief))
        risks = "\n".join(f"{c.key}: {c.entry.title_in(language)}" for c in shown)
        return prompt_messages(
            self.name, language, product=product_line(project), roadmap="\n".join(lines) or "-", candidates=risks
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        assert inputs is not None
        ids = [c.key for c in self.candidates(inputs)]
        fields: dict[str, dict] = {"base": {"enum": ids}}  # the model cannot invent a risk
        if writes_reasons(inputs.model_parameters):
            fields["why"] = string_schema(WHY_LEN)
        return list_schema("risks", object_schema(fields), len(ids), min_items=min(3, len(ids)))

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        assert inputs is not None
        result = TaskResult(self.name)
        language = project_language(inputs, None)
        candidates = self.candidates(inputs)
        by_id = {c.key: c for c in candidates}
        about = grounding.project_query(inputs.project, inputs.brief)
        if inputs.project is not None:
            about += "\n" + "\n".join(r.title for r in inputs.project.requirements)
        places = grounding.jurisdictions(about, language)
        chosen: dict[str, Suggestion] = {}
        whys: list[str] = []
        for label, base, data in picks(text, "risks", "base", by_id, result, "risk"):
            entry: LibraryRisk = by_id[base].entry
            own = f"{entry.title_in(language)} {entry.description_in(language)}"
            # About this product (the brief's words) and about this risk (its own), naming no other law.
            why = acceptable_why(
                data.get("why"), language, [about], whys, label, result.dropped, places=places, limit=WHY_LEN
            )
            if why and not grounding.relevant_words(why, own):
                result.dropped.append(f"{label}: the reason is about another risk; a computed one is shown")
                why = None
            suggestion = self._suggestion(inputs, by_id[base], language, why)
            whys.append(suggestion.why)
            chosen[base] = suggestion
        result.complete = result.complete or not text.strip()
        out = [chosen[c.key] for c in candidates if c.key in chosen]
        out += [self._suggestion(inputs, c, language) for c in candidates if c.key not in chosen]
        result.suggestions = out[: max(WANTED, len(chosen))]
        return result

    def _suggestion(
        self, inputs: TaskInputs, candidate: grounding.Candidate, language: str, why: str | None = None
    ) -> Suggestion:
        library = self._library(inputs)
        entry: LibraryRisk = candidate.entry
        w = wording(language)
        origin = ADAPTED if why else LIBRARY
        if why is None:
            words = candidate.matched[:4]
            why = w("why.risk_matches", words=w.join(words)) if words else w["why.risk_common"]
        risk = library.to_risk(entry, language)
        head = prompt_wording(self.name, language)("prompt.why_here", text=why)
        risk.set("description", "\n\n".join(p for p in (head, risk.description, f"[{entry.id}]") if p))
        risk.validate()
        return Suggestion(risk, origin, entry.id, tuple(candidate.matched), why)
