"""Snapshots of the meeting screen: each step at 100x30, the main screen at 80x24.

The clock is frozen, the time zone pinned to UTC and autosave off, so a snapshot changes only
when the screen does. Review the HTML report before running with --snapshot-update.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from postmortem_tui.agenda_clock import AgendaClock
from postmortem_tui.clock import FakeClock
from postmortem_tui.persistence import load, save
from postmortem_tui.ui.app import PostmortemApp, make_app

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def _at_step(path: Path, step: int, minutes_in: float = 3.5) -> PostmortemApp:
    """The sample session with the meeting started and ``step`` (0-6) running for a while."""
    clock = FakeClock(START)
    session = load(path)
    agenda_clock = AgendaClock(session.agenda, clock)
    agenda_clock.toggle()
    for _ in range(step):
        clock.advance(4 * 60)
        agenda_clock.next()
    clock.advance(minutes_in * 60)
    save(session, path, now=clock.now())
    os.utime(path, (0, 0))
    return make_app(path, clock=clock, autosave=False)


@pytest.mark.parametrize("step", range(7))
def test_each_step_at_100x30(snap_compare, sample_path: Path, step: int) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_at_step(sample_path, step), terminal_size=(100, 30))


def test_main_screen_at_80x24(snap_compare, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_at_step(sample_path, 1), terminal_size=(80, 24))


def test_overrun_at_80x24(snap_compare, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_at_step(sample_path, 2, minutes_in=26.5), terminal_size=(80, 24))


def test_not_started_at_120x40(snap_compare, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(sample_path, clock=FakeClock(START), autosave=False)
    assert snap_compare(app, terminal_size=(120, 40))
