"""Sessions to TOML text and back.

The file is meant to be read and fixed by hand: keys in the model's order, nothing empty
written out, list entries as arrays of tables, multi-line text as multi-line strings.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from ..model import SCHEMA_VERSION, Session
from ..version import __version__
from .errors import SessionFileError, locate, toml_syntax_error, validation_error
from .hand_ids import fill_missing_ids
from .migrations import TooNew, Unreadable, migrate

_ZERO_NOISE = {"spent_seconds"}
"""Number keys left out when zero, like an upcoming step's time spent."""


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        pruned = {}
        for key, item in value.items():
            item = _prune(item)
            if item is None or item == "" or item == [] or item == {}:
                continue
            if key in _ZERO_NOISE and item == 0:
                continue
            pruned[key] = item
        return pruned
    if isinstance(value, list):
        return [_prune(item) for item in value]
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    return value


def to_document(session: Session) -> dict[str, Any]:
    return _prune(session.model_dump(mode="python"))


def dumps(session: Session) -> str:
    return tomli_w.dumps(to_document(session), multiline_strings=True)


def loads(text: str, path: Path | str = "<session>") -> Session:
    """Parse and validate TOML text; every failure is a one-line :class:`SessionFileError`."""
    return read_session(text, path)[0]


def read_session(text: str, path: Path | str = "<session>") -> tuple[Session, int]:
    """:func:`loads`, and how many entries had no id (given one derived from the file, see
    :mod:`.hand_ids`): a store writes those ids back so they stay the same."""
    path = Path(path)
    if not text.strip():
        raise SessionFileError(
            path, "is empty; a session file has at least schema_version = 1 (postmortem new makes one)"
        )
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise toml_syntax_error(path, error, text) from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise SessionFileError(
            path, "nests arrays or tables thousands deep; no session file does: is it one?"
        ) from None
    try:
        document = migrate(document)
    except TooNew as error:
        who = f" by {error.written_by}" if error.written_by else ""
        raise SessionFileError(
            path,
            f"schema_version {error.version} was written{who}; this app "
            f"(postmortem-tui {__version__}) reads up to schema_version {SCHEMA_VERSION}: "
            "upgrade postmortem-tui to open it",
            line=locate(text, ("schema_version",)),
        ) from None
    except Unreadable as error:
        raise SessionFileError(path, str(error)) from None
    filled = fill_missing_ids(document)
    try:
        return Session.model_validate(document), filled
    except ValidationError as error:
        raise validation_error(path, error, text) from None
