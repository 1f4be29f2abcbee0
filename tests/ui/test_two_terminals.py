"""Two apps on one session file: what one types, the other shows; one clock for both."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from textual import events
from textual.widgets import Input, Label

from postmortem_tui.clock import FakeClock
from postmortem_tui.sync import Presence
from postmortem_tui.ui.app import PostmortemApp, make_app
from postmortem_tui.ui.widgets.big_countdown import BigCountdown
from postmortem_tui.ui.widgets.entry_table import EntryTable
from postmortem_tui.ui.widgets.status_bar import StatusBar

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)
POLL = 0.25


def _rows(app: PostmortemApp, panel: str) -> list[str]:
    table = app.screen.query_one(f"#panel-{panel} EntryTable", EntryTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def _sync(clock: FakeClock, pilots, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """Let ``seconds`` of simulated time pass: each app's sync worker runs once per poll."""
    for _ in range(round(seconds / POLL)):
        clock.advance(POLL)
        for pilot in pilots:
            if pilot.app.syncer.step():
                pilot.app.post_message(pilot.app.Synced())
            await pilot.pause()


def _dana_and_jordan(path: Path, clock: FakeClock) -> tuple[PostmortemApp, PostmortemApp]:
    """The facilitator's app and the note-taker's, each seen by the other's presence line.

    In real use these are two processes; here the second gets its own pid for presence.
    """
    facilitator = make_app(path, clock=clock, autosave=False, name="Dana", role="facilitator")
    note_taker = make_app(path, clock=clock, autosave=False, name="Jordan", role="note-taker")
    other = Presence(path, "Jordan", "note-taker", clock, pid=os.getppid())
    note_taker.live.presence.close()
    note_taker.live.presence = note_taker.syncer.presence = other
    return facilitator, note_taker


async def test_an_entry_typed_in_one_shows_in_the_other_within_a_second(sample_path: Path) -> None:
    clock = FakeClock(START)
    facilitator, note_taker = _dana_and_jordan(sample_path, clock)
    async with facilitator.run_test(size=(120, 40)) as one, note_taker.run_test(size=(120, 40)) as two:
        await two.press("g")
        field = note_taker.focused
        assert isinstance(field, Input)
        field.insert_text_at_cursor("the lock was taken after the lunchtime peak")
        await two.press("enter")
        texts = [note.text for note in facilitator.live.session.got_lucky]
        assert "the lock was taken after the lunchtime peak" not in texts  # not synced yet
        await _sync(clock, [two, one], 1.0)
        await one.press("5")  # the facilitator looks at the Lucky panel
        assert "the lock was taken after the lunchtime peak" in _rows(facilitator, "got_lucky")

        await one.press("space")  # the facilitator starts the clock
        clock.advance(100)
        await _sync(clock, [one, two], 1.0)
        facilitator.screen.tick()
        note_taker.screen.tick()
        one_shows = facilitator.screen.query_one(BigCountdown).value
        two_shows = note_taker.screen.query_one(BigCountdown).value
        assert one_shows == two_shows == "03:19"

        await _sync(clock, [one, two], 2.5)  # presence beats every two seconds
        bar = facilitator.screen.query_one(StatusBar)
        presence = bar.part("presence")
        assert presence is not None and presence.text == "2 open: you (facilitator), Jordan (note-taker)"
        assert "2 open" in bar.plain  # in the header: no line of its own to move the screen


async def test_a_deletion_stays_deleted_when_the_other_edits_its_stale_copy(
    sample_path: Path,
) -> None:
    clock = FakeClock(START)
    first = make_app(sample_path, clock=clock, autosave=False)
    second = make_app(sample_path, clock=clock, autosave=False)
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        await one.press("3")
        doomed = first.screen.query_one("#panel-went_well EntryTable", EntryTable).selected_key
        await one.press("delete")
        clock.advance(1)
        await two.press("3", "e")  # the other edits the same note before it has synced
        second.screen.query_one("#input-text", Input).value = "edited on a stale copy"
        await two.press("ctrl+s")
        await _sync(clock, [one, two, one, two], 1.0)
        for app in (first, second):
            notes = app.live.session.went_well
            assert len(notes) == 3 and doomed not in {note.id for note in notes}
            assert "edited on a stale copy" not in _rows(app, "went_well")


