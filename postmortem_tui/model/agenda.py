"""The seven-step agenda and the stored state of its clock.

The clock's state is stored as wall-clock instants (UTC) so that a step that was running when
the app closed can be resumed by the next process; the running countdown itself is computed
in :mod:`postmortem_tui.agenda_clock`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from pydantic import Field, field_validator, model_validator

from .base import Model, UtcTimestamp, utcnow

StepKey = Literal["tone", "timeline", "root_cause", "went_well", "improve", "actions", "wrap_up"]
StepState = Literal["upcoming", "running", "paused", "done"]

STEP_KEYS: tuple[StepKey, ...] = get_args(StepKey)
STEP_TITLES: dict[StepKey, str] = {
    "tone": "Set the tone",
    "timeline": "Timeline reconstruction",
    "root_cause": "Root cause analysis",
    "went_well": "What went well",
    "improve": "What could be improved",
    "actions": "Action items",
    "wrap_up": "Wrap-up and distribution",
}
DEFAULT_MINUTES: dict[StepKey, int] = {
    "tone": 5,
    "timeline": 15,
    "root_cause": 20,
    "went_well": 10,
    "improve": 10,
    "actions": 15,
    "wrap_up": 5,
}


class AgendaStep(Model):
    key: StepKey
    planned_minutes: int = Field(ge=1, le=240)
    allotted_minutes: int | None = Field(default=None, ge=1, le=240)
    """Minutes after ``+``/``-`` or a rebalance; ``None`` while it equals the plan."""
    state: StepState = "upcoming"
    spent_seconds: float = Field(default=0.0, ge=0)
    """Time spent in runs that have ended (pauses, moving on)."""
    running_since: UtcTimestamp | None = None
    """Start of the current run, when the step is running."""

    @property
    def title(self) -> str:
        return STEP_TITLES[self.key]

    @property
    def minutes(self) -> int:
        """The minutes this step has now: the plan, or its adjustment."""
        return self.allotted_minutes if self.allotted_minutes is not None else self.planned_minutes

    @model_validator(mode="after")
    def _running_has_start(self) -> AgendaStep:
        if self.state == "running" and self.running_since is None:
            raise ValueError("a running step needs running_since, the time its run started")
        if self.state != "running" and self.running_since is not None:
            raise ValueError("only a running step has running_since")
        return self


def default_steps() -> list[AgendaStep]:
    return [AgendaStep(key=key, planned_minutes=DEFAULT_MINUTES[key]) for key in STEP_KEYS]


def fitted_minutes(total: int) -> dict[StepKey, int]:
    """The default agenda's minutes scaled to ``total`` (at least one a step), in the same
    proportions, summing to ``total`` exactly: the rounding goes to the steps it cut most."""
    if total < len(STEP_KEYS):
        raise ValueError(f"at least {len(STEP_KEYS)} minutes, one for each step")
    default_total = sum(DEFAULT_MINUTES.values())
    shares = {key: DEFAULT_MINUTES[key] * total / default_total for key in STEP_KEYS}
    minutes = {key: max(1, int(share)) for key, share in shares.items()}
    by_cut = sorted(STEP_KEYS, key=lambda key: minutes[key] - shares[key])
    while (left := total - sum(minutes.values())) != 0:
        if left > 0:
            minutes[by_cut[0]] += 1
            by_cut = by_cut[1:] + by_cut[:1]
        else:  # the one-minute floors took more than their share: from the largest step
            largest = max(STEP_KEYS, key=lambda key: minutes[key])
            minutes[largest] -= 1
    return minutes


class Agenda(Model):
    steps: list[AgendaStep] = Field(default_factory=default_steps)
    current: int = Field(default=0, ge=0, le=len(STEP_KEYS) - 1)
    started_at: UtcTimestamp | None = None
    """When the meeting's first step was first started."""
    last_seen: UtcTimestamp | None = None
    """The last moment a process was known to be running the clock (its last save)."""
    updated: UtcTimestamp = Field(default_factory=utcnow)
    """When the clock was last changed; two instances merge the agenda by it."""
    rebalanced_at: UtcTimestamp | None = None
    """When an overrun was last taken from the steps still to come (a rebalance)."""

    @field_validator("steps")
    @classmethod
    def _the_seven_steps(cls, steps: list[AgendaStep]) -> list[AgendaStep]:
        keys = tuple(step.key for step in steps)
        if keys != STEP_KEYS:
            raise ValueError("the agenda has the seven steps in order: " + ", ".join(STEP_KEYS))
        if sum(step.state == "running" for step in steps) > 1:
            raise ValueError("at most one step can be running")
        return steps

    @property
    def current_step(self) -> AgendaStep:
        return self.steps[self.current]

    @property
    def planned_minutes(self) -> int:
        return sum(step.planned_minutes for step in self.steps)

    @property
    def allotted_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    def touch(self, when: datetime | None = None) -> None:
        self.updated = when or utcnow()
