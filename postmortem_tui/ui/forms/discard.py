"""Asked when Escape would close a form whose fields were changed: words typed in a form are
notes too, and one key should not throw them away."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from ..styles_on_demand import StyledOnDemand
from ..widgets.key_bar import KeyBar


class DiscardChangesScreen(StyledOnDemand, ModalScreen[bool]):
    """Dismissed with True to discard the form's changes, False to go back to it."""

    BINDINGS = [
        Binding("escape", "keep", "Keep editing"),
        # Not a letter: someone who pressed Escape by mistake goes on typing, and a "d" in
        # their next word threw the form away.
        Binding("ctrl+d", "discard", "Discard"),
    ]

    def __init__(self, form_title: str) -> None:
        super().__init__()
        self.form_title = form_title

    def compose(self) -> ComposeResult:
        with Vertical(classes="form small"):
            yield Label("Discard what you typed?", classes="form-title")
            yield Label(
                f"\u201c{self.form_title}\u201d has changes that are not saved.",
                markup=False,
                classes="form-message",
            )
            with Horizontal(classes="form-buttons"):
                yield Button("Keep editing", variant="primary", id="keep")
                yield Button("Discard", variant="error", id="discard")
                yield Label("esc keep \u00b7 ^d discard", classes="form-keys")
        yield KeyBar()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "discard")

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_discard(self) -> None:
        self.dismiss(True)
