"""The Timeline panel: what happened when, and the key durations it gives."""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

from textual.app import ComposeResult
from textual.widgets import Static

from ...durations import short_duration, shown_durations
from ...model import KIND_TITLES, Session, TimelineEntry
from ..widgets.entry_table import ColumnSpec, Row
from .list_panel import ListPanel

SHORT_NAMES = {
    "Time to detect": "detect",
    "Time to acknowledge": "ack",
    "Time to declare": "declare",
    "Time to mitigate": "mitigate",
    "Time to resolve": "resolve",
    "Total impact": "impact",
}


def zone_name(zone: tzinfo | None, day: date, clock: time) -> str:
    """The short name of ``zone`` on ``day`` at ``clock`` (EST, CEST, UTC-04:00), or ""."""
    if zone is None:
        return ""
    return datetime.combine(day, clock, tzinfo=zone).tzname() or ""


class TimelinePanel(ListPanel):
    COLUMNS = (
        ColumnSpec("time", "Time", 8),
        ColumnSpec("text", "Event", None),
        ColumnSpec("kind", "Kind", 16, shown_from=58),  # "change / trigger" whole
        ColumnSpec("source", "Source", 7, shown_from=72),
    )
    PLACEHOLDER = "14:12 what happened (no time: now)"
    EMPTY = "No timeline yet: press t and type 14:12 what happened."
    _shown: dict[str, tuple[tzinfo | None, dict[str, object], Row, str]] = {}
    """Each entry's row and detail, with what they were built from (the zone, its fields)."""

    @staticmethod
    def _row(entry: TimelineEntry, zone: tzinfo | None, day: date) -> tuple[Row, str]:
        """The table row of an entry, and its detail line.

        The detail line of a stamped time (the moment it was noted in the meeting, in the
        incident's zone) names the zone: a note-taker elsewhere sees the incident's time,
        not the clock on their wall (``11-27 03:47:27 EST (stamped)``)."""
        kind = KIND_TITLES[entry.kind] if entry.kind != "other" else ""
        when = entry.shown_time
        if "stamped" in entry.marks:
            name = zone_name(zone, entry.date or day, entry.clock_time)
            when += f" {name}" if name else ""
        marks = f" ({', '.join(entry.marks)})" if entry.marks else ""
        about = " \u00b7 ".join(part for part in (when + marks, kind, entry.source) if part)
        detail = f"{about}\n{entry.text}" + (f"\n{entry.link}" if entry.link else "")
        return Row(entry.id, entry.updated, (entry.listed_time, entry.text, kind, entry.source)), detail

    def compose_top(self) -> ComposeResult:
        yield Static("", classes="durations", markup=False)

    def update_from(self, session: Session) -> None:
        # Every change copies every entry (the store's copy-on-write), so rows are kept by
        # id and what they show: at 10,000 entries rebuilding them all took 0.2 s of each
        # Enter, twice. Not by ``updated`` alone: a hand edit of the file leaves it as it was.
        shown, kept = self._shown, {}
        zone, day = session.incident.timeline_zone(), session.reference_date
        rows = []
        details = {}
        checked = {}
        for entry in session.timeline:
            checked[entry.id] = entry.text
            cached = shown.get(entry.id)
            fields = entry.__dict__  # a copy's values are the same objects: a quick compare
            if cached is None or cached[0] != zone or cached[1] != fields:
                cached = (zone, dict(fields), *self._row(entry, zone, day))
            kept[entry.id] = cached
            rows.append(cached[2])
            details[entry.id] = cached[3]
        self._shown = kept
        self.table.fit_column("time", max((len(row.cells[0]) for row in rows), default=0))
        self.show_rows(rows, details, checked)
        durations = shown_durations(session)
        line = " \u00b7 ".join(f"{SHORT_NAMES[d.name]} {short_duration(d.value)}" for d in durations)
        self.query_one(".durations", Static).update(
            line or "Durations appear as entries are marked alert, acknowledged, resolved... (k)"
        )
