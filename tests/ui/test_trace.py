"""The benchmark's trace (POSTMORTEM_TRACE): off by default; when on, an entry typed in one
instance is traced as committed there, then seen and shown in the other."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


async def _type_in_one_and_sync(sample_path: Path) -> str:
    """Type a timeline entry in one app, sync both; returns the new entry's id."""
    clock = FakeClock(START)
    writer = make_app(sample_path, clock=clock, autosave=False)
    watcher = make_app(sample_path, clock=clock, autosave=False)
    async with writer.run_test(size=(120, 40)) as one, watcher.run_test(size=(120, 40)) as two:
        await one.press("t")
        writer.focused.insert_text_at_cursor("13:59 replica lag alert fired")
        await one.press("enter")
        for pilot in (one, two):
            clock.advance(0.25)
            if pilot.app.syncer.step():
                pilot.app.post_message(pilot.app.Synced())
            await pilot.pause()
        await two.pause()
        [entry] = [e for e in watcher.live.session.timeline if e.text == "replica lag alert fired"]
        return entry.id


async def test_an_entry_is_traced_committed_then_seen_and_shown(
    sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trace = tmp_path / "trace.txt"
    monkeypatch.setenv("POSTMORTEM_TRACE", str(trace))
    entry_id = await _type_in_one_and_sync(sample_path)
    lines = [line.split() for line in trace.read_text().splitlines()]
    assert [(ident, event) for _, ident, event in lines] == [
        (entry_id, "committed"),
        (entry_id, "seen"),
        (entry_id, "shown"),
    ]
    times = [float(time) for time, _, _ in lines]
    assert times == sorted(times)


async def test_nothing_is_written_when_the_trace_is_not_asked_for(
    sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POSTMORTEM_TRACE", raising=False)
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    before = {path for path in tmp_path.rglob("*") if ".presence" not in str(path)}
    await _type_in_one_and_sync(sample_path)
    after = {path for path in tmp_path.rglob("*") if ".presence" not in str(path)}
    assert after - before <= {sample_path.with_name("." + sample_path.name + ".lock")}
