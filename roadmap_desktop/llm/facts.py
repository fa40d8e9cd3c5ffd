"""The facts an executive summary states, computed from the project (counts, ranking, milestones with
their P80 dates, top risks, the planned span) and laid out in its language; and the check that a
sentence a model writes states no figure (number, date, month, quantity) the facts do not hold."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.prioritisation import rank
from ..domain.project import FRAMEWORKS, Project
from ..domain.scheduling import ScheduleError, plan_view, schedule
from ..wording import Wording, languages, number, wording
from .titles import last_sentence_end, sentences

TOP_REQUIREMENTS = 3
TOP_MILESTONES = 3
TOP_RISKS = 3
TITLE_CHARS = 48  # a title quoted in the summary; longer ones end in an ellipsis
OPENING_CHARS = 200  # the brief's first sentence as the computed opening: two and a half lines of the PDF
MAX_CHARS = 600  # the PDF's title page shows about this much below a vision and a brief (a wide character: 2)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_PERCENTILE = re.compile(r"\bP\d{2}\b")  # "P80" names a forecast, it states no figure
# Figures a summary never states, whatever the facts: shares, multiples, quarters.
_ALWAYS_STRAY = re.compile(r"\d+\s*(?:%|％|x\b|×)|[%％×]|\b[QH][1-4]\b", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Milestone:
    title: str
    planned: dt.date | None  # None: not dated yet
    p80: dt.date | None  # 8 in 10 simulated runs reach it by then; None without a forecast


@dataclass(frozen=True)
class TopRisk:
    title: str
    owner: str


@dataclass(frozen=True)
class Facts:
    """What the summary may state about the project, and nothing else."""

    name: str
    language: str
    requirements: int
    items: int
    risks: int
    framework: str  # the ranking's framework code
    scored: bool  # whether ``top`` is ranked by scores (else the first requirements, none scored yet)
    top: tuple[str, ...]
    milestones: tuple[Milestone, ...]
    top_risks: tuple[TopRisk, ...]
    span: tuple[dt.date, dt.date] | None  # first start and last end of the dated items
    finish_p80: dt.date | None  # of the whole roadmap

    def dates(self) -> list[dt.date]:
        found = [d for m in self.milestones for d in (m.planned, m.p80) if d]
        found += [*(self.span or ()), *([self.finish_p80] if self.finish_p80 else [])]
        return found


def project_facts(
    project: Project, language: str | None = None, *, runs: int | None = None, seed: int | None = None
) -> Facts:
    """The project's facts. The forecast runs only when the plan has dates (an undated plan would be
    forecast from today, a different answer each day); a dependency cycle leaves it out."""
    language = language or project.info.language
    ranked = rank(project, language=language)
    scored = [r for r in ranked if r.rank is not None]
    top = tuple(r.requirement.title for r in (scored or ranked)[:TOP_REQUIREMENTS])
    planned = plan_view(project)
    dated = [i for i in planned.items if i.start is not None]
    span = (min(i.start for i in dated), max(i.end for i in dated)) if dated else None  # type: ignore[type-var]
    plan = outlook = None
    if dated:
        try:
            plan = schedule(planned, keep_dates=True)
            from ..domain.forecast import forecast  # numpy: loaded when a summary is asked for, not at start-up

            # The forecast's own runs and seed unless asked otherwise: the summary's P80 is the one the
            # Timeline's forecast panel and the `schedule` command show.
            options = {k: v for k, v in (("runs", runs), ("seed", seed)) if v is not None}
            outlook = forecast(planned, plan, **options)
        except ScheduleError:
            plan = outlook = None
    milestones = []
    for item in planned.items:
        if not item.milestone or item.status == "done":
            continue
        day = item.start or (plan.items[item.id].start if plan and item.id in plan.items else None)
        p80 = outlook.milestones[item.id].p80 if outlook and item.id in outlook.milestones else None
        milestones.append(Milestone(item.title, day, p80))
    milestones.sort(key=lambda m: (m.planned is None, m.planned or dt.date.max))
    live = [r for r in project.risks if r.status != "closed"]
    live.sort(key=lambda r: -r.exposure)  # stable: list order breaks ties
    framework = project.info.framework if project.info.framework in FRAMEWORKS else "rice"
    return Facts(
        name=project.info.name,
        language=language,
        requirements=len(project.requirements),
        items=len(project.items),
        risks=len(project.risks),
        framework=framework,
        scored=bool(scored),
        top=top,
        milestones=tuple(milestones[:TOP_MILESTONES]),
        top_risks=tuple(TopRisk(r.title, r.owner.strip()) for r in live[:TOP_RISKS]),
        span=span,
        finish_p80=outlook.roadmap.p80 if outlook and outlook.roadmap else None,
    )


# -- laying the facts out -----------------------------------------------------------------------------


def date_text(w: Wording, day: dt.date) -> str:
    """A date as the PDF writes it in the facts' language (the catalogs' "pdf.date": "2 Mar 2026")."""
    return w("pdf.date", day=day.day, month=w[f"month.{day.month}"], month_number=day.month, year=day.year)


def shortened(text: str, limit: int = TITLE_CHARS) -> str:
    """``text`` on one line, at most ``limit`` characters: a longer one ends in an ellipsis after its last
    whole word (when a word ends in its second half; Chinese has none to end)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if cut.rfind(" ") > limit // 2:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def fact_sentences(facts: Facts) -> list[str]:
    """The facts as sentences in the project's language, most important first."""
    w = wording(facts.language)
    out = [w("facts.counts", requirements=facts.requirements, items=facts.items, risks=facts.risks)]
    if facts.span:
        first, last = (date_text(w, d) for d in facts.span)
        if facts.finish_p80:
            out.append(w("facts.span_p80", first=first, last=last, p80=date_text(w, facts.finish_p80)))
        else:
            out.append(w("facts.span", first=first, last=last))
    if facts.top:
        titles = w.join((shortened(t) for t in facts.top), "reason")
        framework = w.around_latin(w.choice(facts.framework))
        out.append(
            w("facts.top", framework=framework, titles=titles) if facts.scored else w("facts.first", titles=titles)
        )
    if facts.milestones:
        parts = []
        for m in facts.milestones:
            title = shortened(m.title)
            if m.planned and m.p80:
                parts.append(
                    w("facts.milestone_p80", title=title, planned=date_text(w, m.planned), p80=date_text(w, m.p80))
                )
            elif m.planned:
                parts.append(w("facts.milestone_planned", title=title, planned=date_text(w, m.planned)))
            else:
                parts.append(title)
        out.append(w("facts.milestones", text=w.join(parts, "reason")))
    if facts.top_risks:
        parts = [
            w("facts.risk_owner", title=shortened(r.title), owner=r.owner)
            if r.owner
            else w("facts.risk", title=shortened(r.title))
            for r in facts.top_risks
        ]
        out.append(w("facts.risks", text=w.join(parts, "reason")))
    return out


