"""The priorities task: every framework's scoring inputs for the project's requirements, from the
requirement library's levels, which the model may move by one step.

For each requirement (numbered 1..n in the prompt: small models mangle UUIDs) retrieval finds the
library pattern it most likely came from (grounding.pattern_for on its title and description); the
pattern's score levels and effort range are where its scores start, shown at once (``preview``). A
requirement no pattern fits starts from medium levels and 2-8 weeks (scoring_levels.DEFAULT_EFFORT_WEEKS)
and its reason says so. The model then picks, per requirement, a level (low / medium / high) for reach,
impact, confidence and effort under a schema that names every requirement once; a level more than one
step from the library's is moved back to one step (and the clamp is reported), and a level the model
gives every requirement alike (three or more) is left out: it tells none apart (SmolLM2-135M gave every
requirement reach medium, impact high and confidence low for two of three briefs). Every number comes from
domain/scoring_levels.py: RICE, ICE, WSJF and value/effort inputs all, so the project's framework and
any other it switches to are scored. Impact moves value with it, effort moves ease the other way, so
the frameworks agree (docs/assistant-libraries.md, "Scores from levels").

The reason beside each suggestion is computed from its levels and the pattern, in the project's
language; a model large enough to write reasons (text_checks.writes_reasons) may give its own sentence,
checked and never repeated across requirements.

Inputs already there: a requirement that has scoring inputs (typed by the founder, or an earlier run's)
still gets a suggestion, and its note names each current value it would replace; the founder decides in
the review list. We suggest rather than skip because earlier free-drafted runs wrote figures such as a
reach of 2,154,896,137 into projects, and skipping would keep them for good. MoSCoW is filled from the
pattern only where it is empty: a category is a decision, not an estimate. Weighted scoring and dot votes
need the team's criteria and votes, so they are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain import scoring_levels
from ...domain.requirement import Requirement
from ...domain.requirement_library import Pattern, RequirementLibrary
from ...domain.scoring_levels import LEVELS
from ...persistence.requirement_library_file import load_default_requirement_library
from ...wording import Wording, wording
from .. import grounding
from ..json_salvage import salvage
from ..suggestions import ADAPTED, FACTS, LIBRARY, MODEL, Suggestion
from ..task_base import (
    FieldChanges,
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    numbered_requirements,
    object_schema,
    product_line,
    project_language,
    prompt_messages,
    prompt_wording,
    string_schema,
)
from ..text_checks import acceptable_why, tidy, writes_reasons

CHOSEN = ("reach", "impact", "confidence", "effort")  # the levels the model picks per requirement
DEFAULT = "medium"
WHY_LEN = 120  # one short sentence
UNIFORM_MIN = 3  # one level given to at least this many requirements, and to all, is no judgement
BRIEF_LEN = 600  # of the brief in the prompt: enough to say what the product is


@dataclass(frozen=True)
class Basis:
    """Where a requirement's scores start: its library pattern's levels and effort range, or the defaults."""

    pattern: Pattern | None
    levels: dict[str, str]  # scoring_levels.FIELDS_OF names -> level
    effort_range: tuple[float, float]
    matched: tuple[str, ...]  # the requirement's words the pattern shares


def basis_for(library: RequirementLibrary, requirement: Requirement, language: str) -> Basis:
    text = f"{requirement.title} {requirement.description}"
    pattern = grounding.pattern_for(library, text, language)
    if pattern is None:
        levels = dict.fromkeys(scoring_levels.FIELDS_OF, DEFAULT)
        return Basis(None, levels, scoring_levels.DEFAULT_EFFORT_WEEKS, ())
    matched = grounding.relevant_words(text, pattern.words(language))
    return Basis(pattern, dict(pattern.scores), pattern.effort_weeks, matched)


def levels_from(basis: Basis, chosen: dict[str, str]) -> dict[str, str]:
    """Every level: the model's choices over the basis; value follows impact, ease goes against effort."""
    levels = dict(basis.levels)
    for name in ("reach", "impact", "confidence"):
        levels[name] = chosen.get(name, basis.levels[name])
    moved = LEVELS.index(levels["impact"]) - LEVELS.index(basis.levels["impact"])
    levels["value"] = scoring_levels.shifted(basis.levels["value"], moved)
    harder = LEVELS.index(chosen.get("effort", DEFAULT)) - LEVELS.index(DEFAULT)
    levels["ease"] = scoring_levels.shifted(basis.levels["ease"], -harder)
    return levels


def numbers_from(basis: Basis, chosen: dict[str, str]) -> dict[str, float]:
    """The scoring fields of every framework for the basis and the model's (already bounded) choices."""
    weeks = scoring_levels.effort_weeks(*basis.effort_range, chosen.get("effort", DEFAULT))
    return scoring_levels.scoring_fields(levels_from(basis, chosen), weeks)


