"""Backlog check: open actions from earlier post-mortems that touch the same services."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from ..checks import load_backlog, related_open_actions
from ..checks.backlog import BacklogItem
from ..model import Session
from ..visible_text import one_line
from .styles_on_demand import StyledOnDemand
from .widgets.dialog_table import table_room
from .widgets.key_bar import KeyBar


def column_widths(screen_width: int) -> list[tuple[str, str, int]]:
    """The table's columns sized to the dialog: at 80 columns all four show."""
    room = table_room(screen_width, 4)
    owner, due = 14, len("2026-12-10 overdue")
    rest = max(room - owner - due, 26)
    action = min(max(16, rest * 3 // 5), 60)
    return [("action", "Open action", action), ("owner", "Owner", owner), ("due", "Deadline", due), ("from", "From", min(rest - action, 40))]


class BacklogScreen(StyledOnDemand, ModalScreen[None]):
    BINDINGS = [Binding("escape,o", "close", "Close")]

    def __init__(self, session: Session, own_path: Path, folder: Path, today: date) -> None:
        super().__init__()
        self.session = session
        self.own_path = own_path
        self.folder = folder
        self.today = today
        self._items: list[BacklogItem] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="backlog"):
            yield Label("Before writing new actions: open ones from earlier post-mortems", classes="form-title")
            yield Static(f"Looking in {self.folder}\u2026", id="backlog-summary", markup=False)
            yield DataTable(id="backlog-rows", cursor_type="row", zebra_stripes=True)
            # The selected action whole: its columns are cut on a small screen.
            yield Static("", id="backlog-detail", markup=False)
            yield Label("esc close", classes="form-keys")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label, width in column_widths(self.app.size.width):
            table.add_column(label, key=key, width=width)
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        items, problems = load_backlog(self.folder, self.today) if self.folder.is_dir() else ([], [])
        related = related_open_actions(self.session, items, exclude=self.own_path)
        self.app.call_from_thread(self._show, related, len(problems))

    def _show(self, related: list[BacklogItem], unreadable: int) -> None:
        services = ", ".join(self.session.incident.services) or "no services named"
        if not self.session.incident.services:
            summary = "Name the services affected (d) to find related actions."
        elif related:
            summary = f"{len(related)} open actions from other post-mortems touch {services}."
        else:
            summary = (
                f"No open actions from other post-mortems in {self.folder} touch {services}."
            )
        if unreadable:
            summary += f" ({unreadable} session files could not be read.)"
        self.query_one("#backlog-summary", Static).update(summary)
        table = self.query_one(DataTable)
        self._items = related
        for item in related:
            deadline = item.action.deadline.isoformat() if item.action.deadline else "none"
            table.add_row(
                Text(one_line(item.action.what), no_wrap=True, overflow="ellipsis"),
                Text(one_line(item.action.owner or "no owner"), no_wrap=True, overflow="ellipsis"),
                deadline + (" overdue" if item.overdue else ""),
                Text(one_line(item.session_title), no_wrap=True, overflow="ellipsis"),
            )

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        detail = self.query_one("#backlog-detail", Static)
        if not 0 <= event.cursor_row < len(self._items):
            return
        item = self._items[event.cursor_row]
        action = item.action
        due = action.deadline.isoformat() if action.deadline else "no deadline"
        detail.update(
            f"{one_line(action.what)}\n{one_line(action.owner or 'no owner')} \u00b7 due {due}"
            + (" (overdue)" if item.overdue else "")
            + f" \u00b7 from {one_line(item.session_title)}"
        )

    def action_close(self) -> None:
        self.dismiss(None)
