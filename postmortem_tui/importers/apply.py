"""Adding chosen rows to the session's timeline in one step, and taking them back out.

This is the only part of an import that changes the session. The entries' ``date`` is set when
the incident spans more than one day, or when the entry is on another day than the session's
reference date; otherwise the time alone says it, as it does for typed entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from ..incident_window import aware, session_zone
from ..model import Session, TimelineEntry, Tombstone, utcnow
from .preview import entry_key, row_key
from .rows import ImportRow


def spans_days(session: Session) -> bool:
    """True when the incident starts and ends on different days in its own zone."""
    start, end = session.incident.start, session.incident.end
    if start is None or end is None:
        return False
    zone = session_zone(session)
    return aware(start, zone).astimezone(zone).date() != aware(end, zone).astimezone(zone).date()


def shown_time(row: ImportRow, session: Session, *, spanning: bool | None = None) -> str:
    """The time as the timeline will show it: ``14:12``, or ``2026-11-25 00:10`` when the entry
    gets a date (for the preview table, without building the entry)."""
    spanning = spans_days(session) if spanning is None else spanning
    day = row.when.date()
    if spanning or day != session.reference_date:
        return f"{day.isoformat()} {row.time_text}"
    return row.time_text


def to_entry(
    row: ImportRow, session: Session, now: datetime | None = None, *, spanning: bool | None = None
) -> TimelineEntry:
    """The timeline entry ``row`` becomes in ``session`` (not added to it). ``spanning`` is
    :func:`spans_days` for the session, when the caller has it already."""
    day = row.when.date()
    spanning = spans_days(session) if spanning is None else spanning
    dated = spanning or day != session.reference_date
    stamp = now or utcnow()
    return TimelineEntry(
        created=stamp,
        updated=stamp,
        time=row.time_text,
        date=day if dated else None,
        text=row.text,
        source=row.source,
        kind=row.kind,
        link=row.link,
        marks=list(row.marks),
    )


def apply_rows(
    session: Session, rows: Iterable[ImportRow], now: datetime | None = None
) -> list[TimelineEntry]:
    """Add ``rows`` to the timeline in one step and return the entries added, in the order
    given, so the caller can undo with :func:`unapply`. A row whose date, time and text are
    already on the timeline is not added again, so applying twice adds nothing the second time.
    """
    reference = session.reference_date
    spanning = spans_days(session)
    stamp = now or utcnow()
    seen = {entry_key(entry, reference) for entry in session.timeline}
    added = []
    for row in rows:
        key = row_key(row)
        if key in seen:
            continue
        seen.add(key)
        added.append(to_entry(row, session, stamp, spanning=spanning))
    if added:
        session.timeline.extend(added)
        session.sort_timeline()
    return added


def unapply(session: Session, added: Sequence[TimelineEntry], now: datetime | None = None) -> int:
    """Take back entries an import added (the undo of :func:`apply_rows`); returns how many
    were still there. Each leaves a tombstone, as any deletion does, so a copy of the session
    saved in between cannot bring it back."""
    ids = {entry.id for entry in added}
    removed = [entry.id for entry in session.timeline if entry.id in ids]
    session.timeline[:] = [entry for entry in session.timeline if entry.id not in ids]
    stamp = now or utcnow()
    session.deleted.extend(Tombstone(id=entry_id, deleted=stamp) for entry_id in removed)
    return len(removed)
