"""Reading and writing session files on disk."""

from __future__ import annotations

import errno
import os
import re
import stat
from datetime import datetime
from pathlib import Path

from ..model import Session, new_id, utcnow
from ..text_encoding import looks_utf16, utf16_codec
from ..version import __version__
from .atomic import atomic_write, remove_stale_temp_files
from .codec import dumps, loads
from .errors import SessionFileError

SUFFIX = ".toml"


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
        if utf16_codec(data) or looks_utf16(data):
            raise SessionFileError(path, "is UTF-16 text; a session file is UTF-8: save it as UTF-8")
        return data.decode("utf-8-sig")  # a byte-order mark some editors add
    except FileNotFoundError:
        raise SessionFileError(path, "no such file") from None
    except IsADirectoryError:
        raise SessionFileError(path, "is a folder, not a session file") from None
    except PermissionError:
        raise SessionFileError(path, "cannot be read: permission denied") from None
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1  # in bytes: the text is not UTF-8
        raise SessionFileError(
            path,
            f"byte {column} of the line (byte {error.start} of the file) is not UTF-8; "
            "a session file is UTF-8 text",
            line=line,
        ) from None
    except OSError as error:
        raise SessionFileError(path, f"cannot be read: {error.strerror}") from None


def load(path: Path) -> Session:
    """Load and validate a session; raises :class:`SessionFileError` with a one-line message."""
    return loads(read_text(path), path)


_SCHEMA_LINE = re.compile(rb"^[ \t]*schema_version[ \t]*=", re.MULTILINE)


def overwrites_a_session(output: Path, session_path: Path) -> str | None:
    """Why a document made from the session at ``session_path`` must not be written to
    ``output`` (it is that session, another session file, any existing .toml file, or a
    folder), or None.

    A session file is known by its ``schema_version =`` line (written first), not by
    parsing: a large one, or one with a syntax error, is a session file all the same. An
    existing ``.toml`` file is refused whatever is in it: a session saved in another
    encoding, an empty one, pyproject.toml or a settings file is never a document's place.
    """
    try:
        if output.exists() and output.samefile(session_path):
            return "is the session file itself; write the document to another file"
        if output.is_dir():
            return "is a folder; write the document to a file in it"
        toml = output.suffix.lower() == SUFFIX and output.exists()
    except OSError:
        return None  # writing it says what is wrong
    try:
        with output.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        head = b""  # not there, a folder, unreadable: writing it says what is wrong
    if _SCHEMA_LINE.search(head):
        return "is a session file; write the document to another file"
    if toml:
        return "is an existing .toml file; write the document to another file"
    return None


def write_error(path: Path, error: OSError) -> SessionFileError:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOENT: "its folder no longer exists",
    }
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    return SessionFileError(path, f"cannot be saved: {reason}")


READ_ONLY = "is read-only; make it writable (chmod u+w) or save the session elsewhere"


def refuse_read_only(path: Path) -> None:
    """A file someone made read-only is not replaced: the atomic rename would get past its
    mode (it needs only the folder to be writable), and for root past its permissions."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # not there (written anew) or not readable: the write itself says why
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise SessionFileError(path, READ_ONLY)


def save(session: Session, path: Path, now: datetime | None = None) -> None:
    """Write ``session`` atomically, stamping when and by which version it was written;
    a read-only file is refused (:func:`refuse_read_only`)."""
    refuse_read_only(path)
    session.saved_at = now or utcnow()
    session.written_by = f"postmortem-tui {__version__}"
    data = dumps(session).encode("utf-8")
    try:
        atomic_write(path, data)
    except OSError as error:
        raise write_error(path, error) from None
    remove_stale_temp_files(path)


def create(session: Session, path: Path) -> None:
    """Write a new session file; refuses to replace a file that is already there.

    A session without a ``session_id`` gets one (a copy saved elsewhere keeps its own)."""
    if not session.session_id:
        session.session_id = new_id()
    if path.exists():
        raise SessionFileError(path, "already exists; open it instead, or choose another name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_error(path, error) from None
    save(session, path)
