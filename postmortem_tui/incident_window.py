"""The incident's span in time, in its zone: what imported and typed times are placed by."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

from .model import Session

UTC = timezone.utc
MARGIN = timedelta(hours=1)
"""Around the incident: the deploy just before it, the clean-up just after."""
OPEN_END = timedelta(hours=24)
"""How long an incident with a start and no end is taken to run."""


def session_zone(session: Session) -> tzinfo:
    """The zone of the incident's timeline (see ``Incident.timeline_zone``), else UTC."""
    return session.incident.timeline_zone() or UTC


def zone_label(zone: tzinfo) -> str:
    """A short name for messages: the IANA key, ``UTC`` or ``UTC-05:00``."""
    key = getattr(zone, "key", None)
    if key:
        return key
    offset = zone.utcoffset(None) or timedelta(0)
    if not offset:
        return "UTC"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def aware(value: datetime, zone: tzinfo) -> datetime:
    """``value`` as an aware time: naive times are read in ``zone``."""
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


@dataclass(frozen=True)
class Window:
    """Times from ``start`` to ``end`` inclusive; either may be open (None)."""

    start: datetime | None = None
    end: datetime | None = None

    def contains(self, when: datetime) -> bool:
        return (self.start is None or when >= self.start) and (self.end is None or when <= self.end)

    def describe(self) -> str:
        def shown(value: datetime | None) -> str:
            return value.strftime("%Y-%m-%d %H:%M") if value else "\u2026"

        return f"{shown(self.start)} \u2013 {shown(self.end)}"


def incident_window(session: Session, margin: timedelta = MARGIN) -> Window | None:
    """The incident's span with ``margin`` either side, in its zone (times without a zone
    read in it); None without a start, and ``OPEN_END`` from the start without an end."""
    zone = session_zone(session)
    start = session.incident.start
    if start is None:
        return None
    start = aware(start, zone).astimezone(zone)
    end = session.incident.end
    end = aware(end, zone).astimezone(zone) if end is not None else start + OPEN_END - margin
    return Window(start - margin, end + margin)
