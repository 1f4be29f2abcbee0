"""A writer killed with SIGKILL at any moment leaves a session file that loads."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from multiprocessing.synchronize import Event
from pathlib import Path

from postmortem_tui.model import Note, Session, TimelineEntry
from postmortem_tui.persistence import load, save


def _keep_saving(path: str, session: Session, ready: Event) -> None:
    counter = 0
    ready.set()
    while True:
        counter += 1
        session.went_well.append(Note(text=f"note {counter} " + "x" * 200))
        session.incident.title = f"save {counter}"
        save(session, Path(path))


def test_sigkill_during_saves_never_leaves_a_torn_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    session = Session()
    session.timeline = [TimelineEntry(time="14:12", text="x" * 100) for _ in range(300)]
    save(session, path)
    context = multiprocessing.get_context("fork")
    rng = random.Random(20261126)
    titles = set()
    for _ in range(200):
        ready = context.Event()
        writer = context.Process(target=_keep_saving, args=(str(path), load(path), ready))
        writer.start()
        assert ready.wait(10)
        time.sleep(rng.uniform(0.0, 0.04))
        os.kill(writer.pid, signal.SIGKILL)  # type: ignore[arg-type]
        writer.join()
        loaded = load(path)  # raises if the file were torn
        assert len(loaded.timeline) == 300
        titles.add(loaded.incident.title)
    assert len(titles) > 1, "the writer never got a save in: the test proved nothing"
