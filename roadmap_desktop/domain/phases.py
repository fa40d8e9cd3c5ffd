"""The planning phases P0-P7 (seed inventory section 1.2), used as default timeline lanes."""

from __future__ import annotations

from dataclasses import dataclass

from ..wording import wording


@dataclass(frozen=True)
class Phase:
    code: str

    def name(self, language: str) -> str:
        """The phase's name in ``language`` (the wording catalogs' ``phase.<code>``)."""
        return wording(language)[f"phase.{self.code}"]

    @property
    def en(self) -> str:
        """The English name: the source text the interface translates."""
        return self.name("en")


PHASES: tuple[Phase, ...] = tuple(Phase(f"P{n}") for n in range(8))

PHASE_CODES: tuple[str, ...] = ("", *(p.code for p in PHASES))


def phase_label(code: str, language: str = "en") -> str:
    for phase in PHASES:
        if phase.code == code:
            return f"{phase.code} {phase.name(language)}"
    return code
