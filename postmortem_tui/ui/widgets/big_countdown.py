"""A countdown that grows with the room it is given, for reading across a video call.

Digits are drawn from a 3x5 pixel font with half-block characters (two pixel rows per text
row), scaled by a whole factor: at scale 1 it is three rows tall like Textual's ``Digits``;
on a large shared screen it fills the space it is given.
"""

from __future__ import annotations

from rich.align import Align
from rich.console import RenderableType
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.renderables.digits import Digits as DigitsRenderable
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


def pixel_width(text: str) -> int:
    """Width in font pixels: each glyph plus one pixel of space between glyphs."""
    widths = [len(FONT.get(char, FONT[" "])[0]) for char in text]
    return sum(widths) + max(len(widths) - 1, 0)


def text_rows(scale: int) -> int:
    return -(-FONT_ROWS * scale // 2)


def render_big(text: str, scale: int) -> list[str]:
    """The lines of ``text`` drawn at ``scale`` (1 or more) with half blocks."""
    pixels: list[str] = []
    for row in range(FONT_ROWS):
        line = ".".join(FONT.get(char, FONT[" "])[row] for char in text)
        scaled = "".join(pixel * scale for pixel in line)
        pixels += [scaled] * scale
    if len(pixels) % 2:
        pixels.append("." * len(pixels[0]))
    lines = []
    for top, bottom in zip(pixels[::2], pixels[1::2]):
        lines.append(
            "".join(
                {("#", "#"): "\u2588", ("#", "."): "\u2580", (".", "#"): "\u2584"}.get((a, b), " ")
                for a, b in zip(top, bottom)
            )
        )
    return lines


class BigCountdown(Widget):
    """Shows ``value`` (``12:34`` or ``+01:32``) as large as its width and ``max_scale`` allow."""

    DEFAULT_CSS = """
    BigCountdown {
        width: 1fr;
        height: auto;
        content-align: center middle;
    }
    """

    value: reactive[str] = reactive("00:00")
    """Repaints; lays out only when the length changes (see :meth:`watch_value`)."""
    max_scale: reactive[int] = reactive(1, layout=True)
    """The largest scale to use; the presenter view sets it high and lets the size decide."""
    fill: reactive[bool] = reactive(False, layout=True)
    """When True the scale also fits the widget's height (for a ``height: 1fr`` countdown)."""

    def scale_for(self, width: int, height: int | None = None) -> int:
        # Size the glyphs for the widest value of this length ("+88:88"), so the digits do
        # not jump in size as the time changes.
        widest = "".join("8" if ch.isdigit() else ch for ch in self.value)
        scale = max(1, min(self.max_scale, width // max(pixel_width(widest), 1)))
        if height is not None:
            while scale > 1 and text_rows(scale) > height:
                scale -= 1
        return scale

    def watch_value(self, old: str, new: str) -> None:
        # The height depends on the value's length only (see scale_for): 03:12 after 03:13
        # is a repaint, not a layout of the whole screen every second.
        if len(old) != len(new):
            self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.fill:
            return container.height
        return text_rows(self.scale_for(width))

    def render(self) -> RenderableType:
        width, height = self.content_region.width, self.content_region.height
        scale = self.scale_for(width, height)
        if scale == 1:  # Textual's own three-row digits read better at this size
            digits = DigitsRenderable(self.value, self.rich_style)
            return Align(digits, "center", vertical="middle" if self.fill else "top")
        lines = render_big(self.value, scale)
        pad = max(0, (height - len(lines)) // 2) if self.fill else 0
        return Text("\n" * pad + "\n".join(lines), justify="center", no_wrap=True)
