"""Per-domain phase skeletons: the P0-P7 work items a product of that kind usually needs, with
duration ranges and dependencies, which the assistant's timeline draft is built from.

Pure: ``roadmap_desktop.persistence.requirement_library_file`` reads resources/phase_skeletons.json;
the format is in docs/assistant-libraries.md."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .phases import PHASES
from .requirement_library import COMMON, DOMAINS

SKELETON_FORMAT = "roadmap-desktop-phase-skeletons"
SKELETON_VERSION = 1
LANGUAGES = ("en", "zh")
VALID_PHASES: tuple[str, ...] = tuple(p.code for p in PHASES)
MAX_DAYS = 365


@dataclass(frozen=True)
class SkeletonItem:
    key: str
    title: Mapping[str, str]
    phase: str
    days: tuple[int, int]  # shortest and longest usual duration, calendar days
    depends_on: tuple[str, ...]  # keys of earlier items of the same skeleton
    milestone: bool = False

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title["en"]


@dataclass(frozen=True, eq=False)  # hashed by identity: indexes are cached per library
class PhaseSkeletons:
    skeletons: Mapping[str, tuple[SkeletonItem, ...]]  # DOMAINS code or COMMON -> items in phase order

    def for_domain(self, domain: str) -> tuple[SkeletonItem, ...]:
        return self.skeletons.get(domain) or self.skeletons[COMMON]


def _text(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise ValueError(f"{where}: needs exactly the texts {', '.join(LANGUAGES)}")
    if not all(isinstance(t, str) and t.strip() and len(t) <= 80 for t in value.values()):
        raise ValueError(f"{where}: a text is empty or longer than 80 characters")
    return {k: v.strip() for k, v in value.items()}


def _item(data: object, where: str, earlier: set[str]) -> SkeletonItem:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: must be an object")
    unknown = set(data) - {"key", "title", "phase", "days", "depends_on", "milestone"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    key = data.get("key")
    if not isinstance(key, str) or not key.isidentifier():
        raise ValueError(f"{where}: key must be a short identifier")
    where = f"{where} {key}"
    phase = data.get("phase")
    if phase not in VALID_PHASES:
        raise ValueError(f"{where}: phase must be one of {', '.join(VALID_PHASES)}")
    days = data.get("days")
    if (
        not isinstance(days, list)
        or len(days) != 2
        or not all(isinstance(d, int) and not isinstance(d, bool) for d in days)
        or not 0 <= days[0] <= days[1] <= MAX_DAYS
    ):
        raise ValueError(f"{where}: days must be [shortest, longest] whole days, 0-{MAX_DAYS}")
    depends = data.get("depends_on", [])
    if not isinstance(depends, list) or any(d not in earlier for d in depends):
        raise ValueError(f"{where}: depends_on may name only earlier items of the skeleton")
    milestone = data.get("milestone", False)
    if not isinstance(milestone, bool):
        raise ValueError(f"{where}: milestone must be true or false")
    return SkeletonItem(
        key, _text(data.get("title"), f"{where} title"), phase, (days[0], days[1]), tuple(depends), milestone
    )


def parse_phase_skeletons(data: Mapping[str, object]) -> PhaseSkeletons:
    if data.get("format") != SKELETON_FORMAT or data.get("version") != SKELETON_VERSION:
        raise ValueError(f"not a phase-skeleton file (format {SKELETON_FORMAT!r}, version {SKELETON_VERSION})")
    raw = data.get("skeletons")
    if not isinstance(raw, dict) or COMMON not in raw:
        raise ValueError(f"skeletons must be an object with at least {COMMON!r}")
    out: dict[str, tuple[SkeletonItem, ...]] = {}
    for domain, entries in raw.items():
        if domain not in (*DOMAINS, COMMON):
            raise ValueError(f"skeletons: unknown domain {domain!r}")
        if not isinstance(entries, list) or not entries:
            raise ValueError(f"skeletons.{domain}: needs a list of items")
        earlier: set[str] = set()
        items = []
        for n, entry in enumerate(entries):
            item = _item(entry, f"skeletons.{domain}[{n}]", earlier)
            if item.key in earlier:
                raise ValueError(f"skeletons.{domain}: key {item.key} twice")
            earlier.add(item.key)
            items.append(item)
        phases = [VALID_PHASES.index(i.phase) for i in items]
        if phases != sorted(phases):
            raise ValueError(f"skeletons.{domain}: items must be in phase order")
        if len({i.phase for i in items}) < 5:
            raise ValueError(f"skeletons.{domain}: covers fewer than five phases")
        out[domain] = tuple(items)
    return PhaseSkeletons(out)
