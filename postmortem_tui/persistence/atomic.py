"""Crash-safe file writes: the old file or the new one, never a torn one."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

NEW_FILE_MODE = 0o600
"""Incident notes are sensitive: a new session file is readable by its owner only."""

_TEMP_SUFFIX = ".tmp"


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def through_links(path: Path) -> Path:
    """The file a symbolic link ``path`` points to (``path`` itself if it is not one).

    Writing goes there: replacing the link with a new file would fork the session into
    the link's copy and the file everyone else opens by its own name.
    """
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def atomic_write(path: Path, data: bytes, like: Path | None = None) -> None:
    """Write ``data`` to ``path`` through a synced temp file and ``os.replace``.

    An existing file keeps its permissions; a new one gets those of ``like`` (the session a
    document is exported from: as private or as shared as it), else mode 0600. A symbolic
    link is written through, to its file.
    """
    path = through_links(path)
    folder = path.parent
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=_temp_prefix(path), suffix=_TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = _mode_of(path)
        if mode is None and like is not None:
            try:
                mode = _mode_of(like)
            except OSError:  # the session cannot be looked at: the document is still written
                mode = None
        mode = mode or NEW_FILE_MODE
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)


def _mode_of(path: Path) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return None


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temp_files(path: Path, older_than: float = 60.0) -> int:
    """Remove temp files a killed writer left beside ``path``; returns how many went."""
    removed = 0
    cutoff = time.time() - older_than
    for candidate in path.parent.glob(_temp_prefix(path) + "*" + _TEMP_SUFFIX):
        try:
            if candidate.stat().st_mtime < cutoff:
                candidate.unlink()
                removed += 1
        except OSError:
            continue
    return removed
