"""Every real file in ../shared/realdata of a supported kind imports with the right number of
entries at the right times. The files are read in place, never copied."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from postmortem_tui.durations import format_duration, key_durations
from postmortem_tui.export import render
from postmortem_tui.importers import apply_rows, preview, read_import
from postmortem_tui.model import Incident, Session
from tests.conftest import REALDATA

pytestmark = pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is not here")

UTC = ZoneInfo("UTC")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def _session(zone: ZoneInfo, start: datetime, hours: float = 2) -> Session:
    start = start.replace(tzinfo=zone)
    return Session(
        incident=Incident(
            title="real data",
            start=start,
            end=start + timedelta(hours=hours),
            timezone=zone.key,
        )
    )


def _times(result) -> list[str]:
    return [row.when.strftime("%Y-%m-%d ") + row.time_text for row in result.rows]


def _adds_all(path, session: Session, count: int) -> None:
    """All rows reach the timeline (no window), and a second import adds nothing."""
    rows = read_import(path, session).rows
    added = apply_rows(session, preview(rows, session, window=None).rows)
    assert len(added) == count
    assert preview(read_import(path, session).rows, session, window=None).rows == ()


def test_k8s_prow_outage_timeline_in_pacific_time() -> None:
    path = REALDATA / "postmortems" / "k8s-test-infra_2019-01-23_prow-outage.md"
    session = _session(LOS_ANGELES, datetime(2019, 1, 23, 4, 49), hours=4)
    result = read_import(path, session)
    assert result.format == "text"
    assert _times(result) == [
        "2019-01-22 14:54",
        "2019-01-22 15:28",
        "2019-01-23 04:49",
        "2019-01-23 07:10",
        "2019-01-23 07:18",
        "2019-01-23 08:02",
        "2019-01-23 08:04",
        "2019-01-23 08:07",
        "2019-01-23 08:12",
        "2019-01-23 08:27",
        "2019-01-23 08:36",
    ]
    assert result.rows[0].text == "config behavior change PR merged"
    assert result.rows[0].link == "https://github.com/kubernetes/test-infra/pull/10868/files"
    assert result.rows[5].text.startswith("@stevekuznetsov reports that GitHub webhooks")
    assert result.rows[5].text.endswith("in response to our webhooks.")
    # "All times in PST" is stated, so no zone is assumed; the date lines date the entries:
    # nothing is inferred (the published document marked every row "date inferred").
    assert all(row.marks == () for row in result.rows)
    assert result.skipped == ()
    _adds_all(path, session, 11)


def test_k8s_prow_outage_converted_to_utc() -> None:
    path = REALDATA / "postmortems" / "k8s-test-infra_2019-01-23_prow-outage.md"
    result = read_import(path, _session(UTC, datetime(2019, 1, 23, 12, 0)))
    assert _times(result)[:3] == ["2019-01-22 22:54", "2019-01-22 23:28", "2019-01-23 12:49"]
    assert _times(result)[-1] == "2019-01-23 16:36"


def test_pypi_2024_leaked_token_eastern_daylight_time() -> None:
    path = REALDATA / "postmortems" / "pypi_2024-07-08_leaked-admin-github-token.md"
    session = _session(UTC, datetime(2024, 6, 28, 11, 0))
    result = read_import(path, session)
    assert _times(result) == ["2024-06-28 11:09", "2024-06-28 11:26"]
    assert result.rows[1].text == "GitHub Personal Access Token for `ewdurbin` destroyed."
    assert all(row.marks == () for row in result.rows)
    # The undated and date-only items are reported, not guessed.
    assert [(s.line, s.reason) for s in result.skipped] == [
        (25, "no time at the start"),
        (30, "a date without a time of day"),
        (33, "a date without a time of day"),
        (36, "a date without a time of day"),
    ]
    _adds_all(path, session, 2)


def test_pypi_2025_org_team_privileges_utc() -> None:
    path = REALDATA / "postmortems" / "pypi_2025-04-14_org-team-privileges.md"
    session = _session(UTC, datetime(2025, 4, 14, 16, 37), hours=2.5)
    result = read_import(path, session)
    assert _times(result) == [
        "2025-04-14 16:37",
        "2025-04-14 17:02",
        "2025-04-14 17:22",
        "2025-04-14 17:58",
        "2025-04-14 18:30",
        "2025-04-14 18:33",
        "2025-04-14 18:39",
        "2025-04-14 19:06",
    ]
    assert result.rows[1].text == "PyPI Security acknowledges receipt."
    assert result.skipped == ()
    # In the default window (an hour either side of 16:37 to 19:07) all eight are offered.
    assert len(preview(result, session).rows) == 8
    _adds_all(path, session, 8)


def test_heroku_postgres_lock_wait_and_deadlock() -> None:
    path = REALDATA / "logs" / "postgres_heroku-logplex_lockwait-deadlock.log"
    session = _session(UTC, datetime(2019, 3, 14, 0, 0))
    result = read_import(path, session)
    assert result.format == "log"
    assert _times(result) == [
        "2019-03-14 00:22:56",
        "2019-03-14 00:23:00",
        "2019-03-14 00:23:00",
        "2019-03-14 00:23:00",
        "2019-03-14 00:23:00",
        "2019-03-14 00:23:02",
        "2019-03-14 00:23:02",
        "2019-03-14 00:23:02",
        "2019-03-14 00:23:02",
        "2021-09-07 04:01:27",
    ]
    deadlock = result.rows[2].text
    assert deadlock.startswith("postgres.4849: ERROR: deadlock detected DETAIL: Process 4849 waits")
    assert "Process 4796 waits for ShareLock on transaction 259635423" in deadlock  # segment 4
    assert deadlock.endswith("AND l.key = rl.key")  # segment 10
    assert result.skipped == ()
    _adds_all(path, session, 10)
    # The 2021 message is far outside an incident on 2019-03-14.
    assert len(preview(result, session).outside) == 1


def test_rds_postgres_prefix() -> None:
    path = REALDATA / "logs" / "postgres_rds-prefix_two-lines.log"
    session = _session(UTC, datetime(2021, 5, 27, 17, 0))
    result = read_import(path, session)
    assert _times(result) == ["2021-05-27 17:00:00", "2021-05-27 17:46:39"]
    assert result.rows[1].text.endswith("LOG: duration: 0.060 ms statement: UPDATE t1 SET c1=1;")
    _adds_all(path, session, 2)


def test_macos_syslog_with_continuation_lines() -> None:
    path = REALDATA / "logs" / "syslog_macos_multiline.log"
    session = _session(UTC, datetime(2019, 8, 16, 0, 0))
    result = read_import(path, session)
    assert _times(result) == [
        "2019-08-16 00:10:45",
        "2019-08-16 00:28:56",
        "2019-08-16 00:32:15",
        "2019-08-16 00:32:15",
        "2019-08-16 00:32:15",
        "2019-08-16 00:32:15",
        "2019-08-16 00:32:15",
    ]
    assert result.rows[2].text == (
        'Tims-Air syslogd[314]: Configuration Notice: ASL Module "com.apple.cdscheduler" claims '
        "selected messages. Those messages may not appear in standard system log files or in "
        "the ASL database."
    )
    assert all(row.marks == ("zone assumed", "date inferred") for row in result.rows)
    _adds_all(path, session, 7)


def test_syslog_read_in_another_zone_with_tz() -> None:
    path = REALDATA / "logs" / "syslog_macos_multiline.log"
    session = _session(LOS_ANGELES, datetime(2019, 8, 15, 17, 0))
    result = read_import(path, session, tz="UTC")
    assert _times(result)[0] == "2019-08-15 17:10:45"  # PDT is UTC-7


def test_slack_channel_export() -> None:
    path = REALDATA / "slack" / "hfaran-testarchive" / "enrique"
    session = _session(LOS_ANGELES, datetime(2016, 2, 7, 14, 0), hours=9)
    result = read_import(path, session)
    assert result.format == "slack"
    assert _times(result) == [
        "2016-01-14 21:55:52",
        "2016-01-14 21:55:59",
        "2016-02-07 14:42:07",
        "2016-02-07 15:40:58",
        "2016-02-07 16:46:34",
        "2016-02-07 16:57:02",
        "2016-02-07 17:15:11",
        "2016-02-07 17:19:01",
        "2016-02-07 17:28:17",
        "2016-02-07 17:29:01",
        "2016-02-07 17:31:37",
        "2016-02-07 17:31:38",
        "2016-02-07 18:17:34",
        "2016-02-07 20:03:14",
        "2016-02-07 20:03:31",
        "2016-02-07 20:08:30",
        "2016-02-07 20:18:09",
        "2016-02-07 20:27:26",
        "2016-02-07 20:28:42",
        "2016-02-07 21:14:36",
        "2016-02-07 22:20:55",
        "2016-02-07 23:15:06",
    ]
    assert result.rows[0].text == (
        "Hamza Faran: @Harry Potter: Created an issue for a setup.py so that it can be "
        "installed to a standard place"
    )
    assert result.rows[4].text == "[enrique:master] 1 new commit by Anthony Bilinski"
    assert result.rows[4].link.startswith(
        "https://github.com/mesos-magellan/enrique/commit/ed1acbe"
    )
    assert "4 messages joining or leaving the channel left out" in result.notes
    # The January messages are weeks outside a February incident.
    window = preview(result, session)
    assert (len(window.rows), len(window.outside)) == (20, 2)
    _adds_all(path, session, 22)


def test_slack_single_day_file() -> None:
    path = REALDATA / "slack" / "hfaran-testarchive" / "enrique" / "2016-01-14.json"
    session = _session(LOS_ANGELES, datetime(2016, 1, 14, 21, 0))
    result = read_import(path, session)
    assert _times(result) == ["2016-01-14 21:55:52", "2016-01-14 21:55:59"]


@pytest.mark.parametrize(
    ("name", "time", "kind", "text"),
    [
        (
            "rest_v2_listIncidentLogEntries.example.json",
            "2015-11-07 00:14:20",
            "alert",
            "[#1234] The server is on fire. \u2014 Triggered through the API",
        ),
        (
            "webhook_v2_incident.trigger.json",
            "2017-09-26 15:14:36",
            "alert",
            "[#33] My new incident \u2014 Triggered through the website",
        ),
        (
            "webhook_v2_incident.acknowledge.json",
            "2017-09-26 15:15:17",
            "acknowledged",
            "[#33] My new incident \u2014 Acknowledged by Laura Haley",
        ),
        (
            "webhook_v2_incident.assign.json",
            "2017-09-26 15:16:05",
            "other",
            "[#33] My new incident \u2014 Assigned to Wiley Jacobson by Laura Haley",
        ),
        (
            "webhook_v2_incident.resolve.json",
            "2017-09-26 15:18:09",
            "resolved",
            "[#33] My new incident \u2014 Resolved by Laura Haley",
        ),
        (
            "webhook_v3_incident.priority_updated.json",
            "2020-10-02 18:45:22",
            "other",
            "[#2] A little bump in the road \u2014 Priority set to P1 by Tenex Engineer",
        ),
    ],
)
def test_pagerduty_examples(name: str, time: str, kind: str, text: str) -> None:
    path = REALDATA / "pagerduty" / name
    session = _session(UTC, datetime(2017, 9, 26, 15, 0))
    result = read_import(path, session)
    assert result.format == "pagerduty"
    assert [
        (t, row.kind, row.text, row.source)
        for t, row in zip(_times(result), result.rows, strict=True)
    ] == [(time, kind, text, "alert")]
    _adds_all(path, session, 1)


def test_pagerduty_trigger_acknowledge_resolve_fill_in_the_durations() -> None:
    session = _session(LOS_ANGELES, datetime(2017, 9, 26, 8, 0))
    for event in ("trigger", "acknowledge", "assign", "resolve"):
        result = read_import(REALDATA / "pagerduty" / f"webhook_v2_incident.{event}.json", session)
        apply_rows(session, preview(result, session).rows)
    assert [(e.time, e.kind) for e in session.timeline] == [
        ("08:14:36", "alert"),
        ("08:15:17", "acknowledged"),
        ("08:16:05", "other"),
        ("08:18:09", "resolved"),
    ]
    durations = {d.name: format_duration(d.value) for d in key_durations(session)}
    assert durations == {"Time to acknowledge": "41 s", "Time to resolve": "3 min"}
    document = render(session)
    assert (
        "| Time to acknowledge | 41 s | the first alert (08:14:36) | acknowledgement (08:15:17) |"
        in document
    )
    assert (
        "| Time to resolve | 3 min | the first alert (08:14:36) | resolution (08:18:09) |"
        in document
    )


@pytest.mark.parametrize(
    "name", ["k8s_kubectl-describe-pod_oomkilled.txt", "k8s_kubectl-events_backoff.txt"]
)
def test_kubectl_output_with_relative_ages_is_not_a_supported_kind(name: str) -> None:
    # "6m40s" ago has no clock time to place on a timeline: nothing is invented, and every
    # line is accounted for as skipped.
    result = read_import(REALDATA / "logs" / name, _session(UTC, datetime(2025, 2, 27, 6, 0)))
    assert result.rows == ()
    assert result.skipped and result.skipped[0].line == 1
