"""The impact x effort grid: where each action item sits, highest priority top left."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Label, Static

from ...checks import impact_effort_grid
from ...checks.grid import EFFORT_COLUMNS, IMPACT_ROWS
from ...export import sorted_actions
from ...model import Session
from ...visible_text import one_line


class ImpactGrid(Grid):
    """Each action appears by its number in the action table, with the start of its text."""

    def compose(self) -> ComposeResult:
        yield Label("impact", classes="grid-corner")
        for effort in EFFORT_COLUMNS:
            yield Label(f"{effort} effort", classes="grid-head")
        for row, impact in enumerate(IMPACT_ROWS):
            yield Label(impact, classes="grid-side")
            for column in range(3):
                yield Static("", id=f"cell-{row}-{column}", classes="grid-cell", markup=False)

    def update_from(self, session: Session) -> None:
        ordered = sorted_actions(session.action_items)
        number = {id(action): index for index, action in enumerate(ordered, start=1)}
        for row, cells in enumerate(impact_effort_grid(session.action_items)):
            for column, cell in enumerate(cells):
                lines = [cell.priority]
                for index in cell.actions:
                    action = session.action_items[index]
                    lines.append(f"#{number[id(action)]} {one_line(action.what)}")
                self.query_one(f"#cell-{row}-{column}", Static).update("\n".join(lines))
