"""The session as the app holds it: what the header says about saving."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from postmortem_tui.clock import FakeClock
from postmortem_tui.config import Config
from postmortem_tui.live_session import LiveSession
from postmortem_tui.persistence import load


def test_a_session_just_opened_says_when_its_file_was_last_saved(sample_path: Path) -> None:
    saved_at = load(sample_path).saved_at
    assert saved_at is not None
    local = saved_at.astimezone()
    same_day = FakeClock(saved_at + timedelta(minutes=5))
    live = LiveSession.open(sample_path, same_day, Config())
    try:
        assert live.save_status(same_day.now()) == f"saved {local:%H:%M:%S}"
        days_later = saved_at + timedelta(days=2)
        assert live.save_status(days_later) == f"saved {local:%b %d %H:%M}"
        live.change(lambda s: setattr(s.incident, "title", "changed"))
        assert live.store.save()
        now = same_day.now()
        assert live.save_status(now) == f"saved {now.astimezone():%H:%M:%S}"  # this save's
    finally:
        live.presence.close()


def test_starting_the_meeting_records_when_it_is_held_if_the_session_does_not_say(
    empty_path: Path,
) -> None:
    from datetime import date, datetime, timezone

    from postmortem_tui.checklist import wrap_up_checklist
    from postmortem_tui.model import ActionItem

    held = datetime(2026, 11, 27, 15, 0, 42, tzinfo=timezone.utc)
    live = LiveSession.open(empty_path, FakeClock(held), Config())
    try:
        assert live.session.meeting.scheduled is None
        live.change(
            lambda s: s.action_items.append(
                ActionItem(what="alert on lock time", owner="Priya", deadline=date(2025, 12, 10))
            )
        )
        live.toggle_clock()  # space: the meeting starts
        assert live.session.meeting.scheduled == held.replace(second=0)
        [deadlines] = [c for c in wrap_up_checklist(live.session) if "deadline" in c.label]
        assert not deadlines.ok and "before the meeting's date: #1" in deadlines.detail
        live.toggle_clock()  # a pause later changes nothing more
        assert live.session.meeting.scheduled == held.replace(second=0)
    finally:
        live.presence.close()


def test_starting_keeps_a_meeting_time_the_session_has(sample_path: Path) -> None:
    from datetime import datetime, timezone

    booked = load(sample_path).meeting.scheduled
    live = LiveSession.open(sample_path, FakeClock(datetime(2026, 11, 27, 16, tzinfo=timezone.utc)), Config())
    try:
        live.toggle_clock()
        assert live.session.meeting.scheduled == booked
    finally:
        live.presence.close()
