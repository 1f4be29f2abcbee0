"""The session model's rules, as a person editing a file would meet them."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from postmortem_tui.model import (
    ActionItem,
    Incident,
    Participant,
    Session,
    TimelineEntry,
)
from postmortem_tui.model.base import Model


@pytest.mark.parametrize(
    ("impact", "effort", "priority"),
    [("high", "low", "P1"), ("high", "high", "P2"), ("medium", "medium", "P2"), ("low", "high", "P4")],
)
def test_priority_comes_from_impact_and_effort(impact: str, effort: str, priority: str) -> None:
    assert ActionItem(what="x", impact=impact, effort=effort).priority == priority


def test_priority_can_be_overridden() -> None:
    assert ActionItem(what="x", impact="low", effort="high", priority_override="P1").priority == "P1"


def test_default_deadline_is_two_weeks_after_the_meeting() -> None:
    session = Session(meeting={"scheduled": datetime(2026, 11, 27, 10, 0)})
    assert session.default_deadline() == date(2026, 12, 11)
    assert Session().default_deadline(today=date(2026, 1, 1)) == date(2026, 1, 15)


def test_roles_are_expected_but_not_required() -> None:
    session = Session(participants=[Participant(name="Sam", roles=["engineer"])])
    assert session.role_warnings() == [
        "no facilitator: someone should run the meeting and keep time",
        "no note-taker: someone should record the document",
    ]
    session.participants += [
        Participant(name="Dana", roles=["facilitator"]),
        Participant(name="Lee", roles=["facilitator", "note-taker"]),
    ]
    assert session.role_warnings() == ["more than one facilitator: Dana, Lee"]


def test_unknown_role_is_refused_with_the_choices() -> None:
    with pytest.raises(ValidationError) as caught:
        Participant(name="Sam", roles=["boss"])
    assert "note-taker" in str(caught.value)


def test_timeline_time_must_be_a_time_of_day() -> None:
    TimelineEntry(time="23:59:59", text="ok")
    for bad in ("24:00", "9:5", "14:12 pm", "noon"):
        with pytest.raises(ValidationError):
            TimelineEntry(time=bad, text="x")


def test_ids_must_be_unique_across_the_session() -> None:
    entry = TimelineEntry(time="10:00", text="a")
    with pytest.raises(ValidationError, match="is used twice"):
        Session(timeline=[entry, entry.model_copy()])


def test_unknown_zone_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown time zone"):
        Incident(timezone="Mars/Olympus")


def test_with_changes_validates_the_change() -> None:
    item = ActionItem(what="x")
    assert item.with_changes(owner="Sam").owner == "Sam"
    with pytest.raises(ValidationError):
        item.with_changes(deadline="soon")
    assert isinstance(item, Model)


def test_timeline_sorts_by_date_then_time() -> None:
    session = Session(
        incident={"start": datetime(2026, 1, 1, 23, 0)},
        timeline=[
            TimelineEntry(time="00:10", date=date(2026, 1, 2), text="after midnight"),
            TimelineEntry(time="23:30", text="before midnight"),
            TimelineEntry(time="23:05", text="first"),
        ],
    )
    session.sort_timeline()
    assert [e.text for e in session.timeline] == ["first", "before midnight", "after midnight"]
