"""The Timeline panel: what happened when, and the key durations it gives."""

from __future__ import annotations

from datetime import datetime

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


class TimelinePanel(ListPanel):
    COLUMNS = (
        ColumnSpec("time", "Time", 8),
        ColumnSpec("text", "Event", None),
        ColumnSpec("kind", "Kind", 16, shown_from=58),  # "change / trigger" whole
        ColumnSpec("source", "Source", 7, shown_from=72),
    )
    PLACEHOLDER = "14:12 what happened (no time: now)"
    EMPTY = "No timeline yet: press t and type 14:12 what happened."
    _shown: dict[str, tuple[datetime, Row, str]] = {}
    """Each entry's row and detail, with the ``updated`` they were built from."""

    @staticmethod
    def _row(entry: TimelineEntry) -> tuple[Row, str]:
        """The table row of an entry, and its detail line."""
        kind = KIND_TITLES[entry.kind] if entry.kind != "other" else ""
        time = entry.shown_time
        marks = f" ({', '.join(entry.marks)})" if entry.marks else ""
        about = " \u00b7 ".join(part for part in (time + marks, kind, entry.source) if part)
        detail = f"{about}\n{entry.text}" + (f"\n{entry.link}" if entry.link else "")
        return Row(entry.id, entry.updated, (time, entry.text, kind, entry.source)), detail

    def compose_top(self) -> ComposeResult:
        yield Static("", classes="durations", markup=False)

    def update_from(self, session: Session) -> None:
        # Every change copies every entry (the store's copy-on-write), so rows are kept by
        # id and ``updated``, which the store moves on at each change of an entry's content:
        # at 10,000 entries rebuilding them all took 0.2 s of each Enter, twice.
        shown, kept = self._shown, {}
        rows = []
        details = {}
        checked = {}
        for entry in session.timeline:
            checked[entry.id] = entry.text
            cached = shown.get(entry.id)
            if cached is None or cached[0] != entry.updated:
                cached = (entry.updated, *self._row(entry))
            kept[entry.id] = cached
            rows.append(cached[1])
            details[entry.id] = cached[2]
        self._shown = kept
        self.table.fit_column("time", max((len(row.cells[0]) for row in rows), default=0))
        self.show_rows(rows, details, checked)
        durations = shown_durations(session)
        line = " \u00b7 ".join(f"{SHORT_NAMES[d.name]} {short_duration(d.value)}" for d in durations)
        self.query_one(".durations", Static).update(
            line or "Durations appear as entries are marked alert, acknowledged, resolved... (k)"
        )
