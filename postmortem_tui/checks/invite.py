"""The meeting invitation as an iCalendar (RFC 5545) file, written with the icalendar library.

Calendar programs are picky about line folding, escaping and time zones; the library gets
those right. Times are written in UTC so every program places the meeting correctly. The UID
comes from the incident, so a re-sent invite (after a reschedule) updates the same event.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from icalendar import Calendar, Event, vCalAddress

from ..model import ROLE_TITLES, Participant, Session
from ..version import __version__
from ..visible_text import visible_controls

PRODUCT_ID = f"-//postmortem-tui//postmortem-tui {__version__}//EN"
BLAMELESS_NORM = (
    "This is a blameless post-mortem: we look at how the system, our tools and our processes "
    "let this happen, not at who did what. Everyone acted on what they knew at the time. "
    "The goal is to learn and to agree actions that make the next incident less likely or "
    "less harmful."
)


class InviteError(ValueError):
    """The session lacks something an invitation needs (its message is one line)."""


def _start(session: Session) -> datetime:
    scheduled = session.meeting.scheduled
    if scheduled is None:
        raise InviteError(
            "meeting.scheduled is not set: give the meeting a time first, "
            "for example meeting.scheduled = 2026-11-27T10:00:00-05:00"
        )
    if scheduled.tzinfo is None:
        zone = session.incident.zone()
        if zone is None:
            raise InviteError(
                "meeting.scheduled has no time zone offset and incident.timezone is not set; "
                "write it like 2026-11-27T10:00:00-05:00"
            )
        scheduled = scheduled.replace(tzinfo=zone)
    return scheduled.astimezone(timezone.utc)


def description(session: Session) -> str:
    """The invitation's text: the norm, what the meeting is about, and the agenda.

    Control characters typed into the session show as their visible symbols: RFC 5545
    allows none in text, and a raw escape would reach whoever prints the file."""
    lines = [BLAMELESS_NORM, ""]
    if session.incident.summary.strip():
        lines += ["What happened:", " ".join(session.incident.summary.split()), ""]
    lines.append(f"Agenda ({session.planned_minutes} minutes):")
    for number, step in enumerate(session.agenda.steps, start=1):
        lines.append(f"{number}. {step.title} ({step.minutes} min)")
    roles = [
        f"- {p.name}: " + ", ".join(ROLE_TITLES[r] for r in p.roles)
        for p in session.participants
        if p.roles
    ]
    if roles:
        lines += ["", "Roles:", *roles]
    if session.meeting.publish_to.strip():
        lines += ["", f"The document will be published at {session.meeting.publish_to.strip()}"]
    return visible_controls("\n".join(lines))


def _one_line(text: str) -> str:
    """Typed text for one property or parameter: no control characters, whitespace collapsed."""
    return " ".join(visible_controls(text).split())


def _address(person: Participant, role: str) -> vCalAddress:
    address = vCalAddress.new(
        person.email, cn=_one_line(person.name), cutype="INDIVIDUAL", role=role,
        partstat="NEEDS-ACTION", rsvp=True,
    )
    if person.roles:
        address.params["X-POSTMORTEM-ROLE"] = ", ".join(ROLE_TITLES[r] for r in person.roles)
    return address


def uid(session: Session) -> str:
    start = session.incident.start
    key = f"{session.incident.title}|{start.isoformat() if start else ''}"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, 'postmortem-tui:' + key)}@postmortem-tui"


def build_invite(session: Session, now: datetime) -> bytes:
    """The ``.ics`` bytes for the meeting; raises :class:`InviteError` when it has no time.

    Participants with an email address are attendees (the facilitator as CHAIR, the others
    as required participants); the facilitator is the organizer when they have an address.
    """
    start = _start(session)
    facilitator = next(
        (p for p in session.participants if "facilitator" in p.roles and p.email), None
    )
    title = _one_line(session.incident.title) or "incident"
    event = Event.new(
        uid=uid(session),
        summary=f"Post-mortem: {title}",
        start=start,
        end=start + timedelta(minutes=session.planned_minutes),
        stamp=now.astimezone(timezone.utc),
        description=description(session),
        status="CONFIRMED",
        sequence=0,
        attendees=[
            _address(p, "CHAIR" if "facilitator" in p.roles else "REQ-PARTICIPANT")
            for p in session.participants
            if p.email
        ],
        organizer=(
            vCalAddress.new(facilitator.email, cn=_one_line(facilitator.name))
            if facilitator
            else None
        ),
        url=_one_line(session.meeting.publish_to) or None,
    )
    calendar = Calendar.new(prodid=PRODUCT_ID, method="REQUEST", subcomponents=[event])
    calendar.pop("UID", None)  # the library adds a random one; RFC 5545 needs none here
    return calendar.to_ical()
