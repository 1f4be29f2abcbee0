"""The side panels' tab bar: the titles on one line, the current one underlined on the next.

Textual's TabbedContent made twenty widgets for it (a tab per title, an underline, the
scrolling containers, a pane per panel), styled each, and placed the underline only once the
first frame had been laid out, so launch waited a frame more: about 60 ms of the launch
(benchmarks/bench_launch.py). This widget draws both lines itself from its own width. When
the titles do not all fit (80 columns), it shows whole titles around the current one, with
``‹`` and ``›`` where there are more; Textual's bar scrolled to cut titles in half.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.segment import Segment
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

MORE_LEFT = "‹"
MORE_RIGHT = "›"


class Placed(NamedTuple):
    index: int
    start: int
    """Column of the title's first cell (its padding included)."""
    end: int
    """Column after its last cell."""
    title_start: int
    title_end: int
    underlined: tuple[int, int]
    """Columns the underline takes when the title is current: with its padding, where the
    titles have padding on both sides (as Textual's tabs)."""


class TabLayout(NamedTuple):
    placed: tuple[Placed, ...]
    more_left: int | None
    """Column of ``‹``, if titles are hidden on the left."""
    more_right: int | None


def lay_out(titles: Sequence[str], active: int, width: int) -> TabLayout:
    """Where each shown title goes in ``width`` columns: with a column of padding on each
    side where all fit so, one column before each where that fits, else the titles around
    ``active`` that fit between the ``‹`` and ``›`` marks (never part of one)."""
    for pad_left, pad_right in ((1, 1), (1, 0)):
        cells = [pad_left + len(title) + pad_right for title in titles]
        if sum(cells) <= width:
            return TabLayout(_place(titles, range(len(titles)), pad_left, pad_right, 0), None, None)
    cells = [1 + len(title) for title in titles]
    first = last = active
    used = cells[active]

    def room(first: int, last: int) -> int:
        marks = (first > 0) + (last < len(titles) - 1)
        return width - marks - 1  # a column before the › mark

    # Grow the window one title at a time, to the right then the left, while it fits.
    grew = True
    while grew:
        grew = False
        if last + 1 < len(titles) and used + cells[last + 1] <= room(first, last + 1):
            last += 1
            used += cells[last]
            grew = True
        if first > 0 and used + cells[first - 1] <= room(first - 1, last):
            first -= 1
            used += cells[first]
            grew = True
    offset = 1 if first > 0 else 0
    placed = _place(titles, range(first, last + 1), 1, 0, offset)
    more_right = width - 1 if last < len(titles) - 1 else None
    return TabLayout(placed, 0 if first > 0 else None, more_right)


def _place(
    titles: Sequence[str], indices: range, pad_left: int, pad_right: int, x: int
) -> tuple[Placed, ...]:
    placed = []
    for index in indices:
        start = x
        title_start = start + pad_left
        title_end = title_start + len(titles[index])
        x = title_end + pad_right
        underlined = (start, x) if pad_right else (title_start, title_end)
        placed.append(Placed(index, start, x, title_start, title_end, underlined))
    return tuple(placed)


