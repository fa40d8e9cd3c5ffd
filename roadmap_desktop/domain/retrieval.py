"""Ranking library entries against a brief: BM25 over English words and Chinese character bigrams.

A founder's brief and a library entry rarely share whole sentences; they share nouns (users, data,
channels: "tickets", "知识库"). English text becomes lower-case words of three or more letters with
a crude plural/suffix stem and no stop words; Chinese text (no spaces between words) becomes the
overlapping character pairs of each run of ideographs, which match Chinese words without a
dictionary. Mixed text gets both. No Qt, no numpy: a library is a few hundred entries.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ..wording import languages, wording

_WORD = re.compile(r"[a-z][a-z0-9]+|[0-9]+[a-z]+[a-z0-9]*")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


@cache
def stop_terms() -> frozenset[str]:
    """Words that say nothing about what a product does (function words, and the product talk every
    brief has), from every wording catalog's ``retrieval.stop_words``: English words, Chinese pairs."""
    words = (word for code in languages() for word in wording(code)["retrieval.stop_words"].split())
    return frozenset(_stem(word) if word.isascii() else word for word in words)


@cache
def _stop_chars() -> re.Pattern[str]:
    """Particles that join words in writing with no spaces (的, 和 ...): a Chinese run splits at them."""
    chars = "".join(wording(code)["retrieval.stop_chars"] for code in languages())
    return re.compile(f"[{re.escape(chars)}]") if chars else re.compile(r"(?!)")


def _stem(word: str) -> str:
    """A crude English stem, enough to match "tickets"/"ticket", "farmers"/"farmer", "detecting"/"detect"."""
    for suffix, replacement, shortest in (
        ("ies", "y", 5),
        ("sses", "ss", 5),
        ("ches", "ch", 5),
        ("shes", "sh", 5),
        ("xes", "x", 4),
        ("ing", "", 6),
        ("ed", "", 5),
        ("s", "", 4),
    ):
        if word.endswith(suffix) and len(word) >= shortest and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + replacement
            break
    # A final "e" goes too, so "disease" meets "diseased" and "price" meets "pricing".
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def terms(text: str) -> list[str]:
    """The indexing terms of ``text``: stemmed English words, Chinese character bigrams (a lone
    ideograph stands for itself)."""
    lowered = text.casefold()
    stop = stop_terms()
    out = [stem for w in _WORD.findall(lowered) if len(w) >= 3 and (stem := _stem(w)) not in stop]
    for whole in _HAN_RUN.findall(text):
        for run in _stop_chars().split(whole):
            if len(run) == 1:
                out.append(run)
            elif run:
                out.extend(pair for pair in (run[i : i + 2] for i in range(len(run) - 1)) if pair not in stop)
    return out


def shared_terms(query: str, text: str) -> list[str]:
    """The terms both texts contain, in the query's order (each once)."""
    wanted = set(terms(text))
    seen: list[str] = []
    for term in terms(query):
        if term in wanted and term not in seen:
            seen.append(term)
    return seen


def matched_words(query: str, text: str) -> list[str]:
    """The query's own words (or Chinese runs) behind the shared terms, for showing to a person:
    "tickets", "知识库"."""
    shared = set(shared_terms(query, text))
    shown: list[str] = []
    stems: set[str] = set()
    for word in _WORD.findall(query.casefold()):
        stem = _stem(word)
        if len(word) >= 3 and stem in shared and stem not in stems:  # "customer" once, not "customers" too
            stems.add(stem)
            shown.append(word)
    for run in _HAN_RUN.findall(query):
        pairs = [run[i : i + 2] for i in range(len(run) - 1)] or [run]
        hits = [i for i, pair in enumerate(pairs) if pair in shared]
        # Adjacent matching pairs are one word: 知识 + 识库 -> 知识库; a gap starts another.
        pieces: list[tuple[int, int]] = []
        for i in hits:
            if pieces and i == pieces[-1][1] + 1:
                pieces[-1] = (pieces[-1][0], i)
            else:
                pieces.append((i, i))
        for first, last in pieces:
            piece = run[first : last + 2] if len(run) > 1 else run
            if piece not in shown:
                shown.append(piece)
    return shown


@dataclass(frozen=True)
class Hit:
    index: int  # into the indexed documents
    score: float


class Bm25:
    """Okapi BM25 (k1 = 1.2, b = 0.75) over :func:`terms`."""

    def __init__(self, documents: Sequence[str], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._docs = [Counter(terms(doc)) for doc in documents]
        self._lengths = [sum(doc.values()) for doc in self._docs]
        self._average = (sum(self._lengths) / len(self._lengths)) if self._lengths else 0.0
        frequency: Counter[str] = Counter()
        for doc in self._docs:
            frequency.update(doc.keys())
        n = len(self._docs)
        self._idf = {term: math.log(1 + (n - df + 0.5) / (df + 0.5)) for term, df in frequency.items()}

    def scores(self, query: str) -> list[float]:
        wanted = Counter(terms(query))
        out = []
        for doc, length in zip(self._docs, self._lengths, strict=True):
            total = 0.0
            norm = self.k1 * (1 - self.b + self.b * length / (self._average or 1))
            for term, count in wanted.items():
                tf = doc.get(term, 0)
                if tf:
                    total += self._idf[term] * tf * (self.k1 + 1) / (tf + norm) * min(count, 3)
            out.append(total)
        return out

    def rank(self, query: str, among: Iterable[int] | None = None) -> list[Hit]:
        """Documents with a positive score, best first (ties keep index order)."""
        scores = self.scores(query)
        indices = range(len(scores)) if among is None else among
        hits = [Hit(i, scores[i]) for i in indices if scores[i] > 0]
        return sorted(hits, key=lambda hit: (-hit.score, hit.index))
