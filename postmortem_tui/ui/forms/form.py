"""A modal form: labelled fields, an error under each, Save and Cancel.

Subclasses list their fields and turn the typed values into a result (or field errors);
Escape dismisses with None (after asking, when a field was changed), Save (or ctrl+s, or
Enter in a one-line field) with the result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, TextArea

from ..styles_on_demand import StyledOnDemand

T = TypeVar("T")

COMPACT_BELOW = 30
"""Terminal rows under which fields and buttons are drawn without their boxes: a field then
takes two rows with its label rather than four, and at 80x24 the whole action form is in
view, with the errors of a refused Save, instead of three of its nine fields."""


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

    Tabbed into, a field of words puts the cursor at the end of them, to go on typing or
    put right with Backspace (at the start, typed words went in front: ' EDITED15:34'); the
    field a form opens on shows its words from their start. A field of one value (a time,
    a date, a number) ``replace`` selects it, so that what is typed replaces it ('+2w'
    over the suggested deadline gave '+2w2026-12-11')."""

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
        self.show_start = False
        """Set by the form for the field it opens on: its first focus keeps the start."""

    def on_focus(self) -> None:
        if self.show_start:
            self.show_start = False
        elif not self.select_on_focus:
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


def _rows(specs: Iterable[Field]) -> list[list[Field]]:
    rows: list[list[Field]] = []
    for spec in specs:
        if spec.beside and rows:
            rows[-1].append(spec)
        else:
            rows.append([spec])
    return rows


def _breakpoint(points: Iterable[tuple[int, str]], cells: int) -> str:
    """The class of the last of ``points`` (threshold, class) that ``cells`` reaches."""
    return [name for threshold, name in points if threshold <= cells][-1]


def _field_box(spec: Field, compact: bool) -> Widget:
    """A field with its label above it, its hint, and room below for an error or a hint."""
    widget = spec.make()
    widget.id = f"input-{spec.key}"
    if hasattr(widget, "compact"):
        widget.compact = compact  # type: ignore[attr-defined]
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
    return lambda: TextArea(value, soft_wrap=True, show_line_numbers=False, classes="long-text")