def computed_opening(project: Project, brief: str = "", language: str | None = None) -> str:
    """The opening sentence when the model gives none worth keeping: the name and the first sentence
    of the founder's own brief (or vision)."""
    w = wording(language or project.info.language)
    text = " ".join((brief or project.info.brief or project.info.description).split())
    first = sentences(text)[0] if text else ""
    first = shortened(first, OPENING_CHARS)
    if not first:
        return w("facts.opening_name", name=project.info.name)
    if last_sentence_end(first) != len(first) - 1 and not first.endswith("…"):
        first += w["reply.full_stops"][0]
    return w("facts.opening", name=project.info.name, text=first)


def text_width(text: str) -> int:
    """Characters, a wide one (Chinese) counted twice: about what it takes of a line."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def summary_text(facts: Facts, opening: str) -> str:
    """The opening, then as many facts as fit in MAX_CHARS (the most important come first)."""
    w = wording(facts.language)
    kept = [opening] if opening else []
    for sentence in fact_sentences(facts):
        if text_width(w.join([*kept, sentence], "word")) <= MAX_CHARS:
            kept.append(sentence)
    return w.join(kept, "word")


# -- checking a model's figures -------------------------------------------------------------------------


def _catalog_words(key: str) -> list[tuple[str, int]]:
    """(word, position) of every catalog's space-separated ``key`` list; "|" joins words of one position,
    "-" holds a position with none."""
    out = []
    for code in languages():
        for position, group in enumerate(wording(code).get(key).split()):
            out += [(word, position) for word in group.split("|") if word and word != "-"]
    return out


def _occurs(word: str, text: str) -> bool:
    if not _LATIN.search(word):  # Chinese: no spaces, so any occurrence
        return word in text
    return re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", text, re.IGNORECASE) is not None


def _month_names() -> list[tuple[str, int]]:
    """Every catalog's month names with their numbers, longest first (a Chinese "December" holds "February")."""
    names = [(word, position + 1) for word, position in _catalog_words("facts.month_words")]
    for code in languages():
        w = wording(code)
        for m in range(1, 13):
            for key in (f"month.{m}", f"month_long.{m}"):
                name = w.get(key)
                # A name written with a digit ("3" and a character) is checked by its number.
                if name and not any(ch.isdigit() for ch in name):
                    names.append((name, m))
    return sorted(set(names), key=lambda pair: -len(pair[0]))


