"""Forms on a small terminal: at 80x24 the action form is in view whole, a refused Save
shows every reason, and Tab goes from field to field with no stop in between."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Input, Label

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app
from postmortem_tui.ui.forms.action_form import ActionForm
from postmortem_tui.ui.widgets.key_bar import KeyBar

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _in_view(form: ActionForm, widget: Widget) -> bool:
    box = form.query_one(".form-fields").region
    return widget.display and box.contains_region(widget.region)


async def _action_form(pilot) -> ActionForm:  # type: ignore[no-untyped-def]
    await pilot.press("a")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, ActionForm)
    return form


async def test_at_80x24_every_field_of_the_action_form_is_in_view(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _action_form(pilot)
        keys = [spec.key for spec in form.fields()]
        assert len(keys) == 9
        for key in keys:
            assert _in_view(form, form.query_one(f"#input-{key}")), key
            assert _in_view(form, form.query_one(f"#field-{key} > .field-label")), key
        assert form.query_one("#save").region.bottom <= form.query_one(KeyBar).region.y


async def test_at_80x24_hints_under_owner_and_deadline_leave_every_field_in_view(
    sample_path: Path,
) -> None:
    """A group as owner and a past deadline: each hint stands in for its field's fixed
    hint (the format), so the last field did not go out of view."""
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _action_form(pilot)
        form.query_one("#input-owner", Input).value = "the db team"
        form.query_one("#input-deadline", Input).value = "2026-11-01"
        await pilot.pause()
        for key in ("owner", "deadline"):
            assert form.query_one(f"#live-{key}", Label).display, key
        assert not form.query_one("#field-deadline > .field-hint").display
        for spec in form.fields():
            assert _in_view(form, form.query_one(f"#input-{spec.key}")), spec.key
        form.query_one("#input-deadline", Input).value = "+14d"
        await pilot.pause()
        assert form.query_one("#field-deadline > .field-hint").display  # the format again


@pytest.mark.parametrize("key", ["a", "d", "r", "P"])
async def test_at_80x24_every_form_shows_its_buttons_inside_its_box(sample_path: Path, key: str) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        form = app.screen
        box = form.query_one(".form")
        inside = box.region.shrink(box.styles.gutter)  # not on the box's border
        assert inside.contains_region(form.query_one("#save").region), key
        assert box.region.bottom <= form.query_one(KeyBar).region.y


@pytest.mark.parametrize("key", ["a", "d", "r", "P"])
async def test_at_80x24_no_field_label_is_cut(sample_path: Path, key: str) -> None:
    from rich.cells import cell_len

    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        for label in app.screen.query(".field-label").results(Label):
            if not label.region:
                continue  # a field hidden in this form's mode (a factor's category)
            text = str(label.render())
            room = label.content_region.intersection(label.parent.content_region)  # type: ignore[union-attr]
            assert cell_len(text) <= room.width, text


async def test_the_footer_under_a_dialog_shows_the_dialog_s_keys(sample_path: Path) -> None:
    """Not the meeting's keys under it: n would type an n, not go to the next step."""
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _action_form(pilot)
        assert form.query_one(KeyBar).render().plain == "esc Cancel ^s Save"
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query_one(KeyBar).render().plain == "esc Close"
        await pilot.press("escape", "1", "k")  # the kind picker, on a timeline row
        await pilot.pause()
        assert app.screen.query_one(KeyBar).render().plain == "esc Cancel 1-8 Pick a kind"


async def test_a_refused_save_at_80x24_shows_every_reason_and_names_the_fields(
    sample_path: Path,
) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _action_form(pilot)
        form.query_one("#input-what", Input).value = "Alert when a lock is held over 30 s"
        form.query_one("#input-owner", Input).value = ""
        form.query_one("#input-deadline", Input).value = "next tuesday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)  # refused
        for key in ("owner", "deadline"):
            error = form.query_one(f"#error-{key}", Label)
            assert _in_view(form, error), key
        assert "not a date" in str(form.query_one("#error-deadline", Label).render())
        problems = form.query_one(".form-problems", Label)
        assert problems.display and str(problems.render()) == "to put right: Owner, Deadline"
        assert problems.region.right <= 80
        form.query_one("#input-deadline", Input).value = "+14d"  # put right: no longer named
        await pilot.pause()
        assert str(problems.render()) == "to put right: Owner"
        form.query_one("#input-owner", Input).value = "Priya Raman"  # the last one
        await pilot.pause()
        assert not problems.display and form.query_one(".form-keys").display


