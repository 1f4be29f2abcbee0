"""Step 7's panel: the wrap-up checklist."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...checklist import checklist_lines
from ...config import Config
from ...model import Session


class WrapUpPanel(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static("", classes="checklist", markup=False)
        yield Static(
            "x: check, preview and export the document    d: where it is published, reviewers",
            classes="hint",
            markup=False,
        )

    def update_from(self, session: Session, today: date, config: Config) -> None:
        self.query_one(".checklist", Static).update("\n".join(checklist_lines(session, today, config)))
