"""Telling the session open here from another one copied over its file.

A valid file holding another incident would otherwise be merged in for good: its entries
added to this session, its newer agenda taking over. Sessions carry a ``session_id`` (schema
2); two different ids are two sessions. A file from before schema 2 has none until its first
save; then, with nothing better, the file is another session when it and the file as this
instance last saw it both have entries and share none (no entry id, no tombstone): one
session's successive files always share ids. (Compared with the last-seen file, not with
this instance's session: two instances on an empty old file each add an entry before either
saves, and share no id, yet are one session.)
"""

from __future__ import annotations

from ..model import Session


def _ids(session: Session) -> set[str]:
    ids = {entry.id for _, entry in session.entries()}
    ids.update(stone.id for stone in session.deleted)
    return ids


def other_session(seen: Session, disk: Session) -> bool:
    """True when ``disk`` is not a later version of the file ``seen`` was read from."""
    if seen.session_id and disk.session_id:
        return seen.session_id != disk.session_id
    ours, theirs = _ids(seen), _ids(disk)
    return bool(ours) and bool(theirs) and ours.isdisjoint(theirs)


def other_session_problem(mine: Session, disk: Session) -> str:
    """The status line's words (after the file's name) for a file holding another session."""
    theirs = disk.incident.title or "untitled"
    ours = mine.incident.title or "untitled"
    return (
        f"holds another session (incident {theirs!r}), not the one open here ({ours!r}); "
        "restore this session's file to go on saving to it"
    )
