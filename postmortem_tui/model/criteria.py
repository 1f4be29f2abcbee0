"""Why this incident gets a post-mortem: the review criteria that apply to it.

Not every small bug deserves a meeting (BRIEF.md); the criteria the room agreed on are kept
with the session and the document says in one line why the review was held.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, field_validator

from .base import Model, Text, UtcTimestamp, empty_list

CriterionKey = Literal[
    "user_impact", "data_loss", "intervention", "long_resolution", "monitoring_failure", "other"
]
CRITERIA: tuple[CriterionKey, ...] = get_args(CriterionKey)
CRITERION_TITLES: dict[CriterionKey, str] = {
    "user_impact": "user-visible downtime or degradation",
    "data_loss": "data loss",
    "intervention": "on-call intervention (rollback, traffic re-route)",
    "long_resolution": "a long time to resolve",
    "monitoring_failure": "a monitoring failure (people noticed before the alerts did)",
    "other": "other",
}


class Criteria(Model):
    met: list[CriterionKey] = Field(default_factory=empty_list)
    """The criteria that apply, in the order of :data:`CRITERIA`."""
    other: Text = ""
    """The reason, in words, when ``other`` applies (or any note on the choice)."""
    updated: UtcTimestamp | None = None
    """When the criteria were last changed; two instances keep the later choice."""

    @field_validator("met")
    @classmethod
    def _in_order(cls, met: list[CriterionKey]) -> list[CriterionKey]:
        return [key for key in CRITERIA if key in met]

    def reasons(self) -> list[str]:
        """The criteria met, in words; ``other`` shows its text when there is one."""
        other = " ".join(self.other.split())
        return [
            (other or CRITERION_TITLES[key]) if key == "other" else CRITERION_TITLES[key]
            for key in self.met
        ]
