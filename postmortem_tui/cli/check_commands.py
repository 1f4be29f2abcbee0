"""Facilitation commands: lint (every hint), invite (an .ics file) and actions (the backlog)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..checks.backlog import load_backlog, to_csv, to_json, to_table
from ..checks.hint import Finding, one_line
from ..checks.invite import InviteError, build_invite
from ..checks.review import session_findings
from ..paths import sessions_dir
from ..persistence import SessionFileError, load
from ..persistence.atomic import atomic_write
from ..persistence.errors import locate
from ..persistence.session_file import overwrites_a_session, read_text
from . import context
from .moments import day

_TODAY_HELP = "count deadlines as of this date, e.g. 2026-12-10 (default: today)"


def register(commands: argparse._SubParsersAction) -> None:
    lint = commands.add_parser(
        "lint",
        help="print every facilitation hint in a session (blameless language, action items, "
        "roles, scheduling)",
        description="Print every hint with the entry it is in. Exit 0, or 1 with --strict "
        "when there is any hint.",
    )
    lint.add_argument("file", type=Path)
    lint.add_argument("--strict", action="store_true", help="exit 1 when there is any hint")
    lint.add_argument("--today", type=day, help=_TODAY_HELP)
    lint.set_defaults(func=lint_session)

    invite = commands.add_parser(
        "invite",
        help="write an iCalendar (.ics) invitation for the meeting",
        description="Write an RFC 5545 invitation: title, start, planned length, the agenda "
        "and the blameless norm, and every participant with an email address.",
    )
    invite.add_argument("file", type=Path)
    invite.add_argument("-o", "--output", type=Path, help="write it here (default: stdout)")
    invite.set_defaults(func=invite_session)

    actions = commands.add_parser(
        "actions",
        help="list the action items of every session in a folder, open and overdue first",
        description="List action items across sessions: open ones first, overdue marked '!'.",
    )
    actions.add_argument("folder", nargs="?", type=Path, help=f"default: {sessions_dir()}")
    actions.add_argument(
        "--format", choices=("table", "csv", "json"), default="table",
        help="csv has the columns an issue-tracker import expects",
    )
    actions.add_argument("--today", type=day, help=_TODAY_HELP)
    actions.set_defaults(func=list_actions)


def _loc(path: str) -> tuple[int | str, ...]:
    """``action_items[2].owner`` -> ``('action_items', 2, 'owner')``."""
    parts: list[int | str] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        parts.append(int(index) if index else name)
    return tuple(parts)


def _line(file: Path, source: str, finding: Finding) -> str:
    line = locate(source, _loc(finding.path))
    where = f"{file}:{line}" if line else str(file)
    hint = finding.hint
    soft = " (soft)" if hint.soft else ""
    head = f"{where}: {one_line(finding.path)}: {hint.message}{soft} [{hint.rule}]"
    quote = finding.quote()
    return head + "\n    " + (f'"{quote}" -> ' if quote else "") + hint.question


def lint_session(args: argparse.Namespace) -> int:
    source = read_text(args.file)
    session = load(args.file)
    findings = session_findings(session, args.today or context.today(), context.settings())
    for finding in findings:
        print(_line(args.file, source, finding))
    soft = sum(f.hint.soft for f in findings)
    if findings:
        extra = f" ({soft} soft)" if soft else ""
        print(f"{args.file}: {len(findings)} hint{'s' * (len(findings) != 1)}{extra}")
    else:
        print(f"{args.file}: no hints")
    return 1 if args.strict and findings else 0


def invite_session(args: argparse.Namespace) -> int:
    session = load(args.file)
    try:
        data = build_invite(session, context.now())
    except InviteError as error:
        raise SessionFileError(args.file, str(error)) from None
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    if problem := overwrites_a_session(args.output, args.file):
        raise SessionFileError(args.output, problem)
    try:
        atomic_write(args.output, data)
    except OSError as error:
        raise SessionFileError(args.output, f"cannot be written: {error.strerror}") from None
    print(f"Wrote {args.output}", file=sys.stderr)
    return 0


def list_actions(args: argparse.Namespace) -> int:
    folder: Path = args.folder or sessions_dir()
    if not folder.is_dir():
        raise SessionFileError(folder, "is not a folder of sessions")
    items, problems = load_backlog(folder, args.today or context.today())
    for problem in problems:
        print(f"postmortem: skipped {problem}", file=sys.stderr)
    if args.format == "csv":
        sys.stdout.write(to_csv(items))
    elif args.format == "json":
        sys.stdout.write(to_json(items))
    elif not items:
        print(f"No action items in {folder}.")
    else:
        sys.stdout.write(to_table(items))
        overdue = sum(item.overdue for item in items)
        still_open = sum(item.is_open for item in items)
        print(f"{len(items)} actions, {still_open} open, {overdue} overdue ('!')")
    return 0
