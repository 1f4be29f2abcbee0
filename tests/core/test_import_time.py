"""Times as written in timelines and logs: zones, dates, and what is marked as assumed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from postmortem_tui.importers.dating import Dater, TimeRules, closest_year
from postmortem_tui.importers.stamps import NotATime, parse_date, parse_stamp
from postmortem_tui.importers.zones import resolve_zone
from postmortem_tui.incident_window import zone_label
from postmortem_tui.model import Session

from .importing import NEW_YORK, TUESDAY, checkout_rules

UTC = timezone.utc


@pytest.mark.parametrize(
    ("name", "offset_in_january", "offset_in_july"),
    [
        ("UTC", 0, 0),
        ("GMT", 0, 0),
        ("PST", -8, -8),
        ("PDT", -7, -7),
        ("EST", -5, -5),
        ("EDT", -4, -4),
        ("CST", -6, -6),
        ("MDT", -6, -6),
        ("Eastern", -5, -4),
        ("eastern time", -5, -4),
        ("Pacific", -8, -7),
        ("Central", -6, -5),
        ("Mountain", -7, -6),
        ("ET", -5, -4),
        ("+02:00", 2, 2),
        ("-0530", -5.5, -5.5),
        ("UTC+2", 2, 2),
        ("GMT-5", -5, -5),
        ("Europe/Berlin", 1, 2),
        ("America/Los_Angeles", -8, -7),
    ],
)
def test_named_zones_and_offsets(
    name: str, offset_in_january: float, offset_in_july: float
) -> None:
    zone = resolve_zone(name)
    assert zone is not None
    for month, hours in ((1, offset_in_january), (7, offset_in_july)):
        assert datetime(2026, month, 15, 12, tzinfo=zone).utcoffset() == timedelta(hours=hours)


@pytest.mark.parametrize("name", ["", "Moon/Base", "XYZ", "+25:00", "soon"])
def test_unknown_zones_are_refused(name: str) -> None:
    assert resolve_zone(name) is None


def test_zone_labels_for_messages() -> None:
    assert zone_label(NEW_YORK) == "America/New_York"
    assert zone_label(UTC) == "UTC"
    assert zone_label(timezone(timedelta(hours=-5, minutes=-30))) == "UTC-05:30"


@pytest.mark.parametrize(
    ("text", "clock", "day", "offset", "rest"),
    [
        ("14:12 migration deployed", time(14, 12), None, None, " migration deployed"),
        ("14:12:30 alert", time(14, 12, 30), None, None, " alert"),
        ("2:54 PM PST: merged", time(14, 54), None, -8, ": merged"),
        ("12:05 am Eastern: x", time(0, 5), None, -5, ": x"),
        ("3 pm call", time(15), None, None, " call"),
        ("21:45 UTC** - text", time(21, 45), None, 0, "** - text"),
        ("2025-04-14 16:37 UTC", time(16, 37), date(2025, 4, 14), 0, ""),
        ("2019-03-14T00:22:56+00:00 app", time(0, 22, 56), date(2019, 3, 14), 0, " app"),
        ("2026-11-24T14:48:00-05:00 x", time(14, 48), TUESDAY, -5, " x"),
        ("2025-04-14T16:37:00.123Z", time(16, 37), date(2025, 4, 14), 0, ""),
        ("2024-06-28 7:09 AM Eastern:", time(7, 9), date(2024, 6, 28), -4, ":"),
        ("2026-11-24 14:12 -0500 x", time(14, 12), TUESDAY, -5, " x"),
        ("Tuesday 24 November 2026 14:12 x", time(14, 12), TUESDAY, None, " x"),
        ("Nov 24, 2026 at 2:54 pm x", time(14, 54), TUESDAY, None, " x"),
        ("14:12-15:00 outage", time(14, 12), None, None, "-15:00 outage"),
        ("14:12 et al. agreed", time(14, 12), None, None, " et al. agreed"),
    ],
)
def test_leading_stamps(
    text: str, clock: time, day: date | None, offset: float | None, rest: str
) -> None:
    stamp = parse_stamp(text, TUESDAY)
    assert stamp is not None
    assert (stamp.clock, stamp.day) == (clock, day)
    if offset is None:
        assert stamp.zone is None
    else:
        moment = datetime.combine(day or TUESDAY, clock, tzinfo=stamp.zone)
        assert moment.utcoffset() == timedelta(hours=offset)
    assert text[stamp.end :] == rest


@pytest.mark.parametrize("text", ["migration at 14:12", "1.5 million rows", "14:123", "v2:10 x"])
def test_text_that_does_not_start_with_a_time(text: str) -> None:
    assert parse_stamp(text, TUESDAY) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [("25:00 x", "not a time of day"), ("13 PM x", "12-hour"), ("14:75 x", "not a time")],
)
def test_time_shaped_mistakes_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(NotATime, match=message):
        parse_stamp(text, TUESDAY)


def test_syslog_dates_take_the_year_nearest_the_incident() -> None:
    stamp = parse_stamp("Aug 16 00:10:45 host", date(2019, 3, 14))
    assert stamp is not None and stamp.day == date(2019, 8, 16) and stamp.year_inferred
    assert closest_year(12, 31, date(2027, 1, 2)) == date(2026, 12, 31)
    assert closest_year(2, 29, date(2028, 1, 5)) == date(2028, 2, 29)
    assert closest_year(2, 29, date(2026, 3, 1)) is None  # no leap year within one year


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2019-01-22", date(2019, 1, 22)),
        ("Tuesday, Nov 24", TUESDAY),
        ("24 November 2026", TUESDAY),
        ("January 23rd, 2019", date(2019, 1, 23)),
        ("2023-MM-DD", None),
        ("2026-02-30", None),
        ("the 24th", None),
    ],
)
def test_whole_line_dates(text: str, day: date | None) -> None:
    assert parse_date(text, TUESDAY) == day


def test_a_time_without_zone_is_read_in_the_incident_zone_and_marked() -> None:
    dater = Dater(checkout_rules())
    when, marks = dater.place(time(14, 12))
    assert when == datetime(2026, 11, 24, 14, 12, tzinfo=NEW_YORK)
    assert marks == ("zone assumed", "date inferred")


def test_a_written_zone_is_converted_and_not_marked() -> None:
    dater = Dater(checkout_rules())
    when, marks = dater.place(time(19, 31), day=TUESDAY, zone=UTC)
    assert when.astimezone(NEW_YORK).time() == time(14, 31)
    assert when.tzinfo == NEW_YORK
    assert marks == ()


def test_a_zone_given_on_purpose_is_not_marked_assumed() -> None:
    dater = Dater(replace(checkout_rules(), given=UTC))
    when, marks = dater.place(time(19, 12))
    assert when.astimezone(NEW_YORK).time() == time(14, 12)
    assert marks == ("date inferred",)


def test_undated_times_take_the_incident_start_date_in_their_own_zone() -> None:
    # 22:30 in New York is already the next day in UTC: a UTC log of that evening is dated so.
    rules = TimeRules(
        target=NEW_YORK, start=datetime(2026, 11, 24, 22, 30, tzinfo=NEW_YORK), given=UTC
    )
    when, _ = Dater(rules).place(time(3, 35))
    assert when == datetime(2026, 11, 24, 22, 35, tzinfo=NEW_YORK)


def test_midnight_passes_after_a_late_evening_entry() -> None:
    dater = Dater(checkout_rules())
    days = [dater.place(time(h, m))[0].date() for h, m in [(22, 0), (23, 50), (0, 10), (1, 0)]]
    assert days == [TUESDAY, TUESDAY, date(2026, 11, 25), date(2026, 11, 25)]


def test_a_time_going_back_a_little_stays_on_its_day() -> None:
    dater = Dater(checkout_rules())
    days = [dater.place(time(h, m))[0].date() for h, m in [(19, 0), (18, 40), (13, 0)]]
    assert days == [TUESDAY, TUESDAY, TUESDAY]


def test_a_date_heading_sets_the_day_and_restarts_the_midnight_rule() -> None:
    dater = Dater(checkout_rules())
    dater.place(time(23, 0))
    dater.set_day(date(2026, 11, 30))
    when, marks = dater.place(time(8, 0))
    assert when.date() == date(2026, 11, 30)
    assert "date inferred" not in marks  # the heading's date: stated, not inferred
    when, marks = dater.place(time(23, 30))
    when, marks = dater.place(time(0, 10))
    assert when.date() == date(2026, 12, 1) and "date inferred" in marks  # midnight guessed


def test_rules_without_a_zone_or_start_use_utc_and_the_reference_date() -> None:
    session = Session()
    rules = TimeRules.for_session(session)
    assert rules.target == UTC
    assert rules.default_day(ZoneInfo("Asia/Tokyo")) == session.reference_date
