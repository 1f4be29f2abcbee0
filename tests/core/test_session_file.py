"""Session files: one-line errors that name the position, never an overwrite of a bad file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from postmortem_tui.model import Session
from postmortem_tui.persistence import SessionFileError, create, dumps, load, save
from postmortem_tui.persistence.atomic import remove_stale_temp_files
from postmortem_tui.persistence.session_file import overwrites_a_session


def _error(path: Path) -> str:
    with pytest.raises(SessionFileError) as caught:
        load(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_the_sample_loads(sample_path: Path) -> None:
    session = load(sample_path)
    assert len(session.timeline) >= 8
    assert len(session.action_items) == 6


def test_truncated_file_names_the_line(sample_path: Path) -> None:
    text = sample_path.read_text()
    cut = text.index("[[timeline]]") + len("[[timeline]]\nid = \"")
    sample_path.write_text(text[:cut])
    message = _error(sample_path)
    line = text[:cut].count("\n") + 1
    assert message.startswith(f"{sample_path}:{line}: ")
    assert "not valid TOML" in message


def test_a_deadline_that_is_not_a_date_names_the_key_and_line(sample_path: Path) -> None:
    text = sample_path.read_text()
    lines = text.splitlines()
    deadline_lines = [i for i, line in enumerate(lines) if line.startswith("deadline = ")]
    lines[deadline_lines[3]] = 'deadline = "next week"'
    sample_path.write_text("\n".join(lines) + "\n")
    message = _error(sample_path)
    assert message == (
        f"{sample_path}:{deadline_lines[3] + 1}: action_items[3].deadline: "
        "expected a date like 2026-12-10, got 'next week'"
    )


def test_a_newer_schema_is_refused_with_the_version_needed(sample_path: Path) -> None:
    text = sample_path.read_text()
    text = text.replace("schema_version = 1", "schema_version = 7").replace(
        'written_by = "postmortem-tui 0.1.0"', 'written_by = "postmortem-tui 3.2.0"'
    )
    sample_path.write_text(text)
    message = _error(sample_path)
    assert ":1: schema_version 7 was written by postmortem-tui 3.2.0" in message
    assert "upgrade postmortem-tui" in message


def test_an_unknown_key_is_named(sample_path: Path) -> None:
    text = sample_path.read_text().replace("[meeting]\n", "[meeting]\nroom = \"B\"\n", 1)
    sample_path.write_text(text)
    message = _error(sample_path)
    assert "meeting.room: is not a key this app knows" in message


def test_a_wrong_choice_lists_what_is_accepted(sample_path: Path) -> None:
    text = sample_path.read_text().replace('severity = "SEV1"', 'severity = "critical"')
    sample_path.write_text(text)
    message = _error(sample_path)
    assert 'incident.severity: expected one of "SEV1", "SEV2", "SEV3" or "SEV4"' in message


def test_a_missing_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[incident]\ntitle = "x"\n')
    assert "schema_version is missing" in _error(path)


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert "is not UTF-8" in _error(path)


def test_a_new_file_is_private_and_an_existing_one_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    create(Session(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    os.chmod(path, 0o640)
    save(load(path), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_create_never_replaces_a_file(sample_path: Path) -> None:
    before = sample_path.read_bytes()
    with pytest.raises(SessionFileError, match="already exists"):
        create(Session(), sample_path)
    assert sample_path.read_bytes() == before


def test_saving_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    for _ in range(3):
        save(Session(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


def test_stale_temp_files_from_a_killed_writer_are_cleared(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    leftover = tmp_path / ".s.toml.abc123.tmp"
    leftover.write_text("half a file")
    os.utime(leftover, (0, 0))
    assert remove_stale_temp_files(path) == 1
    assert not leftover.exists()


def test_saving_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "s.toml"
    with pytest.raises(SessionFileError) as caught:
        save(Session(), path)
    assert str(caught.value) == f"{path}: cannot be saved: its folder no longer exists"


def test_the_file_reads_well_by_hand() -> None:
    text = dumps(Session())
    assert text.startswith("schema_version = 2\n")
    assert "= \"\"" not in text and "= []" not in text  # nothing empty written out


def test_an_older_schema_is_migrated_on_load(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mechanism, with a pretend version 2 that renamed ``meeting.publish_to``."""
    from postmortem_tui.persistence import codec, migrations

    def publish_to_where(document: dict) -> dict:
        meeting = document.get("meeting", {})
        if "publish_to" in meeting:
            meeting["published_at"] = meeting.pop("publish_to")
        return document

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(codec, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, publish_to_where)
    document = migrations.migrate(__import__("tomllib").loads(sample_path.read_text()))
    assert document["schema_version"] == 2
    assert document["meeting"]["published_at"].startswith("https://wiki.example.com/")
    assert "publish_to" not in document["meeting"]


