"""A session open in the app: the store, its agenda clock, settings, and the save state.

Plain Python (no Textual): the screen calls :meth:`LiveSession.change` for every change so
it is applied under the store's lock and the autosaver is told.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from .agenda_clock import AgendaClock, resume
from .checks.schedule import standing
from .clock import Clock
from .config import Config
from .model import Session
from .store import SessionStore

T = TypeVar("T")


class LiveSession:
    def __init__(self, store: SessionStore, clock: Clock, config: Config) -> None:
        self.store = store
        self.config = config
        self.resume_notice = ""
        resumed = resume(store.session.agenda, clock, store.session.planned_minutes)
        if resumed is not None and not resumed.kept_running:
            hours = resumed.closed_for.total_seconds() / 3600
            self.resume_notice = (
                f"Paused: the session was closed for {hours:.1f} h, longer than the meeting; "
                "space to resume"
            )
        self.clock = AgendaClock(store.session.agenda, clock)
        self.on_change: Callable[[], None] = lambda: None
        """Set by the app: wakes the autosaver."""

    @classmethod
    def open(cls, path: Path, clock: Clock, config: Config) -> LiveSession:
        return cls(SessionStore.open(path, clock), clock, config)

    @property
    def session(self) -> Session:
        return self.store.session

    def change(self, change: Callable[[Session], T]) -> T:
        result = self.store.mutate(change)
        self.on_change()
        return result

    def now(self) -> datetime:
        return self.clock.now()

    def standing(self) -> str:
        """The meeting's standing against the 1-to-5-working-days rule, in a few words."""
        found = standing(self.session, self.config.holidays)
        return "" if found.state == "unknown" else f"meeting {found.message}"

    def save_status(self, now: datetime) -> str:
        if self.store.error is not None:
            return "NOT SAVED: " + self.store.error.message + " (retrying; ctrl+s saves elsewhere)"
        if self.store.last_saved is None:
            return "saved" if not self.store.dirty else "saving\u2026"
        seconds = max(0, int((now - self.store.last_saved).total_seconds()))
        if self.store.dirty:
            return "saving\u2026"
        if seconds < 60:
            return f"saved {seconds} s ago"
        return f"saved {self.store.last_saved.astimezone():%H:%M}"
