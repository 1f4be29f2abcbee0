"""The countdown and the step bar repaint only what changed, and never leave a stale cell."""

from __future__ import annotations

import gc
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.strip import Strip

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app
from postmortem_tui.ui.widgets.big_countdown import (
    BigCountdown,
    changed_box,
    render_big,
)
from postmortem_tui.ui.widgets.step_bar import StepBar, bar_cells

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)

clock_values = st.builds(
    lambda over, minutes, seconds: f"{'+' if over else ''}{minutes:02d}:{seconds:02d}",
    st.booleans(),
    st.integers(0, 99),
    st.integers(0, 59),
)


@given(clock_values, clock_values, st.integers(1, 6))
def test_the_repainted_box_holds_every_cell_that_changed(old: str, new: str, scale: int) -> None:
    if len(old) != len(new):
        new = old  # a new length lays the countdown out again, all of it
    before, after = render_big(old, scale), render_big(new, scale)
    box = changed_box(before, after)
    changed = {
        (x, y)
        for y, (a, b) in enumerate(zip(before, after))
        for x, (p, q) in enumerate(zip(a, b))
        if p != q
    }
    if not changed:
        assert box is None
        return
    assert box is not None
    assert all(box.contains(x, y) for x, y in changed)


def test_a_second_going_by_repaints_the_last_digit_only() -> None:
    before, after = render_big("12:34", 3), render_big("12:33", 3)
    box = changed_box(before, after)
    assert box is not None
    glyph = 3 * 3  # a glyph is 3 pixels wide
    assert box.width <= glyph and box.x >= len(after[0]) - glyph


async def test_the_countdown_on_screen_is_the_whole_new_time(sample_path: Path) -> None:
    """After many partial repaints, every row shows the time now, as a fresh drawing would."""
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, present=True)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("space")
        for _ in range(70):  # over a minute boundary: 05:00 -> 03:50
            clock.advance(1)
            app.screen.tick()
            await pilot.pause()
        countdown = app.screen.query_one(BigCountdown)
        assert countdown.value == "03:50"
        shown = [strip.text for strip in countdown.render_lines(countdown.size.region)]
        fresh = [line.strip() for line in render_big("03:50", countdown.scale_for(*countdown.content_region.size))]
        assert [line.strip() for line in shown if line.strip()] == fresh


async def test_the_countdown_keeps_its_size_when_the_time_is_up(sample_path: Path) -> None:
    """At each size where the countdown grows, the overrun (+00:01) is drawn as large as
    the time left was: shrinking it as the step runs over read as a glitch."""
    for size in ((120, 40), (100, 40), (160, 50), (200, 60)):
        path = sample_path.with_name(f"{size[0]}x{size[1]}.toml")
        path.write_bytes(sample_path.read_bytes())
        clock = FakeClock(START)
        app = make_app(path, clock=clock)
        async with app.run_test(size=size) as pilot:
            await pilot.press("space")
            countdown = app.screen.query_one(BigCountdown)
            heights = []
            for seconds in (299, 2):  # 00:01 left, then +00:01
                clock.advance(seconds)
                app.screen.tick()
                await pilot.pause()
                heights.append(countdown.size.height)
            assert countdown.value == "+00:01", size
            assert heights[0] == heights[1], size
            if size != (100, 40):
                assert heights[0] > 3, size  # larger than the smallest size


def test_the_bar_is_drawn_in_half_cells() -> None:
    assert bar_cells(40, 0) == (0, False)
    assert bar_cells(40, 0.5) == (20, False)
    assert bar_cells(40, 0.51) == (20, True)
    assert bar_cells(40, 1.7) == (40, False)


async def _bar_after(pilot: Pilot, clock: FakeClock, seconds: float) -> StepBar:
    """The meeting screen's step bar once the clock has run ``seconds`` into step 1."""
    clock.advance(seconds)
    pilot.app.screen.tick()
    await pilot.pause()
    return pilot.app.screen.query_one("#progress", StepBar)


async def test_the_bar_follows_the_step_and_fills_when_time_is_up(sample_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        bar = await _bar_after(pilot, clock, 150)  # half of step 1's five minutes
        width = bar.size.width
        text = bar.render_line(0).text
        assert len(text) == width
        half = text[: width // 2]
        assert set(half) == {"\u2501"}
        done_style = bar.render_line(0)._segments[0].style
        full = (await _bar_after(pilot, clock, 200)).render_line(0)  # past zero
        assert full.text == "\u2501" * width
        assert full._segments[0].style != done_style  # the time-up colour


async def test_the_collector_paused_for_launch_is_on_once_the_screen_shows(sample_path: Path) -> None:
    gc.disable()  # as `postmortem FILE` does before importing the UI
    try:
        app = make_app(sample_path, clock=FakeClock(START))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


async def _bar_in_theme(path: Path, theme: str, seconds: float) -> Strip:
    """The meeting screen's step bar, drawn in ``theme`` ``seconds`` into step 1."""
    clock = FakeClock(START)
    app = make_app(path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        await pilot.press("space")
        return (await _bar_after(pilot, clock, seconds)).render_line(0)


async def test_in_an_ansi_theme_the_time_still_to_go_is_blank(sample_path: Path) -> None:
    """The track's colour is the terminal's default there: a line in it would look bright."""
    text = (await _bar_in_theme(sample_path, "ansi-dark", 150)).text
    done = len(text) - len(text.rstrip(" "))
    assert text.rstrip(" ") == "\u2501" * len(text.rstrip(" ")) and done > 0


async def test_the_presenter_bar_takes_the_countdown_colour_near_and_past_zero(sample_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, present=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        screen = app.screen
        bar = screen.query_one("#presenter-progress", StepBar)
        countdown = screen.query_one(BigCountdown)
        colours = []
        for seconds in (30, 200, 100):  # 04:30 left, then 01:10 left, then 00:30 over
            clock.advance(seconds)
            screen.tick()
            await pilot.pause()
            colours.append((bar.render_line(0)._segments[0].style.color, countdown.rich_style.color))
        normal, warning, over = colours
        assert warning[0] == warning[1] != normal[0]
        assert over[0] == over[1] != warning[0]


async def test_the_track_still_to_go_shows_in_the_high_contrast_theme(sample_path: Path) -> None:
    track = (await _bar_in_theme(sample_path, "high-contrast", 100))._segments[-1].style
    assert track.color is not None and track.color != track.bgcolor
