"""CSV (or TSV, or semicolon-separated) with a time column and a text column.

The header row is recognised by its names (``time``, ``timestamp``, ``when``; ``text``,
``event``, ``message``, ``description``; optional ``date``, ``source``, ``kind``, ``link``);
a zone in a header (``Time (UTC)``) applies to that column. Without a header, the time column
is the first whose cells read as times and the text column the widest of the rest.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model.timeline import KINDS, SOURCES
from .dating import Dater, TimeRules
from .rows import ImportResult, ImportRow, SkippedLine, one_line
from .stamps import NotATime, parse_stamp
from .zones import resolve_zone

_TIME_NAMES = {
    "time",
    "timestamp",
    "when",
    "datetime",
    "date time",
    "date/time",
    "at",
    "created",
    "created at",
    "created_at",
    "occurred",
    "occurred at",
    "occurred_at",
    "start",
    "started",
    "started at",
    "started_at",
    "time stamp",
}
_DATE_NAMES = {"date", "day"}
_TEXT_NAMES = {
    "text",
    "event",
    "events",
    "message",
    "description",
    "summary",
    "what",
    "details",
    "detail",
    "note",
    "notes",
    "title",
    "entry",
    "activity",
}
_HEADER_ZONE = re.compile(r"\s*[(\[](?P<zone>[^)\]]+)[)\]]\s*$")


@dataclass(frozen=True)
class Columns:
    time: int
    text: int
    date: int | None = None
    source: int | None = None
    kind: int | None = None
    link: int | None = None
    zone_name: str = ""


def _name(cell: str) -> tuple[str, str]:
    """A header cell as a plain lower-case name, and the zone named in brackets, if any."""
    match = _HEADER_ZONE.search(cell)
    zone = match["zone"].strip() if match and resolve_zone(match["zone"]) else ""
    base = cell[: match.start()] if zone and match else cell
    return " ".join(base.strip().lower().replace("_", " ").split()), zone


def header_columns(header: list[str]) -> Columns | None:
    names = [_name(cell) for cell in header]
    plain = [name for name, _ in names]

    def find(wanted: set[str]) -> int | None:
        for index, name in enumerate(plain):
            if name in wanted or name.replace(" ", "_") in wanted:
                return index
        return None

    time_column = find(_TIME_NAMES)
    date_column = find(_DATE_NAMES)
    if time_column is None and date_column is not None:
        time_column, date_column = date_column, None
    text_column = find(_TEXT_NAMES)
    if time_column is None or text_column is None:
        return None
    return Columns(
        time=time_column,
        text=text_column,
        date=date_column,
        source=find({"source"}),
        kind=find({"kind"}),
        link=find({"link", "url", "evidence"}),
        zone_name=names[time_column][1],
    )


def _reads_as_time(cell: str, near: date) -> bool:
    try:
        stamp = parse_stamp(cell.strip(), near)
    except NotATime:
        return False
    return stamp is not None and stamp.end >= len(cell.strip())


def guess_columns(rows: list[list[str]], near: date) -> Columns | None:
    """Columns for a headerless table: the first column of times, the widest other column."""
    sample = [row for row in rows[:20] if any(cell.strip() for cell in row)]
    if not sample:
        return None
    width = max(len(row) for row in sample)
    for column in range(width):
        cells = [row[column] for row in sample if column < len(row)]
        if cells and sum(_reads_as_time(c, near) for c in cells) * 2 > len(cells):
            others = [c for c in range(width) if c != column]
            if not others:
                return None
            widest = max(others, key=lambda c: sum(len(r[c]) for r in sample if c < len(r)))
            return Columns(time=column, text=widest)
    return None


def _choice(cell: str, allowed: tuple[str, ...], default: str) -> Any:
    """``cell`` if it is one of ``allowed`` (any case), else ``default``."""
    value = cell.strip().lower()
    return value if value in allowed else default


def _cell(row: list[str], column: int | None) -> str:
    return row[column].strip() if column is not None and column < len(row) else ""


def _records(
    text: str, dialect: type[csv.Dialect] | csv.Dialect
) -> tuple[list[tuple[int, list[str]]], list[SkippedLine]]:
    """The rows with the line each starts on; a row the csv module cannot split is skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    records: list[tuple[int, list[str]]] = []
    skipped: list[SkippedLine] = []
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            skipped.append(SkippedLine(line, f"not a CSV row ({error})"))
            if reader.line_num < line:
                break  # the reader cannot move past it
        else:
            records.append((line, row))
        line = reader.line_num + 1
    return records, skipped


def parse_csv(text: str, rules: TimeRules) -> ImportResult:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t|")
    except csv.Error:
        dialect = csv.excel
    records, skipped = _records(text, dialect)
    dater = Dater(rules)
    near = rules.default_day(rules.target)
    columns = header_columns(records[0][1]) if records else None
    body = records[1:] if columns else records
    if columns is None:
        columns = guess_columns([row for _, row in records], near)
    if columns is None:
        return ImportResult(
            format="csv",
            description="CSV with no time column found",
            skipped=tuple(skipped)
            + tuple(SkippedLine(n, "no time column", ",".join(r)) for n, r in records),
        )
    if columns.zone_name:
        zone = resolve_zone(columns.zone_name)
        if zone is not None:
            dater.set_zone(zone)
    rows: list[ImportRow] = []
    for number, row in body:
        if not any(cell.strip() for cell in row):
            continue
        original = ",".join(row)
        written = " ".join(filter(None, (_cell(row, columns.date), _cell(row, columns.time))))
        try:
            stamp = parse_stamp(written, dater.day or near)
        except NotATime as error:
            skipped.append(SkippedLine(number, str(error), original))
            continue
        if stamp is None or stamp.end < len(written):
            skipped.append(SkippedLine(number, f"{written!r} is not a time", original))
            continue
        words = one_line(_cell(row, columns.text))
        if not words:
            skipped.append(SkippedLine(number, "no text", original))
            continue
        when, marks = dater.place(
            stamp.clock, day=stamp.day, zone=stamp.zone, inferred=stamp.year_inferred
        )
        source = _choice(_cell(row, columns.source), SOURCES, "other")
        kind = _choice(_cell(row, columns.kind), KINDS, "other")
        rows.append(
            ImportRow(
                when=when,
                text=words,
                source=source,
                kind=kind,
                link=_cell(row, columns.link),
                marks=marks,
                seconds=stamp.seconds,
                line=number,
            )
        )
    header = "with a header row" if body is not records else "without a header row"
    return ImportResult(
        format="csv",
        description=f"CSV {header}",
        rows=tuple(rows),
        skipped=tuple(sorted(skipped, key=lambda s: s.line or 0)),
    )
