"""``postmortem import SESSION FILE``: add timeline entries from logs, alerts and chat."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from ..importers import (
    FORMATS,
    ImportFileError,
    ImportRow,
    apply_rows,
    preview,
    read_import,
    shown_time,
    target_zone_label,
    window_from,
    zone_option,
)
from ..importers.preview import parse_offset
from ..model import KIND_TITLES
from ..persistence import SUFFIX
from ..sync import SessionStore
from ..sync.store import KEPT
from .parser import UsageError

SHOWN_SKIPPED = 20
"""How many skipped lines are listed; the rest are counted."""


def _zone(text: str) -> str:
    try:
        zone_option(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _offset(text: str) -> timedelta:
    try:
        return parse_offset(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "import",
        help="add timeline entries from a log, PagerDuty JSON, a Slack export, CSV or text",
        description=(
            "Add timeline entries to SESSION from FILE: a pasted or Markdown timeline, syslog or "
            "PostgreSQL logs, a Slack channel folder or day file, PagerDuty log entries or "
            "webhooks, or CSV. Times are converted to the incident's time zone. Only entries "
            "from 1 h before the incident's start to 1 h after its end are added, and never one "
            "already on the timeline. Lines that cannot be read are listed with their numbers."
        ),
    )
    command.add_argument("session", type=Path, help="session file (.toml)")
    command.add_argument("file", type=Path, help="the file (or Slack channel folder) to import")
    command.add_argument(
        "--format",
        choices=("auto", *FORMATS),
        default="auto",
        help="what FILE is (default: auto, detected from its name and contents)",
    )
    command.add_argument(
        "--tz",
        type=_zone,
        metavar="ZONE",
        help="zone of times FILE writes without one (UTC, PST, Eastern, +02:00, Europe/Berlin); "
        "default: the incident's, and such entries are marked 'zone assumed'",
    )
    command.add_argument(
        "--since", metavar="T", help="earliest time to add, e.g. 13:00 or '2026-11-24 13:00'"
    )
    command.add_argument("--until", metavar="T", help="latest time to add")
    command.add_argument(
        "--all", action="store_true", help="add entries from any time, ignoring the window"
    )
    command.add_argument(
        "--shift",
        type=_offset,
        default=timedelta(0),
        metavar="OFFSET",
        help="move every imported time, e.g. --shift=+5m or --shift=-1h30m "
        "(for a source whose clock was off)",
    )
    command.add_argument(
        "--dry-run", action="store_true", help="show what would be added; change nothing"
    )
    command.set_defaults(func=import_into_session)


def _visible(text: str) -> str:
    """Imported text is data: control characters show as symbols, never act on the terminal."""
    return "".join(
        chr(0x2400 + ord(c)) if ord(c) < 0x20 else "\u2421" if ord(c) == 0x7F else c for c in text
    )


def _row_line(when: str, row: ImportRow) -> str:
    marks = f"  ({', '.join(row.marks)})" if row.marks else ""
    kind = KIND_TITLES[row.kind] if row.kind != "other" else "\u2014"  # as the document says it
    return f"  {when}  {row.source:<6} {kind:<16}  {_visible(row.text)}{marks}"


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def import_into_session(args: argparse.Namespace) -> int:
    if args.session.suffix != SUFFIX and Path(args.file).suffix == SUFFIX:
        raise UsageError(
            f"postmortem import: {args.session} is not a session file ({SUFFIX}) and "
            f"{args.file} is: the session comes first, postmortem import SESSION{SUFFIX} FILE"
        )
    store = SessionStore(args.session)
    session = store.session
    try:
        window = None if args.all else window_from(session, args.since, args.until)
    except ValueError as error:
        raise UsageError(f"postmortem import: --since/--until: {error}") from None
    try:
        result = read_import(args.file, session, format=args.format, tz=args.tz)
    except ImportFileError as error:
        print(f"postmortem: {error}", file=sys.stderr)
        return 1
    shown = preview(result, session, window=window, shift=args.shift)
    how = ""
    if result.detected and result.detected.removeprefix("a ") != result.description.lower():
        how = f" (auto: {result.detected})"
    print(f"Read {args.file} as {result.format}: {result.description}{how}.")
    if shown.rows:
        zone = target_zone_label(session)
        times = [shown_time(row, session) for row in shown.rows]
        if not args.dry_run:  # saved before saying so: a failed save is the one line printed
            # Through the shared store: merged under the lock with any app that has the
            # session open, which then shows the new entries within a second.
            store.mutate(lambda s: apply_rows(s, shown.rows))
            if not store.save():
                problem = store.status().problem or f"{args.session}: cannot be saved"
                print(f"postmortem: {problem.removesuffix('; ' + KEPT)}", file=sys.stderr)
                return 1
        verb = "Would add" if args.dry_run else "Added"
        count = _count(len(shown.rows), "entry", "entries")
        print(f"{verb} {count} to {args.session} (times in {zone}):")
        width = max(len(t) for t in times)
        for when, row in zip(times, shown.rows, strict=True):
            print(_row_line(when.ljust(width), row))
    else:
        print(f"Nothing to add to {args.session}.")
    if shown.duplicates:
        count = _count(len(shown.duplicates), "entry", "entries")
        print(f"Left out {count} already on the timeline.")
    if shown.outside and shown.window is not None:
        print(
            f"Left out {_count(len(shown.outside), 'entry', 'entries')} outside the window "
            f"{shown.window.describe()} "
            "(change it with --since/--until, or use --all)."
        )
    for note in result.notes:
        print(f"Note: {note}.")
    if result.skipped:
        noun = ("item", "items") if result.format in ("slack", "pagerduty") else ("line", "lines")
        print(f"Skipped {_count(len(result.skipped), *noun)} that could not be read:")
        for skipped in result.skipped[:SHOWN_SKIPPED]:
            print(f"  {_visible(str(skipped))}")
        if len(result.skipped) > SHOWN_SKIPPED:
            print(f"  ... and {len(result.skipped) - SHOWN_SKIPPED} more")
    return 0
