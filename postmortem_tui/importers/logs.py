"""Log lines: syslog, PostgreSQL (stderr prefixes and Heroku logplex), anything timestamped.

- syslog ``Sep 13 03:12:04 host proc[pid]: message`` has no year: the year is the one that
  puts the date nearest the incident, and the entry is marked "date inferred"; it has no zone
  either, so it is read in ``--tz`` or the incident's zone;
- ``<34>`` priorities and RFC 5424's version number are dropped;
- PostgreSQL on Heroku writes one message as numbered segments (``[19-1]``, ``[19-2]``, ...)
  on separate lines; the segments of one process's message are joined into one entry;
- a line indented with a tab or spaces continues the entry above it;
- a line with no timestamp at the start is reported as skipped, with its number.
"""

from __future__ import annotations

import re

from .dating import Dater, TimeRules
from .rows import ImportResult, SkippedLine, StampedLines, one_line
from .stamps import NotATime, parse_stamp

_PRIORITY = re.compile(r"^<\d{1,3}>(?:1 )?")
_OPEN = re.compile(r"^\[")
_AFTER = re.compile(r"^\]?[\s:,|\-]*")
_LOGPLEX = re.compile(
    r"^(?:d\.[\w-]+\s+)?app\[(?P<proc>[^\]]+)\]:?\s+\[(?P<color>[A-Z0-9_]+)\]\s+"
    r"\[(?P<num>\d+)-(?P<seg>\d+)\]\s?(?P<body>.*)$"
)
_SQL_STATE = re.compile(r"^\s*sql_error_code = \w+\s+")


def parse_log(text: str, rules: TimeRules) -> ImportResult:
    """Read log lines; never stops at a bad line."""
    lines = text.splitlines()
    dater = Dater(rules)
    entries: list[StampedLines] = []
    segments: dict[tuple[str, str], StampedLines] = {}
    skipped: list[SkippedLine] = []
    current: StampedLines | None = None
    kinds: set[str] = set()
    for index, raw in enumerate(lines):
        if not raw.strip():
            continue
        if raw[0] in " \t":
            if current is not None:
                current.parts.append(raw.strip())
            else:
                skipped.append(
                    SkippedLine(index + 1, "an indented line with no entry above it", raw)
                )
            continue
        body = _OPEN.sub("", _PRIORITY.sub("", raw), count=1)
        near = dater.day or rules.default_day(dater.zone_for(None)[0])
        try:
            stamp = parse_stamp(body, near)
        except NotATime as error:
            skipped.append(SkippedLine(index + 1, str(error), raw))
            current = None
            continue
        if stamp is None:
            skipped.append(SkippedLine(index + 1, "no timestamp at the start", raw))
            current = None
            continue
        rest = _AFTER.sub("", body[stamp.end :], count=1)
        plex = _LOGPLEX.match(rest)
        if plex:
            kinds.add("PostgreSQL (Heroku logplex)")
            key = (plex["proc"], plex["num"])
            part = _SQL_STATE.sub("", plex["body"])
            if plex["seg"] != "1" and key in segments:
                current = segments[key]
                current.parts.append(part)
                continue
            rest = f"{plex['proc']}: {part}"
        else:
            kinds.add("syslog" if stamp.year_inferred else "timestamped lines")
        when, marks = dater.place(
            stamp.clock, day=stamp.day, zone=stamp.zone, inferred=stamp.year_inferred
        )
        current = StampedLines(index + 1, when, marks, stamp.seconds, [rest])
        entries.append(current)
        if plex:
            segments[(plex["proc"], plex["num"])] = current
    rows = []
    for entry in entries:
        text = one_line(" ".join(entry.parts))
        if not text:
            skipped.append(
                SkippedLine(entry.line, "a timestamp with no message", lines[entry.line - 1])
            )
            continue
        rows.append(entry.row(text, "log"))
    skipped.sort(key=lambda s: s.line or 0)
    return ImportResult(
        format="log",
        description=", ".join(sorted(kinds)) or "no timestamped lines",
        rows=tuple(rows),
        skipped=tuple(skipped),
    )