class PrioritiesTask(Task):
    name = "priorities"
    # Enum choices only; low temperature: the library's levels are the default the model departs from.
    spec = TaskSpec(name, max_tokens=1600, temperature=0.2, frequency_penalty=0.0, presence_penalty=0.0)

    def library(self, inputs: TaskInputs) -> RequirementLibrary:
        return inputs.requirement_library or load_default_requirement_library()

    def _requirements(self, inputs: TaskInputs | None) -> list[Requirement]:
        if inputs is None or inputs.project is None or not inputs.project.requirements:
            raise ValueError("the priorities task needs requirements")
        return list(inputs.project.requirements)

    def bases(self, inputs: TaskInputs, language: str) -> list[tuple[Requirement, Basis]]:
        library = self.library(inputs)
        return [(req, basis_for(library, req, language)) for req in self._requirements(inputs)]

    def preview(self, inputs: TaskInputs) -> list[Suggestion]:
        """The library's levels for every requirement (the defaults where no pattern fits)."""
        language = project_language(inputs, None)
        whys: list[str] = []
        return [self._suggestion(req, basis, {}, language, whys) for req, basis in self.bases(inputs, language)]

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        self._requirements(inputs)
        w = prompt_wording(self.name, language)
        bases = {req.id: basis for req, basis in self.bases(inputs, project_language(inputs, None))}
        lines = []
        for n, req in numbered_requirements(inputs.project):
            basis = bases[req.id]
            if basis.pattern is None:
                lines.append(w("prompt.priorities.default", n=n, title=req.title))
            else:
                lines.append(w("prompt.priorities.library", n=n, title=req.title, **basis.levels))
        brief = grounding.brief_text(inputs.project, inputs.brief)
        if brief == (inputs.project.info.description or "").strip():
            brief = ""  # the product line already says it
        return prompt_messages(
            self.name,
            language,
            product=product_line(inputs.project),
            brief=w("prompt.brief_line", text=" ".join(brief.split())[:BRIEF_LEN]) if brief else "",
            requirements="\n".join(lines),
            why=w["prompt.priorities.why"] if writes_reasons(inputs.model_parameters) else "",
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        # One member per requirement number, all required, in order: the grammar itself rules out a
        # missing, repeated or unknown requirement.
        numbered = numbered_requirements(inputs.project if inputs else None)
        fields: dict[str, dict] = {name: {"enum": list(LEVELS)} for name in CHOSEN}
        if inputs is not None and writes_reasons(inputs.model_parameters):
            fields["why"] = string_schema(WHY_LEN)
        return object_schema({str(n): object_schema(fields) for n, _ in numbered})

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        assert inputs is not None
        language = project_language(inputs, None)
        bases = self.bases(inputs, language)
        basis_of = {req.id: basis for req, basis in bases}
        by_number = {str(n): req for n, req in numbered_requirements(inputs.project)}
        picks: dict[str, dict[str, str]] = {}
        replies: dict[str, dict] = {}
        root = salvage(text)
        if root.kind == "object":
            result.complete = root.complete
            for key, part in root.members.items():
                label = f"requirement {key}"
                if key not in by_number:
                    result.dropped.append(f"{key!r} is not the number of a listed requirement")
                elif not part.complete:
                    result.dropped.append(f"{label} was cut off; the library's levels are kept")
                elif part.kind != "object":
                    result.dropped.append(f"{label} is not an object; the library's levels are kept")
                else:
                    data = part.to_python()
                    assert isinstance(data, dict)
                    replies[key] = data
                    picks[key] = self._levels(data, label, result.dropped)
            if not root.complete and not any(p.complete for p in root.members.values()):
                result.dropped.append("the output was cut off before its first requirement")
        elif text.strip():
            result.dropped.append(f"the output held no JSON object ({root.error or root.kind})")
        else:
            result.complete = True  # nothing yet: the library's levels stand
        starts = {key: {**basis_of[req.id].levels, "effort": DEFAULT} for key, req in by_number.items()}
        self._judged(picks, starts, result.dropped)
        brief = grounding.brief_text(inputs.project, inputs.brief)
        numbers = {req.id: str(n) for n, req in numbered_requirements(inputs.project)}
        whys: list[str] = []
        for req, basis in bases:
            key = numbers.get(req.id, "")
            chosen = self._bounded(picks.get(key, {}), starts.get(key, {}), f"requirement {key}", result.dropped)
            data = replies.get(key, {})
            why = None
            if writes_reasons(inputs.model_parameters) and data.get("why") is not None:
                label = f"requirement {numbers[req.id]}"
                about = [brief, f"{req.title} {req.description}"]
                why = acceptable_why(data.get("why"), language, about, whys, label, result.dropped, limit=WHY_LEN)
                if why is None and tidy(data.get("why"), WHY_LEN) is None:
                    result.dropped.append(f"{label}: the reason is empty or not text; a computed one is shown")
            result.suggestions.append(self._suggestion(req, basis, chosen, language, whys, why))
        return result

    def _levels(self, data: dict, label: str, dropped: list[str]) -> dict[str, str]:
        """The model's levels that are level words at all."""
        picks: dict[str, str] = {}
        for name in CHOSEN:
            raw = data.get(name)
            if raw is None:
                continue
            level = raw.strip().lower() if isinstance(raw, str) else None
            if level in LEVELS:
                picks[name] = level
            else:
                shown = repr(raw) if len(repr(raw)) <= 40 else repr(raw)[:37] + "..."
                dropped.append(f"{label}: {name} {shown} is not low, medium or high; the library's level is kept")
        return picks

    def _judged(self, picks: dict[str, dict[str, str]], starts: dict[str, dict[str, str]], dropped: list[str]) -> None:
        """Leave out a level the model gave every requirement alike (three or more): that is the model
        repeating one word, not telling requirements apart (a 135M model gave every requirement reach
        medium and confidence low), and it would flatten the library's differences."""
        if len(picks) < UNIFORM_MIN:
            return
        for name in CHOSEN:
            given = {key: levels[name] for key, levels in picks.items() if name in levels}
            if len(given) < UNIFORM_MIN or len(set(given.values())) != 1:
                continue
            level = next(iter(given.values()))
            if any(starts[key].get(name, DEFAULT) != level for key in given):
                dropped.append(
                    f"the model gave {name} {level!r} to every requirement, which tells none apart; "
                    "the library's levels are kept"
                )
            for key in given:
                del picks[key][name]

    def _bounded(self, picks: dict[str, str], start: dict[str, str], label: str, dropped: list[str]) -> dict[str, str]:
        """The model's levels moved back to at most one step from the library's (and reported when moved)."""
        chosen: dict[str, str] = {}
        for name, level in picks.items():
            origin = start.get(name, DEFAULT)
            steps = LEVELS.index(level) - LEVELS.index(origin)
            if abs(steps) > 1:
                kept = scoring_levels.shifted(origin, 1 if steps > 0 else -1)
                shown = f"{name} {level!r} is two steps from the library's {origin!r}"
                dropped.append(f"{label}: {shown}; {kept!r} is used")
                level = kept
            chosen[name] = level
        return chosen

    def _suggestion(
        self,
        req: Requirement,
        basis: Basis,
        chosen: dict[str, str],
        language: str,
        whys: list[str],
        why: str | None = None,
    ) -> Suggestion:
        w = wording(language)
        values: dict[str, object] = dict(numbers_from(basis, chosen))
        if basis.pattern is not None and not req.moscow:
            values["moscow"] = basis.pattern.moscow
        start = {**basis.levels, "effort": DEFAULT}
        adapted = why is not None or any(chosen.get(name, start[name]) != start[name] for name in CHOSEN)
        if why is None:
            why = self._computed_why(w, req, basis, chosen, values, whys)
        whys.append(why)
        origin = (ADAPTED if adapted else LIBRARY) if basis.pattern else (MODEL if adapted else FACTS)
        note = self._note(w, req, values)
        return Suggestion(
            FieldChanges("requirement", req.id, values, note),
            origin,
            basis.pattern.id if basis.pattern else "",
            basis.matched,
            why,
        )

    def _computed_why(
        self, w: Wording, req: Requirement, basis: Basis, chosen: dict[str, str], values: dict, whys: list[str]
    ) -> str:
        parts = []
        for name in ("reach", "impact", "confidence"):
            level = chosen.get(name, basis.levels[name])
            words = {"name": w[f"priorities.name.{name}"], "level": w[f"priorities.level.{level}"]}
            if level != basis.levels[name] and basis.pattern is not None:
                library = w[f"priorities.level.{basis.levels[name]}"]
                parts.append(w("priorities.level_changed", **words, library=library))
            else:
                parts.append(w("priorities.level", **words))
        parts.append(w("priorities.effort", weeks=w.around_latin(w.number(values["effort"]))))
        levels = w.join(parts)
        if basis.pattern is None:
            low, high = (w.number(x) for x in basis.effort_range)
            why = w("priorities.why_default", title=req.title, levels=levels, low=low, high=high)
        else:
            title = basis.pattern.text("title", w.code)
            why = w("priorities.why", levels=levels, id=basis.pattern.id, title=title)
        why = why[:1].upper() + why[1:]
        if why in whys:  # two requirements from one pattern: say which this one is
            why = w("priorities.why_for", why=why, title=req.title)
        return why

    def _note(self, w: Wording, req: Requirement, values: dict[str, object]) -> str:
        """The requirement's title, and the current values the suggestion would replace."""
        replaced = []
        for name, value in values.items():
            current = getattr(req, name)
            if current not in (None, "") and current != value:
                shown = w.choice(current) if name == "moscow" else w.number(current)
                replaced.append(w("priorities.current", name=w[f"field.{name}"], value=shown))
        if not replaced:
            return req.title
        return w("priorities.replaces", title=req.title, values=w.join(replaced))
