"""A form's edit is applied as what it changed, onto the entry as it is now: another
terminal's change to the other fields stands, and a form saved unchanged changes nothing."""

from __future__ import annotations

from datetime import datetime, timezone

from postmortem_tui import editing
from postmortem_tui.edit_merge import merge_edit, overwritten
from postmortem_tui.model import (
    ActionItem,
    Impact,
    Improvement,
    Incident,
    Note,
    Session,
    TimelineEntry,
)

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def test_only_the_fields_changed_in_the_form_are_applied() -> None:
    opened = TimelineEntry(time="14:12", text="migration deployed")
    elsewhere = opened.with_changes(kind="trigger")  # the other terminal set its kind
    mine = opened.with_changes(text="migration 0142 deployed")
    merged = merge_edit(opened, mine, elsewhere)
    assert merged is not None
    assert (merged.text, merged.kind) == ("migration 0142 deployed", "trigger")


def test_a_form_saved_without_a_change_changes_nothing() -> None:
    opened = Note(text="alert fired fast")
    elsewhere = opened.with_changes(text="alert fired fast (within 5 min)")
    assert merge_edit(opened, opened.model_copy(), elsewhere) is None
    session = Session(went_well=[elsewhere])
    assert not editing.replace(session, opened.model_copy(), NOW, base=opened)
    assert session.went_well[0].text == "alert fired fast (within 5 min)"


def test_the_same_field_changed_in_both_places_takes_the_forms_value() -> None:
    opened = ActionItem(what="alerting", owner="Dev")
    elsewhere = opened.with_changes(owner="Priya")
    mine = opened.with_changes(owner="Sam", what="alert on lock time over 30 s")
    merged = merge_edit(opened, mine, elsewhere)
    assert merged is not None and (merged.owner, merged.what) == ("Sam", "alert on lock time over 30 s")


def test_nested_details_merge_field_by_field() -> None:
    opened = Incident(title="Checkout outage", impact=Impact(orders_affected=2400))
    elsewhere = opened.with_changes(
        title="Checkout outage: migration lock", impact=Impact(orders_affected=2400, revenue_lost=180000)
    )
    mine = opened.with_changes(impact=Impact(orders_affected=2500))
    merged = merge_edit(opened, mine, elsewhere)
    assert merged is not None
    assert merged.title == "Checkout outage: migration lock"
    assert (merged.impact.orders_affected, merged.impact.revenue_lost) == (2500, 180000)


def test_replace_with_a_base_keeps_the_other_terminals_change() -> None:
    opened = TimelineEntry(time="14:12", text="migration deployed")
    session = Session(timeline=[opened.with_changes(kind="trigger")])
    assert editing.replace(session, opened.with_changes(time="14:13"), NOW, base=opened)
    [entry] = session.timeline
    assert (entry.time, entry.kind, entry.updated) == ("14:13", "trigger", NOW)


def test_what_an_edit_overwrites_is_named_with_the_value_it_replaces() -> None:
    opened = Improvement(text="Support macros were ready")
    elsewhere = opened.with_changes(text="Support macros were ready X1", tag="alerting")
    mine = opened.with_changes(text="Support macros were ready Y2")
    assert overwritten(opened, mine, elsewhere) == {"text": "Support macros were ready X1"}
    assert overwritten(opened, opened.with_changes(tag="documentation"), elsewhere) == {"tag": "alerting"}
    # Not overwritten: a field only one side changed, or both changed to the same value.
    assert overwritten(opened, opened.with_changes(tag="documentation"), opened) == {}
    assert overwritten(opened, elsewhere.model_copy(), elsewhere) == {}
