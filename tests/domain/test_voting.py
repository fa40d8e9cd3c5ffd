"""Dot voting: limits, stacking dots, undo of a voter's last dot, recording as one undo step."""

from __future__ import annotations

import copy

import pytest

from roadmap_desktop.domain import prioritisation
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.voting import VotingSession, apply_command


@pytest.fixture
def project():
    project = Project.new("Workshop")
    project.requirements = [
        Requirement(title="Offline mode"),
        Requirement(title="微信登录"),
        Requirement(title="Dark mode", votes=7),
        Requirement(title="Old idea", status="dropped"),
    ]
    return project


def ids(project):
    return [r.id for r in project.requirements]


def test_limits_and_stacking(project):
    a, b, c, dropped = ids(project)
    session = VotingSession.for_project(project, ["Ann", "Bo", "陈静"], 3)
    session.vote("Ann", a)
    session.vote("Ann", a)  # stacking dots on one requirement is allowed
    session.vote("Ann", b)
    assert session.remaining("Ann") == 0 and session.remaining("Bo") == 3
    with pytest.raises(ValueError, match="Ann has used all 3 dots"):
        session.vote("Ann", c)
    session.vote("陈静", b)
    session.vote(" Bo ", c)  # names are trimmed
    assert session.counts() == {a: 2, b: 2, c: 1}
    assert next(iter(session.counts())) == a  # most dots first
    assert session.voter_counts("Ann") == {a: 2, b: 1}
    assert session.total_cast == 5
    with pytest.raises(ValueError, match="no requirement"):
        session.vote("Bo", dropped)  # dropped requirements are not candidates


def test_unknown_voter_and_requirement(project):
    a = ids(project)[0]
    session = VotingSession.for_project(project, ["Ann"], 2)
    with pytest.raises(ValueError, match=r"'Zed' is not one of the voters \(Ann\)"):
        session.vote("Zed", a)
    with pytest.raises(ValueError, match="no requirement 'nope'"):
        session.vote("Ann", "nope")
    with pytest.raises(ValueError, match="not one of the voters"):
        session.remaining("Zed")


@pytest.mark.parametrize(
    ("voters", "dots", "message"),
    [
        ([], 3, "at least one voter"),
        (["Ann", " "], 3, "cannot be empty"),
        (["Ann", "ann"], 3, "listed twice"),
        (["Ann"], 0, "at least 1"),
        (["Ann"], True, "at least 1"),
    ],
)
def test_bad_sessions(voters, dots, message):
    with pytest.raises(ValueError, match=message):
        VotingSession(voters, dots)


def test_undo_last_and_unvote(project):
    a, b, c, _ = ids(project)
    session = VotingSession.for_project(project, ["Ann", "Bo"], 3)
    session.vote("Ann", a)
    session.vote("Bo", c)
    session.vote("Ann", b)
    assert session.undo_last("Ann") == b
    assert session.undo_last("Ann") == a
    assert session.undo_last("Ann") is None
    assert session.counts() == {c: 1}
    assert session.unvote("Bo", c) is True
    assert session.unvote("Bo", c) is False
    assert session.remaining("Bo") == 3 and session.counts() == {}


def test_record_replaces_votes_in_one_undo_step(project):
    a, b, _, _ = ids(project)
    before = copy.deepcopy(project)
    session = VotingSession.for_project(project, ["Ann", "Bo", "陈静"], 2)
    for voter, rid in [("Ann", a), ("Ann", a), ("Bo", a), ("Bo", b), ("陈静", b)]:
        session.vote(voter, rid)
    command = apply_command(project, session, switch_framework=True)
    assert command.label == "Record 5 dot votes"
    inverse = command.apply(project)
    assert [r.votes for r in project.requirements] == [3, 2, 0, 0]  # Dark mode's 7 is replaced
    assert project.info.framework == "votes"
    ranked = prioritisation.rank(project)
    assert [row.requirement.title for row in ranked][:3] == ["Offline mode", "微信登录", "Dark mode"]
    inverse.apply(project)
    assert project == before


def test_record_refuses_a_removed_requirement(project):
    a = ids(project)[0]
    session = VotingSession.for_project(project, ["Ann"], 1)
    session.vote("Ann", a)
    project.requirements.pop(0)
    with pytest.raises(ValueError, match="no requirement"):
        apply_command(project, session)
    assert apply_command(project, VotingSession(["Ann"], 1)).label == "Record 0 dot votes"
