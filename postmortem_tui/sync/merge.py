"""Merging copies of a session that changed apart, so that every instance ends up the same.

``merge`` is a join: commutative, associative and idempotent. Instances that exchange their
states through the file, in whatever order and however often, converge on one session.

The rules:

- List entries are matched by their stable ``id``. Entries only one side has are kept; for
  an id both sides have, the later ``updated`` wins, and equal times are decided by a hash of
  the content, so every instance picks the same one. (A store that knows the base first
  combines two edits of one entry field by field, ``rebase.py``; ``merge`` sees the result.)
- A tombstone (``Session.deleted``) removes its id for good: an entry with that id never
  comes back, however late its ``updated``. Two tombstones for one id keep the earlier time.
- The steps of a 5-Whys chain are entries too and merge by id inside their chain; a step
  whose chain is deleted goes with it.
- The singleton sections (``incident``, ``meeting``, the root-cause ``statement``) and the
  ``agenda`` are taken whole from the side with the later ``updated`` (a section without a
  time is the oldest); the agenda's ``last_seen`` is the latest of both.
- Lists come out in one order: the timeline by its time, other lists by ``created`` then id.

Merging never changes its inputs; unchanged parts of the result are shared with them, so
sessions must be treated as read-only once merged (the store copies before it edits).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date, datetime, timezone
from typing import Any

from ..model import (
    Agenda,
    Entry,
    Incident,
    Meeting,
    RootCause,
    Session,
    Tombstone,
    WhyChain,
)

OLDEST = datetime.min.replace(tzinfo=timezone.utc)

TOP_LISTS = ("participants", "timeline", "went_well", "could_improve", "got_lucky", "action_items")
FACTORS = "root_cause.factors"
CHAINS = "root_cause.chains"
STEPS = "root_cause.chains:"
"""Slot prefix for a chain's steps: ``root_cause.chains:<chain id>``."""


def slotted_entries(session: Session) -> Iterator[tuple[str, Entry]]:
    """Every entry with the list it sits in; a chain's steps are in the slot ``STEPS + id``."""
    for name in TOP_LISTS:
        for entry in getattr(session, name):
            yield name, entry
    for factor in session.root_cause.factors:
        yield FACTORS, factor
    for chain in session.root_cause.chains:
        yield CHAINS, chain
        for step in chain.steps:
            yield STEPS + chain.id, step


