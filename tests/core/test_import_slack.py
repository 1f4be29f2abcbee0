"""A Slack export: a channel folder or day file, names from users.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postmortem_tui.importers.files import ImportFileError
from postmortem_tui.importers.slack import read_slack, readable

from .importing import FIXTURES, checkout_rules, shown

CHANNEL = FIXTURES / "slack-export" / "inc-checkout"


def test_a_channel_folder() -> None:
    result = read_slack(CHANNEL, checkout_rules())
    assert shown(result.rows) == [
        (
            "2026-11-24 14:17:05",
            "PagerDuty: Triggered #4821: checkout 5xx rate above 5% View incident",
        ),
        (
            "2026-11-24 14:18:40",
            "Sam Chen: looking at checkout errors, @Marcus Okafor can you join? "
            "dashboard: checkout board",
        ),
        ("2026-11-24 14:19:02", "Marcus Okafor: on it & paging DB on-call (Priya) <now>"),
        (
            "2026-11-24 14:31:00",
            "Marcus Okafor: declaring SEV1, I'm IC. @here status in #status-page",
        ),
        (
            "2026-11-24 14:48:30",
            "Priya Raman: migration 0142 holds an AccessExclusiveLock on orders: "
            "https://logs.example.com/q/8812",
        ),
        (
            "2026-11-24 18:16:00",
            "Marcus Okafor: error rates at baseline for ten minutes, resolving",
        ),
        (
            "2026-11-25 09:30:00",
            "Sam Chen: replayed the queued orders; 2,400 failed orders listed for outreach",
        ),
    ]
    assert all(row.source == "chat" and row.marks == () for row in result.rows)
    assert [row.link for row in result.rows[:2]] == [
        "https://example.pagerduty.com/incidents/Q1CHK0UT",
        "https://grafana.example.com/d/checkout",
    ]
    assert result.notes == (
        "3 messages joining or leaving the channel left out",
        "1 message edited: kept once, as last edited",
        "1 message deleted: left out",
    )
    assert [str(s) for s in result.skipped] == ["2026-11-24.json: item 11: no readable ts (None)"]


def test_one_day_file_finds_users_json_two_folders_up() -> None:
    result = read_slack(CHANNEL / "2026-11-25.json", checkout_rules())
    assert [row.text for row in result.rows] == [
        "Sam Chen: replayed the queued orders; 2,400 failed orders listed for outreach"
    ]
    assert result.rows[0].origin == "2026-11-25.json" and result.rows[0].record == 1


def test_without_users_json_people_show_as_ids(tmp_path: Path) -> None:
    day = tmp_path / "2026-11-24.json"
    day.write_text(
        json.dumps([{"type": "message", "user": "U9", "text": "hi <@U8>", "ts": "1795547920.1"}])
    )
    result = read_slack(day, checkout_rules())
    assert [row.text for row in result.rows] == ["U9: hi @U8"]
    assert any("users.json" in note for note in result.notes)


def test_ts_is_read_as_a_string_not_a_float(tmp_path: Path) -> None:
    # ts identifies a message (an edit names the ts it replaces): messages whose ts differ only
    # in the last digit are two messages, and a ts written as a number is read from its digits.
    day = tmp_path / "2026-11-24.json"
    day.write_text(
        '[{"type": "message", "text": "one", "ts": "1795547920.0000001"},'
        ' {"type": "message", "text": "two", "ts": "1795547920.0000002"},'
        ' {"type": "message", "text": "number ts", "ts": 1795547941.9999999},'
        ' {"type": "message", "text": "bad ts", "ts": "yesterday"}]'
    )
    result = read_slack(day, checkout_rules())
    assert shown(result.rows) == [
        ("2026-11-24 14:18:40", "one"),
        ("2026-11-24 14:18:40", "two"),
        ("2026-11-24 14:19:01", "number ts"),
    ]
    assert [s.reason for s in result.skipped] == ["no readable ts ('yesterday')"]


def test_the_whole_export_folder_is_refused_naming_its_channels() -> None:
    with pytest.raises(ImportFileError, match="import one channel's folder: .*inc-checkout"):
        read_slack(FIXTURES / "slack-export", checkout_rules())


def test_a_folder_without_day_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no Slack day files"):
        read_slack(tmp_path, checkout_rules())


def test_a_day_file_that_is_not_a_list_is_refused(tmp_path: Path) -> None:
    day = tmp_path / "2026-11-24.json"
    day.write_text('{"ok": true}')
    with pytest.raises(ImportFileError, match="not a Slack day file"):
        read_slack(day, checkout_rules())


@pytest.mark.parametrize(
    ("markup", "text", "link"),
    [
        ("<@U1> look", "@Sam Chen look", ""),
        ("<@U2|sam> look", "@sam look", ""),
        ("<#C1|general>", "#general", ""),
        ("<!here> <!channel>", "@here @channel", ""),
        ("<!subteam^S1|@oncall>", "@oncall", ""),
        (
            "<https://a.example|A> and <https://b.example|B>",
            "A and B (https://b.example)",
            "https://a.example",
        ),
        ("<https://a.example>", "https://a.example", "https://a.example"),
        ("<mailto:x@example.com|x@example.com>", "x@example.com", ""),
        ("a &amp; b &lt;c&gt;", "a & b <c>", ""),
    ],
)
def test_slack_markup_made_readable(markup: str, text: str, link: str) -> None:
    assert readable(markup, {"U1": "Sam Chen"}) == (text, link)
