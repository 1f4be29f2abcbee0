"""The terminal closed (SIGHUP) or the process told to stop (SIGTERM): what is not saved yet
is saved, and if the file cannot be written the notes are rescued to the state folder and
named the next time the session opens."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
from datetime import datetime, timezone
from pathlib import Path

from postmortem_tui.clock import FakeClock
from postmortem_tui.persistence import load
from postmortem_tui.rescue import rescue_dir
from postmortem_tui.ui.app import PostmortemApp, make_app

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _app(path: Path) -> PostmortemApp:
    return make_app(path, clock=FakeClock(START), autosave=False)


async def _add_lucky(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("g")
    pilot.app.focused.insert_text_at_cursor(text)
    await pilot.press("enter")


async def _hang_up(pilot) -> None:  # type: ignore[no-untyped-def]
    os.kill(os.getpid(), signal.SIGHUP)  # handled on the app's loop, as a closed terminal's
    for _ in range(50):
        if not pilot.app.is_running:
            return
        await asyncio.sleep(0.01)


async def test_a_hang_up_saves_what_the_autosave_had_not_yet(sample_path: Path) -> None:
    app = _app(sample_path)  # autosave off: only the hang-up can write it
    async with app.run_test(size=(100, 30)) as pilot:
        await _add_lucky(pilot, "typed a moment before the terminal closed")
        await _hang_up(pilot)
    assert app.return_code == 1
    assert load(sample_path).got_lucky[-1].text == "typed a moment before the terminal closed"
    assert not rescue_dir().exists()


async def test_a_hang_up_with_the_file_unwritable_rescues_the_notes(
    tmp_path: Path, sample_path: Path
) -> None:
    folder = tmp_path / "meeting"
    folder.mkdir()
    path = folder / "s.toml"
    shutil.copy(sample_path, path)
    app = _app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        folder.rename(tmp_path / "gone")
        await _add_lucky(pilot, "typed while the file could not be written")
        await _hang_up(pilot)
    [rescued] = rescue_dir().glob("s-*.toml")
    assert load(rescued).got_lucky[-1].text == "typed while the file could not be written"

    (tmp_path / "gone").rename(folder)  # the folder is back: the session opens again
    told: list[str] = []
    again = _app(path)
    again.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert any(str(rescued) in message for message in told)



async def test_words_typed_and_not_added_are_kept_when_the_terminal_closes(sample_path: Path) -> None:
    """Nobody is there to ask "add them?": an input's line and an open form's fields are
    kept in the state folder, and named when the session next opens."""
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        pilot.app.focused.insert_text_at_cursor("14:40 team lead pinged the DBA")  # no Enter
        await pilot.press("escape", "a")
        await pilot.pause()
        pilot.app.focused.insert_text_at_cursor("Alert on lock waits over 30 s")
        await _hang_up(pilot)
    [kept] = rescue_dir().glob("checkout-outage-*-typed.txt")
    text = kept.read_text()
    assert "Timeline input: 14:40 team lead pinged the DBA" in text
    assert "Form \u201cNew action item\u201d: What (specific and measurable): Alert on lock waits over 30 s" in text
    assert not list(rescue_dir().glob("*.toml"))  # the session itself was saved

    told: list[str] = []
    again = _app(sample_path)
    again.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert any(str(kept) in message and "not yet added" in message for message in told)
