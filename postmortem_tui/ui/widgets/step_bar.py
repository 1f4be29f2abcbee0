"""How much of the current step's time has gone, as one row drawn in half cells.

Looks like Textual's ``ProgressBar`` without what the clock screens do not use: that one is a
container of three widgets that also wakes every second to recompute an ETA, and repaints
whenever it is given a new value. This one is a single row drawn from a cache, repainted
only when the drawing changes: on a 150-column bar and a five-minute step, once in two
seconds.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

DONE = "\u2501"  # ━
HALF_DONE = "\u2578"  # ╸ the left half of a cell
HALF_LEFT = "\u257a"  # ╺ the right half of a cell


def bar_cells(width: int, fraction: float) -> tuple[int, bool]:
    """Whole cells done and whether a half cell follows, for ``fraction`` of ``width``."""
    halves = round(2 * width * min(max(fraction, 0.0), 1.0))
    return halves // 2, bool(halves % 2)


class StepBar(Widget):
    COMPONENT_CLASSES = {"step-bar--done", "step-bar--full"}
    """``done``: the part of the step gone; ``full``: the whole bar once the time is up."""

    DEFAULT_CSS = """
    StepBar {
        width: 1fr;
        height: 1;
        &> .step-bar--done {
            color: $text-primary;
            background: $panel;
        }
        &> .step-bar--full {
            color: $text-success;
            background: $panel;
        }
    }
    """
    """The background of a part is the colour of the track still to go: ``$panel`` rather
    than Textual's ``$surface``, which is the screen's own black in the high-contrast theme
    and all but invisible in the dark one."""

    fraction: float = 0.0
    _drawn: tuple[tuple, Strip] | None = None

    def show(self, fraction: float) -> None:
        """Show ``fraction`` (0 to 1) of the step gone; repaints only when it looks different."""
        before = self._looks()
        self.fraction = fraction
        if self._looks() != before:
            self.refresh()

    def _looks(self) -> tuple[int, bool, bool]:
        return (*bar_cells(self.size.width, self.fraction), self.fraction >= 1)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn = None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        key = (width, *self._looks())
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        done, half = bar_cells(width, self.fraction)
        part = self.get_component_rich_style("step-bar--full" if key[-1] else "step-bar--done")
        base = self.rich_style
        ink = base + Style.from_color(part.color)
        tail = base + Style.from_color(part.bgcolor)
        # In the ANSI themes the track's colour is the terminal's own text colour, which
        # would draw the time still to go as a bright line: Textual's bar leaves it blank.
        track = part.bgcolor is not None and not part.bgcolor.is_default
        segments = [Segment(DONE * done, ink)]
        if half:
            segments.append(Segment(HALF_DONE, ink))
        rest = width - done - half
        if rest > 0:
            if done and not half:  # Textual's bar: a half cell where the gone part ends
                segments.append(Segment(HALF_LEFT if track else " ", tail))
                rest -= 1
            segments.append(Segment((DONE if track else " ") * rest, tail))
        strip = Strip([segment for segment in segments if segment.text], width)
        self._drawn = (key, strip)
        return strip
