"""The session lock: one writer at a time, and a dead writer blocks no one."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import socket
import time
from pathlib import Path

import pytest

from postmortem_tui.model import Note
from postmortem_tui.persistence import load
from postmortem_tui.sync import (
    LOCK_TIMEOUT,
    LockTimeout,
    SessionLock,
    SessionStore,
    lock_path,
)

CONTEXT = multiprocessing.get_context("fork")


def test_a_second_holder_waits_and_then_gets_a_one_line_error(sample_path: Path) -> None:
    with SessionLock(sample_path):
        with pytest.raises(LockTimeout) as caught:
            SessionLock(sample_path, timeout=0.05).acquire()
    message = str(caught.value)
    assert "\n" not in message
    assert f"locked by another postmortem (pid {os.getpid()} on {socket.gethostname()})" in message
    with SessionLock(sample_path, timeout=0.05):  # released: free again
        pass
    assert lock_path(sample_path).name == ".checkout-outage.toml.lock"
    assert lock_path(sample_path).exists()


def _hold_the_lock(path: str, ready) -> None:
    lock = SessionLock(Path(path))
    lock.acquire()
    ready.set()
    time.sleep(600)


def test_a_writer_killed_while_holding_the_lock_does_not_block_the_other(
    sample_path: Path,
) -> None:
    store = SessionStore(sample_path, lock_timeout=0.2)
    ready = CONTEXT.Event()
    holder = CONTEXT.Process(target=_hold_the_lock, args=(str(sample_path), ready))
    holder.start()
    try:
        assert ready.wait(30)
        store.mutate(lambda s: s.went_well.append(Note(text="typed while locked")))
        assert store.save() is False  # the live holder keeps us out...
        assert f"pid {holder.pid}" in (store.status().problem or "")
    finally:
        os.kill(holder.pid, signal.SIGKILL)  # type: ignore[arg-type]
        holder.join()
    store.lock_timeout = LOCK_TIMEOUT  # ...and once it is killed, the stated bound applies
    assert store.save() is True
    assert store.status().problem is None
    assert "typed while locked" in [note.text for note in load(sample_path).went_well]


def _keep_adding(path: str, name: str) -> None:
    store = SessionStore(Path(path))
    number = 0
    while True:
        number += 1
        store.mutate(lambda s: s.went_well.append(Note(text=f"{name} {number}")))
        store.save()


def test_writers_killed_at_any_moment_never_stop_the_others(sample_path: Path) -> None:
    survivor = SessionStore(sample_path)
    rng = random.Random(20261127)
    for round_ in range(25):
        writer = CONTEXT.Process(target=_keep_adding, args=(str(sample_path), f"killed{round_}"))
        writer.start()
        time.sleep(rng.uniform(0.05, 0.2))
        os.kill(writer.pid, signal.SIGKILL)  # type: ignore[arg-type]
        writer.join()
        survivor.mutate(lambda s: s.went_well.append(Note(text=f"survivor {round_}")))
        assert survivor.save(), survivor.status().problem
    texts = {note.text for note in load(sample_path).went_well}
    assert {f"survivor {n}" for n in range(25)} <= texts
    assert any(text.startswith("killed") for text in texts), "no killed writer ever saved"