class PanelTabs(Widget, can_focus=False):
    """The titles of the panels; the current one is underlined. A click on a title posts
    :class:`PanelTabs.Chosen` (the screen brings that panel forward, as its number key does);
    on ``‹`` or ``›``, the title just beyond the mark."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "panel-tabs--title",
        "panel-tabs--active",
        "panel-tabs--hover",
        "panel-tabs--bar",
        "panel-tabs--underline",
    }

    DEFAULT_CSS = """
    PanelTabs {
        height: 2;
        width: 1fr;
        pointer: pointer;
        &> .panel-tabs--title { color: $foreground 60%; }
        &> .panel-tabs--active { color: $foreground; text-style: bold; }
        &> .panel-tabs--hover { color: $foreground; }
        &> .panel-tabs--bar { color: $foreground 10%; }
        &> .panel-tabs--underline { color: $block-cursor-background; }
        &:ansi {
            &> .panel-tabs--title { text-style: dim; }
            &> .panel-tabs--bar { color: $border-blurred; }
        }
    }
    """

    active: reactive[str] = reactive("")
    """The id of the panel in front."""
    hovered: reactive[int | None] = reactive(None)
    """The title under the mouse pointer, by its place in the bar."""

    class Chosen(Message):
        """A title was clicked."""

        def __init__(self, panel: str) -> None:
            super().__init__()
            self.panel = panel

    def __init__(
        self,
        panels: Sequence[tuple[str, str]],
        active: str,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """``panels``: (id, title) of each panel, in the bar's order."""
        super().__init__(id=id, classes=classes)
        self._ids = [panel for panel, _ in panels]
        self._titles = [title for _, title in panels]
        self.set_reactive(PanelTabs.active, active)
        self._layout_key: tuple[int, str] | None = None
        self._layout = TabLayout((), None, None)

    @property
    def layout_now(self) -> TabLayout:
        """Where the titles are drawn at the bar's present width."""
        width = self.size.width
        key = (width, self.active)
        if key != self._layout_key:
            self._layout = lay_out(self._titles, self._ids.index(self.active), width)
            self._layout_key = key
        return self._layout

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y > 1 or not width:
            return Strip.blank(width, self.rich_style)
        base = self.rich_style
        layout = self.layout_now
        active = self._ids.index(self.active)
        if y == 1:
            return self._underline(layout, active, width)
        title_style = self.get_component_rich_style("panel-tabs--title")
        segments: list[Segment] = []
        x = 0
        for place in layout.placed:
            style = title_style
            if place.index == active:
                style = self.get_component_rich_style("panel-tabs--active")
            elif place.index == self.hovered:
                style = self.get_component_rich_style("panel-tabs--hover")
            if place.title_start > x:
                segments.append(Segment(" " * (place.title_start - x), base))
            segments.append(Segment(self._titles[place.index], style))
            x = place.title_end
        line = Strip(segments).extend_cell_length(width, base)
        marks = [(layout.more_left, MORE_LEFT), (layout.more_right, MORE_RIGHT)]
        for column, mark in marks:
            if column is not None:
                line = _overwrite(line, column, Segment(mark, title_style), width)
        return line.crop(0, width)

    def _underline(self, layout: TabLayout, active: int, width: int) -> Strip:
        bar = self.get_component_rich_style("panel-tabs--bar")
        underline = self.get_component_rich_style("panel-tabs--underline")
        span = next((p for p in layout.placed if p.index == active), None)
        start, end = span.underlined if span is not None else (0, 0)
        parts = [(start, bar), (end - start, underline), (width - end, bar)]
        return Strip([Segment("━" * cells, style) for cells, style in parts if cells > 0], width)

    def watch_active(self) -> None:
        self.refresh()

    def watch_hovered(self) -> None:
        self.refresh()

    def _index_at(self, x: int) -> int | None:
        layout = self.layout_now
        for place in layout.placed:
            if place.start <= x < place.end:
                return place.index
        if layout.more_left is not None and x == layout.more_left and layout.placed:
            return layout.placed[0].index - 1
        if layout.more_right is not None and x == layout.more_right and layout.placed:
            return layout.placed[-1].index + 1
        return None

    def panel_at(self, x: int) -> str | None:
        """The panel whose title (or the mark beyond which it is) is at column ``x``."""
        index = self._index_at(x)
        return None if index is None else self._ids[index]

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._index_at(event.x) if event.y == 0 else None
        if index != self.hovered:
            self.hovered = index
            self.tooltip = None if index is None else f"{self._titles[index]}: key {index + 1}"

    def on_leave(self) -> None:
        self.hovered = None

    def on_click(self, event: events.Click) -> None:
        panel = self.panel_at(event.x)
        if panel is not None:
            self.post_message(self.Chosen(panel))


def _overwrite(line: Strip, column: int, segment: Segment, width: int) -> Strip:
    """``line`` with ``segment`` drawn at ``column`` over what was there."""
    left = line.crop(0, column)
    right = line.crop(column + segment.cell_length, width)
    return Strip([*left, segment, *right])
