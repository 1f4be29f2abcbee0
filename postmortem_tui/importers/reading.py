"""Reading a file (or pasted text) for import: detect the format, parse it, report.

Nothing here changes the session; it is only read for its zone and dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path

from ..incident_window import session_zone, zone_label
from ..model import Session
from .csv_table import parse_csv
from .dating import TimeRules
from .detect import Detection, detect, detect_text
from .files import ImportFileError, read_text
from .logs import parse_log
from .pagerduty import read_pagerduty
from .rows import FORMATS, ImportResult
from .slack import read_slack
from .text import parse_text
from .zones import resolve_zone

_TEXT_PARSERS: dict[str, Callable[[str, TimeRules], ImportResult]] = {
    "text": parse_text,
    "log": parse_log,
    "csv": parse_csv,
}


def zone_option(text: str) -> tzinfo:
    """A zone typed by the user (``--tz``); ValueError with what would be accepted."""
    zone = resolve_zone(text)
    if zone is None:
        raise ValueError(
            f"{text!r} is not a time zone; use UTC, PST, EDT, Eastern, +02:00 "
            "or an IANA name such as Europe/Berlin"
        )
    return zone


def _rules(session: Session, tz: str | tzinfo | None) -> TimeRules:
    given = zone_option(tz) if isinstance(tz, str) else tz
    return TimeRules.for_session(session, given)


def _check_format(format: str) -> None:
    if format != "auto" and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use auto, " + ", ".join(FORMATS))


def _finish(result: ImportResult, detection: Detection | None, session: Session) -> ImportResult:
    notes = list(result.notes)
    if not session.incident.timezone:
        notes.append(
            "the session names no incident time zone: times are shown in "
            + zone_label(session_zone(session))
        )
    return replace(
        result, notes=tuple(notes), detected=detection.reason if detection is not None else ""
    )


def read_import(
    path: Path, session: Session, *, format: str = "auto", tz: str | tzinfo | None = None
) -> ImportResult:
    """Read ``path`` as ``format`` (``auto`` detects it) for ``session``.

    ``tz`` is the zone for times the file writes without one; by default they are read in the
    incident's zone and marked "zone assumed". Raises :class:`ImportFileError` (one line) only
    when the file as a whole cannot be read; bad lines are in ``result.skipped``. Raises
    ValueError for an unknown ``format`` or ``tz``.
    """
    _check_format(format)
    rules = _rules(session, tz)
    if path.is_dir():
        if format not in ("auto", "slack"):
            raise ImportFileError(path, "is a folder; only a Slack export is read from a folder")
        detection = detect(path) if format == "auto" else None
        return _finish(read_slack(path, rules), detection, session)
    text = read_text(path)
    detection = detect(path, text) if format == "auto" else None
    chosen = detection.format if detection else format
    if chosen == "slack":
        result = read_slack(path, rules)
    elif chosen == "pagerduty":
        result = read_pagerduty(path, rules, text)
    else:
        result = _TEXT_PARSERS[chosen](text, rules)
    return _finish(result, detection, session)


def parse_import_text(
    text: str, session: Session, *, format: str = "auto", tz: str | tzinfo | None = None
) -> ImportResult:
    """Read pasted text (no file): the same as :func:`read_import` for text, logs, CSV and
    PagerDuty JSON."""
    _check_format(format)
    rules = _rules(session, tz)
    detection = detect_text(text) if format == "auto" else None
    chosen = detection.format if detection else format
    if chosen == "slack":
        raise ImportFileError("(pasted text)", "a Slack export is read from its folder or day file")
    if chosen == "pagerduty":
        result = read_pagerduty(Path("(pasted text)"), rules, text)
    else:
        result = _TEXT_PARSERS[chosen](text, rules)
    return _finish(result, detection, session)


def target_zone_label(session: Session) -> str:
    """The zone imported times are shown in, for the dialog's heading."""
    return zone_label(session_zone(session))
