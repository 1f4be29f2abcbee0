"""Choosing what to offer from an import: shift the times, keep the incident's window, and
leave out what the timeline already has.

The window defaults to one hour before the incident's start to one hour after its end (24
hours from the start when it has no end; no window at all when it has no start): a Slack
export or a day of logs holds far more than the incident.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from ..incident_window import Window, incident_window, session_zone
from ..model import Session, TimelineEntry
from .rows import ImportResult, ImportRow
from .stamps import NotATime, parse_stamp

default_window = incident_window
"""The window offered by default: the incident's span, an hour either side."""


def parse_moment(text: str, session: Session) -> datetime:
    """A time typed for ``--since``/``--until``: ``14:00`` (on the incident's start date),
    ``2026-11-24 14:00``, ``2026-11-24T19:00Z``; read in the incident's zone unless it says."""
    zone = session_zone(session)
    try:
        stamp = parse_stamp(text.strip(), session.reference_date)
    except NotATime as error:
        raise ValueError(str(error)) from None
    if stamp is None or stamp.end < len(text.strip()):
        raise ValueError(
            f"{text!r} is not a time; use 14:00, 2026-11-24 14:00 or 2026-11-24T19:00Z"
        )
    day = stamp.day or session.reference_date
    return datetime.combine(day, stamp.clock, tzinfo=stamp.zone or zone).astimezone(zone)


def window_from(
    session: Session, since: str | None = None, until: str | None = None
) -> Window | None:
    """The default window with either end replaced by a typed time."""
    window = default_window(session) or Window()
    start = parse_moment(since, session) if since else window.start
    end = parse_moment(until, session) if until else window.end
    if start and end and end < start:
        raise ValueError("the window ends before it starts (--until is before --since)")
    return Window(start, end) if start or end else None


_OFFSET = re.compile(
    r"^(?P<sign>[+\-\u2212]?)\s*(?:(?P<h>\d+)\s*h(?:ours?)?)?"
    r"\s*(?:(?P<m>\d+)\s*m(?:in(?:utes?)?)?)?\s*(?:(?P<s>\d+)\s*s(?:ec(?:onds?)?)?)?$",
    re.IGNORECASE,
)
_CLOCK_OFFSET = re.compile(r"^(?P<sign>[+\-\u2212]?)(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?$")


MAX_SHIFT = timedelta(days=7)
"""The most a source's clock is taken to be off (a wrong day, at worst, and then some)."""


def parse_offset(text: str) -> timedelta:
    """A shift typed by the user: ``+5m``, ``-1h30m``, ``+90s``, ``-0:05``, ``+01:00``."""
    cleaned = text.strip().replace(" ", "")
    match = _CLOCK_OFFSET.match(cleaned) or _OFFSET.match(cleaned)
    if not match or not any(match.group(g) for g in ("h", "m", "s")):
        raise ValueError(f"{text!r} is not a time offset; use +5m, -1h30m, +90s or -0:05")
    delta = timedelta(
        hours=int(match["h"] or 0), minutes=int(match["m"] or 0), seconds=int(match["s"] or 0)
    )
    if delta > MAX_SHIFT:
        raise ValueError(f"{text!r} is more than a clock can be off; at most a week, +168h")
    return -delta if match["sign"] in ("-", "\u2212") else delta


def _day_key(day: date, clock: str, text: str) -> tuple[date, str, str]:
    return day, clock if len(clock) == 8 else clock + ":00", " ".join(text.casefold().split())


def entry_key(entry: TimelineEntry, reference: date) -> tuple[date, str, str]:
    """What makes two entries the same: date, time and text (case and spacing aside)."""
    return _day_key(entry.date or reference, entry.time, entry.text)


def row_key(row: ImportRow) -> tuple[date, str, str]:
    return _day_key(row.when.date(), row.time_text, row.text)


def shift_rows(rows: Iterable[ImportRow], delta: timedelta) -> tuple[ImportRow, ...]:
    """Every row moved by ``delta`` (a clock that ran five minutes slow: ``+5 min``)."""
    return tuple(row.shifted(delta) for row in rows) if delta else tuple(rows)


@dataclass(frozen=True)
class Preview:
    """What the dialog shows: the rows to offer and what was left out, and why."""

    rows: tuple[ImportRow, ...]
    """In the window and not on the timeline yet: offered, all ticked."""
    duplicates: tuple[ImportRow, ...]
    """Already on the timeline (same date, time and text), or repeated in the file."""
    outside: tuple[ImportRow, ...]
    """Outside the window."""
    window: Window | None


def preview(
    rows: ImportResult | Iterable[ImportRow],
    session: Session,
    *,
    window: Window | None | Literal["incident"] = "incident",
    shift: timedelta = timedelta(0),
) -> Preview:
    """Shift, filter by window and leave out duplicates; the session is only read."""
    items = rows.rows if isinstance(rows, ImportResult) else tuple(rows)
    chosen = default_window(session) if window == "incident" else window
    reference = session.reference_date
    seen = {entry_key(entry, reference) for entry in session.timeline}
    offered, duplicates, outside = [], [], []
    for row in shift_rows(items, shift):
        if chosen is not None and not chosen.contains(row.when):
            outside.append(row)
            continue
        key = row_key(row)
        if key in seen:
            duplicates.append(row)
            continue
        seen.add(key)
        offered.append(row)
    return Preview(tuple(offered), tuple(duplicates), tuple(outside), chosen)
