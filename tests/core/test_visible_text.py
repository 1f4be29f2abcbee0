"""Typed text shown on screen and in the document: invisible characters become visible."""

from __future__ import annotations

import pytest

from postmortem_tui.visible_text import one_line, visible_controls


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Sam approved \u202eevol-ot-deganam\u202c the deploy",
         "Sam approved U+202Eevol-ot-deganamU+202C the deploy"),
        ("\u2066isolate\u2069", "U+2066isolateU+2069"),
        ("ad\u200bmin", "adU+200Bmin"),
        ("ad\u200dmin", "adU+200Dmin"),
        ("\ufeffBOM", "U+FEFFBOM"),
        ("one\u2028two\u2029three", "oneU+2028twoU+2029three"),
        ("left\u200eright\u200f", "leftU+200ErightU+200F"),
    ],
)
def test_reordering_and_invisible_characters_are_shown_as_code_points(typed: str, shown: str) -> None:
    assert visible_controls(typed) == shown
    assert one_line(typed) == shown


def test_they_follow_the_rule_for_other_control_characters() -> None:
    assert visible_controls("a\x85b\u202eb") == "aU+0085bU+202Eb"
    assert visible_controls("\x1b[31m") == "\u241b[31m"


@pytest.mark.parametrize(
    "text",
    [
        "family \U0001f468\u200d\U0001f469\u200d\U0001f467",  # an emoji sequence
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: the joiner is spelling
        "\u0915\u094d\u200d\u0937",  # Devanagari half form
    ],
)
def test_joiners_inside_a_word_of_another_script_or_an_emoji_are_kept(text: str) -> None:
    assert visible_controls(text) == text
