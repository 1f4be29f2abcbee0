"""Facilitation guidance on the meeting screen: gentle hints that never block typing."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from textual.widgets import DataTable, Input, Label, Static

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import PostmortemApp, make_app
from postmortem_tui.ui.widgets.checklist_view import ChecklistView
from postmortem_tui.ui.widgets.status_bar import StatusBar

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _app(path: Path, clock: FakeClock | None = None) -> PostmortemApp:
    return make_app(path, clock=clock or FakeClock(START))


async def test_blameful_wording_gets_a_hint_while_typing_and_still_saves(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        field = app.focused
        assert isinstance(field, Input)
        field.insert_text_at_cursor("Sam should have checked the lock before deploying")
        await pilot.pause()
        hint = str(app.screen.query_one("#panel-could_improve .input-hint", Label).render())
        assert hint.startswith("\u2691")
        await pilot.press("enter")
        assert app.live.session.could_improve[-1].text.startswith("Sam should have")
        detail = str(app.screen.query_one("#panel-could_improve .detail", Static).render())
        assert "\u2691" in detail  # the saved entry keeps its hint in the detail line


async def test_system_wording_gets_no_hint(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        app.focused.insert_text_at_cursor("the job should have retried after the lock timeout")
        await pilot.pause()
        hint = app.screen.query_one("#panel-could_improve .input-hint", Label)
        assert str(hint.render()) == ""


async def test_action_form_shows_quality_hints_but_saves(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("a")
        form = app.screen
        form.query_one("#input-what", Input).value = "look into the database"
        form.query_one("#input-owner", Input).value = "Pat Doe"
        await pilot.pause()
        what = str(form.query_one("#live-what", Label).render())
        owner = str(form.query_one("#live-owner", Label).render())
        assert "look into" in what
        assert owner.startswith("note:") and "not in the participants list" in owner
        await pilot.press("ctrl+s")
        assert app.live.session.action_items[-1].what == "look into the database"


async def test_wrap_up_counts_the_hints(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("8")
        checklist = app.screen.query_one("#panel-wrap_up .checklist", ChecklistView).plain
        assert "Guidance hints: 0" in checklist
        await pilot.press("i")
        app.focused.insert_text_at_cursor("human error by the on-call engineer")
        await pilot.press("enter", "escape", "8")
        checklist = app.screen.query_one("#panel-wrap_up .checklist", ChecklistView).plain
        assert "Guidance hints: 1" in checklist


async def test_rebalance_takes_the_overrun_from_later_steps(empty_path: Path) -> None:
    clock = FakeClock(START)
    app = _app(empty_path, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("space")
        clock.advance(15 * 60)  # step 1 has 5 minutes: 10 over
        app.screen.tick()
        status = app.screen.query_one(StatusBar).part("projected").text
        assert "(+10 min)" in status
        await pilot.press("b")
        plan = str(app.screen.query_one(".plan", Static).render())
        assert "15 \u2192" in plan  # the timeline step gives some of its minutes
        await pilot.press("y")
        agenda = app.live.session.agenda
        assert sum(step.minutes for step in agenda.steps[1:]) == 75 - 10
        assert all(step.minutes >= 2 for step in agenda.steps)
        assert agenda.steps[0].minutes == 5  # the step under way keeps its time
        app.screen.tick()
        assert "+" not in app.screen.query_one(StatusBar).part("projected").text
        saved = app.live.store
        assert saved.save()
    text = empty_path.read_text()
    assert "rebalanced_at" in text and "allotted_minutes" in text


async def test_rebalance_on_pace_changes_nothing(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "b")
        assert app.screen.__class__.__name__ == "MeetingScreen"
        assert all(step.allotted_minutes is None for step in app.live.session.agenda.steps)


async def test_impact_grid_places_every_action(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v")
        cell = str(app.screen.query_one("#cell-0-0", Static).render())  # high impact, low effort
        assert cell.startswith("P1")
        assert cell.count("#") == 2  # the review rule and the off-peak schedule
        cells = [str(w.render()) for w in app.screen.query(".grid-cell")]
        assert sum(c.count("\n#") for c in cells) == 6


async def test_criteria_form_suggests_and_stores(empty_path: Path) -> None:
    app = _app(empty_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c")
        app.screen.query_one("#input-other", Input).value = "a regulator asked for it"
        await pilot.press("ctrl+s")
        assert app.live.session.criteria.met == ["other"]
        assert app.live.session.criteria.other == "a regulator asked for it"


async def _backlog_summary(pilot) -> str:  # type: ignore[no-untyped-def]
    """Open the backlog check and wait for its summary (the sessions are read in a thread)."""
    await pilot.press("o")
    for _ in range(50):
        await pilot.pause(0.05)
        summary = str(pilot.app.screen.query_one("#backlog-summary", Static).render())
        if "open actions" in summary:
            break
    return summary


async def test_backlog_check_finds_open_actions_on_the_same_service(
    sample_path: Path, private_dirs: Path
) -> None:
    import shutil

    from postmortem_tui.paths import sessions_dir

    folder = sessions_dir()
    folder.mkdir(parents=True)
    earlier = folder / "earlier.toml"
    shutil.copy(sample_path, earlier)
    text = earlier.read_text()
    earlier.write_text(text.replace("deadline = 2026-12-11", "deadline = 2026-01-01", 1))
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        summary = await _backlog_summary(pilot)
        assert summary.startswith("6 open actions from other post-mortems touch checkout")
        table = app.screen.query_one("#backlog-rows", DataTable)
        deadlines = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        assert "2026-01-01 overdue" in deadlines
        assert table.columns["due"].width >= len("2026-01-01 overdue")  # whole, not "… o"


async def test_at_80x24_every_backlog_column_is_in_view(sample_path: Path, private_dirs: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _backlog_summary(pilot)
        table = app.screen.query_one("#backlog-rows", DataTable)
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no scrolling
        assert [str(column.label) for column in table.columns.values()] == ["Open action", "Owner", "Deadline", "From"]
        assert all(column.width >= len(str(column.label)) for column in table.columns.values())


async def test_backlog_with_nothing_found_says_where_it_looked(
    sample_path: Path, private_dirs: Path
) -> None:
    from postmortem_tui.paths import sessions_dir

    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        summary = await _backlog_summary(pilot)
        assert summary.startswith(f"No open actions from other post-mortems in {sessions_dir()}")


async def test_blaming_words_get_a_hint_in_every_form_of_words(sample_path: Path) -> None:
    """The timeline entry and note edit forms and the details' paragraphs too, not only
    the action and root-cause forms."""
    from textual.widgets import Label, TextArea

    app = _app(sample_path)
    name = app.live.session.participants[0].name
    blaming = f"{name} broke it by ignoring the alert"
    async with app.run_test(size=(120, 40)) as pilot:
        for panel, field in (("1", "#input-text"), ("3", "#input-text"), ("d", "#input-trigger")):
            await pilot.press(panel)
            if panel != "d":
                await pilot.press("e")  # edit the selected entry
            await pilot.pause()
            form = app.screen
            widget = form.query_one(field)
            if isinstance(widget, TextArea):
                widget.load_text(blaming)
            else:
                widget.value = blaming
            await pilot.pause()
            hint = form.query_one(field.replace("#input-", "#live-"), Label)
            assert hint.display and "makes a person the subject" in str(hint.render()), panel
            await pilot.press("escape")
            await pilot.pause()
            if app.screen is not form and app.screen.__class__.__name__ == "DiscardChangesScreen":
                await pilot.press("ctrl+d")
                await pilot.pause()


async def test_the_backlog_shows_the_selected_action_whole_under_its_cut_columns(
    sample_path: Path, private_dirs: Path
) -> None:
    import shutil

    from textual.widgets import Static

    from postmortem_tui.paths import sessions_dir

    folder = sessions_dir()
    folder.mkdir(parents=True)
    shutil.copy(sample_path, folder / "earlier.toml")
    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _backlog_summary(pilot)
        await pilot.pause()
        table = app.screen.query_one("#backlog-rows", DataTable)
        first = str(table.get_row_at(0)[0])
        assert first.endswith("\u2026") or len(first) > table.columns["action"].width  # cut
        await pilot.press("down")
        await pilot.pause()
        detail = str(app.screen.query_one("#backlog-detail", Static).render())
        words = app.screen._items[1].action.what  # type: ignore[attr-defined]
        assert detail.startswith(words) and "due " in detail and "from Checkout outage" in detail
