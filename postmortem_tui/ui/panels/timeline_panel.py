"""The Timeline panel: what happened when, and the key durations it gives."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ...durations import key_durations, short_duration
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


def entry_time(entry: TimelineEntry) -> str:
    return f"{entry.date:%m-%d} {entry.time}" if entry.date else entry.time


class TimelinePanel(ListPanel):
    COLUMNS = (
        ColumnSpec("time", "Time", 8),
        ColumnSpec("text", "Event", None),
        ColumnSpec("kind", "Kind", 16, shown_from=58),  # "change / trigger" whole
        ColumnSpec("source", "Source", 7, shown_from=72),
    )
    PLACEHOLDER = "14:12 what happened   (no time: stamped now)"
    EMPTY = "No timeline yet: press t and type 14:12 what happened."

    def compose_top(self) -> ComposeResult:
        yield Static("", classes="durations", markup=False)

    def update_from(self, session: Session) -> None:
        rows = []
        details = {}
        checked = {}
        for entry in session.timeline:
            checked[entry.id] = entry.text
            kind = KIND_TITLES[entry.kind] if entry.kind != "other" else ""
            time = entry_time(entry)
            rows.append(Row(entry.id, entry.updated, (time, entry.text, kind, entry.source)))
            marks = f" ({', '.join(entry.marks)})" if entry.marks else ""
            about = " \u00b7 ".join(part for part in (time + marks, kind, entry.source) if part)
            details[entry.id] = f"{about}\n{entry.text}" + (f"\n{entry.link}" if entry.link else "")
        self.table.fit_column("time", max((len(row.cells[0]) for row in rows), default=0))
        self.show_rows(rows, details, checked)
        durations = key_durations(session)
        line = " \u00b7 ".join(f"{SHORT_NAMES[d.name]} {short_duration(d.value)}" for d in durations)
        self.query_one(".durations", Static).update(
            line or "Durations appear as entries are marked alert, acknowledged, resolved... (k)"
        )
