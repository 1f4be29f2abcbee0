"""Every key, from the bundled help text."""

from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from .styles_on_demand import StyledOnDemand
from .widgets.key_bar import KeyBar


class HelpScreen(StyledOnDemand, ModalScreen[None]):
    STYLE_FILE = "help.tcss"
    AUTO_FOCUS = "#help"
    """The scrolling box, so that the arrows, Page Up/Down, Home and End move through it."""
    BINDINGS = [
        Binding("escape,q,f1,question_mark", "dismiss_help", "Close"),
    ]

    def compose(self) -> ComposeResult:
        text = files("postmortem_tui.ui").joinpath("help.md").read_text(encoding="utf-8")
        with VerticalScroll(id="help"):
            yield Markdown(text)
        yield KeyBar()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
