"""Hand edits of a session file that two instances have open: none is lost or doubled."""

from __future__ import annotations

from pathlib import Path

import pytest

from postmortem_tui.clock import FakeClock
from postmortem_tui.persistence import load, loads
from postmortem_tui.sync import SessionStore

HAND_ADDED = '\n[[went_well]]\ntext = "HAND ADDED x"\n'


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def hand_added(path: Path) -> list[str]:
    return [note.id for note in load(path).went_well if note.text == "HAND ADDED x"]


def test_an_entry_added_by_hand_without_an_id_is_one_entry_after_both_save(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    with sample_path.open("a", encoding="utf-8") as handle:
        handle.write(HAND_ADDED)
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
    with sample_path.open("a", encoding="utf-8") as handle:
        handle.write(HAND_ADDED)
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
    with sample_path.open("a", encoding="utf-8") as handle:
        handle.write(HAND_ADDED)
    a.poll()
    a.mutate(lambda s: s.went_well.pop())
    assert a.save() and not hand_added(sample_path)
    with sample_path.open("a", encoding="utf-8") as handle:
        handle.write(HAND_ADDED)
    a.poll()
    assert a.save()
    assert len(hand_added(sample_path)) == 1
