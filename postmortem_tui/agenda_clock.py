"""The agenda's countdown: start, pause, move between steps, extend, resume after a restart.

Elapsed time is computed, never counted: the stored state says when the current run started
(wall clock, so another process can resume it) and this class measures the time since then
with a monotonic clock, so a blocked event loop, a modal or an NTP correction cannot make
the countdown drift.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from enum import Enum
from typing import NamedTuple

from .clock import Clock
from .model import Agenda, AgendaStep

WARNING_SECONDS = 120
"""The countdown changes colour when this little time is left."""
ALERT_THRESHOLDS = (60, 0)
CONFIRM_SECONDS = 5.0
"""How long the first ``n`` on a step with time left waits for the second."""
"""A bell and a notification when a step has a minute left, and when its time is up."""


class Phase(Enum):
    NORMAL = "normal"
    WARNING = "warning"
    OVER = "over"


class NextResult(Enum):
    MOVED = "moved"
    CONFIRM = "confirm"
    """The step still has time: a second press moves on."""
    FINISHED = "finished"
    """The last step ended; the meeting is over."""
    AT_END = "at end"
    """Already on the last step of a meeting that has not started."""


class Resumed(NamedTuple):
    """What happened to a step that was running when the session was last closed."""

    step: str
    kept_running: bool
    closed_for: timedelta


def format_countdown(remaining: float) -> str:
    """``14:05`` while time is left (rounded up), ``+01:32`` once it has run over."""
    if remaining > 0:
        seconds = math.ceil(remaining)
        sign = ""
    else:
        seconds = math.floor(-remaining)
        sign = "+" if seconds > 0 else ""
    minutes, seconds = divmod(seconds, 60)
    return f"{sign}{minutes:02d}:{seconds:02d}"


def phase(remaining: float) -> Phase:
    if remaining <= 0:
        return Phase.OVER
    if remaining <= WARNING_SECONDS:
        return Phase.WARNING
    return Phase.NORMAL


class AgendaClock:
    """Operations on an :class:`Agenda`'s clock state, measured with an injected clock."""

    def __init__(self, agenda: Agenda, clock: Clock) -> None:
        self.agenda = agenda
        self.clock = clock
        self._wall_anchor = clock.now()
        self._mono_anchor = clock.monotonic()
        self._confirm: tuple[float, int, str, datetime] | None = None
        """The first ``n``: when (monotonic), on which step, its state and the agenda's last
        change then."""

    # Reading the time

    def now(self) -> datetime:
        """Wall-clock time measured monotonically from when this clock was made."""
        return self._wall_anchor + timedelta(seconds=self.clock.monotonic() - self._mono_anchor)

    def elapsed(self, index: int | None = None) -> float:
        step = self.agenda.steps[self.agenda.current if index is None else index]
        return self._elapsed(step, self.now())

    @staticmethod
    def _elapsed(step: AgendaStep, now: datetime) -> float:
        running = (now - step.running_since).total_seconds() if step.running_since else 0.0
        return step.spent_seconds + max(running, 0.0)

    def remaining(self, index: int | None = None) -> float:
        step = self.agenda.steps[self.agenda.current if index is None else index]
        return step.minutes * 60 - self.elapsed(index)

    @property
    def running(self) -> bool:
        return self.agenda.current_step.state == "running"

    @property
    def started(self) -> bool:
        return self.agenda.started_at is not None

    @property
    def finished(self) -> bool:
        return all(step.state == "done" for step in self.agenda.steps)

    @property
    def awaiting_confirmation(self) -> bool:
        """``n`` was pressed once on a step that still has time, in the last few seconds,
        and the clock has not changed since (here or in another terminal): a second ``n``
        long after, or after a pause, is a new first press, not a confirmation."""
        if self._confirm is None:
            return False
        pressed, index, state, updated = self._confirm
        return (
            self.clock.monotonic() - pressed < CONFIRM_SECONDS
            and self.agenda.current == index
            and self.agenda.current_step.state == state
            and self.agenda.updated == updated  # any clock change since, even one undone
        )

    def used_seconds(self) -> float:
        now = self.now()
        return sum(self._elapsed(step, now) for step in self.agenda.steps)

    def projected_end(self) -> datetime:
        """When the meeting ends if the current step uses its time and the rest keep theirs."""
        now = self.now()
        if self.finished:
            return now
        current = self.agenda.current
        left = max(self.remaining(), 0.0)
        for index, step in enumerate(self.agenda.steps):
            if index > current and step.state != "done":
                left += max(step.minutes * 60 - self._elapsed(step, now), 0.0)
        return now + timedelta(seconds=left)

    def planned_end(self, planned_minutes: int) -> datetime:
        start = self.agenda.started_at or self.now()
        return start + timedelta(minutes=planned_minutes)

    # Changing the clock

    def _stop(self, step: AgendaStep, now: datetime, state: str) -> None:
        step.spent_seconds = self._elapsed(step, now)
        step.running_since = None
        step.state = state  # type: ignore[assignment]

    def _run(self, step: AgendaStep, now: datetime) -> None:
        step.running_since = now
        step.state = "running"
        if self.agenda.started_at is None:
            self.agenda.started_at = now

    def _changed(self, now: datetime) -> None:
        self.agenda.updated = now
        self.agenda.last_seen = now

    def toggle(self) -> bool:
        """Start or pause the current step; returns whether the clock now runs."""
        self._confirm = None
        now = self.now()
        step = self.agenda.current_step
        if step.state == "running":
            self._stop(step, now, "paused")
        else:
            if self.finished:
                return False
            self._run(step, now)
        self._changed(now)
        return self.running

    def request_next(self) -> NextResult:
        """Move on; a step with time left needs the request twice in a row."""
        if self.started and self.remaining() > 0 and not self.awaiting_confirmation:
            step = self.agenda.current_step
            if step.state != "done":
                self._confirm = (self.clock.monotonic(), self.agenda.current, step.state, self.agenda.updated)
                return NextResult.CONFIRM
        return self.next()

    def next(self) -> NextResult:
        self._confirm = None
        now = self.now()
        agenda = self.agenda
        last = agenda.current == len(agenda.steps) - 1
        if not self.started:
            if last:
                return NextResult.AT_END
            agenda.current += 1
            self._changed(now)
            return NextResult.MOVED
        step = agenda.current_step
        was_running = step.state == "running"
        self._stop(step, now, "done")
        if last:
            self._changed(now)
            return NextResult.FINISHED
        agenda.current += 1
        following = agenda.current_step
        if was_running:
            self._run(following, now)
        elif following.state == "done":
            following.state = "paused"
        self._changed(now)
        return NextResult.MOVED

    def previous(self) -> bool:
        """Go back one step, taking the clock along; returns False on the first step."""
        self._confirm = None
        agenda = self.agenda
        if agenda.current == 0:
            return False
        now = self.now()
        step = agenda.current_step
        was_running = step.state == "running"
        if was_running:
            self._stop(step, now, "paused")
        if step.state == "paused" and step.spent_seconds == 0:
            step.state = "upcoming"
        agenda.current -= 1
        earlier = agenda.current_step
        if was_running:
            self._run(earlier, now)
        elif earlier.state == "done":
            earlier.state = "paused"
        self._changed(now)
        return True

    def go_to(self, index: int) -> None:
        """Make step ``index`` current (from a click on the agenda), keeping the clock's run."""
        while self.agenda.current < index:
            self.next()
        while self.agenda.current > index:
            self.previous()

    def extend(self, minutes: int) -> int:
        """Give the current step ``minutes`` more (or fewer, never under 1); returns its minutes."""
        self._confirm = None
        step = self.agenda.current_step
        new = max(1, min(240, step.minutes + minutes))
        step.allotted_minutes = None if new == step.planned_minutes else new
        self._changed(self.now())
        return new

    def set_planned(self, index: int, minutes: int) -> None:
        """Change a step's planned minutes, as when a session's agenda is edited."""
        step = self.agenda.steps[index]
        step.planned_minutes = max(1, min(240, minutes))
        step.allotted_minutes = None
        self._changed(self.now())

    def checkpoint(self) -> None:
        """Record that this process is alive and running the clock (called on save)."""
        if self.running:
            self.agenda.last_seen = self.now()


