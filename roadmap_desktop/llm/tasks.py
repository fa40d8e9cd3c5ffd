"""Assistant tasks: the messages, JSON schema and sampling each one sends, and the parser that
turns the model's (possibly cut-off) output into reviewable suggestions. No Qt, no llama_cpp."""

from __future__ import annotations

import difflib
import json
import re
import string
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..domain.entity import Entity
from ..domain.fields import FieldValueError
from ..domain.phases import PHASES
from ..domain.project import Project
from ..domain.requirement import LLM_FITS, VALUE_LEVERS, Requirement
from ..domain.risk import Risk
from ..domain.timeline import TimelineItem
from ..persistence.paths import resources_dir
from .json_salvage import Part, salvage

LANGUAGES = ("en", "zh")
SIMILARITY = 0.9  # titles at least this alike (difflib ratio) count as one
PREFIX_MIN = 6  # a normalised title this long that starts another one is the same item
WORD_OVERLAP = 0.6  # titles sharing this share of their words (Jaccard) count as one

# Grammar bounds. Short strings keep a looping model from filling the token budget with one
# value; maxItems ends the array even when the model would go on.
TITLE_LEN = 80
REQUIREMENT_TITLE_LEN = 48
SENTENCE_LEN = 200
SHORT_LEN = 60
REQUIREMENTS_MAX = 8
STORY_CRITERIA_MAX = 6
TIMELINE_MAX = 12
RISKS_MAX = 6
PROMPT_REQUIREMENTS_MAX = 20  # requirements listed in a prompt; bounds the prompt size
IMPACTS = (0.25, 0.5, 1, 2, 3)
CONFIDENCES = (20, 50, 80, 100)
MAX_EFFORT_WEEKS = 520
MAX_PLANNED_DAYS = 365


@dataclass(frozen=True)
class TaskSpec:
    """Sampling recommended for a task.

    Small models loop under a schema (SmolLM2-135M wrote one title ten times): a repeat penalty
    over a short window plus a frequency penalty makes a repeated title costlier each time, and
    the presence penalty nudges towards new words. They stay mild because the JSON keys and
    punctuation must repeat; the grammar forces those anyway.
    """

    name: str
    max_tokens: int
    temperature: float
    repeat_penalty: float = 1.15
    frequency_penalty: float = 0.3
    presence_penalty: float = 0.2

    def sampling(self) -> dict[str, float | int]:
        """Keyword arguments for Engine.stream_chat (and llama-cpp-python's create_chat_completion)."""
        return {
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "repeat_penalty": self.repeat_penalty,
            "frequency_penalty": self.frequency_penalty,
            "presence_penalty": self.presence_penalty,
        }


@dataclass
class TaskInputs:
    """What a task works from. ``library`` is a RiskLibrary (or any iterable of risk entries)."""

    project: Project | None = None
    brief: str = ""
    requirement_id: str = ""
    library: object = None
    # Titles suggested by earlier rounds of this request: the prompt asks for others, and the
    # parser drops repeats of them.
    drafted: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FieldChanges:
    """Suggested new values for fields of an existing entity (apply with commands.set_fields)."""

    kind: str
    entity_id: str
    values: dict[str, object]
    note: str = ""


@dataclass
class TaskResult:
    task: str
    suggestions: list = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    complete: bool = False


@dataclass(frozen=True)
class LibraryRisk:
    id: str
    title: dict[str, str]
    category: str
    mitigations: tuple[str, ...]


# -- shared helpers ------------------------------------------------------------------------


def prompts_dir() -> Path:
    return resources_dir() / "prompts"


@dataclass(frozen=True)
class Prompt:
    """A prompt file: the system text, worked examples (user, assistant) and the user template."""

    system: str
    examples: tuple[tuple[str, str], ...]
    user: str


# Placeholders a worked example may use too (the phase list is the same for every product).
SHARED_PLACEHOLDERS = ("phases",)

_SECTION = re.compile(r"^\[(system|example-user|example-assistant|user)\]\s*$", re.MULTILINE)


