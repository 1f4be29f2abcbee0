"""The zone the timeline's times are in: one zone for the header, typed, imported and stamped
times and the key durations, named in the document."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from postmortem_tui.durations import key_durations
from postmortem_tui.editing import add_timeline
from postmortem_tui.export import render
from postmortem_tui.importers import parse_import_text
from postmortem_tui.model import Incident, Session, TimelineEntry

from .importing import NEW_YORK

EASTERN_DAYLIGHT = timezone(timedelta(hours=-4))
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


def durations(session: Session) -> dict[str, timedelta]:
    return {duration.name: duration.value for duration in key_durations(session)}


def offset_session() -> Session:
    """Started with `new --start '2017-09-26 11:10-04:00'`: an offset, no zone named."""
    return Session(
        incident=Incident(
            title="PD demo",
            start=datetime(2017, 9, 26, 11, 10, tzinfo=EASTERN_DAYLIGHT),
            end=datetime(2017, 9, 26, 11, 30, tzinfo=EASTERN_DAYLIGHT),
        )
    )


def test_with_no_zone_named_the_starts_offset_is_the_timelines_zone() -> None:
    session = offset_session()
    result = parse_import_text("2017-09-26T15:14:36Z Triggered through the website", session)
    assert [row.time_text for row in result.rows] == ["11:14:36"]  # 4 min after the start
    assert "times are shown in UTC-04:00" in " ".join(result.notes)
    document = render(session)
    assert "- **Times are in:** UTC-04:00" in document


def test_a_time_stamped_by_the_app_is_in_the_starts_offset() -> None:
    session = offset_session()
    entry = add_timeline(session, "paged the database team", NOW)
    assert entry.time == "08:00:00" and "stamped" in entry.marks


def test_a_session_with_no_zone_at_all_states_none() -> None:
    session = Session(incident=Incident(title="x", start=datetime(2026, 11, 24, 14, 12)))
    assert "Times are in" not in render(session)


def test_the_days_are_counted_from_the_start_in_the_incidents_zone() -> None:
    # Stored in UTC, read in New York: 02:00Z on the 25th is 21:00 on the 24th.
    session = Session(
        incident=Incident(
            title="Late night",
            start=datetime(2026, 11, 25, 2, 0, tzinfo=timezone.utc),
            end=datetime(2026, 11, 25, 6, 0, tzinfo=timezone.utc),
            timezone="America/New_York",
        )
    )
    assert session.reference_date == date(2026, 11, 24)
    for typed, kind in [("21:05 impact began", "impact"), ("00:30 mitigated", "mitigated")]:
        add_timeline(session, typed, NOW).kind = kind
    session.sort_timeline()
    assert [(e.date, e.time) for e in session.timeline] == [
        (None, "21:05"),
        (date(2026, 11, 25), "00:30"),
    ]
    assert durations(session)["Time to mitigate"] == timedelta(hours=3, minutes=25)


def test_durations_count_the_hour_daylight_saving_time_gives_back() -> None:
    # New York's clocks went from 02:00 EDT back to 01:00 EST on 2026-11-01.
    session = Session(
        incident=Incident(
            title="Over the change",
            start=datetime(2026, 10, 31, 23, 40, tzinfo=NEW_YORK),
            timezone="America/New_York",
        ),
        timeline=[
            TimelineEntry(time="23:40", text="bad deploy", kind="impact"),
            TimelineEntry(time="03:20", date=date(2026, 11, 1), text="rolled back", kind="mitigated"),
        ],
    )
    assert durations(session)["Time to mitigate"] == timedelta(hours=4, minutes=40)
    assert "| Time to mitigate | 4 h 40 min |" in render(session)


def test_total_impact_is_shown_only_when_it_is_not_time_to_mitigate() -> None:
    entries = [
        TimelineEntry(time="10:00", text="bad deploy", kind="trigger"),
        TimelineEntry(time="10:05", text="5xx alert", kind="alert"),
        TimelineEntry(time="11:30", text="all traffic back", kind="resolved"),
    ]
    resolved_only = Session(timeline=entries)
    assert "| Total impact | 1 h 30 min |" in render(resolved_only)
    mitigated = Session(timeline=[*entries, TimelineEntry(time="10:50", text="rolled back", kind="mitigated")])
    document = render(mitigated)
    assert "| Time to mitigate | 50 min |" in document
    assert "Total impact" not in document  # the same two entries, said once


def test_marks_on_times_are_explained_under_the_timeline_once_each() -> None:
    session = Session(
        timeline=[
            TimelineEntry(time="21:05", text="impact began", kind="impact", marks=["zone assumed"]),
            TimelineEntry(time="21:40:12", text="paged the DBA", marks=["stamped"]),
            TimelineEntry(time="22:35", text="rolled back", kind="mitigated", marks=["stamped"]),
        ]
    )
    document = render(session)
    assert document.count("- *stamped*: no time was given") == 1
    assert "- *zone assumed*: the source gave no time zone" in document
    assert "date inferred" not in document  # only the marks used
    assert "| impact started (21:05) | mitigation (22:35) |" in document  # no nested marks
