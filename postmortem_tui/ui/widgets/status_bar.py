"""The header line: incident, wall clock, meeting time, projected end, save state; on a
screen without the big countdown (the wrap-up screen), the current step's time too."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from .quiet import set_text


class StatusBar(Horizontal):
    """Shows what the screen gives it; every part is a literal label styled by CSS."""

    _shown: dict | None = None

    def __init__(self, *, step_time: bool = False, id: str | None = None) -> None:
        """``step_time``: a part for the current step and its countdown, for a screen
        without the big countdown."""
        super().__init__(id=id)
        self._step_time = step_time

    def compose(self) -> ComposeResult:
        yield Label("", id="severity", markup=False)
        yield Label("", id="title", markup=False)
        if self._step_time:
            yield Label("", id="step-time", markup=False)
        yield Label("", id="wall", markup=False)
        yield Label("", id="used", markup=False)
        yield Label("", id="projected", markup=False)
        yield Label("", id="saved", markup=False)

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
    ) -> None:
        shown = dict(locals())
        del shown["self"]
        if shown == self._shown:
            return
        self._shown = shown
        for name, text in (
            ("severity", severity),
            ("title", title),
            ("wall", wall),
            ("used", used),
            ("projected", projected),
            ("saved", saved),
        ):
            set_text(self.query_one(f"#{name}", Label), text, one_row=True)
        self.query_one("#severity").display = bool(severity)
        if self._step_time:
            step = self.query_one("#step-time", Label)
            set_text(step, step_time, one_row=True)
            step.display = bool(step_time)
            step.set_class(phase == "warning", "-warning")
            step.set_class(phase == "over", "-over")
            step.set_class(paused, "-paused")
        self.query_one("#projected").set_class(late, "-late")
        self.query_one("#saved").set_class(save_failed, "-failed")