@cache
def load_prompt(task: str, language: str) -> Prompt:
    """resources/prompts/<task>.<language>.md: [system], optional [example-user] /
    [example-assistant] pairs (a worked example as earlier chat turns), then [user]."""
    name = f"{task}.{language}"
    text = (prompts_dir() / f"{name}.md").read_text(encoding="utf-8")
    pieces = _SECTION.split(text)
    sections = [(pieces[i], pieces[i + 1].strip()) for i in range(1, len(pieces) - 1, 2)]
    kinds = [kind for kind, _ in sections]
    if not kinds or kinds[0] != "system" or kinds[-1] != "user" or kinds.count("user") != 1:
        raise ValueError(f"prompt {name} needs a [system] section first and one [user] section last")
    middle = sections[1:-1]
    if [k for k, _ in middle] != ["example-user", "example-assistant"] * (len(middle) // 2):
        raise ValueError(f"prompt {name}: examples must come as [example-user] then [example-assistant]")
    examples = tuple((middle[i][1], middle[i + 1][1]) for i in range(0, len(middle), 2))
    return Prompt(sections[0][1], examples, sections[-1][1])


def _messages(task: str, language: str, **values: object) -> list[dict[str, str]]:
    prompt = load_prompt(task, language)
    text = string.Template(prompt.user).substitute({k: str(v) for k, v in values.items()})
    text = re.sub(r"\n{3,}", "\n\n", text)  # an empty optional block leaves no gap
    messages = [{"role": "system", "content": prompt.system}]
    shared = {k: str(v) for k, v in values.items() if k in SHARED_PLACEHOLDERS}
    for user, assistant in prompt.examples:
        example = string.Template(user).safe_substitute(shared)
        messages += [{"role": "user", "content": example}, {"role": "assistant", "content": assistant}]
    return [*messages, {"role": "user", "content": text}]


def project_language(inputs: TaskInputs, language: str | None) -> str:
    if language is None:
        language = inputs.project.info.language if inputs.project else "en"
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def _string(max_length: int) -> dict:
    return {"type": "string", "maxLength": max_length}


def _strings(max_items: int, max_length: int, min_items: int = 0) -> dict:
    return {"type": "array", "items": _string(max_length), "minItems": min_items, "maxItems": max_items}


def _object(properties: dict[str, dict]) -> dict:
    # Every property is required and in a fixed order: optional properties make the grammar
    # (and a small model's choices) much larger.
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _list_schema(key: str, item: dict, max_items: int, min_items: int = 1) -> dict:
    return _object({key: {"type": "array", "items": item, "minItems": min_items, "maxItems": max_items}})


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


_ENUMERATION = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z])\s*[.)、．]\s+(?=\S)|^\s*\d{1,2}\s*[、．]\s*(?=\S)")


def clean_title(title: str) -> str:
    """The name part of a title a small model ran on past ("Data analysis, this is an improvement"),
    without stray quotes, capitalised."""
    title = _ENUMERATION.sub("", title)  # "1. Offline mode" / "2、离线模式": list numbering, not the name
    head = re.split(r"\s*[,;，；:：(（]\s*", title, maxsplit=1)[0].strip()
    title = head if len(head) >= 3 else title
    title = title.strip(" '\"‘’“”.。")
    return title[:1].upper() + title[1:] if title[:1].islower() else title


# Filler a small model writes instead of a name: "Sentence 1", "Feature 2", "<title>".
_PLACEHOLDER = re.compile(
    r"<[^>]*>|\[[^\]]*\]|^(sentence|item|feature|requirement|title|name|example|task|risk|功能|需求|标题)\s*\d*$",
    re.IGNORECASE,
)


def example_titles(task: str, language: str) -> list[str]:
    """Titles in the prompt's example output, which a copying model must not get credit for."""
    try:
        prompt = load_prompt(task, language)
    except (OSError, ValueError):
        return []
    texts = [prompt.system, prompt.user, *(part for pair in prompt.examples for part in pair)]
    return re.findall(r'"title":\s*"([^"]+)"', "\n".join(texts))


