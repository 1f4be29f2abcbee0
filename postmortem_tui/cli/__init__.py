"""The ``postmortem`` command line. Commands other than opening the meeting screen never
import Textual, so they start fast and work without a terminal."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..persistence import SessionFileError
from ..version import __version__
from . import check_commands, import_command, session_commands
from .output import GuardedOutput, OutputError, discard_the_rest
from .parser import Parser, UsageError

COMMAND_MODULES = [session_commands, import_command, check_commands]


def build_parser() -> Parser:
    parser = Parser(
        prog="postmortem",
        description=(
            "Run a blameless incident post-mortem meeting in the terminal: a seven-step agenda "
            "with countdowns, live notes saved as TOML, and a Markdown document at the end. "
            "'postmortem FILE' opens the meeting screen on FILE; a second terminal on the same "
            "file says who it is with --name and --role (see 'postmortem open --help')."
        ),
    )
    parser.add_argument("--version", action="version", version=f"postmortem-tui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _run(args: argparse.Namespace) -> int:
    """Run the command with stdout guarded (not the meeting screen's: Textual owns the
    terminal), flushed before returning so a full disk is said here, not at exit."""
    if args.command == "open":
        return int(args.func(args) or 0)
    stdout = sys.stdout
    sys.stdout = GuardedOutput(stdout)  # type: ignore[assignment]
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()
        return code
    finally:
        sys.stdout = stdout


SIGNED_OPTIONS = ("--shift",)
"""Options whose value may start with a minus (``--shift -5m``), which argparse would take
for an option of its own and refuse as "expected one argument"."""


def _joined_signed_values(args: list[str]) -> list[str]:
    """``--shift -5m`` as ``--shift=-5m``."""
    joined: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        following = args[index + 1] if index + 1 < len(args) else ""
        if arg in SIGNED_OPTIONS and following.startswith("-") and following[1:2].isdigit():
            joined.append(f"{arg}={following}")
            index += 2
            continue
        joined.append(arg)
        index += 1
    return joined


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _joined_signed_values(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    names = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if not args_list or args_list[0] not in names | {"-h", "--help", "--version"}:
        first = args_list[0] if args_list else ""
        word = first.isidentifier()  # no dot, no slash: not a file name
        if word and not Path(first).exists():
            # A word, not a file: most likely a command mistyped (`postmortem exprot FILE`).
            close = difflib.get_close_matches(first, sorted(names), n=1)
            hint = (
                f"; did you mean '{close[0]}'?"
                if close
                else "; see postmortem --help (a session file's name ends in .toml)"
            )
            print(f"postmortem: unknown command '{first}'{hint}", file=sys.stderr)
            return 2
        args_list.insert(0, "open")
    try:
        args = parser.parse_args(args_list)
        return _run(args)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 2
    except SessionFileError as error:
        print(f"postmortem: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OutputError as error:
        discard_the_rest()
        print(f"postmortem: cannot write to standard output: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # the last guard: one line, never a traceback
        if os.environ.get("POSTMORTEM_DEBUG"):
            raise
        print(
            f"postmortem: internal error: {type(error).__name__}: {error} "
            "(set POSTMORTEM_DEBUG=1 to see where)",
            file=sys.stderr,
        )
        return 70
