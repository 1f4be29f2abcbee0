"""A screen that looks the same is not redrawn: the clock screens tick four times a second,
and an idle instance watching a meeting should cost next to nothing."""

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


async def test_each_clock_screen_repaints_on_one_interval(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[str, float]] = []
    original = ClockScreen.set_interval

    def recording(self, interval, *args, **kwargs):  # type: ignore[no-untyped-def]
        started.append((type(self).__name__, interval))
        return original(self, interval, *args, **kwargs)

    monkeypatch.setattr(ClockScreen, "set_interval", recording)
    app = make_app(sample_path, clock=FakeClock(START), autosave=False, present=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ticks = sorted(name for name, interval in started if interval == 0.25)
        assert ticks == ["MeetingScreen", "PresenterScreen"]


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
