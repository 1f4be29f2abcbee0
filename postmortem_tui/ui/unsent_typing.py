"""Quitting with words typed but not yet added: ask before they are lost.

An entry is saved when Enter adds it, a form when it is saved; ctrl+q quits from anywhere,
so a half-typed timeline entry or an open action form would otherwise go without a word.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label

from ..visible_text import one_line
from .panels.catalog import PANELS
from .panels.list_panel import ListPanel
from .styles_on_demand import StyledOnDemand
from .widgets.key_bar import KeyBar


def unsent_panel(stack: list[Screen]) -> ListPanel | None:
    """The panel whose input holds words not yet added, when no form is open above it."""
    from .forms.form import FormScreen

    for screen in reversed(stack):
        if isinstance(screen, FormScreen):
            return None
        for panel in screen.query(ListPanel):
            if panel.input.value.strip() or panel.waiting:
                return panel
    return None


def unsent_typing(stack: list[Screen]) -> str | None:
    """What is typed and not yet added in ``stack``, said in a line, or None: the open form,
    else every input that holds words (a second one's were lost unnamed when the first
    was the only one said)."""
    from .forms.form import FormScreen

    for screen in reversed(stack):
        if isinstance(screen, FormScreen):
            return f"the open form \u201c{screen.TITLE_TEXT}\u201d is not saved"
        said = []
        for panel in screen.query(ListPanel):
            typed = panel.input.value.strip()  # open, or a draft left when Escape closed it
            if typed or panel.waiting:
                title = dict(PANELS).get((panel.id or "").removeprefix("panel-"), "a panel")
                shown = one_line(typed)  # typed text is data: control characters made visible
                count = len(panel.waiting)
                lines = f"{count} {'more ' if typed else ''}line{'s' if count > 1 else ''} waiting"
                holds = f"holds \u201c{shown}\u201d" + (f" and {lines}" if count else "")
                said.append(f"the {title} input {holds if typed else 'has ' + lines}")
        if said:
            return "; ".join(said) + ", not yet added (Enter adds it)"
    return None


def unsent_words(stack: list[Screen]) -> list[str]:
    """Every word typed and not yet added in ``stack``, a line each, to be kept when nobody
    is there to ask (the terminal closed): each panel's input and waiting lines, each open
    form's fields."""
    from .forms.form import FormScreen

    lines: list[str] = []
    for screen in stack:
        if isinstance(screen, FormScreen):
            labels = {spec.key: spec.label for spec in screen.fields()}
            typed = [
                f"{labels[key]}: {value}"
                for key, value in screen.values().items()
                if isinstance(value, str) and value.strip()
            ]
            if typed:
                lines.append(f"Form \u201c{screen.TITLE_TEXT}\u201d: " + "; ".join(typed))
            continue
        for panel in screen.query(ListPanel):
            title = dict(PANELS).get((panel.id or "").removeprefix("panel-"), "a panel")
            waiting = [line for line, _ in panel.waiting]
            for line in [panel.input.value, *waiting]:
                if line.strip():
                    lines.append(f"{title} input: {line}")
    return lines


class UnsentTypingScreen(StyledOnDemand, ModalScreen[str]):
    """Dismissed with "stay", "quit" (all the same) or "add" (add the words, then quit)."""

    BINDINGS = [Binding("escape", "stay", "Keep typing")]

    def __init__(self, what: str, can_add: bool = False) -> None:
        """``can_add``: the words are in a panel's input (not a form), and can be added."""
        super().__init__()
        self.what = what
        self.can_add = can_add

    def compose(self) -> ComposeResult:
        with Vertical(classes="form small"):
            yield Label("Quit with typing not saved?", classes="form-title")
            yield Label(self.what[0].upper() + self.what[1:] + ".", markup=False, classes="form-message")
            with Horizontal(classes="form-buttons"):
                yield Button("Keep typing", variant="primary", id="stay")
                if self.can_add:
                    yield Button("Add it and quit", id="add")
                yield Button("Quit without it", variant="error", id="quit")
        yield KeyBar()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "stay")

    def action_stay(self) -> None:
        self.dismiss("stay")
