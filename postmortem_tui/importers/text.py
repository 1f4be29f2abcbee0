"""Plain-text and pasted Markdown timelines: one entry per line that starts with a time.

What a line can be, in a timeline people wrote by hand:

- an entry: a leading time or timestamp (after a list marker, ``**`` or ``[``) and its text;
- a continuation: an indented line (tab or spaces) below an entry, joined to it;
- a date heading (``2019-01-22``, ``## Tuesday 24 November``): the date for the entries below;
- a zone statement (``All times in PST``, ``Timeline (all times UTC)``): their zone;
- a Markdown table row whose first cell (or first two) is the time; under a header that
  names them, the Event (or What, Description) cell is the text, and Kind and Source cells
  set the entry's kind and source, so a document this app exported reads back as it was
  (and adds nothing to the session it came from);
- anything else is reported as skipped, with its line number.

A whole post-mortem document can be pasted: when it has a heading with "timeline" in it, only
that section is read.
"""

from __future__ import annotations

import re
from datetime import date, tzinfo

from ..model.timeline import KIND_TITLES, KINDS, SOURCES, Kind, Source
from . import markdown
from .dating import Dater, TimeRules
from .rows import ImportResult, ImportRow, SkippedLine, StampedLines, one_line
from .stamps import NotATime, parse_date, parse_stamp, starts_with_date
from .zones import resolve_zone

