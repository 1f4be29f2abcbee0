"""Reading a date and time at the start of a line, in the forms timelines and logs use.

``14:12``, ``14:12:30``, ``2:54 PM PST``, ``3 pm``, ``2025-04-14 16:37 UTC``,
``2019-03-14T00:23:00+00:00``, ``2024-06-28 7:09 AM Eastern``, ``Aug 16 00:10:45`` (syslog),
``Tuesday 24 November 2026 14:12``. Also whole-line dates used as headings (``2019-01-22``,
``## Nov 24``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, tzinfo

from .dating import closest_year
from .zones import ABBREVIATIONS, REGION_WORDS, resolve_zone

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ABBREVIATIONS = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_REGION_WORDS = "|".join(sorted((w for w in REGION_WORDS if len(w) > 2), key=len, reverse=True))
_REGION_SHORT = "|".join(w for w in REGION_WORDS if len(w) == 2)

_DATE = rf"""
    (?:(?P<y>\d{{4}})[-/](?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}})
    |{_WEEKDAY}(?P<mon>{_MONTH})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<my>\d{{4}}))?
    |{_WEEKDAY}(?P<dm>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH})(?:,?\s+(?P<dy>\d{{4}}))?)
"""
_CLOCK = r"""
    (?P<time>(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?
        (?:\s*(?P<ap>[ap])\.?m\.?(?![a-z]))?
    |(?P<H1>\d{1,2})\s*(?P<ap1>[ap])\.?m\.?(?![a-z]))
"""
_ZONE = rf"""
    (?:(?P<off>\s?[+\-\u2212]\d{{2}}(?::?\d{{2}})?)(?![\d:])
    |(?P<z>Z)(?![A-Za-z])
    |\s*\(?(?P<word>
        (?-i:(?:UTC|GMT)\s?[+\-\u2212]\d{{1,2}}(?::?\d{{2}})?|{_ABBREVIATIONS}|{_REGION_SHORT})
        |(?:{_REGION_WORDS})(?:\s+time)?)\)?(?![A-Za-z]))?
"""
_STAMP = re.compile(
    rf"(?:{_DATE}(?:T|\s*,\s*|\s+(?:at\s+)?))?{_CLOCK}{_ZONE}",
    re.VERBOSE | re.IGNORECASE,
)
_DATE_ONLY = re.compile(rf"{_DATE}", re.VERBOSE | re.IGNORECASE)


@dataclass(frozen=True)
class Stamp:
    """A date and time as written; ``day`` is None when no date was written."""

    clock: time
    day: date | None
    zone: tzinfo | None
    seconds: bool
    end: int
    """Where the stamp ends in the text it was read from."""
    year_inferred: bool = False


class NotATime(ValueError):
    """The text starts like a time but is not one (``25:00``, ``13 PM``)."""


def _month(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


YEARS = range(1900, 3000)
"""Years a timeline can be in; anything else is a misreading (and could not be converted)."""


def _date_from(match: re.Match[str], near: date) -> tuple[date | None, bool]:
    """The written date, and whether its year was filled in from ``near``."""
    g = match.groupdict()
    shown = match.group(0).strip()
    if g.get("y"):
        year, month, day, inferred = int(g["y"]), int(g["m"]), int(g["d"]), False
    elif g.get("mon") or g.get("mon2"):
        written = g.get("my") if g.get("mon") else g.get("dy")
        month = _month(g["mon"] or g["mon2"])
        day = int(g["md"] if g.get("mon") else g["dm"])
        if not written:
            found = closest_year(month, day, near)
            if found is None:
                raise NotATime(f"{shown} is not a date")
            return found, True
        year, inferred = int(written), False
    else:
        return None, False
    if year not in YEARS:
        raise NotATime(f"{shown}: the year {year} is out of range")
    try:
        return date(year, month, day), inferred
    except ValueError:
        raise NotATime(f"{shown} is not a date") from None


def _clock_from(match: re.Match[str]) -> time:
    g = match.groupdict()
    if g.get("H") is not None:
        hour, minute, second, ampm = int(g["H"]), int(g["M"]), int(g["S"] or 0), g.get("ap")
    else:
        hour, minute, second, ampm = int(g["H1"]), 0, 0, g.get("ap1")
    shown = match.group("time").strip()
    if ampm:
        if not 1 <= hour <= 12:
            raise NotATime(f"{shown}: a 12-hour time has hours 1 to 12")
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise NotATime(f"{shown} is not a time of day (00:00 to 23:59)")
    return time(hour, minute, second)


def parse_stamp(text: str, near: date, pos: int = 0) -> Stamp | None:
    """The date and time at ``text[pos:]``, or None if it does not start with one.

    ``near`` fills in a year the text leaves out (the nearest such date). Raises
    :class:`NotATime` for something shaped like a time that is not one.
    """
    match = _STAMP.match(text, pos)
    if not match:
        return None
    end = match.end()
    if end < len(text) and text[end].isdigit():
        return None  # "14:123": not a stamp
    day, year_inferred = _date_from(match, near)
    clock = _clock_from(match)
    zone = None
    written = match.group("off") or match.group("word")
    if match.group("z"):
        zone = resolve_zone("UTC")
    elif match.group("off") and day is None and match.group("S") is None:
        end = match.end("time")  # "14:12-15:00" is a range, not an offset
    elif written:
        zone = resolve_zone(written.replace("\u2212", "-"))
        if zone is None:
            end = match.end("time")
    return Stamp(clock, day, zone, match.group("S") is not None, end, year_inferred)


def parse_date(text: str, near: date) -> date | None:
    """``text`` as a whole-line date (``2019-01-22``, ``Tuesday, Nov 24``), else None."""
    match = _DATE_ONLY.fullmatch(text.strip())
    if not match:
        return None
    try:
        return _date_from(match, near)[0]
    except NotATime:
        return None


def starts_with_date(text: str) -> re.Match[str] | None:
    """A date (with no time after it) at the start of ``text``."""
    return _DATE_ONLY.match(text)
