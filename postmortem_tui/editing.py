"""Changes to a session as the meeting makes them: add, edit, delete and undo entries.

Pure functions on a :class:`Session`; the app runs them through the store so they are saved.
Deleting leaves a tombstone so another instance's stale copy cannot bring the entry back;
undoing a deletion removes the tombstone and gives the entry a fresh ``updated`` time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from .edit_merge import merge_edit
from .incident_window import incident_window, session_zone
from .model import (
    Entry,
    Factor,
    Improvement,
    Note,
    Session,
    TimelineEntry,
    Tombstone,
    WhyChain,
    WhyStep,
    new_id,
)
from .model.notes import IMPROVEMENT_TAGS
from .timeparse import parse_leading_time

NOTE_LISTS = ("went_well", "could_improve", "got_lucky")


class EntryError(ValueError):
    """Typed input that cannot become an entry; the message says what would be accepted."""


def entry_lists(session: Session) -> dict[str, list]:
    """Every list of entries by a name that stays valid when the lists are rebuilt
    (a merge with another instance's copy): ``timeline``, ``chain:<id>`` for a chain's steps."""
    lists: dict[str, list] = {
        "participants": session.participants,
        "timeline": session.timeline,
        "went_well": session.went_well,
        "could_improve": session.could_improve,
        "got_lucky": session.got_lucky,
        "action_items": session.action_items,
        "root_cause.factors": session.root_cause.factors,
        "root_cause.chains": session.root_cause.chains,
    }
    for chain in session.root_cause.chains:
        lists[f"chain:{chain.id}"] = chain.steps
    return lists


def find(session: Session, entry_id: str) -> tuple[str, list, int] | None:
    """The name of the list holding the entry with ``entry_id``, the list, and the index."""
    for name, items in entry_lists(session).items():
        for index, entry in enumerate(items):
            if entry.id == entry_id:
                return name, items, index
    return None


def get(session: Session, entry_id: str) -> Entry | None:
    found = find(session, entry_id)
    return found[1][found[2]] if found else None


def _zone(session: Session) -> tzinfo | None:
    return session.incident.timeline_zone()


def _day_after_midnight(session: Session, clock: str) -> date | None:
    """The day a time typed without a date falls on, when the incident ran past midnight
    and the time fits its window (an hour either side) only on a later day: ``00:10`` typed
    after ``23:50``. None (the reference day) otherwise: a time before a same-day incident
    began is a cause or a warning sign, not the next morning."""
    window = incident_window(session)
    if window is None or session.incident.end is None or window.end is None:
        return None
    zone = session_zone(session)
    when = time.fromisoformat(clock)

    def fits(day: date) -> bool:
        return window.contains(datetime.combine(day, when, tzinfo=zone))

    day = session.reference_date
    if fits(day):
        return None
    while day < window.end.date():
        day += timedelta(days=1)
        if fits(day):
            return day
    return None


def typed_time_day(session: Session, clock: str) -> date | None:
    """The date an entry gets for a time typed without one (``14:40``): None (the incident's
    day), or the next day for a time after an incident's midnight."""
    return _day_after_midnight(session, clock)


def add_timeline(
    session: Session, typed: str, now: datetime, created: datetime | None = None
) -> TimelineEntry:
    """Add ``14:12 migration deployed``; with no leading time, the entry is stamped with
    ``now`` in the incident's zone and marked as stamped by the app. ``created`` (default
    ``now``) orders entries with the same time: see :func:`paste_times`."""
    parsed = parse_leading_time(typed)
    if parsed.error:
        raise EntryError(parsed.error)
    if not parsed.text:
        raise EntryError("type what happened after the time, e.g. 14:12 migration deployed")
    marks: list = []
    day = None
    if parsed.time is None:
        zone = _zone(session)  # none stated: the machine's own
        local = now.astimezone(zone) if zone else now.astimezone()
        time_text = local.strftime("%H:%M:%S")
        marks = ["stamped"]
        if local.date() != session.reference_date:
            day = local.date()
    else:
        time_text = parsed.time
        day = _day_after_midnight(session, time_text)
    created = created or now
    entry = TimelineEntry(
        time=time_text, date=day, text=parsed.text, marks=marks, created=created, updated=created
    )
    session.timeline.append(entry)
    session.sort_timeline()
    return entry


def paste_times(now: datetime, count: int) -> list[datetime]:
    """``created`` times for ``count`` lines added together (a paste): a microsecond apart
    from ``now``, so that they keep their order. Lists are ordered by ``created`` and then
    by a random id (in the session, the file and a merge with another instance alike), so
    lines with one time would come out shuffled; a stamped time is still taken from ``now``."""
    return [now + timedelta(microseconds=index) for index in range(count)]


def split_tag(typed: str) -> tuple[str | None, str]:
    """``alerting: page went to a muted channel`` -> (``alerting``, the rest)."""
    head, sep, rest = typed.partition(":")
    if sep and head.strip().lower() in IMPROVEMENT_TAGS and rest.strip():
        return head.strip().lower(), rest.strip()
    return None, typed.strip()


def add_note(
    session: Session, list_name: str, typed: str, now: datetime, created: datetime | None = None
) -> Entry:
    text = typed.strip()
    now = created or now
    if not text:
        raise EntryError("type the note first")
    entry: Entry
    if list_name == "could_improve":
        tag, text = split_tag(text)
        entry = Improvement(text=text, tag=tag, created=now, updated=now)
    else:
        entry = Note(text=text, created=now, updated=now)
    getattr(session, list_name).append(entry)
    return entry


def add_why(session: Session, why: str, because: str, now: datetime, new_chain: bool) -> WhyStep:
    if not why.strip() and not because.strip():
        raise EntryError("type the why, the because, or both")
    chains = session.root_cause.chains
    if new_chain or not chains:
        chains.append(WhyChain(created=now, updated=now))
    step = WhyStep(why=why.strip(), because=because.strip(), created=now, updated=now)
    chains[-1].steps.append(step)
    return step


def add_factor(session: Session, category: str, text: str, now: datetime) -> Factor:
    if not text.strip():
        raise EntryError("type the contributing factor")
    factor = Factor(category=category, text=text.strip(), created=now, updated=now)
    session.root_cause.factors.append(factor)
    return factor


def add_entry(session: Session, list_name: str, entry: Entry) -> None:
    """Add an entry built by a form (an action item, a participant)."""
    getattr(session, list_name).append(entry)


def replace(session: Session, entry: Entry, now: datetime, base: Entry | None = None) -> bool:
    """Put an edited copy in place of the entry with the same id; with ``base`` (the entry as
    the edit began), only the fields changed from it, onto the entry as it is now (see
    :mod:`edit_merge`). False when that changes nothing."""
    found = find(session, entry.id)
    if found is None:
        raise EntryError("that entry is gone (deleted elsewhere?)")
    _, items, index = found
    if base is not None:
        merged = merge_edit(base, entry, items[index])
        if merged is None:
            return False
        entry = merged
    entry.updated = now
    items[index] = entry
    if isinstance(entry, TimelineEntry):
        session.sort_timeline()
    return True


def add_back(session: Session, where: str, entry: Entry, now: datetime) -> Entry:
    """Add an edit of an entry deleted meanwhile (in another terminal) back as a new entry
    in the list ``where`` it was (see :func:`entry_lists`): with a new id, as the old one's
    tombstone would take it out again at the next merge. A step whose chain went too starts
    a new chain."""
    fresh = entry.model_copy(update={"id": new_id(), "created": now, "updated": now})
    items = entry_lists(session).get(where)
    if items is None:
        chain = WhyChain(created=now, updated=now)
        session.root_cause.chains.append(chain)
        items = chain.steps
    items.append(fresh)
    if isinstance(fresh, TimelineEntry):
        session.sort_timeline()
    return fresh


@dataclass(frozen=True)
class Deleted:
    """Enough to put a deleted entry back where it was."""

    where: str
    index: int
    entry: Entry


def delete(session: Session, entry_id: str, now: datetime) -> Deleted | None:
    found = find(session, entry_id)
    if found is None:
        return None
    where, items, index = found
    entry = items.pop(index)
    session.deleted.append(Tombstone(id=entry.id, deleted=now))
    if isinstance(entry, WhyChain):
        session.deleted += [Tombstone(id=step.id, deleted=now) for step in entry.steps]
    return Deleted(where, index, entry)


def undo_delete(session: Session, deleted: Deleted, now: datetime) -> Entry:
    ids = {deleted.entry.id}
    if isinstance(deleted.entry, WhyChain):
        ids |= {step.id for step in deleted.entry.steps}
    session.deleted = [stone for stone in session.deleted if stone.id not in ids]
    items = entry_lists(session).get(deleted.where)
    if items is None:
        raise EntryError("the chain this step belonged to is gone")
    entry = deleted.entry
    entry.updated = now
    items.insert(min(deleted.index, len(items)), entry)
    if isinstance(entry, TimelineEntry):
        session.sort_timeline()
    return entry
