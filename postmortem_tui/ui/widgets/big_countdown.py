"""A countdown that grows with the room it is given, for reading across a video call.

Digits are drawn from a 3x5 pixel font with half-block characters (two pixel rows per text
row), scaled by a whole factor: at scale 1 it is three rows tall like Textual's ``Digits``;
on a large shared screen it fills the space it is given.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.renderables.digits import Digits as DigitsRenderable
from textual.strip import Strip
from textual.widget import Widget

FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("...", "...", "...", "...", "..."),
}
FONT_ROWS = 5
WIDEST = "+88:88"


def pixel_width(text: str) -> int:
    """Width in font pixels: each glyph plus one pixel of space between glyphs."""
    widths = [len(FONT.get(char, FONT[" "])[0]) for char in text]
    return sum(widths) + max(len(widths) - 1, 0)


def text_rows(scale: int) -> int:
    return -(-FONT_ROWS * scale // 2)


HALF_BLOCKS = {("#", "#"): "\u2588", ("#", "."): "\u2580", (".", "#"): "\u2584"}


@lru_cache(maxsize=64)
def render_glyph(char: str, scale: int) -> tuple[str, ...]:
    """One character drawn at ``scale`` with half blocks, one string per text row."""
    pixels: list[str] = []
    for row in FONT.get(char, FONT[" "]):
        pixels += ["".join(pixel * scale for pixel in row)] * scale
    if len(pixels) % 2:
        pixels.append("." * len(pixels[0]))
    return tuple(
        "".join(HALF_BLOCKS.get(pair, " ") for pair in zip(top, bottom))
        for top, bottom in zip(pixels[::2], pixels[1::2])
    )


def render_big(text: str, scale: int) -> list[str]:
    """The lines of ``text`` drawn at ``scale`` (1 or more) with half blocks."""
    glyphs = [render_glyph(char, scale) for char in text]
    gap = " " * scale  # one font pixel between glyphs
    return [gap.join(glyph[row] for glyph in glyphs) for row in range(text_rows(scale))]


def changed_box(old: list[str], new: list[str]) -> Region | None:
    """The smallest region where two drawings of the same size differ, or None."""
    rows = [y for y, (before, after) in enumerate(zip(old, new)) if before != after]
    if not rows:
        return None
    start, end = len(new[0]), 0
    for y in rows:
        before, after = old[y], new[y]
        start = min(start, next(x for x, (a, b) in enumerate(zip(before, after)) if a != b))
        end = max(end, len(after) - next(x for x, (a, b) in enumerate(zip(before[::-1], after[::-1])) if a != b))
    return Region(start, rows[0], end - start, rows[-1] - rows[0] + 1)


class BigCountdown(Widget):
    """Shows ``value`` (``12:34`` or ``+01:32``) as large as its width and ``max_scale`` allow.

    Drawn line by line from a cache, and when the value changes only the columns whose
    drawing changed are repainted: as the clock runs that is mostly the last digit, so a
    second costs a sliver of the screen, not the whole countdown (on a 200x60 presenter
    view, most of what an idle instance spends).
    """

    DEFAULT_CSS = """
    BigCountdown {
        width: 1fr;
        height: auto;
    }
    """

    value: reactive[str] = reactive("00:00", repaint=False)
    """Repaints what changed; lays out only when the length changes (see :meth:`watch_value`)."""
    max_scale: reactive[int] = reactive(1, layout=True)
    """The largest scale to use; the presenter view sets it high and lets the size decide."""
    fill: reactive[bool] = reactive(False, layout=True)
    """When True the scale also fits the widget's height (for a ``height: 1fr`` countdown)."""

    _style: Style | None = None
    _drawn: tuple[tuple, tuple[list[str], list[Strip]]] | None = None
    """The last drawing and what it was drawn for: as the clock runs, the one in use."""

    def scale_for(self, width: int, height: int | None = None) -> int:
        # Size the glyphs for the widest value a countdown shows, so the digits do not jump
        # in size as the time changes, nor shrink when the step runs over (+01:32).
        scale = max(1, min(self.max_scale, width // pixel_width(WIDEST)))
        if height is not None:
            while scale > 1 and text_rows(scale) > height:
                scale -= 1
        return scale

    def watch_value(self, old: str, new: str) -> None:
        # The height depends on the value's length only (see scale_for): 03:12 after 03:13
        # is a repaint of the last digit, not a layout of the whole screen every second.
        if len(old) != len(new):
            self.refresh(layout=True)
            return
        before = self.lines(old)
        if not before:  # not laid out yet
            self.refresh()
            return
        box = changed_box(before, self.lines(new))
        if box is not None:
            self.refresh(box)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.fill:
            return container.height
        return text_rows(self.scale_for(width))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style = None

    def lines(self, value: str) -> list[str]:
        """``value`` drawn on the whole content area, one string per row (the last kept)."""
        return self._drawing(value)[0]

    def _drawing(self, value: str) -> tuple[list[str], list[Strip]]:
        """The drawing of ``value`` for the current size and style; Textual asks for it row
        by row, so the last one is kept."""
        width, height = self.content_region.size
        if self._style is None:  # Textual works it out from every ancestor at each call
            self._style = self.rich_style
        style = self._style
        key = (value, width, height, self.max_scale, self.fill, style)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        scale = self.scale_for(width, height)
        if scale == 1:  # Textual's own three-row digits read better at this size
            digits = DigitsRenderable(value, Style(bold=style.bold))  # they have a bold face
            drawn = ["".join(s.text for s in line) for line in self.app.console.render_lines(digits, pad=False)]
        else:
            drawn = render_big(value, scale)
        pad = max(0, (height - len(drawn)) // 2) if self.fill else 0
        rows = [""] * pad + drawn
        rows = [row.center(width)[:width] if row else " " * width for row in rows[:height]]
        rows += [" " * width] * (height - len(rows))
        strips = [Strip([Segment(row, style)], cell_len(row)) for row in rows]
        self._drawn = (key, (rows, strips))
        return rows, strips

    def render_line(self, y: int) -> Strip:
        strips = self._drawing(self.value)[1]
        if 0 <= y < len(strips):
            return strips[y]
        return Strip.blank(self.content_region.width, self._style)
