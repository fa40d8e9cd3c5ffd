"""What every assistant task shares: inputs and results, prompt files, JSON-schema and parsing helpers, the Task base.

No Qt, no llama_cpp. The tasks themselves are in ``tasks``; title rules in ``titles``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..domain.project import Project
from ..domain.requirement import Requirement
from ..persistence.paths import resources_dir
from ..wording import FALLBACK, Wording, languages, wording
from .json_salvage import Part, salvage

# Grammar bounds. Short strings keep a looping model from filling the token budget with one
# value; maxItems ends the array even when the model would go on.
TITLE_LEN = 80
REQUIREMENT_TITLE_LEN = 48
SENTENCE_LEN = 200
REQUIREMENTS_MAX = 8
PROMPT_REQUIREMENTS_MAX = 20  # requirements listed in a prompt; bounds the prompt size


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
    requirement_library: object = None  # a RequirementLibrary; None: the bundled one
    model_parameters: int = 0  # of the model that will answer (0: unknown, treated as small)
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
    stopped: bool = False  # the user stopped the generation: the complete items so far are kept


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


def prompt_language(task: str, language: str) -> str:
    """The language a task's prompt is written in: ``language`` where resources/prompts has the
    task in it, else English (a language with only a wording catalog still gets drafts)."""
    return language if (prompts_dir() / f"{task}.{language}.md").is_file() else FALLBACK


def prompt_wording(task: str, language: str) -> Wording:
    """The words a task adds to its prompt, in the prompt's language."""
    return wording(prompt_language(task, language))


@cache
def load_prompt(task: str, language: str) -> Prompt:
    """resources/prompts/<task>.<language>.md (English when that language has none): [system],
    optional [example-user] / [example-assistant] pairs (a worked example as earlier chat turns),
    then [user]."""
    name = f"{task}.{prompt_language(task, language)}"
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


def prompt_messages(task: str, language: str, **values: object) -> list[dict[str, str]]:
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
    """``language``, else the project's; one the wording catalogs know (ValueError otherwise)."""
    if language is None:
        language = inputs.project.info.language if inputs.project else FALLBACK
    if language not in languages():
        raise ValueError(f"language must be one of {', '.join(languages())}, not {language!r}")
    return language


def string_schema(max_length: int) -> dict:
    return {"type": "string", "maxLength": max_length}


def object_schema(properties: dict[str, dict]) -> dict:
    # Every property is required and in a fixed order: optional properties make the grammar
    # (and a small model's choices) much larger.
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def list_schema(key: str, item: dict, max_items: int, min_items: int = 1) -> dict:
    return object_schema({key: {"type": "array", "items": item, "minItems": min_items, "maxItems": max_items}})


def list_items(text: str, key: str, result: TaskResult, noun: str = "item") -> list[tuple[int, dict]]:
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


def picks(
    text: str, key: str, field: str, offered: Iterable[str], result: TaskResult, noun: str, extra: Iterable[str] = ()
) -> Iterator[tuple[str, str, dict]]:
    """(label, id, item) for every complete item of the list under ``key`` whose ``field`` names one of
    the ``offered`` ids (or an ``extra`` value such as "new"), each id once; the rest are said in
    ``result.dropped``. The grounded tasks' model only picks among what it was offered."""
    allowed, seen = set(offered), set()
    for position, data in list_items(text, key, result, noun):
        label, choice = f"{noun} {position}", data.get(field)
        if choice in extra:
            yield label, choice, data
        elif choice not in allowed:
            result.dropped.append(f"{label}: {choice!r} is not one of the offered ids")
        elif choice in seen:
            result.dropped.append(f"{label} repeats {choice}")
        else:
            seen.add(choice)
            yield label, choice, data


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


def text_of(value: object, limit: int) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:limit] if value else None


def numbered_requirements(project: Project | None) -> list[tuple[int, Requirement]]:
    reqs = list(project.requirements) if project else []
    return list(enumerate(reqs[:PROMPT_REQUIREMENTS_MAX], start=1))


def product_line(project: Project | None) -> str:
    if project is None:
        return ""
    info = project.info
    line = info.name
    if info.domain:
        line += f" ({info.domain})"
    if info.description:
        line += f": {' '.join(info.description.split())[:300]}"
    return line


class Task:
    name = ""
    spec: TaskSpec
    # Small models repeat themselves within one answer; a task may ask again (with what it already
    # has listed as "do not repeat") until it has ``wanted`` distinct suggestions.
    rounds = 1
    wanted = 0

    def wants_another_round(self, rounds_done: int, suggestions: int) -> bool:
        return rounds_done < self.rounds and suggestions < self.wanted

    def preview(self, inputs: TaskInputs) -> list:
        """Suggestions available before the model answers (a grounded task's library matches)."""
        return []

    def asks_model(self, inputs: TaskInputs) -> bool:
        """Whether the model has a part in this request; when not, the preview is the whole answer
        and no model is loaded or run (a small model's share of some tasks measured as noise)."""
        return True

    def build_messages(self, inputs: TaskInputs, language: str | None = None) -> list[dict[str, str]]:
        raise NotImplementedError

    def schema(self, inputs: TaskInputs | None = None) -> dict:
        raise NotImplementedError

    def parse(self, text: str, inputs: TaskInputs | None = None) -> TaskResult:
        raise NotImplementedError

    def response_format(self, inputs: TaskInputs | None = None) -> dict:
        # "json_object" + "schema" is the form llama-cpp-python honours; "json_schema" is ignored.
        return {"type": "json_object", "schema": self.schema(inputs)}
