"""Updates that cost nothing when nothing changed.

The clock screens repaint from the clock four times a second. ``Static.update`` always asks
for a layout of the whole screen, and ``ProgressBar.update`` always recomputes (and repaints)
its ETA, so an idle meeting or presenter screen re-laid and redrew itself on every tick:
several % of a core per instance for a screen that looked the same. These helpers touch a
widget only when what it shows changes, and lay out only when its size can change.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import ProgressBar, Static


def set_text(widget: Static, text: str, *, one_row: bool = False) -> None:
    """Show ``text``; nothing if it is shown already.

    ``one_row``: the widget is one row tall whatever it shows (``height: 1``), so text of
    the same width needs no layout, only a repaint (``03:12`` after ``03:13``).
    """
    shown = widget.content
    if shown == text:
        return
    same_size = one_row and isinstance(shown, str) and cell_len(shown) == cell_len(text)
    widget.update(text, layout=not same_size)


def set_fraction(bar: ProgressBar, fraction: float) -> None:
    """Show ``fraction`` on a bar with ``total=100``, when the bar would look different.

    The bar is drawn in half cells, so most ticks of a running clock would not change it.
    """
    progress = min(fraction, 1.0) * 100
    width = bar.content_size.width

    def looks(value: float) -> tuple[int, bool, bool]:
        share = min(max(value / 100, 0.0), 1.0)
        return round(2 * width * share), share == 0, share >= 1

    if progress != bar.progress and (not width or looks(progress) != looks(bar.progress)):
        bar.update(progress=progress)
