"""An import never stops half-way: any text gives rows and skipped lines, never an exception,
and every non-blank line that is not part of a row is reported."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem_tui.importers.csv_table import parse_csv
from postmortem_tui.importers.logs import parse_log
from postmortem_tui.importers.pagerduty import parse_pagerduty
from postmortem_tui.importers.slack import read_slack
from postmortem_tui.importers.text import parse_text

from .importing import checkout_rules

PIECES = [
    "14:12",
    "25:61",
    "2:54 PM PST",
    "12 pm",
    "13 PM",
    "2026-11-24",
    "2026-02-30",
    "0001-01-01",
    "T",
    "Z",
    "+05:00",
    "-99",
    "UTC",
    "Eastern",
    "Nov 24",
    "Feb 29",
    "**",
    "[",
    "]",
    "|",
    "- ",
    "# ",
    "## Timeline",
    "All times in PST",
    "\t",
    "    ",
    "```",
    "---",
    "text",
    ":",
    ",",
    ";",
    '"',
    "\n",
    "\r\n",
    "\x1b[31m",
    "\x00",
    "\u2212",
    "app[postgres.1]: [RED] [3-2] ",
    "<34>",
    "[x](http://a)",
    "[^1]",
]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_text_logs_and_csv_never_raise(text: str) -> None:
    rules = checkout_rules()
    for parse in (parse_text, parse_log, parse_csv):
        result = parse(text, rules)
        for row in result.rows:
            assert row.text.strip() and "\n" not in row.text and "\x1b" not in row.text
            assert row.when.tzinfo is not None


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_every_line_of_a_log_is_a_row_a_continuation_or_reported(text: str) -> None:
    result = parse_log(text, checkout_rules())
    lines = text.splitlines()
    starts = {row.line for row in result.rows} | {s.line for s in result.skipped}
    for number, line in enumerate(lines, start=1):
        if line.strip() and line[0] not in " \t" and number not in starts:
            # the only other fate: a logplex segment joined to its message above
            assert "app[" in line, (number, line)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "ts",
                    "text",
                    "type",
                    "subtype",
                    "user",
                    "attachments",
                    "message",
                    "deleted_ts",
                    "log_entries",
                    "messages",
                    "event",
                    "event_type",
                    "occurred_at",
                    "created_at",
                    "created_on",
                    "incident",
                    "data",
                    "summary",
                    "fallback",
                    "files",
                    "incidents",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_pagerduty_shapes_never_raise(document: object) -> None:
    parse_pagerduty(document, checkout_rules())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(JSON_VALUES, max_size=6))
def test_slack_day_files_never_raise(tmp_path: Path, messages: list[object]) -> None:
    day = tmp_path / "2026-11-24.json"
    day.write_text(json.dumps(messages))
    read_slack(day, checkout_rules())
