"""The meeting invitation: written with icalendar, read back with it, every field checked."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from postmortem_tui.checks.invite import BLAMELESS_NORM, InviteError, build_invite
from postmortem_tui.cli import context, main
from postmortem_tui.model import Meeting, Participant, Session
from postmortem_tui.persistence import load

NOW = datetime(2026, 11, 25, 16, 0, tzinfo=timezone.utc)


def _event(data: bytes):
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "REQUEST"
    assert "postmortem-tui" in str(calendar["PRODID"])
    [event] = calendar.walk("VEVENT")
    return event


def test_the_sample_invite_parses_back_with_every_field(sample_path: Path) -> None:
    session = load(sample_path)
    event = _event(build_invite(session, NOW))
    assert str(event["SUMMARY"]) == (
        "Post-mortem: Checkout outage: a database migration locked the orders table"
    )
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)  # 10:00 in New York
    assert event.decoded("DTEND") - start == timedelta(minutes=90)
    assert event.decoded("DTSTAMP") == NOW
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]) == session.meeting.publish_to
    description = str(event["DESCRIPTION"])
    assert BLAMELESS_NORM in description
    assert "Agenda (90 minutes):" in description
    for number, step in enumerate(session.agenda.steps, start=1):
        assert f"{number}. {step.title} ({step.minutes} min)" in description
    attendees = event["ATTENDEE"]
    assert [str(a) for a in attendees] == [f"mailto:{p.email}" for p in session.participants]
    by_name = {a.params["CN"]: a for a in attendees}
    assert by_name["Dana Whitfield"].params["ROLE"] == "CHAIR"
    assert by_name["Tomás Álvarez"].params["ROLE"] == "REQ-PARTICIPANT"
    assert by_name["Sam Chen"].params["X-POSTMORTEM-ROLE"] == "On-call responder"
    assert by_name["Leah Goldberg"].params["X-POSTMORTEM-ROLE"] == (
        "Product / customer-facing representative"
    )
    assert all(a.params["RSVP"] == "TRUE" for a in attendees)
    organizer = event["ORGANIZER"]
    assert str(organizer) == "mailto:dana.whitfield@example.com"
    assert organizer.params["CN"] == "Dana Whitfield"


def test_the_uid_is_stable_so_a_resent_invite_updates_the_event(sample_path: Path) -> None:
    session = load(sample_path)
    first = _event(build_invite(session, NOW))["UID"]
    session.meeting.scheduled = session.meeting.scheduled + timedelta(days=1)  # type: ignore[operator]
    assert _event(build_invite(session, NOW + timedelta(hours=1)))["UID"] == first


def test_people_without_email_are_left_out_and_awkward_text_survives() -> None:
    session = Session(
        meeting=Meeting(scheduled=datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc), planned_minutes=60),
        participants=[
            Participant(name='Ana "AJ" Silva; ops, EU', roles=["facilitator", "note-taker"],
                        email="ana@example.com"),
            Participant(name="No Mail", roles=["engineer"]),
        ],
    )
    session.incident.title = "Line one\nline two, with; punctuation"
    event = _event(build_invite(session, NOW))
    assert str(event["SUMMARY"]) == "Post-mortem: Line one line two, with; punctuation"
    [attendee] = event["ATTENDEE"] if isinstance(event["ATTENDEE"], list) else [event["ATTENDEE"]]
    assert attendee.params["CN"] == 'Ana "AJ" Silva; ops, EU'  # RFC 6868 quoting, read back
    assert attendee.params["X-POSTMORTEM-ROLE"] == "Facilitator, Note-taker"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=60)
    assert "- No Mail: Engineer involved in resolution" in str(event["DESCRIPTION"])


def test_a_time_without_offset_uses_the_incident_zone() -> None:
    session = Session(meeting=Meeting(scheduled=datetime(2026, 11, 27, 10, 0)))
    session.incident.timezone = "Europe/Berlin"
    event = _event(build_invite(session, NOW))
    assert event.decoded("DTSTART") == datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)


def test_no_meeting_time_is_an_error() -> None:
    with pytest.raises(InviteError, match="meeting.scheduled is not set"):
        build_invite(Session(), NOW)


def test_the_invite_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    sample_path: Path, empty_path: Path, tmp_path: Path,
) -> None:
    monkeypatch.setattr(context, "now", lambda: NOW)
    target = tmp_path / "meeting.ics"
    assert main(["invite", str(sample_path), "-o", str(target)]) == 0
    assert f"Wrote {target}" in capsys.readouterr().err
    assert _event(target.read_bytes()).decoded("DTSTAMP") == NOW
    code = main(["invite", str(empty_path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"postmortem: {empty_path}: meeting.scheduled is not set")
