"""User settings in the platformdirs config folder: theme, bell and notifications."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w
from pydantic import ValidationError

from .model.base import Model
from .paths import config_file
from .persistence.atomic import atomic_write
from .persistence.errors import SessionFileError, key_path


class Config(Model):
    theme: str = "textual-dark"
    bell: bool = True
    """Ring the terminal bell at one minute left and when a step's time is up."""
    notify: bool = True
    """Show a notification at those moments too."""


def load_config(path: Path | None = None) -> Config:
    """The settings, or the defaults when there is no file yet.

    A file that cannot be read raises a one-line :class:`SessionFileError`; it is never
    overwritten by :func:`save_config` until it has been fixed.
    """
    path = path or config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise SessionFileError(path, f"cannot be read: {error}") from None
    try:
        return Config.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        raise SessionFileError(path, f"not valid TOML: {error}") from None
    except ValidationError as error:
        problem = error.errors()[0]
        raise SessionFileError(
            path, f"{key_path(tuple(problem['loc']))}: {problem['msg']}"
        ) from None


def save_config(config: Config, path: Path | None = None) -> None:
    path = path or config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, tomli_w.dumps(config.model_dump()).encode("utf-8"))
