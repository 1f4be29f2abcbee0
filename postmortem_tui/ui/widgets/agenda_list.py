"""The agenda column: seven steps with their minutes and a mark for where the meeting is.

One widget that draws its rows, not a row of three labels per step: those were 28 widgets to
style and lay out at launch, a sixth of the meeting screen, for seven lines of text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ...clock_view import StepLine
from ...visible_text import one_line

MARKS = {"done": "\u2713", "current": "\u25b6", "running": "\u25b6", "upcoming": "\u00b7"}
MARK_WIDTH = 4
MIN_MINUTES_WIDTH = 5
ELLIPSIS = "\u2026"


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, or padded to it."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    cut = text
    while cut and cell_len(cut) > width - 1:
        cut = cut[:-1]
    cut += ELLIPSIS
    return cut + " " * (width - cell_len(cut))


def minutes_width(lines: Sequence[StepLine]) -> int:
    """The minutes column: as wide as its widest entry (``12/10``), five cells at least."""
    return max(MIN_MINUTES_WIDTH, *(cell_len(line.minutes) for line in lines)) if lines else 0


class AgendaList(Widget):
    """The steps, one a row: mark and number, title (cut with an ellipsis), minutes."""

    COMPONENT_CLASSES = {
        "agenda--mark",
        "agenda--title",
        "agenda--minutes",
        "agenda--over",
        "agenda--done-mark",
        "agenda--done-title",
        "agenda--current-mark",
        "agenda--current-title",
        "agenda--current-minutes",
        "agenda--current-over",
        "agenda--running-mark",
    }
    """The parts of a row; ``current-`` ones are in the current step's row. Each has its row's
    background, so that Textual lays its colour over that background as it would for a label
    in the row."""

    DEFAULT_CSS = """
    AgendaList {
        height: auto;
        &> .agenda--mark, &> .agenda--minutes, &> .agenda--done-title { color: $text-muted; }
        &> .agenda--done-mark { color: $text-success; }
        &> .agenda--over { color: $text-error; text-style: bold; }
        &> .agenda--current-mark, &> .agenda--current-title, &> .agenda--current-minutes,
        &> .agenda--current-over, &> .agenda--running-mark {
            background: $primary 25%;
        }
        &> .agenda--current-mark, &> .agenda--current-minutes { color: $text-muted; }
        &> .agenda--current-title { text-style: bold; }
        &> .agenda--current-over { color: $text-error; text-style: bold; }
        &> .agenda--running-mark { color: $text-primary; text-style: bold; }
    }
    """

    class StepChosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, lines: Sequence[StepLine] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: tuple[StepLine, ...] = tuple(lines)
        self._strips: dict[int, Strip] = {}

    @property
    def lines(self) -> tuple[StepLine, ...]:
        return self._lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 7

    def show(self, lines: Sequence[StepLine]) -> None:
        """Show ``lines``; redraws only the rows that changed."""
        lines = tuple(lines)
        if lines == self._lines:
            return
        if minutes_width(lines) != minutes_width(self._lines):  # every row moves
            self._strips.clear()
        for y, line in enumerate(lines):
            if y >= len(self._lines) or self._lines[y] != line:
                self._strips.pop(y, None)
        self._lines = lines
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self) -> None:
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        strip = self._strips.get(y)
        if strip is None:
            strip = self._strips[y] = self._draw(y)
        return strip

    def _draw(self, y: int) -> Strip:
        width = self.size.width
        if y >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[y]
        ink = self.get_component_rich_style
        if line.state == "done":
            mark, title, minutes_part = "done-mark", "done-title", "minutes"
        elif line.state == "upcoming":
            mark, title, minutes_part = "mark", "title", "minutes"
        else:
            mark = "running-mark" if line.state == "running" else "current-mark"
            title, minutes_part = "current-title", "current-minutes"
        if line.over:
            minutes_part = "current-over" if minutes_part.startswith("current") else "over"
        minutes = minutes_width(self._lines)
        title_width = max(0, width - MARK_WIDTH - minutes)
        segments = [
            Segment(fit(f"{MARKS[line.state]} {line.number}", MARK_WIDTH), ink(f"agenda--{mark}")),
            Segment(fit(one_line(line.title), title_width), ink(f"agenda--{title}")),
            Segment(line.minutes.rjust(minutes), ink(f"agenda--{minutes_part}")),
        ]
        return Strip(segments).crop_extend(0, width, self.rich_style)

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= offset.y < len(self._lines):
            self.post_message(self.StepChosen(offset.y))
