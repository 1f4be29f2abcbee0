"""A copy of the session kept where the app can always write, when its own file cannot be
written and the app must end anyway (the terminal was closed, the process told to stop):
nobody is there to answer "save elsewhere?", and the notes must not go with the process."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import platformdirs

from .model import Session
from .paths import APP_NAME
from .persistence import dumps
from .persistence.atomic import atomic_write


def rescue_dir() -> Path:
    return platformdirs.user_state_path(APP_NAME) / "rescued"


def rescue(session: Session, session_path: Path, now: datetime) -> Path:
    """Write ``session`` to ``rescue_dir()/NAME-YYYYmmdd-HHMMSS.toml``; the path written.
    Raises OSError if even that cannot be written."""
    folder = rescue_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    path = folder / f"{session_path.stem}-{stamp}.toml"
    atomic_write(path, dumps(session).encode("utf-8"))
    return path


def rescued_copies(session_path: Path) -> list[Path]:
    """Copies rescued for the session at ``session_path`` since its file was last written
    (or any, if the file is gone): newest first."""
    return _since_written(
        session_path,
        f"{session_path.stem}-*.toml",
        lambda path: path.stem.removeprefix(session_path.stem + "-").replace("-", "").isdigit(),
    )


def _since_written(session_path: Path, pattern: str, named: Callable[[Path], bool]) -> list[Path]:
    """The files in :func:`rescue_dir` matching ``pattern`` (and ``named``) written since
    the session's file was (any, if it is gone): newest first."""
    folder = rescue_dir()
    if not folder.is_dir():
        return []
    try:
        written = session_path.stat().st_mtime
    except OSError:
        written = 0.0
    found = [path for path in folder.glob(pattern) if named(path) and path.stat().st_mtime >= written]
    return sorted(found, key=lambda path: path.stat().st_mtime, reverse=True)


def rescue_typing(lines: list[str], session_path: Path, now: datetime) -> Path:
    """Words typed but not yet added (an input's line, an open form's fields) when the app
    had to end without asking: written to ``rescue_dir()/NAME-YYYYmmdd-HHMMSS-typed.txt``,
    one per line, as plain text. Raises OSError if it cannot be written."""
    folder = rescue_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    path = folder / f"{session_path.stem}-{stamp}-typed.txt"
    when = now.astimezone().strftime("%Y-%m-%d %H:%M")
    text = f"Typed into {session_path.name} but not yet added when the app ended ({when}):\n"
    atomic_write(path, (text + "".join(f"{line}\n" for line in lines)).encode("utf-8"))
    return path


def rescued_typing(session_path: Path) -> list[Path]:
    """Typing rescued (:func:`rescue_typing`) for the session at ``session_path`` since its
    file was last written: newest first."""
    return _since_written(session_path, f"{session_path.stem}-*-typed.txt", lambda path: True)
