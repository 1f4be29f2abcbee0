"""A session written as TOML and read back is the same session, whatever was typed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from postmortem_tui.model import Session
from postmortem_tui.persistence import dumps, load, loads, save
from tests.strategies import NASTY, sessions


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
def test_any_session_survives_a_write_and_a_read(session: Session) -> None:
    assert loads(dumps(session)) == session


def test_hostile_text_survives_the_file(tmp_path: Path) -> None:
    session = Session()
    session.incident.summary = "\n".join(NASTY)
    path = tmp_path / "s.toml"
    save(session, path)
    again = load(path)
    assert again.incident.summary == session.incident.summary.replace("\r\n", "\n")
    assert "[bold]x[/]" in again.incident.summary
    assert "\x1b[31m" in again.incident.summary


def test_windows_line_ends_are_kept_as_line_breaks() -> None:
    session = Session()
    session.incident.summary = "a\r\nb"  # assigned directly, as an edit would not be
    session = Session.model_validate(session.model_dump())
    assert session.incident.summary == "a\nb"
    assert loads(dumps(session)).incident.summary == "a\nb"
