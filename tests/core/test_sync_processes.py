"""Two real processes adding to one session as fast as they can lose nothing."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

from postmortem_tui.model import Note
from postmortem_tui.persistence import load
from postmortem_tui.sync import SessionStore

PER_PROCESS = 500


def _add_as_fast_as_possible(path: str, name: str) -> None:
    """As the app does it: this thread edits, a worker thread saves and polls meanwhile."""
    store = SessionStore(Path(path))
    stop = threading.Event()
    failures: list[str] = []

    def worker() -> None:
        while not stop.is_set():
            if not store.save():
                failures.append(store.status().problem or "save failed")
            store.poll()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        for number in range(PER_PROCESS):
            store.mutate(lambda s: s.went_well.append(Note(text=f"{name} {number}")))
    finally:
        stop.set()
        thread.join()
    if failures or not store.save():
        raise SystemExit(f"{name}: {failures[:1] or store.status().problem}")


def test_two_processes_adding_500_entries_each_end_with_all_1000(empty_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    writers = [
        context.Process(target=_add_as_fast_as_possible, args=(str(empty_path), name))
        for name in ("facilitator", "note-taker")
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=300)
    assert [writer.exitcode for writer in writers] == [0, 0]
    texts = [note.text for note in load(empty_path).went_well]
    expected = {f"{name} {n}" for name in ("facilitator", "note-taker") for n in range(PER_PROCESS)}
    assert set(texts) == expected
    assert len(texts) == 2 * PER_PROCESS


def _add_and_save_each(path: str, name: str, count: int) -> None:
    store = SessionStore(Path(path))
    for number in range(count):
        store.mutate(lambda s: s.went_well.append(Note(text=f"{name} {number}")))
        if not store.save():
            raise SystemExit(store.status().problem)


def test_two_processes_saving_after_every_entry_lose_none(empty_path: Path) -> None:
    """The harshest interleaving: every save contends for the lock (fewer entries: slower)."""
    context = multiprocessing.get_context("fork")
    writers = [
        context.Process(target=_add_and_save_each, args=(str(empty_path), name, 200))
        for name in ("a", "b")
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=300)
    assert [writer.exitcode for writer in writers] == [0, 0]
    assert len(load(empty_path).went_well) == 400
