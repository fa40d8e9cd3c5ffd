"""Checks on the short texts a model writes into a grounded suggestion (a title, a reason): cleaned of
markup and junk, in the project's language, about the product, not a repeat, no invented figures.
What fails is dropped with a reason, and the library's own text stands instead."""

from __future__ import annotations

import html
import re

from ..domain.retrieval import shared_terms, terms
from ..wording import FALLBACK, wording
from .grounding import jurisdictions
from .task_base import REQUIREMENT_TITLE_LEN, SENTENCE_LEN, text_of
from .titles import clean_title, is_placeholder, normalise_title, same_item, similar

FREE_TEXT_PARAMETERS = 1_000_000_000  # below this, a model writes usable free text in English only
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_JUNK = re.compile(r"[<>{}\[\]\\|#@^~`$]|&[#a-z0-9]+;?|https?://|\w{25,}|[a-z][!?;:][a-z]", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_DIGIT = re.compile(r"\d")
KEPT_SHARE = 0.5  # of the library title's words a rewording keeps, so it still names the same requirement
GENERIC_KEPT_SHARE = 0.3  # for a generic step ("Collect data and build the evaluation set") made specific
MIN_WHY_WORDS = 5  # a reason is a sentence, not a title (Chinese: about three characters a word)


def writes_titles(language: str, parameters: int = 0) -> bool:
    """Whether the model may reword titles, or only choose: a small model writes usable English only
    (0 of 91 Chinese drafts of SmolLM2-135M were kept in the evaluation)."""
    return wording(language).code == FALLBACK or parameters >= FREE_TEXT_PARAMETERS


def writes_reasons(parameters: int = 0) -> bool:
    """Whether the model is asked why: a small model's reasons were filler ("This helps improve our
    customer service by providing personalized assistance"); the computed one (the brief's words the
    entry matches) says more."""
    return parameters >= FREE_TEXT_PARAMETERS


def tidy(value: object, limit: int) -> str | None:
    """Model text without HTML entities, control or invisible characters, or surrounding quotes."""
    text = text_of(value, limit * 2)
    if not text:
        return None
    text = _CONTROL.sub("", html.unescape(html.unescape(text)))
    return " ".join(text.split()).strip("\"'“”‘’ ") or None


def has_junk(raw: object, text: str) -> bool:
    """Markup, links, a run-on token or a mark glued between words, once entities are decoded
    ("crop-planning&#x21;saffronisinzwafiye" reads "planning!saffron...": token soup)."""
    return bool(_JUNK.search(text))


def in_language(text: str, language: str) -> bool:
    """Written in the language's script: Han characters for a language written in them, none for others."""
    has_han = bool(_HAN.search(text))
    return has_han if wording(language)["rule.han_script"] else not has_han


def acceptable_title(
    raw: object,
    language: str,
    about: list[str],
    taken: list[str],
    label: str,
    dropped: list[str],
    base: str = "",
    brief: str = "",
    limit: int = REQUIREMENT_TITLE_LEN,
    keep: float = KEPT_SHARE,
) -> str | None:
    """A rewritten title worth keeping, or None (the reason added to ``dropped``). With ``base`` (the
    library title it rewrites) and ``brief``, it must say more than the base: keep one of its words and
    bring one of the brief's it lacked ("Hand over to a human agent" -> "Human agent" says less)."""
    title = tidy(raw, limit)
    if title is None:
        return None
    if len(title) >= limit - 1:
        dropped.append(f"{label}: the title was cut off; the library's is kept")
        return None
    title = clean_title(title)
    problem = ""
    if len(title) < 3 or is_placeholder(title):
        problem = "is not a title"
    elif has_junk(raw, title):
        problem = "holds markup or junk"
    elif not in_language(title, language):
        problem = "is not in the project's language"
    elif not any(shared_terms(title, text) for text in about):
        problem = "shares no word with the brief or the library entry"
    elif any(same_item(title, other) for other in taken):
        problem = "repeats another title"
    elif base and same_item(title, base):
        return None  # the library's own title, reworded at most: nothing to adapt
    elif base and len(set(terms(base)) & set(terms(title))) < keep * len(set(terms(base))):
        problem = "keeps too little of the entry's title"  # "Send a photo through a chat app" is no "Detect diseases"
    elif base and brief and not set(shared_terms(title, brief)) - set(terms(base)):
        problem = "adds none of the brief's words"
    if problem:
        dropped.append(f"{label}: the rewritten title {problem}; the library's is kept")
        return None
    return title


def acceptable_why(
    raw: object,
    language: str,
    about: list[str],
    earlier: list[str],
    label: str,
    dropped: list[str],
    places: set[str] | None = None,
    limit: int = SENTENCE_LEN,
) -> str | None:
    """A one-sentence reason worth keeping, or None. ``places``: the jurisdictions whose laws may be
    named (a reason citing PIPL for a Kenyan product is wrong, not just weak)."""
    why = tidy(raw, limit)
    if why is None:
        return None
    problem = ""
    words = len(why.split()) if wording(language)["sep.word"] else len(why) // 3
    if len(why) < 12 or words < MIN_WHY_WORDS or len(why) >= limit - 2:  # at the schema's cap: cut off
        problem = "is no sentence, or was cut off"
    elif has_junk(raw, why):
        problem = "holds markup or junk"
    elif _DIGIT.search(why):
        problem = "states figures the project does not have"
    elif not in_language(why, language):
        problem = "is not in the project's language"
    elif not any(shared_terms(why, text) for text in about):
        problem = "is not about this product"
    elif any(similar(normalise_title(why), normalise_title(other)) for other in earlier if other):
        problem = "repeats another reason"
    elif places is not None and jurisdictions(why, FALLBACK) - places:
        problem = "names a law of another place"
    if problem:
        dropped.append(f"{label}: the reason {problem}; a computed one is shown")
        return None
    if why[-1] not in ".!?。！？":
        why += wording(language)["reply.full_stops"][0]
    return why[:1].upper() + why[1:]
