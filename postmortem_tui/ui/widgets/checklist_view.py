"""The wrap-up checklist's lines as shown: the marks in colour, readable across a room."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

MARK_STYLES = {"\u2713": "bold $success", "\u2717": "bold $error", "\u2691": "bold $warning"}


def checklist_content(lines: Sequence[str]) -> Content:
    """``lines`` (from :func:`postmortem_tui.checklist.checklist_lines`) as content: each
    line's leading mark coloured, the rest plain text (user text is never markup)."""
    parts: list[Content | tuple[str, str] | str] = []
    for number, line in enumerate(lines):
        if number:
            parts.append("\n")
        style = MARK_STYLES.get(line[:1])
        if style:
            parts += [(line[:1], style), line[1:]]
        else:
            parts.append(line)
    return Content.assemble(*parts)
