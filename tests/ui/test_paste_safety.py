"""Pasted notes kept whole and in order: lines pasted together stay in the order pasted, a
line with an error waits to be put right, a form field keeps every pasted line, and an edit
of an entry deleted elsewhere is not thrown away."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from textual import events
from textual.widgets import Input, Label

from postmortem_tui import editing
from postmortem_tui.clock import FakeClock
from postmortem_tui.persistence import load
from postmortem_tui.sync.merge import merge
from postmortem_tui.ui.app import PostmortemApp, make_app
from postmortem_tui.ui.widgets.entry_table import EntryTable

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _app(path: Path, clock: FakeClock | None = None) -> PostmortemApp:
    return make_app(path, clock=clock or FakeClock(START))


def _shown(app: PostmortemApp, panel: str, column: int) -> list[str]:
    table = app.screen.query_one(f"#panel-{panel} EntryTable", EntryTable)
    return [str(table.get_row_at(i)[column]) for i in range(table.row_count)]


async def _paste(pilot, key: str, text: str) -> Input:  # type: ignore[no-untyped-def]
    """Open a panel's input with ``key`` and paste ``text`` into it, as a terminal's paste arrives."""
    await pilot.press(key)
    field = pilot.app.focused
    assert isinstance(field, Input)
    field.post_message(events.Paste(text))
    await pilot.pause()
    return field


NOTES = ["P1 alpha", "P2 bravo", "P3 charlie", "P4 delta", "P5 echo", "P6 foxtrot", "P7 golf",
         "P8 hotel", "P9 india"]


async def test_notes_pasted_together_keep_their_order_everywhere(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _paste(pilot, "w", "\n".join(NOTES) + "\n")
        assert [note.text for note in app.live.session.went_well] == NOTES
        assert [cell for cell in _shown(app, "went_well", 1) if cell.startswith("P")] == NOTES
        assert app.live.store.save()
    saved = load(empty_path)
    assert [note.text for note in saved.went_well] == NOTES
    assert [note.text for note in merge(saved, load(empty_path)).went_well] == NOTES


async def test_timeline_lines_pasted_without_times_keep_their_order_and_stamp(
    empty_path: Path,
) -> None:
    lines = ["T1 first", "T2 second", "T3 third", "T4 fourth", "T5 fifth"]
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _paste(pilot, "t", "\n".join(lines) + "\n")
        timeline = app.live.session.timeline
        assert [entry.text for entry in timeline] == lines
        assert {entry.time for entry in timeline} == {timeline[0].time}  # the second pasted
        assert app.live.store.save()
    saved = load(empty_path)
    assert [entry.text for entry in merge(saved).timeline] == lines
    assert [entry.time for entry in saved.timeline] == [timeline[0].time] * 5


async def test_a_paste_that_ends_with_a_line_break_adds_its_last_line(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _paste(pilot, "g", "first lucky\nsecond lucky\n")
        assert sorted(note.text for note in app.live.session.got_lucky) == [
            "first lucky",
            "second lucky",
        ]
        assert field.value == ""  # nothing left over to be added twice


BAD_PASTE = "25:99 bad one\n26:61 bad two words\n14:00 good line\nlastline"


def _error(app: PostmortemApp, panel: str) -> str:
    return str(app.screen.query_one(f"#panel-{panel} .input-error", Label).render())


async def test_every_pasted_line_with_an_error_waits_its_turn_to_be_put_right(
    empty_path: Path,
) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _paste(pilot, "t", BAD_PASTE)
        assert [entry.text for entry in app.live.session.timeline] == ["good line"]
        assert field.value == "25:99 bad one"  # the first to put right, not the unended line
        assert "2 more lines waiting" in _error(app, "timeline")
        field.value = "14:01 bad one"
        await pilot.press("enter")
        assert field.value == "26:61 bad two words"  # the next comes back, with its reason
        assert "26:61" in _error(app, "timeline") and "1 more line waiting" in _error(app, "timeline")
        field.value = "14:02 bad two words"
        await pilot.press("enter")
        assert field.value == "lastline"  # the line the paste left unended waited its turn
        assert "waiting" not in _error(app, "timeline")
        await pilot.press("enter")
        assert field.value == "" and _error(app, "timeline") == ""
        texts = [entry.text for entry in app.live.session.timeline]
        assert sorted(texts) == ["bad one", "bad two words", "good line", "lastline"]


async def test_lines_waiting_are_kept_when_the_input_closes_and_named_on_quitting(
    empty_path: Path,
) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _paste(pilot, "t", BAD_PASTE)
        await pilot.press("escape", "w", "escape", "t")  # closed, another panel, and back
        field = app.focused
        assert isinstance(field, Input) and field.value == "25:99 bad one"
        assert "2 more lines waiting" in _error(app, "timeline")
        field.value = ""  # cleared, the line is dropped on purpose; the rest still wait
        await pilot.press("enter")
        assert field.value == "26:61 bad two words"
        await pilot.press("escape", "ctrl+q")
        asked = " ".join(str(label.render()) for label in app.screen.query(Label))
        assert "\u201c26:61 bad two words\u201d and 1 more line waiting" in asked
        await pilot.click("#add")  # both are tried: the one with an error comes back
        await pilot.pause()
        assert app.is_running
        assert app.focused is field and field.value == "26:61 bad two words"
        assert "lastline" in [entry.text for entry in app.live.session.timeline]


async def test_waiting_lines_behind_a_cleared_input_are_named_on_quitting(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _paste(pilot, "t", BAD_PASTE)
        field.value = ""
        await pilot.press("escape", "ctrl+q")
        asked = " ".join(str(label.render()) for label in app.screen.query(Label))
        assert "Timeline input has 2 lines waiting, not yet added" in asked
        await pilot.click("#add")
        await pilot.pause()
        assert field.value == "26:61 bad two words"  # "lastline" was added; this comes back


async def test_lines_pasted_into_a_form_field_are_joined_not_cut(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        what = app.screen.query_one("#input-what", Input)
        assert app.focused is what
        what.post_message(events.Paste("Alert on lock wait\r\nand page the DB on-call\n"))
        await pilot.pause()
        assert what.value == "Alert on lock wait and page the DB on-call"


async def _edit_then_lose(pilot, panel_key: str, entry_id: str, fields: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Open the entry ``entry_id`` in its form, type ``fields``, have the entry deleted (as a
    sync with another terminal that deleted it would), then save."""
    app = pilot.app
    await pilot.press(panel_key)
    await pilot.pause()
    app.screen.query_one(f"#panel-{_PANEL_OF[panel_key]} EntryTable", EntryTable).select(entry_id)
    await pilot.press("e")
    await pilot.pause()
    for key, value in fields.items():
        app.screen.query_one(f"#input-{key}", Input).value = value
    app.live.change(lambda s: editing.delete(s, entry_id, app.live.now()))
    await pilot.press("ctrl+s")
    await pilot.pause()


