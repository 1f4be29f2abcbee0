"""Key durations of the incident, computed from the kinds of its timeline entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from .incident_window import UTC, session_zone
from .model import Session, TimelineEntry
from .model.timeline import Kind


@dataclass(frozen=True)
class Duration:
    name: str
    value: timedelta
    start_label: str
    end_label: str
    start: TimelineEntry
    end: TimelineEntry


def entry_datetime(entry: TimelineEntry, default_date: date, zone: tzinfo = UTC) -> datetime:
    """When ``entry`` happened, in UTC: its wall-clock time read in ``zone``, so that a
    duration across a change of daylight saving time is the time that really passed."""
    local = datetime.combine(entry.date or default_date, entry.clock_time, tzinfo=zone)
    return local.astimezone(UTC)


def _first(
    entries: list[TimelineEntry], kind: Kind, day: date, zone: tzinfo
) -> TimelineEntry | None:
    found = [entry for entry in entries if entry.kind == kind]
    return min(found, key=lambda e: entry_datetime(e, day, zone)) if found else None


_MEASURES: list[tuple[str, tuple[Kind, ...], tuple[Kind, ...]]] = [
    ("Time to detect", ("impact", "trigger"), ("alert",)),
    ("Time to acknowledge", ("alert",), ("acknowledged",)),
    ("Time to declare", ("alert",), ("declared",)),
    ("Time to mitigate", ("impact", "trigger"), ("mitigated",)),
    ("Time to resolve", ("alert",), ("resolved",)),
    ("Total impact", ("impact", "trigger"), ("mitigated", "resolved")),
]
"""Each measure: its name, the kinds it is measured from and to (first one present wins)."""

_LABELS: dict[Kind, str] = {
    "impact": "impact started",
    "trigger": "the triggering change",
    "alert": "the first alert",
    "acknowledged": "acknowledgement",
    "declared": "incident declared",
    "mitigated": "mitigation",
    "resolved": "resolution",
}


def key_durations(session: Session) -> list[Duration]:
    """The durations whose events are on the timeline; a measure with a missing event is left
    out rather than guessed, and so is one that would be negative."""
    day, zone = session.reference_date, session_zone(session)
    entries = session.timeline
    firsts: dict[Kind, TimelineEntry | None] = {
        kind: _first(entries, kind, day, zone) for kind in _LABELS
    }

    def pick(kinds: tuple[Kind, ...]) -> tuple[Kind, TimelineEntry] | None:
        for kind in kinds:
            entry = firsts[kind]
            if entry is not None:
                return kind, entry
        return None

    results: list[Duration] = []
    for name, from_kinds, to_kinds in _MEASURES:
        start, end = pick(from_kinds), pick(to_kinds)
        if start is None or end is None:
            continue
        value = entry_datetime(end[1], day, zone) - entry_datetime(start[1], day, zone)
        if value < timedelta(0):
            continue
        results.append(Duration(name, value, _LABELS[start[0]], _LABELS[end[0]], start[1], end[1]))
    return results


def shown_durations(session: Session) -> list[Duration]:
    """The key durations for people to read: one between the same two entries as a measure
    before it is left out (Total impact is Time to mitigate once there is a mitigation; it
    says something of its own only when it runs to the resolution)."""
    shown: list[Duration] = []
    for duration in key_durations(session):
        if not any(d.start is duration.start and d.end is duration.end for d in shown):
            shown.append(duration)
    return shown


def format_duration(value: timedelta) -> str:
    """``45 s``, ``6 min``, ``4 h 4 min``, ``2 d 3 h``."""
    seconds = int(value.total_seconds())
    if seconds < 60:
        return f"{seconds} s"
    minutes, _ = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


def short_duration(value: timedelta) -> str:
    """``45s``, ``6m``, ``3h57m``: for a one-line summary."""
    return format_duration(value).replace(" min", "m").replace(" h", "h").replace(" d", "d").replace(" s", "s").replace(" ", "")
