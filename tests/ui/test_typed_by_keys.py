"""Driven key by key at 80x24, as people use it: forms, help, the timeline table."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import PostmortemApp, make_app

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _app(path: Path) -> PostmortemApp:
    return make_app(path, clock=FakeClock(START))


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*[{" ": "space", "+": "plus"}.get(ch, ch) for ch in text])


async def test_an_action_item_typed_from_the_first_key(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        before = len(app.live.session.action_items)
        await pilot.press("a")
        await _type(pilot, "Alert on locks held over 30 s")
        await pilot.press("tab")
        await _type(pilot, "Sam Chen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        items = app.live.session.action_items
        assert len(items) == before + 1
        assert items[-1].what == "Alert on locks held over 30 s" and items[-1].owner == "Sam Chen"


async def test_an_edited_note_takes_the_keys_typed(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")  # Went well
        first = app.live.session.went_well[0].text
        await pilot.press("e", "end")
        await _type(pilot, " fast")
        await pilot.press("enter")
        await pilot.pause()
        assert app.live.session.went_well[0].text == first + " fast"


async def test_a_participant_typed_from_the_first_key(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("P")
        await _type(pilot, "Noor Haddad")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.live.session.participants[-1].name == "Noor Haddad"


async def test_a_refused_owner_says_why_once_and_clears_when_corrected(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await _type(pilot, "Alert on long locks")
        await pilot.press("tab")
        await _type(pilot, "Priya Raman and Sam Chen")
        await pilot.press("ctrl+s")
        form = app.screen
        error, live = form.query_one("#error-owner"), form.query_one("#live-owner")
        assert error.display and "2 owners" in str(error.render())
        assert not live.display  # not the same words twice
        await pilot.press(*["backspace"] * len(" and Sam Chen"))
        assert not error.display


async def test_save_and_cancel_stay_in_view_on_a_small_terminal(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen.region
        for button in ("#save", "#cancel"):
            region = app.screen.query_one(button).region
            assert region.height and screen.contains_region(region), button


async def test_the_help_scrolls_to_its_last_key_on_a_small_terminal(sample_path: Path) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help")
        assert box.max_scroll_y > 0  # longer than the screen
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y



async def test_a_dated_timeline_time_is_shown_whole(sample_path: Path) -> None:
    from postmortem_tui.ui.widgets.entry_table import EntryTable

    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await _type(pilot, "no time given here")
        await pilot.press("enter", "escape")
        await pilot.pause()
        table = app.screen.query_one("#panel-timeline EntryTable", EntryTable)
        stamped = next(e for e in app.live.session.timeline if e.text == "no time given here")
        shown = f"{stamped.date:%m-%d} {stamped.time[:5]}"  # a stamp is listed to the minute
        assert table.columns["time"].width >= len(shown)  # type: ignore[index]


async def test_resizing_keeps_the_selected_row(sample_path: Path) -> None:
    from postmortem_tui.ui.widgets.entry_table import EntryTable

    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "down", "down", "down")
        table = app.screen.query_one("#panel-timeline EntryTable", EntryTable)
        chosen = table.selected_key
        assert chosen == app.live.session.timeline[3].id
        await pilot.resize_terminal(130, 40)  # the Kind and Source columns come in
        await pilot.pause()
        assert table.selected_key == chosen


async def test_the_step_prompt_ends_at_a_sentence_on_a_small_screen(sample_path: Path) -> None:
    import textwrap

    from textual.widgets import Static

    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "n", "n")  # the timeline step: its prompt is long
        await pilot.pause()
        box = app.screen.query_one("#step-prompt", Static)
        shown = str(box.render())
        # the short form, whole: the step's question and the one place that names t and k
        assert shown.startswith("Go through it in order") and "\u2026" not in shown
        assert "what did we know, what did we do?" in " ".join(shown.split())
        assert shown.endswith("Press t to add, k for its kind.")
        width, height = box.content_region.size
        assert len(textwrap.wrap(shown, width)) <= height


async def test_save_as_from_the_palette_suggests_a_copy_beside_the_session(
    sample_path: Path,
) -> None:
    from postmortem_tui.persistence import load

    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await _type(pilot, "Save as")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    copy = sample_path.with_name(f"{sample_path.stem}-copy.toml")
    assert load(copy).incident.title == load(sample_path).incident.title


async def test_ctrl_s_saves_now_and_says_where(sample_path: Path) -> None:
    from postmortem_tui.persistence import load

    told: list[str] = []
    app = make_app(sample_path, clock=FakeClock(START), autosave=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        await pilot.press("g")
        await _type(pilot, "the retry queue held")
        await pilot.press("enter", "escape")
        assert "the retry queue held" not in sample_path.read_text()  # no autosave here
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load(sample_path).got_lucky[-1].text == "the retry queue held"
        assert f"Saved to {sample_path}" in told
        assert app.screen.__class__.__name__ == "MeetingScreen"  # no dialog when it worked


async def test_k_away_from_the_timeline_says_what_to_do(sample_path: Path) -> None:
    app = _app(sample_path)
    told: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        await pilot.press("3", "k")  # on Went well
        await pilot.pause()
        assert any("Kinds are for timeline entries" in message for message in told)
        assert app.screen.active_panel == "timeline"


async def test_the_timeline_shows_every_edit_even_at_one_clock_time(sample_path: Path) -> None:
    """Rows are kept between refreshes by id and update time: two edits in the same
    instant of a stopped clock must still both reach the screen."""
    from postmortem_tui import editing
    from postmortem_tui.ui.widgets.entry_table import EntryTable

    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        table = app.screen.query_one("#panel-timeline EntryTable", EntryTable)
        first = app.live.session.timeline[0]
        for text in ("first rewrite", "second rewrite"):
            changed = app.live.session.timeline[0].with_changes(text=text)
            app.live.change(lambda s, c=changed: editing.replace(s, c, clock.now()))
            await pilot.pause()
            row = [str(cell) for cell in table.get_row(first.id)]
            assert row[1] == text


def test_a_prompt_too_long_for_its_box_is_cut_with_an_ellipsis_keeping_the_keys() -> None:
    import textwrap

    from postmortem_tui.ui.widgets.step_panel import fit_prompt

    prompt = (
        "Read the blameless norm aloud (it is shown with the participants), then go round "
        "the room: who is here, and in which role. Press P to add someone."
    )
    assert fit_prompt(prompt, 28, 6) == prompt  # room for all of it
    cut = fit_prompt(prompt, 28, 4)
    assert cut.startswith("Read the blameless norm aloud") and "\u2026 Press P" in cut
    assert len(textwrap.wrap(cut, 28)) == 4  # every row used, none more
    assert fit_prompt(prompt, 28, 1) == "Press P to add someone."


def test_a_prompt_too_long_for_its_box_gives_way_to_its_short_form() -> None:
    import textwrap

    from postmortem_tui.prompts import SHORT_PROMPTS, STEP_PROMPTS
    from postmortem_tui.ui.widgets.step_panel import fit_prompt

    prompt, short = STEP_PROMPTS["timeline"], SHORT_PROMPTS["timeline"]
    assert fit_prompt(prompt, 60, 6, short) == prompt  # room for all of it
    assert fit_prompt(prompt, 28, 5, short) == short  # the question and the keys, whole
    cut = fit_prompt(prompt, 28, 2, short)
    assert cut.startswith("Go through it") and cut.endswith("Press t to add, k for its kind.")
    assert len(textwrap.wrap(cut, 28)) <= 2


async def test_the_prompt_fills_the_rows_a_notice_leaves_when_it_goes(sample_path: Path) -> None:
    import textwrap

    from textual.widgets import Static

    app = _app(sample_path)
    # 23 rows: a row short of 80x24, so that the notice's rows are missed.
    async with app.run_test(size=(80, 23)) as pilot:
        box = app.screen.query_one("#step-prompt", Static)
        await pilot.press("space")  # the "Press space to start" notice goes: rows come free
        await pilot.pause()
        await pilot.pause()
        shown = str(box.render())
        assert shown.startswith("Read the blameless norm")
        width, height = box.content_region.size
        assert height - len(textwrap.wrap(shown, width)) <= 1


async def test_words_typed_in_one_go_after_t_go_into_the_timeline_input(sample_path: Path) -> None:
    """'t14:20 rollback started' in one burst, as a fast typist sends it: the keys after
    t came before the panel's input had the focus, and went to the meeting's keys (1 and 4
    opened panels, r the root-cause form); the words were lost."""
    from textual import events
    from textual.widgets import Input

    from postmortem_tui.ui.meeting_screen import MeetingScreen

    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.active_panel == "participants"
        for character in "t14:20 rollback started":
            key = {" ": "space", ":": "colon"}.get(character, character)
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen  # no form opened
        field = app.focused
        assert isinstance(field, Input) and screen.active_panel == "timeline"
        assert field.value == "14:20 rollback started"
        await pilot.press("enter")
        await pilot.pause()
    texts = [entry.text for entry in app.live.session.timeline]
    assert "rollback started" in texts


async def test_an_enter_in_the_same_burst_adds_the_entry_once_and_empties_the_input(
    sample_path: Path,
) -> None:
    """'t14:21 first burst' and Enter arriving together (a busy moment, a fast typist): the
    Enter came before the input was open, and the words stayed in it after the entry was
    added, so the next Enter added it twice."""
    from textual import events
    from textual.widgets import Input

    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        before = len(app.live.session.timeline)
        for character in "t14:21 first burst\n14:22 second\nthird, unended":
            key = {" ": "space", ":": "colon", ",": "comma", "\n": "enter"}.get(character, character)
            app.post_message(events.Key(key, "\r" if character == "\n" else character))
        for _ in range(4):
            await pilot.pause()
        field = app.focused
        assert isinstance(field, Input) and field.value == "third, unended"
        texts = [entry.text for entry in app.live.session.timeline]
        assert len(texts) == before + 2
        assert texts.count("first burst") == 1 and texts.count("second") == 1


async def test_words_typed_in_one_go_after_a_go_into_the_action_form(sample_path: Path) -> None:
    from textual import events

    from postmortem_tui.ui.forms.action_form import ActionForm

    app = _app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        meeting = app.screen
        for character in "aAlert on lock waits":
            app.post_message(events.Key("space" if character == " " else character, character))
        for _ in range(3):
            await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        assert form.values()["what"] == "Alert on lock waits"
        assert meeting.active_panel == "action_items"  # no other panel, form or screen opened on the way


async def test_at_80x24_every_step_prompt_stays_whole_under_the_press_n_again_notice(
    sample_path: Path,
) -> None:
    """The notice takes two of the step box's rows; the short prompt fits in the rest."""
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        for _ in range(7):
            clock.advance(30)
            await pilot.press("n")  # the step has time left: asks for a second n
            app.screen.tick()
            await pilot.pause()
            notice = str(app.screen.query_one("#step-notice").render())
            prompt = str(app.screen.query_one("#step-prompt").render())
            assert "press n again" in notice
            assert "\u2026" not in prompt and "Press " in prompt, prompt
            await pilot.press("n")