_PANEL_OF = {"2": "root_cause", "6": "action_items", "7": "participants"}


async def test_an_action_edited_while_deleted_elsewhere_is_added_back_whole(sample_path: Path) -> None:
    app = _app(sample_path)
    told: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        old = app.live.session.action_items[0]
        typed = {"what": "Alert when a lock is held over 30 s", "owner": "Priya", "deadline": "2026-12-11"}
        await _edit_then_lose(pilot, "6", old.id, typed)
        back = [item for item in app.live.session.action_items if item.what == typed["what"]]
        assert len(back) == 1 and back[0].id != old.id  # a new entry: the old id stays deleted
        assert (back[0].owner, str(back[0].deadline)) == ("Priya", "2026-12-11")
        assert back[0].link == old.link and back[0].priority == old.priority
        assert any("added back as a new entry" in message for message in told)
        await pilot.press("ctrl+z")  # not wanted after all: it comes out again
        assert typed["what"] not in [item.what for item in app.live.session.action_items]


async def test_a_person_and_a_why_step_edited_while_deleted_elsewhere_come_back(
    sample_path: Path,
) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        person = app.live.session.participants[0]
        await _edit_then_lose(pilot, "7", person.id, {"name": "Dana Q."})
        assert "Dana Q." in [p.name for p in app.live.session.participants]
        chain = app.live.session.root_cause.chains[0]
        step = chain.steps[0]
        await _edit_then_lose(pilot, "2", step.id, {"first": "Why did the lock wait?"})
        steps = app.live.session.root_cause.chains[0].steps
        assert steps[-1].why == "Why did the lock wait?" and steps[-1].because == step.because
        assert step.id not in [s.id for s in steps]


async def test_a_note_edited_while_deleted_elsewhere_comes_back_before_a_draft(
    sample_path: Path,
) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        field = app.focused
        assert isinstance(field, Input)
        field.insert_text_at_cursor("a draft left in the input")
        await pilot.press("escape")
        note = app.live.session.went_well[0]
        app.screen.query_one("#panel-went_well EntryTable", EntryTable).select(note.id)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#input-text", Input).value = "edited after it was deleted"
        app.live.change(lambda s: editing.delete(s, note.id, app.live.now()))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.focused is field and field.value == "edited after it was deleted"
        await pilot.press("enter")
        assert field.value == "a draft left in the input"  # it waited; it was not typed over
        assert "edited after it was deleted" in [n.text for n in app.live.session.went_well]
