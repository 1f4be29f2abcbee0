"""Commands on whole sessions: open, new, export, validate, list."""

from __future__ import annotations

import argparse
import gc
import sys
from datetime import date, datetime
from pathlib import Path

from pydantic import ValidationError

from ..checks.hint import one_line
from ..checks.schedule import meeting_note
from ..collector import pause_for_launch
from ..model import (
    ROLES,
    SEVERITIES,
    STEP_KEYS,
    Agenda,
    AgendaStep,
    Incident,
    Meeting,
    Session,
)
from ..model.agenda import fitted_minutes
from ..paths import new_session_path, sessions_dir
from ..persistence import SUFFIX, SessionFileError, create, load
from ..persistence.atomic import atomic_write
from ..persistence.session_file import overwrites_a_session
from . import context
from .moments import in_zone, moment, zone_name
from .parser import UsageError


def register(commands: argparse._SubParsersAction) -> None:
    opener = commands.add_parser(
        "open",
        help="open FILE on the meeting screen (the default: 'postmortem FILE'); "
        "a FILE that does not exist is created",
        description="Open the meeting screen on a session file, creating it if it does not exist.",
    )
    opener.add_argument("file", nargs="?", type=Path, help="session file (.toml)")
    opener.add_argument(
        "--present", action="store_true", help="presenter view for the screen share"
    )
    opener.add_argument("--name", default="", help="your name, shown to others on this session")
    opener.add_argument("--role", choices=ROLES, default=None, help="your role in the meeting")
    opener.set_defaults(func=open_session)

    new = commands.add_parser(
        "new",
        help="create a session file",
        description="Create a new session, in the sessions folder unless FILE is given.",
    )
    new.add_argument("file", nargs="?", type=Path, help="where to create it (.toml)")
    new.add_argument("--title", required=True, help="the incident's title")
    new.add_argument("--severity", choices=SEVERITIES)
    new.add_argument("--start", type=moment, help="incident start, e.g. '2026-11-24 14:12'")
    new.add_argument("--end", type=moment, help="incident end")
    new.add_argument("--timezone", type=zone_name, help="IANA zone of the incident, e.g. Europe/Berlin")
    new.add_argument(
        "--meeting",
        type=moment,
        help="when the post-mortem meeting is (without an offset: in --timezone, else this computer's zone)",
    )
    new.add_argument(
        "--minutes", type=int, help="the meeting's planned length in minutes (the steps share it)"
    )
    new.set_defaults(func=new_session)

    export = commands.add_parser(
        "export",
        help="write the Markdown post-mortem document",
        description="Write the post-mortem document as Markdown, to stdout or to OUT.",
    )
    export.add_argument("file", type=Path, help="session file")
    export.add_argument("-o", "--output", type=Path, help="write the document here")
    export.set_defaults(func=export_session)

    validate = commands.add_parser(
        "validate",
        help="check a session file; exit 1 with a one-line error if it is not valid",
        description="Check that a session file can be read; exit 0 if it is valid, 1 if not.",
    )
    validate.add_argument("file", type=Path)
    validate.set_defaults(func=validate_session)

    lister = commands.add_parser(
        "list",
        help="list sessions in the sessions folder, newest first",
        description="List sessions, newest first, with their date, status and title.",
    )
    lister.add_argument("folder", nargs="?", type=Path, help=f"default: {sessions_dir()}")
    lister.set_defaults(func=list_sessions)


def open_session(args: argparse.Namespace) -> int:
    path: Path | None = args.file
    if path is None:
        path = new_session_path("post-mortem", date.today())
    if args.file is not None and not path.exists():
        _check_folder(path)
    if not (sys.stdin.isatty() and sys.__stderr__ is not None and sys.__stderr__.isatty()):
        # Textual reads keys from stdin and draws on stderr; without a terminal there it
        # waits for keys that never come, at full speed. (stdout may go to a file.)
        if path.exists():
            load(path)  # a file that cannot be read is named first, as with a terminal
        raise UsageError(
            "postmortem: the meeting screen needs a terminal; without one, use the "
            "commands (postmortem export, lint, import, validate: see postmortem --help)"
        )
    if not path.exists():
        if path.suffix != SUFFIX:
            raise SessionFileError(path, f"a new session file should end in {SUFFIX}")
        create(Session(), path)
        print(f"Created {path}", file=sys.stderr)
    # Textual is imported only to open the screen. An invalid file is refused there, with
    # the same one-line error, before the terminal is taken over: the session is read once
    # (loading it here first as well cost a second full load, ~0.5 s at 10,000 entries).
    pause_for_launch()  # until the first frame (collector.py)
    try:
        from ..ui.app import run

        return run(path, present=args.present, name=args.name, role=args.role)
    finally:
        gc.enable()  # if the app never got to its first frame


