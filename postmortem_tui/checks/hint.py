"""The one shape every check returns: a gentle hint about a piece of typed text.

A hint never blocks anything. It names its rule (``category.name``), says in a few words
what it noticed, and asks a question (or makes a suggestion) that helps the room reframe.
``start``/``end`` point into the text the hint is about so a screen can underline it;
``(0, 0)`` means the entry as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..visible_text import visible_controls


def one_line(text: str, width: int | None = None) -> str:
    """Typed text for a terminal line: whitespace collapsed, control characters shown as
    symbols (so an escape sequence typed into a note cannot recolour the terminal), and cut
    to ``width`` with an ellipsis."""
    shown = " ".join(visible_controls(text).split())
    if width is not None and len(shown) > width:
        shown = shown[: width - 1].rstrip() + "…"
    return shown


@dataclass(frozen=True, slots=True)
class Hint:
    rule: str
    """``category.name``, e.g. ``blameless.counterfactual`` or ``action.owner``."""
    message: str
    question: str
    """A reframing question in our words, or what would make the entry pass."""
    start: int = 0
    end: int = 0
    soft: bool = False
    """A softer note: worth a look, often fine (an owner who was not in the meeting)."""

    @property
    def category(self) -> str:
        return self.rule.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.rule.split(".", 1)[-1]

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Finding:
    """A hint located in a session: the entry's key path, the field and its text."""

    path: str
    """``action_items[2].what``, ``root_cause.chains[0].steps[1].because``, ``incident.summary``."""
    text: str
    hint: Hint

    def quote(self, width: int = 60) -> str:
        """The flagged words with a little context, on one line, at most ``width`` characters."""
        if self.hint.end <= self.hint.start:
            return one_line(self.text, width)
        start, end = self.hint.span
        before = " ".join(self.text[:start].split()[-4:])
        after = " ".join(self.text[end:].split()[:4])
        shown = " ".join(part for part in (before, f"«{self.text[start:end]}»", after) if part)
        return one_line(shown, width)
