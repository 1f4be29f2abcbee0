"""Action items: one owner and a deadline each, highest priority first."""

from __future__ import annotations

from textual.app import ComposeResult

from ...export import sorted_actions
from ...model import Session
from ..widgets.entry_table import ColumnSpec, Row
from .impact_grid import ImpactGrid
from .list_panel import ListPanel


class ActionsPanel(ListPanel):
    COLUMNS = (
        # The number the document and the wrap-up checklist give the action ("#6").
        ColumnSpec("number", "#", 2),
        ColumnSpec("priority", "Pri", 3),
        ColumnSpec("what", "Action", None),
        # From the 47 columns the panel has at 80x24: who owns each action matters more in
        # step 6 than the end of its words (the selected one shows whole below the table).
        ColumnSpec("owner", "Owner", 11, shown_from=44),  # widened to fit, up to 14
        ColumnSpec("deadline", "Deadline", 10, shown_from=68),
        ColumnSpec("status", "Status", 11, shown_from=90),
    )
    EMPTY = "No action items yet: press a. Each needs one owner and a deadline."

    def compose_top(self) -> ComposeResult:
        yield ImpactGrid(classes="impact-grid")

    def toggle_grid(self) -> bool:
        """Switch between the table and the impact x effort grid; True when the grid shows."""
        self.toggle_class("-grid")
        return self.has_class("-grid")

    def update_from(self, session: Session) -> None:
        self.query_one(ImpactGrid).update_from(session)
        rows = []
        details = {}
        for number, action in enumerate(sorted_actions(session.action_items), start=1):
            deadline = action.deadline.isoformat() if action.deadline else "no deadline"
            owner = action.owner or "no owner"
            rows.append(
                Row(
                    action.id,
                    (action.updated, number),  # a number moves when another action comes first
                    (str(number), action.priority, action.what, owner, deadline, action.status),
                )
            )
            details[action.id] = (
                f"#{number} \u00b7 {action.priority} \u00b7 {action.type} \u00b7 {owner} \u00b7 due {deadline} "
                f"\u00b7 {action.status} \u00b7 impact {action.impact}, effort {action.effort}"
                f"\n{action.what}" + (f"\n{action.link}" if action.link else "")
            )
        longest = max((len(a.owner or "no owner") for a in session.action_items), default=0)
        self.table.fit_column("owner", min(longest, 14))
        self.show_rows(rows, details, {a.id: a.what for a in session.action_items})
