"""One session shared by several processes through its file.

Each process holds a :class:`SessionStore`. Edits are made in memory with :meth:`mutate`
(which stamps times and tombstones); :meth:`save` merges them into the file under the lock
(read, merge, write, still atomic); :meth:`poll` notices another writer's change from a
``stat`` alone and merges it in. Because merging is a join, every store that saves and polls
ends with the same session, whatever the order. Parts this store left unchanged since it last
read or wrote the file take the file's version (``rebase.py``), so hand edits are kept; parts
both changed are combined field by field (``combine.py``), so neither side's change is lost.

Threads: the UI thread calls :meth:`mutate` and reads :attr:`session`, :attr:`version` and
:meth:`status`; a worker thread calls :meth:`save`, :meth:`poll` and :meth:`overwrite_broken`.
All of these are safe to call from any thread. The session object is replaced, never changed
in place, so a reader needs no lock and the file is written from a snapshot outside it.

A file that cannot be read (a bad hand edit) is never overwritten: the store keeps its state,
reports one line, and waits until the file is fixed or :meth:`overwrite_broken` is called. A
removed file or a read-only folder is reported the same way and retried on the next save.
A valid file holding another session (``identity.py``) is treated like an unreadable one.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, TypeVar

from ..agenda_clock import AgendaClock
from ..clock import Clock, SystemClock
from ..model import Session, new_id
from ..persistence import SessionFileError
from ..persistence import save as write_session
from ..persistence.atomic import atomic_write
from ..persistence.codec import read_session
from ..persistence.session_file import read_text
from .identity import other_session, other_session_problem
from .lock import LOCK_TIMEOUT, SessionLock
from .merge import merge, same_for_people
from .rebase import rebase
from .stamp import editable_copy, later, stamp

T = TypeVar("T")

POLL_SECONDS = 0.25
"""How often an app should call :meth:`SessionStore.poll`: a stat, nearly free when idle."""

Signature = tuple[int, int, int]

KEPT = "your changes are kept and saved on the next try"


def signature(path: Path) -> Signature | None:
    """(inode, mtime in ns, size) of ``path``, or None when it does not exist.

    An atomic write replaces the inode, so a change shows even within one mtime tick.
    """
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise SessionFileError(path, f"cannot be read: {error.strerror}") from None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def broken_path(path: Path) -> Path:
    """Where :meth:`SessionStore.overwrite_broken` keeps the text it replaces."""
    return path.with_name(path.name + ".broken")


class StoreStatus(NamedTuple):
    version: int
    """Goes up whenever :attr:`SessionStore.session` changes in a way a person would see."""
    dirty: bool
    """Changes made here that the file does not hold yet."""
    problem: str | None
    """One line for the status bar, or None when the file is in step."""
    broken: bool
    """The file cannot be read; it is left alone until fixed or :meth:`overwrite_broken`."""
    missing: bool
    """The file was removed; the next save (a change, or ``save(force=True)``) writes it again."""
    last_saved: datetime | None
    """When this process last wrote the file (``session.saved_at``: when anyone did)."""
    last_synced: datetime | None
    """When this process last read or wrote the file successfully."""


class SessionStore:
    """The session at ``path`` as this process sees it; see the module docstring."""

    def __init__(
        self, path: Path, clock: Clock | None = None, *, lock_timeout: float = LOCK_TIMEOUT
    ) -> None:
        """Load ``path``; raises :class:`SessionFileError` (one line) if it cannot be read."""
        self.path = Path(path)
        self._clock = clock or SystemClock()
        self.lock_timeout = lock_timeout
        self._state = threading.RLock()
        self._io = threading.Lock()
        sig = signature(self.path)
        loaded, filled = read_session(read_text(self.path), self.path)
        self._session = merge(loaded)
        self._file = self._session
        """The file as this store last read or wrote it: the base of the three-way rule."""
        self._sig = sig
        self._broken_sig: Signature | None = None
        self._version = 0
        self._gen = 0
        self._saved_gen = 0 if not filled else -1  # ids given to hand-added entries: write them
        self._problem: str | None = None
        self._missing = False
        self._last_saved: datetime | None = None
        self._last_synced: datetime | None = self._clock.now()
        self.agenda_clock = AgendaClock(self._session.agenda, self._clock)
        """The countdown, computed from the shared agenda; rebound on every change."""

    # Reading (any thread)

    @property
    def session(self) -> Session:
        """The current session. Read-only: change it through :meth:`mutate`."""
        return self._session

    @property
    def version(self) -> int:
        return self._version

    def status(self) -> StoreStatus:
        with self._state:
            return StoreStatus(
                version=self._version,
                dirty=self._gen != self._saved_gen,
                problem=self._problem,
                broken=self._broken_sig is not None,
                missing=self._missing,
                last_saved=self._last_saved,
                last_synced=self._last_synced,
            )

    # Changing (any thread; quick)

    def mutate(self, edit: Callable[[Session], T]) -> T:
        """Apply ``edit`` to a private copy of the session and make it current.

        ``edit`` changes the copy in place (append, assign, remove) and need not touch times
        or leave tombstones. Objects it puts in become the store's: do not change them later.
        If it raises, or leaves an invalid value (pydantic's ``ValidationError``), nothing
        changes. Returns what ``edit`` returns. Do not call the store from inside ``edit``.
        """
        with self._state:
            before = self._session
            work = editable_copy(before)
            result = edit(work)
            parts = stamp(before, work, self._clock.now())
            for part in parts:
                type(part).model_validate(part.model_dump())
            if parts or work.deleted != before.deleted:
                self._replace(merge(work), visible=True)
                self._gen += 1
            return result

    def clock_action(self, action: Callable[[AgendaClock], T]) -> T:
        """Run a countdown operation (``lambda c: c.toggle()``) as an edit of the agenda."""

        def edit(session: Session) -> T:
            self.agenda_clock.agenda = session.agenda
            return action(self.agenda_clock)

        try:
            return self.mutate(edit)
        finally:
            with self._state:
                self.agenda_clock.agenda = self._session.agenda

    def _replace(self, session: Session, visible: bool | None = None) -> None:
        if visible is None:
            visible = not same_for_people(session, self._session)
        self._session = session
        self.agenda_clock.agenda = session.agenda
        if visible:
            self._version += 1

    # The file (worker thread)

    def save(self, force: bool = False) -> bool:
        """Read, merge and write the file under the lock; True once it holds our changes.

        Does nothing when there is nothing new. ``force`` writes whenever the file would
        change: the clock is running (a fresh ``last_seen``), the file was removed, or the
        session differs from the file as last read (an older copy put back over it); so
        opening a session and closing it leaves its file as it was. On failure the reason
        is in :meth:`status`.
        """
        with self._io:
            with self._state:
                needed = self._gen != self._saved_gen or (force and self._file_would_change())
            if not needed:
                return self._broken_sig is None and not self._missing
            return self._write(overwrite=False)

    def overwrite_broken(self) -> bool:
        """The user's choice: replace an unreadable file with this session.

        The unreadable text is kept beside it as ``NAME.broken``. If the file was fixed in
        the meantime, this is an ordinary save.
        """
        with self._io:
            return self._write(overwrite=True)

    def poll(self) -> bool:
        """Merge in the file if it changed since this store last read or wrote it.

        Costs one ``stat`` when nothing changed. Returns True when something a person would
        see changed: the session (:attr:`version` went up) or the problem line.
        """
        with self._io:
            try:
                sig = signature(self.path)
            except SessionFileError as error:
                return self._report(str(error))
            if sig is None:
                if self._missing:
                    return False
                with self._state:
                    self._missing = True
                return self._report(
                    f"{self.path}: was removed or renamed; the session is kept here and "
                    "written again on the next save"
                )
            if sig == self._sig or sig == self._broken_sig:
                return False
            try:
                disk, filled = read_session(read_text(self.path), self.path)
            except SessionFileError as error:
                return self._broken(error, sig)
            if other_session(self._file, disk):
                return self._broken(self._other(disk), sig)
            version = self._version
            self._adopt(disk, sig, base=self._file)
            if filled:  # write the ids given to hand-added entries, so they stay the same
                with self._state:
                    self._gen += 1
            cleared = self._clear_problem()
            return cleared or self._version != version

    # Internals

    def _file_would_change(self) -> bool:
        session = self._session
        return (
            session.agenda.current_step.state == "running"
            or self._missing
            or not self.path.exists()
            or (session is not self._file and session != self._file)
        )

    def _write(self, overwrite: bool) -> bool:
        with self._state:
            snapshot, gen = self._session, self._gen
        now = self._clock.now()
        try:
            with SessionLock(self.path, self.lock_timeout):
                sig = signature(self.path)
                if sig is not None and sig == self._broken_sig and not overwrite:
                    return False
                disk = None
                if sig is not None and sig != self._sig:
                    try:
                        disk = read_session(read_text(self.path), self.path)[0]
                    except SessionFileError as error:
                        if not overwrite:
                            self._broken(error, sig)
                            return False
                        self._keep_broken_text()
                if disk is not None and other_session(self._file, disk):
                    if not overwrite:
                        self._broken(self._other(disk), sig)
                        return False
                    self._keep_broken_text()
                    disk = None
                if disk is None:
                    merged = snapshot
                else:
                    merged = merge(rebase(snapshot, self._file, disk), disk)
                out = merged.model_copy()
                if not out.session_id:  # a file from before schema 2: the first save names it
                    out.session_id = new_id()
                if out.agenda.current_step.state == "running":
                    out.agenda = out.agenda.model_copy(update={"last_seen": now})
                write_session(out, self.path, now=later(now, merged.saved_at))
                written = signature(self.path)
        except SessionFileError as error:
            self._report(f"{error}; {KEPT}")
            return False
        self._adopt(out, written, base=snapshot, written=True)
        with self._state:
            self._saved_gen = max(self._saved_gen, gen)
            self._missing = False
            self._broken_sig = None
            self._last_saved = now
        self._clear_problem()
        return True

    def _adopt(
        self, disk: Session, sig: Signature | None, base: Session, written: bool = False
    ) -> None:
        """Make the file's version current, merged with edits made since ``base`` (the file
        as last seen; after a write, the snapshot written) by the three-way rule.

        The merge runs outside the state lock; if an edit lands during it, merge again.
        """
        while True:
            current = self._session
            if written and current is base:
                combined = disk
            else:
                combined = merge(rebase(current, base, disk), disk)
            with self._state:
                if self._session is not current:
                    continue
                self._replace(combined)
                self._file = disk
                self._sig = sig
                self._broken_sig = None
                self._missing = False
                self._last_synced = self._clock.now()
                return

    def _other(self, disk: Session) -> SessionFileError:
        return SessionFileError(self.path, other_session_problem(self._session, disk))

    def _keep_broken_text(self) -> None:
        try:
            atomic_write(broken_path(self.path), self.path.read_bytes())
        except OSError:
            pass

    def _broken(self, error: SessionFileError, sig: Signature) -> bool:
        with self._state:
            self._broken_sig = sig
        return self._report(
            f"{error} (not saved: your changes are kept here until the file is fixed "
            "or you choose to overwrite it)"
        )

    def _report(self, problem: str) -> bool:
        with self._state:
            if self._problem == problem:
                return False
            self._problem = problem
            return True

    def _clear_problem(self) -> bool:
        with self._state:
            if self._problem is None:
                return False
            self._problem = None
            return True
