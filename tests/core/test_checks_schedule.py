"""The 1-to-5-working-days rule: standing, next slot, holidays, and what 'new' suggests."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from postmortem_tui.checks.schedule import (
    meeting_note,
    next_slot,
    standing,
    standing_for,
    window,
    working_days_between,
)
from postmortem_tui.cli import context, main
from postmortem_tui.model import Incident, Meeting, Session
from postmortem_tui.paths import config_file
from postmortem_tui.persistence import load

NY = ZoneInfo("America/New_York")
TUESDAY = date(2026, 11, 24)


def test_weekends_and_holidays_are_not_working_days() -> None:
    friday = date(2026, 11, 27)
    assert working_days_between(friday, date(2026, 11, 30)) == 1  # Monday
    assert working_days_between(TUESDAY, friday) == 3
    assert working_days_between(TUESDAY, friday, holidays={date(2026, 11, 26)}) == 2
    assert working_days_between(friday, friday) == 0
    assert window(friday) == (date(2026, 11, 30), date(2026, 12, 4))


@pytest.mark.parametrize(
    ("meeting", "state", "days"),
    [
        (date(2026, 11, 24), "too early", 0),
        (date(2026, 11, 25), "on time", 1),
        (date(2026, 12, 1), "on time", 5),
        (date(2026, 12, 2), "late", 6),
    ],
)
def test_standing(meeting: date, state: str, days: int) -> None:
    fit = standing_for(TUESDAY, meeting)
    assert (fit.state, fit.working_days) == (state, days)
    assert fit.message.startswith(state)


def test_a_meeting_the_same_day_is_said_so() -> None:
    """Not 'too early: 0 working days after the incident'."""
    fit = standing_for(TUESDAY, TUESDAY)
    assert fit.message == "too early: the day of the incident; from Wed 2026-11-25 fits"


def test_a_meeting_on_a_day_off_is_noted() -> None:
    fit = standing_for(TUESDAY, date(2026, 11, 28))
    assert fit.state == "on time" and fit.off_day == "a Saturday"
    assert "falls on a Saturday" in fit.message
    assert standing_for(TUESDAY, date(2026, 11, 26), {date(2026, 11, 26)}).off_day == "a holiday"


def test_the_sample_is_on_time(sample_path: Path) -> None:
    fit = standing(load(sample_path))
    assert (fit.state, fit.working_days) == ("on time", 3)


def test_standing_is_unknown_without_the_dates() -> None:
    fit = standing(Session())
    assert fit.state == "unknown" and "incident's end and the meeting time" in fit.message


def test_standing_reads_dates_in_the_incident_zone() -> None:
    # 23:30 in New York on the 24th is already the 25th in UTC; the rule counts local days.
    session = Session(
        incident=Incident(end=datetime(2026, 11, 25, 4, 30, tzinfo=timezone.utc), timezone="America/New_York"),
        meeting=Meeting(scheduled=datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)),
    )
    assert standing(session).working_days == 1


def test_next_slot() -> None:
    end = datetime(2026, 11, 24, 18, 16, tzinfo=NY)
    slot, fit = next_slot(end, now=datetime(2026, 11, 24, 19, 0, tzinfo=NY))
    assert slot == datetime(2026, 11, 25, 10, 0, tzinfo=NY) and fit.state == "on time"
    # Past ten on the first fitting day: the next working day.
    slot, _ = next_slot(end, now=datetime(2026, 11, 25, 11, 0, tzinfo=NY))
    assert slot.date() == date(2026, 11, 26)
    # A Friday incident before a holiday Monday: Tuesday.
    friday = datetime(2026, 11, 27, 17, 0, tzinfo=NY)
    slot, _ = next_slot(friday, now=friday, holidays={date(2026, 11, 30)})
    assert slot.date() == date(2026, 12, 1)
    # The window has passed: the soonest working day, marked late.
    slot, fit = next_slot(end, now=datetime(2026, 12, 12, 9, 0, tzinfo=NY))
    assert slot.date() == date(2026, 12, 14) and fit.state == "late"


def test_meeting_note() -> None:
    session = Session(incident=Incident(end=datetime(2026, 11, 24, 18, 16, tzinfo=NY)))
    note = meeting_note(session, datetime(2026, 11, 24, 20, 0, tzinfo=NY))
    assert note is not None and note.startswith("suggested meeting: Wed 2026-11-25 10:00")
    assert meeting_note(Session(), datetime(2026, 11, 24, tzinfo=NY)) is None
    session.meeting.scheduled = datetime(2026, 11, 25, 10, 0, tzinfo=NY)
    assert meeting_note(session, datetime(2026, 11, 24, tzinfo=NY)) is None
    session.meeting.scheduled = datetime(2026, 12, 9, 10, 0, tzinfo=NY)
    note = meeting_note(session, datetime(2026, 11, 24, tzinfo=NY))
    assert note is not None and note.startswith("note: the meeting is late: 11 working days")


def _pin(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(context, "now", lambda: moment)


def test_new_suggests_a_slot_and_does_not_block(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _pin(monkeypatch, datetime(2026, 11, 24, 20, 0, tzinfo=NY))
    config_file().parent.mkdir(parents=True)
    config_file().write_text("holidays = [2026-11-25]\n")
    target = tmp_path / "s.toml"
    code = main(["new", str(target), "--title", "Checkout", "--end", "2026-11-24 18:16",
                 "--timezone", "America/New_York"])
    out, err = capsys.readouterr()
    assert code == 0 and out.strip() == str(target) and target.exists()
    assert "suggested meeting: Thu 2026-11-26 10:00 America/New_York" in err
    assert load(target).meeting.scheduled is None


def test_new_with_a_late_meeting_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _pin(monkeypatch, datetime(2026, 11, 24, 20, 0, tzinfo=NY))
    code = main(["new", str(tmp_path / "s.toml"), "--title", "x", "--end", "2026-11-24 18:16",
                 "--meeting", "2026-12-10 10:00"])
    err = capsys.readouterr().err
    assert code == 0 and "note: the meeting is late: 12 working days" in err


def test_a_bad_config_file_is_one_line_and_new_still_works(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _pin(monkeypatch, datetime(2026, 11, 24, 20, 0, tzinfo=NY))
    config_file().parent.mkdir(parents=True)
    config_file().write_text("holidays = 'soon'\n")
    code = main(["new", str(tmp_path / "s.toml"), "--title", "x", "--end", "2026-11-24 18:16"])
    err = capsys.readouterr().err
    assert code == 0
    [warning] = [line for line in err.splitlines() if "config.toml" in line]
    assert "holidays: expected a list" in warning and "using the default settings" in warning


def test_a_meeting_before_the_incident_is_named_as_such(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Not 'too early: 0 working days after': a meeting dated before is most likely a typo."""
    fit = standing_for(TUESDAY, date(2026, 11, 20))
    assert fit.state == "too early"
    assert fit.message == (
        "before the incident (4 days earlier; a date typo?); from Wed 2026-11-25 fits"
    )
    _pin(monkeypatch, datetime(2026, 11, 24, 20, 0, tzinfo=NY))
    target = tmp_path / "n.toml"
    code = main(["new", str(target), "--title", "x", "--start", "2026-11-24 14:00",
                 "--meeting", "2026-11-20 10:00"])
    err = capsys.readouterr().err
    assert code == 0 and "note: the meeting is before the incident (4 days earlier" in err
    main(["lint", str(target), "--today", "2026-11-24"])
    out = capsys.readouterr().out
    assert "the meeting is before the incident (4 days earlier; a date typo?)" in out
    assert "working days after" not in out
