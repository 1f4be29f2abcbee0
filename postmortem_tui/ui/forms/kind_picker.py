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
from ...visible_text import one_line
from ..styles_on_demand import StyledOnDemand
from ..widgets.key_bar import KeyBar

NOW = "  \u2190 now"
"""Marks the entry's kind as it is, beside the highlight that moves."""


class KindPicker(StyledOnDemand, ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")] + [
        # The first stands for them all in the footer: "1-8 Pick a kind".
        Binding(
            str(number),
            f"pick({number - 1})",
            "Pick a kind" if number == 1 else KIND_TITLES[kind],
            show=number == 1,
            key_display="1-8" if number == 1 else None,
        )
        for number, kind in enumerate(KINDS, start=1)
    ]

    def __init__(self, current: str, entry: str = "") -> None:
        """``entry``: the entry's time and words, shown so the picker says what it sets."""
        super().__init__()
        self.current = current
        self.entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker"):
            yield Label("Kind of entry", classes="form-title")
            if self.entry:
                yield Label(one_line(self.entry), classes="picker-entry", markup=False)
            yield OptionList(
                *(
                    Option(f"{n}  {KIND_TITLES[kind]}{NOW if kind == self.current else ''}", id=kind)
                    for n, kind in enumerate(KINDS, start=1)
                )
            )
            yield Label("1-8, or arrows and Enter \u00b7 esc cancel", classes="form-keys")
        yield KeyBar()

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
