"""The header line: incident, wall clock, meeting time, projected end, save state."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label


class StatusBar(Horizontal):
    """Shows what the screen gives it; every part is a literal label styled by CSS."""

    _shown: dict | None = None

    def compose(self) -> ComposeResult:
        yield Label("", id="severity", markup=False)
        yield Label("", id="title", markup=False)
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
    ) -> None:
        shown = dict(locals())
        del shown["self"]
        if shown == self._shown:
            return
        self._shown = shown
        self.query_one("#severity", Label).update(severity)
        self.query_one("#severity").display = bool(severity)
        self.query_one("#title", Label).update(title)
        self.query_one("#wall", Label).update(wall)
        self.query_one("#used", Label).update(used)
        projected_label = self.query_one("#projected", Label)
        projected_label.update(projected)
        projected_label.set_class(late, "-late")
        saved_label = self.query_one("#saved", Label)
        saved_label.update(saved)
        saved_label.set_class(save_failed, "-failed")
