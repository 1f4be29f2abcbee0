"""A screen with the agenda clock: its keys, its repaint tick, and the bell.

Both the meeting screen and the presenter view are clock screens; they differ in what else
they show.
"""

from __future__ import annotations

import math
from collections import deque
from typing import NamedTuple

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

TYPING_GAP = 0.5
"""On a note-taker's terminal, a clock key pressed this soon after another key is taken as
part of words typed on after an input closed, not as a press of the clock's key."""

TYPING_NOTICE = "Typing reached the meeting screen, not an entry: t, w, i, g, a or r opens one."

CLOCK_BINDINGS = [
    Binding("space", "toggle_clock", "Start/Pause", id="toggle"),
    Binding("n", "next_step", "Next", id="next"),
    Binding("p", "previous_step", "Back", id="previous"),
    Binding("plus,equals_sign", "extend(1)", "+1 min", key_display="+", show=False, id="extend"),
    Binding("minus", "extend(-1)", "-1 min", key_display="-", show=False, id="shorten"),
]


class Press(NamedTuple):
    """A key that reached a clock screen, when, and the key just before it."""

    key: str
    t: float
    before: str
    before_t: float


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
        self._keys: deque[Press] = deque(maxlen=64)
        """Keys this screen has seen whose binding has not yet acted (see :meth:`on_key`)."""
        self._last_key: tuple[str, float] = ("", -math.inf)
        self._typing_told = -math.inf
        self.stepped_here = False
        """The step was just moved on this terminal (not by the other one)."""

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

    def on_screen_suspend(self) -> None:
        """A dialog has opened over the screen: its header line takes the step's time now,
        not at the next tick (the title was seen to jump a second later)."""
        self.call_after_refresh(self.tick)

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

    def on_key(self, event: events.Key) -> None:
        """Every key that reaches the screen (not those an input takes). Keys that come in a
        batch all pass here before the first one's binding acts, so each is queued with the
        key before it, for :meth:`_pressed` to find when a clock key's binding acts."""
        now = self.live.time.monotonic()
        self._keys.append(Press(event.key, now, *self._last_key))
        self._last_key = (event.key, now)

    def _pressed(self, names: tuple[str, ...]) -> Press | None:
        """The press of one of the keys ``names`` whose binding is acting now (the keys
        queued before it had none that reads the queue); None from the command palette, and
        for a press older than a second (a key some widget took for itself)."""
        now = self.live.time.monotonic()
        while self._keys:
            press = self._keys.popleft()
            if press.key in names and now - press.t <= 1.0:
                return press
        return None

    def _typed_on(self, press: Press) -> bool:
        """``press`` is one of a run of keys at typing speed (words typed on after an input
        closed by mistake): a key came just before it or just after it. Not the second press
        of a key that asked for one, however quick."""
        if self._is_second(press):
            return False
        if press.t - press.before_t < TYPING_GAP:
            return True
        return any(later.key != press.key and later.t - press.t < TYPING_GAP for later in self._keys)

    def _is_second(self, press: Press) -> bool:
        asked = self._asked
        return (
            asked is not None
            and press.key == asked[0]
            and press.before == asked[0]
            and press.before_t == asked[1]
            and press.t - asked[1] <= CONFIRM_SECONDS
        )

    def _note_taker(self) -> bool:
        presence = self.live.presence
        return presence is not None and presence.role == "note-taker"

    def _typing_notice(self) -> None:
        self._asked = None
        now = self.live.time.monotonic()
        if now - self._typing_told > CONFIRM_SECONDS:
            self._typing_told = now
            self.notify(TYPING_NOTICE, timeout=CONFIRM_SECONDS)

    def _second_press(self, key: str, what: str, names: tuple[str, ...]) -> bool:
        """True if the clock key ``key`` (one of ``names`` as Textual names keys) may act
        now. On a note-taker's terminal (``--role note-taker``) it asks for a second press,
        the very next key, within ``CONFIRM_SECONDS``: the clock is shared, and a space or a
        p typed on after an input was closed by mistake paused the meeting, or moved it
        back, for everyone. A press amid keys at typing speed is not taken at all: the words
        'ok so we ' held two spaces, 'unnoticed' two n's. The palette acts at once."""
        if not self._note_taker():
            return True
        press = self._pressed(names)
        if press is None:
            return True
        if self._typed_on(press):
            self._typing_notice()
            return False
        if self._is_second(press):
            self._asked = None
            return True
        self._asked = (press.key, press.t)
        self.notify(
            f"The clock is shared: press {key} again to {what} for everyone.",
            timeout=CONFIRM_SECONDS,
        )
        return False

    def action_toggle_clock(self) -> None:
        what = "pause it" if self.clock.running else "start it" if not self.clock.started else "resume it"
        if not self._second_press("space", what, ("space",)):
            return
        self.live.resume_notice = ""
        self.live.toggle_clock()
        self.clock_changed()

    def action_next_step(self) -> None:
        if self._note_taker():
            press = self._pressed(("n",))
            if press is not None and self._typed_on(press):
                self._typing_notice()
                return
        self.live.resume_notice = ""
        self.stepped_here = True
        result = self.live.clock_action(lambda clock: clock.request_next())
        if result is NextResult.FINISHED:
            self.notify("All seven steps are done. Press x to check and export the document.")
        self.clock_changed()

    def action_previous_step(self) -> None:
        if not self._second_press("p", "go back a step", ("p",)):
            return
        self.live.resume_notice = ""
        self.stepped_here = True
        self.live.clock_action(lambda clock: clock.previous())
        self.clock_changed()

    def action_extend(self, minutes: int) -> None:
        key = "+" if minutes > 0 else "-"
        names = ("plus", "equals_sign") if minutes > 0 else ("minus",)
        if not self._second_press(key, f"{'add' if minutes > 0 else 'take'} a minute", names):
            return
        self.live.clock_action(lambda clock: clock.extend(minutes))
        self.clock_changed()
