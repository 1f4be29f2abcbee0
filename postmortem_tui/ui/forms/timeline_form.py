"""Editing one timeline entry: time, date, text, kind, source, evidence link."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from ...model import KIND_TITLES, KINDS, SOURCES, TimelineEntry
from ...timeparse import parse_leading_time
from .fields import Field, choice, text_input, value_input
from .form import FormError, FormScreen


class TimelineForm(FormScreen[TimelineEntry]):
    TITLE_TEXT = "Edit timeline entry"
    HINTED = ("text",)

    def __init__(
        self,
        entry: TimelineEntry,
        now: datetime,
        participants: Sequence[str] = (),
        zone: str = "",
        day_for: Callable[[str], date | None] = lambda clock: None,
    ) -> None:
        """``zone``: the name of the zone the timeline's times are in, said by the time.
        ``day_for``: the date a typed time gets (``editing.typed_time_day``)."""
        super().__init__()
        self.day_for = day_for
        self.participants = participants
        self.zone = zone
        self.entry = entry
        self.now = now

    def fields(self) -> list[Field]:
        entry = self.entry
        return [
            Field("time", f"Time ({self.zone})" if self.zone else "Time", value_input(entry.time), hint=self._time_hint()),
            Field("date", "Date (when the incident spans days)", value_input(entry.date.isoformat() if entry.date else "", "2026-11-24")),
            Field("text", "What happened", text_input(entry.text)),
            Field("kind", "Kind", choice([(KIND_TITLES[k], k) for k in KINDS], entry.kind)),
            Field("source", "Source", choice([(s, s) for s in SOURCES], entry.source)),
            Field("link", "Evidence link (optional)", text_input(entry.link, "https://...")),
        ]

    def _time_hint(self) -> str:
        if "stamped" in self.entry.marks:
            return "stamped by the app when it was noted; a time typed here replaces the stamp and its date"
        return "14:12, 14:12:30 or 2:12pm"

    def build(self, values: dict[str, Any]) -> TimelineEntry:
        errors = {}
        parsed = parse_leading_time(values["time"])
        if parsed.error or parsed.time is None or parsed.text:
            errors["time"] = parsed.error or "a time like 14:12, 14:12:30 or 2:12pm"
        day = None
        if values["date"].strip():
            try:
                day = date.fromisoformat(values["date"].strip())
            except ValueError:
                errors["date"] = "a date like 2026-11-24, or leave it empty"
        if not values["text"].strip():
            errors["text"] = "say what happened"
        if errors:
            raise FormError(errors)
        restamped = "stamped" in self.entry.marks and parsed.time != self.entry.time
        if restamped and day == self.entry.date:
            # The stamp's date is the day it was noted (the meeting's); a time typed over it
            # is the incident's, dated as one typed with t would be.
            day = self.day_for(parsed.time)
        marks = [m for m in self.entry.marks if m != "stamped" or not restamped]
        return self.entry.with_changes(
            time=parsed.time,
            date=day,
            text=values["text"].strip(),
            kind=values["kind"],
            source=values["source"],
            link=values["link"].strip(),
            marks=marks,
            updated=self.now,
        )
