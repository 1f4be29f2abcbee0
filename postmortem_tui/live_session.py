"""A session open in the app: the shared store, its clock, settings, presence and save state.

Plain Python (no Textual): the screens change the session only through :meth:`change` and
:meth:`clock_action`, which go through the store (so the change is stamped, merged with
other instances and saved by the sync worker).
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from .agenda_clock import AgendaClock, resume
from .checks.schedule import standing
from .clock import Clock
from .config import Config
from .model import Session
from .persistence import create
from .persistence.atomic import through_links
from .rescue import rescue, rescued_copies, rescued_typing
from .sync import Presence, SessionStore

T = TypeVar("T")


def default_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container): presence just says "someone"
        return ""


class LiveSession:
    def __init__(
        self,
        store: SessionStore,
        clock: Clock,
        config: Config,
        presence: Presence | None = None,
    ) -> None:
        self.store = store
        self.time = clock
        self.config = config
        self.presence = presence
        self.resume_notice = ""
        resumed = store.mutate(lambda s: resume(s.agenda, clock, s.planned_minutes))
        if resumed is not None and not resumed.kept_running:
            hours = resumed.closed_for.total_seconds() / 3600
            self.resume_notice = (
                f"Paused: the session was closed for {hours:.1f} h, longer than the meeting; "
                "space to resume"
            )
        self.on_change: Callable[[], None] = lambda: None
        """Set by the app: wakes the sync worker."""

    @classmethod
    def open(
        cls, path: Path, clock: Clock, config: Config, name: str = "", role: str = ""
    ) -> LiveSession:
        path = through_links(path)  # one lock and one presence record, whatever the name
        store = SessionStore(path, clock)
        presence = Presence(path, name or default_name(), role, clock)
        return cls(store, clock, config, presence)

    @property
    def session(self) -> Session:
        return self.store.session

    @property
    def clock(self) -> AgendaClock:
        return self.store.agenda_clock

    def change(self, change: Callable[[Session], T]) -> T:
        result = self.store.mutate(change)
        self.on_change()
        return result

    def clock_action(self, action: Callable[[AgendaClock], T]) -> T:
        result = self.store.clock_action(action)
        self.on_change()
        return result

    def toggle_clock(self) -> None:
        """Start the meeting, or pause or resume the step. Starting records that the meeting
        is held now when the session does not say when (the document's "Post-mortem
        meeting" line, and the check that no deadline falls before it, need the date)."""
        starting = not self.clock.started
        self.clock_action(lambda clock: clock.toggle())
        if starting and self.clock.started and self.session.meeting.scheduled is None:
            held = self.now().replace(second=0, microsecond=0)
            self.change(
                lambda s: setattr(s, "meeting", s.meeting.with_changes(scheduled=held))
            )

    def now(self) -> datetime:
        return self.clock.now()

    def save_or_rescue(self) -> Path | None:
        """For an ending that cannot ask (the terminal closed): save, and if the file cannot
        be written, write a rescue copy (see :mod:`rescue`) and return where; None if
        saved, or if even the rescue copy could not be written."""
        if self.store.save():
            return None
        try:
            return rescue(self.session, self.store.path, self.now())
        except OSError:
            return None

    def rescue_notice(self) -> str:
        """Said when the session opens, if a copy was rescued since its file was written,
        or words typed and not added when it last ended."""
        said = []
        if copies := rescued_copies(self.store.path):
            said.append(
                "The last time this session ended, its file could not be written. The notes "
                f"were rescued to:\n{copies[0]}\nCompare it with this session and copy what "
                "is missing."
            )
        if typed := rescued_typing(self.store.path):
            said.append(
                "The last time this session ended (the terminal closed), words typed but not "
                f"yet added were kept in:\n{typed[0]}\nAdd what you still want."
            )
        return "\n".join(said)

    def save_as(self, path: Path) -> None:
        """Write the session to a new file and carry on there (when its own cannot be
        written); raises :class:`SessionFileError` if the new one cannot be written either."""
        create(self.session.model_copy(), path)
        self.store = SessionStore(path, self.time)
        if self.presence is not None:
            self.presence.close()
            self.presence = Presence(path, self.presence.name, self.presence.role, self.time)

    def standing(self) -> str:
        """The meeting's standing against the 1-to-5-working-days rule, in a few words."""
        found = standing(self.session, self.config.holidays)
        return "" if found.state == "unknown" else f"meeting {found.message}"

    @property
    def problem(self) -> str | None:
        return self.store.status().problem

    def save_status(self, now: datetime) -> str:
        status = self.store.status()
        if status.problem:
            return "NOT SAVED: " + status.problem
        if status.dirty:
            return "saving\u2026"
        # When the file was last written: by this process, else by whoever wrote it last
        # (just opened, nothing changed yet). The time, not "3s ago": it changes only when
        # the file does, so an idle screen has nothing to redraw.
        when = status.last_saved or self.session.saved_at
        if when is None:
            return "saved"
        local = when.astimezone()
        if local.date() != now.astimezone().date():
            return f"saved {local:%b %d %H:%M}"
        return f"saved {local:%H:%M:%S}"
