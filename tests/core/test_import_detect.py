"""Which format a file is read as, detected or named, and files that cannot be read at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from postmortem_tui.importers import (
    ImportFileError,
    detect,
    parse_import_text,
    read_import,
)

from .importing import FIXTURES, checkout_session


@pytest.mark.parametrize(
    ("name", "format"),
    [
        ("checkout-postmortem.md", "text"),
        ("chat-paste.txt", "text"),
        ("db-syslog.log", "log"),
        ("postgres.log", "log"),
        ("slack-export/inc-checkout", "slack"),
        ("slack-export/inc-checkout/2026-11-24.json", "slack"),
        ("pagerduty/log_entries.json", "pagerduty"),
        ("pagerduty/webhook-v2-trigger.json", "pagerduty"),
        ("pagerduty/webhooks-v3.jsonl", "pagerduty"),
        ("timeline.csv", "csv"),
        ("headerless.tsv", "csv"),
    ],
)
def test_each_fixture_is_detected(name: str, format: str) -> None:
    path = FIXTURES / name
    assert detect(path).format == format
    result = read_import(path, checkout_session())
    assert result.format == format
    assert result.detected  # the dialog shows why
    assert result.rows


def test_content_decides_over_a_missing_suffix(tmp_path: Path) -> None:
    log = tmp_path / "paste"
    log.write_text("2026-11-24T19:12:00Z db-1 start\n2026-11-24T19:13:00Z db-1 more\n")
    assert detect(log).format == "log"
    csv = tmp_path / "export"
    csv.write_text("time,event\n14:12,deploy\n")
    assert detect(csv).format == "csv"
    table = tmp_path / "table"
    table.write_text("| Time | Event |\n|---|---|\n| 14:12 | deploy |\n")
    assert detect(table).format == "text"  # a Markdown table, read by the text importer
    day = tmp_path / "messages"
    day.write_text('[{"type": "message", "text": "x", "ts": "1795547920.000400"}]')
    assert detect(day).format == "slack"


def test_the_format_can_be_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.log"
    path.write_text("14:12 deploy\n")
    assert read_import(path, checkout_session()).format == "log"
    result = read_import(path, checkout_session(), format="text")
    assert result.format == "text" and result.detected == ""
    assert [row.source for row in result.rows] == ["manual"]


def test_unknown_format_and_zone_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        read_import(FIXTURES / "chat-paste.txt", checkout_session(), format="xml")
    with pytest.raises(ValueError, match="'Mars' is not a time zone"):
        read_import(FIXTURES / "chat-paste.txt", checkout_session(), tz="Mars")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b"\x00\x01binary"), "is not a text file"),
        (lambda p: p.mkdir(), "is a folder but not a Slack channel export"),
    ],
)
def test_files_that_cannot_be_read_at_all(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "input"
    make(path)
    with pytest.raises(ImportFileError, match=message) as raised:
        read_import(path, checkout_session())
    assert "\n" not in str(raised.value)


def test_bytes_that_are_not_utf8_do_not_stop_the_import(tmp_path: Path) -> None:
    path = tmp_path / "latin1.log"
    path.write_bytes(b"2026-11-24T19:12:00Z caf\xe9 opened\n")
    rows = read_import(path, checkout_session()).rows
    assert [row.text for row in rows] == ["caf\ufffd opened"]


def test_pasted_text_can_be_imported_without_a_file() -> None:
    result = parse_import_text("14:12 deploy\n14:17 alert\n", checkout_session())
    assert result.format == "text" and len(result.rows) == 2
    with pytest.raises(ImportFileError):
        parse_import_text("[]", checkout_session(), format="slack")


def test_a_session_without_a_zone_reads_times_in_utc_and_says_so() -> None:
    session = checkout_session(timezone="", start=None, end=None)
    result = read_import(FIXTURES / "chat-paste.txt", session)
    assert result.rows[0].when.utcoffset().total_seconds() == 0
    assert any("no incident time zone" in note for note in result.notes)
