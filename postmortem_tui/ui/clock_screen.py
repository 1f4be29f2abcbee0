"""A screen with the agenda clock: its keys, its repaint tick, and the bell.

Both the meeting screen and the presenter view are clock screens; they differ in what else
they show.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from ..agenda_clock import AgendaClock, CountdownAlerts, NextResult
from ..clock_view import ClockView, clock_view
from ..live_session import LiveSession

CLOCK_BINDINGS = [
    Binding("space", "toggle_clock", "Start/Pause", id="toggle"),
    Binding("n", "next_step", "Next", id="next"),
    Binding("p", "previous_step", "Back", id="previous"),
    Binding("plus,equals_sign", "extend(1)", "+1 min", key_display="+", show=False, id="extend"),
    Binding("minus", "extend(-1)", "-1 min", key_display="-", show=False, id="shorten"),
]


class ClockScreen(Screen):
    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self.alerts = CountdownAlerts()
        self._alerts_primed = False

    @property
    def clock(self) -> AgendaClock:
        return self.live.clock

    def on_mount(self) -> None:
        """Textual calls this for every clock screen (after a subclass's own on_mount)."""
        self.set_interval(0.25, self.tick)

    def on_screen_resume(self) -> None:
        self.tick()

    @property
    def in_view(self) -> bool:
        """On screen: on top, or under dialogs only (not under the presenter view, which
        Textual would otherwise redraw for every change made to the screen it hides)."""
        owner = self.parent  # its own app (self.app is whichever app is active, in tests)
        stack = owner.screen_stack if isinstance(owner, App) else []
        if self not in stack:
            return False
        return all(screen.is_modal for screen in stack[stack.index(self) + 1 :])

    def tick(self) -> None:
        """Repaint from the clock's state; the interval only triggers repaints, so a blocked
        loop or an open dialog cannot make the countdown drift."""
        live = self.live
        view = clock_view(
            live.session, self.clock, self.clock.now(), live.standing(), live.resume_notice
        )
        self._ring_if_due(view.step_index, self.clock.remaining())
        if self.in_view:
            self.show_clock(view)

    def show_clock(self, view: ClockView) -> None:
        """Paint ``view``; each clock screen shows it its own way."""

    def _ring_if_due(self, index: int, remaining: float) -> None:
        crossed = self.alerts.check(index, remaining)
        if not self._alerts_primed:
            self._alerts_primed = True  # what had passed before the screen opened does not ring
            return
        if crossed is None or not self.clock.running or not self.in_view:
            return  # the screen on view rings; the one under the presenter does not ring too
        config = self.live.config
        message = "One minute left on this step." if crossed else "Time is up for this step."
        if config.bell:
            self.app.bell()
        if config.notify:
            title = self.live.session.agenda.current_step.title
            self.notify(message, title=title, severity="warning")

    def toggle_alert(self, which: str) -> None:
        """Turn the bell or the notifications on or off for this session."""
        config = self.live.config
        self.live.config = config.with_changes(**{which: not getattr(config, which)})
        state = "on" if getattr(self.live.config, which) else "off"
        self.notify(f"{'Bell' if which == 'bell' else 'Notifications'} {state}.", timeout=3)

    def action_toggle_clock(self) -> None:
        self.live.resume_notice = ""
        self.live.clock_action(lambda clock: clock.toggle())
        self.tick()

    def action_next_step(self) -> None:
        self.live.resume_notice = ""
        result = self.live.clock_action(lambda clock: clock.request_next())
        if result is NextResult.FINISHED:
            self.notify("All seven steps are done. Press x to check and export the document.")
        self.tick()

    def action_previous_step(self) -> None:
        self.live.resume_notice = ""
        self.live.clock_action(lambda clock: clock.previous())
        self.tick()

    def action_extend(self, minutes: int) -> None:
        self.live.clock_action(lambda clock: clock.extend(minutes))
        self.tick()
