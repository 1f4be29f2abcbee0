"""Standard output that says when it cannot be written (``> /dev/full``, a full disk).

Python raises a bare ``OSError`` from whichever ``print`` finds the disk full; wrapped, the
failure is known to be the output's, and is said in one line instead of as an internal
error.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class OutputError(Exception):
    """Standard output cannot be written; ``str()`` is the reason (``No space left on device``)."""


class GuardedOutput:
    """A stream whose failed writes raise :class:`OutputError` (a closed pipe stays a
    ``BrokenPipeError``: the reader stopped, nothing went wrong)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    @staticmethod
    def _guard(call: Callable[..., T], *args: Any) -> T:
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error.strerror or str(error)) from None

    def write(self, data: Any) -> int:
        return self._guard(self._stream.write, data)

    def flush(self) -> None:
        self._guard(self._stream.flush)

    @property
    def buffer(self) -> GuardedOutput:
        return GuardedOutput(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def discard_the_rest() -> None:
    """Send what is still buffered for stdout to the null device, so Python does not report
    the same failure again as it exits."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (a test's capture): nothing is flushed at exit
