"""A screen that looks the same is not redrawn: the clock screens wake when the countdown's
second turns over, and an idle instance watching a meeting should cost next to nothing."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widget import Widget

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app
from postmortem_tui.ui.clock_screen import ClockScreen
from postmortem_tui.ui.meeting_screen import MeetingScreen
from postmortem_tui.ui.widgets.big_countdown import BigCountdown

START = datetime(2026, 11, 27, 15, 0, 10, tzinfo=timezone.utc)


@pytest.mark.parametrize("present", [False, True], ids=["meeting", "presenter"])
async def test_ticks_redraw_only_what_changed(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch, present: bool
) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, autosave=False, present=present)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")  # the clock runs
        clock.advance(0.2)
        app.screen.tick()
        await pilot.pause()
        await pilot.press("space")  # and is paused
        app.screen.tick()
        await pilot.pause()

        refreshed: list[tuple[Widget, bool]] = []
        original = Widget.refresh

        def counting(self: Widget, *regions, **kwargs):  # type: ignore[no-untyped-def]
            refreshed.append((self, kwargs.get("layout", False)))
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", counting)
        for _ in range(8):  # two seconds of a paused meeting: nothing on screen changes
            clock.advance(0.25)
            app.screen.tick()
        assert refreshed == []

        monkeypatch.setattr(Widget, "refresh", original)
        await pilot.press("space")  # running again
        app.screen.tick()
        await pilot.pause()
        monkeypatch.setattr(Widget, "refresh", counting)
        clock.advance(1.0)  # the countdown and the meeting time move on by a second
        app.screen.tick()
        assert refreshed, "the countdown is redrawn"
        assert [w for w, layout in refreshed if layout] == []  # but nothing is laid out again


async def test_each_clock_screen_keeps_one_tick_scheduled(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    original = ClockScreen._schedule_tick

    def recording(self) -> None:  # type: ignore[no-untyped-def]
        started.append(type(self).__name__)
        original(self)

    monkeypatch.setattr(ClockScreen, "_schedule_tick", recording)
    app = make_app(sample_path, clock=FakeClock(START), autosave=False, present=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # a set: on a loaded machine a tick may already have fired and scheduled the next
        assert set(started) == {"MeetingScreen", "PresenterScreen"}
        screens = [s for s in app.screen_stack if isinstance(s, ClockScreen)]
        assert len(screens) == 2
        for screen in screens:
            task = screen._timer._task if screen._timer is not None else None
            assert task is not None and not task.done()


def test_the_tick_wakes_when_the_shown_second_turns_over() -> None:
    from postmortem_tui.agenda_clock import AgendaClock
    from postmortem_tui.model import Agenda
    from postmortem_tui.ui.clock_screen import seconds_to_next_change

    fake = FakeClock(START)
    clock = AgendaClock(Agenda(), fake)
    assert seconds_to_next_change(clock) == 1.0  # paused: once a second
    clock.toggle()
    fake.advance(0.7)  # 04:59.3 left: shows 05:00 until 04:59.0
    assert abs(seconds_to_next_change(clock) - 0.31) < 1e-6
    fake.advance(300)  # +00:00.7 over: shows +00:00 until +00:01.0
    assert abs(seconds_to_next_change(clock) - 0.31) < 1e-6


async def test_the_meeting_screen_under_the_presenter_view_is_not_redrawn(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, autosave=False, present=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")  # the clock runs
        await pilot.pause()
        meeting = app.screen_stack[-2]
        assert isinstance(meeting, MeetingScreen)
        shown_before = meeting.query_one(BigCountdown).value

        clock.advance(3)
        meeting.tick()  # hidden: nothing of it is redrawn
        assert meeting.query_one(BigCountdown).value == shown_before

        await pilot.press("f5")  # back to the editor: it shows the time at once
        await pilot.pause()
        assert app.screen is meeting
        assert meeting.query_one(BigCountdown).value == app.screen_stack[-1].query_one(BigCountdown).value
        assert meeting.query_one(BigCountdown).value != shown_before


async def test_the_editor_sleeps_under_the_presenter_view_and_wakes_after(
    sample_path: Path,
) -> None:
    """Textual repaints a hidden screen in full, and the presenter view over it, each time the
    hidden one wakes: under the presenter view the editor's clock stops waking."""
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, autosave=False, present=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        meeting = next(s for s in app.screen_stack if isinstance(s, MeetingScreen))
        meeting._timed_tick()  # its next wake-up, while hidden
        assert meeting._timer is None
        assert app.screen._timer is not None  # the presenter view keeps its own
        await pilot.press("space")  # the clock runs, from the presenter view
        clock.advance(30)
        await pilot.press("f5")  # back to the editor
        await pilot.pause()
        assert app.screen is meeting and meeting._timer is not None
        minutes = meeting.live.session.agenda.current_step.planned_minutes
        assert meeting.query_one(BigCountdown).value == f"{minutes - 1:02d}:30"
