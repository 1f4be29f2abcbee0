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
