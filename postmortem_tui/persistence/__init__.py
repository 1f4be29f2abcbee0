"""Sessions as TOML files: crash-safe writes, migrations, one-line errors."""

from .codec import dumps, loads
from .errors import SessionFileError
from .session_file import SUFFIX, create, load, save

__all__ = ["SUFFIX", "SessionFileError", "create", "dumps", "load", "loads", "save"]
