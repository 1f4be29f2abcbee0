"""The current step: its name, a large countdown, progress, and what to do now."""

from __future__ import annotations

import re
import textwrap

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from .big_countdown import BigCountdown
from .quiet import set_text
from .step_bar import StepBar


class StepPanel(Vertical):
    _shown: dict | None = None

    def compose(self) -> ComposeResult:
        yield Label("", id="step-name", markup=False)
        yield BigCountdown(id="countdown")
        yield StepBar(id="progress")
        yield Label("", id="step-notice", markup=False)
        yield Static("", id="step-prompt", markup=False)

    def show(
        self,
        *,
        name: str,
        countdown: str,
        phase: str,
        fraction: float,
        notice: str,
        prompt: str,
    ) -> None:
        shown = {"name": name, "countdown": countdown, "phase": phase, "notice": notice, "prompt": prompt}
        self.query_one("#progress", StepBar).show(fraction)
        if shown == self._shown:
            return
        self._shown = shown
        set_text(self.query_one("#step-name", Label), name)
        self.query_one("#countdown", BigCountdown).value = countdown
        for candidate in ("normal", "warning", "over"):
            self.set_class(phase == candidate, f"-{candidate}")
        notice_label = self.query_one("#step-notice", Label)
        set_text(notice_label, notice)
        notice_label.display = bool(notice)
        self._fit_prompt()
        self.call_after_refresh(self._fit_prompt)  # again once the notice line has come or gone

    def on_resize(self) -> None:
        if self._shown is not None:
            self.call_after_refresh(self._fit_prompt)

    def _fit_prompt(self) -> None:
        """Whole sentences, as many as the box has rows for: on a small screen the prompt
        loses sentences rather than ending mid-way. The last, "Press t to add ...", is kept
        longest: for most of these keys it is the only place on screen that names them."""
        if self._shown is None:
            return
        box = self.query_one("#step-prompt", Static)
        sentences = re.split(r"(?<=[.?!])\s+", self._shown["prompt"])
        width, height = box.content_region.width, box.content_region.height
        if width and height:
            while len(sentences) > 1 and len(textwrap.wrap(" ".join(sentences), width)) > height:
                del sentences[-2 if sentences[-1].startswith("Press ") else -1]
        set_text(box, " ".join(sentences))
