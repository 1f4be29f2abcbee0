"""From rows to the timeline: the window, duplicates, shifting, applying in one step, undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from postmortem_tui.durations import format_duration, key_durations
from postmortem_tui.export import render
from postmortem_tui.importers import (
    ImportRow,
    Window,
    apply_rows,
    default_window,
    parse_moment,
    preview,
    read_import,
    shift_rows,
    shown_time,
    to_entry,
    unapply,
    window_from,
)
from postmortem_tui.importers.preview import parse_offset
from postmortem_tui.persistence import dumps, load, loads

from .importing import FIXTURES, NEW_YORK, checkout_session

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _row(hour: int, minute: int, text: str, day: int = 24, **fields: object) -> ImportRow:
    when = datetime(2026, 11, day, hour, minute, tzinfo=NEW_YORK)
    return ImportRow(when=when, text=text, source="log", **fields)  # type: ignore[arg-type]


def test_the_default_window_is_an_hour_either_side_of_the_incident() -> None:
    window = default_window(checkout_session())
    assert window == Window(
        datetime(2026, 11, 24, 13, 12, tzinfo=NEW_YORK),
        datetime(2026, 11, 24, 19, 16, tzinfo=NEW_YORK),
    )
    rows = [
        _row(13, 11, "too early"),
        _row(13, 12, "edge"),
        _row(19, 16, "end"),
        _row(19, 17, "late"),
    ]
    shown = preview(rows, checkout_session())
    assert [r.text for r in shown.rows] == ["edge", "end"]
    assert [r.text for r in shown.outside] == ["too early", "late"]


def test_without_an_end_the_window_runs_a_day_and_without_a_start_there_is_none() -> None:
    window = default_window(checkout_session(end=None))
    assert window is not None and window.end == datetime(2026, 11, 25, 14, 12, tzinfo=NEW_YORK)
    assert default_window(checkout_session(start=None, end=None)) is None


def test_the_window_can_be_moved_or_dropped() -> None:
    session = checkout_session()
    window = window_from(session, since="12:00", until="2026-11-25 09:00")
    assert window == Window(
        datetime(2026, 11, 24, 12, 0, tzinfo=NEW_YORK),
        datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK),
    )
    rows = [_row(12, 30, "before"), _row(8, 0, "next morning", day=25)]
    assert len(preview(rows, session, window=window).rows) == 2
    assert len(preview(rows, session, window=None).rows) == 2
    assert len(preview(rows, session).rows) == 0
    with pytest.raises(ValueError, match="ends before it starts"):
        window_from(session, since="15:00", until="14:00")
    with pytest.raises(ValueError, match="is not a time"):
        window_from(session, since="lunch")


def test_typed_moments_are_read_in_the_incident_zone_unless_they_say() -> None:
    session = checkout_session()
    assert parse_moment("14:00", session) == datetime(2026, 11, 24, 14, 0, tzinfo=NEW_YORK)
    assert parse_moment("2026-11-24T19:00Z", session) == datetime(
        2026, 11, 24, 14, 0, tzinfo=NEW_YORK
    )


def test_shifting_moves_every_time() -> None:
    rows = shift_rows([_row(14, 12, "a"), _row(23, 58, "b")], parse_offset("+5m"))
    assert [(r.when.date(), r.time_text) for r in rows] == [
        (date(2026, 11, 24), "14:17"),
        (date(2026, 11, 25), "00:03"),
    ]
    shown = preview([_row(13, 8, "clock was slow")], checkout_session(), shift=timedelta(minutes=5))
    assert [r.time_text for r in shown.rows] == ["13:13"]


@pytest.mark.parametrize(
    ("typed", "delta"),
    [
        ("+5m", timedelta(minutes=5)),
        ("-1h30m", -timedelta(minutes=90)),
        ("90s", timedelta(seconds=90)),
        ("-0:05", -timedelta(minutes=5)),
        ("+01:00", timedelta(hours=1)),
    ],
)
def test_offsets(typed: str, delta: timedelta) -> None:
    assert parse_offset(typed) == delta


def test_a_bad_offset_is_refused() -> None:
    with pytest.raises(ValueError, match="is not a time offset"):
        parse_offset("5")


def test_a_shift_past_a_week_is_refused_in_words(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    from postmortem_tui.cli import main

    assert parse_offset("-168h") == -timedelta(days=7)
    with pytest.raises(ValueError, match="more than a clock can be off"):
        parse_offset("+169h")
    log = tmp_path / "x.md"
    log.write_text("- 14:12 deploy\n")
    code = main(["import", str(sample_path), str(log), "--dry-run", "--shift=+99999999h"])
    assert code == 2
    err = capsys.readouterr().err
    assert "more than a clock can be off" in err and "Traceback" not in err


def test_entries_already_on_the_timeline_are_not_offered_again() -> None:
    session = checkout_session()
    session.timeline.append(to_entry(_row(14, 12, "Migration deployed"), session))
    rows = [
        _row(14, 12, "migration   DEPLOYED"),
        _row(14, 12, "other text"),
        _row(14, 13, "Migration deployed"),
    ]
    shown = preview(rows + [_row(14, 13, "Migration deployed")], session)
    assert [r.text for r in shown.duplicates] == ["migration   DEPLOYED", "Migration deployed"]
    assert [(r.time_text, r.text) for r in shown.rows] == [
        ("14:12", "other text"),
        ("14:13", "Migration deployed"),
    ]


def test_preview_never_changes_the_session() -> None:
    session = checkout_session()
    before = dumps(session)
    preview(read_import(FIXTURES / "chat-paste.txt", session), session, shift=timedelta(hours=1))
    assert dumps(session) == before


def test_applying_adds_in_one_step_and_returns_what_it_added() -> None:
    session = checkout_session()
    rows = [
        _row(14, 17, "alert", kind="alert", seconds=True),
        _row(14, 12, "deploy", marks=("zone assumed",)),
    ]
    added = apply_rows(session, rows, now=NOW)
    assert [e.text for e in added] == ["alert", "deploy"]
    assert [e.text for e in session.timeline] == ["deploy", "alert"]  # sorted by time
    assert added[0].time == "14:17:00" and added[0].kind == "alert" and added[0].source == "log"
    assert added[1].marks == ["zone assumed"] and added[1].created == NOW
    assert apply_rows(session, rows, now=NOW) == []  # a second time adds nothing


def test_undo_takes_back_exactly_what_was_added() -> None:
    session = checkout_session()
    apply_rows(session, [_row(14, 0, "typed before")])
    added = apply_rows(session, [_row(14, 12, "a"), _row(14, 13, "b")], now=NOW)
    assert unapply(session, added, now=NOW) == 2
    assert [e.text for e in session.timeline] == ["typed before"]
    assert {t.id for t in session.deleted} == {e.id for e in added}
    loads(dumps(session))  # still a valid session


def test_dates_are_set_only_when_they_are_needed() -> None:
    session = checkout_session()
    same_day, next_day = _row(14, 12, "same day"), _row(0, 10, "next day", day=25)
    assert to_entry(same_day, session).date is None
    assert to_entry(next_day, session).date == date(2026, 11, 25)
    assert (shown_time(same_day, session), shown_time(next_day, session)) == (
        "14:12",
        "2026-11-25 00:10",
    )
    spanning = checkout_session(end=datetime(2026, 11, 25, 2, 0, tzinfo=NEW_YORK))
    assert to_entry(same_day, spanning).date == date(2026, 11, 24)
    assert shown_time(same_day, spanning) == "2026-11-24 14:12"


def test_reimporting_a_file_adds_nothing(sample_path) -> None:
    session = load(sample_path)
    names = (
        "chat-paste.txt",
        "db-syslog.log",
        "slack-export/inc-checkout",
        "pagerduty/log_entries.json",
        "timeline.csv",
        "checkout-postmortem.md",
    )
    for name in names:
        first = apply_rows(session, preview(read_import(FIXTURES / name, session), session).rows)
        assert first, name
        count = len(session.timeline)
        again = preview(read_import(FIXTURES / name, session), session)
        assert again.rows == (), name
        assert {e.id for e in first} <= {e.id for e in session.timeline}
        assert apply_rows(session, again.duplicates) == []
        assert len(session.timeline) == count


def test_imported_pages_make_the_durations_appear_in_the_document() -> None:
    session = checkout_session()
    assert key_durations(session) == []
    for name in ("log_entries.json",):
        rows = read_import(FIXTURES / "pagerduty" / name, session).rows
        apply_rows(session, preview(rows, session).rows)
    durations = {d.name: format_duration(d.value) for d in key_durations(session)}
    assert durations == {"Time to acknowledge": "6 min", "Time to resolve": "3 h 59 min"}
    document = render(session)
    assert "Time to acknowledge" in document and "Time to resolve" in document
