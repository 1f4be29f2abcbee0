"""The app's version, read from the installed package metadata."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("postmortem-tui")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
