"""A form's fields: what each is (:class:`Field`), the widgets that make them, and how
they are laid out, boxed or not, one to a row or side by side."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from textual import events
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

COMPACT_BELOW = 44
"""Terminal rows under which fields and buttons are drawn without their boxes: a field then
takes two rows with its label rather than four, and the whole action form is in view, with
the errors of a refused Save: at 80x24 instead of three of its nine fields, at 100x30 and
120x40 instead of all but the last few (boxed, it needs 44 rows)."""


@dataclass
class Field:
    key: str
    label: str
    make: Callable[[], Widget]
    hint: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    beside: bool = False
    """On the same row as the field before it (short choices: impact, effort, type)."""


class FieldInput(Input):
    """A form's one-line field: lines pasted into it are joined with a space, where Input
    keeps the first line and drops the rest unseen. (A field meant for several lines is a
    TextArea.) Tab moves on in key order (see :meth:`_on_key`).

    Focused, a field of words puts the cursor at the end of them, to go on typing or put
    right with Backspace or clear with ctrl+u (at the start, typed words went in front,
    stuck to them: ' EDITED15:34', 'Priya broke itAdd a pipeline...'), also the field a
    form opens on. A field of one value (a time, a date, a number) ``replace`` selects
    it, so that what is typed replaces it ('+2w' over the suggested deadline gave
    '+2w2026-12-11')."""

    def __init__(
        self,
        value: str = "",
        placeholder: str = "",
        *,
        replace: bool = False,
        suggestions: Sequence[str] = (),
    ) -> None:
        suggester = SuggestFromList(suggestions, case_sensitive=False) if suggestions else None
        super().__init__(value=value, placeholder=placeholder, select_on_focus=replace, suggester=suggester)

    def on_focus(self) -> None:
        if not self.select_on_focus:
            self.cursor_position = len(self.value)


    def _on_key(self, event: events.Key) -> None:
        """Tab moves to the next field then and there, and keys that reach this field
        after the focus has left it go on to the field that has it, in the order typed. As a
        binding, Tab ran only once it had gone up to the screen, and the keys typed after it
        in the same batch (a fast typist, a busy moment) had already been sent here: 'Dev'
        went onto the end of the action's words and the owner stayed empty; a Backspace
        acted on the next field before it had its cursor. (Keys that are not characters or
        a field's editing keys, such as ctrl+s, act on the form whichever field gets them.)"""
        if event.key in ("tab", "shift+tab"):
            event.prevent_default()
            event.stop()
            if event.key == "tab":
                self.screen.focus_next()
            else:
                self.screen.focus_previous()
            return
        focused = self.screen.focused
        if focused is None or focused is self:
            return
        if isinstance(focused, FieldInput) and (event.is_printable or focused.edits(event.key)):
            event.prevent_default()
            event.stop()
            # Queued behind the focus the field has just been given, so it acts on the
            # cursor or selection the focus set up.
            focused.call_later(focused.replay, event.key, event.character)
        elif event.is_printable:
            event.prevent_default()
            event.stop()
            focused.post_message(events.Key(event.key, event.character))

    def edits(self, key: str) -> bool:
        """``key`` is one of Input's own editing or cursor keys (not Enter: it saves)."""
        return key != "enter" and bool(self._bindings.key_to_bindings.get(key))

    async def replay(self, key: str, character: str | None) -> None:
        """Act on a key typed into the field before it had the focus, as typed now."""
        bindings = self._bindings.key_to_bindings.get(key)
        if bindings:
            await self.run_action(bindings[0].action)
        elif character is not None and character.isprintable():
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(character)
            else:
                self.replace(character, *selection)

    def _on_paste(self, event: events.Paste) -> None:
        lines = event.text.splitlines()
        if len(lines) > 1:
            event.text = " ".join(line.strip() for line in lines if line.strip())
        # Input's own handler, which runs next, inserts the text.


class FieldTextArea(TextArea):
    """A form's field of several lines (the summary, the impact, the root-cause statement):
    focused the first time, the cursor goes to the end of the text, as in a one-line field.
    (TextArea keeps it at the start: words typed after Tab went in front of the summary's
    first word, stuck to it.)"""

    _placed = False

    def on_focus(self) -> None:
        if not self._placed:
            self._placed = True
            self.move_cursor(self.document.end)


def field_rows(specs: Iterable[Field]) -> list[list[Field]]:
    rows: list[list[Field]] = []
    for spec in specs:
        if spec.beside and rows:
            rows[-1].append(spec)
        else:
            rows.append([spec])
    return rows


def set_compact(widget: Widget, compact: bool) -> None:
    """Draw ``widget`` without its box (Textual's compact style), if it has one."""
    if hasattr(widget, "compact"):
        widget.compact = compact  # type: ignore[attr-defined]


def field_box(spec: Field, compact: bool) -> Widget:
    """A field with its label above it, its hint, and room below for an error or a hint."""
    widget = spec.make()
    widget.id = f"input-{spec.key}"
    set_compact(widget, compact)
    parts = [
        Label(spec.label, classes="field-label", markup=False),
        widget,
        *([Label(spec.hint, classes="field-hint", markup=False)] if spec.hint else []),
        Label("", classes="field-error", id=f"error-{spec.key}", markup=False),
        Label("", classes="field-live", id=f"live-{spec.key}", markup=False),
    ]
    return Vertical(*parts, classes="form-field", id=f"field-{spec.key}")


def text_input(value: str = "", placeholder: str = "", suggestions: Sequence[str] = ()) -> Callable[[], Widget]:
    """A field of words. Not selected when focused: the first key would replace a title or
    an action's words being edited; the cursor goes to their end. ``suggestions``: words it
    completes as they are typed (the rest shown dim; the right arrow takes it)."""
    return lambda: FieldInput(value, placeholder, suggestions=suggestions)


def value_input(value: str = "", placeholder: str = "") -> Callable[[], Widget]:
    """A field of one value (a time, a date, a number): selected when focused, so that a
    new one typed replaces it."""
    return lambda: FieldInput(value, placeholder, replace=True)


def choice(
    options: Iterable[tuple[str, Any]], value: Any, allow_blank: bool = False, blank: str = "none"
) -> Callable[[], Widget]:
    """A select; ``blank`` is what an empty choice shows (Textual's own says "Select")."""
    options = list(options)
    initial = Select.NULL if value is None else value
    return lambda: Select(options, value=initial, allow_blank=allow_blank, prompt=blank)


def long_text(value: str = "") -> Callable[[], Widget]:
    return lambda: FieldTextArea(value, soft_wrap=True, show_line_numbers=False, classes="long-text")


def format_field_hints(hints: Iterable[Any]) -> str:
    """Hints under a field: what was noticed and a question; soft ones marked as notes."""
    return "\n".join(
        dict.fromkeys(("note: " if hint.soft else "\u2691 ") + f"{hint.message}: {hint.question}" for hint in hints)
    )
