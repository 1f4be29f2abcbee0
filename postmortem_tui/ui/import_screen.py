"""The import dialog: read a log, chat export or alert file, preview its rows, add the chosen.

Reading happens in a thread worker; nothing touches the session until the dialog returns the
rows to add, which the meeting screen applies in one step that ctrl+z can undo.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Input, Label, Select, Static

from ..importers import (
    FORMATS,
    ImportFileError,
    ImportResult,
    ImportRow,
    preview,
    read_import,
    shown_time,
    target_zone_label,
    zone_option,
)
from ..importers.preview import parse_offset
from ..model import KIND_TITLES, Session
from ..visible_text import one_line
from .styles_on_demand import StyledOnDemand
from .widgets.dialog_table import table_room
from .widgets.key_bar import KeyBar

TICK, NO_TICK = "\u2611", "\u2610"


def fresh_start(typed: str) -> str:
    """A path pasted after the offered folder starts afresh, as in Emacs' minibuffer:
    ``/meeting//var/log/x`` is ``/var/log/x`` and ``/meeting/~/x`` is ``~/x``."""
    for marker, restart in (("//", "/"), ("/~", "~")):
        if marker in typed:
            typed = restart + typed.rsplit(marker, 1)[1]
    return typed


def column_widths(screen_width: int) -> list[tuple[str, str, int]]:
    """The preview's columns sized to the dialog, so that nothing scrolls sideways: at 80
    columns the event gets 24 cells and the kind 12."""
    room = table_room(screen_width, 5)
    kind = 16 if room >= 90 else 12  # "change / trigger" whole where there is room
    fixed = 1 + 16 + kind + 7
    return [
        ("tick", "", 1),
        ("time", "Time", 16),
        ("text", "Event", min(60, max(20, room - fixed))),
        ("kind", "Kind", kind),
        ("source", "Source", 7),
    ]


