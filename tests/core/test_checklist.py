"""The wrap-up checklist: each item goes red for the problem it names, and says where."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from postmortem_tui.checklist import CheckItem, wrap_up_checklist
from postmortem_tui.model import ActionItem
from postmortem_tui.persistence import load


def _item(items: list[CheckItem], label: str) -> CheckItem:
    return next(item for item in items if item.label.startswith(label))


def test_the_sample_passes_the_action_items_checks(sample_path: Path) -> None:
    items = wrap_up_checklist(load(sample_path))
    for label in (
        "Action items recorded",
        "Every action item has exactly one owner",
        "Every action item has a deadline",
    ):
        assert _item(items, label).ok, label


def test_owner_problems_name_the_actions_by_number(sample_path: Path) -> None:
    session = load(sample_path)
    session.action_items[1] = session.action_items[1].with_changes(owner="")
    session.action_items[2] = session.action_items[2].with_changes(owner="SRE team")
    owners = _item(wrap_up_checklist(session), "Every action item has exactly one owner")
    assert not owners.ok
    assert owners.detail == (
        "no owner: #2 Add a circuit breaker that canc\u2026; "
        "not one named person: #3 Require a second reviewer's app\u2026"
    )
    _numbered_as_in_the_document(session, owners.detail)


def test_a_deadline_missing_or_before_the_meeting_is_flagged(sample_path: Path) -> None:
    session = load(sample_path)
    meeting_day = session.meeting.scheduled.date()
    session.action_items[0] = session.action_items[0].with_changes(deadline=None)
    session.action_items[3] = session.action_items[3].with_changes(
        deadline=meeting_day.replace(year=meeting_day.year - 1)  # 2025 typed for 2026
    )
    deadlines = _item(wrap_up_checklist(session), "Every action item has a deadline")
    assert not deadlines.ok
    assert deadlines.detail == (
        "no deadline: #4 Add a pipeline pre-check that c\u2026; "
        "before the meeting's date: #6 Load staging's orders, payments\u2026"
    )  # a missing deadline sorts last among its priority, as in the document
    _numbered_as_in_the_document(session, deadlines.detail)


def _numbered_as_in_the_document(session, detail: str) -> None:  # type: ignore[no-untyped-def]
    """Each "#N words" names the action the exported document numbers N."""
    import re

    from postmortem_tui.export import render

    document = render(session)
    for number, words in re.findall(r"#(\d+) ([^;,\u2026]+)", detail):
        assert f"| {number} | {words}" in document, (number, words)


def test_a_deadline_on_the_meeting_day_or_without_a_meeting_date_is_fine(
    sample_path: Path,
) -> None:
    session = load(sample_path)
    session.action_items[0] = session.action_items[0].with_changes(
        deadline=session.meeting.scheduled.date()
    )
    assert _item(wrap_up_checklist(session), "Every action item has a deadline").ok
    session.action_items.append(ActionItem(what="x", owner="Ana", deadline=date(2001, 1, 1)))
    session.meeting = session.meeting.with_changes(scheduled=None)
    assert _item(wrap_up_checklist(session), "Every action item has a deadline").ok


def test_with_no_action_items_the_owner_and_deadline_checks_are_not_met(empty_path: Path) -> None:
    """Not met, and "no action items yet" said once, under the first of them."""
    items = wrap_up_checklist(load(empty_path))
    assert _item(items, "Action items recorded").detail == "no action items yet"
    for label in ("Every action item has exactly one owner", "Every action item has a deadline"):
        item = _item(items, label)
        assert not item.ok and item.detail == ""


def test_with_no_timeline_the_durations_check_says_to_add_it_first(empty_path: Path) -> None:
    item = _item(wrap_up_checklist(load(empty_path)), "Key durations can be computed from the timeline")
    assert not item.ok and item.detail.startswith("no timeline yet: add its entries (t)")


def test_the_hint_counts_by_category_show_only_when_there_are_hints(sample_path: Path) -> None:
    from datetime import date as day

    from postmortem_tui.checklist import checklist_lines
    from postmortem_tui.model import Improvement

    session = load(sample_path)
    quiet = checklist_lines(session, day(2026, 11, 27))
    assert quiet[-1] == "\u2713 Guidance hints: 0"  # not five lines of "none" after it
    session.could_improve.append(Improvement(text="human error by the on-call engineer"))
    noisy = checklist_lines(session, day(2026, 11, 27))
    assert "\u2691 Guidance hints: 1" in noisy
    assert "    Blameless language: 1 hint" in noisy


def test_the_hints_name_the_words_they_are_about_so_they_can_be_found(sample_path: Path) -> None:
    from postmortem_tui.checklist import HINTS_SHOWN, checklist_lines
    from postmortem_tui.model import Improvement

    session = load(sample_path)
    session.action_items[0].what = "Improve monitoring"
    session.could_improve += [
        Improvement(text=f"human error by engineer {n} during the rollout") for n in range(5)
    ]
    lines = checklist_lines(session, date(2026, 11, 27))
    at = lines.index("    Action items: 1 hint")
    assert lines[at + 1].startswith("      action #1: \u00abImprove\u00bb monitoring: ")
    blameless = [line for line in lines if line.startswith("      could improve: ") and "human error" in line]
    assert "    Roles: none" not in lines  # only the kinds with hints
    assert len(blameless) == HINTS_SHOWN
    assert f"      \u2026 {5 - HINTS_SHOWN} more (postmortem lint FILE lists them all)" in lines
