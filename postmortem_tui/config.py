"""User settings from the config file (``paths.config_file()``), read once at start.

A missing file means the defaults. A file that cannot be read or has a wrong value gives one
line naming the file, the line and the key, like a session file does. Example::

    holidays = [2026-12-24, 2026-12-25, 2026-12-31]
    deadline_max_days = 90          # action deadlines further out than this are flagged

    [criteria]
    impact_minutes = 30             # user-visible impact this long suggests a post-mortem
    resolve_minutes = 60            # so does taking this long to resolve
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from pydantic import Field, ValidationError

from .model.base import Model
from .paths import config_file
from .persistence.errors import SessionFileError, toml_syntax_error, validation_error


class CriteriaThresholds(Model):
    impact_minutes: int = Field(default=30, ge=1)
    resolve_minutes: int = Field(default=60, ge=1)


class Config(Model):
    holidays: list[date] = Field(default_factory=list)
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
