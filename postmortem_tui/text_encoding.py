"""Telling UTF-16 text from binary: Windows tools (Notepad, PowerShell's ``>``, Event Viewer
exports) often write UTF-16, which reads as 'not UTF-8' or 'has NUL bytes' otherwise."""

from __future__ import annotations

BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def utf16_codec(data: bytes) -> str | None:
    """The codec of UTF-16 text that starts with a byte-order mark, else None. The text
    after the mark must look like UTF-16 too: binary data can start with those two bytes."""
    codec = BOMS.get(data[:2])
    return codec if codec is not None and looks_utf16(data[2:]) else None


def looks_utf16(data: bytes) -> bool:
    """UTF-16 text without a byte-order mark, as its start shows: mostly ASCII, so every
    other byte is NUL."""
    start = data[:512]
    if len(start) < 4:
        return False
    evens, odds = start[0::2], start[1::2]
    return odds.count(0) > 0.9 * len(odds) or evens.count(0) > 0.9 * len(evens)
