"""Log lines: syslog without a year, PostgreSQL prefixes, Heroku logplex segments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from postmortem_tui.importers.dating import TimeRules
from postmortem_tui.importers.logs import parse_log

from .importing import FIXTURES, checkout_rules, shown


def test_syslog_takes_its_year_from_the_incident_and_its_zone_from_the_session() -> None:
    result = parse_log((FIXTURES / "db-syslog.log").read_text(), checkout_rules())
    assert shown(result.rows) == [
        ("2026-11-24 14:12:01", "db-1 deploy[2201]: applying migration 0142_orders_status"),
        (
            "2026-11-24 14:12:02",
            "db-1 postgres[4242]: LOG: statement: ALTER TABLE orders ADD COLUMN status text "
            "DEFAULT 'new'",
        ),
        (
            "2026-11-24 14:17:05",
            'web-3 checkout[990]: ERROR could not obtain lock on relation "orders" '
            "context: POST /checkout retrying in 5s",
        ),
        (
            "2026-11-24 18:09:44",
            "db-1 deploy[2201]: migration 0142_orders_status finished after 3h57m",
        ),
    ]
    assert all(row.marks == ("zone assumed", "date inferred") for row in result.rows)
    assert all(row.source == "log" and row.seconds for row in result.rows)
    assert [(s.line, s.reason) for s in result.skipped] == [(6, "no timestamp at the start")]


def test_tz_option_reads_syslog_in_the_given_zone() -> None:
    rules = replace(checkout_rules(), given=timezone.utc)
    rows = parse_log("Nov 24 19:12:01 db-1 deploy: start\n", rules).rows
    assert shown(rows) == [("2026-11-24 14:12:01", "db-1 deploy: start")]
    assert rows[0].marks == ("date inferred",)


def test_syslog_near_new_year_takes_the_nearer_year() -> None:
    rules = TimeRules(start=datetime(2027, 1, 1, 0, 30, tzinfo=timezone.utc))
    rows = parse_log("Dec 31 23:58:00 h p: before\nJan  1 00:02:00 h p: after\n", rules).rows
    assert [row.when.date() for row in rows] == [date(2026, 12, 31), date(2027, 1, 1)]


def test_postgres_prefixes_and_logplex_segments() -> None:
    result = parse_log((FIXTURES / "postgres.log").read_text(), checkout_rules())
    assert shown(result.rows) == [
        (
            "2026-11-24 14:12:02",
            "[4242] LOG: statement: ALTER TABLE orders ADD COLUMN status text DEFAULT 'new'",
        ),
        ("2026-11-24 14:17:05", "[5120] ERROR: canceling statement due to lock timeout"),
        (
            "2026-11-24 14:17:05",
            "10.0.3.7:checkout@shop:[5120]:STATEMENT: INSERT INTO orders (id) VALUES ($1)",
        ),
        (
            "2026-11-24 14:48:30",
            "postgres.4242: LOG: process 5301 still waiting for RowExclusiveLock on relation "
            "16402 DETAIL: Process holding the lock: 4242. Wait queue: 5301, 5302.",
        ),
        ("2026-11-24 14:48:30", "postgres.5301: LOG: checkpoint starting"),
        (
            "2026-11-24 18:09:45",
            "[4242] LOG: duration: 14263001.118 ms statement: ALTER TABLE orders ADD COLUMN status",
        ),
    ]
    assert all(row.marks == () for row in result.rows)  # every line says UTC
    assert [row.line for row in result.rows] == [1, 2, 3, 4, 6, 8]


def test_priority_prefixes_colour_codes_and_bad_lines() -> None:
    result = parse_log(
        "<34>1 2026-11-24T19:12:00Z db-1 su - - - \x1b[31mfailed\x1b[0m\n"
        "\tcontinued\n"
        "garbage\n"
        "\tafter garbage\n"
        "2026-11-24T25:00:00Z nope\n"
        "2026-11-24T19:13:00Z\n",
        checkout_rules(),
    )
    assert shown(result.rows) == [("2026-11-24 14:12:00", "db-1 su - - - failed continued")]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (3, "no timestamp at the start"),
        (4, "an indented line with no entry above it"),
        (5, "25:00:00 is not a time of day (00:00 to 23:59)"),
        (6, "a timestamp with no message"),
    ]


def test_an_empty_file_imports_nothing_without_complaint() -> None:
    result = parse_log("", checkout_rules())
    assert result.rows == () and result.skipped == ()
