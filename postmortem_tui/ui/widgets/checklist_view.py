"""The wrap-up checklist's lines as shown: the marks in colour, readable across a room, and
a line too long for the width wrapped under its own words, not under its mark."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

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


def hanging(lines: Sequence[str], width: int) -> list[str]:
    """``lines`` wrapped to ``width`` cells, each line's continuation indented two cells
    past where its words start ("✗ Every action…" goes on under "Every"; an item's detail
    under its own words). A line that cannot be wrapped so (wide characters, a narrow
    column) is left for the widget to wrap."""
    wrapped: list[str] = []
    for line in lines:
        lead = len(line) - len(line.lstrip(" "))
        indent = lead + 2  # past the mark and its space, or into an item's detail
        if cell_len(line) <= width or width < indent + 12:
            wrapped.append(line)
            continue
        rows = textwrap.wrap(line, width, subsequent_indent=" " * indent, break_on_hyphens=False)
        wrapped += rows if rows and all(cell_len(row) <= width for row in rows) else [line]
    return wrapped


class ChecklistView(Widget):
    """The checklist, wrapped with hanging indents to whatever width it is given."""

    DEFAULT_CSS = """
    ChecklistView {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: tuple[str, ...] = ()

    def show(self, lines: Sequence[str]) -> None:
        self._lines = tuple(lines)
        self.refresh(layout=True)

    @property
    def plain(self) -> str:
        """The lines as given, one a line (before wrapping)."""
        return "\n".join(self._lines)

    def _content(self, width: int) -> Content:
        return checklist_content(hanging(self._lines, width))

    def render(self) -> Content:
        return self._content(self.content_region.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._content(width).wrap(width)) if self._lines else 0
