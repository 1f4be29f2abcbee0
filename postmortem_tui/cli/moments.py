"""Dates and times typed on the command line."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def moment(text: str) -> datetime:
    """``2026-11-24 14:12``, ``2026-11-24T14:12-05:00`` or ``2026-11-24T19:12Z``."""
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time; use 2026-11-24 14:12 or 2026-11-24T14:12-05:00"
        ) from None


def day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use 2026-12-10") from None


def in_zone(value: datetime | None, zone: str) -> datetime | None:
    """Give a typed time without an offset the session's zone, when one is named."""
    if value is None or value.tzinfo is not None or not zone:
        return value
    return value.replace(tzinfo=ZoneInfo(zone))


def zone_name(text: str) -> str:
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time zone; use an IANA name such as UTC or America/New_York"
        ) from None
    return text
