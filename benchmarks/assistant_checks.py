"""The checks of the assistant-quality benchmark, without a model: what a task wrote (a draft per entity
added or changed), and its words, language, jurisdiction, bounds, repeats and summary facts. Crude on
purpose, so a person can verify every verdict by reading the drafts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field


def _split(text: str) -> list[str]:
    """Words of a literal (a long word list reads better as one string)."""
    return text.split()


PHASES = tuple(f"P{n}" for n in range(8))
BOUNDS = {  # the documented sane range of every number a task may write, for an early-stage product
    "rice_reach": (0, 100_000),
    "rice_impact": (0.25, 3),
    "rice_confidence": (0, 100),
    "effort": (0.5, 52),
    "value": (0, 10),
    "ice_impact": (1, 10),
    "ice_confidence": (1, 10),
    "ice_ease": (1, 10),
    **{name: (1, 100) for name in ("wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size")},
    "votes": (0, 1000),
    "duration_days": (0, 365),
    "optimistic_days": (0, 365),
    "pessimistic_days": (0, 730),
    "likelihood": (1, 5),
    "impact": (1, 5),
    "delay_days": (0, 365),
}
STOP_WORDS = set(
    _split(
        "a about above after again against all also an and any are as at be because been before being below between "
        "both but by can could did do does doing down during each every few for from further had has have having he "
        "her here him his how if in into is it its itself just like me more most must my no nor not now of off on "
        "once only or other our out over own same she should so some such than that the their them then there these "
        "they this those through to too under until up very was we were what when where which while who whom why will "
        "with within without would you your able across way get make made new use using one two three first per via "
        "day days week weeks lot lots many much well"
    )
)
GENERIC_WORDS = {"app", "application", "tool", "platform", "system", "product", "feature", "solution", "user"}
GENERIC_WORDS |= {"want", "need", "help", "build", "data", "model", "based", "easy", "simple"}
STOP_BIGRAMS = set(
    _split("我们 一个 可以 需要 希望 能够 用户 系统 平台 产品 功能 数据 模型 智能 工具")
    + _split("进行 提供 实现 使用 通过 以及 没有 现在 每个 经常 必须 不能 想做 一家")
)
FUNCTION_CHARS = set(
    "的了在是有和与及或等把被将对为也就都而这那个一我你他们要会很再还让"
)  # a bigram holding one says nothing
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NOT_CN = re.compile(
    r"\bPIPL\b|\bChina\b|\bChinese (?:law|regulat\w*|government|authorit\w*|rules)|\bCAC\b"
    r"|中国|个人信息保护法|网络安全法|数据安全法|网信办",
    re.I,
)
NOT_EU = re.compile(r"\bEU\b|\bGDPR\b|European Union|\bAI Act\b|欧盟|通用数据保护条例|人工智能法", re.I)
EXAMPLE_LIST = re.compile(r"\bCCPA\b|\bLGPD\b|\bHIPAA\b|e\.g\.|such as|and similar|如\s*GDPR|等法规|等法律")
MONTHS = _split("January February March April May June July August September October November December")
EN_DATE = re.compile(
    rf"\b(?:(\d{{1,2}})\s+)?({'|'.join(MONTHS)}|{'|'.join(m[:3] for m in MONTHS)}|Sept)\b\.?"
    r"(?:\s+(\d{1,2})\b(?!,\d))?(?:,?\s+(\d{4})\b)?"
)
ISO_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
ZH_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
NUMBER = re.compile(r"(?<![A-Za-z0-9.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![A-Za-z0-9])")
WORD_NUMBERS = dict(
    zip(_split("two three four five six seven eight nine ten eleven twelve"), range(2, 13), strict=True)
)


# -- words ----------------------------------------------------------------------------------------
def stem(word: str) -> str:
    """A crude English stemmer: enough that 'forecasts', 'forecasting' and 'forecast' meet."""
    w = word.lower().removesuffix("'s")
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif (w.endswith("ed") and len(w) > 4) or w.endswith(("ches", "shes", "sses", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    for suffix in ("ation", "ment", "er", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


def vocabulary(text: str) -> set[str]:
    """English stems and Chinese character bigrams of a text, minus stop and generic words."""
    words = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text) if w.lower() not in STOP_WORDS}
    words -= {stem(w) for w in GENERIC_WORDS}
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        pairs = {run[i : i + 2] for i in range(len(run) - 1)}
        words |= {p for p in pairs - STOP_BIGRAMS if not FUNCTION_CHARS & set(p)}
    return words


def normalise(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def right_language(texts: list[str], language: str) -> bool:
    return all(bool(HAN.search(t)) == (language == "zh") for t in texts if t.strip())


def jurisdiction_terms(text: str, brief: str, jurisdiction: str) -> list[str]:
    """Laws and places of the wrong jurisdiction (for a CN, EU or none brief) that the text names as a
    duty. Terms the brief itself uses are allowed, and so is a law named only as one example among
    others ("GDPR, CCPA and similar laws", "如 GDPR、CCPA、PIPL")."""
    rules = ([NOT_CN] if jurisdiction != "CN" else []) + ([NOT_EU] if jurisdiction != "EU" else [])
    allowed = {m.group(0).casefold() for rule in rules for m in rule.finditer(brief)}
    found = set()
    for rule in rules:
        for match in rule.finditer(text):
            around = text[max(0, match.start() - 30) : match.end() + 30]
            if match.group(0).casefold() not in allowed and not EXAMPLE_LIST.search(around):
                found.add(match.group(0))
    return sorted(found)


def out_of_bounds(numbers: dict[str, float]) -> list[str]:
    found = []
    for name, value in numbers.items():
        low, high = BOUNDS.get(name, (float("-inf"), float("inf")))
        if not low <= value <= high:
            found.append(f"{name}={value:g}")
    return found


def field_values(entity: object) -> dict[str, object]:
    return {f.name: getattr(entity, f.name) for f in dataclasses.fields(entity)}  # type: ignore[arg-type]


def kinds_of(entity: object, *kinds: str) -> list[str]:
    """The names of the entity's fields of these kinds (TEXT, INT, DATE ...), from its declared FIELDS."""
    return [spec.name for spec in getattr(entity, "FIELDS", ()) if spec.kind.name in kinds]


