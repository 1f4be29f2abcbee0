"""What commands need from outside the session: the time and the user's settings.

One place to read them, so tests can pin the clock (``monkeypatch`` :func:`now`).
"""

from __future__ import annotations

import sys
from datetime import date, datetime

from ..config import Config, load_config
from ..persistence import SessionFileError


def now() -> datetime:
    """The local time, aware."""
    return datetime.now().astimezone()


def today() -> date:
    return now().date()


def settings() -> Config:
    """The config file's settings; a bad file is reported in one line and the defaults used,
    so a typo in the settings never stops a command that does not need them."""
    try:
        return load_config()
    except SessionFileError as error:
        print(f"postmortem: note: {error}; using the default settings", file=sys.stderr)
        return Config()
