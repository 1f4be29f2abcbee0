"""The Markdown around a pasted timeline: its section, its links, its emphasis.

A whole post-mortem document pasted in holds one timeline among pages of prose; reading only
the section headed "Timeline" keeps the prose out of the skipped-lines report. Inline markup
is reduced to the words a reader sees; the first link's address is kept as the entry's link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rows import drop_terminal_codes

_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_REFERENCE = re.compile(r"^\s{0,3}\[(?P<label>[^\]^][^\]]*)\]:\s*<?(?P<url>\S+?)>?(?:\s+.*)?$")
_LINK = re.compile(  # a label holds no bracket: "[x [y](u)" is "[x " and a link
    r"\[(?P<label>[^\[\]^][^\[\]]*|)\]"
    r"(?:\((?P<url>(?:[^()\s]|\([^()\s]*\))+)(?:\s+\"[^\"]*\")?\)|\[(?P<ref>[^\]]*)\])?"
)
_AUTOLINK = re.compile(r"<(?P<url>(?:https?://|mailto:)[^>\s]+|[^>\s@]+@[^>\s]+)>")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_COMMENT = re.compile(r"<!--.*?-->")


@dataclass(frozen=True)
class Section:
    first: int
    """Index of the first line after the heading."""
    end: int
    """Index one past the section's last line."""
    heading: str


def heading(line: str) -> tuple[int, str] | None:
    """``(level, text)`` of an ATX heading line."""
    match = _HEADING.match(line)
    return (len(match["hashes"]), match["text"]) if match else None


def fenced_lines(lines: list[str]) -> set[int]:
    """Indexes of lines inside (or opening/closing) fenced code blocks."""
    inside: set[int] = set()
    fence = ""
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            inside.add(index)
            if match and match.group(1) == fence:
                fence = ""
        elif match:
            fence = match.group(1)
            inside.add(index)
    return inside


def timeline_section(lines: list[str]) -> Section | None:
    """The section under the first heading that mentions a timeline, if there is one."""
    fenced = fenced_lines(lines)
    for index, line in enumerate(lines):
        found = heading(line) if index not in fenced else None
        if found and "timeline" in found[1].lower():
            level = found[0]
            end = len(lines)
            for later in range(index + 1, len(lines)):
                other = heading(lines[later]) if later not in fenced else None
                if other and other[0] <= level:
                    end = later
                    break
            return Section(index + 1, end, found[1])
    return None


def references(lines: list[str]) -> dict[str, str]:
    """Link reference definitions (``[label]: https://...``), by lower-case label."""
    found = {}
    for line in lines:
        match = _REFERENCE.match(line)
        if match:
            found.setdefault(" ".join(match["label"].lower().split()), match["url"])
    return found


def is_reference(line: str) -> bool:
    return bool(_REFERENCE.match(line))


def strip_comments(line: str) -> str:
    return _COMMENT.sub("", line)


def readable(text: str, refs: dict[str, str]) -> tuple[str, str]:
    """``text`` without Markdown markup, and the first link's address (or "").

    ``[label](url)`` and ``[label][ref]`` show as their label; the first address becomes the
    entry's link and any others stay in the text in brackets, so none is lost.
    """
    links: list[str] = []

    def keep(label: str, url: str) -> str:
        if not links:
            links.append(url)
            return label or url
        return f"{label} ({url})" if label and label != url else url

    def link(match: re.Match[str]) -> str:
        label = match["label"]
        url = match["url"] or refs.get(" ".join((match["ref"] or label).lower().split()))
        return keep(label, url) if url else match.group(0)

    text = _FOOTNOTE.sub("", drop_terminal_codes(text))  # before a code's "[" reads as markup
    text = _LINK.sub(link, text)
    text = _AUTOLINK.sub(lambda m: m["url"].removeprefix("mailto:"), text)
    text = _EMPHASIS.sub(r"\2", text)
    return text, (links[0] if links else "")
