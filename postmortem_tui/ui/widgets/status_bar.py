"""The header line: incident, who else has the session open, wall clock, meeting time,
projected end, save state; on a screen without the big countdown (the wrap-up screen), the
current step's time too.

One widget that draws its parts, rather than a row of labels: seven labels were a quarter
of the meeting screen's widgets to style and lay out at launch, and each tick looked every
one of them up again.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from ...visible_text import one_line

TITLE_MIN = 16
"""Cells the title keeps however long the rest of the line is (padding included)."""
TITLE_KEPT = 40
"""Cells of the title that the names of who else is here never take ("2 open" instead)."""


class Part(NamedTuple):
    name: str
    text: str
    look: str
    """The component class it is drawn in, without the ``status-bar--`` prefix."""
    short: str = ""
    """A shorter form, drawn where ``text`` would be cut (``saved Nov 25`` for
    ``saved Nov 25 15:49``)."""


_SAVED_AT = re.compile(r"^(saved (?:[A-Z][a-z]{2} \d\d|\d\d:\d\d))[ :]\d\d(?::\d\d)?$")


def shorter_saved(saved: str) -> str:
    """``saved 09:06:16`` as ``saved 09:06``, ``saved Nov 25 15:49`` as ``saved Nov 25``;
    anything else (``saving…``, a failure) has no shorter form."""
    match = _SAVED_AT.match(saved)
    return match.group(1) if match else ""


class StatusBar(Widget):
    """Shows what the screen gives it; every part is literal text, styled by CSS through
    its component class."""

    COMPONENT_CLASSES = {
        "status-bar--severity",
        "status-bar--title",
        "status-bar--presence",
        "status-bar--step",
        "status-bar--warning",
        "status-bar--over",
        "status-bar--paused",
        "status-bar--muted",
        "status-bar--projected",
        "status-bar--late",
        "status-bar--saved",
        "status-bar--failed",
    }

    def __init__(self, *, step_time: bool = False, id: str | None = None) -> None:
        """``step_time``: a part for the current step and its countdown, for a screen
        without the big countdown."""
        super().__init__(id=id)
        self._step_time = step_time
        self._parts: tuple[Part, ...] = ()

    def show(
        self,
        *,
        severity: str,
        title: str,
        wall: str,
        used: str,
        projected: str,
        late: bool,
        saved: str,
        save_failed: bool,
        step_time: str = "",
        phase: str = "normal",
        paused: bool = False,
        presence: str = "",
    ) -> None:
        """Show these parts; repaints only when one of them changed."""
        step_look = "paused" if paused else {"warning": "warning", "over": "over"}.get(phase, "step")
        parts = (
            Part("severity", severity, "severity"),
            Part("title", title, "title"),
            Part("presence", presence, "presence", presence.split(": ", 1)[0] if ": " in presence else ""),
            Part("step-time", step_time if self._step_time else "", step_look),
            Part("wall", wall, "muted"),
            Part("used", used, "muted"),
            Part("projected", projected, "late" if late else "projected"),
            Part("saved", saved, "failed" if save_failed else "saved", shorter_saved(saved)),
        )
        if parts != self._parts:
            self._parts = parts
            self.refresh()

    def part(self, name: str) -> Part | None:
        """The part ``name`` as shown, or None if it is not on the line."""
        return next((p for p in self._parts if p.name == name and p.text), None)

    def line(self, width: int) -> list[tuple[Part, str]]:
        """Each part on the line and its text as drawn in ``width`` cells, padded by a cell
        each side: the title takes what the others leave (at least ``TITLE_MIN``; who else
        is here shrinks to its count first), and the save state, last, is cut short with
        an ellipsis rather than run off the edge. The title is padded to its room, so the
        parts after it keep to the right."""

        def beside_title(parts: list[tuple[Part, str]]) -> int:
            return sum(cell_len(text) + 2 for p, text in parts if p.name != "title")

        shown = [(p, one_line(p.text)) for p in self._parts if p.text]
        title = next((text for p, text in shown if p.name == "title"), "")
        if width - beside_title(shown) < min(cell_len(title) + 2, TITLE_KEPT):  # "2 open"
            shown = [(p, one_line(p.short) if p.name == "presence" and p.short else t) for p, t in shown]
        others = beside_title(shown)
        drawn: list[tuple[Part, str]] = []
        used = 0
        for part, text in shown:
            if part.name == "title":
                room = max(width - others, TITLE_MIN) - 2
            else:
                room = width - used - 2
            if room < 1:
                break
            if part.short and cell_len(text) > room:
                text = part.short
            cells = Text(text, no_wrap=True)
            cells.truncate(room, overflow="ellipsis", pad=part.name == "title")
            drawn.append((part, f" {cells.plain} "))
            used += cell_len(cells.plain) + 2
        return drawn

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        for part, cells in self.line(self.size.width):
            text.append(cells, self.get_component_rich_style(f"status-bar--{part.look}"))
        return text

    @property
    def plain(self) -> str:
        """The line as drawn at the widget's width, without its styles."""
        return "".join(cells for _, cells in self.line(self.size.width))