class FormError(Exception):
    """Raised by :meth:`FormScreen.build` with the errors to show, by field key."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


class FormScreen(StyledOnDemand, ModalScreen[T | None], Generic[T]):
    TITLE_TEXT = "Form"
    VERTICAL_BREAKPOINTS = [
        (0, "-tiny"),
        (24, "-short"),
        (COMPACT_BELOW, "-medium"),
        (36, "-roomy"),
        (44, "-roomier"),
        (50, "-tall"),
    ]
    """How many rows the fields may take before they scroll (forms.tcss), so that Save and
    Cancel stay in view on a short terminal."""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    """Narrow: the form takes the width, so a one-line field shows more of its words."""
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]
    AUTO_FOCUS = ""
    """The first field is focused on mount (see ``on_mount``), or ``start_field``."""
    start_field: str | None = None
    """The key of the field to focus first, when not the first one."""
    _opened_with: dict[str, Any] | None = None
    """The values as the form opened: Escape asks before throwing away anything else."""

    def fields(self) -> list[Field]:
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> T:
        """The result from the values typed; raise :class:`FormError` to refuse."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        # Fitted to the terminal before the first frame: Textual sets the size classes on
        # the first resize, after it, and the form was drawn once at the wrong size.
        width, height = self.app.size
        self.add_class(_breakpoint(self.VERTICAL_BREAKPOINTS, height))
        self.add_class(_breakpoint(self.HORIZONTAL_BREAKPOINTS, width))
        compact = height < COMPACT_BELOW
        with Vertical(classes="form"):
            yield Label(self.TITLE_TEXT, classes="form-title", markup=False)
            # Not focusable: Tab would stop on the box between the last field and the first.
            with VerticalScroll(classes="form-fields", can_focus=False):
                for row in _rows(self.fields()):
                    boxes = [_field_box(spec, compact) for spec in row]
                    yield boxes[0] if len(boxes) == 1 else Horizontal(*boxes, classes="form-row")
            with Horizontal(classes="form-buttons"):
                yield Button("Save", variant="primary", id="save", compact=compact)
                yield Button("Cancel", id="cancel", compact=compact)
                yield Label("", classes="form-problems", markup=False)
                yield Label("ctrl+s save \u00b7 esc cancel", classes="form-keys")

    def live_hints(self, values: dict[str, Any]) -> dict[str, str]:
        """Gentle hints to show under fields as they are typed (they never block Save)."""
        return {}

    def _update_live(self) -> None:
        hints = self.live_hints(self.values())
        for spec in self.fields():
            label = self.query_one(f"#live-{spec.key}", Label)
            # a field refused on Save says why once: its error, not the hint as well
            hint = "" if self.query_one(f"#error-{spec.key}").display else hints.get(spec.key, "")
            label.update(hint)
            label.display = bool(hint)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    def _typed(self, event: Input.Changed | TextArea.Changed | Select.Changed | SelectionList.SelectedChanged) -> None:
        event.stop()
        if not self.is_mounted:
            return
        key = (event.control.id or "").removeprefix("input-")
        errors = self.query(f"#error-{key}")
        if errors:
            errors.first().display = False  # being corrected: the live hint takes over
        self._clear_answered_errors()
        self._update_live()
        self._show_problems()

    def _clear_answered_errors(self) -> None:
        """Hide the errors the values now answer, also under other fields: typing a
        "because" answers "type the why, the because, or both" under the why. An error still
        shown says the reason as it stands; errors under other fields wait for Save."""
        shown = [label for label in self.query(".field-error").results(Label) if label.display]
        if not shown:
            return
        try:
            self.build(self.values())
            still: dict[str, str] = {}
        except FormError as error:
            still = error.errors
        for label in shown:
            key = (label.id or "").removeprefix("error-")
            if key in still:
                label.update(still[key])  # the reason as it stands now (another mode, say)
            else:
                label.display = False

    def _show_problems(self) -> None:
        """Beside Save, the fields still refused: the first is focused and in view, but the
        others may be out of it, below the fold of a short terminal."""
        names = [
            spec.label.split(" (")[0]
            for spec in self.fields()
            if self.query_one(f"#error-{spec.key}").display
        ]
        label = self.query_one(".form-problems", Label)
        label.update(f"to put right: {', '.join(names)}" if names else "")
        label.display = bool(names)
        self.query_one(".form-keys").display = not names

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for spec in self.fields():
            widget = self.query_one(f"#input-{spec.key}")
            if isinstance(widget, Input):
                found[spec.key] = widget.value
            elif isinstance(widget, TextArea):
                found[spec.key] = widget.text
            elif isinstance(widget, Select):
                found[spec.key] = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, SelectionList):
                found[spec.key] = list(widget.selected)
        return found

    def show_errors(self, errors: dict[str, str]) -> None:
        for spec in self.fields():
            label = self.query_one(f"#error-{spec.key}", Label)
            label.update(errors.get(spec.key, ""))
            label.display = spec.key in errors
        self._update_live()
        self._show_problems()
        first = next((spec.key for spec in self.fields() if spec.key in errors), None)
        if first:
            self.query_one(f"#input-{first}").focus()

    def action_save(self) -> None:
        try:
            result = self.build(self.values())
        except FormError as error:
            self.show_errors(error.errors)
            return
        self.dismiss(result)

    def kept(self, values: dict[str, Any]) -> dict[str, Any]:
        """What Escape would throw away of ``values``: by default all of them."""
        return values

    def action_cancel(self) -> None:
        opened = self._opened_with
        if opened is None or self.kept(self.values()) == self.kept(opened):
            self.dismiss(None)
            return
        from .discard import DiscardChangesScreen

        def chosen(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(DiscardChangesScreen(self.TITLE_TEXT), chosen)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_resize(self, event: events.Resize) -> None:
        compact = event.size.height < COMPACT_BELOW
        for widget in self.query("Input, Select, TextArea, SelectionList, Button"):
            if hasattr(widget, "compact"):
                widget.compact = compact  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        for label in self.query(".field-error"):
            label.display = False
        self.query_one(".form-problems").display = False
        for box in self.query(Input):
            box.cursor_position = 0  # a long value from its start, not cut mid-word at its end
        self._update_live()
        if self.start_field is not None:
            field_box = self.query_one(f"#field-{self.start_field}")
            self._open_on(self.query_one(f"#input-{self.start_field}"))
            self.call_after_refresh(field_box.scroll_visible, animate=False, top=True)
        elif self.focused is None:
            # Focused here, without the scroll Textual's own first focus makes: that one
            # scrolled the first field's label just out of view.
            first = next((widget for widget in self.query(".form-fields *") if widget.focusable), None)
            if first is not None:
                self._open_on(first)
        self._opened_with = self.values()

    def _open_on(self, widget: Widget) -> None:
        if isinstance(widget, FieldInput):
            widget.show_start = True
        self.set_focus(widget, scroll_visible=False)


def format_field_hints(hints: Iterable[Any]) -> str:
    """Hints under a field: what was noticed and a question; soft ones marked as notes."""
    return "\n".join(
        dict.fromkeys(("note: " if hint.soft else "\u2691 ") + f"{hint.message}: {hint.question}" for hint in hints)
    )
