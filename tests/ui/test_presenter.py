"""The presenter view: big countdown, the step's notes, clock keys only."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import Static

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app
from postmortem_tui.ui.presenter_screen import PresenterScreen
from postmortem_tui.ui.widgets.big_countdown import BigCountdown, render_big, text_rows

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


async def test_present_opens_on_top_and_f5_goes_back(sample_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, present=True)
    async with app.run_test(size=(160, 48)) as pilot:
        assert isinstance(app.screen, PresenterScreen)
        await pilot.press("space")
        clock.advance(61)
        app.screen.tick()
        countdown = app.screen.query_one(BigCountdown)
        assert countdown.value == "03:59"
        assert countdown.size.height > 3  # taller than Textual's three-row Digits
        await pilot.press("a", "t", "w")  # editing keys do nothing here
        assert app.live.session.action_items[-1].what.startswith("Run migrations outside")
        assert isinstance(app.screen, PresenterScreen)
        await pilot.press("n", "n")
        entries = str(app.screen.query_one("#presenter-entries", Static).render())
        assert "14:12  Migration 0142 deployed" in entries
        await pilot.press("f5")
        assert app.screen.__class__.__name__ == "MeetingScreen"
        assert app.live.session.agenda.current == 1


async def test_the_countdown_grows_with_the_terminal(sample_path: Path) -> None:
    rows = []
    for size in ((80, 24), (200, 60)):
        app = make_app(sample_path, clock=FakeClock(START), present=True)
        async with app.run_test(size=size):
            countdown = app.screen.query_one(BigCountdown)
            region = countdown.content_region
            rows.append(text_rows(countdown.scale_for(region.width, region.height)))
    assert rows[0] <= 5 and rows[1] >= 13  # a third of a 60-row screen


def test_big_digits_scale() -> None:
    assert len(render_big("12:34", 1)) == text_rows(1) == 3
    assert len(render_big("12:34", 4)) == text_rows(4) == 10
    assert len(render_big("12:34", 4)[0]) == 4 * len(render_big("12:34", 1)[0])


async def test_the_newest_entries_show_when_the_list_is_long(sample_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, present=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "n", "n")  # on to the timeline step
        from postmortem_tui import editing

        for minute in range(20):
            app.live.change(lambda s, m=minute: editing.add_timeline(s, f"19:{m:02d} late entry {m}", clock.now()))
        app.screen.tick()
        entries = str(app.screen.query_one("#presenter-entries", Static).render())
        assert "late entry 19" in entries and "earlier" in entries.splitlines()[0]
        assert all(len(line) <= 120 for line in entries.splitlines())


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_newest_entry_is_not_cut_off_on_a_small_screen(
    sample_path: Path, size: tuple[int, int]
) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, present=True)
    async with app.run_test(size=size) as pilot:
        await pilot.press("space", "n", "n")  # the timeline step
        from postmortem_tui import editing

        app.live.change(lambda s: editing.add_timeline(s, "23:59 the newest entry", clock.now()))
        app.screen.tick()
        await pilot.pause()
        entries = app.screen.query_one("#presenter-entries", Static)
        lines = str(entries.render()).splitlines()
        assert lines[-1].endswith("the newest entry")
        assert len(lines) <= entries.content_region.height  # every line is on screen
        assert entries.region.bottom <= size[1] - 1  # above the footer
        assert "Press" not in str(app.screen.query_one("#presenter-prompt", Static).render())


async def test_each_action_shows_its_owner_and_deadline_on_a_small_screen(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START), present=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", *["n", "n"] * 5)  # on to step 6, action items
        await pilot.pause()
        assert app.live.session.agenda.current_step.key == "actions"
        lines = str(app.screen.query_one("#presenter-entries", Static).render()).splitlines()
        width = app.screen.query_one("#presenter-entries", Static).content_region.width
        shown = [line[:width] for line in lines if not line.startswith("\u2026")]
        checked = 0
        for action in app.live.session.action_items:
            line = next((line for line in shown if action.what[:20] in line), None)
            if line is not None:  # listed: its owner and deadline are on screen too
                assert (action.owner or "no owner") in line and str(action.deadline) in line
                checked += 1
        assert checked >= 3


async def test_x_in_the_presenter_view_opens_the_wrap_up(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START), present=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "WrapUpScreen"
        await pilot.press("escape")
        assert app.screen.__class__.__name__ == "MeetingScreen"


async def test_a_long_title_ends_in_an_ellipsis_on_the_top_row(sample_path: Path) -> None:
    from textual.widgets import Label

    app = make_app(sample_path, clock=FakeClock(START), present=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#presenter-title", Label)
        row = title.render_line(0).text
        assert "Checkout outage: a database migration" in row
        assert row.rstrip().endswith("\u2026")  # cut, and seen to be cut


async def test_an_entry_on_another_day_shows_its_date(sample_path: Path) -> None:
    from postmortem_tui import editing

    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, present=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("space", "n", "n")  # the timeline step
        app.live.change(lambda s: editing.add_timeline(s, "no time given here", clock.now()))
        app.screen.tick()
        await pilot.pause()
        lines = str(app.screen.query_one("#presenter-entries", Static).render()).splitlines()
        assert lines[-1] == "11-27 10:00  no time given here"  # stamped on the meeting day
        assert lines[-2].startswith("18:40" + " " * 8 + "Queued orders")  # the texts line up


async def test_participants_cut_on_a_small_screen_say_how_many_more(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START), present=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        entries = app.screen.query_one("#presenter-entries", Static)
        lines = str(entries.render()).splitlines()
        assert lines[0].startswith("\u201cWe are here to learn")  # the norm, read aloud, first
        assert lines[-1].startswith("\u2026 ") and lines[-1].endswith(" more")
        assert len(lines) <= entries.content_region.height


async def test_the_notes_have_the_whole_width_below_the_agenda_and_countdown(
    sample_path: Path,
) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, present=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "n", "n", "n", "n", "n", "n", "n", "n")  # to step 5
        await pilot.pause()
        entries = app.screen.query_one("#presenter-entries", Static)
        assert entries.size.width >= 110  # not the 78 beside the agenda
        shown = str(entries.render()).splitlines()
        wanted = [f"\u2022 {note.text}" for note in app.live.session.could_improve]
        assert [line for line in shown if line in wanted]  # whole lines, not cut with "…"


async def test_the_norm_is_wrapped_to_the_notes_width_from_the_first_frames(sample_path: Path) -> None:
    """Wrapped for 80 columns in a 76-wide box, each line lost its last words ("not" in
    "not to find someone to blame") until the next tick."""
    app = make_app(sample_path, clock=FakeClock(START), present=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        entries = app.screen.query_one("#presenter-entries", Static)
        width = entries.content_region.width
        shown = [entries.render_line(y).text.rstrip() for y in range(entries.content_region.height)]
        assert shown[1].startswith("not to find someone to blame")
        assert not any(line.endswith("\u2026") for line in shown[:4])
        assert all(len(line) <= width for line in shown)


async def test_a_notification_in_the_presenter_view_does_not_cover_the_countdown(sample_path: Path) -> None:
    from textual.widgets._toast import Toast

    app = make_app(sample_path, clock=FakeClock(START), present=True)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.notify("One minute left on this step.", title="Set the tone", severity="warning")
        await pilot.pause()
        toast = app.screen.query_one(Toast)
        digits = app.screen.query_one(BigCountdown)
        assert not toast.region.overlaps(digits.region)


async def test_the_countdown_keeps_its_size_and_place_when_paused(sample_path: Path) -> None:
    """At 80x24 the 'Paused' line took a row from the countdown, which dropped to a smaller
    font and moved, and back again on resume."""
    app = make_app(sample_path, clock=FakeClock(START), present=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.pause()
        digits = app.screen.query_one(BigCountdown)
        running = digits.region
        await pilot.press("space")
        await pilot.pause()
        assert "Paused" in str(app.screen.query_one("#presenter-notice").render())
        assert digits.region == running


async def test_the_presenter_footer_names_every_key_it_takes_and_fits_80_columns(sample_path: Path) -> None:
    from postmortem_tui.ui.widgets.key_bar import KeyBar

    app = make_app(sample_path, clock=FakeClock(START), present=True)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one(KeyBar).render().plain
        assert "x Wrap-up" in line and "F5 Editor view" in line and "space Start/Pause" in line
        assert len(line) <= 80
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "WrapUpScreen"
