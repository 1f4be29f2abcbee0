"""User settings from the config file (``paths.config_file()``), read once at start.

A missing file means the defaults. A file that cannot be read or has a wrong value gives one
line naming the file, the line and the key, like a session file does. Example::

    theme = "high-contrast"         # remembered when the theme is changed in the app
    bell = true                     # ring at one minute left and when a step's time is up
    notify = true                   # and show a notification then
    holidays = [2026-12-24, 2026-12-25, 2026-12-31]
    deadline_max_days = 90          # action deadlines further out than this are flagged

    [criteria]
    impact_minutes = 30             # user-visible impact this long suggests a post-mortem
    resolve_minutes = 60            # so does taking this long to resolve
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from pathlib import Path

from pydantic import Field, ValidationError

from .model.base import Model, empty_list
from .paths import config_file
from .persistence.atomic import atomic_write
from .persistence.errors import SessionFileError, toml_syntax_error, validation_error


class CriteriaThresholds(Model):
    impact_minutes: int = Field(default=30, ge=1)
    resolve_minutes: int = Field(default=60, ge=1)


class Config(Model):
    theme: str = "textual-dark"
    bell: bool = True
    """Ring the terminal bell at one minute left and when a step's time is up."""
    notify: bool = True
    """Show a notification at those moments too."""
    holidays: list[date] = Field(default_factory=empty_list)
    """Days that are not working days, besides Saturdays and Sundays."""
    deadline_max_days: int = Field(default=90, ge=1)
    criteria: CriteriaThresholds = Field(default_factory=CriteriaThresholds)


def load_config(path: Path | None = None) -> Config:
    """The settings in ``path`` (default: the user's config file); defaults if it is absent."""
    path = path or config_file()
    try:
        source = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise SessionFileError(path, f"the config file cannot be read: {reason}") from None
    try:
        document = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise toml_syntax_error(path, error, source) from None
    try:
        return Config.model_validate(document)
    except ValidationError as error:
        raise validation_error(path, error, source) from None


_THEME_LINE = re.compile(r"^theme\s*=.*$", re.MULTILINE)
_COMMENT = re.compile(r"""^theme\s*=\s*(?:"(?:[^"\\]|\\.)*"|'[^']*')(\s*#.*)$""")
"""A quoted theme with a comment after it: the comment is kept when the theme changes."""


def remember_theme(theme: str, path: Path | None = None) -> None:
    """Write the theme into the config file, keeping everything else in it as written
    (comments included); only call this for a file that :func:`load_config` accepted."""
    path = path or config_file()
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        source = ""
    line = f"theme = {json.dumps(theme)}"
    if _THEME_LINE.search(source.split("\n[", 1)[0]):
        head, sep, tail = source.partition("\n[")
        def replaced(found: re.Match[str]) -> str:
            comment = _COMMENT.match(found.group(0))
            return line + (comment.group(1) if comment else "")

        updated = _THEME_LINE.sub(replaced, head, count=1) + sep + tail
    else:
        updated = line + "\n" + source
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, updated.encode("utf-8"))
