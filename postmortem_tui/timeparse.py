"""Reading a time typed at the start of an entry: ``14:12 migration deployed``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_LEADING_TIME = re.compile(
    r"""^\s*\[?
    (?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
    (?:\s*(?P<ampm>[ap])\.?\s*m\.?)?
    \]?(?=$|[\s:,;\-\u2013\u2014])
    [\s:,;\-\u2013\u2014]*""",
    re.VERBOSE | re.IGNORECASE,
)
_HOUR_AMPM = re.compile(
    r"^\s*(?P<hour>\d{1,2})\s*(?P<ampm>[ap])\.?\s*m\.?(?=$|[\s:,;\-])[\s:,;\-\u2013\u2014]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LeadingTime:
    time: str | None
    """``HH:MM`` or ``HH:MM:SS`` in 24-hour form, or None when the text starts with no time."""
    text: str
    error: str = ""
    """Set when the start looks like a time but is not one (``25:00``, ``14:12pm``)."""


def parse_leading_time(typed: str) -> LeadingTime:
    """Split a leading 24-hour or 12-hour time off ``typed``."""
    match = _LEADING_TIME.match(typed) or _HOUR_AMPM.match(typed)
    if not match:
        return LeadingTime(None, typed.strip())
    groups = match.groupdict()
    hour = int(groups["hour"])
    minute = int(groups.get("minute") or 0)
    second = groups.get("second")
    ampm = (groups.get("ampm") or "").lower()
    rest = typed[match.end() :].strip()
    shown = match.group(0).strip()
    if ampm:
        if not 1 <= hour <= 12:
            return LeadingTime(None, typed.strip(), f"{shown}: a 12-hour time has hours 1 to 12")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59 or (second is not None and int(second) > 59):
        return LeadingTime(None, typed.strip(), f"{shown} is not a time of day (00:00 to 23:59)")
    text = f"{hour:02d}:{minute:02d}" + (f":{int(second):02d}" if second is not None else "")
    return LeadingTime(text, rest)


_RELATIVE = re.compile(r"^\+\s*(?P<n>\d{1,3})\s*(?P<unit>d|days?|w|weeks?)$", re.IGNORECASE)


def parse_deadline(typed: str, base: date) -> date:
    """``2026-12-10``, ``+14d`` or ``+2w`` (counted from ``base``, the meeting's date).

    Raises ValueError with what would be accepted.
    """
    text = typed.strip()
    if not text:
        raise ValueError("a deadline is needed: a date like 2026-12-10, or +14d")
    relative = _RELATIVE.match(text)
    if relative:
        days = int(relative["n"]) * (7 if relative["unit"].lower().startswith("w") else 1)
        return base + timedelta(days=days)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date: use 2026-12-10, +14d or +2w") from None