def resume(agenda: Agenda, clock: Clock, planned_minutes: int) -> Resumed | None:
    """Settle a step left running by a process that has gone.

    Reopened within the meeting's planned length of the last sign of life, the step keeps
    running and counts the time that passed; reopened later, it is paused at that last sign
    of life (the meeting was clearly not going on), and the caller says so.
    """
    step = agenda.current_step
    if step.state != "running" or step.running_since is None:
        return None
    now = clock.now()
    last_seen = max(agenda.last_seen or step.running_since, step.running_since)
    closed_for = max(now - last_seen, timedelta(0))
    if closed_for <= timedelta(minutes=planned_minutes):
        return Resumed(step.title, kept_running=True, closed_for=closed_for)
    step.spent_seconds += (last_seen - step.running_since).total_seconds()
    step.running_since = None
    step.state = "paused"
    agenda.updated = now
    return Resumed(step.title, kept_running=False, closed_for=closed_for)


class CountdownAlerts:
    """Decides when to ring: once per threshold per step, re-armed when time is added."""

    def __init__(self, thresholds: tuple[int, ...] = ALERT_THRESHOLDS) -> None:
        self.thresholds = sorted(thresholds, reverse=True)
        self._fired: set[tuple[int, int]] = set()

    def check(self, step_index: int, remaining: float) -> int | None:
        """The threshold just crossed (seconds left), or None; crossing several rings once."""
        crossed = None
        for threshold in self.thresholds:
            key = (step_index, threshold)
            if remaining > threshold:
                self._fired.discard(key)
            elif key not in self._fired:
                self._fired.add(key)
                crossed = threshold
        return crossed
