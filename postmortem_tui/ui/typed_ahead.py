"""Keys typed straight on after an entry key, before the input or form it opens is up.

The meeting screen's entry keys (t, w, i, g, a, r) open an input or a form a moment after the
key: the panel may have to be made first. A fast typist's next keys, 't14:20 rollback' in one
go, came before it and went to the meeting's keys (1 and 4 opened panels, r the root-cause
form); the words were lost. They are held, and put into the input or the form's first field
once it is up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from .panels.list_panel import EntryInput

if TYPE_CHECKING:
    from ..live_session import LiveSession

ENTRY_KEYS = frozenset("twigar")
"""The keys that open a panel's input (timeline, went well, improve, lucky) or a form to
add an entry (an action, a root cause)."""

HOLD_SECONDS = 1.5
"""How long keys typed after one of ``ENTRY_KEYS`` wait for its input or form to open."""


class TypedAhead:
    """A meeting-screen mixin: holds the characters typed after an entry key (``on_key``)
    until the key's action pours them into what it opened (``_pour_held``)."""

    live: LiveSession
    _held: tuple[float, list[str]] | None = None
    """Since when, and what, was typed after an entry key before its input had the focus."""

    def on_key(self, event: events.Key) -> None:
        """Characters typed on right after t, w, i, g, a or r go into the input or the form
        that key opens, not to the meeting's keys. The input takes the focus only once its
        panel is ready (made, the first time): 't14:20 rollback' typed in one go went to
        panel 1, then panel 4, then opened the root-cause form (r), and the words were lost.
        Until then they are held; one that reaches this screen after the input or the form
        has the focus (sent to the list before it moved) goes there too."""
        character = event.character if event.is_printable else None
        top = self.app.screen
        now = self.live.time.monotonic()
        if top is not self:  # a form is up: held for it, or typed into its field
            held_open = self._held is not None
            target = top.focused if not held_open and isinstance(top.focused, Input) else None
        elif isinstance(self.focused, EntryInput):  # the input keeps its own characters
            held_open, target = False, self.focused
        elif self._held is not None and now - self._held[0] <= HOLD_SECONDS:
            held_open, target = True, None
        else:
            self._held = (now, []) if event.key in ENTRY_KEYS else None
            return
        if not character or not (held_open or target is not None):
            return
        event.prevent_default()
        event.stop()
        if target is not None:
            target.insert_text_at_cursor(character)
        elif self._held is not None:
            self._held[1].append(character)

    def _pour_held(self, field: Widget | None) -> None:
        """The characters held since an entry key, typed at the end of ``field`` (the input
        opened, or the form's first field); dropped only if there is no field to take them."""
        held, self._held = self._held, None
        if held and held[1] and isinstance(field, Input):
            field.cursor_position = len(field.value)
            field.insert_text_at_cursor("".join(held[1]))

    def _pour_held_into_form(self, form: Screen) -> None:
        """Once ``form`` is up and its first field focused (after its first refresh)."""
        if self._held is not None:
            form.call_after_refresh(lambda: self._pour_held(form.focused))
