"""Boxes that only lay out others, and draw nothing of their own but background.

For every frame, Textual re-renders each widget whose clip touches the changed region, all
of its rows, even a box that only holds other widgets: a key typed into the Timeline input
re-rendered the screen and the four boxes around the panel, about 130 rows, to show three.
``BLANK`` (Textual's switch for widgets with no border and no content) makes such a box one
blank row repeated, which is what it looks like anyway.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical


class Row(Horizontal):
    BLANK = True


class Column(Vertical):
    BLANK = True
