"""A modal form: labelled fields, an error under each, Save and Cancel.

Subclasses list their fields and turn the typed values into a result (or field errors);
Escape dismisses with None (after asking, when a field was changed), Save (or ctrl+s, or
Enter in a one-line field) with the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, TextArea

from ...clock_view import clock_view
from ..styles_on_demand import StyledOnDemand
from ..widgets.key_bar import KeyBar
from .fields import (
    COMPACT_BELOW,
    Field,
    field_box,
    field_rows,
    format_field_hints,
    set_compact,
)

T = TypeVar("T")


def _breakpoint(points: Iterable[tuple[int, str]], cells: int) -> str:
    """The class of the last of ``points`` (threshold, class) that ``cells`` reaches."""
    return [name for threshold, name in points if threshold <= cells][-1]


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
        (30, "-medium"),
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
    HINTED: tuple[str, ...] = ()
    """Fields of words checked for blaming wording as they are typed (checks/blameless.py)."""
    participants: Sequence[Any] = ()
    """The people in the meeting (names or participants): the checks read their names as
    people's."""

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
            with Horizontal(classes="form-head"):
                yield Label(self.TITLE_TEXT, classes="form-title", markup=False)
                # The step and its countdown: the meeting's header is dimmed under the form,
                # and a shared screen's room keeps the time in view while an entry is typed.
                yield Label("", classes="form-clock", markup=False)
            # Not focusable: Tab would stop on the box between the last field and the first.
            with VerticalScroll(classes="form-fields", can_focus=False):
                for row in field_rows(self.fields()):
                    boxes = [field_box(spec, compact) for spec in row]
                    yield boxes[0] if len(boxes) == 1 else Horizontal(*boxes, classes="form-row")
            with Horizontal(classes="form-buttons"):
                yield Button("Save", variant="primary", id="save", compact=compact)
                yield Button("Cancel", id="cancel", compact=compact)
                yield Label("", classes="form-problems", markup=False)
                yield Label("ctrl+s save \u00b7 esc cancel", classes="form-keys")
        yield KeyBar()

    def live_hints(self, values: dict[str, Any]) -> dict[str, str]:
        """Gentle hints to show under fields as they are typed (they never block Save)."""
        from ...checks import hints_for_text

        return {
            key: format_field_hints(found)
            for key in self.HINTED
            if (found := hints_for_text(values[key], self.participants))
        }

    def _update_live(self) -> None:
        hints = self.live_hints(self.values())
        for spec in self.fields():
            label = self.query_one(f"#live-{spec.key}", Label)
            # a field refused on Save says why once: its error, not the hint as well
            hint = "" if self.query_one(f"#error-{spec.key}").display else hints.get(spec.key, "")
            label.update(hint)
            label.display = bool(hint)
            # The live hint stands in for the field's fixed one (its format) while it shows:
            # at 80x24 both under Owner and Deadline pushed the last field out of view.
            for fixed in self.query(f"#field-{spec.key} > .field-hint"):
                fixed.display = not hint

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
        if self.query_one(".form-problems").display:  # typing only ever puts errors right
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

    def next_on_enter(self, key: str, values: dict[str, Any]) -> str | None:
        """The field Enter in the one-line field ``key`` goes on to, instead of saving."""
        return None

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        key = (event.input.id or "").removeprefix("input-")
        following = self.next_on_enter(key, self.values())
        if following is not None:
            self.query_one(f"#input-{following}").focus()
            return
        self.action_save()

    def on_resize(self, event: events.Resize) -> None:
        compact = event.size.height < COMPACT_BELOW
        for widget in self.query("Input, Select, TextArea, SelectionList, Button"):
            set_compact(widget, compact)

    def _show_clock(self) -> None:
        live = getattr(self.app, "live", None)
        clock = self.query_one(".form-clock", Label)
        if live is None or not live.clock.started:
            clock.display = False
            return
        view = clock_view(live.session, live.clock, live.clock.now(), "", "")
        clock.update(f"{view.step_index + 1}/{len(live.session.agenda.steps)} {view.countdown}")
        look = "-paused" if view.paused else {"warning": "-warning", "over": "-over"}.get(view.phase, "")
        for name in ("-paused", "-warning", "-over"):
            clock.set_class(name == look, name)
        clock.display = True

    def on_mount(self) -> None:
        self._show_clock()
        self.set_interval(1, self._show_clock)
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
        self.set_focus(widget, scroll_visible=False)
