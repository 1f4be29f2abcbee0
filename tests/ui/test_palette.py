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
