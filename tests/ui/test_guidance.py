"""Facilitation guidance on the meeting screen: gentle hints that never block typing."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from textual.widgets import Input, Label, Static

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import PostmortemApp, make_app

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _app(path: Path, clock: FakeClock | None = None) -> PostmortemApp:
    return make_app(path, clock=clock or FakeClock(START))


async def test_blameful_wording_gets_a_hint_while_typing_and_still_saves(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        field = app.focused
        assert isinstance(field, Input)
        field.insert_text_at_cursor("Sam should have checked the lock before deploying")
        await pilot.pause()
        hint = str(app.screen.query_one("#panel-could_improve .input-hint", Label).render())
        assert hint.startswith("\u2691")
        await pilot.press("enter")
        assert app.live.session.could_improve[-1].text.startswith("Sam should have")
        detail = str(app.screen.query_one("#panel-could_improve .detail", Static).render())
        assert "\u2691" in detail  # the saved entry keeps its hint in the detail line


async def test_system_wording_gets_no_hint(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        app.focused.insert_text_at_cursor("the job should have retried after the lock timeout")
        await pilot.pause()
        hint = app.screen.query_one("#panel-could_improve .input-hint", Label)
        assert str(hint.render()) == ""


async def test_action_form_shows_quality_hints_but_saves(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("a")
        form = app.screen
        form.query_one("#input-what", Input).value = "look into the database"
        form.query_one("#input-owner", Input).value = "Pat Doe"
        await pilot.pause()
        what = str(form.query_one("#live-what", Label).render())
        owner = str(form.query_one("#live-owner", Label).render())
        assert "look into" in what
        assert owner.startswith("note:") and "not in the participants list" in owner
        await pilot.press("ctrl+s")
        assert app.live.session.action_items[-1].what == "look into the database"


async def test_wrap_up_counts_the_hints(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("8")
        checklist = str(app.screen.query_one("#panel-wrap_up .checklist", Static).render())
        assert "Guidance hints: 0" in checklist
        await pilot.press("i")
        app.focused.insert_text_at_cursor("human error by the on-call engineer")
        await pilot.press("enter", "escape", "8")
        checklist = str(app.screen.query_one("#panel-wrap_up .checklist", Static).render())
        assert "Guidance hints: 1" in checklist
