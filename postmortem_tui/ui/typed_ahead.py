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
            if event.key == "enter":  # typed before the input had the focus: its Enter
                event.prevent_default()
                event.stop()
                target.send_line()
                return
        elif self._held is not None and now - self._held[0] <= HOLD_SECONDS:
            held_open, target = True, None
        else:
            self._held = (now, []) if event.key in ENTRY_KEYS else None
            return
        if held_open and event.key == "enter" and self._held is not None:
            character = "\n"  # ends the line held so far, in its place among the keys
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
        opened, or the form's first field); dropped only if there is no field to take them.
        An Enter held among them adds the line before it as an entry, as it would have had
        the input been open (in a form, where Enter is no entry, it is left out)."""
        held, self._held = self._held, None
        if not (held and held[1] and isinstance(field, Input)):
            return
        field.cursor_position = len(field.value)
        *ended, last = "".join(held[1]).split("\n")
        for line in ended:
            field.insert_text_at_cursor(line)
            if isinstance(field, EntryInput):
                field.send_line()
        field.insert_text_at_cursor(last)

    def _pour_held_into_form(self, form: Screen) -> None:
        """Once ``form`` is up and its first field focused (after its first refresh)."""
        if self._held is not None:
            form.call_after_refresh(lambda: self._pour_held(form.focused))
