"""A diagnostic trace for ``benchmarks/bench_sync_ui.py``; off unless ``POSTMORTEM_TRACE`` is set.

With ``POSTMORTEM_TRACE=FILE`` the app appends one line per timeline entry and event,
``<time.monotonic()> <entry id> <event>``:

- ``committed``: this instance took a typed timeline entry into its session (after Enter);
- ``seen``: another instance's new timeline entry reached this instance's screen code;
- ``shown``: the frame showing it has been handed to the terminal (after the refresh).

``time.monotonic`` is CLOCK_MONOTONIC, one clock for every process on a Linux machine, so
the lines of two instances compare directly. Unset (the default), nothing is written.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable

from .model import Session

ENV = "POSTMORTEM_TRACE"


class Trace:
    def __init__(self, session: Session) -> None:
        self.path = os.environ.get(ENV) or None
        self._known = {entry.id for entry in session.timeline} if self.path else set()

    def write(self, event: str, ids: Iterable[str]) -> None:
        if self.path is None:
            return
        now = time.monotonic()
        lines = "".join(f"{now:.6f} {entry_id} {event}\n" for entry_id in ids)
        if lines:
            with open(self.path, "a", encoding="utf-8") as out:
                out.write(lines)

    def committed(self, entry_id: str) -> None:
        if self.path is not None:
            self._known.add(entry_id)
            self.write("committed", [entry_id])

    def new_entries(self, session: Session) -> list[str]:
        """Timeline entries not traced before (none when tracing is off)."""
        if self.path is None:
            return []
        new = [entry.id for entry in session.timeline if entry.id not in self._known]
        self._known.update(new)
        return new
