"""The risks task: risks from the built-in library that fit the roadmap."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.risk import Risk
from ...wording import FALLBACK, languages
from ..task_base import (
    PROMPT_REQUIREMENTS_MAX,
    RISKS_MAX,
    SENTENCE_LEN,
    Task,
    TaskInputs,
    TaskResult,
    TaskSpec,
    list_items,
    list_schema,
    object_schema,
    product_line,
    project_language,
    prompt_messages,
    prompt_wording,
    set_field,
    string_schema,
    text_of,
)
from ..titles import (
    Titles,
    copies_example,
    example_texts,
    normalise_title,
)


@dataclass(frozen=True)
class LibraryRisk:
    id: str
    title: dict[str, str]
    category: str
    mitigations: tuple[str, ...]


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
