"""Adding to the root cause analysis: a why/because pair, a factor, or the statement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.widgets import Select, TextArea

from ...model import FACTOR_CATEGORIES
from .fields import Field, choice, long_text, text_input
from .form import FormError, FormScreen

MODES = [
    ("Why / because (this chain)", "why"),
    ("Why / because (start a new chain)", "new chain"),
    ("Contributing factor", "factor"),
    ("Root-cause statement", "statement"),
]


@dataclass(frozen=True)
class RootCauseInput:
    mode: str
    first: str
    second: str = ""
    category: str = "technical"


class RootCauseForm(FormScreen[RootCauseInput]):
    TITLE_TEXT = "Root cause analysis"
    HINTED = ("first", "second", "statement")

    def __init__(
        self,
        initial: RootCauseInput | None = None,
        editing: bool = False,
        participants: tuple[str, ...] = (),
        statement: str = "",
        chains: int = 1,
    ) -> None:
        """``statement``: the root-cause statement as it is, shown to be edited when the
        statement is chosen (saving replaces it: an empty field would wipe it unseen).
        ``chains``: how many 5-Whys chains there are (with none, the first why starts one)."""
        super().__init__()
        self.chains = chains
        self.participants = participants
        self.statement = statement
        self.initial = initial or RootCauseInput("why", "")
        self.editing = editing
        if editing:
            self.TITLE_TEXT = "Edit root cause entry"

    def fields(self) -> list[Field]:
        initial = self.initial
        modes = MODES if not self.editing else [m for m in MODES if m[1] == initial.mode]
        if not self.chains and not self.editing:  # no "this chain" to add to, nor a new one
            modes = [("Why / because (the first chain)", "why"), *MODES[2:]]
        statement = initial.mode == "statement"
        return [
            Field("mode", "Entry" if self.editing else "Add", choice(modes, initial.mode)),
            Field("category", "Category (for a factor)", choice([(c, c) for c in FACTOR_CATEGORIES], initial.category)),
            Field("first", self._first_label(initial.mode), text_input("" if statement else initial.first)),
            Field("second", "Because", text_input(initial.second)),
            # A paragraph, where a one-line field showed a sentence of it at a time.
            Field("statement", "Root-cause statement", long_text(initial.first if statement else "")),
        ]

    @staticmethod
    def _first_label(mode: str) -> str:
        return "Contributing factor" if mode == "factor" else "Why?"

    def on_mount(self) -> None:
        # No super().on_mount(): Textual runs FormScreen.on_mount itself.
        self._show_for(self.initial.mode)
        self.set_focus(self.query_one(f"#input-{self._words_field(self.initial.mode)}"), scroll_visible=False)

    @staticmethod
    def _words_field(mode: str) -> str:
        return "statement" if mode == "statement" else "first"

    @on(Select.Changed, "#input-mode")
    def _mode_changed(self, event: Select.Changed) -> None:
        mode = str(event.value)
        if mode == "statement" and not self.editing and self.statement:
            area = self.query_one("#input-statement", TextArea)
            if not area.text.strip():
                area.load_text(self.statement)  # to edit: saving an empty field would wipe it
                area.move_cursor(area.document.end)
        self._show_for(mode)

    def _show_for(self, mode: str) -> None:
        self.query_one("#field-category").display = mode == "factor"
        self.query_one("#field-second").display = mode in ("why", "new chain")
        self.query_one("#field-first").display = mode != "statement"
        self.query_one("#field-statement").display = mode == "statement"
        self.query_one("#field-first .field-label").update(self._first_label(mode))  # type: ignore[attr-defined]

    def next_on_enter(self, key: str, values: dict[str, Any]) -> str | None:
        """Enter after a why goes on to its because (it saved a why with no because)."""
        if key == "first" and values["mode"] in ("why", "new chain") and not values["second"].strip():
            return "second"
        return None

    def kept(self, values: dict[str, Any]) -> dict[str, Any]:
        """Only the words: the kind of entry and a factor's category are choices on the way
        to typing, and the statement put into its field when it is chosen was not typed
        (Escape after changing only the kind asked whether to discard what was typed)."""
        statement = values["statement"]
        return {
            "first": values["first"].strip(),
            "second": values["second"].strip(),
            "statement": "" if statement == self.statement else statement.strip(),
        }

    def build(self, values: dict[str, Any]) -> RootCauseInput:
        mode = values["mode"]
        first, second = values[self._words_field(mode)].strip(), values["second"].strip()
        if mode in ("why", "new chain") and not (first or second):
            raise FormError({"first": "type the why, the because, or both"})
        if mode in ("factor", "statement") and not first and not (mode == "statement" and self.editing):
            raise FormError({self._words_field(mode): "type it first"})
        return RootCauseInput(mode, first, second if mode in ("why", "new chain") else "", values["category"])
