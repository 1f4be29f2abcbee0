"""Timeline entries: what happened when, and where we know it from."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from .base import Entry, Text, empty_list

Source = Literal["manual", "alert", "chat", "log", "deploy", "metric", "ticket", "other"]
SOURCES: tuple[Source, ...] = get_args(Source)

Kind = Literal[
    "impact", "trigger", "alert", "acknowledged", "declared", "mitigated", "resolved", "other"
]
KINDS: tuple[Kind, ...] = get_args(Kind)
KIND_TITLES: dict[Kind, str] = {
    "impact": "impact started",
    "trigger": "change / trigger",
    "alert": "alert",
    "acknowledged": "acknowledged",
    "declared": "declared",
    "mitigated": "mitigated",
    "resolved": "resolved",
    "other": "other",
}

Mark = Literal["stamped", "zone assumed", "date inferred"]
"""How a time was arrived at when nobody typed it: stamped by the app at entry, its zone
assumed to be the incident's, or its date inferred from context."""

TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$"


class TimelineEntry(Entry):
    time: str = Field(pattern=TIME_PATTERN)
    """24-hour ``HH:MM`` or ``HH:MM:SS`` in the incident's time zone."""
    date: dt.date | None = None
    """Given when the incident spans more than one day."""
    text: Text = ""
    source: Source = "manual"
    kind: Kind = "other"
    link: str = ""
    marks: list[Mark] = Field(default_factory=empty_list)

    @property
    def clock_time(self) -> dt.time:
        return dt.time.fromisoformat(self.time)

    @property
    def shown_time(self) -> str:
        """The time as the screens show it: ``11-27 10:02`` for an entry on a day of its own."""
        return f"{self.date:%m-%d} {self.time}" if self.date else self.time

    @property
    def listed_time(self) -> str:
        """The time as lists show it: :attr:`shown_time`, a stamp without its seconds.

        A stamp is the second the entry was noted in the meeting; a list keeps its time
        column narrow (the detail line and the file keep the seconds)."""
        shown = self.shown_time
        return shown[:-3] if "stamped" in self.marks and len(self.time) == 8 else shown

    def sort_key(self, default_date: dt.date) -> tuple[dt.date, str, dt.datetime]:
        # Zero-padded "HH:MM" and "HH:MM:SS" sort as the times they are ("14:12" < "14:12:30").
        return (self.date or default_date, self.time, self.created)
