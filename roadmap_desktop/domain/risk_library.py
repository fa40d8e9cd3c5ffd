"""The bundled AI-startup risk library (seed inventory section 3): bilingual risks with categories,
mitigations and phases, parsed and checked from plain data, and turned into register ``Risk``s.

Pure: no file access here. ``roadmap_desktop.persistence.risk_library_file`` reads the JSON file and
hands the decoded dict to :func:`parse_risk_library`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .phases import PHASES
from .risk import Risk

LIBRARY_FORMAT = "roadmap-desktop-risk-library"
LIBRARY_VERSION = 1
LANGUAGES = ("en", "zh")
SOURCES = ("seeds", "added")
VALID_PHASES: tuple[str, ...] = tuple(p.code for p in PHASES)
BULLET = "• "
# Applicability tags (docs/assistant-libraries.md): an empty tuple means "anywhere / any".
JURISDICTIONS = ("CN", "EU", "US")  # a law of one place (PIPL, the EU AI Act ...) applies only there
DEPLOYMENTS = ("cloud", "on_premises", "edge")
DATA_KINDS = ("personal", "health", "financial", "children", "biometric", "voice", "images", "text", "content")


def _pick(text: Mapping[str, str], language: str) -> str:
    return text.get(language) or text["en"]


@dataclass(frozen=True)
class LibraryRisk:
    id: str
    source: str  # "seeds" (seed inventory R01-R22) or "added"
    category: str  # a code of RiskLibrary.categories
    title: Mapping[str, str]  # {"en": ..., "zh": ...}
    description: Mapping[str, str]
    mitigations: tuple[str, ...]  # ids of RiskLibrary.mitigations
    phases: tuple[str, ...]  # P0-P7
    default_likelihood: int
    default_impact: int
    jurisdictions: tuple[str, ...] = ()  # JURISDICTIONS the risk is tied to; () = anywhere
    deployments: tuple[str, ...] = ()  # DEPLOYMENTS it concerns; () = any
    data_kinds: tuple[str, ...] = ()  # DATA_KINDS it concerns; () = any

    def title_in(self, language: str) -> str:
        return _pick(self.title, language)

    def description_in(self, language: str) -> str:
        return _pick(self.description, language)


@dataclass(frozen=True, eq=False)  # hashed by identity: indexes are cached per library
class RiskLibrary:
    risks: tuple[LibraryRisk, ...]
    mitigations: Mapping[str, Mapping[str, str]]  # id -> {"en", "zh"}
    categories: Mapping[str, Mapping[str, str]]  # code -> {"en", "zh"}
    notes: Mapping[str, str]

    def by_id(self, risk_id: str) -> LibraryRisk:
        for risk in self.risks:
            if risk.id == risk_id:
                return risk
        raise KeyError(f"the risk library has no risk {risk_id!r}")

    def category_label(self, code: str, language: str) -> str:
        return _pick(self.categories[code], language)

    def mitigation_label(self, mitigation_id: str, language: str) -> str:
        return _pick(self.mitigations[mitigation_id], language)

    def search(self, text: str, language: str = "en") -> list[LibraryRisk]:
        """Risks whose id, title, description or category label (in either language) contain every
        whitespace-separated term of ``text``, case-insensitively; all risks for a blank query.
        Risks matching in ``language`` itself come first; otherwise library order is kept."""
        terms = text.casefold().split()
        if not terms:
            return list(self.risks)
        first: list[LibraryRisk] = []
        second: list[LibraryRisk] = []
        for risk in self.risks:
            if not all(term in self._haystack(risk, LANGUAGES) for term in terms):
                continue
            own = self._haystack(risk, (language,))
            (first if all(term in own for term in terms) else second).append(risk)
        return first + second

    def _haystack(self, risk: LibraryRisk, languages: tuple[str, ...]) -> str:
        parts = [risk.id]
        for lang in languages:
            parts += [risk.title.get(lang, ""), risk.description.get(lang, "")]
            parts.append(self.categories[risk.category].get(lang, ""))
        return "\n".join(parts).casefold()

    def mitigation_text(self, risk: LibraryRisk, language: str) -> str:
        return "\n".join(BULLET + self.mitigation_label(m, language) for m in risk.mitigations)

    def to_risk(self, risk: LibraryRisk, language: str = "en") -> Risk:
        """A new, open register entry filled from the library entry in ``language``."""
        return Risk(
            title=risk.title_in(language),
            category=self.category_label(risk.category, language),
            likelihood=risk.default_likelihood,
            impact=risk.default_impact,
            status="open",
            description=risk.description_in(language),
            mitigation=self.mitigation_text(risk, language),
        )


# -- parsing and validation ---------------------------------------------------------------------


def parse_risk_library(data: object) -> RiskLibrary:
    """Build a RiskLibrary from decoded JSON; raise ValueError naming the first problem found."""
    if not isinstance(data, dict):
        raise ValueError("risk library: the top level must be an object")
    if data.get("format") != LIBRARY_FORMAT:
        raise ValueError(f"risk library: 'format' must be {LIBRARY_FORMAT!r}, not {data.get('format')!r}")
    version = data.get("version")
    if version != LIBRARY_VERSION or isinstance(version, bool):
        raise ValueError(f"risk library: unsupported version {version!r} (this app reads {LIBRARY_VERSION})")

    notes = _bilingual(data.get("notes", {"en": "-", "zh": "-"}), "notes")
    categories = _bilingual_map(data.get("categories"), "categories")
    mitigations = _bilingual_map(data.get("mitigations"), "mitigations")

    raw_risks = data.get("risks")
    if not isinstance(raw_risks, list) or not raw_risks:
        raise ValueError("risk library: 'risks' must be a non-empty list")
    risks: list[LibraryRisk] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_risks):
        risk = _parse_risk(raw, index, categories, mitigations)
        if risk.id in seen:
            raise ValueError(f"risk library: duplicate risk id {risk.id!r}")
        seen.add(risk.id)
        risks.append(risk)
    return RiskLibrary(tuple(risks), mitigations, categories, notes)


def _parse_risk(
    raw: object,
    index: int,
    categories: Mapping[str, Mapping[str, str]],
    mitigations: Mapping[str, Mapping[str, str]],
) -> LibraryRisk:
    if not isinstance(raw, dict):
        raise ValueError(f"risk library: risk #{index + 1} must be an object")
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise ValueError(f"risk library: risk #{index + 1} has no id")
    where = f"risk library: risk {rid}"

    source = raw.get("source")
    if source not in SOURCES:
        raise ValueError(f"{where}: source must be one of {', '.join(SOURCES)}, not {source!r}")
    category = raw.get("category")
    if not isinstance(category, str) or category not in categories:
        raise ValueError(f"{where}: unknown category {category!r}")
    title = _bilingual(raw.get("title"), f"{where}: title")
    description = _bilingual(raw.get("description"), f"{where}: description")

    mitigation_ids = _string_list(raw.get("mitigations"), f"{where}: mitigations")
    for mid in mitigation_ids:
        if mid not in mitigations:
            raise ValueError(f"{where}: mitigation {mid!r} is not in the library's mitigations")

    phases = _string_list(raw.get("phases"), f"{where}: phases")
    if not phases:
        raise ValueError(f"{where}: phases must list at least one phase")
    for code in phases:
        if code not in VALID_PHASES:
            raise ValueError(f"{where}: bad phase code {code!r} (expected one of {', '.join(VALID_PHASES)})")

    return LibraryRisk(
        id=rid,
        source=source,
        category=category,
        title=title,
        description=description,
        mitigations=tuple(mitigation_ids),
        phases=tuple(phases),
        default_likelihood=_score(raw.get("default_likelihood"), f"{where}: default_likelihood"),
        default_impact=_score(raw.get("default_impact"), f"{where}: default_impact"),
        **_applies(raw.get("applies", {}), f"{where}: applies"),
    )


def _applies(value: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ValueError(f"{where} must be an object")
    allowed = {"jurisdictions": JURISDICTIONS, "deployments": DEPLOYMENTS, "data": DATA_KINDS}
    unknown = set(value) - set(allowed)
    if unknown:
        raise ValueError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    out: dict[str, tuple[str, ...]] = {}
    for key, choices in allowed.items():
        entries = _string_list(value.get(key, []), f"{where}.{key}")
        bad = [e for e in entries if e not in choices]
        if bad:
            raise ValueError(f"{where}.{key}: {', '.join(bad)} not in {', '.join(choices)}")
        out["data_kinds" if key == "data" else key] = tuple(entries)
    return out


def _bilingual(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(f"{where} must be an object with 'en' and 'zh' texts")
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{where} has an empty or missing {lang!r} text")
        out[lang] = text
    return out


def _bilingual_map(value: object, name: str) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict) or not value:
        raise ValueError(f"risk library: {name!r} must be a non-empty object")
    out: dict[str, dict[str, str]] = {}
    for key, labels in value.items():
        if not key.strip():
            raise ValueError(f"risk library: {name} has an empty id")
        out[key] = _bilingual(labels, f"risk library: {name} {key!r}")
    return out


def _string_list(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where} must be a list of strings")
    if len(set(value)) != len(value):
        raise ValueError(f"{where} lists an entry twice")
    return list(value)


def _score(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValueError(f"{where} must be a whole number from 1 to 5, not {value!r}")
    return value