async def test_the_selected_entry_deleted_in_the_other_terminal_is_said(sample_path: Path) -> None:
    """The cursor moved to the next entry without a word, and a Delete there would have
    removed what the user had not chosen."""
    clock = FakeClock(START)
    first = make_app(sample_path, clock=clock, autosave=False)
    second = make_app(sample_path, clock=clock, autosave=False)
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        await one.press("3")
        await two.press("3")
        words = first.live.session.went_well[0].text
        await one.press("delete")
        clock.advance(1)
        await _sync(clock, [one, two, one, two], 1.0)
        told = [n.message for n in second._notifications]
        assert any(words[:20] in m and "was deleted in another terminal" in m for m in told)
        assert not any("another terminal" in n.message for n in first._notifications)


async def test_an_outside_edit_is_picked_up_and_a_broken_one_is_left_alone(sample_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, autosave=False)
    async with app.run_test(size=(120, 40)) as pilot:
        text = sample_path.read_text()
        sample_path.write_text(text.replace("Checkout outage:", "Checkout outage (edited by hand):"))
        await _sync(clock, [pilot], 0.5)
        assert app.live.session.incident.title.startswith("Checkout outage (edited by hand):")

        sample_path.write_text(text[: len(text) // 3])  # a bad hand edit
        broken = sample_path.read_bytes()
        await _sync(clock, [pilot], 0.5)
        await pilot.press("g")
        pilot.app.focused.insert_text_at_cursor("typed while the file is broken")
        await pilot.press("enter")
        await _sync(clock, [pilot], 1.0)
        app.screen.tick()
        assert sample_path.read_bytes() == broken
        saved = app.screen.query_one(StatusBar).part("saved").text
        assert saved.startswith("NOT SAVED") and "not valid TOML" in saved
        assert app.live.session.got_lucky[-1].text == "typed while the file is broken"

        await pilot.press("ctrl+o")  # the user chooses to overwrite it
        assert "typed while the file is broken" in sample_path.read_text()
        assert sample_path.with_name(sample_path.name + ".broken").read_bytes() == broken


async def test_a_hand_edit_of_an_entry_s_words_shows_in_its_row(sample_path: Path) -> None:
    """``sed`` on an entry's text leaves its ``updated`` as it was: the session took the
    edit, the line under the list showed it, and the row kept the old words."""
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, autosave=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for panel, key, old in (
            ("timeline", "1", "Migration 0142 deployed"),
            ("went_well", "3", app.live.session.went_well[0].text),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert any(row.startswith(old) for row in _rows(app, panel))
            text = sample_path.read_text()
            sample_path.write_text(text.replace(f'text = "{old}', f'text = "EDITED {old}', 1))
            await _sync(clock, [pilot], 0.5)
            assert any(row.startswith(f"EDITED {old}") for row in _rows(app, panel)), panel


async def test_a_row_the_other_adds_below_the_view_is_scrolled_into_it(sample_path: Path) -> None:
    """The facilitator shares the screen; the note-taker adds a late timeline entry. The
    shared screen scrolls to show it (the facilitator's cursor stays on its row)."""
    clock = FakeClock(START)
    facilitator = make_app(sample_path, clock=clock, autosave=False)
    note_taker = make_app(sample_path, clock=clock, autosave=False)
    async with facilitator.run_test(size=(80, 24)) as one, note_taker.run_test(size=(80, 24)) as two:
        await one.press("1")
        table = facilitator.screen.query_one("#panel-timeline EntryTable", EntryTable)
        cursor = table.cursor_row
        for minute in range(12):
            await two.press("t")
            field = note_taker.focused
            assert isinstance(field, Input)
            field.insert_text_at_cursor(f"23:{minute:02d} late entry {minute}")
            await two.press("enter")
        await _sync(clock, [two, one], 1.0)
        await one.pause()
        index = table.get_row_index(_last_key(facilitator))
        top = int(table.scroll_y)
        shown = table.scrollable_content_region.height - table.header_height
        assert top <= index < top + shown, (top, index, shown)
        assert top > 0
        assert table.cursor_row == cursor


def _last_key(app: PostmortemApp) -> str:
    return max(app.live.session.timeline, key=lambda entry: entry.text.endswith("late entry 11")).id


async def test_saving_an_edit_to_an_entry_deleted_in_the_other_keeps_the_words(sample_path: Path) -> None:
    clock = FakeClock(START)
    first = make_app(sample_path, clock=clock, autosave=False)
    second = make_app(sample_path, clock=clock, autosave=False)
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        await two.press("3", "e")  # the note-taker starts editing a note...
        second.screen.query_one("#input-text", Input).value = "edited after it was deleted"
        await one.press("3", "delete")  # ...that the facilitator deletes
        await _sync(clock, [one, two], 1.0)
        await two.press("ctrl+s")
        await two.pause()
        assert second.is_running  # no crash
        assert "edited after it was deleted" not in _rows(second, "went_well")
        field = second.focused
        assert isinstance(field, Input) and field.value == "edited after it was deleted"
        await two.press("enter")  # Enter adds the words back, as a new note
        assert second.live.session.went_well[-1].text == "edited after it was deleted"


async def test_the_selection_stays_on_its_entry_when_the_other_adds_above_it(sample_path: Path) -> None:
    clock = FakeClock(START)
    first = make_app(sample_path, clock=clock, autosave=False)
    second = make_app(sample_path, clock=clock, autosave=False)
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        await two.press("1", "down", "down", "down")
        table = second.screen.query_one("#panel-timeline EntryTable", EntryTable)
        chosen = table.selected_key
        await one.press("t")
        field = first.focused
        assert isinstance(field, Input)
        field.insert_text_at_cursor("00:01 the earliest entry of all")
        await one.press("enter")
        await _sync(clock, [one, two], 1.0)
        assert "the earliest entry of all" in _rows(second, "timeline")[0]
        assert table.selected_key == chosen
        assert table.cursor_row == 4


async def test_a_step_moved_by_the_other_terminal_leaves_the_typing_alone(sample_path: Path) -> None:
    from postmortem_tui.ui.panels.list_panel import EntryInput

    clock = FakeClock(START)
    facilitator = make_app(sample_path, clock=clock, autosave=False, name="Dana", role="facilitator")
    note_taker = make_app(sample_path, clock=clock, autosave=False, name="Sam", role="note-taker")
    async with facilitator.run_test(size=(80, 24)) as one, note_taker.run_test(size=(80, 24)) as two:
        await one.press("space")  # the meeting starts: step 1
        await two.press("t")
        field = note_taker.focused
        assert isinstance(field, EntryInput)
        field.insert_text_at_cursor("15:31 draft")
        await one.press("n", "n")  # the facilitator moves on to the timeline step...
        await _sync(clock, [one, two], 1.0)
        await one.press("n", "n")  # ...and on to root causes
        await _sync(clock, [one, two], 1.0)
        assert note_taker.live.session.agenda.current_step.key == "root_cause"
        assert note_taker.focused is field  # still typing, on the Timeline panel
        await two.press("space", "t", "w", "o")  # words, not meeting keys
        assert field.value == "15:31 draft two"
        assert note_taker.live.clock.running  # the space did not pause the meeting
        await two.press("escape")  # done typing: now the running step's panel comes forward
        await two.pause()
        assert note_taker.screen.active_panel == "root_cause"
        focused = note_taker.focused
        assert isinstance(focused, EntryTable) and focused.parent.id == "panel-root_cause"
        await two.press("t")  # the draft is there to continue, not selected to be replaced
        await two.press("space", "o", "k")
        assert note_taker.focused.value == "15:31 draft two ok"


async def test_moving_on_a_step_focuses_the_new_panel_list(sample_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, autosave=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n", "n", "n", "n", "n", "n")  # on to step 4, went well
        await pilot.pause()
        assert app.screen.active_panel == "went_well"
        focused = app.focused
        assert isinstance(focused, EntryTable) and focused.parent.id == "panel-went_well"
        await pilot.press("down", "e")  # edits the went-well note, not a timeline entry
        await pilot.pause()
        texts = [note.text for note in app.live.session.went_well]
        assert app.screen.query_one(Input).value == texts[1]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.active_panel == "went_well"  # closing the form stays there


async def test_save_as_says_who_stays_on_the_old_file(sample_path: Path) -> None:
    clock = FakeClock(START)
    facilitator, note_taker = _dana_and_jordan(sample_path, clock)
    async with facilitator.run_test(size=(100, 30)) as one, note_taker.run_test(size=(100, 30)) as two:
        await _sync(clock, [one, two], 2.5)
        facilitator.action_save_as()
        await one.pause()
        message = str(facilitator.screen.query_one(".form-message", Label).render())
        assert message.startswith(f"Jordan (note-taker) will stay on {sample_path.name}")


async def test_a_folder_where_the_file_was_is_not_offered_for_overwriting(
    sample_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(sample_path.read_bytes())
    clock = FakeClock(START)
    app = make_app(path, clock=clock, autosave=False)
    told: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        path.unlink()
        path.mkdir()  # someone's script put a folder there
        await _sync(clock, [pilot], 0.5)
        await pilot.pause()
        assert told and "ctrl+o" not in told[-1] and "ctrl+s" in told[-1]
        await pilot.press("ctrl+o")
        assert told[-1] == "A folder is where the session file was: ctrl+s saves to a file."
        assert app.is_running


async def test_on_a_note_takers_terminal_the_shared_clock_keys_ask_for_a_second_press(
    sample_path: Path,
) -> None:
    clock = FakeClock(START)
    told: list[str] = []
    note_taker = make_app(sample_path, clock=clock, autosave=False, name="Sam", role="note-taker")
    note_taker.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
    async with note_taker.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")  # typed on after an Escape by mistake, say
        assert not note_taker.live.clock.started
        assert told[-1] == "The clock is shared: press space again to start it for everyone."
        await pilot.press("space")
        assert note_taker.live.clock.running
        clock.advance(10)
        await pilot.press("space")  # a single stray space: the meeting goes on
        clock.advance(5)  # too late for a second press: it asks again
        await pilot.press("space")
        assert note_taker.live.clock.running
        note_taker.live.clock_action(lambda agenda_clock: agenda_clock.go_to(2))
        clock.advance(1)
        await pilot.press("p")
        assert note_taker.live.session.agenda.current == 2 and "press p again" in told[-1]
        await pilot.press("y")
        clock.advance(1)
        await pilot.press("p")  # another key came between the two presses: it asks again
        assert note_taker.live.session.agenda.current == 2 and "press p again" in told[-1]
        await pilot.press("p")
        assert note_taker.live.session.agenda.current == 1


async def test_words_typed_on_a_note_takers_meeting_screen_never_move_the_shared_clock(
    sample_path: Path,
) -> None:
    """After an Escape pressed by mistake the note-taker types on: two spaces in 'ok so we'
    paused the meeting, the n's of 'unnoticed' moved it on a step."""
    clock = FakeClock(START)
    told: list[str] = []
    note_taker = make_app(sample_path, clock=clock, autosave=False, name="Sam", role="note-taker")
    note_taker.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
    async with note_taker.run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "space")
        assert note_taker.live.clock.running
        await pilot.press("3")  # the Well panel, whose list has the focus: no input open
        clock.advance(60 * 6)  # step 1's time is up: a single n would move on
        # "so, uh, hmm... nn, yup" (letters the meeting screen leaves alone, with the clock's)
        for key in ("s", "space", "u", "h", "space", "h", "n", "n", "space", "y", "u", "p", "space"):
            clock.advance(0.1)  # typing speed
            await pilot.press(key)
        assert note_taker.live.clock.running
        assert note_taker.live.session.agenda.current == 0
        assert sum("Typing reached the meeting screen" in message for message in told) == 1  # once
        clock.advance(2)
        # As a terminal delivers a burst: every key in before the first one's binding acts.
        for key, char in (("h", "h"), ("space", " "), ("n", "n"), ("n", "n"), ("space", " ")):
            note_taker.post_message(events.Key(key, char))
        await pilot.pause()
        assert note_taker.live.clock.running and note_taker.live.session.agenda.current == 0
        clock.advance(2)
        await pilot.press("n")  # a deliberate press, after a pause: acts
        assert note_taker.live.session.agenda.current == 1


async def test_the_facilitators_clock_keys_act_at_once(sample_path: Path) -> None:
    clock = FakeClock(START)
    facilitator = make_app(sample_path, clock=clock, autosave=False, name="Dana", role="facilitator")
    async with facilitator.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        assert facilitator.live.clock.running
        await pilot.press("space")
        assert not facilitator.live.clock.running


async def test_an_owner_and_a_deadline_changed_in_two_terminals_at_once_are_both_kept(
    sample_path: Path,
) -> None:
    """The reviewer's race: one terminal changes an action's owner and saves; the other,
    before it has read that save, changes the same action's deadline. Both changes stay."""
    clock = FakeClock(START)
    first = make_app(sample_path, clock=clock, autosave=False)
    second = make_app(sample_path, clock=clock, autosave=False)
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        await one.press("6")
        target = first.screen.query_one("#panel-action_items EntryTable", EntryTable).selected_key
        await one.press("e")
        first.screen.query_one("#input-owner", Input).value = "Aisha Bello"
        await one.press("ctrl+s")
        await _sync(clock, [one], POLL)  # saved to the file; the other has not read it
        await two.press("6")
        assert second.screen.query_one("#panel-action_items EntryTable", EntryTable).selected_key == target
        await two.press("e")
        second.screen.query_one("#input-deadline", Input).value = "2027-02-15"
        await two.press("ctrl+s")
        await _sync(clock, [two, one, two], 1.0)
        for app in (first, second):
            [item] = [item for item in app.live.session.action_items if item.id == target]
            assert (item.owner, str(item.deadline)) == ("Aisha Bello", "2027-02-15")


async def test_the_same_field_edited_in_two_terminals_says_what_the_second_save_replaced(
    sample_path: Path,
) -> None:
    """A reviewer's race: both terminals open the same action; one changes its owner and
    saves; the other, its form still showing the old owner, saves another. The second save
    stands, and that terminal is told whose owner it replaced; ctrl+z puts it back."""
    clock = FakeClock(START)
    first = make_app(sample_path, clock=clock, autosave=False)
    second = make_app(sample_path, clock=clock, autosave=False)
    told: list[str] = []
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        second.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        await one.press("6")
        await two.press("6")
        target = first.screen.query_one("#panel-action_items EntryTable", EntryTable).selected_key
        await one.press("e")
        await two.press("e")  # both forms open on the same owner
        first.screen.query_one("#input-owner", Input).value = "Aisha Bello"
        await one.press("ctrl+s")
        await _sync(clock, [one, two], 1.0)  # the second has read it; its form has not
        second.screen.query_one("#input-owner", Input).value = "Sam Chen"
        await two.press("ctrl+s")
        await two.pause()

        def owner() -> str:
            return next(item.owner for item in second.live.session.action_items if item.id == target)

        assert owner() == "Sam Chen"
        assert any("changed the owner" in message and "Aisha Bello" in message for message in told)
        await two.press("ctrl+z")
        assert owner() == "Aisha Bello"
        await _sync(clock, [two, one], 1.0)
        assert next(item.owner for item in first.live.session.action_items if item.id == target) == "Aisha Bello"


async def test_a_not_saved_toast_says_it_once_and_goes_when_saving_works_again(
    sample_path: Path,
) -> None:
    """The toast repeated the problem's "kept" in other words, and stayed up beside the
    header's next problem, and beside "saved" once the file was writable again."""
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock, autosave=False)
    async with app.run_test(size=(100, 30)) as pilot:
        os.chmod(sample_path, 0o444)
        try:
            await pilot.press("g")
            pilot.app.focused.insert_text_at_cursor("typed while the file is read-only")
            await pilot.press("enter")
            await _sync(clock, [pilot], 0.5)
            [toast] = [n.message for n in app._notifications]
            assert "is read-only" in toast and toast.count("kept") == 1
        finally:
            os.chmod(sample_path, 0o644)
        await _sync(clock, [pilot], 0.5)
        assert [n.message for n in app._notifications] == ["Saved again."]