# -- summary facts --------------------------------------------------------------------------------
@dataclass
class Facts:
    numbers: set[float] = field(default_factory=set)
    dates: set[dt.date] = field(default_factory=set)

    def add_number(self, value: float) -> None:
        self.numbers |= {float(value), float(round(value)), round(float(value), 1)}

    @property
    def months(self) -> set[tuple[int, int]]:
        """Every month from the first fact date to the last: a plan running March-June covers April."""
        if not self.dates:
            return set()
        first, last = min(self.dates), max(self.dates)
        span = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
        return {(n // 12, n % 12 + 1) for n in span}


def numbers_in(text: str) -> list[tuple[str, float]]:
    found = []
    for match in NUMBER.finditer(text):
        if re.search(r"[A-Za-z]-$", text[: match.start()]):
            continue  # part of a name such as GPT-4
        found.append((match.group(0), float(match.group(1).replace(",", "") + (match.group(2) or ""))))
    found += [(w, float(n)) for w, n in WORD_NUMBERS.items() for _ in re.finditer(rf"\b{w}\b", text, re.I)]
    return found


def project_facts(project: object, brief: str, schedule_doc: dict) -> Facts:
    """Every number and date a faithful summary may state: the project's, the brief's and the forecast's."""
    facts = Facts()
    reqs, items, risks = project.requirements, project.items, project.risks  # type: ignore[attr-defined]
    exposures = [r.likelihood * r.impact for r in risks]
    counts = [len(reqs), len(items), len(risks), len(project.lanes), sum(i.milestone for i in items)]  # type: ignore[attr-defined]
    counts += [
        len({i.phase for i in items if i.phase}),
        sum(e >= 15 for e in exposures),
        sum(8 <= e < 15 for e in exposures),
    ]
    for value in [*counts, *range(1, len(reqs) + 1), *exposures]:
        facts.add_number(value)
    texts = [brief, project.info.name, project.info.description]  # type: ignore[attr-defined]
    for entity in [*reqs, *items, *risks]:
        values = field_values(entity)
        for name in kinds_of(entity, "INT", "FLOAT"):
            if values.get(name) is not None:
                facts.add_number(values[name])  # type: ignore[arg-type]
        texts += [str(values.get(n) or "") for n in kinds_of(entity, "TEXT", "LONG_TEXT", "TEXT_LIST")]
        facts.dates |= {values[n] for n in kinds_of(entity, "DATE") if values.get(n)}  # type: ignore[misc]
        if getattr(entity, "rice_reach", None) and entity.effort:  # type: ignore[attr-defined]
            rice = entity.rice_reach * (entity.rice_impact or 0) * (entity.rice_confidence or 0) / 100 / entity.effort  # type: ignore[attr-defined]
            facts.add_number(rice)
    for text in texts:
        for _shown, value in numbers_in(text):
            facts.add_number(value)
    dated = [row for row in schedule_doc.get("schedule", []) if row.get("start")]
    for row in dated:
        facts.dates |= {dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])}
    forecast = schedule_doc.get("forecast") or {}
    for entry in [forecast.get("roadmap") or {}, *forecast.get("milestones", [])]:
        facts.dates |= {dt.date.fromisoformat(entry[p]) for p in ("p50", "p80", "p90") if entry.get(p)}
    facts.dates |= drawn_forecast_dates(project)
    if dated:
        for value in (50, 80, 90):
            facts.add_number(value)
        span = (max(facts.dates) - min(facts.dates)).days + 1
        for value in (span, span / 7, span / 30.4, sum(i.duration_days for i in items)):
            facts.add_number(value)
    for year in {d.year for d in facts.dates} | {project.created.year}:  # type: ignore[attr-defined]
        facts.add_number(year)
    return facts


