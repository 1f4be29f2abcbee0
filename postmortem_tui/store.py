"""An open session: the in-memory copy the app edits and the worker thread saves.

The UI thread changes the session only through :meth:`SessionStore.mutate`; the saving thread
serialises a consistent snapshot under the same lock and writes it outside the lock, so a slow
disk never holds up the UI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from .clock import Clock
from .model import Session
from .persistence import SessionFileError, dumps, load
from .persistence.atomic import atomic_write, remove_stale_temp_files
from .persistence.session_file import write_error
from .version import __version__

T = TypeVar("T")


class SessionStore:
    def __init__(self, path: Path, session: Session, clock: Clock) -> None:
        self.path = path
        self.session = session
        self.clock = clock
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()
        """Held for a whole save, so two saving threads cannot write an older snapshot last."""
        self._version = 0
        self._saved_version = 0
        self.last_saved: datetime | None = None
        self.error: SessionFileError | None = None

    @classmethod
    def open(cls, path: Path, clock: Clock) -> SessionStore:
        return cls(path, load(path), clock)

    @property
    def dirty(self) -> bool:
        return self._version != self._saved_version

    def mutate(self, change: Callable[[Session], T]) -> T:
        """Apply ``change`` to the session; it will be saved by the next :meth:`save`."""
        with self._lock:
            result = change(self.session)
            self._version += 1
            return result

    def save(self, before_write: Callable[[Session], None] | None = None) -> bool:
        """Write the session if it changed; returns True when the file is up to date.

        On failure the session stays in memory, :attr:`error` says why in one line, and the
        next call tries again.
        """
        with self._write_lock:
            return self._save(before_write)

    def _save(self, before_write: Callable[[Session], None] | None) -> bool:
        with self._lock:
            if not self.dirty and self.error is None:
                return True
            version = self._version
            if before_write is not None:
                before_write(self.session)
            self.session.saved_at = self.clock.now()
            self.session.written_by = f"postmortem-tui {__version__}"
            data = dumps(self.session).encode("utf-8")
            path = self.path
        try:
            atomic_write(path, data)
        except OSError as error:
            self.error = write_error(path, error)
            return False
        remove_stale_temp_files(path)
        with self._lock:
            self._saved_version = version
            self.last_saved = self.clock.now()
            self.error = None
            return not self.dirty

    def save_as(self, path: Path) -> bool:
        """Move the session to another file (when its own cannot be written) and save there."""
        with self._lock:
            self.path = path
            self._version += 1
        return self.save()


class Autosaver:
    """A thread that saves the store within ``delay`` seconds of a change and retries failures.

    ``on_result`` is called from the thread after every attempt with the store's error (or
    None); the app turns that into a message for the UI thread.
    """

    def __init__(
        self,
        store: SessionStore,
        on_result: Callable[[SessionFileError | None], None],
        delay: float = 0.2,
        retry: float = 2.0,
        before_write: Callable[[Session], None] | None = None,
    ) -> None:
        self.store = store
        self.on_result = on_result
        self.delay = delay
        self.retry = retry
        self.before_write = before_write
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def changed(self) -> None:
        """Call after a change: the thread saves shortly after."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            failing = self.store.error is not None
            self._wake.wait(self.retry if failing else None)
            if self._stop.is_set():
                return
            self._stop.wait(self.delay)  # gather a burst of changes into one write
            self._wake.clear()
            if self.store.dirty or self.store.error is not None:
                self.store.save(self.before_write)
                self.on_result(self.store.error)

    def stop(self) -> bool:
        """Stop the thread and save what is left; returns True when everything is on disk."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        return self.store.save(self.before_write)
