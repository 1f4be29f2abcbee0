"""Entries typed into the meeting: where a typed time lands on the timeline."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from postmortem_tui.editing import add_note, add_timeline, paste_times
from postmortem_tui.model import Incident, Session
from postmortem_tui.sync.merge import merge

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)
BERLIN = ZoneInfo("Europe/Berlin")


def _incident(start: datetime, end: datetime) -> Session:
    return Session(incident=Incident(title="x", timezone="Europe/Berlin", start=start, end=end))


def test_a_time_after_midnight_in_an_incident_that_ran_past_it_comes_last() -> None:
    session = _incident(
        datetime(2026, 11, 20, 21, 0, tzinfo=BERLIN), datetime(2026, 11, 21, 2, 0, tzinfo=BERLIN)
    )
    add_timeline(session, "21:05 alert fired", NOW)
    add_timeline(session, "23:50 rollback started", NOW)
    after = add_timeline(session, "00:10 rollback done", NOW)
    assert after.date == date(2026, 11, 21)
    assert [e.text for e in session.timeline] == ["alert fired", "rollback started", "rollback done"]


def test_a_time_before_a_same_day_incident_stays_on_its_day() -> None:
    session = _incident(
        datetime(2026, 11, 20, 9, 0, tzinfo=BERLIN), datetime(2026, 11, 20, 12, 0, tzinfo=BERLIN)
    )
    add_timeline(session, "09:05 alert fired", NOW)
    deploy = add_timeline(session, "07:30 the change was deployed", NOW)  # a cause, hours before
    assert deploy.date is None
    assert session.timeline[0] is deploy


def test_incident_times_without_a_zone_are_read_in_the_incident_zone_not_a_crash() -> None:
    from datetime import datetime as naive_datetime

    session = Session(
        incident=Incident(
            title="x",
            start=naive_datetime(2026, 11, 24, 23, 12),  # as the details form accepts them
            end=naive_datetime(2026, 11, 25, 1, 16),
        )
    )
    late = add_timeline(session, "00:30 replica caught up", NOW)
    assert late.date == date(2026, 11, 25)
    assert add_timeline(session, "23:20 alert", NOW).date is None
    assert [e.text for e in session.timeline] == ["alert", "replica caught up"]


def test_lines_added_together_keep_their_order_and_the_stamp_of_their_second() -> None:
    session = _incident(
        datetime(2026, 11, 20, 9, 0, tzinfo=BERLIN), datetime(2026, 11, 20, 12, 0, tzinfo=BERLIN)
    )
    now = datetime(2026, 11, 27, 15, 0, 59, 999_998, tzinfo=timezone.utc)  # a second ends
    words = [f"line {n}" for n in range(6)]
    for line, created in zip(words, paste_times(now, len(words))):
        add_timeline(session, line, now, created)
        add_note(session, "went_well", line, now, created)
    merged = merge(session)  # lists in their canonical order, as a save or a sync leaves them
    assert [entry.text for entry in merged.timeline] == words
    assert [note.text for note in merged.went_well] == words
    assert {entry.time for entry in merged.timeline} == {"16:00:59"}  # as shown when pasted


def test_an_edit_added_back_survives_the_tombstone_of_the_entry_it_was() -> None:
    from postmortem_tui.editing import add_back, add_why, delete

    session = Session()
    step = add_why(session, "why late?", "no alert", NOW, new_chain=True)
    chain = session.root_cause.chains[0]
    delete(session, chain.id, NOW)  # the chain went, and its step with it
    back = add_back(session, f"chain:{chain.id}", step.with_changes(why="why so late?"), NOW)
    merged = merge(session)
    assert [s.why for c in merged.root_cause.chains for s in c.steps] == ["why so late?"]
    assert back.id != step.id and back.because == "no alert"


def test_a_stamp_keeps_its_second_and_lists_show_it_to_the_minute() -> None:
    session = _incident(
        datetime(2026, 11, 20, 9, 0, tzinfo=BERLIN), datetime(2026, 11, 20, 12, 0, tzinfo=BERLIN)
    )
    stamped = add_timeline(session, "status page checked again", NOW.replace(second=42))
    typed = add_timeline(session, "09:05:30 alert fired", NOW)
    assert (stamped.time, stamped.shown_time) == ("16:00:42", "11-27 16:00:42")  # Berlin
    assert stamped.listed_time == "11-27 16:00"
    assert typed.listed_time == typed.shown_time == "09:05:30"  # typed seconds are shown
