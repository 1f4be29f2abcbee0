"""Stores on one file: changes travel through it, and a bad file is never overwritten."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from pydantic import ValidationError

from postmortem_tui.clock import FakeClock
from postmortem_tui.model import Factor, Note, TimelineEntry, WhyChain, WhyStep
from postmortem_tui.persistence import SessionFileError, load
from postmortem_tui.sync import SessionStore
from postmortem_tui.sync import store as store_module
from postmortem_tui.sync.store import broken_path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def add_note(text: str):
    def edit(session):
        session.went_well.append(Note(text=text))

    return edit


def texts(store: SessionStore) -> list[str]:
    return [note.text for note in store.session.went_well]


def test_a_note_added_in_one_store_reaches_the_other(sample_path: Path, clock: FakeClock) -> None:
    facilitator = SessionStore(sample_path, clock)
    note_taker = SessionStore(sample_path, clock)
    note_taker.mutate(add_note("Support had a macro ready within minutes"))
    assert facilitator.poll() is False  # not saved yet: nothing to see
    assert note_taker.status().dirty
    assert note_taker.save()
    assert not note_taker.status().dirty
    assert facilitator.poll() is True
    assert texts(facilitator)[-1] == "Support had a macro ready within minutes"
    assert facilitator.poll() is False  # nothing new since


def test_notes_added_in_both_before_either_saves_are_all_kept(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    a.mutate(add_note("from the facilitator"))
    b.mutate(add_note("from the note-taker"))
    assert a.save() and b.save()
    a.poll()
    assert a.session == b.session
    on_disk = {note.text for note in load(sample_path).went_well}
    assert {"from the facilitator", "from the note-taker"} <= on_disk


def test_an_edit_touches_only_what_changed_and_a_delete_leaves_a_tombstone(
    sample_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(sample_path, clock)
    first, second = store.session.went_well[0], store.session.went_well[1]
    clock.advance(60)
    store.mutate(lambda s: setattr(s.went_well[0], "text", "reworded"))
    assert store.session.went_well[0].updated == clock.now()
    assert store.session.went_well[1] == second
    store.mutate(lambda s: s.went_well.pop(0))
    assert first.id in {stone.id for stone in store.session.deleted}


def test_a_stale_instance_cannot_bring_back_a_deleted_entry(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    doomed = a.session.went_well[0].id
    a.mutate(lambda s: s.went_well.pop(0))
    a.save()
    clock.advance(5)
    b.mutate(lambda s: setattr(s.went_well[0], "text", "edited after it was deleted"))
    b.save()
    a.poll()
    for store in (a, b):
        assert doomed not in {note.id for note in store.session.went_well}
    assert doomed not in {note.id for note in load(sample_path).went_well}


def test_undoing_a_delete_brings_the_entry_back_under_a_new_id(
    sample_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(sample_path, clock)
    removed = store.mutate(lambda s: s.went_well.pop(0))
    old_id = removed.id
    store.mutate(lambda s: s.went_well.append(removed.model_copy()))
    assert removed.text in texts(store)
    assert old_id not in {note.id for note in store.session.went_well}
    assert old_id in {stone.id for stone in store.session.deleted}


def test_an_invalid_edit_changes_nothing(sample_path: Path, clock: FakeClock) -> None:
    store = SessionStore(sample_path, clock)
    before = store.session
    with pytest.raises(ValidationError):
        store.mutate(lambda s: setattr(s.timeline[0], "time", "half past two"))
    assert store.session is before
    assert not store.status().dirty


def test_chain_steps_and_sections_travel_too(sample_path: Path, clock: FakeClock) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)

    def add_chain(session):
        session.root_cause.chains.append(
            WhyChain(id="c-new", title="Why no alert?", steps=[WhyStep(why="Why?")])
        )

    a.mutate(add_chain)
    a.mutate(lambda s: setattr(s.incident, "title", "Checkout outage, revised"))
    a.save()
    b.poll()
    clock.advance(1)
    b.mutate(lambda s: s.root_cause.chains[-1].steps.append(WhyStep(why="And why?")))
    b.save()
    a.poll()
    assert a.session.incident.title == "Checkout outage, revised"
    assert [len(c.steps) for c in a.session.root_cause.chains][-1] == 2


def test_the_countdown_is_the_same_in_both(sample_path: Path, clock: FakeClock) -> None:
    facilitator, presenter = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    facilitator.clock_action(lambda c: c.toggle())
    facilitator.save()
    clock.advance(95)
    presenter.poll()
    assert presenter.agenda_clock.running
    assert presenter.agenda_clock.remaining() == facilitator.agenda_clock.remaining()
    presenter.clock_action(lambda c: c.extend(2))
    presenter.save()
    facilitator.poll()
    assert facilitator.agenda_clock.remaining() == presenter.agenda_clock.remaining()


def test_an_invalid_outside_edit_keeps_the_state_and_the_broken_file(
    sample_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(sample_path, clock)
    store.mutate(add_note("typed before the bad edit"))
    bad = sample_path.read_text(encoding="utf-8").replace('severity = "SEV1"', 'severity = "huge"')
    sample_path.write_text(bad, encoding="utf-8")
    assert store.poll() is True
    status = store.status()
    assert status.broken and status.problem is not None
    assert "incident.severity" in status.problem and "\n" not in status.problem
    assert texts(store)[-1] == "typed before the bad edit"
    assert store.save() is False
    store.mutate(add_note("typed after it"))
    assert store.save() is False
    assert sample_path.read_text(encoding="utf-8") == bad
    assert store.poll() is False  # the same broken file is not read again


def test_fixing_the_file_by_hand_resumes_syncing(sample_path: Path, clock: FakeClock) -> None:
    store = SessionStore(sample_path, clock)
    good = sample_path.read_text(encoding="utf-8")
    sample_path.write_text(good + "\n[[went_well]\n", encoding="utf-8")
    store.poll()
    store.mutate(add_note("kept while broken"))
    sample_path.write_text(good.replace("Checkout outage:", "Checkout outage (fixed):"), "utf-8")
    assert store.poll() is True
    assert store.status().problem is None
    assert store.session.incident.title.startswith("Checkout outage (fixed):")
    assert store.save()
    assert "kept while broken" in [note.text for note in load(sample_path).went_well]


def test_overwriting_a_broken_file_is_the_users_choice_and_keeps_a_copy(
    sample_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(sample_path, clock)
    store.mutate(add_note("mine"))
    sample_path.write_text("this is not TOML = = =\n", encoding="utf-8")
    store.poll()
    assert store.overwrite_broken()
    assert "mine" in [note.text for note in load(sample_path).went_well]
    assert broken_path(sample_path).read_text(encoding="utf-8") == "this is not TOML = = =\n"
    assert store.status().problem is None and not store.status().broken


def test_a_removed_file_is_reported_and_written_again_on_the_next_save(
    sample_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(sample_path, clock)
    sample_path.unlink()
    assert store.poll() is True
    status = store.status()
    assert status.missing and "removed" in (status.problem or "")
    assert store.poll() is False
    store.mutate(add_note("after the removal"))
    assert store.save()
    assert texts(store)[-1] == "after the removal"
    assert [note.text for note in load(sample_path).went_well][-1] == "after the removal"
    assert store.status().problem is None


def test_a_folder_that_cannot_be_written_keeps_changes_for_the_next_save(
    sample_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated: the tests may run as root, whom a read-only folder does not stop.
    store = SessionStore(sample_path, clock)
    real_write = store_module.write_session

    def read_only(*args, **kwargs):
        raise SessionFileError(sample_path, "cannot be saved: the file system is read-only")

    monkeypatch.setattr(store_module, "write_session", read_only)
    store.mutate(add_note("written later"))
    assert store.save() is False
    status = store.status()
    assert status.dirty and "read-only" in (status.problem or "")
    monkeypatch.setattr(store_module, "write_session", real_write)
    assert store.save() is True
    assert store.status().problem is None and not store.status().dirty
    assert [note.text for note in load(sample_path).went_well][-1] == "written later"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_reported(sample_path: Path, clock: FakeClock) -> None:
    store = SessionStore(sample_path, clock)
    store.mutate(add_note("x"))
    os.chmod(sample_path.parent, 0o500)
    try:
        assert store.save() is False
        assert "permission denied" in (store.status().problem or "")
    finally:
        os.chmod(sample_path.parent, 0o700)
    assert store.save()


def test_opening_an_invalid_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("schema_version = 1\n[incident]\nseverity = 3\n", encoding="utf-8")
    with pytest.raises(SessionFileError) as caught:
        SessionStore(path)
    assert "incident.severity" in str(caught.value) and "\n" not in str(caught.value)


def test_last_saved_is_this_instances_last_write(sample_path: Path, clock: FakeClock) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    assert a.status().last_saved is None
    clock.advance(10)
    a_saved = clock.now()
    a.mutate(add_note("x"))
    a.save()
    clock.advance(10)
    b.mutate(add_note("y"))
    b.save()
    a.poll()
    assert a.status().last_saved == a_saved
    assert a.session.saved_at == b.status().last_saved == clock.now()


def test_the_version_moves_only_for_changes_people_see(sample_path: Path, clock: FakeClock) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    start = a.version
    b.mutate(lambda s: None)
    b.save(force=True)  # rewrites the file with a new saved_at only
    assert a.poll() is False and a.version == start
    b.mutate(add_note("seen"))
    b.save()
    assert a.poll() is True and a.version == start + 1


def test_edits_on_one_thread_while_another_saves_and_polls_are_all_kept(
    sample_path: Path, clock: FakeClock
) -> None:
    store, other = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    done = threading.Event()

    def worker() -> None:
        while not done.is_set():
            store.save()
            store.poll()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        for number in range(150):
            store.mutate(add_note(f"ui {number}"))
            if number % 10 == 0:
                other.mutate(add_note(f"other {number}"))
                other.save()
    finally:
        done.set()
        thread.join()
    store.save()
    other.poll()
    on_disk = {note.text for note in load(sample_path).went_well}
    assert {f"ui {n}" for n in range(150)} <= on_disk
    assert {f"other {n}" for n in range(0, 150, 10)} <= on_disk
    assert store.session == other.session


def test_timeline_entries_from_two_stores_are_in_time_order(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    a.mutate(lambda s: s.timeline.append(TimelineEntry(time="14:20", text="second look")))
    b.mutate(lambda s: s.timeline.append(TimelineEntry(time="14:13", text="first look")))
    a.save(), b.save(), a.poll()
    texts_in_order = [entry.text for entry in a.session.timeline]
    assert texts_in_order.index("first look") < texts_in_order.index("second look")
    assert a.session.timeline == b.session.timeline


def test_the_statement_and_a_new_factor_from_two_stores_are_both_kept(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    a.mutate(lambda s: setattr(s.root_cause, "statement", "No guard against long table locks."))
    b.mutate(lambda s: s.root_cause.factors.append(Factor(text="Staging has 50,000 rows")))
    a.save(), b.save(), a.poll()
    for store in (a, b):
        assert store.session.root_cause.statement == "No guard against long table locks."
        assert store.session.root_cause.factors[-1].text == "Staging has 50,000 rows"
    assert a.session.root_cause.updated == clock.now()


def test_a_read_only_file_is_not_replaced_and_is_saved_once_writable(
    sample_path: Path, clock: FakeClock
) -> None:
    """The atomic rename needs only the folder to be writable: it would replace a file its
    owner made read-only (and root ignores permissions altogether)."""
    store = SessionStore(sample_path, clock)
    store.mutate(add_note("typed while the file was read-only"))
    before = sample_path.read_bytes()
    os.chmod(sample_path, 0o444)
    try:
        assert store.save() is False
        assert "is read-only; make it writable (chmod u+w)" in (store.status().problem or "")
        assert sample_path.read_bytes() == before
        assert store.status().dirty  # kept, to be written
    finally:
        os.chmod(sample_path, 0o644)
    assert store.save()
    assert load(sample_path).went_well[-1].text == "typed while the file was read-only"
