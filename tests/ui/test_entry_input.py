"""The panels' input line while a note-taker types a long entry."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app
from postmortem_tui.ui.panels.list_panel import EntryInput

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


async def test_a_line_longer_than_the_input_keeps_its_end_in_view(empty_path: Path) -> None:
    app = make_app(empty_path, clock=FakeClock(START))
    words = " ".join(f"word{n}" for n in range(30))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        entry = app.focused
        assert isinstance(entry, EntryInput)
        await pilot.press(*["space" if c == " " else c for c in f"14:50 {words}"])
        shown = entry.render_line(0).text
        assert "word29" in shown and "14:50" not in shown

        await pilot.press(*["backspace"] * len(" word29"))
        shown = entry.render_line(0).text.rstrip()
        assert shown.endswith("word28") and "word29" not in shown

        await pilot.press("home")
        assert entry.render_line(0).text.startswith("14:50 word0 ")

        await pilot.press("end", "enter")
        assert entry.value == ""
        assert entry.render_line(0).text.startswith("14:12 what happened")
        assert app.live.session.timeline[-1].text == words.removesuffix(" word29")


async def test_a_draft_kept_from_an_escape_is_said_when_the_input_opens_again(sample_path: Path) -> None:
    from postmortem_tui.ui.panels.list_panel import DRAFT_KEPT

    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        field = app.focused
        field.insert_text_at_cursor("draft text")
        await pilot.press("escape", "t")
        await pilot.pause()
        panel = app.screen.query_one("#panel-timeline")
        assert app.focused.value == "draft text"
        assert str(panel.error_line.render()) == DRAFT_KEPT
        await pilot.press("enter")  # added: the line is no longer there
        await pilot.pause()
        assert str(panel.error_line.render()) == ""
