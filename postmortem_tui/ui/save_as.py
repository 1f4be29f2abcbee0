"""When the session's file cannot be written: save it elsewhere, or decide at quit."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from .styles_on_demand import StyledOnDemand
from .widgets.key_bar import KeyBar


class SaveAsScreen(StyledOnDemand, ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: Path, others: tuple[str, ...] = ()) -> None:
        """``others``: who else has the session open (name and role), told that they stay
        on the old file."""
        super().__init__()
        self.current = current
        self.others = others

    def suggestion(self) -> Path:
        """Beside the session while its folder takes writes; else the home folder."""
        folder = self.current.parent
        if folder.is_dir() and os.access(folder, os.W_OK):
            return folder / f"{self.current.stem}-copy{self.current.suffix}"
        return Path.home() / self.current.name

    def compose(self) -> ComposeResult:
        suggestion = self.suggestion()
        with Vertical(classes="form small"):
            yield Label("Save the session to another file", classes="form-title")
            yield Input(str(suggestion), id="path")
            yield Label("", id="path-error", classes="field-error", markup=False)
            if self.others:
                yield Label(
                    f"{', '.join(self.others)} will stay on {self.current.name}: this terminal "
                    "alone moves to the new file. Tell them to open it.",
                    classes="form-message",
                    markup=False,
                )
            with Horizontal(classes="form-buttons"):
                yield Button("Save here", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
        yield KeyBar()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        problem = ""
        if not path.name or path.suffix != ".toml":
            problem = "a file name ending in .toml"
        elif path.exists():
            problem = f"{path} already exists; choose a new name"
        elif not path.parent.is_dir():
            problem = f"the folder {path.parent} does not exist"
        if problem:
            self.query_one("#path-error", Label).update(problem)
            return
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class CannotSaveScreen(StyledOnDemand, ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "stay", "Keep working")]

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="form small"):
            yield Label("The session cannot be saved", classes="form-title")
            yield Label(self.error, markup=False, classes="field-error")
            yield Label("Everything is still here in memory. What now?", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Button("Save elsewhere", variant="primary", id="save-as")
                yield Button("Keep working", id="stay")
                yield Button("Quit and lose changes", variant="error", id="quit")
        yield KeyBar()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "stay" else event.button.id)

    def action_stay(self) -> None:
        self.dismiss(None)
