"""The worker that keeps an open session in step with its file and with the other instances.

Every :data:`POLL_SECONDS` (or at once after a local change) it saves what changed here and
polls the file for what changed elsewhere; every :data:`BEAT_SECONDS` it renews this
instance's presence record. It tells the app through ``on_change`` (called from its thread)
whenever something a person would see changed. While the clock runs it also saves every
:data:`CHECKPOINT_SECONDS`, so a reopened session knows when the meeting was last alive.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from ..clock import Clock, SystemClock
from .presence import BEAT_SECONDS, Presence
from .store import POLL_SECONDS, SessionStore

CHECKPOINT_SECONDS = 30.0


class Syncer:
    def __init__(
        self,
        store: SessionStore,
        presence: Presence | None,
        on_change: Callable[[], None],
        poll_seconds: float = POLL_SECONDS,
        clock: Clock | None = None,
    ) -> None:
        self.clock = clock or SystemClock()
        self.store = store
        self.presence = presence
        self.on_change = on_change
        self.poll_seconds = poll_seconds
        self.presence_line = ""
        """``2 open: you (facilitator), Sam (note-taker)`` while others have it open, else ``""``."""
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="session-sync", daemon=True)
        self._last_beat: float | None = None
        self._last_checkpoint = self.clock.monotonic()

    def start(self) -> None:
        self._thread.start()

    def changed(self) -> None:
        """A local change was made: save it now rather than at the next poll."""
        self._wake.set()

    def step(self) -> bool:
        """One round of save, poll and heartbeat; True when something visible changed."""
        store = self.store
        before = store.status()
        store.save()
        now = self.clock.monotonic()
        if store.agenda_clock.running and now - self._last_checkpoint > CHECKPOINT_SECONDS:
            self._last_checkpoint = now
            store.save(force=True)
        visible = store.poll()
        due = self._last_beat is None or now - self._last_beat >= BEAT_SECONDS
        if self.presence is not None and due:
            self._last_beat = now
            self.presence.beat()
            line = self.presence.line() if self.presence.others() else ""
            if line != self.presence_line:
                self.presence_line = line
                visible = True
        after = store.status()
        return visible or (before.dirty, before.problem) != (after.dirty, after.problem)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.poll_seconds)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                changed = self.step()
            except Exception as error:  # a worker must not die silently: report and go on
                self.store._report(f"{self.store.path}: sync failed: {error}")
                changed = True
            if changed:
                self.on_change()

    def stop(self) -> bool:
        """Stop the worker, save what is left; True when everything is on disk."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        saved = self.store.save(force=True)
        if self.presence is not None:
            self.presence.close()
        return saved