def example_texts(task: str, language: str) -> list[str]:
    """Normalised text values of the worked examples' answers: output that repeats one of them is
    the example copied, not an answer."""
    try:
        prompt = load_prompt(task, language)
    except (OSError, ValueError):
        return []
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            norm = normalise_title(value)
            if len(norm) >= 8:
                found.append(norm)
        elif isinstance(value, dict):
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for _user, answer in prompt.examples:
        try:
            walk(json.loads(answer))
        except ValueError:
            continue
    return found


def copies_example(text: str, examples: list[str]) -> bool:
    norm = normalise_title(text)
    return any(similar(norm, other) or (len(other) >= 12 and other in norm) for other in examples)


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


class _Titles:
    """Remembers accepted titles and says which earlier one a new title repeats."""

    def __init__(self, existing: Iterable[str] = (), examples: Iterable[str] = (), drafted: Iterable[str] = ()) -> None:
        self.existing = list(existing)
        self.drafted = list(drafted)
        # Small models copy the prompt's example output; such an item is no suggestion.
        self.examples = [normalise_title(t) for t in examples]
        self.seen: list[tuple[str, str]] = []  # (title, label of the item that had it)

    def repeat_of(self, title: str) -> str | None:
        if _PLACEHOLDER.search(title):
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
        title = _text(raw, TITLE_LEN * 2)
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


def _items(text: str, key: str, result: TaskResult, noun: str = "item") -> list[tuple[int, dict]]:
    """(1-based position, value) of every complete element of the list under ``key``."""
    root = salvage(text)
    if root.kind != "object":
        result.dropped.append(f"the output held no JSON object ({root.error or root.kind})")
        return []
    array = root.member(key)
    if array.kind != "array" and not root.complete:
        result.dropped.append(f"the output was cut off before its first {noun}")
        return []
    if array.kind == "missing":
        result.dropped.append(f"the output has no {key!r} list")
        return []
    if array.kind != "array":
        result.dropped.append(f"{key!r} is not a list")
        return []
    result.complete = root.complete and array.complete and all(c.complete for c in array.children)
    kept: list[tuple[int, dict]] = []
    for position, child in enumerate(array.children, start=1):
        if child.complete and child.kind == "object":
            kept.append((position, child.to_python()))  # type: ignore[arg-type]
        else:
            result.dropped.append(f"{noun} {position} {_why_incomplete(child)}")
    if not result.complete and all(c.complete for c in array.children):
        result.dropped.append(f"the output was cut off after {len(array.children)} {noun}s")
    return kept


def _why_incomplete(part: Part) -> str:
    if part.kind == "object":
        bad = [k for k, v in part.members.items() if not v.complete]
        if bad and bad[-1] and part.members[bad[-1]].error.startswith("not valid"):
            return f"has an invalid {bad[-1]!r}"
        return "was cut off"
    if part.error.startswith("not valid"):
        return "is not valid JSON"
    if part.kind == "invalid":
        return "was cut off"
    return "is not an object"


def _text(value: object, limit: int) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:limit] if value else None


def _text_list(value: object, limit: int, per_entry: int) -> list[str]:
    if not isinstance(value, list):
        return []
    out = [t for t in (_text(v, per_entry) for v in value) if t]
    return out[:limit]


def _set(entity: Entity, name: str, value: object, label: str, dropped: list[str], required: bool = False) -> bool:
    """Coerce ``value`` into the field; on failure keep the default and say so (or drop the item)."""
    try:
        entity.set(name, value)
        return True
    except FieldValueError as exc:
        shown = repr(value) if not isinstance(value, str) or len(value) < 40 else repr(value[:37] + "...")
        if required:
            dropped.append(f"{label}: {name.replace('_', ' ')} {shown} is out of range ({exc}); item dropped")
        else:
            dropped.append(f"{label}: {name.replace('_', ' ')} {shown} is not allowed ({exc}); left empty")
        return False


def _numbered_requirements(project: Project | None) -> list[tuple[int, Requirement]]:
    reqs = list(project.requirements) if project else []
    return list(enumerate(reqs[:PROMPT_REQUIREMENTS_MAX], start=1))


