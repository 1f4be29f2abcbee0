"""Typed text made safe to show: control characters become visible, nothing is interpreted."""

from __future__ import annotations

_TABLE = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x0A,)}
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: f"U+{code:04X}" for code in range(0x80, 0xA0)})


def visible_controls(text: str) -> str:
    """Replace control characters (ESC, NUL, bell, ...) with their Unicode control pictures,
    so an ANSI escape typed or pasted shows as ``␛[31m`` instead of colouring the screen.
    Tabs become spaces; line breaks are kept."""
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """Visible text on one line: line breaks shown as ``⏎``."""
    return visible_controls(text).replace("\n", " \u23ce ")
