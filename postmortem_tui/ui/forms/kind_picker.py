"""Pick the kind of a timeline entry: alert, acknowledged, declared, resolved..."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...model import KIND_TITLES, KINDS


NOW = "  \u2190 now"
"""Marks the entry's kind as it is, beside the highlight that moves."""


class KindPicker(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")] + [
        Binding(str(number), f"pick({number - 1})", KIND_TITLES[kind], show=False)
        for number, kind in enumerate(KINDS, start=1)
    ]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker"):
            yield Label("Kind of entry (1-8, or arrows and Enter)", classes="form-title")
            yield OptionList(
                *(
                    Option(f"{n}  {KIND_TITLES[kind]}{NOW if kind == self.current else ''}", id=kind)
                    for n, kind in enumerate(KINDS, start=1)
                )
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = KINDS.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, index: int) -> None:
        self.dismiss(KINDS[index])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
