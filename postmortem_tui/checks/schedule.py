"""When to hold the meeting: 1 to 5 working days after the incident ends (BRIEF.md).

Soon enough that memories and chat logs are fresh, late enough that people have slept.
Saturdays, Sundays and the holidays from the config file are not working days. Dates are
taken in the incident's time zone when the session names one.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from typing import Literal, NamedTuple

from ..model import Session

FIRST_DAY, LAST_DAY = 1, 5
"""The meeting is held on the 1st to the 5th working day after the incident ends."""
DEFAULT_TIME = time(10, 0)

State = Literal["too early", "on time", "late", "unknown"]


class Standing(NamedTuple):
    state: State
    working_days: int | None
    """Working days from the incident's end to the meeting (the meeting's day counts)."""
    message: str
    """One line for a header: ``on time: 3 working days after the incident``."""
    off_day: str = ""
    """``a Saturday``, ``a holiday``... when the meeting itself falls on a day off."""


def is_working_day(day: date, holidays: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def working_days_between(end: date, day: date, holidays: Collection[date] = ()) -> int:
    """Working days after ``end`` up to and including ``day`` (0 when ``day`` is not later)."""
    count = 0
    current = end
    while current < day:
        current += timedelta(days=1)
        count += is_working_day(current, holidays)
    return count


def nth_working_day_after(end: date, n: int, holidays: Collection[date] = ()) -> date:
    current, count = end, 0
    while count < n:
        current += timedelta(days=1)
        count += is_working_day(current, holidays)
    return current


def window(end: date, holidays: Collection[date] = ()) -> tuple[date, date]:
    """The first and last day the meeting fits the rule."""
    return (
        nth_working_day_after(end, FIRST_DAY, holidays),
        nth_working_day_after(end, LAST_DAY, holidays),
    )


def _day_name(day: date) -> str:
    return f"{day:%a} {day.isoformat()}"


def _local(moment: datetime, session: Session) -> datetime:
    zone = session.incident.zone()
    if zone is not None and moment.tzinfo is not None:
        return moment.astimezone(zone)
    return moment


def incident_end(session: Session) -> datetime | None:
    """The incident's end, else its start (a meeting is never due before the incident)."""
    incident = session.incident
    moment = incident.end or incident.start
    return _local(moment, session) if moment is not None else None


def _off_day(day: date, holidays: Collection[date]) -> str:
    if day in holidays:
        return "a holiday"
    if day.weekday() >= 5:
        return f"a {day:%A}"
    return ""


def standing_for(end: date, meeting: date, holidays: Collection[date] = ()) -> Standing:
    days = working_days_between(end, meeting, holidays)
    first, last = window(end, holidays)
    off = _off_day(meeting, holidays)
    plural = "s" * (days != 1)
    if meeting < end:
        state: State = "too early"
        before = (end - meeting).days
        message = (
            f"before the incident ({before} day{'s' * (before != 1)} earlier; a date typo?); "
            f"from {_day_name(first)} fits"
        )
    elif days < FIRST_DAY:
        state = "too early"
        when = (
            "the day of the incident"
            if meeting == end
            else f"{days} working day{plural} after the incident"
        )
        message = f"too early: {when}; from {_day_name(first)} fits"
    elif days > LAST_DAY:
        state = "late"
        message = (
            f"late: {days} working days after the incident; "
            f"{FIRST_DAY} to {LAST_DAY} is the rule (by {_day_name(last)})"
        )
    else:
        state = "on time"
        message = f"on time: {days} working day{plural} after the incident"
    if off:
        message += f"; the meeting falls on {off}"
    return Standing(state, days, message, off)


def standing(session: Session, holidays: Collection[date] = ()) -> Standing:
    """The meeting's standing against the 1-to-5-working-days rule, for the header."""
    end = incident_end(session)
    scheduled = session.meeting.scheduled
    if end is None or scheduled is None:
        missing = " and ".join(
            name
            for name, value in (("the incident's end", end), ("the meeting time", scheduled))
            if value is None
        )
        return Standing("unknown", None, f"not known yet: set {missing}")
    return standing_for(end.date(), _local(scheduled, session).date(), holidays)


def next_slot(
    end: datetime,
    now: datetime,
    holidays: Collection[date] = (),
    at: time = DEFAULT_TIME,
) -> tuple[datetime, Standing]:
    """The first meeting time that fits: the first working day after ``end`` at ``at``
    (in ``end``'s zone), or the next one still ahead of ``now`` if that has passed. When the
    window has already closed, the soonest working day is offered, marked late."""
    if end.tzinfo is not None and now.tzinfo is not None:
        now = now.astimezone(end.tzinfo)
    day = nth_working_day_after(end.date(), FIRST_DAY, holidays)
    today = now.date()
    if day < today or (day == today and now.time().replace(tzinfo=None) >= at):
        day = today if now.time().replace(tzinfo=None) < at else today + timedelta(days=1)
        while not is_working_day(day, holidays):
            day += timedelta(days=1)
    start = datetime.combine(day, at, tzinfo=end.tzinfo)
    return start, standing_for(end.date(), day, holidays)


def meeting_note(session: Session, now: datetime, holidays: Collection[date] = ()) -> str | None:
    """A line for ``postmortem new``: the suggested slot when no meeting time is set, or the
    standing of the one given when it does not fit. None when there is nothing to say."""
    end = incident_end(session)
    if end is None:
        return None
    if session.meeting.scheduled is None:
        slot, fit = next_slot(end, now, holidays)
        first, last = window(end.date(), holidays)
        zone = f" {session.incident.timezone}" if session.incident.timezone else ""
        when = f"{slot:%a %Y-%m-%d %H:%M}{zone}"
        rule = f"{FIRST_DAY} to {LAST_DAY} working days after the incident: {first} to {last}"
        late = "; the window has passed, so the soonest working day" if fit.state == "late" else ""
        return f"suggested meeting: {when} ({rule}{late}); set it with --meeting"
    fit = standing(session, holidays)
    if fit.state in ("too early", "late") or fit.off_day:
        return f"note: the meeting is {fit.message}"
    return None
