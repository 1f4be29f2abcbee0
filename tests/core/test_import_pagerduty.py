"""PagerDuty: REST log entries and v2/v3 webhooks, with kinds that fill in the durations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postmortem_tui.importers.files import ImportFileError
from postmortem_tui.importers.pagerduty import parse_pagerduty, read_pagerduty

from .importing import FIXTURES, checkout_rules, shown

INCIDENT = "[#4821] checkout 5xx rate above 5%"
PAGE = "https://example.pagerduty.com/incidents/Q1CHK0UT"


def test_rest_log_entries_become_alert_acknowledged_resolved() -> None:
    result = read_pagerduty(FIXTURES / "pagerduty" / "log_entries.json", checkout_rules())
    assert [
        (when, text, row.kind)
        for (when, text), row in zip(shown(result.rows), result.rows, strict=True)
    ] == [
        ("2026-11-24 14:17:05", f"{INCIDENT} \u2014 Triggered through the API", "alert"),
        (
            "2026-11-24 14:20:00",
            f"{INCIDENT} \u2014 Note added: Looks like the orders table is locked",
            "other",
        ),
        ("2026-11-24 14:23:10", f"{INCIDENT} \u2014 Acknowledged by Sam Chen", "acknowledged"),
        ("2026-11-24 18:16:30", f"{INCIDENT} \u2014 Resolved by Marcus Okafor", "resolved"),
    ]
    assert all(row.source == "alert" and row.link == PAGE for row in result.rows)
    assert [str(s) for s in result.skipped] == [
        "item 5: no readable time ('yesterday-ish'): 'Notified Sam Chen by SMS'"
    ]


def test_a_v2_webhook_without_log_entries_uses_its_event() -> None:
    result = read_pagerduty(FIXTURES / "pagerduty" / "webhook-v2-trigger.json", checkout_rules())
    assert shown(result.rows) == [("2026-11-24 14:17:05", f"{INCIDENT} \u2014 Triggered")]
    assert result.rows[0].kind == "alert"


def test_v3_webhooks_one_per_line() -> None:
    result = read_pagerduty(FIXTURES / "pagerduty" / "webhooks-v3.jsonl", checkout_rules())
    assert [(t, row.kind) for (_, t), row in zip(shown(result.rows), result.rows, strict=True)] == [
        (f"{INCIDENT} \u2014 Triggered", "alert"),
        (f"{INCIDENT} \u2014 Acknowledged by Sam Chen", "acknowledged"),
        (f"{INCIDENT} \u2014 Priority set to SEV1 by Marcus Okafor", "other"),
        (f"{INCIDENT} \u2014 Note by Priya Raman: Migration 0142 holds the lock", "other"),
        (f"{INCIDENT} \u2014 Resolved by Marcus Okafor", "resolved"),
    ]
    assert [row.record for row in result.rows] == [1, 2, 3, 4, 5]


def test_other_json_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"status": "ok"}))
    with pytest.raises(ImportFileError, match="is JSON but not PagerDuty data"):
        read_pagerduty(path, checkout_rules())


def test_broken_json_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "log_entries": [\n    {"id": 1,,}\n  ]\n}\n')
    with pytest.raises(ImportFileError) as raised:
        read_pagerduty(path, checkout_rules())
    assert str(raised.value).startswith(f"{path}:3: column ")
    assert "not valid JSON" in str(raised.value)


def test_a_list_of_incidents() -> None:
    document = {
        "incidents": [
            {
                "incident_number": 7,
                "title": "db down",
                "created_at": "2026-11-24T19:17:00Z",
                "status": "resolved",
                "resolved_at": "2026-11-24T20:00:00Z",
                "acknowledgements": [
                    {"at": "2026-11-24T19:20:00Z", "acknowledger": {"summary": "Sam Chen"}}
                ],
                "html_url": "https://example.pagerduty.com/incidents/P7",
            }
        ]
    }
    result = parse_pagerduty(document, checkout_rules())
    assert [(t, row.kind) for (t, _), row in zip(shown(result.rows), result.rows, strict=True)] == [
        ("2026-11-24 14:17:00", "alert"),
        ("2026-11-24 14:20:00", "acknowledged"),
        ("2026-11-24 15:00:00", "resolved"),
    ]


@pytest.mark.parametrize("shape", ["list", "lines"])
def test_bare_log_entries_as_a_list_or_json_lines(tmp_path: Path, shape: str) -> None:
    """What a script paging through GET /log_entries saves: the entries without the wrapper."""
    wrapped = read_pagerduty(FIXTURES / "pagerduty" / "log_entries.json", checkout_rules())
    entries = json.loads((FIXTURES / "pagerduty" / "log_entries.json").read_text())["log_entries"]
    path = tmp_path / ("entries.json" if shape == "list" else "entries.jsonl")
    if shape == "list":
        path.write_text(json.dumps([*entries, 42]))
    else:
        path.write_text("".join(json.dumps(entry) + "\n" for entry in entries))
    result = read_pagerduty(path, checkout_rules())
    assert shown(result.rows) == shown(wrapped.rows)
    assert [row.kind for row in result.rows] == [row.kind for row in wrapped.rows]
    reasons = [s.reason for s in result.skipped]
    assert reasons[0] == "no readable time ('yesterday-ish')"
    assert reasons[1:] == (["not a PagerDuty object"] if shape == "list" else [])
