"""The assistant's tasks: the messages, JSON schema and sampling each one sends, and the parser that
turns the model's (possibly cut-off) output into reviewable suggestions. No Qt, no llama_cpp."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.phases import PHASES
from ..domain.requirement import LLM_FITS, VALUE_LEVERS, Requirement
from ..domain.risk import Risk
from ..domain.timeline import TimelineItem
from ..wording import FALLBACK, languages
from .json_salvage import salvage
from .task_base import (
    CONFIDENCES,
    IMPACTS,
    MAX_EFFORT_WEEKS,
    MAX_PLANNED_DAYS,
    PROMPT_REQUIREMENTS_MAX,
    REQUIREMENT_TITLE_LEN,
    RISKS_MAX,
    SENTENCE_LEN,
    SHORT_LEN,
    STORY_CRITERIA_MAX,
    TIMELINE_MAX,
    TITLE_LEN,
    FieldChanges,
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    list_items,
    list_schema,
    load_prompt,
    numbered_requirements,
    object_schema,
    product_line,
    project_language,
    prompt_messages,
    prompt_wording,
    requirement_lines,
    set_field,
    string_schema,
    strings_schema,
    text_of,
    texts_of,
)
from .titles import (
    Titles,
    copies_example,
    example_texts,
    example_titles,
    last_sentence_end,
    normalise_title,
    sentences,
    similar,
)


@dataclass(frozen=True)
class LibraryRisk:
    id: str
    title: dict[str, str]
    category: str
    mitigations: tuple[str, ...]


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


def library_entries(library: object) -> list[LibraryRisk]:
    """Normalise a RiskLibrary (or a list of dicts/objects) to LibraryRisk entries."""
    if library is None:
        return []
    risks = getattr(library, "risks", library)
    if callable(risks):
        risks = risks()
    if isinstance(risks, dict):
        risks = list(risks.values())
    entries = []
    for risk in risks:  # type: ignore[union-attr]

        def get(name: str, default: object = "", risk: object = risk) -> object:
            if isinstance(risk, dict):
                return risk.get(name, default)
            return getattr(risk, name, default)

        title = get("title")
        titles = dict(title) if isinstance(title, dict) else {FALLBACK: str(title)}
        mitigations: list[str] = []
        for m in get("mitigations", ()) or ():  # type: ignore[union-attr]
            mitigations.append(m if isinstance(m, str) else str(_by_language(m, FALLBACK)))
        category = get("category")
        entries.append(
            LibraryRisk(
                str(get("id")),
                titles,
                category if isinstance(category, str) else str(_by_language(category, FALLBACK)),
                tuple(mitigations),
            )
        )
    return entries


def _by_language(value: object, language: str) -> object:
    if isinstance(value, dict):
        return value.get(language) or value.get(FALLBACK) or next(iter(value.values()), "")
    return getattr(value, language, None) or getattr(value, FALLBACK, None) or value


def _library_risk(library: object, rid: str) -> object | None:
    """The full library entry when ``library`` is a RiskLibrary (not a plain list, as in tests)."""
    if not (hasattr(library, "to_risk") and hasattr(library, "by_id")):
        return None
    try:
        return library.by_id(rid)  # type: ignore[union-attr]
    except KeyError:
        return None


def _mitigations(library: object, entry: LibraryRisk, language: str) -> list[str]:
    """Mitigations in the project language when the library offers them."""
    for risk in getattr(library, "risks", library) or ():
        rid = risk.get("id") if isinstance(risk, dict) else getattr(risk, "id", None)
        if rid == entry.id:
            raw = risk.get("mitigations", ()) if isinstance(risk, dict) else getattr(risk, "mitigations", ())
            return [str(_by_language(m, language)) for m in raw or ()]
    return list(entry.mitigations)


class RisksTask(Task):
    name = "risks"
    spec = TaskSpec(name, max_tokens=600, temperature=0.3)
    wanted = 5
    rounds = 2

    def _library(self, inputs: TaskInputs | None) -> list[LibraryRisk]:
        entries = library_entries(inputs.library if inputs else None)
        if not entries:
            raise ValueError("the risks task needs the risk library")
        return entries

    def _offered(self, inputs: TaskInputs | None) -> list[LibraryRisk]:
        """Library risks not yet in the project or suggested by an earlier round: the model can only
        pick new ones, because the schema's id enum lists only these."""
        entries = self._library(inputs)
        taken = [r.title for r in inputs.project.risks] if inputs and inputs.project else []
        taken += list(inputs.drafted) if inputs else []
        taken_norm = {normalise_title(t) for t in taken}
        offered = [e for e in entries if not any(normalise_title(t) in taken_norm for t in e.title.values())]
        if not offered:
            raise ValueError("every risk in the library is already in the project")
        return offered

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        entries = self._offered(inputs)
        project = inputs.project
        lines = []
        if project:
            lines.extend(f"- {r.title}" for r in project.requirements[:PROMPT_REQUIREMENTS_MAX])
            phases = sorted({i.phase for i in project.items if i.phase})
            if phases:
                lines.append(prompt_wording(self.name, language)("prompt.phases", text=", ".join(phases)))
        library = "\n".join(f"{e.id}: {_by_language(e.title, language)}" for e in entries)
        return prompt_messages(
            self.name,
            language,
            product=product_line(project),
            roadmap="\n".join(lines) or "-",
            library=library,
            count=min(self.wanted, len(entries)),
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        ids = [e.id for e in self._offered(inputs)]
        item = object_schema(
            {
                "id": {"enum": ids},  # the model cannot invent a risk outside the library
                "likelihood": {"enum": [1, 2, 3, 4, 5]},
                "impact": {"enum": [1, 2, 3, 4, 5]},
                "why": string_schema(SENTENCE_LEN - 40),
            }
        )
        return list_schema("risks", item, min(RISKS_MAX, len(ids)))

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        entries = {e.id: e for e in self._library(inputs)}
        project = inputs.project if inputs else None
        language = project.info.language if project and project.info.language in languages() else FALLBACK
        titles = Titles([r.title for r in project.risks] if project else [], (), inputs.drafted if inputs else [])
        copied = example_texts(self.name, language)
        seen: dict[str, str] = {}
        for position, data in list_items(text, "risks", result, "risk"):
            label = f"risk {position}"
            rid = data.get("id")
            entry = entries.get(rid) if isinstance(rid, str) else None
            if entry is None:
                result.dropped.append(f"{label}: {rid!r} is not a library risk id")
                continue
            if rid in seen:
                result.dropped.append(f"{label} repeats {seen[rid]} ({rid})")
                continue
            title = str(_by_language(entry.title, language))
            if titles.repeat_of(title):
                result.dropped.append(f"{label}: {rid} is already in the project")
                continue
            library = inputs.library if inputs else None
            full = _library_risk(library, rid)
            if full is not None:  # a RiskLibrary: its own labels, description and mitigations
                risk = library.to_risk(full, language)  # type: ignore[union-attr]
            else:
                risk = Risk(title=title, category=entry.category)
                risk.set("mitigation", "\n".join(_mitigations(library, entry, language)))
            if not set_field(risk, "likelihood", data.get("likelihood"), label, result.dropped, required=True):
                continue
            if not set_field(risk, "impact", data.get("impact"), label, result.dropped, required=True):
                continue
            why = text_of(data.get("why"), SENTENCE_LEN * 2) or ""
            if why and copies_example(why, copied):
                why = ""  # the example's reason is about another product
            head = prompt_wording(self.name, language)("prompt.why_here", text=why) if why else ""
            risk.set("description", "\n\n".join(p for p in (head, risk.description, f"[{rid}]") if p))
            risk.validate()
            seen[rid] = label
            titles.add(title, label)
            result.suggestions.append(risk)
        return result


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


TASKS: dict[str, Task] = {
    task.name: task
    for task in (RequirementsTask(), UserStoryTask(), PrioritiesTask(), TimelineTask(), RisksTask(), SummaryTask())
}


def get_task(name: str) -> Task:
    try:
        return TASKS[name]
    except KeyError:
        raise ValueError(f"unknown task {name!r}; choose from {', '.join(TASKS)}") from None


def task_names() -> Sequence[str]:
    return tuple(TASKS)