def drawn_forecast_dates(project: object) -> set[dt.date]:
    """The roadmap as drawn: its items' dates and P50/P80/P90, as the timeline and its forecast panel show
    them (the `schedule` command dates and forecasts its own auto-scheduled plan instead)."""
    from roadmap_desktop.domain.forecast import forecast
    from roadmap_desktop.domain.scheduling import ScheduleError, plan_view, schedule

    planned = plan_view(project)  # type: ignore[arg-type]
    if not any(i.start for i in planned.items):
        return set()
    try:
        plan = schedule(planned, keep_dates=True)
        outlook = forecast(planned, plan)
    except ScheduleError:
        return set()
    found: set[dt.date] = {d for row in plan.items.values() for d in (row.start, row.end) if d}
    for entry in [outlook.roadmap, *outlook.milestones.values()]:
        found |= {entry.p50, entry.p80, entry.p90}
    return found


def untraceable(summary: str, facts: Facts) -> tuple[int, list[str]]:
    """How many numbers and dates the summary states, and the ones that are not project facts."""
    checked, bad, text = 0, [], re.sub(r"\b24/7\b|7x24|7×24", " ", summary)  # "always on", not a count
    months = facts.months

    def known_date(year: int | None, month: int, day: int | None) -> bool:
        if day is None:
            return any(m == month and (year is None or y == year) for y, m in months)
        return any(
            d.month == month and abs(d.day - day) <= 2 and (year is None or d.year == year) for d in facts.dates
        ) or any(abs((d - dt.date(year, month, day)).days) <= 2 for d in facts.dates if year)

    for pattern in (ISO_DATE, EN_DATE, ZH_DATE):
        for match in pattern.finditer(text):
            groups = match.groups()
            if pattern is EN_DATE:
                month = [m[:3] for m in MONTHS].index(groups[1][:3]) + 1
                day, year = groups[0] or groups[2], groups[3]
            elif pattern is ISO_DATE:
                year, month, day = groups[0], int(groups[1]), groups[2]
            else:
                year, month, day = groups[0], int(groups[1]), groups[2]
            try:
                ok = 1 <= month <= 12 and known_date(int(year) if year else None, month, int(day) if day else None)
            except ValueError:
                ok = False
            checked += 1
            if not ok:
                bad.append(match.group(0).strip(" .,;"))
        text = pattern.sub(" ", text)
    for shown, value in numbers_in(text):
        checked += 1
        if value not in facts.numbers:
            bad.append(shown)
    return checked, bad


