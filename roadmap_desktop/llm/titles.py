"""Reading the model's titles and sentences: cleaning, comparing, spotting repeats and copies of examples.

The punctuation and placeholder words of every language come from the wording catalogs ("reply.*").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..wording import languages, wording
from .task_base import TITLE_LEN, text_of

SIMILARITY = 0.9  # titles at least this alike (difflib ratio) count as one
PREFIX_MIN = 6  # a normalised title this long that starts another one is the same item
WORD_OVERLAP = 0.6  # titles sharing this share of their words (Jaccard) count as one


def normalise_title(title: str) -> str:
    """Casefolded, with whitespace and punctuation removed: how titles are compared."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return "".join("".join(ch for ch in _singular(word) if ch.isalnum()) for word in text.split())


def _singular(word: str) -> str:
    # "Call summary" and "Call summaries" are one suggestion.
    word = word.rstrip(".,;:!?")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def similar(a: str, b: str) -> bool:
    """Normalised titles that name one thing: nearly equal, or one extends the other
    ("Email marketing" / "Email marketing for small businesses")."""
    if not a or not b:
        return False
    if min(len(a), len(b)) >= PREFIX_MIN and (a.startswith(b) or b.startswith(a)):
        return True
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILARITY


@dataclass(frozen=True)
class _ReplyRules:
    """Patterns for reading a reply, built from the "reply.*" marks of every catalog."""

    enumeration: re.Pattern[str]
    clause: re.Pattern[str]
    sentence_split: re.Pattern[str]
    placeholder: re.Pattern[str]
    strip: str
    sentence_ends: str


def _marks(codes: tuple[str, ...], key: str) -> str:
    """Every language's characters under ``key``, each once, in catalog order."""
    return "".join(dict.fromkeys("".join(wording(code)[key] for code in codes)))


def _class(chars: str) -> str:
    return "[" + "".join(re.escape(ch) for ch in chars) + "]"


@cache
def _rules_for(codes: tuple[str, ...]) -> _ReplyRules:
    numbers = _marks(codes, "reply.number_marks")
    # "2.5 GHz" is no list number: an ASCII mark ends one only before a space; a full-width one needs none.
    unspaced = "".join(ch for ch in numbers if not ch.isascii())
    enumeration = r"^\s*(?:\d{1,2}|[a-zA-Z])\s*" + _class(numbers) + r"\s+(?=\S)"
    if unspaced:
        enumeration += r"|^\s*\d{1,2}\s*" + _class(unspaced) + r"\s*(?=\S)"
    words = dict.fromkeys(word for code in codes for word in wording(code)["reply.placeholder_words"].split())
    ends = _marks(codes, "reply.sentence_ends")
    return _ReplyRules(
        enumeration=re.compile(enumeration),
        clause=re.compile(r"\s*" + _class(_marks(codes, "reply.clause_marks")) + r"\s*"),
        sentence_split=re.compile(r"(?<=" + _class(ends) + r")\s*"),
        # Filler a small model writes instead of a name: "Sentence 1", "Feature 2", "<title>".
        placeholder=re.compile(r"<[^>]*>|\[[^\]]*\]|^(" + "|".join(map(re.escape, words)) + r")\s*\d*$", re.IGNORECASE),
        strip=" '\"‘’“”" + _marks(codes, "reply.full_stops"),
        sentence_ends=ends,
    )


def _rules() -> _ReplyRules:
    return _rules_for(languages())  # a catalog registered later brings its marks too


def clean_title(title: str) -> str:
    """The name part of a title a small model ran on past ("Data analysis, this is an improvement"),
    without list numbering ("1. Offline mode"), stray quotes and full stops, capitalised."""
    rules = _rules()
    title = rules.enumeration.sub("", title)
    head = rules.clause.split(title, maxsplit=1)[0].strip()
    title = head if len(head) >= 3 else title
    title = title.strip(rules.strip)
    return title[:1].upper() + title[1:] if title[:1].islower() else title


def is_placeholder(title: str) -> bool:
    return _rules().placeholder.search(title) is not None


def _words(title: str) -> set[str]:
    text = unicodedata.normalize("NFKC", title).casefold()
    return {w for w in ("".join(ch for ch in _singular(word) if ch.isalnum()) for word in text.split()) if w}


def same_item(a: str, b: str) -> bool:
    """Two titles that name one thing: nearly equal text, one extending the other, or mostly the
    same words ("Review a recipe on Facebook" / "Review a recipe on Instagram")."""
    if similar(normalise_title(a), normalise_title(b)):
        return True
    wa, wb = _words(a), _words(b)
    return min(len(wa), len(wb)) >= 3 and len(wa & wb) / len(wa | wb) >= WORD_OVERLAP


class Titles:
    """Remembers accepted titles and says which earlier one a new title repeats."""

    def __init__(self, existing: Iterable[str] = (), examples: Iterable[str] = (), drafted: Iterable[str] = ()) -> None:
        self.existing = list(existing)
        self.drafted = list(drafted)
        # Small models copy the prompt's example output; such an item is no suggestion.
        self.examples = [normalise_title(t) for t in examples]
        self.seen: list[tuple[str, str]] = []  # (title, label of the item that had it)

    def repeat_of(self, title: str) -> str | None:
        if is_placeholder(title):
            return "is a placeholder, not a title"
        norm = normalise_title(title)
        if any(similar(norm, other) or other in norm for other in self.examples):
            return "copies the prompt's example"
        for other, label in self.seen:
            if same_item(title, other):
                return f"repeats {label}'s title"
        if any(same_item(title, other) for other in self.existing):
            return "is already in the project"
        if any(same_item(title, other) for other in self.drafted):
            return "repeats an earlier suggestion"
        return None

    def take(self, raw: object, label: str, dropped: list[str]) -> str | None:
        """The item's title if it has a usable, new one; else None, with the reason in ``dropped``."""
        title = text_of(raw, TITLE_LEN * 2)
        title = clean_title(title) if title else title
        if not title:
            dropped.append(f"{label} has no title")
            return None
        if repeat := self.repeat_of(title):
            dropped.append(f"{label} {repeat}")
            return None
        return title

    def add(self, title: str, label: str) -> None:
        self.seen.append((title, label))


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _rules().sentence_split.split(text) if part.strip()]


def last_sentence_end(text: str) -> int:
    """Where the last full sentence of ``text`` ends (index of its mark), or -1."""
    ends = _rules().sentence_ends
    found = [
        i
        for i, ch in enumerate(text)
        if ch in ends and (not ch.isascii() or text[i + 1 : i + 2] in ("", " "))  # "2.5" ends nothing
    ]
    return found[-1] if found else -1
