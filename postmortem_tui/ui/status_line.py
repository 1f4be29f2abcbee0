"""What the header line shows, the same on every screen that has one."""

from __future__ import annotations

from ..clock_view import ClockView
from ..live_session import LiveSession
from .widgets.status_bar import StatusBar


def show_status(
    bar: StatusBar, live: LiveSession, view: ClockView, *, step_time: bool = False, presence: str = ""
) -> None:
    """Paint ``bar`` from the session and the clock's ``view``; with ``step_time``, also the
    current step's number and countdown (for a bar made with ``step_time=True``); with
    ``presence``, who has the session open (``2 open: you, Sam (note-taker)``)."""
    session = live.session
    bar.show(
        severity=session.incident.severity or "",
        title=session.incident.title or "Untitled incident (press d)",
        wall=view.wall,
        used=view.used,
        projected=view.projected,
        late=view.late,
        saved=live.save_status(live.clock.now()),
        save_failed=live.problem is not None,
        step_time=f"{view.step_index + 1}/{len(session.agenda.steps)} {view.countdown}" if step_time else "",
        phase=view.phase,
        paused=view.paused,
        presence=presence,
    )
