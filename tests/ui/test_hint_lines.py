"""The hint lines under an input or a form field: each hint once."""

from __future__ import annotations

from postmortem_tui.checks.hint import Hint
from postmortem_tui.ui.forms.fields import format_field_hints
from postmortem_tui.ui.panels.list_panel import format_hints

NAMED = Hint("blameless.person-subject", "makes a person the subject of a failure", "What let it happen?")
BLAME = Hint("blameless.blame-word", "\u201cfault\u201d assigns blame", "What condition made it likely?")
HINDSIGHT = Hint("blameless.hindsight", "\u201cshould have\u201d is hindsight", "What did they know then?")


def test_a_rule_that_matched_twice_is_one_line_and_the_rest_are_counted() -> None:
    lines = format_hints([NAMED, NAMED, BLAME, HINDSIGHT, HINDSIGHT]).splitlines()
    assert lines == [
        "\u2691 makes a person the subject of a failure: What let it happen?",
        "\u2691 \u201cfault\u201d assigns blame: What condition made it likely?",
        "  and 1 more",
    ]


def test_under_a_form_field_each_hint_shows_once() -> None:
    assert format_field_hints([NAMED, NAMED]).splitlines() == [
        "\u2691 makes a person the subject of a failure: What let it happen?"
    ]
