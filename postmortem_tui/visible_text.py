"""Typed text made safe to show: control characters become visible, nothing is interpreted."""

from __future__ import annotations

import re

_TABLE = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x0A,)}
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: f"U+{code:04X}" for code in range(0x80, 0xA0)})

_JOINERS = "\u200c\u200d"
_FORMAT = "\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
"""Bidi overrides, isolates and marks, zero-width characters, line and paragraph separators."""
_SCRIPT = rf"[^\x00-\x7f\s{_JOINERS}{_FORMAT}]"
_INVISIBLE = re.compile(rf"[{_FORMAT}]|(?<!{_SCRIPT})[{_JOINERS}]|[{_JOINERS}](?!{_SCRIPT})")
"""Those, and a zero-width (non-)joiner unless it stands between two characters of a script
or emoji that needs it: there it is part of the spelling, as in Persian or 👨‍👩‍👧."""


def visible_controls(text: str) -> str:
    """Replace control characters (ESC, NUL, bell, ...) with their Unicode control pictures,
    so an ANSI escape typed or pasted shows as ``␛[31m`` instead of colouring the screen.
    Characters with no picture (C1 controls, bidi overrides, zero-width characters) show as
    ``U+202E``, so a right-to-left override cannot reorder what is shown or hide a difference.
    Tabs become spaces; line breaks are kept."""
    return _INVISIBLE.sub(lambda m: f"U+{ord(m.group()):04X}", text.translate(_TABLE))


def one_line(text: str) -> str:
    """Visible text on one line: line breaks shown as ``⏎``."""
    return visible_controls(text).replace("\n", " \u23ce ")