def _months(text: str) -> tuple[set[int], str]:
    """The months ``text`` names, and the text without them (a Chinese month name, written with number
    words, is no count)."""
    found = set()
    for name, month in _month_names():
        pattern = re.escape(name) if not _LATIN.search(name) else rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])"
        text, hits = re.subn(pattern, " ", text)  # case kept: "May" is a month, "may" is not
        if hits:
            found.add(month)
    return found, text


def figures(text: str) -> set[str]:
    """The figures ``text`` states: numbers (as values), number words, month names, and words for
    quantities and times of year ("percent", "twice", "spring")."""
    months, text = _months(_PERCENTILE.sub(" ", text))
    found = {f"month {m}" for m in months}
    for raw in _DIGITS.findall(text):
        plain = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", raw) else raw.replace(",", ".")
        try:
            found.add(number(float(plain)))
        except ValueError:  # "1.2.3": each part
            found.update(number(float(part)) for part in re.split(r"[.,]", raw) if part)
    found.update(str(value) for word, value in _catalog_words("facts.number_words") if _occurs(word, text))
    found.update(f"“{word.casefold()}”" for word, _ in _catalog_words("facts.figure_words") if _occurs(word, text))
    return found


def allowed_figures(facts: Facts, sources: Iterable[str] = ()) -> set[str]:
    """What a sentence may state: the facts' figures (each date also as its month and month number, so
    "March" and "2026-03-02" pass), those of ``sources`` (the founder's brief: its "200 clinics" is
    the project's own), and "one" (an article as often as a number)."""
    allowed = figures(" ".join([*fact_sentences(facts), *facts.top, *(m.title for m in facts.milestones)]))
    for day in facts.dates():
        allowed |= {number(day.day), number(day.month), number(day.year), f"month {day.month}"}
    for source in sources:
        allowed |= figures(source)
    return allowed | {"1"}


def stray_figures(sentence: str, facts: Facts, sources: Iterable[str] = ()) -> list[str]:
    """The figures of ``sentence`` the facts do not hold, as shown to a person; empty when every one is
    traceable. Shares, multiples and quarters ("40%", "3x", "Q3") are always stray."""
    stray = [match.group(0).strip() for match in _ALWAYS_STRAY.finditer(sentence)]
    stray += [f"{count} {word}" for count, word in _multiples(sentence)]
    stray += sorted(figures(sentence) - allowed_figures(facts, sources))
    return stray


def _multiples(text: str) -> list[tuple[str, str]]:
    """("three", "times"), ("10", "fold"): a number said as a multiple of something (in any catalog's words)."""
    counts = [re.escape(word) for word, _ in _catalog_words("facts.number_words")] + [r"\d+(?:[.,]\d+)?"]
    out = []
    for word, _ in _catalog_words("facts.multiple_words"):
        pattern = rf"({'|'.join(counts)})[\s-]*{re.escape(word)}"
        if _LATIN.search(word):
            pattern = rf"(?<![A-Za-z]){pattern}(?![A-Za-z])"
        out += [(m.group(1), word) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return out