def _requirement_lines(project: Project | None, detail: bool = True) -> str:
    lines = []
    for n, req in _numbered_requirements(project):
        line = f"{n}. {req.title}"
        if detail and req.description:
            line += f": {' '.join(req.description.split())[:140]}"
        lines.append(line)
    return "\n".join(lines) or "(none yet)"


def _product_line(project: Project | None) -> str:
    if project is None:
        return ""
    info = project.info
    line = info.name
    if info.domain:
        line += f" ({info.domain})"
    if info.description:
        line += f": {' '.join(info.description.split())[:300]}"
    return line


# -- the tasks -------------------------------------------------------------------------------


class Task:
    name = ""
    spec: TaskSpec
    # Small models repeat themselves within one answer; a task may ask again (with what it already
    # has listed as "do not repeat") until it has ``wanted`` distinct suggestions.
    rounds = 1
    wanted = 0

    def wants_another_round(self, rounds_done: int, suggestions: int) -> bool:
        return rounds_done < self.rounds and suggestions < self.wanted

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        raise NotImplementedError

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        raise NotImplementedError

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        raise NotImplementedError

    def response_format(self, inputs: TaskInputs | None = None) -> dict:
        # "json_object" + "schema" is the form llama-cpp-python honours; "json_schema" is ignored.
        return {"type": "json_object", "schema": self.schema(inputs)}


class RequirementsTask(Task):
    """Brief -> draft requirements. A worked example as earlier chat turns (not an inline sample,
    which SmolLM2 copied) and four short fields keep a 135M model on the brief; titles are capped
    because a looping model runs on inside a long string."""

    name = "requirements"
    spec = TaskSpec(
        name, max_tokens=800, temperature=0.7, repeat_penalty=1.1, frequency_penalty=0.2, presence_penalty=0.1
    )
    wanted = 5
    rounds = 4

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        brief = inputs.brief.strip() or (inputs.project.info.description.strip() if inputs.project else "")
        if not brief:
            raise ValueError("the requirements task needs a product brief")
        existing = [r.title for r in inputs.project.requirements] if inputs.project else []
        existing = (existing + list(inputs.drafted))[-PROMPT_REQUIREMENTS_MAX:]
        block = ""
        if existing:
            head = "已有需求（不要重复）：" if language == "zh" else "Already planned (do not repeat):"
            block = head + "\n" + "\n".join(f"- {t}" for t in existing)
        return _messages(self.name, language, brief=brief[:2000], existing=block, count=self.wanted)

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        item = _object(
            {
                "title": _string(REQUIREMENT_TITLE_LEN),
                "user_story": _string(SENTENCE_LEN),
                "value_lever": {"enum": [v for v in VALUE_LEVERS if v]},
                "llm_fit": {"enum": [v for v in LLM_FITS if v]},
            }
        )
        return _list_schema("requirements", item, self.wanted + 1, min_items=self.wanted)

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        project = inputs.project if inputs else None
        existing = [r.title for r in project.requirements] if project else []
        drafted = list(inputs.drafted) if inputs else []
        language = project_language(inputs, None) if inputs else "en"
        titles = _Titles(existing, example_titles(self.name, language), drafted)
        for position, data in _items(text, "requirements", result):
            label = f"item {position}"
            title = titles.take(data.get("title"), label, result.dropped)
            if title is None:
                continue
            req = Requirement(title=title)
            story = _text(data.get("user_story"), SENTENCE_LEN * 2)
            if story:
                req.set("description", story)
            # Optional: a larger model (or an older prompt) may fill these too.
            _set(req, "target_users", _text_list(data.get("target_users"), 5, SHORT_LEN * 2), label, result.dropped)
            _set(req, "pain_points", _text_list(data.get("pain_points"), 5, SENTENCE_LEN), label, result.dropped)
            _set(req, "value_lever", data.get("value_lever", ""), label, result.dropped)
            _set(req, "llm_fit", data.get("llm_fit", ""), label, result.dropped)
            reason = _text(data.get("llm_fit_reason"), SENTENCE_LEN * 2)
            if reason and req.llm_fit:
                req.set("llm_fit_reason", reason)
            req.validate()
            titles.add(title, label)
            result.suggestions.append(req)
        return result


