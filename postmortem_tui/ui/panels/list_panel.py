"""A side panel listing entries, with the selected entry in full and an input to add more.

The panel only displays and reports: typed lines go up as :class:`ListPanel.Submitted`, a
request to edit as :class:`ListPanel.EditRequested`; the screen changes the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import DataTable, Input, Label, Static

from ...visible_text import visible_controls
from ..widgets.entry_table import ColumnSpec, EntryTable, Row
from ..widgets.quiet import set_text

if TYPE_CHECKING:
    from ...checks.hint import Hint


DRAFT_KEPT = "Kept from when the input was closed: Enter adds it, ctrl+u clears it."


class EntryInput(Input):
    """The panel's input line: Enter adds the entry and keeps the line open for the next;
    Escape closes it. Both show in the footer: the meeting's keys are off while it is open,
    and a first-time note-taker sees there how to get out."""

    BINDINGS = [
        Binding("enter", "submit", "Add"),
        Binding("escape", "close", "Close"),
    ]

    virtual_size = Reactive(Size(0, 0), layout=False)
    """An Input's virtual size is its text's width, so it changes at every key, and Textual
    lays out the whole screen again when a widget's virtual size changes. The input's own
    size never depends on it (scrolling within the line reads it directly), so a repaint is
    enough: typing costs ~4.5 ms a key on the meeting screen instead of ~8 ms
    (benchmarks/bench_keys.py)."""

    class Closed(Message):
        def __init__(self, input: EntryInput) -> None:
            super().__init__()
            self.input = input

    def action_close(self) -> None:
        self.post_message(self.Closed(self))

    def _on_key(self, event: events.Key) -> None:
        """Enter hands the line up and empties the input then and there, in key order.
        As a binding, it ran only once the key had gone up to the app and back, and keys
        that had come in the same batch (a fast typist, a busy moment, a paste without
        bracketed paste) were typed onto the line first: two entries became one, twice."""
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self.send_line()

    def send_line(self) -> None:
        """Hand the line up as an entry and empty the input (Enter)."""
        value, self.value = self.value, ""
        self.post_message(self.Submitted(self, value))

    def _on_paste(self, event: events.Paste) -> None:
        """Several lines pasted are several entries, as if each had been typed and ended
        with Enter (sent up together, so a line with an error is reported with the rest);
        the last, unended, stays to be finished; a paste that ends with a line break ends
        its last line too. (Input keeps only the first line.)"""
        *ended, last = event.text.splitlines() or [""]
        if event.text.endswith(("\n", "\r")) and last:
            ended, last = [*ended, last], ""
        if not ended:
            return  # one line: Input's own handler inserts it
        event.prevent_default()
        event.stop()
        self.insert_text_at_cursor(ended[0])
        lines, self.value = [self.value, *ended[1:]], ""
        self.post_message(self.Submitted(self, "\n".join(lines)))
        self.insert_text_at_cursor(last)


class ListPanel(Vertical):
    BLANK = True  # a box of widgets, no border of its own (see widgets/layout.py)
    COLUMNS: Sequence[ColumnSpec] = ()
    PLACEHOLDER = "type and press Enter"
    EMPTY = "Nothing yet."

    # Messages with an __init__ of their own, as Textual's are: a dataclass is built by
    # compiling its methods, about half a millisecond of the launch each.
    class Submitted(Message):
        def __init__(self, panel: ListPanel, value: str) -> None:
            super().__init__()
            self.panel = panel
            self.value = value

    class EditRequested(Message):
        def __init__(self, panel: ListPanel, entry_id: str) -> None:
            super().__init__()
            self.panel = panel
            self.entry_id = entry_id

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._details: dict[str, str] = {}
        self._checked: dict[str, str] = {}
        self.participants: tuple[str, ...] = ()
        """Names the blameless hints look for as the subject of a failure."""
        self.waiting: list[tuple[str, str]] = []
        """Lines not yet added, each with why (or ""), waiting their turn in the input: the
        lines of a paste that had an error, and what the input held meanwhile."""
        self._reason = ""
        """Why the line in the input was not added, while it is there to be put right."""

    def compose_top(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        # Kept rather than queried: the hint line is touched at every key, and a query
        # (a CSS match over the panel) cost more than the hints themselves.
        self.table = EntryTable(self.COLUMNS, classes="entries")
        self.detail = Static("", classes="detail", markup=False)
        # A draft kept from the last time is continued, not selected for the next key to
        # replace (Input selects all on focus by default).
        self.input = EntryInput(
            placeholder=self.PLACEHOLDER, select_on_focus=False, classes="entry-input"
        )
        self.error_line = Label("", classes="input-error", markup=False)
        self.hint_line = Label("", classes="input-hint", markup=False)
        yield from self.compose_top()
        yield self.table
        yield self.detail
        yield self.input
        yield self.error_line
        yield self.hint_line

    def show_rows(
        self, rows: Sequence[Row], details: dict[str, str], checked: dict[str, str] | None = None
    ) -> None:
        """Show ``rows``; ``details`` has the full text of each entry for the detail line, and
        ``checked`` the typed text the blameless hints read (default: the detail)."""
        self._details = details
        self._checked = checked if checked is not None else details
        self.table.show(rows)
        self.set_class(not rows, "-empty")
        self._show_detail()

    def words_of(self, key: str) -> str:
        """The words of the entry ``key`` as the list shows them ("" if not listed)."""
        return self._checked.get(key, "")

    def open_input(self) -> None:
        """Open the input, with what was left in it when it was last closed (Escape keeps
        a draft: closing the input is not deleting words), and the lines waiting after it."""
        self.add_class("-typing")
        self._show_waiting()
        if self.input.value.strip() and not self._reason and not self.waiting:
            # Said, or the next entry is typed onto the end of the draft unseen: a reviewer's
            # 'draft text' and '15:31 entry' were saved as one entry, its time not read.
            self.show_error(DRAFT_KEPT)
        self.input.focus()

    def put_back(self, lines: Sequence[tuple[str, str]]) -> None:
        """Lines not added (each with why) come back to be put right, one at a time: the
        first into the input, the rest waiting, then what the input held, then the lines
        that were already waiting. None is lost, nor shown only in passing."""
        held = self.input.value
        queue = [*lines, *([(held, "")] if held.strip() else []), *self.waiting]
        if queue:
            self._take(queue)

    def next_waiting(self) -> None:
        """A line was added (or an empty one sent): the next waiting line, if any, comes up."""
        self._reason = ""
        if self.waiting and not self.input.value:
            self._take(self.waiting)
        self._show_waiting()

    def take_all(self) -> str:
        """The input's line and every waiting line, taken out to be added together."""
        lines = [self.input.value, *(line for line, _ in self.waiting)]
        self.input.value, self.waiting, self._reason = "", [], ""
        return "\n".join(lines)

    def _take(self, queue: list[tuple[str, str]]) -> None:
        (line, self._reason), self.waiting = queue[0], queue[1:]
        self.input.value = line
        self.input.cursor_position = len(line)
        self._show_waiting()

    def _show_waiting(self) -> None:
        count = len(self.waiting)
        more = (
            f"{count} more lines waiting, each to come back here after Enter"
            if count > 1
            else "1 more line waiting, to come back here after Enter"
        )
        self.show_error("; ".join(part for part in (self._reason, more if count else "") if part))

    def close_input(self) -> None:
        self.remove_class("-typing")
        self.show_error("")
        self._show_hints([])
        self.table.focus()

    def show_error(self, message: str) -> None:
        set_text(self.error_line, message)
        self.set_class(bool(message), "-error")

    def _show_hints(self, hints: list[Hint]) -> None:
        # Called at every key: touch the label (a layout of the whole screen) only when the
        # hint changes, which is seldom.
        set_text(self.hint_line, format_hints(hints))
        self.set_class(bool(hints), "-hinted")

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        event.stop()
        if not event.value and self._reason:  # the line it was about is gone (ctrl+u)
            self._reason = ""
            self._show_waiting()
        self._show_hints(blameless_hints(event.value, self.participants))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.post_message(self.Submitted(self, event.value))
        else:
            self.next_waiting()  # a line cleared on purpose: the next one's turn

    @on(EntryInput.Closed)
    def _closed(self, event: EntryInput.Closed) -> None:
        self.close_input()  # and on up: the screen may have a panel to bring forward

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.EditRequested(self, event.row_key.value))

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_resize(self) -> None:
        self._show_detail()  # its rows depend on the width, its room on the panel's height

    def _show_detail(self) -> None:
        key = self.table.selected_key
        text = self._details.get(key, "") if key else ""
        if text:
            hints = blameless_hints(self._checked.get(key, ""), self.participants)
            text = visible_controls(text) + ("\n" + format_hints(hints) if hints else "")
            max_height = self.detail.styles.max_height  # a share of the panel (meeting.tcss)
            rows = int(max_height.resolve(self.size, self.app.size)) if max_height else 0
            width = self.detail.content_region.width
            if rows > 0 and width:
                text = clip_rows(text, width, rows, self.app.console)
        self.detail.update(text if text else self.EMPTY if not self._details else "")


