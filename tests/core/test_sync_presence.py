"""Who else has the session open, from heartbeat records that go stale when a process dies."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

from postmortem_tui.clock import FakeClock
from postmortem_tui.sync import Presence, presence_line
from postmortem_tui.sync.presence import STALE_SECONDS, presence_dir

ALIVE = {101, 102, 103}


def alive(pid: int) -> bool:
    return pid in ALIVE


def make(
    path: Path, clock: FakeClock, name: str, role: str, pid: int, host: str = "box"
) -> Presence:
    return Presence(path, name, role, clock, pid=pid, host=host, alive=alive)


def test_each_instance_sees_the_others_with_their_roles(tmp_path: Path) -> None:
    path, clock = tmp_path / "s.toml", FakeClock()
    dana = make(path, clock, "Dana", "facilitator", 101)
    sam = make(path, clock, "Sam", "note-taker", 102)
    assert dana.beat() and sam.beat()
    assert dana.others() == [("Sam", "note-taker")]
    assert sam.others() == [("Dana", "facilitator")]
    assert dana.line() == "2 open: you (facilitator), Sam (note-taker)"
    assert presence_dir(path).name == ".s.toml.presence"


def test_a_record_without_a_recent_beat_goes_stale(tmp_path: Path) -> None:
    path, clock = tmp_path / "s.toml", FakeClock()
    dana = make(path, clock, "Dana", "facilitator", 101, host="laptop")
    remote = make(path, clock, "Sam", "note-taker", 102, host="shared-host")
    remote.beat()
    clock.advance(STALE_SECONDS)
    assert dana.others() == [("Sam", "note-taker")]
    clock.advance(1)
    assert dana.others() == []
    remote.beat()
    assert dana.others() == [("Sam", "note-taker")]


def test_a_dead_process_on_this_host_is_gone_at_once(tmp_path: Path) -> None:
    path, clock = tmp_path / "s.toml", FakeClock()
    dana = make(path, clock, "Dana", "facilitator", 101)
    ghost = make(path, clock, "Sam", "note-taker", 999)  # not in ALIVE
    ghost.beat()
    assert dana.others() == []
    assert not ghost.record.exists()  # cleaned up by whoever noticed


def test_closing_removes_the_record(tmp_path: Path) -> None:
    path, clock = tmp_path / "s.toml", FakeClock()
    dana = make(path, clock, "Dana", "facilitator", 101)
    sam = make(path, clock, "Sam", "note-taker", 102)
    dana.beat(), sam.beat()
    sam.close()
    assert dana.others() == []
    dana.close()
    assert not presence_dir(path).exists()


def test_a_record_that_cannot_be_read_is_ignored(tmp_path: Path) -> None:
    path, clock = tmp_path / "s.toml", FakeClock()
    dana = make(path, clock, "Dana", "facilitator", 101)
    dana.beat()
    (presence_dir(path) / "junk-1.toml").write_text("name = [", encoding="utf-8")
    assert dana.others() == []


def test_names_are_plain_text_and_roles_optional() -> None:
    line = presence_line(("", ""), [("[bold]Eve[/]", ""), ("", "engineer")])
    assert line == "3 open: you, [bold]Eve[/], someone (engineer)"


def _beat_forever(path: str, ready) -> None:
    Presence(Path(path), "Sam", "note-taker").beat()
    ready.set()
    signal.pause()


def test_a_killed_instance_disappears_without_waiting_for_staleness(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    child = context.Process(target=_beat_forever, args=(str(path), ready))
    child.start()
    me = Presence(path, "Dana", "facilitator")
    try:
        assert ready.wait(30)
        assert me.others() == [("Sam", "note-taker")]
    finally:
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join()
    assert me.others() == []
