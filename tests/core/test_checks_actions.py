"""Action-item quality: owners, deadlines, wording, duplicates, and the impact x effort grid."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from postmortem_tui.checks.actions import (
    action_findings,
    deadline_hints,
    near_duplicates,
    owner_hints,
    wording_hints,
)
from postmortem_tui.checks.grid import impact_effort_grid
from postmortem_tui.model import ActionItem, Participant, Session
from postmortem_tui.persistence import load

MEETING_DAY = date(2026, 11, 27)
PEOPLE = [Participant(name="Priya Raman"), Participant(name="Sam Chen")]


def test_the_sample_passes_every_action_check(sample_path: Path) -> None:
    session = load(sample_path)
    assert session.meeting.scheduled is not None
    assert action_findings(session, session.meeting.scheduled.date()) == []


def test_four_problems_get_four_distinct_readable_flags() -> None:
    ok = {"what": "Alert when lock wait on orders exceeds 30 seconds", "deadline": date(2026, 12, 11)}
    session = Session(
        participants=PEOPLE,
        action_items=[
            ActionItem(**{**ok, "owner": "the team"}),
            ActionItem(**{**ok, "owner": "Alice and Bob", "what": "Page the DBA on lock waits over 60 s"}),
            ActionItem(**{**ok, "owner": "Sam Chen", "deadline": date(2026, 11, 1),
                          "what": "Publish the database lock runbook"}),
            ActionItem(**{**ok, "owner": "Priya Raman", "what": "look into the database"}),
        ],
    )
    found = action_findings(session, MEETING_DAY)
    assert [(f.path, f.hint.rule) for f in found] == [
        ("action_items[0].owner", "action.owner-group"),
        ("action_items[1].owner", "action.owner-several"),
        ("action_items[2].deadline", "action.deadline-past"),
        ("action_items[3].what", "action.vague"),
    ]
    messages = [f.hint.message for f in found]
    assert "'the team'" in messages[0]
    assert "2 owners ('Alice and Bob')" in messages[1]
    assert "2026-11-01 passed 26 days ago" in messages[2]
    assert "look into" in messages[3]
    assert all(f.hint.question for f in found)


@pytest.mark.parametrize(
    ("owner", "rule"),
    [
        ("", "action.owner-missing"),
        ("   ", "action.owner-missing"),
        ("team", "action.owner-group"),
        ("The DB team", "action.owner-group"),
        ("everyone", "action.owner-group"),
        ("all", "action.owner-group"),
        ("TBD", "action.owner-group"),
        ("?", "action.owner-group"),
        ("Priya?", "action.owner-group"),
        ("Priya and Sam", "action.owner-several"),
        ("Priya/Sam", "action.owner-several"),
        ("Priya & Sam", "action.owner-several"),
        ("Priya, Sam", "action.owner-several"),
        ("Alex Kim", "action.owner-absent"),
    ],
)
def test_owner_problems(owner: str, rule: str) -> None:
    assert [h.rule for h in owner_hints(owner, PEOPLE)] == [rule]


@pytest.mark.parametrize("owner", ["Priya Raman", "priya", "Raman", "@sam", "Sam Chen (on-call lead)"])
def test_one_participant_is_a_good_owner(owner: str) -> None:
    assert owner_hints(owner, PEOPLE) == []


def test_an_absent_owner_is_only_a_soft_note() -> None:
    [hint] = owner_hints("Alex Kim", PEOPLE)
    assert hint.soft
    assert owner_hints("Alex Kim", []) == []  # no participants listed: nothing to compare


def test_deadlines() -> None:
    today = MEETING_DAY
    assert [h.rule for h in deadline_hints(None, today)] == ["action.deadline-missing"]
    assert [h.rule for h in deadline_hints(today - timedelta(days=1), today)] == ["action.deadline-past"]
    assert deadline_hints(today - timedelta(days=1), today, done=True) == []
    assert deadline_hints(today, today) == []
    assert deadline_hints(today + timedelta(days=90), today) == []
    assert [h.rule for h in deadline_hints(today + timedelta(days=91), today)] == ["action.deadline-far"]
    assert deadline_hints(today + timedelta(days=91), today, max_days=120) == []


@pytest.mark.parametrize(
    ("what", "flagged"),
    [
        ("Look into the database", ["Look into"]),
        ("Investigate the lock", ["Investigate"]),
        ("Improve alerting", ["Improve"]),
        ("Better dashboards for checkout", ["Better"]),
        ("Consider a lock timeout", ["Consider"]),
        ("Try to deploy migrations at night", ["Try to"]),
        ("Engineers should be more careful", ["more careful"]),
        ("Ensure migrations are safe", ["Ensure"]),
        ("", [""]),
    ],
)
def test_vague_wording_is_flagged_on_its_words(what: str, flagged: list[str]) -> None:
    hints = wording_hints(what)
    assert [what[h.start : h.end] for h in hints] == flagged
    assert all(h.rule == "action.vague" and "when it is done" in h.question for h in hints)


@pytest.mark.parametrize(
    "what",
    [
        "Investigate the lock timeout and write up a decision in the incident doc",
        "Improve checkout p99 latency to under 300 ms",
        "Ensure every migration over 1M rows is blocked by a CI check",
        "Add an alert on lock wait above 30 seconds",
    ],
)
def test_wording_with_an_outcome_passes(what: str) -> None:
    assert wording_hints(what) == []


def test_near_duplicates_are_found_once_on_the_later_action() -> None:
    session = Session(
        participants=PEOPLE,
        action_items=[
            ActionItem(what="Add an alert on lock wait time", owner="Sam Chen", deadline=MEETING_DAY),
            ActionItem(what="Write the lock runbook", owner="Sam Chen", deadline=MEETING_DAY),
            ActionItem(what="Add alerting for lock wait time on orders", owner="Priya Raman",
                       deadline=MEETING_DAY),
        ],
    )
    assert [(a, b) for a, b, _ in near_duplicates(session.action_items)] == [(0, 2)]
    [finding] = action_findings(session, MEETING_DAY)
    assert finding.path == "action_items[2].what" and finding.hint.rule == "action.duplicate"
    assert "action_items[0]" in finding.hint.message


def test_the_grid_places_every_action_once(sample_path: Path) -> None:
    session = load(sample_path)
    grid = impact_effort_grid(session.action_items)
    assert [[cell.priority for cell in row] for row in grid] == [
        ["P1", "P1", "P2"],
        ["P2", "P2", "P3"],
        ["P3", "P4", "P4"],
    ]
    placed = sorted(i for row in grid for cell in row for i in cell.actions)
    assert placed == list(range(len(session.action_items)))
    quick_wins = grid[0][0]
    assert (quick_wins.impact, quick_wins.effort) == ("high", "low")
    for index in quick_wins.actions:
        assert session.action_items[index].impact == "high"
        assert session.action_items[index].effort == "low"