def test_a_session_opened_through_a_symbolic_link_is_saved_to_its_file(
    sample_path: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real" / "target.toml"
    real.parent.mkdir()
    real.write_bytes(sample_path.read_bytes())
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    session = load(link)
    session.incident.title = "Saved through the link"
    save(session, link)
    assert link.is_symlink()  # not replaced by a copy that only this name would see
    assert load(real).incident.title == "Saved through the link"


def test_two_names_for_one_session_share_its_lock_and_presence(
    sample_path: Path, tmp_path: Path
) -> None:
    from datetime import datetime, timezone

    from postmortem_tui.clock import FakeClock
    from postmortem_tui.config import Config
    from postmortem_tui.live_session import LiveSession

    link = tmp_path / "link.toml"
    link.symlink_to(sample_path)
    live = LiveSession.open(link, FakeClock(datetime(2026, 11, 27, tzinfo=timezone.utc)), Config())
    try:
        assert live.store.path == sample_path.resolve()
    finally:
        live.presence.close()


def test_arrays_nested_thousands_deep_are_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("schema_version = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(SessionFileError, match="nests arrays or tables thousands deep"):
        load(path)


def test_an_error_names_the_wrong_value_once(sample_path: Path) -> None:
    text = sample_path.read_text()
    sample_path.write_text(text.replace('timezone = "America/New_York"', 'timezone = "Mars/Olympus"'))
    with pytest.raises(SessionFileError) as raised:
        load(sample_path)
    assert str(raised.value).count("'Mars/Olympus'") == 1
    sample_path.write_text(text.replace("schema_version = 1", 'schema_version = "1"'))
    with pytest.raises(SessionFileError, match="expected a number from 1 to 2, without quotes, got '1'"):
        load(sample_path)


def test_no_document_goes_over_an_existing_toml_file(sample_path: Path, tmp_path: Path) -> None:
    """The wrap-up screen, export -o and invite -o share this check."""
    for name, data in (("u16.toml", "schema_version = 1\n".encode("utf-16")), ("e.TOML", b"")):
        target = tmp_path / name
        target.write_bytes(data)
        assert overwrites_a_session(target, sample_path) == (
            "is an existing .toml file; write the document to another file"
        )
    assert overwrites_a_session(tmp_path / "new.toml", sample_path) is None
    markdown = tmp_path / "doc.md"
    markdown.write_text("# an old document\n")
    assert overwrites_a_session(markdown, sample_path) is None


def test_a_session_saved_as_utf16_is_named_so_and_left_alone(sample_path: Path) -> None:
    from postmortem_tui.persistence import SessionFileError, load

    sample_path.write_bytes(sample_path.read_text(encoding="utf-8").encode("utf-16"))
    before = sample_path.read_bytes()
    with pytest.raises(SessionFileError) as caught:
        load(sample_path)
    assert str(caught.value) == f"{sample_path}: is UTF-16 text; a session file is UTF-8: save it as UTF-8"
    assert sample_path.read_bytes() == before


def _edited(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` line in the file with ``new``; its 1-based line number."""
    lines = path.read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[index] = new
    path.write_text("\n".join(lines) + "\n")
    return index + 1


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            "deadline = ",
            "deadline = 2026-12-11T10:00:00",
            "action_items[0].deadline: expected a date like 2026-12-10, "
            "got 2026-12-11T10:00:00 (a date and time)",
        ),
        (
            'time = "14:12"',
            "time = 14:12:00",
            "timeline[0].time: expected text in quotes, got 14:12:00 (a time without quotes)",
        ),
        ("severity = ", 'severty = "SEV1"', 'incident.severty: is not a key this app knows; did you mean "severity"?'),
        ("[[action_items]]", "[[action_item]]", 'action_item: is not a key this app knows; did you mean "action_items"?'),
        (
            "deadline = ",
            "deadline = 2026-13-45",
            "column 16: deadline = 2026-13-45 is not a real date or time (month must be in 1..12)",
        ),
        ('time = "14:12"', "time = 14:71", "column 10: time = 14:71 is not a real time; write it like 14:12"),
    ],
)
def test_a_slip_made_by_hand_is_said_in_the_file_s_terms_at_its_line(
    sample_path: Path, old: str, new: str, says: str
) -> None:
    """No Python reprs (``datetime.time(14, 17)``), a suggestion for a misspelt key, and a
    date that does not exist named as such rather than as TOML's "expected newline"."""
    line = _edited(sample_path, old, new)
    before = sample_path.read_bytes()
    message = _error(sample_path)
    assert message.startswith(f"{sample_path}:{line}: {says}"), message
    assert "datetime." not in message
    assert sample_path.read_bytes() == before


def test_a_key_far_from_any_other_lists_the_keys_of_its_table(sample_path: Path) -> None:
    _edited(sample_path, "severity = ", 'xyz = "SEV1"')
    message = _error(sample_path)
    assert "incident.xyz: is not a key this app knows; the keys here are title, severity" in message


def test_a_key_given_twice_is_named(sample_path: Path) -> None:
    line = _edited(sample_path, "severity = ", 'severity = "SEV1"\nseverity = "SEV2"') + 1
    assert f":{line}: column 18: severity is given twice; keep one of them" in _error(sample_path)


def test_an_id_used_twice_names_the_entry_and_its_line(sample_path: Path) -> None:
    session = load(sample_path)
    first, second = session.timeline[0].id, session.timeline[1].id
    text = sample_path.read_text()
    second_line = text[: text.index(f'id = "{second}"')].count("\n") + 1
    sample_path.write_text(text.replace(f'id = "{second}"', f'id = "{first}"'))
    message = _error(sample_path)
    assert message.startswith(f"{sample_path}:{second_line}: timeline[1].id: id '{first}' is used twice")
    assert "top level" not in message


def test_a_byte_that_is_not_utf8_is_placed_by_line(sample_path: Path) -> None:
    data = sample_path.read_bytes()
    at = data.index(b"Checkout")
    sample_path.write_bytes(data[:at] + b"\xff" + data[at + 1 :])
    line = data[:at].count(b"\n") + 1
    column = at - data[:at].rfind(b"\n")
    assert _error(sample_path).startswith(
        f"{sample_path}:{line}: byte {column} of the line (byte {at} of the file) is not UTF-8"
    )
