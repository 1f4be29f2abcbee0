"""Two copies of a session that changed apart merge into one, the same whichever way round."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem_tui.model import (
    Note,
    Session,
    TimelineEntry,
    Tombstone,
    WhyChain,
    WhyStep,
)
from postmortem_tui.persistence import dumps, load, loads
from postmortem_tui.sync import merge
from tests.conftest import SAMPLES
from tests.strategies import agendas, incidents, notes, sessions, timeline_entries, utc

T0 = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def note(text: str, minutes: float, id_: str | None = None) -> Note:
    extra = {"id": id_} if id_ else {}
    return Note(text=text, created=at(0), updated=at(minutes), **extra)


def texts(entries: list) -> list[str]:
    return [entry.text for entry in entries]


def test_additions_made_at_the_same_moment_are_both_kept() -> None:
    a = Session(went_well=[Note(text="alert fired fast", created=at(1))])
    b = Session(went_well=[Note(text="rollback was rehearsed", created=at(1))])
    assert sorted(texts(merge(a, b).went_well)) == ["alert fired fast", "rollback was rehearsed"]


def test_the_later_edit_of_an_entry_wins_whichever_side_it_is_on() -> None:
    old = Session(went_well=[note("status page updated", 1, "n1")])
    new = Session(went_well=[note("status page updated every 30 minutes", 2, "n1")])
    assert texts(merge(old, new).went_well) == ["status page updated every 30 minutes"]
    assert texts(merge(new, old).went_well) == ["status page updated every 30 minutes"]


def test_edits_with_the_same_time_pick_the_same_winner_everywhere() -> None:
    a = Session(went_well=[note("version A", 1, "n1")])
    b = Session(went_well=[note("version B", 1, "n1")])
    assert merge(a, b) == merge(b, a)
    assert len(merge(a, b).went_well) == 1


def test_a_deleted_entry_never_comes_back_even_from_a_later_edit() -> None:
    deleted = Session(deleted=[Tombstone(id="n1", deleted=at(1))])
    stale = Session(went_well=[note("edited after the delete", 5, "n1")])
    merged = merge(stale, deleted)
    assert merged.went_well == []
    assert [stone.id for stone in merged.deleted] == ["n1"]
    assert merge(merged, stale).went_well == []


def test_two_deletions_of_one_entry_keep_one_tombstone_with_the_earlier_time() -> None:
    a = Session(deleted=[Tombstone(id="n1", deleted=at(3))])
    b = Session(deleted=[Tombstone(id="n1", deleted=at(1))])
    assert merge(a, b).deleted == [Tombstone(id="n1", deleted=at(1))]


def test_why_steps_merge_by_id_inside_their_chain() -> None:
    chain = WhyChain(id="c1", title="Why did checkout fail?", created=at(0))
    step = WhyStep(id="s1", why="Why?", because="orders table locked", created=at(0))
    base = chain.model_copy(update={"steps": [step]})
    retitled = base.model_copy(update={"title": "Why did every checkout fail?", "updated": at(2)})
    more = base.model_copy(
        update={"steps": [step, WhyStep(id="s2", why="Why locked?", created=at(1))]}
    )
    a = Session()
    a.root_cause.chains = [retitled]
    b = Session()
    b.root_cause.chains = [more]
    merged = merge(a, b).root_cause.chains
    assert [c.title for c in merged] == ["Why did every checkout fail?"]
    assert [s.id for s in merged[0].steps] == ["s1", "s2"]


def test_a_step_added_to_a_chain_deleted_elsewhere_goes_with_the_chain() -> None:
    a = Session()
    a.root_cause.chains = [WhyChain(id="c1", steps=[WhyStep(id="s9", why="late addition")])]
    b = Session(deleted=[Tombstone(id="c1", deleted=at(1))])
    assert merge(a, b).root_cause.chains == []


def test_sections_are_taken_from_the_later_change() -> None:
    a = Session()
    a.incident.title = "Checkout outage"
    a.incident.updated = at(1)
    b = Session()
    b.incident.title = "Checkout outage (orders table lock)"
    b.incident.updated = at(2)
    assert merge(a, b).incident.title == "Checkout outage (orders table lock)"
    untouched = Session()  # an old file: no time on its sections
    untouched.incident.title = "old title"
    assert merge(untouched, a).incident.title == "Checkout outage"


def test_the_statement_merges_apart_from_the_chains() -> None:
    a = Session()
    a.root_cause.statement = "A migration held an exclusive lock for four hours."
    a.root_cause.updated = at(3)
    b = Session()
    b.root_cause.chains = [WhyChain(id="c1", title="Why?")]
    merged = merge(a, b).root_cause
    assert merged.statement.startswith("A migration")
    assert [c.id for c in merged.chains] == ["c1"]


def test_the_clock_follows_the_later_action_and_the_latest_sign_of_life() -> None:
    a = Session()
    a.agenda.current = 2
    a.agenda.updated = at(5)
    a.agenda.last_seen = at(5)
    b = Session()
    b.agenda.updated = at(1)
    b.agenda.last_seen = at(9)
    merged = merge(b, a).agenda
    assert merged.current == 2
    assert merged.last_seen == at(9)


def test_lists_come_out_in_one_order() -> None:
    a = Session(
        timeline=[
            TimelineEntry(time="14:31", text="declared", created=at(1)),
            TimelineEntry(time="14:12", text="deployed", created=at(2)),
        ],
        went_well=[note("second", 0, "b"), Note(id="a", text="first", created=at(-1))],
    )
    merged = merge(a)
    assert texts(merged.timeline) == ["deployed", "declared"]
    assert texts(merged.went_well) == ["first", "second"]


def test_sample_files_without_section_times_still_load() -> None:
    for sample in sorted(SAMPLES.glob("*.toml")):
        session = load(sample)
        assert session.incident.updated is None
        assert merge(session, session) == merge(session)


# Properties: merge is a join, so instances converge whatever the order.

TEXT_FIELD = {
    "Participant": "name",
    "TimelineEntry": "text",
    "WhyChain": "title",
    "WhyStep": "why",
    "Factor": "text",
    "Note": "text",
    "Improvement": "text",
    "ActionItem": "what",
}


@st.composite
def diverged(draw: st.DrawFn, base: Session) -> Session:
    """A copy of ``base`` that some instance changed: edits, deletions, additions."""
    copy = base.model_copy(deep=True)
    for _, entry in list(copy.entries()):
        choice = draw(st.sampled_from(["keep", "keep", "edit", "same-time edit", "delete"]))
        if choice == "delete":
            copy.deleted.append(Tombstone(id=entry.id, deleted=draw(utc)))
        elif choice != "keep":
            field = TEXT_FIELD[type(entry).__name__]
            setattr(entry, field, draw(st.sampled_from(["x", "y", "zz"])))
            if choice == "edit":
                entry.updated = draw(utc)
    copy.went_well += draw(st.lists(notes, max_size=2))
    copy.timeline += draw(st.lists(timeline_entries, max_size=2))
    if draw(st.booleans()):
        copy.incident = draw(incidents)
    if draw(st.booleans()):
        copy.agenda = draw(agendas())
    if draw(st.booleans()):
        copy.root_cause.statement = draw(st.sampled_from(["", "lock", "size"]))
        copy.root_cause.updated = draw(st.none() | utc)
    copy.saved_at = draw(st.none() | utc)
    return copy


@st.composite
def related(draw: st.DrawFn) -> tuple[Session, Session, Session]:
    base = draw(sessions)
    return draw(diverged(base)), draw(diverged(base)), draw(diverged(base))


PROPERTY = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTY
@given(related())
def test_merge_is_commutative_associative_and_idempotent(
    trio: tuple[Session, Session, Session],
) -> None:
    a, b, c = trio
    assert merge(a, b) == merge(b, a)
    assert merge(merge(a, b), c) == merge(a, merge(b, c)) == merge(merge(c, a), b)
    assert merge(a, a) == merge(a)
    assert merge(merge(a, b), b) == merge(a, b)


@PROPERTY
@given(related())
def test_merged_sessions_are_valid_files_that_keep_every_live_entry(
    trio: tuple[Session, Session, Session],
) -> None:
    a, b, _ = trio
    merged = merge(a, b)
    assert loads(dumps(merged)) == merged
    tombstoned = {stone.id for stone in (*a.deleted, *b.deleted)}
    ids = {entry.id for _, entry in merged.entries()}
    assert not ids & tombstoned
    for side in (a, b):
        for path, entry in side.entries():
            steps_of_deleted_chain = ".steps[" in path and _chain_of(side, entry.id) in tombstoned
            if entry.id not in tombstoned and not steps_of_deleted_chain:
                assert entry.id in ids
                winner = next(e for _, e in merged.entries() if e.id == entry.id)
                assert winner.updated >= entry.updated


def _chain_of(session: Session, step_id: str) -> str:
    return next(c.id for c in session.root_cause.chains if any(s.id == step_id for s in c.steps))


def test_a_merged_session_can_be_written_and_read(tmp_path: Path) -> None:
    a = load(SAMPLES / "checkout-outage.toml")
    b = a.model_copy(deep=True)
    b.went_well.append(Note(text="new"))
    path = tmp_path / "m.toml"
    path.write_text(dumps(merge(a, b)), encoding="utf-8")
    assert texts(load(path).went_well)[-1] == "new"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
def test_merging_a_session_loses_no_field(session: Session) -> None:
    """Every part of the model survives a merge (a field the merge forgot would vanish from
    every instance at the next save)."""
    merged = merge(session)
    for name in Session.model_fields:
        before, after = getattr(session, name), getattr(merged, name)
        if name == "deleted":  # tombstones are a set: one per id, the earliest kept
            assert {stone.id for stone in before} == {stone.id for stone in after}
        elif isinstance(before, list):
            assert sorted(map(repr, before)) == sorted(map(repr, after)), name
        elif name == "root_cause":
            assert before.statement == after.statement and before.updated == after.updated
            assert {c.id for c in before.chains} == {c.id for c in after.chains}
            assert sorted(map(repr, before.factors)) == sorted(map(repr, after.factors))
        else:
            assert before == after, name
