"""The agenda column: seven steps with their minutes and a mark for where the meeting is."""

from __future__ import annotations

from collections.abc import Sequence
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
    def __init__(self, index: int, line: StepLine | None = None) -> None:
        classes = "agenda-row"
        if line is not None:  # composed as it is shown: no restyle when first shown
            classes += f" -{line.state}" + (" -over" if line.over else "")
        super().__init__(classes=classes)
        self.index = index
        self._shown = line

    def compose(self) -> ComposeResult:
        line = self._shown
        yield Label(f"{MARKS[line.state]} {line.number}" if line else "", classes="mark", markup=False)
        yield Label(line.title if line else "", classes="step-title", markup=False)
        yield Label(line.minutes if line else "", classes="minutes", markup=False)

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

    def __init__(self, lines: Sequence[StepLine] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines = lines
        """The rows as first shown, when known at compose: changing a row's classes once it
        is mounted restyles it, which at launch was 28 style applications."""

    def compose(self) -> ComposeResult:
        for index in range(7):
            yield AgendaRow(index, self._lines[index] if index < len(self._lines) else None)

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
