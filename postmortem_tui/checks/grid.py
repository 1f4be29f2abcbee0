"""The impact x effort grid (3 x 3) with each action in its cell, for a panel to draw.

Rows run from high impact to low, columns from low effort to high, so the top-left cell holds
the quick wins. Each cell carries the priority the model gives that combination.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import ActionItem
from ..model.actions import PRIORITY_GRID, Level, Priority

IMPACT_ROWS: tuple[Level, ...] = ("high", "medium", "low")
EFFORT_COLUMNS: tuple[Level, ...] = ("low", "medium", "high")


@dataclass(frozen=True)
class GridCell:
    impact: Level
    effort: Level
    priority: Priority
    actions: tuple[int, ...]
    """Indexes into the session's ``action_items``, in their typed order."""


def impact_effort_grid(actions: Sequence[ActionItem]) -> list[list[GridCell]]:
    """``grid[row][column]``: rows are impact high, medium, low; columns effort low to high."""
    return [
        [
            GridCell(
                impact,
                effort,
                PRIORITY_GRID[(impact, effort)],
                tuple(
                    index
                    for index, action in enumerate(actions)
                    if action.impact == impact and action.effort == effort
                ),
            )
            for effort in EFFORT_COLUMNS
        ]
        for impact in IMPACT_ROWS
    ]
