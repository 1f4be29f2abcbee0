"""Who else has the session open: small heartbeat records beside the session file.

Each instance writes ``.NAME.presence/HOST-PID.toml`` (its name, role, pid, host and the time
of its last beat) every :data:`BEAT_SECONDS`. A record is stale, and not shown, when its beat
is older than :data:`STALE_SECONDS` (the process died or hangs), or at once when its pid is no
longer running on this host. Stale records of dead processes on this host are removed by
whoever notices; an instance removes its own record on :meth:`Presence.close`.

Presence is a courtesy: a record that cannot be written (a read-only folder) is skipped
without an error, and a record that cannot be read is ignored.
"""

from __future__ import annotations

import os
import re
import socket
import tempfile
import tomllib
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import tomli_w

from ..clock import Clock, SystemClock

BEAT_SECONDS = 2.0
STALE_SECONDS = 6.0
FORGET_AFTER = timedelta(hours=1)
"""Records this old are removed whatever host they came from."""


def presence_dir(path: Path) -> Path:
    return path.with_name(f".{path.name}.presence")


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class Peer(NamedTuple):
    name: str
    role: str
    pid: int
    host: str
    beat: datetime


def _label(name: str, role: str) -> str:
    return f"{name} ({role})" if role else name


def presence_line(me: tuple[str, str], others: list[tuple[str, str]]) -> str:
    """``2 open: you (facilitator), Sam (note-taker)``; plain text, never markup."""
    labels = [_label("you", me[1])] + [_label(name or "someone", role) for name, role in others]
    return f"{len(labels)} open: " + ", ".join(labels)


class Presence:
    """This instance's heartbeat record and a view of the others'."""

    def __init__(
        self,
        path: Path,
        name: str = "",
        role: str = "",
        clock: Clock | None = None,
        *,
        pid: int | None = None,
        host: str | None = None,
        alive: Callable[[int], bool] = pid_alive,
    ) -> None:
        self.folder = presence_dir(Path(path))
        self.name = name
        self.role = role
        self.pid = os.getpid() if pid is None else pid
        self.host = host or socket.gethostname()
        self._clock = clock or SystemClock()
        self._alive = alive
        safe_host = re.sub(r"[^A-Za-z0-9.-]", "_", self.host)[:64] or "host"
        self.record = self.folder / f"{safe_host}-{self.pid}.toml"

    def beat(self) -> bool:
        """Write this instance's record with the time now; False if it could not be written."""
        record = {
            "name": self.name,
            "role": self.role,
            "pid": self.pid,
            "host": self.host,
            "beat": self._clock.now(),
        }
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(tomli_w.dumps(record).encode("utf-8"))
                os.replace(temp, self.record)
            except BaseException:
                _remove(Path(temp))
                raise
        except OSError:
            return False
        return True

    def peers(self) -> list[Peer]:
        """The other instances that are alive, in a stable order."""
        now = self._clock.now()
        found = []
        try:
            candidates = sorted(self.folder.glob("*.toml"))
        except OSError:
            return []
        for candidate in candidates:
            if candidate == self.record:
                continue
            peer = _read(candidate)
            if peer is None:
                continue
            age = now - peer.beat
            dead_here = peer.host == self.host and not self._alive(peer.pid)
            if dead_here or age > FORGET_AFTER:
                _remove(candidate)
                continue
            if age <= timedelta(seconds=STALE_SECONDS):
                found.append(peer)
        return sorted(found, key=lambda p: (p.name.casefold(), p.role, p.host, p.pid))

    def others(self) -> list[tuple[str, str]]:
        """(name, role) of every other live instance."""
        return [(peer.name, peer.role) for peer in self.peers()]

    def line(self) -> str:
        return presence_line((self.name, self.role), self.others())

    def other_labels(self) -> list[str]:
        """``Sam (note-taker)`` for every other live instance."""
        return [_label(name or "someone", role) for name, role in self.others()]

    def close(self) -> None:
        """Remove this instance's record (and the folder, once nobody is left)."""
        _remove(self.record)
        try:
            self.folder.rmdir()
        except OSError:
            pass


def _read(path: Path) -> Peer | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        peer = Peer(
            name=str(data.get("name", "")),
            role=str(data.get("role", "")),
            pid=int(data["pid"]),
            host=str(data["host"]),
            beat=data["beat"],
        )
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError):
        return None
    if not isinstance(peer.beat, datetime) or peer.beat.tzinfo is None:
        return None
    return peer


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
