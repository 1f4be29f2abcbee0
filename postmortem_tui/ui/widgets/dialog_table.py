"""Sizing a table's columns to the dialog it is in (the import preview, the backlog check)."""

from __future__ import annotations

DIALOG_WIDTH = 0.95
"""Of the screen: ``#import, #backlog`` in forms.tcss."""


def table_room(screen_width: int, columns: int) -> int:
    """Cells for the columns' text in a dialog's table: the dialog's width less its box and
    padding (4), the table's scrollbar (2) and two cells of padding a column. Columns that
    fit it leave nothing to scroll sideways."""
    return int(screen_width * DIALOG_WIDTH) - 4 - 2 - 2 * columns
