"""Time zones as people write them in timelines and logs.

Everything imported ends up in the incident's zone (``session.incident.timezone``). A time
written without a zone is read in a zone given on purpose (``--tz``, an "All times in PST"
line) or else in the incident's zone, and then marked "zone assumed".
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..incident_window import UTC

_FIXED_HOURS = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
    "CET": 1,
    "CEST": 2,
}
"""Abbreviations that name one offset. ``PST`` is UTC-8 even in July: that is what was
written, and a summer time written as PST is more likely a slip we should not second-guess."""

_REGIONS = {
    "EASTERN": "America/New_York",
    "ET": "America/New_York",
    "CENTRAL": "America/Chicago",
    "CT": "America/Chicago",
    "MOUNTAIN": "America/Denver",
    "MT": "America/Denver",
    "PACIFIC": "America/Los_Angeles",
    "PT": "America/Los_Angeles",
}
"""Names that follow daylight saving time: "7:09 AM Eastern" is EDT in June, EST in January."""

_OFFSET = re.compile(
    r"^(?:UTC|GMT)?\s*(?P<sign>[+\-\u2212])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?$",
    re.IGNORECASE,
)
ABBREVIATIONS = tuple(_FIXED_HOURS)
"""Zone abbreviations the parsers look for after a time (written in capitals)."""
REGION_WORDS = tuple(_REGIONS)
"""Region names the parsers look for after a time (any case)."""


def fixed(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


def resolve_zone(name: str) -> tzinfo | None:
    """The zone ``name`` stands for, or None if it is not one we know.

    Accepts IANA names (``Europe/Berlin``), the abbreviations above (any case), region words
    ("Eastern", "Pacific (US)"), and numeric offsets (``+02:00``, ``-0500``, ``UTC+2``).
    """
    text = name.strip().strip("()").strip()
    if not text:
        return None
    upper = text.upper().removesuffix(" TIME").removesuffix(" (US)").strip()
    if upper in _FIXED_HOURS:
        return UTC if _FIXED_HOURS[upper] == 0 else fixed(_FIXED_HOURS[upper])
    if upper in _REGIONS:
        return ZoneInfo(_REGIONS[upper])
    match = _OFFSET.match(text)
    if match:
        hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
        if hours > 23 or minutes > 59:
            return None
        sign = 1 if match["sign"] == "+" else -1
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    if "/" in text or text in ("UTC", "GMT"):
        try:
            return ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError):
            return None
    return None
