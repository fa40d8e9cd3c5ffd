"""Requirements: the ideas and features a roadmap is built from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from .entity import Entity
from .fields import FieldKind as K
from .fields import FieldSpec

REQUIREMENT_STATUSES = ("idea", "planned", "in_progress", "done", "dropped")
VALUE_LEVERS = ("", "innovation", "ux", "iteration")
LLM_FITS = ("", "fit", "partial", "unfit")
MOSCOW = ("", "must", "should", "could", "wont")


@dataclass
class Requirement(Entity):
    KIND: ClassVar[str] = "requirement"
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("title", "Title", K.TEXT, required=True),
        FieldSpec("status", "Status", K.CHOICE, REQUIREMENT_STATUSES),
        FieldSpec("moscow", "MoSCoW", K.CHOICE, MOSCOW),
        FieldSpec("owner", "Owner", K.TEXT),
        FieldSpec("effort", "Effort (weeks)", K.FLOAT, minimum=0, maximum=10_000),
        FieldSpec("rice_reach", "Reach", K.FLOAT, minimum=0, maximum=1e12),
        FieldSpec("rice_impact", "Impact", K.FLOAT, minimum=0, maximum=3),
        FieldSpec("rice_confidence", "Confidence %", K.FLOAT, minimum=0, maximum=100),
        FieldSpec("value", "Value (1-10)", K.FLOAT, minimum=0, maximum=10),
        FieldSpec("ice_impact", "ICE impact", K.FLOAT, minimum=0, maximum=10, in_table=False),
        FieldSpec("ice_confidence", "ICE confidence", K.FLOAT, minimum=0, maximum=10, in_table=False),
        FieldSpec("ice_ease", "ICE ease", K.FLOAT, minimum=0, maximum=10, in_table=False),
        FieldSpec("wsjf_value", "WSJF business value", K.FLOAT, minimum=0, maximum=100, in_table=False),
        FieldSpec("wsjf_time", "WSJF time criticality", K.FLOAT, minimum=0, maximum=100, in_table=False),
        FieldSpec("wsjf_risk", "WSJF risk reduction", K.FLOAT, minimum=0, maximum=100, in_table=False),
        FieldSpec("wsjf_size", "WSJF job size", K.FLOAT, minimum=0, maximum=100, in_table=False),
        FieldSpec("criteria_scores", "Criteria scores", K.NUM_MAP, minimum=0, maximum=100, in_table=False),
        FieldSpec("votes", "Votes", K.INT, minimum=0, maximum=100_000),
        FieldSpec("value_lever", "Value lever", K.CHOICE, VALUE_LEVERS),
        FieldSpec("llm_fit", "LLM fit", K.CHOICE, LLM_FITS),
        FieldSpec("tags", "Tags", K.TEXT_LIST),
        FieldSpec("description", "Description / user story", K.LONG_TEXT, in_table=False),
        FieldSpec("acceptance_criteria", "Acceptance criteria", K.TEXT_LIST, in_table=False),
        FieldSpec("target_users", "Target users", K.TEXT_LIST, in_table=False),
        FieldSpec("pain_points", "Pain points", K.TEXT_LIST, in_table=False),
        FieldSpec("competitors", "Competitors", K.TEXT_LIST, in_table=False),
        FieldSpec("llm_fit_reason", "LLM fit reason", K.LONG_TEXT, in_table=False),
        FieldSpec("risk_ids", "Linked risks", K.REFS, ref_kind="risk", in_table=False),
        FieldSpec("item_ids", "Linked timeline items", K.REFS, ref_kind="item", in_table=False),
    )

    title: str = "New requirement"
    status: str = "idea"
    moscow: str = ""
    owner: str = ""
    # Effort doubles as RICE's effort, so the two can never disagree.
    effort: float | None = None
    rice_reach: float | None = None
    rice_impact: float | None = None
    rice_confidence: float | None = None
    value: float | None = None  # value / effort chart; effort is the effort above
    ice_impact: float | None = None
    ice_confidence: float | None = None
    ice_ease: float | None = None
    wsjf_value: float | None = None
    wsjf_time: float | None = None
    wsjf_risk: float | None = None
    wsjf_size: float | None = None
    # Weighted scoring: a score per criterion named in ProjectInfo.criteria.
    criteria_scores: dict[str, float] = field(default_factory=dict)
    votes: int | None = None  # dot votes from a workshop; ranks requirements under "votes"
    value_lever: str = ""
    llm_fit: str = ""
    tags: list[str] = field(default_factory=list)
    description: str = ""
    acceptance_criteria: list[str] = field(default_factory=list)
    target_users: list[str] = field(default_factory=list)
    pain_points: list[str] = field(default_factory=list)
    competitors: list[str] = field(default_factory=list)
    llm_fit_reason: str = ""
    risk_ids: list[str] = field(default_factory=list)
    item_ids: list[str] = field(default_factory=list)
