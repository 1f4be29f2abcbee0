"""Pace: when the meeting is heading past its planned length, take the overrun from the steps
still to come, in proportion to their minutes, never leaving a step under 2 minutes.

:func:`plan_rebalance` only proposes (the screen shows the new plan); :func:`apply_rebalance`
sets ``AgendaStep.allotted_minutes`` once the facilitator confirms.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from ..agenda_clock import AgendaClock
from ..model import Agenda

MIN_STEP_MINUTES = 2


@dataclass(frozen=True)
class Rebalance:
    overrun_minutes: int
    """Whole minutes the projected end passes the planned length (rounded up)."""
    minutes: tuple[int, ...]
    """The new minutes of all seven steps; steps done or under way keep theirs."""
    before: tuple[int, ...]
    shortfall_minutes: int = 0
    """Overrun the later steps could not absorb without going under 2 minutes."""

    @property
    def changed(self) -> tuple[int, ...]:
        """Indexes of the steps whose minutes change."""
        return tuple(i for i, (a, b) in enumerate(zip(self.before, self.minutes)) if a != b)


def overrun_seconds(clock: AgendaClock, planned_minutes: int) -> float:
    """How far the projected end passes the planned end (negative: time to spare)."""
    return (clock.projected_end() - clock.planned_end(planned_minutes)).total_seconds()


def _still_to_come(agenda: Agenda) -> list[int]:
    return [
        index
        for index, step in enumerate(agenda.steps)
        if index > agenda.current and step.state != "done"
    ]


def plan_rebalance(agenda: Agenda, overrun: float) -> Rebalance:
    """The new plan that takes ``overrun`` seconds from the steps still to come."""
    before = tuple(step.minutes for step in agenda.steps)
    need = max(0, math.ceil(overrun / 60 - 1e-9))
    minutes = list(before)
    open_steps = [i for i in _still_to_come(agenda) if minutes[i] > MIN_STEP_MINUTES]
    cuttable = sum(minutes[i] - MIN_STEP_MINUTES for i in open_steps)
    take = min(need, cuttable)
    # Proportional cuts; a step that would fall under the floor stops there and the rest is
    # shared again among the others (water filling).
    cuts = {i: 0.0 for i in open_steps}
    left, active = float(take), list(open_steps)
    while left > 1e-9 and active:
        total = sum(minutes[i] for i in active)
        capped = [i for i in active if minutes[i] - left * minutes[i] / total < MIN_STEP_MINUTES]
        if not capped:
            for i in active:
                cuts[i] = left * minutes[i] / total
            break
        for i in capped:
            cuts[i] = minutes[i] - MIN_STEP_MINUTES
            left -= cuts[i]
            active.remove(i)
    # Whole minutes: round down, then give the leftover to the largest remainders.
    whole = {i: math.floor(cut + 1e-9) for i, cut in cuts.items()}
    leftover = take - sum(whole.values())
    for i in sorted(cuts, key=lambda i: (cuts[i] - whole[i], minutes[i]), reverse=True)[:leftover]:
        whole[i] += 1
    for i, cut in whole.items():
        minutes[i] -= cut
    return Rebalance(need, tuple(minutes), before, need - take)


def rebalance_for(clock: AgendaClock, planned_minutes: int) -> Rebalance | None:
    """The plan for the clock's current overrun, or None when the meeting is on time."""
    overrun = overrun_seconds(clock, planned_minutes)
    if overrun <= 0:
        return None
    return plan_rebalance(clock.agenda, overrun)


def apply_rebalance(agenda: Agenda, plan: Rebalance, now: datetime) -> None:
    """Give each step its planned minutes from ``plan`` and stamp the agenda as rebalanced."""
    for step, minutes in zip(agenda.steps, plan.minutes):
        if step.minutes != minutes:
            step.allotted_minutes = None if minutes == step.planned_minutes else minutes
    agenda.rebalanced_at = now
    agenda.updated = now
