"""Step 7's panel: the wrap-up checklist."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...checklist import wrap_up_checklist
from ...model import Session


class WrapUpPanel(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static("", classes="checklist", markup=False)
        yield Static(
            "x: check, preview and export the document    d: where it is published, reviewers",
            classes="hint",
            markup=False,
        )

    def update_from(self, session: Session) -> None:
        lines = []
        for item in wrap_up_checklist(session):
            mark = "\u2713" if item.ok else "\u2717"
            lines.append(f"{mark} {item.label}" + (f"\n    {item.detail}" if item.detail else ""))
        self.query_one(".checklist", Static).update("\n".join(lines))
