"""Words typed in forms are not thrown away by one key: Escape asks when a field was changed,
and the wrap-up screen's keys act on the screen rather than typing over the export path."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from textual.widgets import Input

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import PostmortemApp, make_app
from postmortem_tui.ui.forms.action_form import ActionForm
from postmortem_tui.ui.forms.details_form import DetailsForm
from postmortem_tui.ui.forms.discard import DiscardChangesScreen
from postmortem_tui.ui.widgets.checklist_view import ChecklistView

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _app(path: Path) -> PostmortemApp:
    return make_app(path, clock=FakeClock(START))


async def _action_form_with(pilot, words: str) -> ActionForm:  # type: ignore[no-untyped-def]
    await pilot.press("a")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, ActionForm)
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.insert_text_at_cursor(words)
    return form


async def test_escape_on_an_unchanged_form_closes_it_at_once(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (ActionForm, DiscardChangesScreen))


async def test_escape_on_a_changed_form_asks_and_keeps_the_words(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _action_form_with(pilot, "Alert on lock time")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardChangesScreen)
        await pilot.press("escape")  # a second Escape goes back to the form, not past it
        await pilot.pause()
        assert app.screen is form
        assert form.values()["what"] == "Alert on lock time"


async def test_escape_on_a_root_cause_form_with_only_its_kind_changed_closes_it(sample_path: Path) -> None:
    """Choosing what to add (a factor, the statement) is not typing: Escape closes the form
    at once. Words typed still make it ask."""
    from textual.widgets import Select

    from postmortem_tui.ui.forms.root_cause_form import RootCauseForm

    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        for mode in ("factor", "statement"):
            await pilot.press("r")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, RootCauseForm)
            form.query_one("#input-mode", Select).value = mode
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, (RootCauseForm, DiscardChangesScreen)), mode
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#input-first", Input).insert_text_at_cursor("the lock")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardChangesScreen)


async def test_discarding_a_changed_form_closes_it_without_saving(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        before = len(app.live.session.action_items)
        await _action_form_with(pilot, "Alert on lock time")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(*"deploy")  # typing on after an Escape pressed by mistake
        await pilot.pause()
        assert isinstance(app.screen, DiscardChangesScreen)  # no letter discards
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert not isinstance(app.screen, (ActionForm, DiscardChangesScreen))
        assert len(app.live.session.action_items) == before


async def test_d_on_the_wrap_up_opens_the_details_where_the_checklist_points(
    empty_path: Path,
) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        path = app.screen.query_one("#export-path", Input).value
        assert "press d to fill it in" in app.screen.query_one("#checklist", ChecklistView).plain
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DetailsForm)
        assert app.focused is form.query_one("#input-publish_to")
        await pilot.press(*"wiki/pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        wrap_up = app.screen
        assert wrap_up.query_one("#export-path", Input).value == path  # not typed over
        checklist = wrap_up.query_one("#checklist", ChecklistView).plain
        assert "press d to fill it in" not in checklist  # the checklist shows the new details
    assert app.live.session.meeting.publish_to == "wiki/pm"


async def test_saving_the_details_unchanged_keeps_the_other_terminals_edit(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DetailsForm)

        def retitle(session) -> None:  # type: ignore[no-untyped-def]
            session.incident = session.incident.with_changes(title="Retitled in the other terminal")

        app.live.change(retitle)  # as a save from the other terminal would arrive
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.live.session.incident.title == "Retitled in the other terminal"


async def test_an_edited_entry_keeps_a_kind_set_meanwhile_elsewhere(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        entry = app.live.session.timeline[0]
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        text = form.query_one("#input-text", Input)
        text.value = text.value + " (0142)"

        def set_kind(session) -> None:  # type: ignore[no-untyped-def]
            [same] = [e for e in session.timeline if e.id == entry.id]
            same.kind = "declared"

        app.live.change(set_kind)
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = [e for e in app.live.session.timeline if e.id == entry.id]
    assert saved.text == entry.text + " (0142)" and saved.kind == "declared"


async def test_ctrl_z_never_puts_an_old_statement_over_a_newer_one(sample_path: Path) -> None:
    from postmortem_tui.ui.panels.root_cause_panel import STATEMENT_KEY
    from postmortem_tui.ui.widgets.entry_table import EntryTable

    app = _app(sample_path)
    told: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        await pilot.press("2")
        await pilot.pause()
        app.screen.query_one("#panel-root_cause EntryTable", EntryTable).select(STATEMENT_KEY)
        await pilot.press("delete")

        def rewrite(session) -> None:  # type: ignore[no-untyped-def]
            session.root_cause.statement = "Written in the other terminal"

        app.live.change(rewrite)
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert app.live.session.root_cause.statement == "Written in the other terminal"
    assert any(message.startswith("Not undone: a new root-cause statement") for message in told)


async def test_a_on_a_could_improve_row_starts_the_action_from_its_words(sample_path: Path) -> None:
    from postmortem_tui.ui.widgets.entry_table import EntryTable

    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")  # Could improve
        await pilot.pause()
        improvement = app.live.session.could_improve[1]
        app.screen.query_one("#panel-could_improve EntryTable", EntryTable).select(improvement.id)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        assert form.values()["what"] == improvement.text
        assert "from what could be improved" in form.TITLE_TEXT


async def test_keys_typed_after_tab_in_one_batch_go_to_the_next_field(sample_path: Path) -> None:
    from textual import events

    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _action_form_with(pilot, "Alert on lock time")
        what = form.query_one("#input-what", Input)
        # As the app hands on a fast typist's batch: every key to the field that had the
        # focus when it arrived, before the Tab among them has moved it.
        for key, character in [("tab", None), ("D", "D"), ("e", "e"), ("v", "v")]:
            what.post_message(events.Key(key, character))
        await pilot.pause()
        values = form.values()
    assert (values["what"], values["owner"]) == ("Alert on lock time", "Dev")


async def test_the_wrap_up_at_80x24_opens_with_the_checklist_from_its_top(empty_path: Path) -> None:
    """And with the focused Export button and its path in view below it."""
    from textual.containers import VerticalScroll

    app = _app(empty_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        checks = app.screen.query_one("#wrap-up-checks", VerticalScroll)
        assert checks.max_scroll_y > 0  # it does not all fit: the failed checks come first
        assert checks.scroll_y == 0
        button = app.screen.query_one("#export")
        assert app.focused is button
        for widget in (button, app.screen.query_one("#export-path")):
            assert app.screen.region.contains_region(widget.region), widget
            assert widget.region.bottom <= app.screen.query_one("KeyBar").region.y


async def test_editing_keys_after_tab_act_on_the_next_field_in_the_order_typed(sample_path: Path) -> None:
    """Reviewer: 'Tab Backspace X' in one burst left the owner 'Priya' as it was (the
    Backspace acted before the field had its cursor, or on the field being left)."""
    from textual import events

    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _action_form_with(pilot, "Alert on lock time")
        form.query_one("#input-owner", Input).value = "Priya"
        what = form.query_one("#input-what", Input)
        for key, character in [("tab", None), ("backspace", None), ("X", "X")]:
            what.post_message(events.Key(key, character))
        await pilot.pause()
        owner = form.query_one("#input-owner", Input)
        for key, character in [("tab", None), ("plus", "+"), ("6", "6"), ("w", "w")]:
            owner.post_message(events.Key(key, character))
        await pilot.pause()
        values = form.values()
    assert values["what"] == "Alert on lock time"
    assert values["owner"] == "PriyX"
    assert values["deadline"] == "+6w"  # the suggested date, selected, replaced as typed


async def test_a_field_tabbed_into_types_at_the_end_of_its_words(sample_path: Path) -> None:
    """Editing an entry, a field Tab moves to takes typing at the end of its words (typed
    words went in front of them: 'EDITEDnt entry 4'); its time, a value, is replaced."""
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "e")  # the first timeline entry, in its form
        await pilot.pause()
        form = app.screen
        before = form.values()
        await pilot.press("1", "5", "colon", "0", "0")  # the time field the form opens on
        await pilot.press("tab", "tab", "exclamation_mark")  # past the date, to the words
        values = form.values()
    assert values["time"] == "15:00"
    assert values["text"] == before["text"] + "!"
