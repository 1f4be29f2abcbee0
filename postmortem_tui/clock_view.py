"""What the clock shows right now, computed once for any screen that shows it.

The meeting screen and the presenter view both paint from a :class:`ClockView`; nothing here
imports Textual.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from .agenda_clock import AgendaClock, format_countdown, phase
from .model import Session
from .prompts import SHORT_PROMPTS, STEP_PROMPTS


class StepLine(NamedTuple):
    number: int
    title: str
    minutes: str
    state: str
    """``done``, ``current``, ``running`` or ``upcoming``."""
    over: bool


class ClockView(NamedTuple):
    step_index: int
    step_key: str
    step_name: str
    countdown: str
    phase: str
    """``normal``, ``warning`` (two minutes left) or ``over``."""
    paused: bool
    """Started, and paused now: the digits are dimmed, so a room can tell at a glance."""
    fraction: float
    notice: str
    prompt: str
    short_prompt: str
    """The prompt in fewer words, for a step box too small for all of ``prompt``."""
    agenda: tuple[StepLine, ...]
    used: str
    projected: str
    late: bool
    wall: str


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)}"


def agenda_lines(clock: AgendaClock) -> tuple[StepLine, ...]:
    agenda = clock.agenda
    lines = []
    for index, step in enumerate(agenda.steps):
        elapsed = clock.elapsed(index)
        if index == agenda.current and step.state != "done":
            state = "running" if step.state == "running" else "current"
            minutes = f"{step.minutes}"
        elif step.state == "done":
            state = "done"
            minutes = f"{round(elapsed / 60)}/{step.minutes}"
        else:
            state = "upcoming"  # gone back from: the minutes it has had so far, as when done
            minutes = f"{round(elapsed / 60)}/{step.minutes}" if step.spent_seconds else f"{step.minutes}"
        lines.append(StepLine(index + 1, step.title, minutes, state, elapsed > step.minutes * 60))
    return tuple(lines)


def notice_for(clock: AgendaClock, remaining: float, standing: str, resume_notice: str) -> str:
    """The one line under the countdown that says what the keys will do now."""
    if resume_notice and not clock.running:
        return resume_notice
    if clock.awaiting_confirmation:
        last = clock.agenda.current == len(clock.agenda.steps) - 1
        return f"{format_countdown(remaining)} left: press n again to {'end the meeting' if last else 'move on'}"
    if clock.finished:
        return "The meeting is over: x to export, p to go back"
    if not clock.started:
        return "Press space to start the meeting" + (f" \u00b7 {standing}" if standing else "")
    if not clock.running:
        return "Paused: space to resume"
    return ""


def clock_view(
    session: Session, clock: AgendaClock, now: datetime, standing: str = "", resume_notice: str = ""
) -> ClockView:
    agenda = session.agenda
    clock.agenda = agenda
    step = agenda.current_step
    remaining = clock.remaining()
    planned = session.planned_minutes
    projected = clock.projected_end()
    over = (projected - clock.planned_end(planned)).total_seconds() / 60
    late = clock.started and over >= 1
    finished = clock.finished  # the last step's time left (05:00) would read as time to go
    return ClockView(
        step_index=agenda.current,
        step_key=step.key,
        step_name=f"{agenda.current + 1}/7 {step.title}",
        countdown="00:00" if finished else format_countdown(remaining),
        phase=phase(remaining).value if clock.started and not finished else "normal",
        paused=clock.started and not clock.running and not finished,
        fraction=1.0 if finished else min(clock.elapsed() / (step.minutes * 60), 1.0),
        notice=notice_for(clock, remaining, standing, resume_notice),
        prompt=STEP_PROMPTS[step.key],
        short_prompt=SHORT_PROMPTS[step.key],
        agenda=agenda_lines(clock),
        used=f"{_minutes(clock.used_seconds())}/{planned} min",
        projected=f"ends {projected.astimezone():%H:%M}" + (f" (+{round(over)} min)" if late else ""),
        late=late,
        wall=f"{now.astimezone():%H:%M}",
    )
