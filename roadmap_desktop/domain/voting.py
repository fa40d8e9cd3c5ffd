"""Dot voting in a founder workshop: each voter has N dots to spread over the requirements.

Decisions:

- A voter may put several of their dots on one requirement (classic dot voting lets people
  stack dots on what matters most); they can never cast more than ``votes_per_voter`` in all.
- Voter names are trimmed; an empty name or the same name twice (ignoring case) is refused.
- Recording (``apply_command``) *replaces* every requirement's ``votes`` with this session's
  count, 0 for requirements nobody voted for, so a re-run workshop never adds to stale numbers.
  It is one undo step, and undoing it restores the earlier votes exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .commands import Command, Macro, SetField
from .project import Project


class VotingSession:
    """The dots cast so far, in the order they were cast."""

    def __init__(self, voters: list[str], votes_per_voter: int, requirement_ids: Iterable[str] | None = None) -> None:
        """``requirement_ids``, when given, are the only requirements that can receive dots."""
        names = [str(name).strip() for name in voters]
        if not names:
            raise ValueError("Add at least one voter.")
        if any(not name for name in names):
            raise ValueError("A voter's name cannot be empty.")
        seen: dict[str, str] = {}
        for name in names:
            if name.casefold() in seen:
                raise ValueError(f"The voter {name!r} is listed twice.")
            seen[name.casefold()] = name
        if isinstance(votes_per_voter, bool) or not isinstance(votes_per_voter, int) or votes_per_voter < 1:
            raise ValueError(f"Dots per voter must be a whole number of at least 1, not {votes_per_voter!r}.")
        self.voters: list[str] = names
        self.votes_per_voter = votes_per_voter
        self.requirement_ids: list[str] | None = None if requirement_ids is None else list(requirement_ids)
        self._allowed = None if self.requirement_ids is None else set(self.requirement_ids)
        self._dots: list[tuple[str, str]] = []  # (voter, requirement id), oldest first

    @classmethod
    def for_project(cls, project: Project, voters: list[str], votes_per_voter: int) -> VotingSession:
        """A session over the project's requirements that are not dropped."""
        ids = [r.id for r in project.requirements if r.status != "dropped"]
        return cls(voters, votes_per_voter, ids)

    # -- checks --------------------------------------------------------------------
    def _check_voter(self, voter: str) -> str:
        name = str(voter).strip()
        if name not in self.voters:
            raise ValueError(f"{voter!r} is not one of the voters ({', '.join(self.voters)}).")
        return name

    def _check_requirement(self, requirement_id: str) -> None:
        if not requirement_id or (self._allowed is not None and requirement_id not in self._allowed):
            raise ValueError(f"There is no requirement {requirement_id!r} to vote for.")

    # -- voting --------------------------------------------------------------------
    def vote(self, voter: str, requirement_id: str) -> None:
        """Place one of the voter's dots on the requirement; ValueError when none are left."""
        name = self._check_voter(voter)
        self._check_requirement(requirement_id)
        if self.remaining(name) <= 0:
            raise ValueError(f"{name} has used all {self.votes_per_voter} dots.")
        self._dots.append((name, requirement_id))

    def unvote(self, voter: str, requirement_id: str) -> bool:
        """Take back the voter's latest dot on the requirement; False when they had none there."""
        name = self._check_voter(voter)
        self._check_requirement(requirement_id)
        for index in range(len(self._dots) - 1, -1, -1):
            if self._dots[index] == (name, requirement_id):
                del self._dots[index]
                return True
        return False

    def undo_last(self, voter: str) -> str | None:
        """Take back the voter's most recent dot; return its requirement id, None if they had none."""
        name = self._check_voter(voter)
        for index in range(len(self._dots) - 1, -1, -1):
            if self._dots[index][0] == name:
                return self._dots.pop(index)[1]
        return None

    # -- results -------------------------------------------------------------------
    def remaining(self, voter: str) -> int:
        name = self._check_voter(voter)
        return self.votes_per_voter - sum(1 for who, _ in self._dots if who == name)

    def counts(self) -> dict[str, int]:
        """{requirement id: dots}, only requirements with at least one dot, most dots first."""
        return dict(Counter(requirement_id for _, requirement_id in self._dots).most_common())

    def voter_counts(self, voter: str) -> dict[str, int]:
        """{requirement id: dots} for one voter."""
        name = self._check_voter(voter)
        return dict(Counter(requirement_id for who, requirement_id in self._dots if who == name))

    @property
    def total_cast(self) -> int:
        return len(self._dots)

    @property
    def dots(self) -> list[tuple[str, str]]:
        """Every dot as (voter, requirement id), oldest first (a copy)."""
        return list(self._dots)


def apply_command(project: Project, session: VotingSession, switch_framework: bool = False) -> Macro:
    """One undo step, "Record N dot votes", writing every requirement's ``votes`` (0 when it got none).

    Raises ValueError if a dot is on a requirement the project does not have. With
    ``switch_framework`` the same step also makes "votes" the project's prioritisation framework.
    """
    counts = session.counts()
    known = {r.id for r in project.requirements}
    missing = [rid for rid in counts if rid not in known]
    if missing:
        raise ValueError(f"The project has no requirement {missing[0]!r}; it was removed after the vote started.")
    commands: list[Command] = []
    for requirement in project.requirements:
        count = counts.get(requirement.id, 0)
        if requirement.votes != count:
            commands.append(SetField("requirement", requirement.id, "votes", count))
    if switch_framework and project.info.framework != "votes":
        commands.append(SetField("project", project.info.id, "framework", "votes"))
    total = session.total_cast
    return Macro(f"Record {total} dot vote{'' if total == 1 else 's'}", commands)
