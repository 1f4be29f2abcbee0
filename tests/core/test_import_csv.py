"""CSV with a time column and a text column."""

from __future__ import annotations

from postmortem_tui.importers.csv_table import header_columns, parse_csv
from postmortem_tui.importers.files import read_text

from .importing import FIXTURES, checkout_rules, shown


def test_a_header_with_a_zone_source_kind_and_link_columns() -> None:
    result = parse_csv(read_text(FIXTURES / "timeline.csv"), checkout_rules())
    assert shown(result.rows) == [
        ("2026-11-24 14:12", "Migration 0142 deployed"),
        ("2026-11-24 14:17:05", "Checkout 5xx alert fires, paging on-call"),
        ("2026-11-24 14:23", "On-call acknowledges"),
        ("2026-11-24 18:09", "Migration finishes; lock released"),
        ("2026-11-24 18:16", "Incident resolved"),
    ]
    assert [(row.source, row.kind) for row in result.rows] == [
        ("deploy", "trigger"),
        ("alert", "alert"),
        ("alert", "acknowledged"),
        ("log", "mitigated"),
        ("chat", "resolved"),
    ]
    assert result.rows[0].link == "https://ci.example.com/builds/8812"
    # "Time (UTC)" names the zone: nothing assumed; the undated 19:23 takes the date above it.
    assert [row.marks for row in result.rows] == [(), (), ("date inferred",), (), ()]
    # Line numbers count the lines of the file, also across a quoted line break.
    assert [row.line for row in result.rows] == [2, 3, 4, 6, 9]
    assert [(s.line, s.reason) for s in result.skipped] == [(5, "'soon' is not a time")]


def test_a_headerless_tab_separated_file() -> None:
    result = parse_csv((FIXTURES / "headerless.tsv").read_text(), checkout_rules())
    assert shown(result.rows) == [
        ("2026-11-24 14:12", "Migration deployed"),
        ("2026-11-24 14:17", "Alerts fire"),
        ("2026-11-24 14:23", "Acknowledged"),
    ]
    assert all(row.source == "other" for row in result.rows)
    assert result.description == "CSV without a header row"


def test_separate_date_and_time_columns_semicolons_and_unknown_values() -> None:
    text = "date;time;what;kind\n2026-11-24;14:12;deploy;boom\n2026-11-24;14:17;;alert\n"
    result = parse_csv(text, checkout_rules())
    assert shown(result.rows) == [("2026-11-24 14:12", "deploy")]
    assert result.rows[0].kind == "other"
    assert [(s.line, s.reason) for s in result.skipped] == [(3, "no text")]


def test_no_time_column_skips_every_row_with_its_line() -> None:
    result = parse_csv("name,role\nSam,on-call\n", checkout_rules())
    assert result.rows == ()
    assert [s.line for s in result.skipped] == [1, 2]


def test_header_names() -> None:
    columns = header_columns(["Timestamp", "Source", "Message"])
    assert columns is not None and (columns.time, columns.text, columns.source) == (0, 2, 1)
    assert header_columns(["a", "b"]) is None