def _check_folder(path: Path) -> None:
    """A session file named on the command line goes into a folder that is already there:
    a mistyped folder is said, not made (only the sessions folder is created when needed)."""
    folder = path.parent
    if folder.is_dir():
        return
    what = "is not a folder" if folder.exists() else "does not exist"
    raise SessionFileError(path, f"folder {folder} {what}; create it first or choose another place")


def new_session(args: argparse.Namespace) -> int:
    if not args.title.strip():
        raise UsageError("postmortem new: --title: give the incident a title, e.g. 'Checkout outage'")
    if args.file is not None and args.file.suffix != SUFFIX:
        raise SessionFileError(args.file, f"a new session file should end in {SUFFIX}")
    if args.file is not None:
        _check_folder(args.file)
    zone = args.timezone or ""
    if args.minutes is not None and args.minutes < len(STEP_KEYS):
        raise UsageError(f"postmortem new: --minutes: at least {len(STEP_KEYS)}, a minute for each step")
    try:
        incident = Incident(
            title=args.title,
            severity=args.severity,
            start=in_zone(args.start, zone),
            end=in_zone(args.end, zone),
            timezone=zone,
        )
        scheduled = in_zone(args.meeting, zone)
        if scheduled is not None and scheduled.tzinfo is None:
            # People book a meeting on their own clock; an invitation needs its offset.
            scheduled = scheduled.astimezone()
        meeting = Meeting(scheduled=scheduled, planned_minutes=args.minutes)
        agenda = Agenda()
        if args.minutes is not None:
            # The booked length is the agenda's: the steps share it as the default ones share 80.
            minutes = fitted_minutes(args.minutes)
            agenda = Agenda(steps=[AgendaStep(key=key, planned_minutes=minutes[key]) for key in STEP_KEYS])
    except ValidationError as error:
        problem = error.errors()[0]
        message = problem["msg"].removeprefix("Value error, ")
        if problem["loc"]:
            field = str(problem["loc"][0])
            option = "--" + {"planned_minutes": "minutes", "scheduled": "meeting"}.get(field, field)
        else:  # a check across fields: the only one is the incident's start and end
            option = "--start/--end" if "start" in message else "the options"
        raise UsageError(
            f"postmortem new: {option}: {message}"
        ) from None
    session = Session(incident=incident, meeting=meeting, agenda=agenda)
    day = (args.start or args.meeting or datetime.now()).date()
    path = args.file or new_session_path(args.title, day)
    create(session, path)
    print(path)
    note = meeting_note(session, context.now(), context.settings().holidays)
    if note:
        print(f"postmortem: {note}", file=sys.stderr)
    return 0


def export_session(args: argparse.Namespace) -> int:
    from ..export import render

    document = render(load(args.file))
    if args.output is None:
        sys.stdout.write(document)
        return 0
    if problem := overwrites_a_session(args.output, args.file):
        raise SessionFileError(args.output, problem)
    try:
        atomic_write(args.output, document.encode("utf-8"), like=args.file)
    except OSError as error:
        raise SessionFileError(args.output, f"cannot be written: {error.strerror}") from None
    print(f"Wrote {args.output}", file=sys.stderr)
    return 0


def validate_session(args: argparse.Namespace) -> int:
    session = load(args.file)
    print(
        f"{args.file}: valid ({len(session.timeline)} timeline entries, "
        f"{len(session.action_items)} action items)"
    )
    for warning in session.role_warnings():
        print(f"{args.file}: note: {warning}")
    return 0


def _sort_key(session: Session, path: Path) -> tuple[date, datetime]:
    """Newest incident first; sessions without dates by when they were last saved."""
    saved = session.saved_at or datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    when = session.incident.start or session.meeting.scheduled
    return (when.date() if when else saved.date(), saved)


def list_sessions(args: argparse.Namespace) -> int:
    folder: Path = args.folder or sessions_dir()
    if args.folder is not None and not folder.is_dir():
        what = "is a file, not a folder of sessions" if folder.exists() else "no such folder"
        raise SessionFileError(folder, what)
    if not folder.is_dir():
        print(f"No sessions yet: {folder} does not exist. Create one with 'postmortem new'.")
        return 0
    rows = []
    broken = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            session = load(path)
        except SessionFileError as error:
            broken.append(str(error))
            continue
        when = session.incident.start or session.meeting.scheduled
        rows.append(
            (
                _sort_key(session, path),
                when.date().isoformat() if when else "no date",
                session.meeting.status,
                one_line(session.incident.title) or "(untitled)",
                one_line(path.name),
            )
        )
    if not rows and not broken:
        print(f"No sessions in {folder}.")
        return 0
    rows.sort(key=lambda row: row[0], reverse=True)
    for _, day, status, title, name in rows:
        print(f"{day:<10}  {status:<9}  {title}  [{name}]")
    for line in sorted(broken):  # on stderr, as `actions` says it: stdout is the list
        print(f"postmortem: skipped {one_line(line)}", file=sys.stderr)
    return 0
