"""Typed text as Markdown that renders exactly as typed and cannot change the document.

Every character that CommonMark or GitHub Flavored Markdown gives a meaning is escaped where it
could take effect; web and email addresses are linked (:mod:`.links`); control characters and
invisible ones show as their Unicode control pictures or code points.
"""

from __future__ import annotations

import re

from ..visible_text import visible_controls
from .links import link_addresses, url

__all__ = ["cell", "heading_text", "inline", "item_lines", "link", "paragraphs", "url"]

_ALWAYS = frozenset("\\`*_[]<>|~$&")
"""Escaped wherever they stand: emphasis, code, links, HTML, tables, strikethrough, maths."""

_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def _escape_plain(text: str, special: frozenset[str] = _ALWAYS) -> str:
    return "".join("\\" + char if char in special else char for char in text)


def _escape_run(text: str, special: frozenset[str] = _ALWAYS) -> str:
    """Escape a run of text, linking the addresses in it."""
    return link_addresses(text, lambda plain: _escape_plain(plain, special))


def inline(text: str) -> str:
    """One line of typed text for a paragraph, list item or heading.

    Line breaks become spaces; a block marker at the start (``#``, ``>``, ``-``, ``1.``) is
    escaped so it stays text.
    """
    return _escape_line_start(_escape_run(_one_line(text)))


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in visible_controls(text).split("\n") if part.strip())


def link(text: str, address: str) -> str:
    """Typed text as the words of a link to ``address`` (made by :func:`url`)."""
    return f"[{_escape_plain(_one_line(text))}]({address})"


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if not match:
        return line
    marker = match.group(2)
    if marker[-1] in ".)":
        escaped = marker[:-1] + "\\" + marker[-1]
    else:
        escaped = "\\" + marker
    return line[: match.start(2)] + escaped + line[match.end(2) :]


def cell(text: str) -> str:
    """Typed text for a table cell: one line, ``|`` escaped; never empty."""
    escaped = inline(text)
    return escaped if escaped else "—"


_BREAK = "\\\n"
"""A hard line break: CommonMark's backslash form, which markdownlint accepts (trailing
spaces would trip MD009) and which a reader sees as a new line, not a space."""


def _line(line: str) -> str:
    return _escape_line_start(_escape_run(line))


def paragraphs(text: str) -> str:
    """Typed multi-line text as paragraphs: blank lines separate them, lines stay lines."""
    blocks = []
    for block in re.split(r"\n\s*\n", visible_controls(text).strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            blocks.append(_BREAK.join(_line(line) for line in lines))
    return "\n\n".join(blocks)


def item_lines(text: str) -> str:
    """Typed multi-line text for a ``- `` list item: each typed line on a line of its own."""
    lines = [line.strip() for line in visible_controls(text).split("\n") if line.strip()]
    return (_BREAK + "  ").join(_line(line) for line in lines)


_MD026 = frozenset(".,;:!\u3002\uff0c\uff1b\uff1a\uff01")
"""Punctuation markdownlint's MD026 refuses at the end of a heading."""


def heading_text(text: str) -> str:
    """Typed text to follow a heading's own words, exactly as typed: ``#`` escaped outside
    links too (a trailing one would close the heading). Trailing punctuation is written as a
    character reference, which reads the same and which markdownlint's MD026 accepts."""
    escaped = _escape_run(_one_line(text), _ALWAYS | {"#"})
    if not escaped or escaped[-1] not in _MD026:
        return escaped
    body = escaped[:-1]
    if (len(body) - len(body.rstrip("\\"))) % 2:  # the backslash escaping the punctuation
        body = body[:-1]
    return body + f"&#{ord(escaped[-1])};"
