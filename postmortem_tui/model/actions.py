"""Action items: what the organisation will do, each with one owner and a deadline."""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from pydantic import Field

from .base import Entry, Text

Level = Literal["high", "medium", "low"]
LEVELS: tuple[Level, ...] = get_args(Level)
Priority = Literal["P1", "P2", "P3", "P4"]
PRIORITIES: tuple[Priority, ...] = get_args(Priority)
ActionType = Literal["mitigate", "prevent", "detect", "process"]
ACTION_TYPES: tuple[ActionType, ...] = get_args(ActionType)
ActionStatus = Literal["open", "in progress", "done"]
ACTION_STATUSES: tuple[ActionStatus, ...] = get_args(ActionStatus)

PRIORITY_GRID: dict[tuple[Level, Level], Priority] = {
    ("high", "low"): "P1",
    ("high", "medium"): "P1",
    ("high", "high"): "P2",
    ("medium", "low"): "P2",
    ("medium", "medium"): "P2",
    ("medium", "high"): "P3",
    ("low", "low"): "P3",
    ("low", "medium"): "P4",
    ("low", "high"): "P4",
}
"""Priority from (impact, effort): high impact for little effort first."""

DEFAULT_DEADLINE_DAYS = 14


class ActionItem(Entry):
    what: Text = ""
    owner: Text = ""
    """Exactly one person; the form and the checks refuse a team or two names."""
    deadline: date | None = None
    impact: Level = "medium"
    effort: Level = "medium"
    priority_override: Priority | None = None
    type: ActionType = "prevent"
    status: ActionStatus = "open"
    link: str = Field(default="")

    @property
    def priority(self) -> Priority:
        return self.priority_override or PRIORITY_GRID[(self.impact, self.effort)]
