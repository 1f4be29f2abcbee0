"""The command palette offers what can be done now."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


async def test_overwriting_an_unreadable_file_is_offered_only_while_it_is_unreadable(
    sample_path: Path,
) -> None:
    app = make_app(sample_path, clock=FakeClock(START), autosave=False)
    async with app.run_test(size=(100, 30)) as pilot:

        def offered() -> bool:
            titles = {command.title for command in app.get_system_commands(app.screen)}
            return "Overwrite the unreadable session file" in titles

        assert not offered()
        sample_path.write_text("this is not TOML [")
        app.live.store.poll()
        await pilot.pause()
        assert offered()


async def test_while_the_palette_is_open_the_footer_shows_its_keys(sample_path: Path) -> None:
    """Not the meeting's (space Start/Pause n Next ...), which would type into its search."""
    from textual.command import CommandPalette

    from postmortem_tui.ui.widgets.key_bar import KeyBar

    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        bar = app.screen.query_one(KeyBar)
        assert "space" in {key.key for key in bar.keys}
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        shown = {key.key for key in bar.keys}
        assert "escape" in shown and not shown & {"space", "n", "p", "t", "question_mark"}
        await pilot.press("escape")
        await pilot.pause()
        assert "space" in {key.key for key in bar.keys}
