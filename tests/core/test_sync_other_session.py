"""Another session copied over the file is not merged in: it is reported, like a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from postmortem_tui.clock import FakeClock
from postmortem_tui.model import Incident, Note, Session
from postmortem_tui.persistence import create, dumps, load, loads
from postmortem_tui.sync import SessionStore
from postmortem_tui.sync.store import broken_path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ours(sample_path: Path, tmp_path: Path) -> Path:
    """The sample session as ``postmortem new`` writes one today: with a session id."""
    session = load(sample_path)
    path = tmp_path / "ours.toml"
    create(session, path)
    return path


def foreign_text(tmp_path: Path) -> str:
    other = Session(incident=Incident(title="Search outage"))
    other.went_well.append(Note(text="FOREIGN note"))
    other.agenda = other.agenda.model_copy(update={"updated": other.went_well[0].updated})
    path = tmp_path / "other.toml"
    create(other, path)
    return path.read_text(encoding="utf-8")


def test_a_new_session_file_has_a_session_id_and_the_schema_that_carries_it(ours: Path) -> None:
    text = ours.read_text(encoding="utf-8")
    assert text.startswith("schema_version = 2\n")
    assert load(ours).session_id


def test_another_session_copied_over_the_file_is_reported_not_merged(
    ours: Path, tmp_path: Path, clock: FakeClock
) -> None:
    good = ours.read_text(encoding="utf-8")
    store = SessionStore(ours, clock)
    before = store.session
    other = foreign_text(tmp_path)
    ours.write_text(other, encoding="utf-8")
    assert store.poll() is True
    status = store.status()
    assert status.broken and "another session" in (status.problem or "")
    assert "Search outage" in (status.problem or "") and "\n" not in (status.problem or "")
    assert store.session == before  # no foreign entry, agenda or incident came in
    store.mutate(lambda s: s.went_well.append(Note(text="typed meanwhile")))
    assert store.save() is False
    assert ours.read_text(encoding="utf-8") == other  # not overwritten
    ours.write_text(good, encoding="utf-8")  # the right file restored
    assert store.poll() is True and store.status().problem is None
    assert store.save()
    notes = [note.text for note in load(ours).went_well]
    assert "typed meanwhile" in notes and "FOREIGN note" not in notes


def test_another_session_can_be_overwritten_by_choice_and_its_text_is_kept(
    ours: Path, tmp_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(ours, clock)
    other = foreign_text(tmp_path)
    ours.write_text(other, encoding="utf-8")
    store.poll()
    assert store.overwrite_broken()
    assert load(ours).session_id == store.session.session_id
    assert "FOREIGN note" not in [note.text for note in load(ours).went_well]
    assert broken_path(ours).read_text(encoding="utf-8") == other


def test_another_session_found_while_saving_is_not_merged_either(
    ours: Path, tmp_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(ours, clock)
    store.mutate(lambda s: s.went_well.append(Note(text="typed before the copy")))
    other = foreign_text(tmp_path)
    ours.write_text(other, encoding="utf-8")
    assert store.save() is False
    assert store.status().broken
    assert ours.read_text(encoding="utf-8") == other
    assert "FOREIGN note" not in [note.text for note in store.session.went_well]


def test_a_file_from_before_session_ids_gets_one_on_its_first_save_that_all_share(
    sample_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(sample_path, clock), SessionStore(sample_path, clock)
    assert a.session.session_id == ""
    a.mutate(lambda s: s.went_well.append(Note(text="first save")))
    assert a.save()
    named = load(sample_path).session_id
    assert named and a.session.session_id == named
    assert b.poll() and b.status().problem is None
    assert b.session.session_id == named


def test_an_old_file_of_another_session_is_told_apart_by_its_entries(
    sample_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(sample_path, clock)
    other = Session(incident=Incident(title="Search outage"))
    other.went_well.append(Note(text="FOREIGN note"))
    text = dumps(other).replace("schema_version = 2", "schema_version = 1")
    assert loads(text).session_id == ""
    sample_path.write_text(text, encoding="utf-8")
    store.poll()
    assert store.status().broken
    assert "FOREIGN note" not in [note.text for note in store.session.went_well]


def test_two_instances_on_an_old_empty_file_adding_before_either_saves_stay_one_session(
    empty_path: Path, clock: FakeClock
) -> None:
    a, b = SessionStore(empty_path, clock), SessionStore(empty_path, clock)
    a.mutate(lambda s: s.went_well.append(Note(text="from a")))
    b.mutate(lambda s: s.went_well.append(Note(text="from b")))
    assert a.save() and b.save(), b.status().problem
    a.poll()
    assert {note.text for note in load(empty_path).went_well} == {"from a", "from b"}
    assert a.session == b.session