async def test_a_form_is_drawn_at_its_size_from_its_first_frame(sample_path: Path) -> None:
    """At 80x24 a form takes the full width with its fields unboxed, from the first frame on
    (the size classes used to come with the first resize, a frame later)."""
    drawn: list[tuple[int, int]] = []
    draw = ActionForm._compositor_refresh

    def first_frame(screen: ActionForm) -> None:
        draw(screen)
        if not drawn:
            drawn.append((screen.query_one(".form").region.width, screen.query_one("#input-what").region.height))

    app = make_app(sample_path, clock=FakeClock(START))
    ActionForm._compositor_refresh = first_frame  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await _action_form(pilot)
    finally:
        ActionForm._compositor_refresh = draw  # type: ignore[method-assign]
    assert drawn == [(80, 1)]


async def test_an_open_list_in_an_unboxed_form_keeps_its_frame(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _action_form(pilot)
        form.query_one("#input-impact").focus()
        await pilot.press("enter")
        await pilot.pause()
        overlay = form.query_one("#input-impact SelectOverlay")
        assert overlay.display and overlay.styles.border_top[0] == "tall"


async def test_tab_goes_round_the_form_without_a_stop_between_fields(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _action_form(pilot)
        stops = len(form.fields()) + 2  # and Save and Cancel
        first = app.focused
        seen = []
        for _ in range(stops):
            await pilot.press("tab")
            seen.append(app.focused)
        assert seen[-1] is first  # round in as many presses as there are fields and buttons
        assert all(widget.id in ("save", "cancel") or (widget.id or "").startswith("input-") for widget in seen)


async def test_a_tall_terminal_keeps_the_fields_boxed(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(120, 50)) as pilot:
        form = await _action_form(pilot)
        assert form.query_one("#input-what", Input).region.height == 3
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert form.query_one("#input-what", Input).region.height == 1


@pytest.mark.parametrize("size", [(100, 30), (120, 40), (200, 60)])
async def test_every_field_of_the_action_form_is_in_view_at_every_size(
    sample_path: Path, size: tuple[int, int]
) -> None:
    """Boxed fields at 100x30 and 120x40 left the last few to scroll to (at 80x24, unboxed,
    all were in view)."""
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=size) as pilot:
        form = await _action_form(pilot)
        for spec in form.fields():
            assert _in_view(form, form.query_one(f"#input-{spec.key}")), (size, spec.key)


async def test_the_focused_fields_label_is_the_one_marked(sample_path: Path) -> None:
    """A reviewer found the first field's label kept its highlight after Tab moved on: on
    an unboxed form that told a screen share the wrong field was being typed into."""
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _action_form(pilot)

        def marked() -> list[str]:
            return [
                spec.key
                for spec in form.fields()
                if form.query_one(f"#field-{spec.key} > .field-label").styles.text_style.bold
            ]

        assert marked() == ["what"]
        await pilot.press("tab", "tab", "tab")
        await pilot.pause()
        assert app.focused is form.query_one("#input-impact")
        assert marked() == ["impact"]


async def test_the_owner_field_completes_a_participants_name(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _action_form(pilot)
        owner = form.query_one("#input-owner", Input)
        owner.focus()
        await pilot.press("p", "r", "i")
        await pilot.pause()
        await pilot.press("right")  # takes the completion shown
        assert owner.value == "Priya Raman"


async def test_a_name_being_typed_is_not_called_absent_while_it_completes(sample_path: Path) -> None:
    """'Pri', on its way to Priya Raman, was flagged as not in the participants list; a name
    no participant's starts with still is."""
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        form = await _action_form(pilot)
        owner = form.query_one("#input-owner", Input)
        owner.focus()
        live = form.query_one("#live-owner", Label)
        await pilot.press("p", "r", "i")
        await pilot.pause()
        assert not live.display
        await pilot.press("right")
        await pilot.pause()
        assert owner.value == "Priya Raman" and not live.display
        owner.value = "Quentin"
        await pilot.pause()
        assert live.display and "not in the participants list" in str(live.render())


async def test_a_form_shows_the_step_s_countdown_at_full_contrast(sample_path: Path) -> None:
    """The meeting's header is dimmed under a form; the room keeps the time in view in the
    form's own title row, in the countdown's colours."""
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _action_form(pilot)
        shown = form.query_one(".form-clock", Label)
        assert not shown.display  # the meeting has not started: no time to keep
        await pilot.press("escape")
        await pilot.press("space")
        clock.advance(4 * 60)  # a minute left of step 1's five
        form = await _action_form(pilot)
        assert shown is not form.query_one(".form-clock", Label)
        shown = form.query_one(".form-clock", Label)
        assert shown.display and str(shown.render()) == "1/7 01:00"
        assert shown.has_class("-warning")