def own_fields(entry: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The entry's fields without a chain's nested steps (which merge on their own)."""
    drop = {"steps", *skip} if isinstance(entry, WhyChain) else set(skip)
    return {key: value for key, value in entry.__dict__.items() if key not in drop}


def digest(model: Any, *context: str, skip: tuple[str, ...] = ()) -> str:
    """A content hash that breaks ties between versions with the same time, everywhere alike."""
    exclude = {"steps", *skip} if isinstance(model, WhyChain) else set(skip)
    data = model.model_dump(mode="json", exclude=exclude or None)
    text = json.dumps([*context, type(model).__name__, data], sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _later_entry(a: tuple[str, Entry], b: tuple[str, Entry]) -> tuple[str, Entry]:
    (slot_a, one), (slot_b, other) = a, b
    if one is other and slot_a == slot_b:
        return a
    if one.updated != other.updated:
        return a if one.updated > other.updated else b
    if slot_a == slot_b and type(one) is type(other) and own_fields(one) == own_fields(other):
        return a
    return a if digest(one, slot_a) >= digest(other, slot_b) else b


def _later_section(a: Any, b: Any, skip: tuple[str, ...] = ()) -> Any:
    """The later of two versions of a section (``updated`` may be None: the oldest)."""
    time_a, time_b = a.updated or OLDEST, b.updated or OLDEST
    if time_a != time_b:
        return a if time_a > time_b else b
    if own_fields(a, skip) == own_fields(b, skip):
        return a
    return a if digest(a, skip=skip) >= digest(b, skip=skip) else b


def _agenda(a: Agenda, b: Agenda) -> Agenda:
    winner = _later_section(a, b, skip=("last_seen",))
    seen = [moment for moment in (a.last_seen, b.last_seen) if moment is not None]
    last_seen = max(seen) if seen else None
    if winner.last_seen != last_seen:
        winner = winner.model_copy(update={"last_seen": last_seen})
    return winner


def _root_cause(a: RootCause, b: RootCause, chains: list, factors: list) -> RootCause:
    time_a, time_b = a.updated or OLDEST, b.updated or OLDEST
    if time_a != time_b:
        statement_from = a if time_a > time_b else b
    elif a.statement == b.statement:
        statement_from = a
    else:
        key_a = hashlib.sha256(a.statement.encode("utf-8")).hexdigest()
        key_b = hashlib.sha256(b.statement.encode("utf-8")).hexdigest()
        statement_from = a if key_a >= key_b else b
    return RootCause.model_construct(
        statement=statement_from.statement,
        chains=chains,
        factors=factors,
        updated=statement_from.updated,
    )


def _by_created(entry: Entry) -> tuple[datetime, str]:
    return (entry.created, entry.id)


def timeline_key(day: date):
    """Sort key for timeline entries: date (or ``day``), time of day, then created and id."""

    def key(entry: Any) -> tuple:
        return (entry.date or day, entry.time, entry.created, entry.id)

    return key


def _merge_two(a: Session, b: Session) -> Session:
    tombstones: dict[str, datetime] = {}
    for stone in (*a.deleted, *b.deleted):
        known = tombstones.get(stone.id)
        if known is None or stone.deleted < known:
            tombstones[stone.id] = stone.deleted

    winners: dict[str, tuple[str, Entry]] = {}
    for session in (a,) if a is b else (a, b):
        for slot, entry in slotted_entries(session):
            if entry.id in tombstones:
                continue
            known = winners.get(entry.id)
            candidate = (slot, entry)
            winners[entry.id] = candidate if known is None else _later_entry(known, candidate)

    lists: dict[str, list[Entry]] = {}
    for slot, entry in winners.values():
        lists.setdefault(slot, []).append(entry)

    chains = []
    for chain in sorted(lists.get(CHAINS, []), key=_by_created):
        steps = sorted(lists.get(STEPS + chain.id, []), key=_by_created)
        chains.append(chain if steps == chain.steps else chain.model_copy(update={"steps": steps}))
    # Steps left in a slot whose chain is not in the result belonged to a deleted chain.

    incident: Incident = _later_section(a.incident, b.incident)
    meeting: Meeting = _later_section(a.meeting, b.meeting)
    saved = max((a.saved_at or OLDEST, a.written_by), (b.saved_at or OLDEST, b.written_by))
    fields: dict[str, Any] = {
        "schema_version": max(a.schema_version, b.schema_version),
        "session_id": max(a.session_id, b.session_id),  # "" (not given one yet) is least
        "written_by": saved[1],
        "saved_at": None if saved[0] == OLDEST else saved[0],
        "incident": incident,
        "meeting": meeting,
        "criteria": _later_section(a.criteria, b.criteria),
        "agenda": _agenda(a.agenda, b.agenda),
        "root_cause": _root_cause(
            a.root_cause, b.root_cause, chains, sorted(lists.get(FACTORS, []), key=_by_created)
        ),
        "deleted": [
            Tombstone.model_construct(id=id_, deleted=when)
            for id_, when in sorted(tombstones.items(), key=lambda item: (item[1], item[0]))
        ],
    }
    for name in TOP_LISTS:
        fields[name] = sorted(lists.get(name, []), key=_by_created)
    merged = Session.model_construct(**fields)
    merged.timeline.sort(key=timeline_key(merged.reference_date))
    return merged


def merge(first: Session, *others: Session) -> Session:
    """The join of the given sessions; ``merge(s)`` alone puts ``s`` in its canonical form."""
    result = _merge_two(first, first) if not others else first
    for other in others:
        result = _merge_two(result, other)
    return result


def visible(session: Session) -> Session:
    """``session`` without what only records the writing (who saved when, the clock's last
    sign of life, the session's id), for telling whether a merge changed anything a person would see."""
    agenda = session.agenda
    if agenda.last_seen is not None:
        agenda = agenda.model_copy(update={"last_seen": None})
    return session.model_copy(
        update={"saved_at": None, "written_by": "", "session_id": "", "agenda": agenda}
    )


def same_for_people(a: Session, b: Session) -> bool:
    return a is b or visible(a) == visible(b)
