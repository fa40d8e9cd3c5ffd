"""Project templates (File > New from Template): bilingual JSON files in ``resources/templates/``
turned into fresh projects with new ids, P0-P7 lanes, dated timeline items and library risks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..domain import scoring_levels
from ..domain.fields import FieldValueError
from ..domain.phases import PHASES
from ..domain.project import LANGUAGES, Project
from ..domain.requirement import Requirement
from ..domain.risk_library import RiskLibrary
from ..domain.scheduling import ScheduleError, schedule
from ..domain.timeline import TimelineItem
from ..wording import wording
from .data_file import read_json_object
from .errors import ProjectFileError
from .paths import resources_dir
from .risk_library_file import load_default_risk_library

TEMPLATE_FORMAT = "roadmap-desktop-template"
TEMPLATE_VERSION = 1
TEMPLATES_DIR_NAME = "templates"
BLANK_ID = "blank"
MAX_TEMPLATE_BYTES = 1024 * 1024
BULLET = "• "
MAX_EFFORT_WEEKS = 52

_TOP_KEYS = {"format", "version", "id", "order", "name", "summary", "project", "requirements", "items", "risks"}
_PROJECT_KEYS = {"name", "vision", "domain", "metrics"}
_REQUIREMENT_KEYS = {
    "title",
    "story",
    "moscow",
    "value_lever",
    "llm_fit",
    "llm_fit_reason",
    "scores",
    "effort_weeks",
    "target_users",
    "pain_points",
    "acceptance_criteria",
    "tags",
    "risks",
    "items",
}
_ITEM_KEYS = {"key", "title", "phase", "duration_days", "milestone", "depends_on", "notes"}
_RISK_KEYS = {"library_id", "items"}


@dataclass(frozen=True)
class TemplateInfo:
    """What the template picker shows: the id, and the name and one-line description by language."""

    id: str
    name: Mapping[str, str]
    summary: Mapping[str, str]
    order: int = 0

    def name_in(self, language: str) -> str:
        return self.name.get(language) or self.name["en"]

    def summary_in(self, language: str) -> str:
        return self.summary.get(language) or self.summary["en"]


class _Broken(ValueError):
    """A problem inside one template; the caller adds the file name."""


def templates_dir() -> Path:
    return resources_dir() / TEMPLATES_DIR_NAME


def list_templates() -> list[TemplateInfo]:
    """Blank first, then every readable template by its ``order`` and id.

    A broken file is left out here; loading it by id reports what is wrong.
    """
    found: list[TemplateInfo] = []
    for file in sorted(templates_dir().glob("*.json")):
        try:
            data = _read(file)
            found.append(_info(data, file))
        except (ProjectFileError, _Broken):
            continue
    found.sort(key=lambda info: (info.order, info.id))
    return [_blank_info(), *found]


def _blank_info() -> TemplateInfo:
    names = {code: wording(code)["template.blank.name"] for code in LANGUAGES}
    summaries = {code: wording(code)["template.blank.summary"] for code in LANGUAGES}
    return TemplateInfo(BLANK_ID, names, summaries, -1)


def template_path(template_id: str) -> Path:
    return templates_dir() / f"{template_id}.json"


def load_template(
    template_id: str,
    language: str,
    today: dt.date | None = None,
    library: RiskLibrary | None = None,
) -> Project:
    """A new project from the template in ``language`` ("en" or "zh"), its items dated from ``today``.

    Every call makes new ids. Raises ProjectFileError naming the template file when it is missing or broken.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    if template_id == BLANK_ID:
        return Project.new(wording(language)["template.untitled_project"], language)
    file = template_path(template_id)
    if not template_id or Path(template_id).name != template_id:
        raise ProjectFileError(file, "not a template id")
    data = _read(file)
    try:
        _info(data, file)
        return _build(data, language, today or dt.date.today(), library or load_default_risk_library())
    except (_Broken, FieldValueError, ScheduleError) as exc:
        raise ProjectFileError(file, f"broken template: {exc}") from None


# -- reading ------------------------------------------------------------------------------------


def _read(file: Path) -> dict:
    return read_json_object(file, "template", MAX_TEMPLATE_BYTES)


