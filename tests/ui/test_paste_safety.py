"""Pasted notes kept whole and in order: lines pasted together stay in the order pasted, a
line with an error waits to be put right, a form field keeps every pasted line, and an edit
of an entry deleted elsewhere is not thrown away."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from textual import events
from textual.widgets import Input

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import PostmortemApp, make_app

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _app(path: Path, clock: FakeClock | None = None) -> PostmortemApp:
    return make_app(path, clock=clock or FakeClock(START))


async def _paste(pilot, key: str, text: str) -> Input:  # type: ignore[no-untyped-def]
    """Open a panel's input with ``key`` and paste ``text`` into it, as a terminal's paste arrives."""
    await pilot.press(key)
    field = pilot.app.focused
    assert isinstance(field, Input)
    field.post_message(events.Paste(text))
    await pilot.pause()
    return field


async def test_a_paste_that_ends_with_a_line_break_adds_its_last_line(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _paste(pilot, "g", "first lucky\nsecond lucky\n")
        assert sorted(note.text for note in app.live.session.got_lucky) == [
            "first lucky",
            "second lucky",
        ]
        assert field.value == ""  # nothing left over to be added twice
