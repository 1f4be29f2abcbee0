"""Updates that cost nothing when nothing changed.

The clock screens repaint from the clock every second. ``Static.update`` always asks for a
layout of the whole screen, so an idle meeting or presenter screen re-laid itself on every
tick: several % of a core per instance for a screen that looked the same. This touches a
widget only when what it shows changes, and lays out only when its size can change.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static


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
