"""Web and email addresses in typed text, linked where GitHub would link them.

GitHub turns a bare ``https://…``, ``www.…`` or ``name@host.org`` into a link, and markdownlint
(MD034) refuses such a bare address; so the document links them itself, with the same bounds
GitHub uses: trailing punctuation and an unbalanced ``)`` are not part of an address, a
scheme in capitals still makes one, and an ``@`` inside a longer word
(``git@github.com:org/repo``) does not. Text left plain is escaped where a renderer could still
find an address in it. Every link goes exactly where the typed address says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

_URL_CANDIDATE = re.compile(
    r"(?<![A-Za-z])https?://[^\s<>\"'|`\[\]]+|(?<![^\s(*_~\[\]])www\.[^\s<>\"'|`\[\]]+",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+/:@-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    r"(?![\w@/-]|[.:][\w/])"
)
_MAY_BECOME_LINK = re.compile(
    r"(?<=[A-Za-z0-9._%+-])@|(?<=www)\.|(?<=https)(?=://)|(?<=http)(?=://)",
    re.IGNORECASE,
)
"""Where a renderer could start or continue a link we did not make: an ``@`` after an
address character, ``www.``, ``http://``. A backslash there keeps the text plain."""
_BEFORE_BRACKET = re.compile(r"!$|:(?=[\w-]*$)")
_HOST_START = re.compile(r"[^\W_]")
"""A host name starts with a letter or digit."""


def _trimmed(candidate: str) -> str:
    """Without trailing punctuation or an unbalanced closing bracket, as GitHub does."""
    while candidate:
        last = candidate[-1]
        if last in ".,;:!?" or (last == ")" and candidate.count(")") > candidate.count("(")):
            candidate = candidate[:-1]
        else:
            break
    return candidate


def _addresses(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, kind)`` of each address, kind ``url``, ``www`` or ``email``, in order."""
    found = []
    for match in _URL_CANDIDATE.finditer(text):
        kind = "www" if match.group()[:4].lower() == "www." else "url"
        address = _trimmed(match.group())
        host = address[match.group().index("/") + 2 if kind == "url" else 4 :]
        if _HOST_START.match(host):
            found.append((match.start(), match.start() + len(address), kind))
    urls = list(found)
    for match in _EMAIL.finditer(text):
        if not any(match.start() < end and start < match.end() for start, end, _ in urls):
            found.append((match.start(), match.end(), "email"))
    return iter(sorted(found))


def link_addresses(text: str, escape: Callable[[str], str]) -> str:
    """``text`` with its addresses linked and the rest passed through ``escape``.

    A web address is written ``[address](address)``, not as an autolink ``<address>``: an
    autolink's inside cannot be escaped, and renderers rewrite what it shows (markdown-it
    decodes ``%C3%A9`` and drops an empty port); link text is shown exactly as escaped.
    """
    parts = []
    position = 0
    for start, end, kind in _addresses(text):
        before = _plain(text[position:start], escape)
        address = text[start:end]
        if kind == "email":
            parts += [before, f"<{address}>"]
        else:
            target = url(address if kind == "url" else "http://" + address)
            # "![" would start an image; markdownlint reads ":name[" as a directive
            before = _BEFORE_BRACKET.sub(lambda m: "\\" + m.group(), before)
            parts += [before, f"[{escape(address)}]({target})"]
        position = end
    parts.append(_plain(text[position:], escape))
    return "".join(parts)


def _plain(text: str, escape: Callable[[str], str]) -> str:
    return _MAY_BECOME_LINK.sub(lambda m: "\\" + m.group(), escape(text))


_IN_DESTINATION = {"\\": "%5C", "(": "\\(", ")": "\\)", "&": "\\&"}
"""Markdown reads these in a link's address: a backslash as an escape, a bracket as the end,
``&amp;`` as an entity. Escaped, or encoded as every renderer would, they go through as typed."""


def _destination_char(char: str) -> str:
    if char in _IN_DESTINATION:
        return _IN_DESTINATION[char]
    if char in '|<>"`' or char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
        return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return char


def url(address: str) -> str | None:
    """A web address for ``[text](address)`` whose target is exactly what was typed (the
    characters a URL cannot hold literally percent-encoded, as a renderer would), or None if
    it is not a web address."""
    address = address.strip()
    if not re.match(r"https?://\S", address, re.IGNORECASE):
        return None
    return "".join(_destination_char(char) for char in address)