_LIST_MARKER = re.compile(r"^(?:[-*+\u2022]|\d{1,3}[.)])\s+")
_BEFORE_STAMP = re.compile(r"^(?:\*\*|__|[*_`\[(])*")
_AFTER_STAMP = re.compile(r"^(?:\*\*|__|[*_`\])])*[\s:,;|\-\u2013\u2014]*")
_ZONE_STATEMENT = re.compile(
    r"(?<![A-Za-z])(?:all\s+times?\s+(?:are\s+|shown\s+)?(?:in\s+)?|times?\s+(?:are\s+)?in\s+"
    r"|time\s*zone\s*[:=]?\s*)(?P<zone>[A-Za-z][\w/+\-:]*(?:\s+time)?|[+\-]\d[\d:]*)",
    re.IGNORECASE,
)
_TABLE_RULE = re.compile(r"^:?-{3,}:?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
"""A cell boundary: a ``|`` without a backslash before it (typed text in a cell has one)."""
_EVIDENCE = re.compile(r"\s*\((?:\[evidence\]\((?P<url>[^()\s]*)\)|evidence: (?P<written>.+))\)$")
"""``text ([evidence](url))`` or ``text (evidence: what)``: how our documents give a link."""
TIME_NAMES = {"time", "when", "timestamp", "date", "date/time", "time (utc)", "time (local)"}
"""Header names that say a table's rows are timed."""
COLUMN_NAMES = {
    "text": ("event", "what", "what happened", "description", "entry", "text", "summary"),
    "kind": ("kind",),
    "source": ("source",),
}
"""Header names of the columns a table row is read by (lower case)."""
KIND_BY_NAME: dict[str, Kind] = {
    **{kind: kind for kind in KINDS},
    **{title: kind for kind, title in KIND_TITLES.items()},
}


class _Skipped:
    """Swallows the indented lines of a list item that could not be read."""


def zone_statement(text: str, *, in_heading: bool = False) -> tzinfo | None:
    """The zone a line like "All times in PST" or "Time zone: UTC" states, if it is one.

    Outside headings only short lines count, so that prose mentioning times is not taken
    for a statement."""
    if not in_heading and len(text) > 60:
        return None
    match = _ZONE_STATEMENT.search(text)
    return resolve_zone(match["zone"].removesuffix(" time")) if match else None


class _TextReader:
    def __init__(self, lines: list[str], rules: TimeRules, source: Source) -> None:
        self.lines = lines
        self.rules = rules
        self.source = source
        self.dater = Dater(rules)
        self.refs = markdown.references(lines)
        self.rows: list[ImportRow] = []
        self.skipped: list[SkippedLine] = []
        self.notes: list[str] = []
        self.current: StampedLines | _Skipped | None = None
        self.columns: dict[str, int] = {}
        """The text, kind and source columns of the table being read, from its header."""
        self.timeless_header: list[str] | None = None
        """The header of the table being read when none of its columns is a time."""

    def near(self) -> date:
        return self.dater.day or self.rules.default_day(self.rules.target)

    def close(self) -> None:
        pending, self.current = self.current, None
        if not isinstance(pending, StampedLines):
            return
        text, link = markdown.readable(" ".join(pending.parts), self.refs)
        text = one_line(text)
        if not text:
            self.skip(pending.line - 1, "a time with no text after it")
            return
        self.rows.append(pending.row(text, self.source, link))

    def skip(self, index: int, reason: str) -> None:
        self.skipped.append(SkippedLine(index + 1, reason, self.lines[index]))

    def start_entry(self, index: int, body: str) -> bool:
        """Begin an entry if ``body`` starts with a time; False if it does not."""
        try:
            stamp = parse_stamp(body, self.near())
        except NotATime as error:
            self.skip(index, str(error))
            self.current = _Skipped()
            return True
        if stamp is None:
            return False
        when, marks = self.dater.place(
            stamp.clock, day=stamp.day, zone=stamp.zone, inferred=stamp.year_inferred
        )
        rest = _AFTER_STAMP.sub("", body[stamp.end :], count=1)
        self.current = StampedLines(index + 1, when, marks, stamp.seconds, [rest])
        return True

    def table_row(self, index: int, content: str) -> None:
        cells = [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(_row_body(content))]
        if all(_TABLE_RULE.match(cell) for cell in cells if cell):
            return
        for taken in (1, 2):
            stamp_text = " ".join(cells[:taken])
            try:
                stamp = parse_stamp(_BEFORE_STAMP.sub("", stamp_text, count=1), self.near())
            except NotATime:
                stamp = None
            cleaned = _BEFORE_STAMP.sub("", stamp_text, count=1)
            if stamp and not _AFTER_STAMP.sub("", cleaned[stamp.end :]).strip():
                text, kind, source, link = self._row_cells(cells, taken)
                self.current = None
                if self.start_entry(index, f"{cleaned} {text}"):
                    if isinstance(self.current, StampedLines):
                        self.current.kind, self.current.source = kind, source
                        self.current.link = link
                    return
        following = self.lines[index + 1].strip() if index + 1 < len(self.lines) else ""
        if following.startswith("|") and "-" in following and set(following) <= set("|-: "):
            self.columns = _header_columns(cells)
            named = {cell.lower() for cell in cells}
            self.timeless_header = None if named & TIME_NAMES else cells
            return
        if self.timeless_header is not None:  # a table of something else (our durations)
            note = f"a table with no time column was left out ({' | '.join(self.timeless_header)})"
            if note not in self.notes:
                self.notes.append(note)
            return
        self.skip(index, "no time in the row's first cells")

    def _row_cells(self, cells: list[str], taken: int) -> tuple[str, Kind, Source | None, str]:
        """The text, kind, source and link of a row whose first ``taken`` cells were its time.
        Cells the header does not name (or whose kind or source is not one of ours) stay in
        the text, joined with dashes, so nothing in the row is lost."""
        kind: Kind = "other"
        source: Source | None = None
        link = ""
        text_column = self.columns.get("text", -1)
        parts = []
        for column, cell in enumerate(cells[taken:], start=taken):
            if not cell or cell == "\u2014":
                continue
            if column == self.columns.get("kind") and cell.lower() in KIND_BY_NAME:
                kind = KIND_BY_NAME[cell.lower()]
            elif column == self.columns.get("source") and cell.lower() in SOURCES:
                source = cell.lower()  # type: ignore[assignment]
            elif column == text_column and (evidence := _EVIDENCE.search(cell)):
                link = evidence["url"] or evidence["written"]
                parts.append(cell[: evidence.start()])
            else:
                parts.append(cell)
        return " \u2014 ".join(parts), kind, source, link

    def read(self, first: int, end: int) -> None:
        fenced = markdown.fenced_lines(self.lines)
        for index in range(first, end):
            raw = markdown.strip_comments(self.lines[index]).rstrip()
            if index in fenced:
                self.close()
                if "code blocks were left out" not in self.notes:
                    self.notes.append("code blocks were left out")
                continue
            if not raw.strip() or not raw.lstrip().startswith("|"):
                self.columns, self.timeless_header = {}, None  # a table ends here
            if not raw.strip() or markdown.is_reference(raw):
                continue
            content = raw.strip()
            if raw[0] in " \t" and self.current is not None and not self._starts_timed(content):
                if isinstance(self.current, StampedLines):
                    self.current.parts.append(content)
                continue
            self.close()
            self.line(index, content)
        self.close()

    def _starts_timed(self, content: str) -> bool:
        body = _BEFORE_STAMP.sub("", _LIST_MARKER.sub("", content, count=1), count=1)
        try:
            return parse_stamp(body, self.near()) is not None
        except NotATime:
            return False

    def line(self, index: int, content: str) -> None:
        found = markdown.heading(content)
        if found:
            text = markdown.readable(found[1], self.refs)[0]
            day = parse_date(_BEFORE_STAMP.sub("", text).rstrip(":*_ "), self.near())
            if day:
                self.dater.set_day(day)
            zone = zone_statement(text, in_heading=True)
            if zone:
                self.dater.set_zone(zone)
            return
        if content.startswith("|"):
            self.table_row(index, content)
            return
        body = _LIST_MARKER.sub("", content, count=1)
        is_item = body != content
        body = _BEFORE_STAMP.sub("", body, count=1)
        if self.start_entry(index, body):
            return
        plain = markdown.readable(body, self.refs)[0].strip().rstrip(":*_ ")
        day = parse_date(plain, self.near())
        if day and not is_item:
            self.dater.set_day(day)
            return
        zone = zone_statement(content)
        if zone:
            self.dater.set_zone(zone)
            return
        if is_item and starts_with_date(plain):
            self.skip(index, "a date without a time of day")
        else:
            self.skip(index, "no time at the start")
        self.current = _Skipped()


def _row_body(content: str) -> str:
    """A table row without its outer pipes (an escaped one at the end stays)."""
    body = content.strip().removeprefix("|")
    return body[:-1] if body.endswith("|") and not body.endswith("\\|") else body


def _header_columns(cells: list[str]) -> dict[str, int]:
    named = {" ".join(cell.lower().split()): column for column, cell in enumerate(cells)}
    return {
        role: named[name]
        for role, names in COLUMN_NAMES.items()
        for name in names
        if name in named
    }


def parse_text(text: str, rules: TimeRules, *, source: Source = "manual") -> ImportResult:
    """Read a timeline written as text, pasted or in a file (plain text or Markdown)."""
    lines = text.splitlines()
    reader = _TextReader(lines, rules, source)
    section = markdown.timeline_section(lines)
    if section is not None:
        zone = zone_statement(section.heading, in_heading=True)
        if zone:
            reader.dater.set_zone(zone)
        reader.read(section.first, section.end)
        reader.notes.insert(
            0,
            f"read the section \u201c{section.heading}\u201d "
            f"(lines {section.first + 1}\u2013{section.end})",
        )
        description = "Markdown document with a timeline section"
    else:
        first = _front_matter_end(lines)
        reader.read(first, len(lines))
        description = "timeline as plain text"
    return ImportResult(
        format="text",
        description=description,
        rows=tuple(reader.rows),
        skipped=tuple(reader.skipped),
        notes=tuple(reader.notes),
    )


def _front_matter_end(lines: list[str]) -> int:
    """Skip a YAML front-matter block (``---`` ... ``---``) at the top of a document."""
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return index + 1
    return 0