class ImportScreen(StyledOnDemand, ModalScreen[tuple[ImportRow, ...] | None]):
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    """A short terminal gets one-row controls (forms.tcss), leaving rows for the preview."""
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "add", "Add ticked rows", priority=True),
        Binding("ctrl+a", "tick_all", "Tick all / none"),
    ]

    def __init__(self, session: Session, start_folder: Path) -> None:
        super().__init__()
        self.session = session
        self.start_folder = start_folder
        self.result: ImportResult | None = None
        self.offered: tuple[ImportRow, ...] = ()
        self.ticked: set[int] = set()

    def compose(self) -> ComposeResult:
        with Vertical(id="import"):
            yield Label(
                f"Import timeline entries (times shown in {target_zone_label(self.session)})",
                classes="form-title",
                markup=False,
            )
            with Horizontal(classes="import-row"):
                # The session's folder, ready to be typed after (not selected, which made the
                # first key replace it); a relative name is read from that folder too.
                yield Input(
                    str(self.start_folder) + "/",
                    placeholder="a file or a Slack channel folder",
                    id="import-path",
                    select_on_focus=False,
                )
                yield Select([("auto", "auto")] + [(name, name) for name in FORMATS], value="auto", allow_blank=False, id="import-format")
            with Horizontal(classes="import-row"):
                # Short enough to read whole at 80 columns, where each field gets ~17.
                yield Input(placeholder="zone: incident's", id="import-tz")
                yield Input(placeholder="shift: +5m, -1h", id="import-shift")
                yield Checkbox("all times (no window)", id="import-all")
            yield Label("", id="import-error", classes="field-error", markup=False)
            yield Static("Type a path and press Enter to read it.", id="import-summary", markup=False)
            yield DataTable(id="import-rows", cursor_type="row", zebra_stripes=True)
            # The highlighted row whole: its event is cut to fit the columns.
            yield Static("", id="import-detail", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Button("Add ticked rows", variant="primary", id="import-add", disabled=True)
                yield Button("Cancel", id="import-cancel")
                yield Label("space tick \u00b7 ctrl+a all \u00b7 ctrl+s add \u00b7 esc cancel", classes="form-keys")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#import-rows", DataTable)
        for key, label, width in column_widths(self.app.size.width):
            table.add_column(label, key=key, width=width)
        self.query_one("#import-path", Input).focus()

    @on(Input.Submitted)
    def _read(self) -> None:
        typed = self.query_one("#import-path", Input).value.strip()
        if not typed:
            self.query_one("#import-error", Label).update("Type the path of a file or a Slack channel folder.")
            return
        path = self.start_folder / Path(fresh_start(typed)).expanduser()  # absolute: as it is
        tz_text = self.query_one("#import-tz", Input).value.strip()
        error = self.query_one("#import-error", Label)
        try:
            tz = zone_option(tz_text) if tz_text else None
        except ValueError as problem:
            error.update(f"Zone: {problem}")
            return
        error.update("")
        self.query_one("#import-summary", Static).update(f"Reading {path}\u2026")
        self._load(path, str(self.query_one("#import-format", Select).value), tz)

    @work(thread=True, exclusive=True)
    def _load(self, path: Path, format: str, tz: object) -> None:
        try:
            result = read_import(path, self.session, format=format, tz=tz)  # type: ignore[arg-type]
        except (ImportFileError, ValueError) as problem:
            self.app.call_from_thread(self._failed, str(problem))
            return
        self.app.call_from_thread(self._loaded, result)

    def _failed(self, message: str) -> None:
        self.query_one("#import-error", Label).update(message)
        self.query_one("#import-summary", Static).update("Nothing read.")

    def _loaded(self, result: ImportResult) -> None:
        self.result = result
        self._show()

    @on(Input.Changed, "#import-shift")
    @on(Checkbox.Changed)
    def _options_changed(self) -> None:
        if self.result is not None:
            self._show()

    def _shift(self) -> timedelta:
        text = self.query_one("#import-shift", Input).value.strip()
        error = self.query_one("#import-error", Label)
        if not text:
            error.update("")
            return timedelta(0)
        try:
            delta = parse_offset(text)
        except ValueError as problem:
            error.update(f"Shift: {problem}")
            return timedelta(0)
        error.update("")
        return delta

    def _show(self) -> None:
        assert self.result is not None
        result = self.result
        everything = self.query_one("#import-all", Checkbox).value
        shown = preview(result, self.session, window=None if everything else "incident", shift=self._shift())
        self.offered = shown.rows
        self.ticked = set(range(len(self.offered)))
        count = len(result.rows)
        parts = [f"{result.description}: {count} {'entry' if count == 1 else 'entries'} read"]
        if result.detected:
            parts.append(f"detected as {result.format} ({result.detected})")
        if shown.duplicates:
            parts.append(f"{len(shown.duplicates)} already on the timeline")
        if shown.outside:
            parts.append(f"{len(shown.outside)} outside the incident window (tick 'all times' to see them)")
        if result.skipped:
            lines = ", ".join(skip.where for skip in result.skipped[:5])
            more = f" and {len(result.skipped) - 5} more" if len(result.skipped) > 5 else ""
            count = len(result.skipped)
            parts.append(f"{count} line{'s' * (count != 1)} skipped ({lines}{more})")
        parts += list(result.notes)
        self.query_one("#import-summary", Static).update("; ".join(parts) + ".")
        table = self.query_one("#import-rows", DataTable)
        table.clear()
        self.query_one("#import-detail", Static).display = False  # until a row is highlighted
        for index, row in enumerate(self.offered):
            table.add_row(
                TICK,
                shown_time(row, self.session),
                Text(one_line(row.text), no_wrap=True, overflow="ellipsis"),
                Text(KIND_TITLES[row.kind] if row.kind != "other" else "", no_wrap=True, overflow="ellipsis"),
                row.source,
                key=str(index),
            )
        self._count()
        if self.offered:
            table.focus()

    def _count(self) -> None:
        button = self.query_one("#import-add", Button)
        button.label = f"Add {len(self.ticked)} entries"
        button.disabled = not self.ticked

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not 0 <= event.cursor_row < len(self.offered):
            return
        row = self.offered[event.cursor_row]
        about = [shown_time(row, self.session)]
        if row.kind != "other":
            about.append(KIND_TITLES[row.kind])
        if row.source:
            about.append(row.source)
        detail = self.query_one("#import-detail", Static)
        detail.update(" \u00b7 ".join(about) + "\n" + one_line(row.text))
        detail.display = True

    @on(DataTable.RowSelected)
    def _toggle_selected(self, event: DataTable.RowSelected) -> None:
        self._toggle(int(event.row_key.value or 0))

    def key_space(self) -> None:
        table = self.query_one("#import-rows", DataTable)
        if table.has_focus and table.row_count:
            key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            self._toggle(int(key.value or 0))

    def _toggle(self, index: int) -> None:
        self.ticked ^= {index}
        table = self.query_one("#import-rows", DataTable)
        table.update_cell(str(index), "tick", TICK if index in self.ticked else NO_TICK)
        self._count()

    def action_tick_all(self) -> None:
        everything = set(range(len(self.offered)))
        self.ticked = set() if self.ticked == everything else everything
        table = self.query_one("#import-rows", DataTable)
        for index in range(len(self.offered)):
            table.update_cell(str(index), "tick", TICK if index in self.ticked else NO_TICK)
        self._count()

    @on(Button.Pressed, "#import-add")
    def action_add(self) -> None:
        if self.ticked:
            self.dismiss(tuple(row for i, row in enumerate(self.offered) if i in self.ticked))

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