def clip_rows(text: str, width: int, rows: int, console: Console) -> str:
    """``text`` as it is when it wraps to at most ``rows`` rows of ``width`` cells (as Rich
    wraps it: wide characters take two); else cut to them, the last row ending in an
    ellipsis, so a reader sees there is more (the box would cut it silently)."""
    wrapped = Text(text).wrap(console, width)
    if len(wrapped) <= rows:
        return text
    kept = [line.plain.rstrip() for line in wrapped[:rows]]
    last = Text(kept[-1])
    last.truncate(width - 1)
    kept[-1] = last.plain.rstrip() + "\u2026"
    return "\n".join(kept)


def blameless_hints(text: str, participants: Sequence[str]) -> list[Hint]:
    """The blameless-language hints for ``text``; their module (some forty patterns to
    compile, ~15 ms) is loaded with the first text to check, not at launch, when every
    panel's empty input reports its value."""
    if not text.strip():
        return []
    from ...checks.blameless import hints_for_text

    return hints_for_text(text, participants)


def format_hints(hints: Sequence[Hint], limit: int = 2) -> str:
    """Gentle hints as lines: what was noticed, and a question to reframe it."""
    every = list(dict.fromkeys(f"\u2691 {hint.message}: {hint.question}" for hint in hints))
    lines = every[:limit]  # one line for a rule that matched twice, not the same line twice
    if len(every) > limit:
        lines.append(f"  and {len(every) - limit} more")
    return "\n".join(lines)
