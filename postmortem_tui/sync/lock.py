"""An exclusive lock on a session file, so that read-merge-write never loses a write.

The lock is ``flock`` on a lock file beside the session (``.NAME.lock``). The kernel drops a
``flock`` the moment its holder dies, SIGKILL included, so a writer that dies while holding
the lock blocks no one at all; the timeout only bounds the wait for a live holder that is
slow (a stuck network file system), after which the caller gets a one-line error and keeps
its changes for the next try. The lock file is never deleted: deleting it would let two
processes hold locks on two different files of the same name.

The holder writes its pid and host into the lock file, for the error message only.
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import time
from pathlib import Path
from types import TracebackType

from ..persistence import SessionFileError
from ..persistence.session_file import write_error

LOCK_TIMEOUT = 5.0
"""Seconds to wait for a live holder before giving up (a dead holder releases at once)."""

_FIRST_WAIT = 0.001
_LONGEST_WAIT = 0.02


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


class LockTimeout(SessionFileError):
    """Another live process held the lock for longer than the timeout."""


def _open(lock: Path, session: Path) -> tuple[int, bool]:
    """The lock file's descriptor and whether it is writable (a read-only folder is not)."""
    try:
        return os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600), True
    except OSError as error:
        if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise write_error(session, error) from None
        try:
            return os.open(lock, os.O_RDONLY | os.O_CLOEXEC), False
        except OSError:
            raise write_error(session, error) from None


class SessionLock:
    """``with SessionLock(path):`` holds the session's lock; raises :class:`LockTimeout`."""

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        fd, writable = _open(lock_path(self.path), self.path)
        deadline = time.monotonic() + self.timeout
        wait = _FIRST_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                left = deadline - time.monotonic()
                if left <= 0:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise LockTimeout(
                        self.path,
                        f"is locked by another postmortem{holder} for more than {self.timeout:g} s",
                    ) from None
                time.sleep(min(wait, left))
                wait = min(wait * 2, _LONGEST_WAIT)
            except OSError as error:
                os.close(fd)
                raise write_error(self.path, error) from None
        self._fd = fd
        if writable:
            _write_holder(fd)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()


def _write_holder(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {socket.gethostname()}\n".encode(), 0)
    except OSError:
        pass


def _read_holder(fd: int) -> str:
    try:
        words = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
    except OSError:
        return ""
    if len(words) == 2 and words[0].isdigit():
        return f" (pid {words[0]} on {words[1]})"
    return ""
