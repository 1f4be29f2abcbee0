"""The config file: defaults when absent, one-line errors when wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from postmortem_tui.config import Config, load_config
from postmortem_tui.paths import config_file
from postmortem_tui.persistence import SessionFileError


def test_no_file_means_the_defaults() -> None:
    assert not config_file().exists()
    assert load_config() == Config()
    assert load_config().deadline_max_days == 90


def test_values_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("holidays = [2026-12-25, 2026-12-26]\ndeadline_max_days = 60\n"
                    "[criteria]\nimpact_minutes = 15\n")
    config = load_config(path)
    assert config.holidays == [date(2026, 12, 25), date(2026, 12, 26)]
    assert (config.deadline_max_days, config.criteria.impact_minutes) == (60, 15)
    assert config.criteria.resolve_minutes == 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('holidays = ["christmas"]\n', ":1: holidays[0]: expected a date like 2026-12-10"),
        ("deadline_max_days = 0\n", ":1: deadline_max_days:"),
        ("holdays = []\n", "holdays: is not a key this app knows (a typo?)"),
        ("holidays = [2026-12-25\n", "not valid TOML"),
    ],
)
def test_a_bad_file_is_one_line(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(SessionFileError) as raised:
        load_config(path)
    message = str(raised.value)
    assert "\n" not in message and message.startswith(str(path))
    assert expected in message


def test_the_theme_is_remembered_and_the_rest_of_the_file_kept_as_written(tmp_path: Path) -> None:
    from postmortem_tui.config import remember_theme

    path = tmp_path / "config.toml"
    path.write_text('# my settings\ntheme = "nord"  # for the screen share\nbell = false\n')
    remember_theme("high-contrast", path)
    assert path.read_text() == (
        '# my settings\ntheme = "high-contrast"  # for the screen share\nbell = false\n'
    )
    assert load_config(path).theme == "high-contrast" and load_config(path).bell is False
    fresh = tmp_path / "new" / "config.toml"
    remember_theme("nord", fresh)
    assert load_config(fresh).theme == "nord"