# -- what a task wrote ----------------------------------------------------------------------------
@dataclass
class Draft:
    kind: str
    id: str
    title: str
    texts: dict[str, str]  # what the task wrote, by field (a list's new entries joined with " / ")
    numbers: dict[str, float]
    pieces: list[str] = field(default_factory=list)  # each text and list entry on its own, for the language
    phase: str = ""
    new: bool = True  # added by the task, rather than changed
    depends_on: list[str] = field(default_factory=list)
    relevant: bool | None = None
    title_relevant: bool | None = None
    right_language: bool | None = None
    out_of_bounds: list[str] = field(default_factory=list)
    jurisdiction: list[str] = field(default_factory=list)


def draft_of(kind: str, entity: object, old: object | None) -> Draft | None:
    """What the task wrote on an entity: every field of a new one, the changed fields of an old one."""
    new, before = field_values(entity), field_values(old) if old is not None else {}
    texts: dict[str, str] = {}
    pieces: list[str] = []
    for name in kinds_of(entity, "TEXT", "LONG_TEXT", "TEXT_LIST"):
        value, was = new.get(name), before.get(name)
        entries = [v for v in value if v not in (was or [])] if isinstance(value, list) else [value]
        if value and value != was and any(entries):
            texts[name] = " / ".join(str(e) for e in entries)
            pieces += [str(e) for e in entries if e]
    numbers = {
        name: float(new[name])  # type: ignore[arg-type]
        for name in kinds_of(entity, "INT", "FLOAT")
        if new.get(name) is not None and new.get(name) != before.get(name)
    }
    if old is not None and not texts and not numbers:
        return None
    title = str(new.get("title") or new.get("name") or "")
    draft = Draft(kind, str(new["id"]), title, texts, numbers, pieces, str(new.get("phase") or ""))
    draft.new, draft.depends_on = old is None, list(new.get("depends_on") or [])  # type: ignore[arg-type]
    return draft


def drafts_between(before: object, after: object) -> list[Draft]:
    drafts: list[Draft] = []
    for kind, attribute in (("requirement", "requirements"), ("item", "items"), ("risk", "risks")):
        old = {e.id: e for e in getattr(before, attribute)}
        for entity in getattr(after, attribute):
            draft = draft_of(kind, entity, old.get(entity.id))
            if draft is not None:
                drafts.append(draft)
    lanes = {lane.id: lane.name.split(" ", 1)[0] for lane in after.lanes}  # type: ignore[attr-defined]
    items = {i.id: i for i in after.items}  # type: ignore[attr-defined]
    for draft in drafts:
        if draft.kind == "item" and not draft.phase:
            code = lanes.get(items[draft.id].lane_id, "")
            draft.phase = code if code in PHASES else ""
    return drafts


def judge(draft: Draft, brief: str, language: str, jurisdiction: str, brief_words: set[str]) -> None:
    """Set the draft's verdicts against the brief (its text, project language, jurisdiction and words)."""
    texts = list(draft.texts.values())
    if texts:
        draft.relevant = bool(vocabulary(" ".join(texts)) & brief_words)
        draft.right_language = right_language(draft.pieces, language)
        draft.jurisdiction = jurisdiction_terms(" ".join(texts), brief, jurisdiction)
    if draft.new and draft.title:
        draft.title_relevant = bool(vocabulary(draft.title) & brief_words)
    draft.out_of_bounds = out_of_bounds(draft.numbers)


def distinct_key(draft: Draft) -> str:
    """A new entity counts by its title; a change by what it wrote (priorities: the numbers and rationale)."""
    if draft.new and draft.title:
        return normalise(draft.title)
    return normalise(" ".join(draft.texts.values())) + repr(sorted(draft.numbers.items()))


REPEATABLE = {"title", "category", "owner", "tags"}  # titles count in "distinct"; the others may repeat


def repeats_of(drafts: list[Draft]) -> list[str]:
    found: list[str] = []
    if len(drafts) < 2:
        return found
    for name in sorted({n for d in drafts for n in d.texts} - REPEATABLE):
        values = [normalise(d.texts[name]) for d in drafts if d.texts.get(name)]
        top = max(set(values), key=values.count) if values else ""
        if len(top) >= 10 and values.count(top) > 1:
            found.append(f"{name} repeated {values.count(top)}x")
    number_sets = [tuple(sorted(d.numbers.items())) for d in drafts if d.kind == "requirement" and d.numbers]
    if len(number_sets) > 1 and len(set(number_sets)) == 1:
        found.append(f"same numbers for all {len(number_sets)}")
    return found
