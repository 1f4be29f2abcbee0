"""A screen with the agenda clock: its keys, its repaint tick, and the bell.

Both the meeting screen and the presenter view are clock screens; they differ in what else
they show.
"""

from __future__ import annotations

import math

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from ..agenda_clock import AgendaClock, CountdownAlerts, NextResult
from ..clock_view import ClockView, clock_view
from ..live_session import LiveSession


def seconds_to_next_change(clock: AgendaClock) -> float:
    """How long until the countdown shows another second (1 s when the clock stands still)."""
    if not clock.running:
        return 1.0
    remaining = clock.remaining()
    if remaining > 0:
        # shown rounded up: 14:59.3 shows 15:00 until 14:59.0
        until = remaining - math.ceil(remaining) + 1
    else:
        # shown rounded down past zero: +01:32.4 shows +01:32 until +01:33.0
        until = 1 - (-remaining - math.floor(-remaining))
    return min(max(until, 0.05) + 0.01, 1.0)


CONFIRM_SECONDS = 3.0
"""How long a note-taker's first press of a clock key waits for the second."""

CLOCK_BINDINGS = [
    Binding("space", "toggle_clock", "Start/Pause", id="toggle"),
    Binding("n", "next_step", "Next", id="next"),
    Binding("p", "previous_step", "Back", id="previous"),
    Binding("plus,equals_sign", "extend(1)", "+1 min", key_display="+", show=False, id="extend"),
    Binding("minus", "extend(-1)", "-1 min", key_display="-", show=False, id="shorten"),
]


class ClockScreen(Screen):
    BLANK = True
    """The screen draws nothing but its background under its widgets (see widgets/layout.py)."""

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self.alerts = CountdownAlerts()
        self._alerts_primed = False
        self._timer: Timer | None = None
        self._resumed = False
        self._asked: tuple[str, float] | None = None
        """A clock key a note-taker pressed once, and when (see :meth:`_second_press`)."""

    @property
    def clock(self) -> AgendaClock:
        return self.live.clock

    def on_mount(self) -> None:
        """Textual calls this for every clock screen (after a subclass's own on_mount)."""
        self._schedule_tick()

    def _schedule_tick(self) -> None:
        """Wake when the countdown's seconds turn over (a second at most when paused), not on
        a fixed beat: the display is exact and an idle screen wakes once a second. The time
        shown is always computed from the clock, so a late wake-up cannot drift."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(seconds_to_next_change(self.clock), self._timed_tick)

    def _timed_tick(self) -> None:
        self.tick()
        if self.in_view:
            self._schedule_tick()
        else:
            # Under the presenter view: sleep until shown again. Textual repaints a hidden
            # screen in full, and the screen above it, each time the hidden one wakes.
            self._timer = None
            self._alerts_primed = False  # what passed meanwhile does not ring on return

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed:
            # The first resume follows the mount, which has just styled every widget;
            # styling them all again cost a sixth of the launch.
            self._resumed = True
            event.refresh_styles = False
        self.tick()
        if self._timer is None and self.is_mounted:
            self._schedule_tick()

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
        view = self.clock_view()
        self._ring_if_due(view.step_index, self.clock.remaining())
        if self.in_view:
            self.show_clock(view)

    def clock_view(self) -> ClockView:
        """What the clock shows now."""
        live = self.live
        return clock_view(
            live.session, self.clock, self.clock.now(), live.standing(), live.resume_notice
        )

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

    def clock_changed(self) -> None:
        """Repaint now and wake again at the clock's next second."""
        self.tick()
        if self.is_mounted:
            self._schedule_tick()

    def _second_press(self, key: str, what: str) -> bool:
        """True if the clock key ``key`` may act now. On a note-taker's terminal
        (``--role note-taker``) it asks for a second press within ``CONFIRM_SECONDS``: the
        clock is shared, and a space or a p typed on after an input was closed by mistake
        paused the meeting, or moved it back, for everyone."""
        presence = self.live.presence
        if presence is None or presence.role != "note-taker":
            return True
        now = self.live.time.monotonic()
        if self._asked is not None and self._asked[0] == key and now - self._asked[1] <= CONFIRM_SECONDS:
            self._asked = None
            return True
        self._asked = (key, now)
        self.notify(
            f"The clock is shared: press {key} again to {what} for everyone.",
            timeout=CONFIRM_SECONDS,
        )
        return False

    def action_toggle_clock(self) -> None:
        what = "pause it" if self.clock.running else "start it" if not self.clock.started else "resume it"
        if not self._second_press("space", what):
            return
        self.live.resume_notice = ""
        self.live.toggle_clock()
        self.clock_changed()

    def action_next_step(self) -> None:
        self.live.resume_notice = ""
        result = self.live.clock_action(lambda clock: clock.request_next())
        if result is NextResult.FINISHED:
            self.notify("All seven steps are done. Press x to check and export the document.")
        self.clock_changed()

    def action_previous_step(self) -> None:
        if not self._second_press("p", "go back a step"):
            return
        self.live.resume_notice = ""
        self.live.clock_action(lambda clock: clock.previous())
        self.clock_changed()

    def action_extend(self, minutes: int) -> None:
        key = "+" if minutes > 0 else "-"
        if not self._second_press(key, f"{'add' if minutes > 0 else 'take'} a minute"):
            return
        self.live.clock_action(lambda clock: clock.extend(minutes))
        self.clock_changed()
