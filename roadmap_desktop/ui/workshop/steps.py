"""The six steps of a guided founder workshop and their default minutes (no Qt; words in the catalogs)."""

from __future__ import annotations

from dataclasses import dataclass

from ...wording import wording

SETTINGS_KEY = "workshop_step_minutes"
MIN_MINUTES, MAX_MINUTES = 1, 180


@dataclass(frozen=True)
class WorkshopStep:
    """One step: a key the code uses, and its default length; its title and the participants'
    instruction are the wording catalogs' ``workshop.step.<key>`` and ``workshop.step.<key>.instruction``."""

    key: str
    default_minutes: int

    def title_in(self, language: str) -> str:
        return wording(language)[f"workshop.step.{self.key}"]

    def instruction_in(self, language: str) -> str:
        return wording(language)[f"workshop.step.{self.key}.instruction"]


STEPS: tuple[WorkshopStep, ...] = (
    WorkshopStep("brief", 10),
    WorkshopStep("requirements", 20),
    WorkshopStep("prioritise", 15),
    WorkshopStep("timeline", 15),
    WorkshopStep("risks", 15),
    WorkshopStep("export", 5),
)


def default_minutes() -> list[int]:
    return [step.default_minutes for step in STEPS]


def minutes_from(value: object) -> list[int]:
    """Per-step minutes from a stored settings value; anything malformed falls back to the defaults."""
    minutes = default_minutes()
    if not isinstance(value, list):
        return minutes
    for index, stored in enumerate(value[: len(STEPS)]):
        if isinstance(stored, int) and not isinstance(stored, bool):
            minutes[index] = min(max(stored, MIN_MINUTES), MAX_MINUTES)
    return minutes


def format_clock(seconds: int) -> str:
    """m:ss for the time left; over time shows as +m:ss."""
    sign = "+" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"
