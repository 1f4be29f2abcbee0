"""Which format a file is in, from its name and its first lines (``auto``); the user can
always say otherwise with ``--format`` or in the dialog."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .files import ImportFileError, parse_json, read_text
from .markdown import timeline_section
from .pagerduty import looks_like_pagerduty
from .slack import DAY_FILE
from .stamps import NotATime, parse_stamp

_SYSLOG = re.compile(r"^(?:<\d{1,3}>\d? ?)?[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ ")
_LOG_STAMP = re.compile(r"^\[?\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}:\d{2}")
_CSV_HEADER = re.compile(
    r"^(?!\s*\|)\W*(time|timestamp|when|date|created|occurred)\W*\s*([,;\t|])", re.IGNORECASE
)


@dataclass(frozen=True)
class Detection:
    format: str
    """One of :data:`rows.FORMATS`."""
    reason: str
    """Why, in words the dialog can show: ``"every timed line has a full timestamp"``."""


def _is_slack_list(document: object) -> bool:
    return (
        isinstance(document, list)
        and bool(document)
        and all(isinstance(m, dict) and "ts" in m for m in document[:20])
    )


def detect_text(text: str, name: str = "") -> Detection:
    """The format of file contents that are not a folder."""
    stripped = text.lstrip()
    suffix = Path(name).suffix.lower()
    if stripped[:1] in "{[" and suffix not in (".md", ".txt", ".log"):
        try:
            document = parse_json(text, Path(name or "input"))
        except ImportFileError:
            document = None
        if _is_slack_list(document):
            return Detection("slack", "a JSON list of messages with ts: a Slack day file")
        if document is not None and looks_like_pagerduty(document):
            return Detection("pagerduty", "JSON with PagerDuty log entries or webhook events")
        if document is not None:
            return Detection("pagerduty", "JSON (only PagerDuty and Slack JSON can be imported)")
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    if suffix in (".csv", ".tsv") or (lines and _CSV_HEADER.match(lines[0])):
        return Detection("csv", "a table with a time column")
    starts = [line for line in lines if line[:1] not in " \t"][:50]
    logged = sum(bool(_SYSLOG.match(line) or _LOG_STAMP.match(line)) for line in starts)
    if starts and logged * 2 > len(starts):
        return Detection("log", f"{logged} of the first {len(starts)} lines are log lines")
    if suffix == ".log":
        return Detection("log", "the file name ends in .log")
    timed = sum(_leading_time(line) for line in starts)
    if timeline_section(text.splitlines()) is not None:
        return Detection("text", "a Markdown document with a timeline section")
    return Detection("text", f"{timed} of the first {len(starts)} lines start with a time")


def _leading_time(line: str) -> bool:
    body = re.sub(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*|__|\[)?", "", line)
    try:
        return parse_stamp(body, date(2000, 1, 1)) is not None
    except NotATime:
        return True


def detect(path: Path, text: str | None = None) -> Detection:
    """The format of ``path``: a folder is a Slack channel export; files by their contents
    (``text``, when the caller has already read them)."""
    if path.is_dir():
        days = [p for p in path.iterdir() if DAY_FILE.match(p.name)]
        if days or (path / "channels.json").is_file():
            return Detection("slack", f"a Slack export folder with {len(days)} day files")
        raise ImportFileError(
            path, "is a folder but not a Slack channel export (no YYYY-MM-DD.json files)"
        )
    if DAY_FILE.match(path.name):
        return Detection("slack", "a Slack day file (YYYY-MM-DD.json)")
    return detect_text(read_text(path) if text is None else text, path.name)
