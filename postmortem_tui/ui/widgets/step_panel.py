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


class FittedPrompt(Static):
    """What the facilitator does now, fitted to the box: whole sentences from the start, as
    many as there are rows for, then as much of the next as fills the rows left, ending in
    an ellipsis. The last sentence, "Press t to add ...", is kept whatever else goes: for
    most of these keys it is the only place on screen that names them. Fitted again, from
    the whole prompt, whenever the box changes size (a notice line coming or going, the
    terminal resized). Where the whole prompt does not fit, its short form is shown (whole
    or cut)."""

    prompt = ""
    short = ""

    def show_prompt(self, prompt: str, short: str = "") -> None:
        if (prompt, short) == (self.prompt, self.short):
            return  # called at every second of the countdown; refitted on resize
        self.prompt, self.short = prompt, short
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        width, height = self.content_region.width, self.content_region.height
        fitted = fit_prompt(self.prompt, width, height, self.short) if width and height else self.prompt
        set_text(self, fitted)


def fit_prompt(prompt: str, width: int, height: int, short: str = "") -> str:
    """``prompt`` in ``height`` rows of ``width``: whole, else ``short`` whole, else the
    shorter of the two cut (see :class:`FittedPrompt`)."""
    for whole in (prompt, short):
        if whole and len(textwrap.wrap(whole, width)) <= height:
            return whole
    if short:
        prompt = short
    sentences = re.split(r"(?<=[.?!])\s+", prompt)
    tail = sentences[-1:] if len(sentences) > 1 and sentences[-1].startswith("Press ") else []
    body = sentences[: len(sentences) - len(tail)]

    def fits(parts: list[str]) -> bool:
        return len(textwrap.wrap(" ".join(parts + tail), width)) <= height

    kept: list[str] = []
    for sentence in body:
        if not fits(kept + [sentence]):
            words = sentence.split()
            count = len(words) - 1
            while count >= 3 and not fits(kept + [" ".join(words[:count]) + "\u2026"]):
                count -= 1
            if count >= 3:  # a few words are worth showing; one or two are not
                kept.append(" ".join(words[:count]) + "\u2026")
            break
        kept.append(sentence)
    return " ".join(kept + tail)


class StepPanel(Vertical):
    _shown: dict | None = None

    def compose(self) -> ComposeResult:
        yield Label("", id="step-name", markup=False)
        yield BigCountdown(id="countdown")
        yield StepBar(id="progress")
        yield Label("", id="step-notice", markup=False)
        yield FittedPrompt("", id="step-prompt", markup=False)

    def show(
        self,
        *,
        name: str,
        countdown: str,
        phase: str,
        paused: bool,
        fraction: float,
        notice: str,
        prompt: str,
        short_prompt: str = "",
    ) -> None:
        shown = {
            "name": name,
            "countdown": countdown,
            "phase": phase,
            "paused": paused,
            "notice": notice,
            "prompt": prompt,
            "short_prompt": short_prompt,
        }
        self.query_one("#progress", StepBar).show(fraction)
        if shown == self._shown:
            return
        self._shown = shown
        set_text(self.query_one("#step-name", Label), name)
        self.query_one("#countdown", BigCountdown).value = countdown
        for candidate in ("normal", "warning", "over"):
            self.set_class(phase == candidate, f"-{candidate}")
        self.set_class(paused, "-paused")
        notice_label = self.query_one("#step-notice", Label)
        set_text(notice_label, notice)
        notice_label.display = bool(notice)
        self.query_one(FittedPrompt).show_prompt(prompt, short_prompt)
