"""Two instances change the same entry at nearly the same moment: both changes are kept.

The race a reviewer found with two terminals on one file: A changes an action item's owner
and saves; B, which has not read that save yet, changes the deadline and saves a second
later. Before the fix B's whole version (the later ``updated``) won and A's owner was gone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from postmortem_tui.clock import FakeClock
from postmortem_tui.model import Session
from postmortem_tui.persistence import load
from postmortem_tui.sync import SessionStore, merge


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def set_field(find, field: str, value):  # type: ignore[no-untyped-def]
    return lambda session: setattr(find(session), field, value)


def action(session: Session):  # type: ignore[no-untyped-def]
    return session.action_items[0]


def step(session: Session):  # type: ignore[no-untyped-def]
    return session.root_cause.chains[0].steps[1]


def timeline(session: Session):  # type: ignore[no-untyped-def]
    return session.timeline[3]


def sessions(path: Path, *stores: SessionStore) -> list[Session]:
    return [merge(load(path)), *(store.session for store in stores)]


def test_owner_and_deadline_changed_in_two_instances_within_a_second_are_both_kept(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    clock.advance(0.3)
    a.mutate(set_field(action, "owner", "Aisha Bello"))
    assert a.save()
    clock.advance(0.3)
    b.mutate(set_field(action, "deadline", date(2027, 2, 15)))  # b has not read a's save
    assert b.save()
    a.poll()
    a.save()
    for session in sessions(sample_path, a, b):
        assert (action(session).owner, action(session).deadline) == (
            "Aisha Bello",
            date(2027, 2, 15),
        )
    assert a.session == b.session


def test_an_earlier_unsaved_edit_saved_after_a_later_one_keeps_both(
    sample_path: Path, clock: FakeClock
) -> None:
    """B changed the deadline first but saves last: the file's version is the later one."""
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    clock.advance(0.2)
    b.mutate(set_field(action, "deadline", date(2027, 2, 15)))
    clock.advance(0.2)
    a.mutate(set_field(action, "owner", "Aisha Bello"))
    assert a.save()
    assert b.save()
    a.poll()
    for session in sessions(sample_path, a, b):
        assert action(session).owner == "Aisha Bello"
        assert action(session).deadline == date(2027, 2, 15)
    assert a.session == b.session