class UserStoryTask(Task):
    name = "user-story"
    spec = TaskSpec(name, max_tokens=500, temperature=0.4)

    def _requirement(self, inputs: TaskInputs | None) -> Requirement:
        if inputs is None or inputs.project is None:
            raise ValueError("the user-story task needs a project and a requirement")
        if not inputs.requirement_id and inputs.project.requirements:
            return inputs.project.requirements[0]
        found = inputs.project.find("requirement", inputs.requirement_id)
        if found is None:
            raise ValueError(f"no requirement with id {inputs.requirement_id!r}")
        return found  # type: ignore[return-value]

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        req = self._requirement(inputs)
        zh = language == "zh"
        details = []
        if req.description:
            details.append(("说明：" if zh else "Notes: ") + " ".join(req.description.split())[:400])
        if req.target_users:
            details.append(("目标用户：" if zh else "Users: ") + ", ".join(req.target_users[:5]))
        if req.pain_points:
            details.append(("痛点：" if zh else "Pain points: ") + "; ".join(req.pain_points[:5]))
        return _messages(
            self.name, language, product=_product_line(inputs.project), title=req.title, details="\n".join(details)
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        return _object(
            {
                "user_story": _string(SENTENCE_LEN + 100),
                "acceptance_criteria": _strings(STORY_CRITERIA_MAX, SENTENCE_LEN - 40, 2),
            }
        )

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        req = self._requirement(inputs)
        root = salvage(text)
        if root.kind != "object":
            result.dropped.append(f"the output held no JSON object ({root.error or root.kind})")
            return result
        result.complete = root.complete
        values: dict[str, object] = {}
        language = project_language(inputs, None) if inputs else "en"
        copied = example_texts(self.name, language)
        story = root.member("user_story")
        if story.complete and (text_value := _text(story.value, 1000)) and copies_example(text_value, copied):
            result.dropped.append("the user story copies the prompt's example")
        elif story.complete and (text_value := _text(story.value, 1000)):
            values["description"] = text_value
        elif story.kind == "string":
            result.dropped.append("the user story was cut off")
        else:
            result.dropped.append("the output has no user story")
        criteria = root.member("acceptance_criteria")
        kept: list[str] = []
        seen = _Titles(req.acceptance_criteria)
        for position, child in enumerate(criteria.children, start=1):
            label = f"criterion {position}"
            entry = _text(child.value, 400) if child.complete else None
            if not child.complete:
                result.dropped.append(f"{label} was cut off")
            elif not entry:
                result.dropped.append(f"{label} is empty or not text")
            elif copies_example(entry, copied):
                result.dropped.append(f"{label} copies the prompt's example")
            elif repeat := seen.repeat_of(entry):
                result.dropped.append(f"{label} {repeat.replace('title', 'text')}")
            else:
                seen.add(entry, label)
                kept.append(entry)
        if kept:
            values["acceptance_criteria"] = [*req.acceptance_criteria, *kept]
        probe = req.clone()
        for name, value in list(values.items()):
            if not _set(probe, name, value, "user story", result.dropped):
                del values[name]
        if values:
            result.suggestions.append(FieldChanges("requirement", req.id, values, req.title))
        return result


class PrioritiesTask(Task):
    name = "priorities"
    spec = TaskSpec(name, max_tokens=1200, temperature=0.2, frequency_penalty=0.1, presence_penalty=0.0)

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        if not inputs.project or not inputs.project.requirements:
            raise ValueError("the priorities task needs requirements")
        return _messages(
            self.name,
            language,
            product=_product_line(inputs.project),
            requirements=_requirement_lines(inputs.project, detail=False),
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        count = len(_numbered_requirements(inputs.project if inputs else None)) or PROMPT_REQUIREMENTS_MAX
        item = _object(
            {
                # The requirement's number in the prompt, not its UUID: small models mangle UUIDs.
                "n": {"enum": list(range(1, count + 1))},
                "reach": {"type": "integer"},
                "impact": {"enum": list(IMPACTS)},
                "confidence": {"enum": list(CONFIDENCES)},
                "effort_weeks": {"type": "number"},
                "rationale": _string(SENTENCE_LEN - 60),
            }
        )
        return _list_schema("priorities", item, count)

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        numbered = dict(_numbered_requirements(inputs.project if inputs else None))
        done: dict[int, str] = {}
        for position, data in _items(text, "priorities", result, "entry"):
            label = f"entry {position}"
            n = data.get("n")
            if isinstance(n, bool) or not isinstance(n, int) or n not in numbered:
                result.dropped.append(f"{label}: requirement number {n!r} is not in the list")
                continue
            if n in done:
                result.dropped.append(f"{label} repeats requirement {n} ({done[n]})")
                continue
            req = numbered[n]
            label = f"{label} (requirement {n})"
            probe = req.clone()
            values: dict[str, object] = {}
            checks = (
                ("rice_reach", data.get("reach"), lambda v: True),
                ("rice_impact", data.get("impact"), lambda v: v in IMPACTS),
                ("rice_confidence", data.get("confidence"), lambda v: 0 < v <= 100),
                ("effort", data.get("effort_weeks"), lambda v: 0 < v <= MAX_EFFORT_WEEKS),
            )
            for name, value, ok in checks:
                if value is None:
                    result.dropped.append(f"{label}: no {name.replace('_', ' ')}")
                    continue
                if _set(probe, name, value, label, result.dropped):
                    if ok(getattr(probe, name)):
                        values[name] = getattr(probe, name)
                    else:
                        shown = name.replace("_", " ")
                        result.dropped.append(f"{label}: {shown} {value!r} is out of range; left as is")
            if not values:
                result.dropped.append(f"{label} has no usable values")
                continue
            done[n] = req.title
            note = _text(data.get("rationale"), SENTENCE_LEN) or ""
            if note and copies_example(note, example_texts(self.name, project_language(inputs, None))):
                note = ""  # the numbers are the model's own; a copied rationale is no reason
            result.suggestions.append(FieldChanges("requirement", req.id, values, note))
        return result


class TimelineTask(Task):
    name = "timeline"
    spec = TaskSpec(name, max_tokens=1200, temperature=0.3)
    wanted = 5
    rounds = 2

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        if not inputs.project or not inputs.project.requirements:
            raise ValueError("the timeline task needs requirements")
        phases = "\n".join(f"{p.code}: {p.name(language)}" for p in PHASES)
        planned = ([i.title for i in inputs.project.items] + list(inputs.drafted))[-PROMPT_REQUIREMENTS_MAX:]
        block = ""
        if planned:
            head = "已有任务（不要重复）：" if language == "zh" else "Already planned (do not repeat):"
            block = head + "\n" + "\n".join(f"- {t}" for t in planned)
        return _messages(
            self.name,
            language,
            product=_product_line(inputs.project),
            requirements=_requirement_lines(inputs.project, detail=False),
            existing=block,
            phases=phases,
            count=TIMELINE_MAX,
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        item = _object(
            {
                "n": {"type": "integer"},
                "phase": {"enum": [p.code for p in PHASES]},
                "title": _string(TITLE_LEN),
                "duration_days": {"type": "integer"},
                "depends_on": {"type": "array", "items": {"type": "integer"}, "maxItems": 3},
            }
        )
        return _list_schema("items", item, TIMELINE_MAX)

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        project = inputs.project if inputs else None
        language = project_language(inputs, None) if inputs else "en"
        titles = _Titles(
            [i.title for i in project.items] if project else [],
            example_titles(self.name, language),
            inputs.drafted if inputs else [],
        )
        lanes = {}
        if project:
            for lane in project.lanes:
                code = lane.name.split(" ", 1)[0]
                lanes.setdefault(code, lane.id)
        kept: list[tuple[int, object, list, TimelineItem]] = []
        for position, data in _items(text, "items", result):
            label = f"item {position}"
            title = titles.take(data.get("title"), label, result.dropped)
            if title is None:
                continue
            item = TimelineItem(title=title)
            days = data.get("duration_days")
            if isinstance(days, int) and not isinstance(days, bool) and days > MAX_PLANNED_DAYS:
                result.dropped.append(
                    f"{label}: duration {days} days is out of range (0-{MAX_PLANNED_DAYS}); item dropped"
                )
                continue
            if not _set(item, "duration_days", days, label, result.dropped, required=True):
                continue
            if _set(item, "phase", data.get("phase", ""), label, result.dropped) and item.phase in lanes:
                item.lane_id = lanes[item.phase]
            item.milestone = item.duration_days == 0
            deps = data.get("depends_on")
            kept.append((position, data.get("n"), deps if isinstance(deps, list) else [], item))
            titles.add(title, label)
        # Map the model's item numbers to the new ids; fall back to positions when the numbers
        # are missing or repeated (small models miscount).
        numbers = [n for _, n, _, _ in kept]
        use_n = all(isinstance(n, int) for n in numbers) and len(set(numbers)) == len(numbers)
        by_key = {(n if use_n else pos): item for pos, n, _, item in kept}
        order = {id(item): i for i, (_, _, _, item) in enumerate(kept)}
        for pos, n, deps, item in kept:
            own = n if use_n else pos
            ids: list[str] = []
            for dep in deps:
                target = by_key.get(dep) if isinstance(dep, int) and not isinstance(dep, bool) else None
                if target is None:
                    result.dropped.append(f"item {pos}: dependency on {dep!r} dropped (no such item kept)")
                elif dep == own or order[id(target)] >= order[id(item)]:
                    result.dropped.append(f"item {pos}: dependency on {dep!r} dropped (not an earlier item)")
                elif target.id not in ids:
                    ids.append(target.id)
            item.set("depends_on", ids)
            item.validate()
            result.suggestions.append(item)
        return result


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
        titles = dict(title) if isinstance(title, dict) else {"en": str(title), "zh": str(title)}
        mitigations: list[str] = []
        for m in get("mitigations", ()) or ():  # type: ignore[union-attr]
            mitigations.append(m if isinstance(m, str) else str(_by_language(m, "en")))
        category = get("category")
        entries.append(
            LibraryRisk(
                str(get("id")),
                titles,
                category if isinstance(category, str) else str(_by_language(category, "en")),
                tuple(mitigations),
            )
        )
    return entries


def _by_language(value: object, language: str) -> object:
    if isinstance(value, dict):
        return value.get(language) or value.get("en") or next(iter(value.values()), "")
    return getattr(value, language, None) or getattr(value, "en", None) or value


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
                lines.append(("阶段：" if language == "zh" else "Phases: ") + ", ".join(phases))
        library = "\n".join(f"{e.id}: {_by_language(e.title, language)}" for e in entries)
        return _messages(
            self.name,
            language,
            product=_product_line(project),
            roadmap="\n".join(lines) or "-",
            library=library,
            count=min(self.wanted, len(entries)),
        )

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        ids = [e.id for e in self._offered(inputs)]
        item = _object(
            {
                "id": {"enum": ids},  # the model cannot invent a risk outside the library
                "likelihood": {"enum": [1, 2, 3, 4, 5]},
                "impact": {"enum": [1, 2, 3, 4, 5]},
                "why": _string(SENTENCE_LEN - 40),
            }
        )
        return _list_schema("risks", item, min(RISKS_MAX, len(ids)))

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        entries = {e.id: e for e in self._library(inputs)}
        project = inputs.project if inputs else None
        language = project.info.language if project and project.info.language in LANGUAGES else "en"
        titles = _Titles([r.title for r in project.risks] if project else [], (), inputs.drafted if inputs else [])
        copied = example_texts(self.name, language)
        seen: dict[str, str] = {}
        for position, data in _items(text, "risks", result, "risk"):
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
            if not _set(risk, "likelihood", data.get("likelihood"), label, result.dropped, required=True):
                continue
            if not _set(risk, "impact", data.get("impact"), label, result.dropped, required=True):
                continue
            why = _text(data.get("why"), SENTENCE_LEN * 2) or ""
            if why and copies_example(why, copied):
                why = ""  # the example's reason is about another product
            head = ("为什么在这里：" if language == "zh" else "Why here: ") + why if why else ""
            risk.set("description", "\n\n".join(p for p in (head, risk.description, f"[{rid}]") if p))
            risk.validate()
            seen[rid] = label
            titles.add(title, label)
            result.suggestions.append(risk)
        return result


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?。！？])\s*", text) if part.strip()]


class SummaryTask(Task):
    name = "summary"
    spec = TaskSpec(name, max_tokens=450, temperature=0.5, frequency_penalty=0.4)
    max_chars = 600  # the Python grammar converter nests one rule per character; keep it modest

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        language = project_language(inputs, language)
        project = inputs.project
        if project is None:
            raise ValueError("the summary task needs a project")
        zh = language == "zh"
        lines = [_product_line(project)]
        if project.requirements:
            lines.append("需求：" if zh else "Requirements:")
            lines.append(_requirement_lines(project, detail=False))
        if project.items:
            dated = [i for i in project.items if i.start]
            span = ""
            if dated:
                first = min(i.start for i in dated)  # type: ignore[type-var]
                last = max(i.end for i in dated)  # type: ignore[type-var]
                span = f" {first.isoformat()} – {last.isoformat()}"  # type: ignore[union-attr]
            count = f"{len(project.items)} 个时间线任务" if zh else f"{len(project.items)} timeline items"
            lines.append(count + span)
        if project.risks:
            top = sorted(project.risks, key=lambda r: -r.exposure)[:5]
            lines.append(("主要风险：" if zh else "Top risks: ") + "; ".join(r.title for r in top))
        return _messages(self.name, language, project="\n".join(lines))

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        return _object({"summary": _string(self.max_chars)})

    def _without_copied_sentences(self, summary: str, language: str, dropped: list[str]) -> str:
        # A copied sentence states the example's facts ("runs about three months") as this
        # project's: worse than no sentence.
        example_sentences = [
            normalise_title(sentence)
            for _user, answer in load_prompt(self.name, language).examples
            for sentence in _sentences(str(json.loads(answer).get("summary", "")))
        ]
        kept, copied = [], 0
        for sentence in _sentences(summary):
            if any(similar(normalise_title(sentence), other) for other in example_sentences):
                copied += 1
            else:
                kept.append(sentence)
        if copied:
            dropped.append(f"{copied} sentence(s) copied from the prompt's example were removed")
        return ("" if language == "zh" else " ").join(kept).strip()

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        result = TaskResult(self.name)
        root = salvage(text)
        part = root.member("summary") if root.kind == "object" else root
        if part.kind != "string":
            result.dropped.append(f"the output has no summary ({root.error or 'no summary field'})")
            return result
        summary = " ".join(str(part.value).split())
        if not part.complete:
            ends = [
                i
                for i, ch in enumerate(summary)
                if ch in "。！？" or (ch in ".!?" and summary[i + 1 : i + 2] in ("", " "))
            ]
            cut = ends[-1] if ends else -1
            if cut >= 0:
                summary = summary[: cut + 1].strip()
                result.dropped.append("the summary was cut off; kept up to its last full sentence")
            else:
                summary = ""
                result.dropped.append("the summary was cut off before its first full sentence")
        result.complete = root.complete
        language = project_language(inputs, None) if inputs and inputs.project else "en"
        if summary:
            summary = self._without_copied_sentences(summary, language, result.dropped)
        if summary:
            result.suggestions.append(summary[: self.max_chars])
        return result


TASKS: dict[str, Task] = {
    task.name: task
    for task in (RequirementsTask(), UserStoryTask(), PrioritiesTask(), TimelineTask(), RisksTask(), SummaryTask())
}


def get_task(name: str) -> Task:
    try:
        return TASKS[name]
    except KeyError:
        raise ValueError(f"unknown task {name!r}; choose from {', '.join(TASKS)}") from None


def task_names() -> Sequence[str]:
    return tuple(TASKS)
