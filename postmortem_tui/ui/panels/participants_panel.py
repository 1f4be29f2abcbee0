"""Who is in the meeting, and in which roles."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ...model import ROLE_TITLES, Session
from ...prompts import BLAMELESS_NORM
from ..widgets.entry_table import ColumnSpec, Row
from .list_panel import ListPanel


class ParticipantsPanel(ListPanel):
    COLUMNS = (
        ColumnSpec("name", "Name", 20),
        ColumnSpec("roles", "Roles", None),
        ColumnSpec("email", "Email", 28, shown_from=90),
    )
    EMPTY = "No participants yet: press P to add one (a facilitator and a note-taker at least)."

    def compose_top(self) -> ComposeResult:
        yield Static("Read aloud: \u201c" + BLAMELESS_NORM + "\u201d", classes="norm", markup=False)

    def update_from(self, session: Session) -> None:
        # The norm stands above the list while the meeting is on step 1.
        self.query_one(".norm").display = session.agenda.current_step.key == "tone"
        rows = []
        details = {}
        for person in session.participants:
            roles = ", ".join(ROLE_TITLES[role] for role in person.roles) or "guest"
            rows.append(Row(person.id, person.updated, (person.name, roles, person.email)))
            details[person.id] = f"{person.name} \u00b7 {roles}" + (
                f" \u00b7 {person.email}" if person.email else ""
            )
        warnings = session.role_warnings()
        if warnings:
            details = {key: value + "\nNote: " + "; ".join(warnings) for key, value in details.items()}
        self.show_rows(rows, details, {})
