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

ENTRY_KEYS = frozenset("twigarP")
"""The keys that open a panel's input (timeline, went well, improve, lucky) or a form to
add an entry (an action, a root cause, a participant)."""

HOLD_SECONDS = 1.5
"""How long keys typed after one of ``ENTRY_KEYS`` wait for its input or form to open."""


class TypedAhead:
    """A meeting-screen mixin: holds the keys typed after an entry key (:meth:`hold`, which
    the app asks before it hands any key on) until the key's action replays them, in
    order, into what it opened (:meth:`_pour_held`, :meth:`_pour_held_into_form`)."""

    live: LiveSession
    _held: tuple[float, list[tuple[str, str | None]]] | None = None
    """Since when, and what (each key and its character), was typed after an entry key
    before its input or form was ready for it."""

    def hold(self, event: events.Key) -> bool:
        """True if ``event`` is held, to be replayed once the input or form is ready.

        Keys typed on right after t, w, i, g, a, r or P belong to the input or the form that
        key opens, not to the meeting's keys: 't14:20 rollback' typed in one go went to
        panel 1, then panel 4, then opened the root-cause form (r). They are held at the
        app, before anything acts on them, every key in its order: held on the way, a Tab
        or an Enter overtook the words (a burst of 'a', words, Tab and a name put the name
        before the words, and an Enter left an added line in the input)."""
        now = self.live.time.monotonic()
        if self._held is None:
            if (
                event.key in ENTRY_KEYS
                and self.app.screen is self
                and not isinstance(self.focused, Input)
            ):
                self._held = (now, [])  # and the key goes on, to open the input or form
            return False
        since, keys = self._held
        keys.append((event.key, event.character if event.is_printable else None))
        if now - since > HOLD_SECONDS:  # nothing opened to take them: let them all go on
            self._held = None
            for key, character in keys:
                self.app.post_message(events.Key(key, character))
        return True

    def _pour_held(self, field: Widget | None) -> None:
        """The keys held since an entry key, typed into ``field`` (the input opened): its
        characters at the end, each Enter adding the line before it as an entry (as it would
        have had the input been open), Backspace taking one back; other keys are dropped, as
        is everything if there is no field to take it."""
        held, self._held = self._held, None
        if not (held and held[1] and isinstance(field, Input)):
            return
        field.cursor_position = len(field.value)
        for key, character in held[1]:
            if key == "enter" and isinstance(field, EntryInput):
                field.send_line()
            elif key == "backspace":
                field.action_delete_left()
            elif character:
                field.insert_text_at_cursor(character)

    def _pour_held_into_form(self, form: Screen) -> None:
        """Once ``form`` is up and its first field focused (after its first refresh), the
        keys held since the entry key act on it in order, those still coming too."""
        if self._held is not None:
            form.call_after_refresh(self._replay_into, form)

    async def _replay_into(self, form: Screen) -> None:
        while self._held is not None and self._held[1]:
            key, character = self._held[1].pop(0)
            await replay_key(form, key, character)
        self._held = None


async def replay_key(form: Screen, key: str, character: str | None) -> None:
    """A key typed into ``form`` before it was up, acting as it would have: characters and
    editing keys on the focused field, Tab and shift+Tab between fields, Enter on to the
    field the form says (never saving it: typing ahead does not send a form), Escape and
    the form's other keys as its bindings."""
    from .forms.fields import FieldInput
    from .forms.form import FormScreen

    focused = form.focused
    if key == "tab":
        form.focus_next()
    elif key == "shift+tab":
        form.focus_previous()
    elif key == "enter":
        if isinstance(form, FormScreen) and isinstance(focused, Input) and focused.id:
            following = form.next_on_enter(focused.id.removeprefix("input-"), form.values())
            if following is not None:
                form.set_focus(form.query_one(f"#input-{following}"))
    elif isinstance(focused, FieldInput) and (character or focused.edits(key)):
        # Queued behind the focus the field has just been given (after a Tab), so that it
        # acts on the selection the focus makes: '+10d' replaces the suggested deadline.
        focused.call_later(focused.replay, key, character)
    else:
        form.app.post_message(events.Key(key, character))