def _info(data: dict, file: Path) -> TemplateInfo:
    if data.get("format") != TEMPLATE_FORMAT:
        raise _Broken(f"'format' must be {TEMPLATE_FORMAT!r}")
    if data.get("version") != TEMPLATE_VERSION:
        raise _Broken(f"unsupported template version {data.get('version')!r}")
    _keys(data, _TOP_KEYS, "the template")
    if data.get("id") != file.stem:
        raise _Broken(f"'id' must be the file name without .json ({file.stem!r})")
    order = data.get("order", 0)
    if isinstance(order, bool) or not isinstance(order, int):
        raise _Broken("'order' must be a whole number")
    return TemplateInfo(file.stem, _text(data.get("name"), "name"), _text(data.get("summary"), "summary"), order)


def _keys(obj: object, allowed: set[str], where: str) -> dict:
    if not isinstance(obj, dict):
        raise _Broken(f"{where} must be an object")
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise _Broken(f"{where} has unknown key(s): {', '.join(unknown)}")
    return obj


def _text(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise _Broken(f"{where} must be an object with exactly the texts 'en' and 'zh'")
    for lang in LANGUAGES:
        if not isinstance(value[lang], str) or not value[lang].strip():
            raise _Broken(f"{where} has an empty {lang!r} text")
    return value


def _texts(value: object, where: str, language: str) -> list[str]:
    if not isinstance(value, list):
        raise _Broken(f"{where} must be a list")
    return [_text(entry, f"{where}[{n}]")[language] for n, entry in enumerate(value)]


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _Broken(f"{where} must be a list of non-empty strings")
    return value


# -- building -----------------------------------------------------------------------------------


def _build(data: dict, language: str, today: dt.date, library: RiskLibrary) -> Project:
    info = _keys(data.get("project"), _PROJECT_KEYS, "'project'")
    project = Project.new(_text(info.get("name"), "project name")[language], language)
    project.info.domain = _text(info.get("domain"), "project domain")[language]
    description = _text(info.get("vision"), "project vision")[language]
    metrics = _texts(info.get("metrics", []), "project metrics", language)
    if metrics:
        lines = "\n".join(BULLET + metric for metric in metrics)
        description = f"{description}\n\n{wording(language)['template.metrics_heading']}\n{lines}"
    project.info.description = description

    lanes = {phase.code: lane for phase, lane in zip(PHASES, project.lanes, strict=True)}
    items: dict[str, TimelineItem] = {}
    raw_items = data.get("items")
    if not isinstance(raw_items, list):
        raise _Broken("'items' must be a list")
    for n, raw in enumerate(raw_items):
        raw = _keys(raw, _ITEM_KEYS, f"items[{n}]")
        key = raw.get("key")
        if not isinstance(key, str) or not key or key in items:
            raise _Broken(f"items[{n}] needs a unique 'key'")
        where = f"item {key!r}"
        phase = raw.get("phase")
        if phase not in lanes:
            raise _Broken(f"{where}: phase must be one of P0-P7, not {phase!r}")
        milestone = raw.get("milestone", False)
        item = TimelineItem(
            title=_text(raw.get("title"), f"{where} title")[language],
            lane_id=lanes[phase].id,
            phase=phase,
            duration_days=0 if milestone is True else raw.get("duration_days"),  # type: ignore[arg-type]
            milestone=milestone,  # type: ignore[arg-type]
            notes=_text(raw["notes"], f"{where} notes")[language] if "notes" in raw else "",
        )
        if not milestone and "duration_days" not in raw:
            raise _Broken(f"{where} needs 'duration_days'")
        items[key] = item
    for raw in raw_items:
        item = items[raw["key"]]
        where = f"item {raw['key']!r} depends_on"
        item.depends_on = [_ref(items, key, where).id for key in _strings(raw.get("depends_on", []), where)]
    project.items = list(items.values())

    risks = {}
    raw_risks = data.get("risks")
    if not isinstance(raw_risks, list):
        raise _Broken("'risks' must be a list")
    for n, raw in enumerate(raw_risks):
        raw = _keys(raw, _RISK_KEYS, f"risks[{n}]")
        library_id = raw.get("library_id")
        try:
            entry = library.by_id(library_id)  # type: ignore[arg-type]
        except KeyError:
            raise _Broken(f"risks[{n}]: the risk library has no risk {library_id!r}") from None
        if library_id in risks:
            raise _Broken(f"risk {library_id!r} is listed twice")
        risk = library.to_risk(entry, language)
        where = f"risk {library_id!r} items"
        risk.item_ids = [_ref(items, key, where).id for key in _strings(raw.get("items", []), where)]
        risks[library_id] = risk
    project.risks = list(risks.values())

    raw_requirements = data.get("requirements")
    if not isinstance(raw_requirements, list):
        raise _Broken("'requirements' must be a list")
    for n, raw in enumerate(raw_requirements):
        raw = _keys(raw, _REQUIREMENT_KEYS, f"requirements[{n}]")
        title = _text(raw.get("title"), f"requirements[{n}] title")[language]
        where = f"requirement {title!r}"
        requirement = Requirement(
            title=title,
            description=_text(raw.get("story"), f"{where} story")[language],
            moscow=raw.get("moscow", ""),  # type: ignore[arg-type]
            value_lever=raw.get("value_lever", ""),  # type: ignore[arg-type]
            llm_fit=raw.get("llm_fit", ""),  # type: ignore[arg-type]
            llm_fit_reason=_text(raw.get("llm_fit_reason"), f"{where} llm_fit_reason")[language],
            target_users=_texts(raw.get("target_users", []), f"{where} target_users", language),
            pain_points=_texts(raw.get("pain_points", []), f"{where} pain_points", language),
            acceptance_criteria=_texts(raw.get("acceptance_criteria", []), f"{where} acceptance_criteria", language),
            tags=_texts(raw.get("tags", []), f"{where} tags", language),
        )
        estimated = _estimates(raw, where)
        if estimated is not None:
            _apply_estimates(requirement, *estimated, language)
        requirement.risk_ids = [
            _ref(risks, rid, f"{where} risks").id for rid in _strings(raw.get("risks", []), f"{where} risks")
        ]
        requirement.item_ids = [
            _ref(items, key, f"{where} items").id for key in _strings(raw.get("items", []), f"{where} items")
        ]
        project.requirements.append(requirement)

    if any(requirement.criteria_scores for requirement in project.requirements):
        project.info.criteria = {
            _criterion(name, language): weight for name, (_, weight) in scoring_levels.CRITERIA.items()
        }
    try:
        project.validate()
    except ValueError as exc:
        raise _Broken(str(exc)) from None
    # Sequential by dependency from today: the same rules as Auto-schedule, so a later run moves nothing.
    placed = schedule(project, today)
    for item in project.items:
        item.start = placed.items[item.id].start
    return project


def _estimates(raw: dict, where: str) -> tuple[dict[str, str], float] | None:
    """A requirement's scoring levels and effort (both or neither), checked; None when it has none."""
    if "scores" not in raw and "effort_weeks" not in raw:
        return None
    levels = raw.get("scores")
    names = set(scoring_levels.FIELDS_OF)
    if not isinstance(levels, dict) or set(levels) != names:
        raise _Broken(f"{where}: 'scores' must give a level for each of {', '.join(sorted(names))}")
    for name, level in levels.items():
        if level not in scoring_levels.LEVELS:
            raise _Broken(f"{where}: score {name!r} must be low, medium or high, not {level!r}")
    weeks = raw.get("effort_weeks")
    if isinstance(weeks, bool) or not isinstance(weeks, int | float) or not 0 < weeks <= MAX_EFFORT_WEEKS:
        raise _Broken(f"{where}: 'effort_weeks' must be a number of weeks above 0 and at most {MAX_EFFORT_WEEKS}")
    return levels, float(weeks)


def _apply_estimates(requirement: Requirement, levels: dict[str, str], weeks: float, language: str) -> None:
    """Every framework's inputs from the levels (the assistant's table), tagged as estimates to revisit."""
    for name, value in scoring_levels.scoring_fields(levels, weeks).items():
        setattr(requirement, name, value)
    requirement.criteria_scores = {
        _criterion(name, language): value for name, value in scoring_levels.criteria_scores(levels).items()
    }
    requirement.tags = [*requirement.tags, wording(language)["template.estimate_tag"]]


def _criterion(name: str, language: str) -> str:
    return wording(language)[f"template.criterion.{name}"]


def _ref(table: dict, key: str, where: str):
    if key not in table:
        raise _Broken(f"{where}: unknown reference {key!r}")
    return table[key]
