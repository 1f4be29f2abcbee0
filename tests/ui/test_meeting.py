"""The meeting screen, driven as a facilitator and a note-taker would drive it."""

from __future__ import annotations

import shutil
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from textual import events
from textual.widgets import Input, Label, Select

from postmortem_tui.clock import FakeClock
from postmortem_tui.persistence import load
from postmortem_tui.ui.app import PostmortemApp, make_app
from postmortem_tui.ui.meeting_screen import MeetingScreen
from postmortem_tui.ui.widgets.big_countdown import BigCountdown
from postmortem_tui.ui.widgets.checklist_view import ChecklistView
from postmortem_tui.ui.widgets.entry_table import EntryTable
from postmortem_tui.ui.widgets.panel_tabs import PanelTabs
from postmortem_tui.ui.widgets.status_bar import StatusBar

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)  # 10:00 in New York, meeting day


def _app(path: Path, clock: FakeClock | None = None) -> PostmortemApp:
    return make_app(path, clock=clock or FakeClock(START))


def _screen(app: PostmortemApp) -> MeetingScreen:
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


def _saved(app: PostmortemApp) -> dict:
    assert app.live.store.save()
    return tomllib.loads(app.live.store.path.read_text())


def _cells(app: PostmortemApp, panel: str) -> list[list[str]]:
    table = app.screen.query_one(f"#panel-{panel} EntryTable", EntryTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def _click_tab(pilot, title: str) -> None:  # type: ignore[no-untyped-def]
    """Click the title ``title`` in the panels' tab bar."""
    tabs = pilot.app.screen.query_one(PanelTabs)
    line = "".join(segment.text for segment in tabs.render_line(0))
    await pilot.click(PanelTabs, offset=(line.index(title), 0))


async def _draft(pilot, key: str, text: str) -> Input:  # type: ignore[no-untyped-def]
    """Open a panel's input with ``key`` and type ``text`` into it, without Enter."""
    await pilot.press(key)
    field = pilot.app.focused
    assert isinstance(field, Input), field
    field.insert_text_at_cursor(text)
    return field


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    focused = pilot.app.focused
    assert isinstance(focused, Input), focused
    focused.insert_text_at_cursor(text)
    await pilot.press("enter")


async def test_a_whole_meeting(sample_path: Path) -> None:
    clock = FakeClock(START)
    app = _app(sample_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = _screen(app)
        await pilot.press("space")
        assert app.live.clock.running and app.live.session.agenda.current == 0

        await pilot.press("t")
        await _type(pilot, "14:40 rollback of migration 0142 considered")
        await _type(pilot, "2:45 PM customer support escalates")
        await pilot.press("escape")
        await pilot.press("w")
        await _type(pilot, "Runbook for replays existed and worked")
        await pilot.press("escape", "i")
        await _type(pilot, "alerting: no alert on lock wait time")
        await pilot.press("escape", "g")
        await _type(pilot, "Payments were not affected")
        await pilot.press("escape")

        await pilot.press("a")
        form = app.screen
        form.query_one("#input-what", Input).value = "Alert when any lock is held for more than 30 seconds"
        form.query_one("#input-owner", Input).value = "Sam Chen"
        form.query_one("#input-deadline", Input).value = "+10d"
        await pilot.press("ctrl+s")

        await pilot.press("r")
        form = app.screen
        form.query_one("#input-first", Input).value = "Why was the lock not noticed?"
        form.query_one("#input-second", Input).value = "Nothing alerts on lock duration."
        await pilot.press("ctrl+s")

        # edit the first went-well note, delete a could-improve note and undo it
        await pilot.press("3")
        await pilot.press("e")
        app.screen.query_one("#input-text", Input).value = "The alert fired within five minutes"
        await pilot.press("ctrl+s")
        await pilot.press("4", "delete")
        deleted_count = len(app.live.session.could_improve)
        await pilot.press("ctrl+z")
        assert len(app.live.session.could_improve) == deleted_count + 1
        await pilot.press("4", "up", "delete")  # the row above the one just restored

        # a minute more on step 1, then through all seven steps
        await pilot.press("plus")
        assert app.live.session.agenda.steps[0].minutes == 6
        for _ in range(7):
            clock.advance(60)
            await pilot.press("n")
            assert "press n again" in str(screen.query_one("#step-notice").render())
            await pilot.press("n")
        assert app.live.clock.finished

        await pilot.press("x")
        await pilot.press("ctrl+e")
        exported = sample_path.with_suffix(".md")
        assert exported.exists()
        document = exported.read_text()
        saved = _saved(app)

    texts = [entry["text"] for entry in saved["timeline"]]
    assert "rollback of migration 0142 considered" in texts
    times = [entry["time"] for entry in saved["timeline"]]
    assert times == sorted(times) and "14:45" in times
    assert saved["went_well"][-1]["text"] == "The alert fired within five minutes"  # the row just added
    assert saved["could_improve"][-1] == {**saved["could_improve"][-1], "tag": "alerting"}
    assert len(saved["could_improve"]) == 5  # one of the five was deleted, the new one added
    assert saved["got_lucky"][-1]["text"] == "Payments were not affected"
    action = saved["action_items"][-1]
    assert action["owner"] == "Sam Chen" and action["deadline"] == date(2026, 12, 7)
    assert saved["root_cause"]["chains"][0]["steps"][-1]["because"] == "Nothing alerts on lock duration."
    assert [step["state"] for step in saved["agenda"]["steps"]] == ["done"] * 7
    assert saved["agenda"]["steps"][0]["allotted_minutes"] == 6
    assert "| 14:40 | rollback of migration 0142 considered |" in document
    assert "Alert when any lock is held for more than 30 seconds" in document
    assert "| 1 | Set the tone | 5 min | 6 min | 1 min |" in document


async def test_entry_without_a_time_is_stamped(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await _type(pilot, "we agreed to page the database team")
        entry = app.live.session.timeline[0]
    local = START.astimezone()
    assert entry.time == local.strftime("%H:%M:%S")
    assert entry.marks == ["stamped"]


async def test_an_impossible_time_is_refused_under_the_input(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await _type(pilot, "25:10 something")
        error = str(app.screen.query_one("#panel-timeline .input-error").render())
        assert "not a time of day" in error
        assert app.live.session.timeline == []
        assert isinstance(app.focused, Input) and app.focused.value == "25:10 something"


async def test_an_error_goes_with_the_line_it_was_about(empty_path: Path) -> None:
    """Cleared with ctrl+u, closed and opened again: the old error stayed under the new
    words, as if they were wrong."""
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await _type(pilot, "25:99 x")
        error = app.screen.query_one("#panel-timeline .input-error", Label)
        assert "not a time of day" in str(error.render())
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert str(error.render()) == ""
        await pilot.press("escape", "t")
        await pilot.pause()
        app.focused.insert_text_at_cursor("14:00 fine")  # type: ignore[union-attr]
        await pilot.pause()
        assert str(error.render()) == ""


INJECTIONS = ["[bold]x[/]", "[link=http://a]y[/link]", "\x1b[31mred\x1b[0m", "a | b # c"]


async def test_typed_markup_shows_and_saves_literally(empty_path: Path) -> None:
    clock = FakeClock(START)
    app = _app(empty_path, clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("w")
        for text in INJECTIONS:
            clock.advance(1)  # notes are listed in the order they were made
            assert isinstance(app.focused, Input)
            app.focused.post_message(events.Paste(text))
            await pilot.pause()
            await pilot.press("enter")
        shown = [row[1] for row in _cells(app, "went_well")]
        saved = _saved(app)
    assert shown == ["[bold]x[/]", "[link=http://a]y[/link]", "\u241b[31mred\u241b[0m", "a | b # c"]
    assert [note["text"] for note in saved["went_well"]] == INJECTIONS


async def test_action_form_needs_one_owner_and_a_deadline(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("a")
        form = app.screen
        form.query_one("#input-what", Input).value = "Add a lock-duration alert"
        form.query_one("#input-deadline", Input).value = "next week"
        await pilot.press("ctrl+s")
        assert "no owner" in str(form.query_one("#error-owner").render())
        assert "is not a date" in str(form.query_one("#error-deadline").render())
        form.query_one("#input-owner", Input).value = "Alice and Bob"
        form.query_one("#input-deadline", Input).value = "2026-12-10"
        await pilot.press("ctrl+s")
        assert "2 owners" in str(form.query_one("#error-owner").render())
        assert app.live.session.action_items == []
        form.query_one("#input-owner", Input).value = "Alice"
        await pilot.press("ctrl+s")
        assert app.live.session.action_items[0].deadline == date(2026, 12, 10)


async def test_an_error_goes_when_another_field_answers_it(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("r")
        form = app.screen
        await pilot.press("ctrl+s")
        error = form.query_one("#error-first")
        assert error.display and "the why, the because, or both" in str(error.render())
        form.query_one("#input-second", Input).value = "the orders table was locked"
        await pilot.pause()
        assert not error.display  # the "because" answered it
        form.query_one("#input-second", Input).value = ""
        await pilot.pause()
        assert not error.display  # a new error waits for Save
        await pilot.press("ctrl+s")
        assert error.display
        form.query_one("#input-mode", Select).value = "factor"
        await pilot.pause()
        assert error.display and str(error.render()) == "type it first"  # not the why's reason


async def test_countdown_overrun_and_moving_on(empty_path: Path) -> None:
    clock = FakeClock(START)
    app = _app(empty_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = _screen(app)
        await pilot.press("space")
        clock.advance(4 * 60 + 10)
        screen.tick()
        assert screen.query_one("#countdown", BigCountdown).value == "00:50"
        assert screen.query_one("#step").has_class("-warning")
        clock.advance(82)
        screen.tick()
        assert screen.query_one("#countdown", BigCountdown).value == "+00:32"
        assert screen.query_one("#step").has_class("-over")
        await pilot.press("n")  # time is up: one press moves on
        assert app.live.session.agenda.current == 1
        assert screen.active_panel == "timeline"
        await pilot.press("p")
        assert app.live.session.agenda.current == 0


async def test_quitting_saves(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await _type(pilot, "the on-call engineer happened to be at a desk")
        await pilot.press("ctrl+q")
    assert load(sample_path).got_lucky[-1].text == "the on-call engineer happened to be at a desk"


async def test_opening_and_quitting_without_a_change_leaves_the_file_as_it_was(
    sample_path: Path,
) -> None:
    """Looking at a session (a schema-1 file, as the sample is) is not a change: the file
    is not rewritten, upgraded or given a new save time (noise in a repository)."""
    before = sample_path.read_bytes()
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")  # look at another panel
        await pilot.press("ctrl+q")
    assert sample_path.read_bytes() == before


async def test_quitting_with_the_clock_running_records_when(sample_path: Path) -> None:
    """A running step is a change over time: reopening needs to know when it was left."""
    clock = FakeClock(START)
    app = _app(sample_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        clock.advance(90)
        await pilot.press("ctrl+q")
    assert load(sample_path).agenda.last_seen == START + timedelta(seconds=90)


async def test_autosave_writes_without_quitting(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await _type(pilot, "saved by the background worker")
        for _ in range(100):  # the worker saves within a fraction of a second
            if "saved by the background worker" in sample_path.read_text():
                break
            await pilot.pause(0.05)
        assert "saved by the background worker" in sample_path.read_text()


def _in_own_folder(tmp_path: Path, sample_path: Path) -> tuple[Path, PostmortemApp]:
    """An app on a copy of the sample in a folder of its own, to be taken away."""
    folder = tmp_path / "meeting"
    folder.mkdir()
    path = folder / "s.toml"
    shutil.copy(sample_path, path)
    return folder, _app(path)


async def test_a_vanished_folder_keeps_everything_and_saves_elsewhere(
    tmp_path: Path, sample_path: Path
) -> None:
    folder, app = _in_own_folder(tmp_path, sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        folder.rename(tmp_path / "gone")  # atomic: no race with the heartbeat's writes
        await pilot.press("g")
        await _type(pilot, "kept in memory")
        assert not app.live.store.save()
        _screen(app).tick()
        saved_label = app.screen.query_one(StatusBar).part("saved").text
        assert "NOT SAVED" in saved_label and "its folder no longer exists" in saved_label
        await pilot.press("ctrl+q")  # cannot save: asks instead of quitting
        assert app.is_running
        await pilot.click("#save-as")
        target = tmp_path / "rescued.toml"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.return_code == 0  # saved elsewhere, it quits, as was asked
    assert load(target).got_lucky[-1].text == "kept in memory"


async def test_ctrl_s_offers_another_file_when_the_file_cannot_be_written(
    tmp_path: Path, sample_path: Path
) -> None:
    folder, app = _in_own_folder(tmp_path, sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        folder.rename(tmp_path / "gone")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SaveAsScreen"
        target = tmp_path / "rescued.toml"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    assert load(target).incident.title == load(sample_path).incident.title


async def test_help_lists_every_key(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        text = (Path(__file__).parents[2] / "postmortem_tui" / "ui" / "help.md").read_text()
        assert app.screen.__class__.__name__ == "HelpScreen"
    for binding in MeetingScreen.BINDINGS:
        key = binding.key_display or binding.key.split(",")[0]
        names = {"space": "space", "delete": "Delete", "equals_sign": "+", "f5": "F5"}
        shown = names.get(key, key)
        assert f"| {shown}" in text or f" {shown} " in text or shown.isdigit(), key


async def test_palette_offers_every_action(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)):
        commands = list(app.get_system_commands(app.screen))
        titles = {command.title for command in commands}
    helps = {command.title: command.help for command in commands}
    assert helps["Next step"] == "key: n (twice if the step still has time)"  # teaches the key
    for wanted in (
        "Next step",
        "Add a timeline entry",
        "Wrap-up: checklist, preview and export",
        "Open panel: Actions",
        "Theme",
    ):
        assert any(title.startswith(wanted) for title in titles), wanted


async def test_theme_is_remembered(empty_path: Path, private_dirs: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)):
        app.theme = "high-contrast"
    config = private_dirs / "config" / "postmortem-tui" / "config.toml"
    assert 'theme = "high-contrast"' in config.read_text()
    again = _app(empty_path)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "high-contrast"


async def test_the_app_opens_in_the_remembered_theme_or_the_default_if_unknown(
    empty_path: Path, private_dirs: Path
) -> None:
    from textual.color import Color

    config = private_dirs / "config" / "postmortem-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('theme = "high-contrast"\n')
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)):
        assert app.theme == "high-contrast"
        assert app.screen.styles.background == Color.parse("#000000")
        assert {"-dark-mode", "-theme-high-contrast"} <= app.classes
    config.write_text('theme = "gone-theme"  # from an older version\n')
    again = _app(empty_path)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "textual-dark"
    assert config.read_text() == 'theme = "gone-theme"  # from an older version\n'


def _left_running(path: Path, clock: FakeClock) -> None:
    """The meeting was on step 2, two minutes in, when the app went away."""
    from postmortem_tui.agenda_clock import AgendaClock
    from postmortem_tui.persistence import save

    session = load(path)
    agenda_clock = AgendaClock(session.agenda, clock)
    agenda_clock.toggle()
    agenda_clock.next()
    clock.advance(120)
    agenda_clock.checkpoint()
    save(session, path, now=clock.now())


async def test_reopened_soon_the_step_kept_running(sample_path: Path) -> None:
    clock = FakeClock(START)
    _left_running(sample_path, clock)
    clock.advance(10 * 60)
    app = _app(sample_path, clock)
    async with app.run_test(size=(100, 30)):
        assert app.live.clock.running
        assert _screen(app).query_one("#countdown", BigCountdown).value == "03:00"  # 15 - 2 - 10


async def test_reopened_days_later_the_step_is_paused_and_says_so(sample_path: Path) -> None:
    clock = FakeClock(START)
    _left_running(sample_path, clock)
    clock.advance(2 * 24 * 3600)
    app = _app(sample_path, clock)
    async with app.run_test(size=(100, 30)):
        assert not app.live.clock.running
        assert _screen(app).query_one("#countdown", BigCountdown).value == "13:00"
        notice = str(app.screen.query_one("#step-notice").render())
        assert notice.startswith("Paused: the session was closed for 48.0 h")


async def test_clicking_a_step_goes_there_and_clicking_a_tab_opens_it(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#agenda", offset=(5, 3))  # the border, then the third step's row
        assert app.live.session.agenda.current == 2
        assert app.screen.active_panel == "root_cause"
        await _click_tab(pilot, "Lucky")
        assert app.screen.active_panel == "got_lucky"


async def test_the_bell_rings_at_a_minute_left_and_can_be_turned_off(empty_path: Path) -> None:
    clock = FakeClock(START)
    app = _app(empty_path, clock)
    rings: list[str] = []
    app.bell = lambda: rings.append("ding")  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = _screen(app)
        await pilot.press("space")
        clock.advance(4 * 60 + 1)
        screen.tick()
        assert rings == ["ding"]
        screen.toggle_alert("bell")
        clock.advance(60)
        screen.tick()
        assert rings == ["ding"]  # time is up, but the bell is off
        titles = {command.title for command in app.get_system_commands(screen)}
        assert "Turn the bell on" in titles


async def test_each_panel_shows_the_session_the_first_time_it_is_opened(sample_path: Path) -> None:
    """Only the current step's panel is made at launch; the others when first brought
    forward, and each must then show what the session holds, not an empty list."""
    app = _app(sample_path)
    session = load(sample_path)
    expected = {
        "timeline": len(session.timeline),
        "went_well": len(session.went_well),
        "could_improve": len(session.could_improve),
        "action_items": len(session.action_items),
        "participants": len(session.participants),
    }
    assert all(expected.values())
    async with app.run_test(size=(100, 30)) as pilot:
        assert len(app.screen.query("EntryTable")) == 1  # the participants', step 1's panel
        for key in "12345678":
            await pilot.press(key)
        await pilot.pause()
        for panel, rows in expected.items():
            assert len(_cells(app, panel)) == rows, panel
        checklist = app.screen.query_one("#panel-wrap_up .checklist", ChecklistView).plain
        assert "owner" in checklist


async def test_keys_that_come_while_a_panel_is_being_made_wait_for_it(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        # A click on a tab and, at once, the keys that act on its selected row: no crash,
        # and the edit opens on the panel's first row.
        await _click_tab(pilot, "Well")
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-text Input", Input).value == load(sample_path).went_well[0].text
        await pilot.press("escape", "w")
        await _type(pilot, "typed straight after w")
        await pilot.pause()
    assert app.live.session.went_well[-1].text == "typed straight after w"


async def _participants_as_drawn(sample_path: Path, monkeypatch) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """Launch on the sample (step 1: the People panel) and return, for each frame the
    meeting screen drew, its list's row count and its detail line at that moment."""
    drawn: list[tuple[int, str]] = []
    draw = MeetingScreen._compositor_refresh

    def frame(screen: MeetingScreen) -> None:
        panel = screen.query_one("#panel-participants")
        drawn.append((panel.table.row_count, str(panel.detail.render())))
        draw(screen)

    monkeypatch.setattr(MeetingScreen, "_compositor_refresh", frame)
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    return drawn


async def test_the_first_frame_shows_the_panels_rows_and_the_selected_entry(
    sample_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Not an empty list that fills a frame or two later: the table fills in the layout
    pass that first gives it its width, before that frame is drawn."""
    rows, detail = (await _participants_as_drawn(sample_path, monkeypatch))[0]
    first = load(sample_path).participants[0]
    assert rows == len(load(sample_path).participants)
    assert detail.startswith(f"{first.name} · ")


async def test_a_long_list_fills_after_the_first_frame_not_before_it(
    sample_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Filling 10,000 rows inside the layout kept the panel and its input off the screen
    for 450 ms; a list longer than FILL_IN_LAYOUT comes a frame later, whole."""
    from postmortem_tui.ui.widgets import entry_table

    monkeypatch.setattr(entry_table, "FILL_IN_LAYOUT", 3)  # the sample has 8 participants
    drawn = await _participants_as_drawn(sample_path, monkeypatch)
    assert drawn[0][0] == 0 and drawn[-1][0] == len(load(sample_path).participants)


async def test_at_launch_the_arrows_go_through_the_current_panels_entries(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one("#panel-participants EntryTable", EntryTable)
        assert app.focused is table
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        assert app.screen.active_panel == "participants"


async def test_quitting_with_words_typed_but_not_added_asks_first(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _draft(pilot, "t", "15:30 half-typed note\x1b[31m")
        await pilot.press("ctrl+q")
        assert app.is_running
        asked = " ".join(str(label.render()) for label in app.screen.query(Label))
        assert "Timeline input holds \u201c15:30 half-typed note\u241b[31m\u201d" in asked
        field.value = "15:30 half-typed note"
        await pilot.press("escape")  # keep typing: the words are still there
        assert app.focused is field and field.value == "15:30 half-typed note"
        await pilot.press("enter", "escape", "ctrl+q")  # added: quits without asking
    assert any(entry.text == "half-typed note" for entry in load(sample_path).timeline)


async def test_keep_typing_brings_back_the_input_that_holds_the_words(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _draft(pilot, "t", "rollback discussed with the DBA")
        await pilot.press("escape", "6")  # the draft is kept; the Actions panel comes forward
        await pilot.pause()
        assert not app.screen.query_one("#panel-timeline").display
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")  # keep typing
        await pilot.pause()
        assert app.focused is field and field.value == "rollback discussed with the DBA"
        assert app.screen.query_one("#panel-timeline").display


async def test_quitting_with_words_typed_can_add_them_and_quit(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _draft(pilot, "g", "the retry queue held the orders")
        await pilot.press("ctrl+q")
        await pilot.click("#add")
        await pilot.pause()
    assert app.return_code == 0
    assert load(sample_path).got_lucky[-1].text == "the retry queue held the orders"


async def test_words_that_cannot_be_added_stay_to_be_put_right(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _draft(pilot, "t", "25:99 not a time")
        await pilot.press("ctrl+q")
        await pilot.click("#add")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert field.value == "25:99 not a time" and app.focused is field


async def test_quitting_with_a_form_open_asks_and_can_quit_all_the_same(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        app.screen.query_one("#input-what", Input).value = "Add a lock-duration alert"
        await pilot.press("ctrl+q")
        assert app.is_running
        assert not app.screen.query("#add")  # a form's fields are not one line to add
        await pilot.click("#quit")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_form_opens_at_its_first_field_with_the_label_in_view(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        fields = app.screen.query_one(".form-fields")
        label = app.screen.query(".field-label").first()
        assert str(label.render()) == "Incident title"
        assert fields.region.contains_region(label.region)
        assert app.focused is app.screen.query_one("#input-title")


async def test_the_details_form_shows_every_problem_at_once_under_its_field(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        form = app.screen
        form.query_one("#input-end", Input).value = "2026-11-24 13:00-05:00"  # before the start
        form.query_one("#input-timezone", Input).value = "Mars/Base"
        form.query_one("#input-orders", Input).value = "many"
        await pilot.press("ctrl+s")
        shown = {
            key: str(form.query_one(f"#error-{key}").render())
            for key in ("end", "timezone", "orders")
            if form.query_one(f"#error-{key}").display
        }
        assert shown.keys() == {"end", "timezone", "orders"}, shown
        assert "Mars/Base" in shown["timezone"] and not shown["timezone"].startswith("incident")
        assert "before its start" in shown["end"]
        form.query_one("#input-end", Input).value = "2026-11-24 18:16-05:00"
        form.query_one("#input-timezone", Input).value = "America/New_York"
        form.query_one("#input-orders", Input).value = "2400"
        form.query_one("#input-title", Input).value = "Checkout outage [bold]x[/]"
        await pilot.press("ctrl+s")
    incident = load(sample_path).incident
    assert incident.title == "Checkout outage [bold]x[/]" and incident.impact.orders_affected == 2400


async def test_escape_closes_the_input_and_keeps_the_draft(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _draft(pilot, "t", "14:50 a thought half typed")
        await pilot.press("escape", "t")
        assert app.focused is field and field.value == "14:50 a thought half typed"
        await pilot.press("escape", "ctrl+q")  # a closed input's draft is asked about too
        assert app.is_running
        await pilot.press("escape")


async def test_the_root_cause_statement_deleted_comes_back_with_ctrl_z(sample_path: Path) -> None:
    from postmortem_tui.ui.panels.root_cause_panel import STATEMENT_KEY

    app = _app(sample_path)
    told: list[str] = []
    statement = app.live.session.root_cause.statement
    assert statement
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        await pilot.press("2")
        await pilot.pause()
        app.screen.query_one("#panel-root_cause EntryTable", EntryTable).select(STATEMENT_KEY)
        await pilot.press("delete")
        assert app.live.session.root_cause.statement == ""
        assert any("ctrl+z brings it back" in message for message in told)
        await pilot.press("ctrl+z")
        assert app.live.session.root_cause.statement == statement
    assert load(sample_path).root_cause.statement == statement


async def test_after_an_undo_only_the_undo_is_told(sample_path: Path) -> None:
    """"Deleted ... ctrl+z brings it back" stayed up beside "Undid the last deletion"."""
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert any("brings it back" in n.message for n in app._notifications)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Undid the last deletion."]


async def test_an_export_error_wraps_in_full_beside_the_preview(
    sample_path: Path, tmp_path: Path
) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        target = tmp_path / "no-such-folder" / "deeper" / "the-post-mortem-document.md"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+e")
        await pilot.pause()
        result = app.screen.query_one("#export-result", Label)
        message = str(result.render())
        assert message.startswith("Not written") and "No such file or directory" in message
        width = result.content_region.width
        shown = "".join(result.render_line(y).text for y in range(result.content_region.height))
        assert len(message) > width  # too long for one row: it takes more
        assert shown.replace(" ", "") == message.replace(" ", "")


async def test_a_long_selected_entry_is_cut_with_an_ellipsis_not_silently(sample_path: Path) -> None:
    from rich.console import Console

    from postmortem_tui.ui.panels.list_panel import clip_rows
    from postmortem_tui.ui.panels.root_cause_panel import STATEMENT_KEY

    console = Console(width=80)
    assert clip_rows("short\ntext", 20, 7, console) == "short\ntext"  # fits: as it is
    wide = "\u969c\u5bb3" * 60  # 120 wide characters: 240 cells, 8 rows of 30
    cut = clip_rows(wide, 30, 7, console).splitlines()
    assert len(cut) == 7 and cut[-1].endswith("\u2026")
    app = _app(sample_path)
    statement = app.live.session.root_cause.statement
    app.live.change(lambda s: setattr(s.root_cause, "statement", " ".join([statement] * 3)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        panel = app.screen.query_one("#panel-root_cause")
        panel.table.select(STATEMENT_KEY)
        await pilot.pause()
        shown = str(panel.detail.render())
        rows = shown.splitlines()
        assert rows[1].startswith("A migration that locks the orders table")
        assert rows[-1].endswith("\u2026")  # the statement goes on (900 characters)
        assert len(rows) == panel.detail.content_region.height  # every row it has, used
        assert all(len(row) <= panel.detail.content_region.width for row in rows)


async def test_entries_typed_faster_than_the_screen_adds_them_stay_apart(sample_path: Path) -> None:
    """Keys that reach the app in one batch (a fast typist, a busy moment, a terminal without
    bracketed paste) make one entry per Enter, each with its own words."""
    from textual.keys import _character_to_key

    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        for character in "17:01 fast-1\r17:02 fast-2\r17:03 fast-3\r":
            key = "enter" if character == "\r" else _character_to_key(character)
            app.post_message(events.Key(key, character))  # all queued before any is handled
        await pilot.pause()
        await pilot.pause()
        texts = [entry.text for entry in app.live.session.timeline if "fast-" in entry.text]
        assert texts == ["fast-1", "fast-2", "fast-3"]
        assert app.focused.value == ""


async def _paste_into_timeline(pilot, text: str) -> Input:  # type: ignore[no-untyped-def]
    """Open the Timeline input and paste ``text`` into it, as a terminal's paste arrives."""
    await pilot.press("t")
    field = pilot.app.focused
    assert isinstance(field, Input)
    field.post_message(events.Paste(text))
    await pilot.pause()
    return field


async def test_lines_pasted_together_become_one_entry_each(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _paste_into_timeline(pilot, "17:30 pasted-a\n17:31 pasted-b\n17:32 pasted-c")
        texts = [entry.text for entry in app.live.session.timeline if "pasted-" in entry.text]
        assert texts == ["pasted-a", "pasted-b"]
        assert field.value == "17:32 pasted-c"  # the last line waits for its Enter
        await pilot.press("enter")
        texts = [entry.text for entry in app.live.session.timeline if "pasted-" in entry.text]
        assert texts == ["pasted-a", "pasted-b", "pasted-c"]


async def test_a_line_with_an_error_comes_back_to_be_put_right(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        field = app.focused
        field.insert_text_at_cursor("25:99 a time that is not one")
        await pilot.press("enter")
        assert field.value == "25:99 a time that is not one"
        assert "a time that is not one" not in [e.text for e in app.live.session.timeline]
        await pilot.press("exclamation_mark")  # the cursor is at its end, to go on typing
        assert field.value == "25:99 a time that is not one!"


async def test_a_pasted_line_with_an_error_is_named_not_dropped(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await _paste_into_timeline(pilot, "25:99 first typed wrong\n17:00 second fine\nlast")
        texts = [entry.text for entry in app.live.session.timeline]
        assert "second fine" in texts and "first typed wrong" not in texts
        assert field.value == "25:99 first typed wrong"  # back to be put right
        error = str(app.screen.query_one("#panel-timeline .input-error", Label).render())
        assert error.endswith("; 1 more line waiting, to come back here after Enter")
        await pilot.press("ctrl+u", "enter")  # dropped on purpose: the unended line's turn
        assert field.value == "last"


async def test_the_wrap_up_never_exports_over_the_session(sample_path: Path, tmp_path: Path) -> None:
    session = tmp_path / "notes.md"  # a session file with a document's name
    session.write_bytes(sample_path.read_bytes())
    app = _app(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        field = app.screen.query_one("#export-path", Input)
        assert field.value == str(tmp_path / "notes-document.md")
        field.value = str(session)
        await pilot.press("ctrl+e")
        await pilot.pause()
        result = str(app.screen.query_one("#export-result", Label).render())
        assert result == f"Not written: {session}: is the session file itself; write the document to another file"
        assert app.live.store.save()
    assert load(session).incident.title == load(sample_path).incident.title


async def test_k_picks_a_kind_the_picker_marks_the_current_one_and_durations_follow(
    sample_path: Path,
) -> None:
    from textual.widgets import OptionList, Static

    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        durations = app.screen.query_one("#panel-timeline .durations", Static)
        before = str(durations.render())
        assert "mitigate 3h57m" in before
        await pilot.press("t")
        await _type(pilot, "14:50 traffic shifted to the replica")
        await pilot.press("escape", "k")  # the new entry is selected
        await pilot.pause()
        said = str(app.screen.query_one(".picker-entry", Label).render())
        assert said == "14:50  traffic shifted to the replica"  # which entry it sets
        options = app.screen.query_one(OptionList)
        marked = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert [line for line in marked if "\u2190 now" in line] == ["8  other  \u2190 now"]
        await pilot.press("6")  # mitigated
        await pilot.pause()
        entry = next(e for e in app.live.session.timeline if e.text.startswith("traffic shifted"))
        assert entry.kind == "mitigated"
        assert "mitigate 38m" in str(durations.render())  # 14:12 to 14:50, not to 18:09


async def test_notifications_show_paths_and_values_literally(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.notify("Saved to /tmp/[bold]notes[/bold][1].toml")
        await pilot.pause()
        shown = [note for note in app._notifications]
        assert shown[-1].message == "Saved to /tmp/[bold]notes[/bold][1].toml"
        assert shown[-1].markup is False  # shown as typed, not as bold


async def test_choosing_the_statement_shows_it_to_edit_not_an_empty_field(sample_path: Path) -> None:
    from textual.widgets import TextArea

    app = _app(sample_path)
    statement = app.live.session.root_cause.statement
    assert len(statement) > 200
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("r")
        form = app.screen
        area = form.query_one("#input-statement", TextArea)
        form.query_one("#input-mode", Select).value = "statement"
        await pilot.pause()
        assert area.text == statement  # to edit: saving an empty field would wipe it
        assert area.size.height >= 3  # a paragraph, not one line of it at a time
        form.query_one("#input-mode", Select).value = "factor"
        await pilot.pause()
        assert not form.query_one("#field-statement").display
        assert form.query_one("#input-first", Input).value == ""  # not a factor
        form.query_one("#input-mode", Select).value = "statement"
        await pilot.pause()
        area.load_text(statement + " And the alert came late.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load(sample_path).root_cause.statement == statement + " And the alert came late."


async def test_enter_after_a_why_goes_on_to_its_because(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        await _type(pilot, "Why was nobody watching locks?")  # and Enter
        await pilot.pause()
        assert app.screen is form and form.focused is form.query_one("#input-second")
        await _type(pilot, "No alert on lock time")  # and Enter: saved
        await pilot.pause()
        assert app.screen is not form
    step = app.live.session.root_cause.chains[-1].steps[-1]
    assert (step.why, step.because) == ("Why was nobody watching locks?", "No alert on lock time")


def _contrast(one, other) -> float:  # type: ignore[no-untyped-def]
    """WCAG contrast ratio of two Textual colours."""

    def luminance(color) -> float:  # type: ignore[no-untyped-def]
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_in_high_contrast_every_field_of_a_form_has_a_visible_box(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 40)) as pilot:
        app.theme = "high-contrast"
        await pilot.press("a")
        await pilot.pause()
        owner = app.screen.query_one("#input-owner", Input)
        assert not owner.has_focus
        _, border = owner.styles.border_top
        background = owner.background_colors[0]
        assert _contrast(border, background) >= 3  # a box you can see on a shared screen


async def test_the_checklist_marks_are_coloured_and_a_failed_export_is_notified(
    empty_path: Path, tmp_path: Path
) -> None:

    app = _app(empty_path)
    told: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        await pilot.press("x")
        await pilot.pause()
        shown = app.screen.query_one("#checklist", ChecklistView).render()
        spans = {(shown.plain[span.start:span.end], str(span.style)) for span in shown.spans}
        assert ("\u2717", "bold $error") in spans  # nothing recorded yet: in red, not grey
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "no" / "doc.md")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert told and told[-1].startswith("Not written:")  # seen even with the line out of view


async def test_a_form_takes_typing_at_the_end_of_its_words_and_selects_nothing(
    sample_path: Path,
) -> None:
    """In the field it opens on, and in a field of several lines Tab moves to: typed in
    front, the words stuck to the old ones ('Priya broke itAdd a pipeline...')."""
    from textual.widgets import TextArea

    app = _app(sample_path)
    title = app.live.session.incident.title
    summary = app.live.session.incident.summary
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        field = app.screen.query_one("#input-title", Input)
        assert field.has_focus and field.selection.is_empty  # a key would not replace it all
        await pilot.press("exclamation_mark")
        assert field.value == title + "!"
        await pilot.press("ctrl+u")  # clears it, to type it again
        assert field.value == ""
        area = app.screen.query_one("#input-summary", TextArea)
        area.focus()
        await pilot.pause()
        await pilot.press("space", "X", "Y", "Z")
        assert area.text == summary + " XYZ"


async def test_the_wrap_up_screen_keeps_the_step_countdown_in_view(sample_path: Path) -> None:
    from postmortem_tui.ui.wrap_up_screen import WrapUpScreen

    clock = FakeClock(START)
    app = _app(sample_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "x")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WrapUpScreen)
        bar = screen.query_one(StatusBar)

        def shown() -> tuple[str, str]:
            step = bar.part("step-time")
            return (step.text, step.look) if step else ("", "")

        assert shown() == ("1/7 05:00", "step")
        assert bar.part("title").text.startswith("Checkout outage")
        line = bar.plain  # on the line at 80 columns, beside a shortened title
        assert len(line) <= 80 and " 1/7 05:00 " in line and "Checkout outage" in line
        clock.advance(4 * 60 + 1)
        screen.tick()
        assert shown() == ("1/7 00:59", "warning")
        clock.advance(90)
        screen.tick()
        assert shown() == ("1/7 +00:31", "over")
        await pilot.press("escape", "space", "x")  # paused: grey
        await pilot.pause()
        assert app.screen.query_one(StatusBar).part("step-time").look == "paused"
        await pilot.press("escape")
        await pilot.pause()
        meeting = _screen(app)
        assert meeting.query_one(StatusBar).part("step-time") is None  # the big countdown shows it
        await pilot.press("a")  # a form over the countdown: the header line has the time,
        await pilot.pause()  # at once, not from the next tick (the clock here stands still)
        assert meeting.query_one(StatusBar).part("step-time").text.startswith("1/7 ")
        await pilot.press("escape")
        await pilot.pause()
        assert meeting.query_one(StatusBar).part("step-time") is None
        await pilot.press("question_mark")  # the help too
        await pilot.pause()
        assert meeting.query_one(StatusBar).part("step-time").text.startswith("1/7 ")


async def test_a_step_moved_elsewhere_leaves_a_panel_chosen_here_in_view(sample_path: Path) -> None:
    """The other terminal moves the step: a terminal on the old step's panel follows to the
    new one; one where someone had opened another panel stays on it. A step moved here
    always brings its panel. And an action added from an improvement is shown in the
    Actions panel when its form closes (the Timeline came forward instead)."""
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = _screen(app)
        assert screen.active_panel == "participants"  # step 1's
        app.live.clock_action(lambda clock: clock.go_to(1))  # from the other terminal
        screen.tick()
        await pilot.pause()
        assert screen.active_panel == "timeline"  # was on step 1's panel: follows

        await pilot.press("4")
        await pilot.pause()
        app.live.clock_action(lambda clock: clock.go_to(2))
        screen.tick()
        await pilot.press("a")  # an action from the improvement in view, saved
        await pilot.pause()
        form = app.screen
        form.query_one("#input-owner", Input).value = "Priya Raman"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.active_panel == "action_items"  # the new one
        await pilot.press("4")

        await pilot.press("n")  # moved here (the clock not started: at once): its panel comes forward
        await pilot.pause()
        assert app.live.session.agenda.current == 3 and screen.active_panel == "went_well"


async def test_a_deletion_says_what_it_deleted(sample_path: Path) -> None:
    app = _app(sample_path)
    told: list[str] = []
    app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")  # went well, first row
        await pilot.pause()
        first = app.live.session.went_well[0].text
        await pilot.press("delete")
        await pilot.pause()
    assert told[-1].startswith("Deleted \u201c") and told[-1].endswith("\u201d. ctrl+z brings it back.")
    assert first[:20] in told[-1]


async def test_on_a_big_screen_the_wrap_up_shows_the_export_path_whole(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        field = app.screen.query_one("#export-path", Input)
        assert field.content_region.width >= 80  # a path such as ~/postmortems/2026/... whole; was 36


def test_the_preview_shows_its_first_screens_first_then_the_rest() -> None:
    from postmortem_tui.ui.wrap_up_screen import HEAD_LINES, first_screens

    lines = [f"line {n}\n" for n in range(40)]
    lines[5] = "## Early section\n"
    lines[HEAD_LINES + 3] = "## Timeline\n"
    document = "".join(lines)
    head, rest = first_screens(document)
    assert head + rest == document
    assert rest.startswith("## Timeline\n") and "## Early section" in head
    assert first_screens("# Short\n\nno sections\n") == ("# Short\n\nno sections\n", "")


async def test_the_wrap_up_preview_is_the_whole_document(sample_path: Path) -> None:
    from textual.widgets import Markdown

    from postmortem_tui.export import render

    clock = FakeClock(START)
    app = _app(sample_path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        document = render(app.live.session, now=clock.now())
        head, more = (app.screen.query_one(f"#preview-{part}", Markdown) for part in ("doc", "more"))
        for _ in range(20):  # the rest follows the first screens
            await pilot.pause(0.05)
            if head.source + more.source == document:
                break
        assert head.source + more.source == document
        blocks = [*head.query("MarkdownBlock"), *more.query("MarkdownBlock")]
        headings = [str(block.content).strip() for block in blocks if type(block).__name__ == "MarkdownH2"]
        assert headings[0] == "Summary" and headings[-1] == "Distribution"
        assert more.query("MarkdownTable")  # the timeline and the others, drawn as tables
        # Every paragraph shows, the last one before the rest came too (it was dropped).
        shown = " ".join(str(block.content) for block in blocks if type(block).__name__ == "MarkdownParagraph")
        resolution = app.live.session.incident.resolution
        assert resolution and resolution.split(".")[0] in shown
        assert app.live.session.incident.summary.split(".")[0] in shown


async def test_the_countdown_grows_with_a_shared_screen(sample_path: Path) -> None:
    """Three rows at 80x24, five at 120x40, eight on a 200x60 screen share, overruns too."""
    heights = []
    for size in ((80, 24), (120, 40), (200, 60)):
        app = make_app(sample_path, clock=FakeClock(START))
        async with app.run_test(size=size) as pilot:
            countdown = app.screen.query_one(BigCountdown)
            countdown.value = "+01:32"  # the widest value: the size must not shrink for it
            await pilot.pause()
            heights.append(countdown.size.height)
            assert countdown.region.right <= app.screen.query_one("#left").region.right
    assert heights == [3, 5, 8]


async def _noted_without_a_time(pilot, text: str):  # type: ignore[no-untyped-def]
    """Add a timeline entry with no time (stamped now), close the input, and select its row
    (the last: the meeting is days after the incident); the panel and its table."""
    await pilot.press("t")
    await _type(pilot, text)
    await pilot.press("escape")
    await pilot.pause()
    panel = pilot.app.screen.query_one("#panel-timeline")
    table = panel.query_one(EntryTable)
    table.move_cursor(row=table.row_count - 1)
    await pilot.pause()
    return panel, table


async def test_a_stamped_entry_lists_its_minute_and_names_the_incident_s_zone(
    sample_path: Path,
) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        panel, table = await _noted_without_a_time(pilot, "status page checked again")
        assert table.get_row_at(table.row_count - 1)[0].value == "11-27 10:00"
        assert table.columns["time"].width == len("11-27 10:00")  # type: ignore[index]
        detail = str(panel.detail.render())
        assert detail.startswith("11-27 10:00:00 EST (stamped)")  # New York, not this machine
        await pilot.press("e")  # its edit form says whose clock, and that the app stamped it
        await pilot.pause()
        label = app.screen.query_one("#field-time .field-label", Label)
        assert str(label.render()) == "Time (America/New_York)"
        assert "stamped by the app" in str(app.screen.query_one("#field-time .field-hint", Label).render())


async def test_a_time_typed_over_a_stamp_puts_the_entry_on_the_incident_s_day(
    sample_path: Path,
) -> None:
    """Noted in the meeting three days later without a time, then given its real time: the
    stamp's date (the meeting's) went with the stamp, the row sorted among the incident's,
    and the Time column went back to its width."""
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        _, table = await _noted_without_a_time(pilot, "team lead pinged the DBA")
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#field-time Input", Input)
        field.value = "14:40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [entry] = [e for e in app.live.session.timeline if e.text == "team lead pinged the DBA"]
        assert (entry.time, entry.date, entry.marks) == ("14:40", None, [])
        times = [e.time for e in app.live.session.timeline]
        assert times == sorted(times)  # among the incident's rows, not after them
        await pilot.pause()
        assert table.columns["time"].width < len("11-27 14:40")  # type: ignore[index]


async def test_a_form_cancelled_brings_back_the_panel_it_was_opened_from(sample_path: Path) -> None:
    """Working down the improvements, a (an action from one) or r, then Escape: the
    improvements come back, not the actions or the causes."""
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = _screen(app)
        for key, form_panel in (("a", "action_items"), ("r", "root_cause")):
            await pilot.press("4")
            await pilot.pause()
            assert screen.active_panel == "could_improve"
            await pilot.press(key)
            await pilot.pause()
            assert screen.active_panel == form_panel
            await pilot.press("escape")
            for _ in range(3):
                await pilot.pause()
            assert screen.active_panel == "could_improve", key


async def test_home_and_end_go_to_the_first_and_last_row(sample_path: Path) -> None:
    """DataTable's Home and End move between columns; these lists have rows only, and End
    then Enter edited the first row."""
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        table = app.screen.query_one("#panel-timeline").query_one(EntryTable)
        table.focus()
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_at_80x24_the_root_cause_statement_shows_whole_beside_its_row(sample_path: Path) -> None:
    """The statement (300 characters) was cut at seven lines under the list; then its row
    went out of view above the longer detail."""
    import textwrap

    from postmortem_tui.ui.panels.root_cause_panel import STATEMENT_KEY

    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        panel = app.screen.query_one("#panel-root_cause")
        table = panel.query_one(EntryTable)
        table.select(STATEMENT_KEY)
        for _ in range(3):
            await pilot.pause()
        detail = panel.detail
        width = detail.content_region.width
        statement = app.live.session.root_cause.statement
        assert detail.content_region.height >= 1 + len(textwrap.wrap(statement, width))
        row = table.get_row_index(STATEMENT_KEY)
        top = int(table.scroll_y)
        visible_rows = table.scrollable_content_region.height - table.header_height
        assert top <= row < top + visible_rows


async def test_quitting_names_every_input_that_holds_words(sample_path: Path) -> None:
    """Drafts in two panels: the question named the first only, and 'Quit without it'
    lost the second unnamed."""
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _draft(pilot, "t", "draft one")
        await pilot.press("escape")
        await _draft(pilot, "w", "draft two")
        await pilot.press("escape", "ctrl+q")
        await pilot.pause()
        asked = " ".join(str(label.render()) for label in app.screen.query(Label))
        assert "\u201cdraft one\u201d" in asked and "\u201cdraft two\u201d" in asked


async def test_with_no_chain_yet_the_root_cause_form_offers_the_first(empty_path: Path) -> None:
    """Not 'Why / because (this chain)' and 'start a new chain' when there is no chain."""
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        mode = app.screen.query_one("#input-mode", Select)
        offered = [str(prompt) for prompt, _ in mode._options]
        assert "Why / because (the first chain)" in offered
        assert not any("this chain" in o or "new chain" in o for o in offered)
