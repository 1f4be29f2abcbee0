"""Turning a time as written (maybe without a date, maybe without a zone) into an instant.

The rules, in the order they apply to each time read from a file:

- a zone written with the time wins; else a zone stated in the file ("All times in PST");
  else the zone given on purpose (``--tz``); else the incident's zone, marked "zone assumed";
- a date written with the time wins and becomes the context for the lines below it, as does a
  date heading; with neither, the incident's start date is used. A time whose date (or year,
  in syslog) came neither with it nor from a date heading above it is marked "date inferred";
- an undated time before noon that follows a late-evening time (18:00 or later) in the same
  date context is on the next day: a timeline running 23:50, 00:10 crossed midnight. (A time
  that merely goes back a little, 19:00 then 18:40, is taken as written.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from ..incident_window import UTC, aware, session_zone
from ..model import Session
from ..model.timeline import Mark

LATE_EVENING = time(18, 0)
MORNING_ENDS = time(12, 0)


@dataclass(frozen=True)
class TimeRules:
    """What an import needs to know about the session to place times."""

    target: tzinfo = UTC
    """The incident's zone: every imported time is converted to it."""
    given: tzinfo | None = None
    """The zone for times written without one, when the user named it (``--tz``)."""
    start: datetime | None = None
    """The incident's start (aware), whose date is the default for undated times."""
    reference: date | None = None
    """The session's reference date, used when the incident has no start."""

    @classmethod
    def for_session(cls, session: Session, given: tzinfo | None = None) -> TimeRules:
        target = session_zone(session)
        start = session.incident.start
        return cls(
            target=target,
            given=given,
            start=aware(start, target) if start is not None else None,
            reference=session.reference_date,
        )

    def default_day(self, zone: tzinfo) -> date:
        """The incident's start date as seen in ``zone`` (the day undated times belong to)."""
        if self.start is not None:
            return self.start.astimezone(zone).date()
        return self.reference or date.today()


class Dater:
    """Places the times of one file in order, remembering dates and zones stated above them."""

    def __init__(self, rules: TimeRules) -> None:
        self.rules = rules
        self.zone: tzinfo | None = None
        """A zone stated in the file, for the times below it."""
        self.day: date | None = None
        """The date context: from a date heading or the last dated time."""
        self._last: time | None = None
        """The last time read in the current date context, to notice midnight passing."""
        self._stated = False
        """Whether the date context is a date heading's (the file dates the lines below)."""

    def set_zone(self, zone: tzinfo) -> None:
        self.zone = zone

    def set_day(self, day: date) -> None:
        self.day = day
        self._last = None
        self._stated = True

    def zone_for(self, written: tzinfo | None) -> tuple[tzinfo, bool]:
        """The zone a time is read in, and whether it was assumed."""
        zone = written or self.zone or self.rules.given
        if zone is None:
            return self.rules.target, True
        return zone, False

    def place(
        self,
        clock: time,
        *,
        day: date | None = None,
        zone: tzinfo | None = None,
        inferred: bool = False,
    ) -> tuple[datetime, tuple[Mark, ...]]:
        """The instant ``clock`` (with its written date and zone, if any) stands for, in the
        incident's zone, with the marks that say what was assumed. ``inferred``: the date was
        written without its year, which was filled in from context."""
        read_in, assumed = self.zone_for(zone)
        marks: list[Mark] = ["zone assumed"] if assumed else []
        if day is not None:
            self.day = day
            self._stated = False  # the lines below it give no date: theirs is inferred
            if inferred:
                marks.append("date inferred")
        else:
            # Under a date heading the date is the file's; it is inferred when it is the
            # incident's, a dated line's above, or past a midnight guessed.
            stated = self.day is not None and self._stated
            day = self.day or self.rules.default_day(read_in)
            last = self._last
            if last is not None and last >= LATE_EVENING and clock < min(last, MORNING_ENDS):
                day += timedelta(days=1)
                self.day = day
                stated = self._stated = False
            if not stated:
                marks.append("date inferred")
        self._last = clock
        local = datetime.combine(day, clock, tzinfo=read_in)
        return local.astimezone(self.rules.target), tuple(marks)


@lru_cache(maxsize=256)
def closest_year(month: int, day: int, near: date) -> date | None:
    """The date with this month and day nearest to ``near`` (syslog lines carry no year)."""
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs(d - near)) if candidates else None
