"""Risks: likelihood x impact, mitigation and ownership."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import ClassVar

from .entity import Entity
from .fields import FieldKind as K
from .fields import FieldSpec

RISK_STATUSES = ("open", "mitigating", "accepted", "closed")
SCALE = (1, 2, 3, 4, 5)  # likelihood and impact

# Exposure = likelihood x impact (1-25) in three bands; every surface (risk table, heat map, presenter,
# PDF, Markdown, the `risks` command) takes its band from here, and its colour from render.risk_colours.
MEDIUM_EXPOSURE = 8
HIGH_EXPOSURE = 15


class ExposureBand(enum.IntEnum):
    LOW = 0
    MEDIUM = 1
    HIGH = 2

    @property
    def key(self) -> str:
        """ "low", "medium", "high": the wording catalogs' ``risk.band.<key>``."""
        return self.name.lower()

    @property
    def range(self) -> tuple[int, int]:
        """The lowest and highest exposure in the band."""
        return {
            ExposureBand.LOW: (1, MEDIUM_EXPOSURE - 1),
            ExposureBand.MEDIUM: (MEDIUM_EXPOSURE, HIGH_EXPOSURE - 1),
        }.get(self, (HIGH_EXPOSURE, SCALE[-1] * SCALE[-1]))


def exposure_band(exposure: int) -> ExposureBand:
    """The band of a likelihood x impact product."""
    if exposure >= HIGH_EXPOSURE:
        return ExposureBand.HIGH
    return ExposureBand.MEDIUM if exposure >= MEDIUM_EXPOSURE else ExposureBand.LOW


@dataclass
class Risk(Entity):
    KIND: ClassVar[str] = "risk"
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("title", "Title", K.TEXT, required=True),
        FieldSpec("category", "Category", K.TEXT),
        FieldSpec("likelihood", "Likelihood", K.INT, minimum=1, maximum=5, required=True),
        FieldSpec("impact", "Impact", K.INT, minimum=1, maximum=5, required=True),
        FieldSpec("status", "Status", K.CHOICE, RISK_STATUSES),
        FieldSpec("owner", "Owner", K.TEXT),
        FieldSpec("review_date", "Review date", K.DATE),
        FieldSpec("delay_days", "Delay if it happens (days)", K.INT, minimum=0, maximum=3650),
        FieldSpec("description", "Description", K.LONG_TEXT, in_table=False),
        FieldSpec("mitigation", "Mitigation", K.LONG_TEXT, in_table=False),
        FieldSpec("item_ids", "Linked timeline items", K.REFS, ref_kind="item", in_table=False),
    )

    title: str = "New risk"
    category: str = ""
    likelihood: int = 3
    impact: int = 3
    status: str = "open"
    owner: str = ""
    review_date: dt.date | None = None
    delay_days: int | None = None  # the forecast adds it to linked items with the likelihood's probability
    description: str = ""
    mitigation: str = ""
    item_ids: list[str] = field(default_factory=list)

    @property
    def exposure(self) -> int:
        return self.likelihood * self.impact

    @property
    def band(self) -> ExposureBand:
        return exposure_band(self.exposure)

    def review_overdue(self, today: dt.date) -> bool:
        """The review date has passed and the risk is not closed."""
        return self.review_date is not None and self.review_date < today and self.status != "closed"
