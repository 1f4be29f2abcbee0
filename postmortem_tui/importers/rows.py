"""What an import produces before anything touches the session: rows, skipped lines, notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from ..model.timeline import Kind, Mark, Source

FORMATS = ("text", "log", "slack", "pagerduty", "csv")
"""The formats an import can be read as; ``auto`` picks one of these."""

MARK_ORDER: tuple[Mark, ...] = ("stamped", "zone assumed", "date inferred")


@dataclass(frozen=True)
class ImportRow:
    """One entry offered for the timeline, its time already in the incident's zone."""

    when: datetime
    """Aware, in the session's incident zone."""
    text: str
    source: Source
    kind: Kind = "other"
    link: str = ""
    marks: tuple[Mark, ...] = ()
    seconds: bool = False
    """The original gave seconds, so the timeline shows ``HH:MM:SS``."""
    line: int | None = None
    """Where the row starts in its file (1-based), for the preview and for messages."""
    record: int | None = None
    """For JSON files: which item (1-based) of the file's list the row came from."""
    origin: str = ""
    """The file the row came from, when an import reads several (Slack day files)."""

    @property
    def where(self) -> str:
        return _where(self.line, self.record, self.origin)

    @property
    def time_text(self) -> str:
        when = self.when  # formatted by hand: strftime is the slowest step of a large import
        if self.seconds:
            return f"{when.hour:02d}:{when.minute:02d}:{when.second:02d}"
        return f"{when.hour:02d}:{when.minute:02d}"

    def shifted(self, delta: timedelta) -> ImportRow:
        return replace(self, when=self.when + delta)

    def with_marks(self, *marks: Mark) -> ImportRow:
        merged = set(self.marks) | set(marks)
        return replace(self, marks=tuple(m for m in MARK_ORDER if m in merged))


@dataclass
class StampedLines:
    """A line that opened with a time, and the continuation lines joined to it so far."""

    line: int
    when: datetime
    marks: tuple[Mark, ...]
    seconds: bool
    parts: list[str] = field(default_factory=list)
    kind: Kind = "other"
    """From a table's Kind column, when it has one."""
    source: Source | None = None
    """From a table's Source column; else the import's."""
    link: str = ""
    """The evidence link a table row gave after its text (as our own documents write it)."""

    def row(self, text: str, source: Source, link: str = "") -> ImportRow:
        return ImportRow(
            when=self.when,
            text=text,
            source=self.source or source,
            kind=self.kind,
            link=link or self.link,
            marks=self.marks,
            seconds=self.seconds,
            line=self.line,
        )


@dataclass(frozen=True)
class SkippedLine:
    """A line (or JSON record) that could not be read as an entry, and why."""

    line: int | None
    reason: str
    text: str = ""
    record: int | None = None
    origin: str = ""
    """The file it is in, when an import reads several; otherwise empty."""

    @property
    def where(self) -> str:
        return _where(self.line, self.record, self.origin)

    def __str__(self) -> str:
        shown = f": {_clip(self.text)}" if self.text.strip() else ""
        return f"{self.where}: {self.reason}{shown}"


@dataclass(frozen=True)
class ImportResult:
    """Everything read from one file; the session is untouched until rows are applied."""

    format: str
    description: str
    """What was detected, in words: ``Slack channel folder, 2 day files``."""
    rows: tuple[ImportRow, ...] = ()
    skipped: tuple[SkippedLine, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Things worth knowing that are not errors: ``4 join/leave messages left out``."""
    detected: str = ""
    """Why this format was chosen, when it was detected rather than named."""


def _where(line: int | None, record: int | None, origin: str) -> str:
    if line is not None:
        place = f"line {line}"
    elif record is not None:
        place = f"item {record}"
    else:
        place = ""
    return ": ".join(part for part in (origin, place) if part) or "(whole file)"


def _clip(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")


_SPACES = re.compile(r"\s+")
_TERMINAL_CODES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def drop_terminal_codes(text: str) -> str:
    """``text`` without terminal colour codes and other control characters (common in logs)."""
    return _TERMINAL_CODES.sub("", text)


def one_line(text: str) -> str:
    """Runs of white space (line breaks too) as one space: timeline entries are one line.
    Terminal colour codes and other control characters, common in logs, are dropped."""
    return _SPACES.sub(" ", drop_terminal_codes(text)).strip()
