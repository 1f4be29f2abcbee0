"""A DataTable of session entries, updated in place by entry id.

Rebuilding a table of thousands of rows on every change would stall typing; instead
:meth:`EntryTable.show` compares each row's version with what is on screen and touches only
the rows that changed, then restores the wanted order with one sort.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size, Spacing
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from ...visible_text import one_line


class Row(NamedTuple):
    key: str
    version: object
    cells: tuple[str, ...]


class Cell:
    """User text as a cell: never markup, control characters visible, on one line.

    The Text is made when the cell is first drawn, and the cell has no ``__rich_measure__``:
    the table measures every new cell for auto-width columns, which ours are not, and at
    10,000 rows making and measuring Texts nobody sees took most of a panel's first fill.
    """

    __slots__ = ("value", "_text")

    def __init__(self, value: str) -> None:
        self.value = value
        self._text: Text | None = None

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = Text(one_line(self.value), no_wrap=True, overflow="ellipsis")
        return self._text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text

    def __str__(self) -> str:
        return self.text.plain


class ColumnSpec(NamedTuple):
    key: str
    label: str
    width: int | None
    """Fixed width, or None for the one column that takes the width left over."""
    shown_from: int = 0
    """The table width from which the column is shown (narrow screens drop it)."""


FILL_IN_LAYOUT = 300
"""Rows a table fills within the layout pass that first gives it its width (about 10 ms)."""


class EntryTable(DataTable):
    BINDINGS = [
        # DataTable's Home and End go to the first and last column; these lists have rows only.
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]
    DEFAULT_CSS = """
    EntryTable {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, columns: Sequence[ColumnSpec], **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self._specs = list(columns)
        self._base_widths = {spec.key: spec.width for spec in columns}
        self._visible: list[ColumnSpec] = []
        self._versions: dict[str, Row] = {}
        """Each row as it was last shown."""
        self._firsts: dict[str, Cell] = {}
        self._order: list[str] = []
        self._rows: Sequence[Row] = []

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """The first width the layout gives a short list fills it there and then, and its
        rows are measured at once, so the frame this layout is drawn for shows them. Textual
        sends the Resize event after that frame, and DataTable measures new rows when next
        idle: the rows came two frames (about 30 ms of the launch) after the rest of the
        screen. A long list still fills after that frame (``on_resize``): at 10,000 entries
        filling it first kept the Timeline's input from showing for 450 ms instead of 100."""
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if (
            changed
            and not self._visible
            and len(self._rows) <= FILL_IN_LAYOUT
            and self.scrollable_content_region.width
        ):
            self.on_resize()
            if self._require_update_dimensions:
                self._require_update_dimensions = False
                added, self._new_rows = self._new_rows, set()
                self._update_dimensions(added)
        return changed

    def on_resize(self) -> None:
        """Columns are set once the table has its width (a panel's first showing), so a
        long list is filled once, not once for a guessed width and again for the real one."""
        width = self.scrollable_content_region.width
        if not width:
            return
        specs = self._specs_for(width)
        if specs != self._visible:
            selected = self.selected_key
            self._set_columns(specs)
            self.show(self._rows)
            if selected is not None:
                self.select(selected)  # the row the user had is still the one acted on
        self._fit_columns()
        if (selected := self.selected_key) is not None:
            # Shorter now (the entry under it shown in full, say): the selected row stays
            # in view, so the room sees which entry that is.
            self.call_after_refresh(self.scroll_to_row, selected)

    def _specs_for(self, width: int) -> list[ColumnSpec]:
        return [spec for spec in self._specs if width >= spec.shown_from]

    def _set_columns(self, specs: list[ColumnSpec]) -> None:
        self.clear(columns=True)
        self._versions.clear()
        self._firsts.clear()
        self._order = []
        self._visible = specs
        for spec in specs:
            # A Text, not a str: DataTable reads a str as markup, and its first markup
            # loads rich's table of emoji codes (3 ms of the launch).
            self.add_column(Text(spec.label), key=spec.key, width=spec.width or 20)

    def _fit_columns(self) -> None:
        """Give the column without a fixed width (the text) all the width that is left."""
        flexible = [spec.key for spec in self._visible if spec.width is None]
        if not flexible or not self.size.width:
            return
        fixed = sum(spec.width + 2 * self.cell_padding for spec in self._visible if spec.width)
        room = self.scrollable_content_region.width
        width = max(room - fixed - 2 * self.cell_padding, 10)
        column = self.columns[flexible[0]]  # type: ignore[index]
        if column.width != width:
            column.width = width
            column.auto_width = False
            self._require_update_dimensions = True
            self._update_count += 1
            self.refresh()

    def fit_column(self, key: str, width: int) -> None:
        """Widen a fixed column to ``width`` (never under its own), for cells that grow:
        a timeline time with a date in front of it."""
        base = self._base_widths[key] or 0
        wanted = max(base, width)
        index = next(i for i, spec in enumerate(self._specs) if spec.key == key)
        spec = self._specs[index]
        if spec.width == wanted:
            return
        self._specs[index] = spec._replace(width=wanted)
        if spec in self._visible:
            self._visible[self._visible.index(spec)] = self._specs[index]
            column = self.columns[key]  # type: ignore[index]
            column.width = wanted
            column.auto_width = False
            self._require_update_dimensions = True
            self._update_count += 1  # the cached rows were drawn at the old width
            self._fit_columns()
            self.refresh()

    @property
    def selected_key(self) -> str | None:
        """The key of the row under the cursor; before the table is first filled (it waits
        for its width), the first of the rows it will show, where the cursor will be."""
        if not self._visible and self._rows:
            return self._rows[0].key
        if not self.row_count:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except Exception:  # the cursor is past the last row while the table changes
            return None
        return row_key.value

    def show(self, rows: Sequence[Row]) -> None:
        """Make the table show ``rows`` (cells for every spec, in order) in this order."""
        self._rows = rows
        if not self._visible:
            return  # no columns until the table knows its width: filled on the first resize
        had_rows = bool(self._order)
        selected = self.selected_key if had_rows else None
        wanted = {row.key for row in rows}
        for key in [k for k in self._versions if k not in wanted]:
            self.remove_row(key)
            del self._versions[key]
            self._firsts.pop(key, None)
        indices = [self._specs.index(spec) for spec in self._visible]
        columns = [spec.key for spec in self._visible]
        added = []
        for row in rows:
            # The row as shown last: the cells too, not the version alone (a hand edit of
            # the file changes an entry's words and leaves its ``updated`` as it was). A
            # panel that keeps its rows hands the same Row back: ``is`` settles it.
            shown = self._versions.get(row.key)
            if shown is row or shown == row:
                continue
            cells = [Cell(row.cells[index]) for index in indices]
            if row.key not in self._versions:
                self.add_row(*cells, key=row.key)
                added.append(row.key)
            else:
                for column, cell in zip(columns, cells):
                    self.update_cell(row.key, column, cell)
            self._versions[row.key] = row
            self._firsts[row.key] = cells[0]
        order = [row.key for row in rows]
        # New rows go to the end: sort only when that is not where they belong.
        shown = [key for key in self._order if key in wanted] + added
        if shown != order:
            position = {id(self._firsts[key]): index for index, key in enumerate(order)}
            self.sort(columns[0], key=lambda first: position[id(first)])
        self._order = order
        if selected in wanted and self.selected_key != selected:
            # Rows came in above it (another terminal's, often): the cursor stays on its
            # entry, not on its row number, so e, k or Delete act on what was selected.
            self.select(selected)  # type: ignore[arg-type]
        if added and had_rows:
            # A row added to a list on view (from another terminal, often): scroll it into
            # view, so the room sees it on the shared screen; the cursor stays where it is.
            self.call_after_refresh(self.scroll_to_row, added[-1])

    def scroll_to_row(self, key: str) -> None:
        """Scroll the least that brings the row ``key`` into view."""
        try:
            index = self.get_row_index(key)
        except RowDoesNotExist:
            return
        header = self.header_height if self.show_header else 0
        row = Region(int(self.scroll_x), header + index, 1, 1)  # rows here are one line
        self.scroll_to_region(row, spacing=Spacing(header, 0, 0, 0), animate=False, force=True)

    def select(self, key: str) -> None:
        try:
            index = self.get_row_index(key)
        except Exception:
            return
        self.move_cursor(row=index)
