"""A whole post-mortem session: everything the meeting records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from pydantic import Field, model_validator

from .actions import DEFAULT_DEADLINE_DAYS, ActionItem
from .agenda import Agenda
from .base import Entry, Model, UtcTimestamp, empty_list
from .criteria import Criteria
from .incident import Incident
from .meeting import Meeting
from .notes import Improvement, Note
from .participants import Participant
from .root_cause import RootCause
from .timeline import TimelineEntry

SCHEMA_VERSION = 2
"""2 added ``session_id``; see ``persistence/migrations.py``."""


class Tombstone(Model):
    """Marks a deleted entry so that a stale copy elsewhere cannot bring it back."""

    id: str
    deleted: UtcTimestamp


class Session(Model):
    schema_version: int = SCHEMA_VERSION
    written_by: str = ""
    """The app version that last wrote the file, so a too-old app can say what it needs."""
    saved_at: UtcTimestamp | None = None
    session_id: str = ""
    """Which post-mortem this is, given when the file is created (or first saved, for a file
    from before schema 2): an instance refuses to merge a file holding another session."""
    incident: Incident = Field(default_factory=Incident)
    criteria: Criteria = Field(default_factory=Criteria)
    """Why this incident gets a review; empty until the room decides (old files stay valid)."""
    meeting: Meeting = Field(default_factory=Meeting)
    participants: list[Participant] = Field(default_factory=empty_list)
    agenda: Agenda = Field(default_factory=Agenda)
    timeline: list[TimelineEntry] = Field(default_factory=empty_list)
    root_cause: RootCause = Field(default_factory=RootCause)
    went_well: list[Note] = Field(default_factory=empty_list)
    could_improve: list[Improvement] = Field(default_factory=empty_list)
    got_lucky: list[Note] = Field(default_factory=empty_list)
    action_items: list[ActionItem] = Field(default_factory=empty_list)
    deleted: list[Tombstone] = Field(default_factory=empty_list)

    @model_validator(mode="after")
    def _unique_ids(self) -> Session:
        seen: set[str] = set()
        for path, entry in self.entries():
            if entry.id in seen:
                raise ValueError(f"{path}.id: id {entry.id!r} is used twice; ids must be unique")
            seen.add(entry.id)
        return self

    def entries(self) -> Iterator[tuple[str, Entry]]:
        """Every list entry with its key path, such as ``action_items[2]``."""
        lists: list[tuple[str, list]] = [
            ("participants", self.participants),
            ("timeline", self.timeline),
            ("root_cause.factors", self.root_cause.factors),
            ("went_well", self.went_well),
            ("could_improve", self.could_improve),
            ("got_lucky", self.got_lucky),
            ("action_items", self.action_items),
        ]
        for name, items in lists:
            for index, entry in enumerate(items):
                yield f"{name}[{index}]", entry
        for index, chain in enumerate(self.root_cause.chains):
            yield f"root_cause.chains[{index}]", chain
            for step_index, step in enumerate(chain.steps):
                yield f"root_cause.chains[{index}].steps[{step_index}]", step

    @property
    def reference_date(self) -> date:
        """The day undated timeline times belong to: the incident's start, else the meeting's."""
        start = self.incident.start
        if start is not None:
            # The start's day where the timeline's times are read: 02:00Z is the day before
            # in New York.
            zone = self.incident.timeline_zone()
            return (start.astimezone(zone) if zone and start.tzinfo else start).date()
        if self.meeting.scheduled is not None:
            return self.meeting.scheduled.date()
        return (self.saved_at or self.agenda.updated).date()

    @property
    def planned_minutes(self) -> int:
        """The meeting's planned length: as booked, else the agenda's total."""
        return self.meeting.planned_minutes or self.agenda.planned_minutes

    def default_deadline(self, today: date | None = None) -> date:
        """Meeting date + 14 days (or today + 14 when no meeting date is set)."""
        base = self.meeting.scheduled.date() if self.meeting.scheduled else (today or date.today())
        return base + timedelta(days=DEFAULT_DEADLINE_DAYS)

    def sort_timeline(self) -> None:
        day = self.reference_date
        self.timeline.sort(key=lambda entry: entry.sort_key(day))

    def role_warnings(self) -> list[str]:
        """Roles the meeting is expected to have: one facilitator, at least one note-taker."""
        facilitators = [p.name for p in self.participants if "facilitator" in p.roles]
        note_takers = [p for p in self.participants if "note-taker" in p.roles]
        problems = []
        if not facilitators:
            problems.append("no facilitator: someone should run the meeting and keep time")
        elif len(facilitators) > 1:
            problems.append("more than one facilitator: " + ", ".join(facilitators))
        if not note_takers:
            problems.append("no note-taker: someone should record the document")
        return problems