def _burst(app, keys) -> None:  # type: ignore[no-untyped-def]
    """Keys as a terminal hands on a burst (a paste, a text expander, a laggy link): all
    queued before the first is handled."""
    from textual import events

    names = {" ": "space", ":": "colon", "+": "plus", ".": "full_stop", "@": "at"}
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(names.get(key, key), key))
        else:
            app.post_message(events.Key(key, "\r" if key == "enter" else None))


async def test_a_burst_through_the_action_form_lands_field_by_field(sample_path: Path) -> None:
    """'a', words, Tab, a name, Tab, a deadline in one burst put the name before the
    words, or everything in the deadline: the Tab overtook the characters."""
    from postmortem_tui.ui.forms.action_form import ActionForm

    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        _burst(app, ["a", *"Page DBA on lock waits", "tab", *"Aisha Bello", "tab", *"+10d"])
        for _ in range(5):
            await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        values = form.values()
        assert (values["what"], values["owner"], values["deadline"]) == (
            "Page DBA on lock waits", "Aisha Bello", "+10d",
        )


async def test_a_burst_after_p_names_the_participant(sample_path: Path) -> None:
    from postmortem_tui.ui.forms.participant_form import ParticipantForm

    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        _burst(app, ["P", *"Kim Lee", "tab"])
        for _ in range(5):
            await pilot.pause()
        form = app.screen
        assert isinstance(form, ParticipantForm)
        assert form.values()["name"] == "Kim Lee"
        assert not app.live.clock.started  # the space was a name's, not the clock's


async def test_a_burst_through_the_root_cause_form_keeps_why_and_because_apart(
    sample_path: Path,
) -> None:
    from postmortem_tui.ui.forms.root_cause_form import RootCauseForm

    app = _app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        _burst(app, ["r", *"Why did the lock persist", "enter", *"Nothing watched lock waits"])
        for _ in range(5):
            await pilot.pause()
        form = app.screen
        assert isinstance(form, RootCauseForm)
        values = form.values()
        assert (values["first"], values["second"]) == (
            "Why did the lock persist", "Nothing watched lock waits",
        )
