"""Step 7's panel: the wrap-up checklist."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...config import Config
from ...model import Session
from ..widgets.checklist_view import ChecklistView


class WrapUpPanel(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield ChecklistView(classes="checklist")
        yield Static(
            "x  check, preview and export the document\nd  where it is published, who reviews it",
            classes="hint",
            markup=False,
        )

    def update_from(self, session: Session, today: date, config: Config) -> None:
        # Imported here: the checklist runs every check (their patterns take ~15 ms to
        # compile), and this panel is only filled when first brought forward.
        from ...checklist import checklist_lines

        lines = checklist_lines(session, today, config)
        self.query_one(".checklist", ChecklistView).show(lines)
