"""The catalog registry and the ``Wording`` object that looks phrases up and formats them."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from functools import cache
from types import ModuleType

from . import en, zh
from .numbers import number

FALLBACK = "en"  # every key exists here; other catalogs may leave keys out
_BUILT_IN: tuple[ModuleType, ...] = (en, zh)
_CATALOGS: dict[str, tuple[str, Mapping[str, str]]] = {module.CODE: (module.NAME, module.WORDS) for module in _BUILT_IN}


def languages() -> tuple[str, ...]:
    """The codes of every catalog, built-in first."""
    return tuple(_CATALOGS)


def language_name(code: str) -> str:
    """A language's own name ("English", "中文")."""
    return _CATALOGS[language_code(code)][0]


def language_code(language: str | None) -> str:
    """The catalog for ``language``: "zh" for "zh", "zh_CN", "zh-Hans" ..., the fallback for unknown ones."""
    text = (language or "").replace("-", "_").lower()
    if text in _CATALOGS:
        return text
    base = text.split("_", 1)[0]
    return base if base in _CATALOGS else FALLBACK


def register(code: str, name: str, words: Mapping[str, str]) -> None:
    """Add a catalog at run time (a pseudo-locale in tests, a user's own language later)."""
    unknown = set(words) - set(_CATALOGS[FALLBACK][1])
    if unknown:
        raise ValueError(f"catalog {code!r} has keys the {FALLBACK} catalog lacks: {', '.join(sorted(unknown))}")
    _CATALOGS[code] = (name, dict(words))
    wording.cache_clear()


def unregister(code: str) -> None:
    if code in {module.CODE for module in _BUILT_IN}:
        raise ValueError(f"{code!r} is a built-in catalog")
    _CATALOGS.pop(code, None)
    wording.cache_clear()


class Wording:
    """The phrases of one language; a key its catalog lacks comes from the fallback catalog."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.name, own = _CATALOGS[code]
        self._words = {**_CATALOGS[FALLBACK][1], **own}

    def __repr__(self) -> str:
        return f"Wording({self.code!r})"

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def __contains__(self, key: str) -> bool:
        return key in self._words

    def __call__(self, key: str, /, **values: object) -> str:
        """The phrase ``key`` with its ``{placeholders}`` filled in."""
        return self._words[key].format(**values)

    def get(self, key: str, default: str = "") -> str:
        return self._words.get(key, default)

    def keys(self, prefix: str) -> list[str]:
        return [key for key in self._words if key.startswith(prefix)]

    def choice(self, value: str) -> str:
        """A stored choice value (status, MoSCoW category, framework ...) as this language names it."""
        return self._words.get(f"choice.{value}", value)

    def join(self, items: Iterable[str], separator: str = "list") -> str:
        """``items`` joined with the language's ``sep.<separator>`` (list, reason, word)."""
        return self._words[f"sep.{separator}"].join(items)

    def number(self, value: float | None) -> str:
        return number(value)

    def around_latin(self, text: str) -> str:
        """``text`` ready to sit inside a sentence: where the language writes no spaces between words
        (Chinese), a space on each side that meets a Latin letter or digit ("按 RICE 排序", "按点投票排序")."""
        if not text or self._words["sep.word"]:
            return text
        before = " " if text[0].isascii() and text[0].isalnum() else ""
        after = " " if text[-1].isascii() and text[-1].isalnum() else ""
        return f"{before}{text}{after}"

    def placeholders(self, key: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(self._words[key]) if name}


@cache
def wording(language: str | None) -> Wording:
    """The wording for a language code or locale name (unknown ones get the fallback)."""
    return Wording(language_code(language))
