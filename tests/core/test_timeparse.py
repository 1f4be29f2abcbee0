from __future__ import annotations

import pytest

from postmortem_tui.timeparse import parse_leading_time


@pytest.mark.parametrize(
    ("typed", "time", "text"),
    [
        ("14:12 migration deployed", "14:12", "migration deployed"),
        ("14:12:30 lock taken", "14:12:30", "lock taken"),
        ("2:12pm page sent", "14:12", "page sent"),
        ("2:12 PM page sent", "14:12", "page sent"),
        ("2:12 p.m. page sent", "14:12", "page sent"),
        ("12:05am batch job", "00:05", "batch job"),
        ("12:05pm lunch peak", "12:05", "lunch peak"),
        ("9am standup", "09:00", "standup"),
        ("[14:12] bracketed", "14:12", "bracketed"),
        ("14:12 - dash", "14:12", "dash"),
        ("14:12: colon", "14:12", "colon"),
        ("7:05 single digit hour", "07:05", "single digit hour"),
    ],
)
def test_leading_times_are_parsed_off(typed: str, time: str, text: str) -> None:
    parsed = parse_leading_time(typed)
    assert (parsed.time, parsed.text, parsed.error) == (time, text, "")


@pytest.mark.parametrize(
    "typed", ["migration deployed", "1999 was a year", "3:4 odd", "v2:13 release", "14:12x"]
)
def test_text_without_a_leading_time_is_left_whole(typed: str) -> None:
    parsed = parse_leading_time(typed)
    assert parsed.time is None and parsed.text == typed and parsed.error == ""


@pytest.mark.parametrize(("typed", "says"), [("25:00 x", "not a time of day"), ("14:12pm x", "hours 1 to 12"), ("13:61 x", "not a time")])
def test_impossible_times_are_reported(typed: str, says: str) -> None:
    parsed = parse_leading_time(typed)
    assert parsed.time is None and says in parsed.error
