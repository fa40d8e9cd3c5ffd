"""Merging another project's requirements and risks (a breakout group's file) into this one.

Decisions:

- Only requirements and risks are merged. Timeline items and lanes are not: a breakout group's
  schedule rarely fits the main plan, so links to timeline items are dropped from the copies.
- Each merged entity is a copy with a new id; source ids are never reused, so merging the same
  file twice cannot produce two entities with one id.
- A requirement's link to a risk (``risk_ids``) is kept when both are merged and dropped otherwise.
- Classification against the target's entities of the same kind:
  *duplicate* when the normalised titles are equal (NFKC, case-folded, only letters and digits
  kept, so spacing and punctuation do not matter); *similar* when difflib's ratio of the
  normalised titles is at least 0.8, or when the titles share at least two words and those
  cover ≥ 75 % of the shorter title and ≥ 50 % of both together (Jaccard). Words are Latin words
  without a few English stop words and a plural "s"; Chinese, Japanese and Korean text, which has
  no spaces, is split into overlapping character pairs. Everything else is *new*.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .commands import Command, InsertEntity, Macro
from .entity import Entity, new_id
from .project import Project
from .requirement import Requirement
from .risk import Risk

NEW = "new"
DUPLICATE = "duplicate"
SIMILAR = "similar"

RATIO_THRESHOLD = 0.8
OVERLAP_THRESHOLD = 0.75
JACCARD_THRESHOLD = 0.5
MERGED_KINDS = ("requirement", "risk")
_STOP_WORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "of",
        "on",
        "or",
        "the",
        "to",
        "via",
        "with",
    )
)
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_CJK_RUN = re.compile(rf"[{_CJK}]+")


@dataclass
class MergeEntry:
    kind: str  # "requirement" or "risk"
    entity: Entity  # the source's entity, untouched
    status: str  # NEW, DUPLICATE or SIMILAR
    match: Entity | None = None  # the target's entity it duplicates or resembles
    similarity: float = 0.0  # 1.0 for a duplicate

    @property
    def source_id(self) -> str:
        return self.entity.id


@dataclass
class MergePlan:
    source_name: str  # shown in the undo label: "Merge N items from <source_name>"
    entries: list[MergeEntry] = field(default_factory=list)
    skipped_items: int = 0  # the source's timeline items, which are never merged

    def entry(self, source_id: str) -> MergeEntry:
        for entry in self.entries:
            if entry.source_id == source_id:
                return entry
        raise KeyError(source_id)

    def default_ids(self) -> list[str]:
        """The entries a merge takes unless told otherwise: the new ones."""
        return [e.source_id for e in self.entries if e.status == NEW]


def normalise_title(title: str) -> str:
    """NFKC, case-folded, letters and digits only: "Log-in  Page!" and "login page" agree."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", title).casefold() if ch.isalnum())


def title_words(title: str) -> set[str]:
    """Words for the overlap test; runs of CJK characters become overlapping character pairs."""
    words: set[str] = set()
    for token in _TOKEN.findall(unicodedata.normalize("NFKC", title).casefold()):
        if _CJK_RUN.fullmatch(token):
            words.update(token[i : i + 2] for i in range(max(len(token) - 1, 1)))
        elif token not in _STOP_WORDS:
            words.add(token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token)
    return words


def similarity(a: str, b: str) -> tuple[str, float]:
    """(DUPLICATE, SIMILAR or NEW, a 0-1 score) for two titles."""
    left, right = normalise_title(a), normalise_title(b)
    if not left or not right:
        return NEW, 0.0
    if left == right:
        return DUPLICATE, 1.0
    ratio = difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()
    words_a, words_b = title_words(a), title_words(b)
    shared = len(words_a & words_b)
    jaccard = shared / len(words_a | words_b) if shared else 0.0
    overlap = shared / min(len(words_a), len(words_b)) if shared else 0.0
    by_words = shared >= 2 and overlap >= OVERLAP_THRESHOLD and jaccard >= JACCARD_THRESHOLD
    score = max(ratio, jaccard)
    return (SIMILAR if ratio >= RATIO_THRESHOLD or by_words else NEW), score


def plan_merge(target: Project, source: Project, source_name: str = "") -> MergePlan:
    """Classify every requirement and risk of ``source`` against ``target``; changes neither."""
    plan = MergePlan(source_name or source.info.name, skipped_items=len(source.items))
    for kind in MERGED_KINDS:
        candidates = [(e, e.display_name()) for e in target.collection(kind)]
        for entity in source.collection(kind):
            best: tuple[str, float, Entity | None] = (NEW, 0.0, None)
            for other, other_title in candidates:
                status, score = similarity(entity.display_name(), other_title)
                if status == DUPLICATE:
                    best = (status, score, other)
                    break
                if status == SIMILAR and score > best[1]:
                    best = (status, score, other)
            plan.entries.append(MergeEntry(kind, entity, best[0], best[2], best[1]))
    return plan


def merge_command(target: Project, plan: MergePlan, accepted_ids: Iterable[str]) -> Macro:
    """One undo step inserting copies, with new ids, of the accepted source requirements and risks.

    Raises ValueError for an id the plan does not hold or when nothing is accepted.
    """
    accepted = set(accepted_ids)
    known = {e.source_id for e in plan.entries}
    unknown = sorted(accepted - known)
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not one of the incoming requirements or risks.")
    if not accepted:
        raise ValueError("Choose at least one requirement or risk to merge.")
    taken = {e.id for e in target.entities()} | known
    new_ids: dict[str, str] = {}
    for entry in plan.entries:
        if entry.source_id in accepted:
            fresh = new_id()
            while fresh in taken:  # a uuid4 clash is all but impossible; cheap to rule out anyway
                fresh = new_id()
            taken.add(fresh)
            new_ids[entry.source_id] = fresh
    commands: list[Command] = []
    for entry in plan.entries:
        if entry.source_id not in accepted:
            continue
        twin = entry.entity.clone()
        twin.id = new_ids[entry.source_id]
        if isinstance(twin, Requirement):
            twin.risk_ids = [new_ids[rid] for rid in twin.risk_ids if rid in new_ids]
            twin.item_ids = []
        elif isinstance(twin, Risk):
            twin.item_ids = []
        commands.append(InsertEntity(entry.kind, twin))
    count = len(commands)
    name = plan.source_name or "another project"
    return Macro(f"Merge {count} item{'' if count == 1 else 's'} from {name}", commands)
