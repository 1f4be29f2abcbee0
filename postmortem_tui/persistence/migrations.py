"""Bring a session file written by an older app up to the current schema."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import SCHEMA_VERSION

Document = dict[str, Any]



def _session_id(document: Document) -> Document:
    """Version 2 added ``session_id``. A version-1 file gets none here: an id made up while
    reading would differ between two instances that read the file at different moments,
    and each would then take the other's saves for another session. The first save (under
    the lock) gives it one, which every other instance then reads."""
    document.setdefault("session_id", "")
    return document


MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _session_id}
"""``MIGRATIONS[n]`` turns a version-``n`` document into a version ``n + 1`` one."""


class TooNew(Exception):
    def __init__(self, version: int, written_by: str) -> None:
        self.version = version
        self.written_by = written_by
        super().__init__(version)


class Unreadable(Exception):
    """The document's schema_version is missing or not a version this app can migrate."""


def migrate(document: Document) -> Document:
    """Return ``document`` at :data:`SCHEMA_VERSION`, migrating it step by step."""
    version = document.get("schema_version")
    if version is None:
        raise Unreadable(f"schema_version is missing; expected schema_version = {SCHEMA_VERSION}")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        expected = "the number 1" if SCHEMA_VERSION == 1 else f"a number from 1 to {SCHEMA_VERSION}"
        quoted = ", without quotes" if isinstance(version, str) else ""
        raise Unreadable(f"schema_version: expected {expected}{quoted}, got {version!r}")
    if version > SCHEMA_VERSION:
        raise TooNew(version, str(document.get("written_by", "")))
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise Unreadable(f"schema_version {version} cannot be migrated by this app")
        document = step(document)
        version += 1
        document["schema_version"] = version
    return document
