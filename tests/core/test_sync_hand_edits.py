"""Hand edits of a session file that two instances have open: none is lost or doubled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from postmortem_tui.clock import FakeClock
from postmortem_tui.model import Note
from postmortem_tui.persistence import load, loads
from postmortem_tui.sync import SessionStore

HAND_ADDED = '\n[[went_well]]\ntext = "HAND ADDED x"\n'


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def add_note(text: str):
    return lambda session: session.went_well.append(Note(text=text))


def append_hand_added(path: Path) -> None:
    """Append a went-well entry by hand, as an editor would: no id, no times."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(HAND_ADDED)


def hand_added(path: Path) -> list[str]:
    return [note.id for note in load(path).went_well if note.text == "HAND ADDED x"]


def test_an_entry_added_by_hand_without_an_id_is_one_entry_after_both_save(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    append_hand_added(sample_path)
    a.poll(), b.poll()
    assert a.save() and b.save()
    a.poll(), b.poll()
    assert len(hand_added(sample_path)) == 1
    assert a.session == b.session


def test_two_identical_hand_added_lines_are_two_entries_with_ids_every_reader_agrees_on(
    sample_path: Path,
) -> None:
    text = sample_path.read_text(encoding="utf-8") + HAND_ADDED + HAND_ADDED
    first, second = loads(text), loads(text)
    ids = [note.id for note in first.went_well if note.text == "HAND ADDED x"]
    assert len(set(ids)) == 2
    assert ids == [note.id for note in second.went_well if note.text == "HAND ADDED x"]
    assert first.went_well[-1].created == second.went_well[-1].created


def test_the_derived_id_is_written_back_so_a_later_hand_edit_keeps_it(
    sample_path: Path, clock: FakeClock
) -> None:
    a = SessionStore(sample_path, clock)
    append_hand_added(sample_path)
    a.poll()
    assert a.status().dirty
    assert a.save()
    [written] = hand_added(sample_path)
    assert f'id = "{written}"' in sample_path.read_text(encoding="utf-8")
    edited = sample_path.read_text(encoding="utf-8").replace("HAND ADDED x", "HAND EDITED x")
    assert [note.id for note in loads(edited).went_well if note.text == "HAND EDITED x"] == [
        written
    ]


def test_a_hand_added_line_like_a_deleted_entry_is_not_taken_for_it(
    sample_path: Path, clock: FakeClock
) -> None:
    a = SessionStore(sample_path, clock)
    append_hand_added(sample_path)
    a.poll()
    a.mutate(lambda s: s.went_well.pop())
    assert a.save() and not hand_added(sample_path)
    append_hand_added(sample_path)
    a.poll()
    assert a.save()
    assert len(hand_added(sample_path)) == 1


def sed(path: Path, pattern: str, replacement: str) -> None:
    """What ``sed -i -E`` does: the text changes, nothing else (``updated`` included)."""
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, flags=re.MULTILINE)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def test_hand_edits_of_entries_an_instance_did_not_touch_all_survive_its_save(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    sed(sample_path, r'^(text = ")(.*")$', r"\1EDITED \2")  # every entry with a text
    edited = {entry.id for entry in load(sample_path).timeline if entry.text.startswith("EDITED")}
    assert len(edited) >= 8
    clock.advance(5)
    b.mutate(add_note("typed by the note-taker meanwhile"))
    assert b.save()  # b had not read the edit: it merges it in while saving
    a.poll()
    for session in (load(sample_path), a.session, b.session):
        texts = {entry.id: entry.text for entry in session.timeline}
        assert all(texts[id_].startswith("EDITED ") for id_ in edited)
        assert session.went_well[-1].text == "typed by the note-taker meanwhile"


def test_a_hand_edit_read_by_poll_is_not_reverted_by_the_next_save(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    sed(sample_path, r'^(text = ")(.*")$', r"\1EDITED \2")
    sed(sample_path, r'^title = "Checkout outage', 'title = "HAND TITLE')
    a.poll(), b.poll()
    a.save(force=True), b.save(force=True), a.poll()
    for session in (load(sample_path), a.session, b.session):
        assert all(entry.text.startswith("EDITED ") for entry in session.timeline)
        assert session.incident.title.startswith("HAND TITLE")


def test_an_id_less_entry_edited_by_hand_after_its_id_was_written_is_edited_not_doubled(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    append_hand_added(sample_path)
    a.poll(), b.poll(), a.save(), b.save(), a.poll()
    [written] = hand_added(sample_path)
    sed(sample_path, "HAND ADDED x", "HAND EDITED x")
    a.poll(), b.poll()
    a.save(force=True), b.save(force=True)
    notes = [note for note in load(sample_path).went_well if note.text.startswith("HAND")]
    assert [(note.id, note.text) for note in notes] == [(written, "HAND EDITED x")]


def test_when_both_sides_changed_an_entry_the_later_edit_wins(
    sample_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(sample_path, clock)
    first = store.session.timeline[0]
    clock.advance(60)
    store.mutate(lambda s: setattr(s.timeline[0], "text", "typed in the app"))
    sed(sample_path, r'^(text = ")(.*")$', r"\1EDITED \2")  # ``updated`` kept: older
    assert store.save()
    [entry] = [e for e in load(sample_path).timeline if e.id == first.id]
    assert entry.text == "typed in the app"


def test_an_older_copy_saved_over_the_file_does_not_undo_newer_edits(
    sample_path: Path, clock: FakeClock
) -> None:
    """A stale editor buffer or a restored backup: its entries are older, not edits."""
    old_text = sample_path.read_text(encoding="utf-8")
    store = SessionStore(sample_path, clock)
    clock.advance(60)
    store.mutate(lambda s: setattr(s.timeline[0], "text", "corrected in the meeting"))
    assert store.save()
    sample_path.write_text(old_text, encoding="utf-8")
    store.poll()
    assert store.session.timeline[0].text == "corrected in the meeting"
    store.save(force=True)
    assert load(sample_path).timeline[0].text == "corrected in the meeting"