def test_an_unsaved_edit_is_combined_when_the_other_save_is_read_by_poll(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    b.mutate(set_field(action, "deadline", date(2027, 2, 15)))
    clock.advance(0.1)
    a.mutate(set_field(action, "owner", "Aisha Bello"))
    assert a.save()
    assert b.poll()
    assert (action(b.session).owner, action(b.session).deadline) == (
        "Aisha Bello",
        date(2027, 2, 15),
    )
    assert b.status().dirty  # the deadline is not in the file yet
    assert b.save()
    a.poll()
    assert a.session == b.session == merge(load(sample_path))


def test_three_instances_changing_three_fields_of_one_item_keep_all_three(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b, c = (SessionStore(sample_path, clock) for _ in range(3))
    c.mutate(set_field(action, "status", "in progress"))
    clock.advance(0.2)
    a.mutate(set_field(action, "owner", "Aisha Bello"))
    clock.advance(0.2)
    b.mutate(set_field(action, "deadline", date(2027, 2, 15)))
    assert b.save() and a.save() and c.save()
    a.poll(), b.poll()
    for session in sessions(sample_path, a, b, c):
        item = action(session)
        assert (item.owner, item.deadline, item.status) == (
            "Aisha Bello",
            date(2027, 2, 15),
            "in progress",
        )
    assert a.session == b.session == c.session


@pytest.mark.parametrize("a_first", [True, False])
def test_the_same_field_changed_in_both_goes_to_the_later_change(
    sample_path: Path, clock: FakeClock, a_first: bool
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    first, second = (a, b) if a_first else (b, a)
    first.mutate(set_field(action, "owner", "Aisha Bello"))
    clock.advance(0.4)
    second.mutate(set_field(action, "owner", "Tomasz Nowak"))
    assert a.save() and b.save()
    a.poll(), b.poll()
    for session in sessions(sample_path, a, b):
        assert action(session).owner == "Tomasz Nowak"


def test_a_chain_steps_why_and_because_changed_in_two_instances_are_both_kept(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    a.mutate(set_field(step, "why", "Why was orders locked for so long?"))
    assert a.save()
    clock.advance(0.5)
    b.mutate(set_field(step, "because", "Migration 0142 locked the whole table."))
    assert b.save()
    a.poll()
    for session in sessions(sample_path, a, b):
        assert step(session).why == "Why was orders locked for so long?"
        assert step(session).because == "Migration 0142 locked the whole table."


def test_a_timeline_entry_reworded_in_one_and_given_a_kind_in_the_other_keeps_both(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    target = timeline(a.session).id
    a.mutate(set_field(timeline, "text", "reworded in the facilitator's terminal"))
    clock.advance(0.5)
    b.mutate(set_field(timeline, "kind", "mitigated"))
    assert b.save() and a.save()
    b.poll()
    for session in sessions(sample_path, a, b):
        [entry] = [entry for entry in session.timeline if entry.id == target]
        assert (entry.text, entry.kind) == ("reworded in the facilitator's terminal", "mitigated")


def test_a_chains_title_and_a_new_step_from_two_instances_are_both_kept(
    sample_path: Path, clock: FakeClock
) -> None:
    from postmortem_tui.model import WhyStep

    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    a.mutate(lambda s: setattr(s.root_cause.chains[0], "title", "Why checkouts failed"))
    assert a.save()
    clock.advance(0.5)
    b.mutate(lambda s: s.root_cause.chains[0].steps.append(WhyStep(why="and then?")))
    b.mutate(lambda s: setattr(s.root_cause.chains[0].steps[0], "because", "locked"))
    assert b.save()
    a.poll()
    for session in sessions(sample_path, a, b):
        chain = session.root_cause.chains[0]
        assert chain.title == "Why checkouts failed"
        assert chain.steps[0].because == "locked" and chain.steps[-1].why == "and then?"


def test_the_incidents_title_and_summary_changed_in_two_instances_are_both_kept(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    a.mutate(lambda s: setattr(s.incident, "title", "Checkout down for four hours"))
    a.mutate(lambda s: setattr(s.incident.impact, "orders_affected", 5000))
    assert a.save()
    clock.advance(0.5)
    b.mutate(lambda s: setattr(s.incident, "summary", "A migration locked orders."))
    b.mutate(lambda s: setattr(s.incident.impact, "revenue_lost", 120000))
    assert b.save()
    a.poll()
    for session in sessions(sample_path, a, b):
        incident = session.incident
        assert incident.title == "Checkout down for four hours"
        assert incident.summary == "A migration locked orders."
        assert (incident.impact.orders_affected, incident.impact.revenue_lost) == (5000, 120000)


def test_fields_that_only_make_sense_together_fall_back_to_the_later_version(
    sample_path: Path, clock: FakeClock
) -> None:
    """A moves the start to 17:00, B the end to 15:00 (each fine with the other's old value):
    combined, the incident would end before it starts, so the later change wins whole."""
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    start = a.session.incident.start
    assert start is not None
    a.mutate(lambda s: setattr(s.incident, "start", start.replace(hour=17, minute=0)))
    assert a.save()
    clock.advance(0.5)
    b.mutate(lambda s: setattr(s.incident, "end", start.replace(hour=15, minute=0)))
    assert b.save()
    a.poll()
    for session in sessions(sample_path, a, b):
        incident = session.incident
        assert (incident.start, incident.end) == (start, start.replace(hour=15, minute=0))


def test_a_hand_edit_of_one_field_and_an_app_edit_of_another_are_both_kept(
    sample_path: Path, clock: FakeClock
) -> None:
    a = SessionStore(sample_path, clock)
    text = sample_path.read_text(encoding="utf-8")
    sample_path.write_text(text.replace('owner = "Priya Raman"', 'owner = "Hand Edited"', 1))
    clock.advance(5)
    a.mutate(set_field(action, "deadline", date(2027, 2, 15)))  # not read the hand edit yet
    assert a.save()
    for session in sessions(sample_path, a):
        assert (action(session).owner, action(session).deadline) == (
            "Hand Edited",
            date(2027, 2, 15),
        )


def test_an_older_copy_of_the_file_does_not_undo_a_newer_edit_of_another_field(
    sample_path: Path, clock: FakeClock
) -> None:
    """A backup restored over the file holds the item as it was before a's owner change;
    b's later deadline change must not bring the old owner back (nor lose the new one)."""
    backup = sample_path.read_text(encoding="utf-8")
    a = SessionStore(sample_path, clock)
    clock.advance(1)
    a.mutate(set_field(action, "owner", "Aisha Bello"))
    assert a.save()
    b = SessionStore(sample_path, clock)
    sample_path.write_text(backup, encoding="utf-8")  # the older copy
    clock.advance(1)
    b.mutate(set_field(action, "deadline", date(2027, 2, 15)))
    assert b.save()
    a.poll()
    for session in sessions(sample_path, a, b):
        assert action(session).owner == "Aisha Bello"
        assert action(session).deadline == date(2027, 2, 15)


def test_a_change_undone_later_in_one_instance_wins_over_an_earlier_change_in_the_other(
    sample_path: Path, clock: FakeClock
) -> None:
    """A's item is as in the base again, but changed later than B's: which field A touched
    is not known, so the later version wins whole, as before (B's owner goes)."""
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    owner = action(a.session).owner
    b.mutate(set_field(action, "owner", "Tomasz Nowak"))
    clock.advance(0.2)
    a.mutate(set_field(action, "owner", "Aisha Bello"))
    a.mutate(set_field(action, "owner", owner))  # undone
    assert a.save() and b.save()
    a.poll()
    for session in sessions(sample_path, a, b):
        assert action(session).owner == owner


def test_the_same_value_set_in_two_instances_keeps_the_later_time_against_a_third(
    sample_path: Path, clock: FakeClock
) -> None:
    """A and B both end with owner Priya, B last; C set Tomasz in between. B's version is
    the latest edit, so Priya stays, though A's copy of that value is older than C's."""
    a, b, c = (SessionStore(sample_path, clock) for _ in range(3))
    a.mutate(set_field(action, "owner", "Priya"))
    b.mutate(set_field(action, "owner", "Aisha Bello"))
    clock.advance(0.1)
    c.mutate(set_field(action, "owner", "Tomasz Nowak"))
    clock.advance(0.1)
    b.mutate(set_field(action, "owner", "Priya"))
    assert a.save() and b.save() and c.save()
    a.poll(), b.poll()
    for session in sessions(sample_path, a, b, c):
        assert action(session).owner == "Priya"
