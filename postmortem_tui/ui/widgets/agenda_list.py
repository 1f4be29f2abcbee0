"""The agenda column: seven steps with their minutes and a mark for where the meeting is."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Click
from textual.message import Message
from textual.widgets import Label

from ...clock_view import StepLine

MARKS = {"done": "\u2713", "current": "\u25b6", "running": "\u25b6", "upcoming": "\u00b7"}


class AgendaRow(Horizontal):
    def __init__(self, index: int) -> None:
        super().__init__(classes="agenda-row")
        self.index = index
        self._shown: StepLine | None = None

    def compose(self) -> ComposeResult:
        yield Label("", classes="mark", markup=False)
        yield Label("", classes="step-title", markup=False)
        yield Label("", classes="minutes", markup=False)

    def show(self, line: StepLine) -> None:
        if line == self._shown:
            return
        self._shown = line
        self.query_one(".mark", Label).update(f"{MARKS[line.state]} {line.number}")
        self.query_one(".step-title", Label).update(line.title)
        self.query_one(".minutes", Label).update(line.minutes)
        for state in MARKS:
            self.set_class(line.state == state, f"-{state}")
        self.set_class(line.over, "-over")


class AgendaList(Vertical):
    @dataclass
    class StepChosen(Message):
        index: int

    def compose(self) -> ComposeResult:
        for index in range(7):
            yield AgendaRow(index)

    def show(self, lines: list[StepLine]) -> None:
        # Its children, not query(): that walks every label below on each 0.25 s tick.
        for row, line in zip(self.query_children(AgendaRow), lines):
            row.show(line)

    @on(Click)
    def _clicked(self, event: Click) -> None:
        widget = event.widget
        while widget is not None and not isinstance(widget, AgendaRow):
            widget = widget.parent  # type: ignore[assignment]
        if isinstance(widget, AgendaRow):
            self.post_message(self.StepChosen(widget.index))
