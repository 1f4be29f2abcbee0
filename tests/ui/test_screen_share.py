"""What the room reads on a screen share: a paused clock looks paused, and the key durations
and who is here are readable (contrast at least 4.5:1, the WCAG AA figure)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from textual.color import Color
from textual.widget import Widget

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app
from postmortem_tui.ui.widgets.big_countdown import BigCountdown

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def contrast_of(text, back) -> float:  # type: ignore[no-untyped-def]
    """Of two Rich colours, as drawn."""
    return _ratio(Color.from_rich_color(text), Color.from_rich_color(back))


def contrast(widget: Widget) -> float:
    """Of the widget's text on what is behind it."""
    back, fore = widget.background_colors
    text = back + fore + widget.styles.color  # as Textual draws it: blended onto the back
    return _ratio(text, back + fore)


def _ratio(text: Color, ground: Color) -> float:
    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    high, low = sorted((luminance(text), luminance(ground)), reverse=True)
    return (high + 0.05) / (low + 0.05)


async def test_a_paused_clock_is_grey_and_a_running_one_is_not(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        await pilot.pause()
        digits = app.screen.query_one(BigCountdown)
        running = digits.styles.color
        await pilot.press("space")
        await pilot.pause()
        assert "Paused" in str(app.screen.query_one("#step-notice").render())
        paused = digits.styles.color
        assert running.hsl.s > 0.3 and paused.hsl.s < 0.05  # green, then grey


async def test_the_durations_and_presence_lines_are_readable(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        durations = app.screen.query_one("#panel-timeline .durations")
        assert "detect" in str(durations.render())
        assert contrast(durations) >= 4.5
        presence = app.screen.query_one("StatusBar").get_component_rich_style("status-bar--presence")
        assert contrast_of(presence.color, presence.bgcolor) >= 4.5


async def test_at_80x24_the_actions_show_who_owns_each(sample_path: Path) -> None:
    from postmortem_tui.ui.widgets.entry_table import EntryTable

    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        table = app.screen.query_one("#panel-action_items EntryTable", EntryTable)
        owners = {str(table.get_row_at(i)[-1]) for i in range(table.row_count)}
    assert owners == {a.owner for a in app.live.session.action_items}  # whole names


async def test_the_actions_are_numbered_as_the_document_and_checklist_number_them(
    sample_path: Path,
) -> None:
    from postmortem_tui.export import render
    from postmortem_tui.ui.widgets.entry_table import EntryTable

    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        table = app.screen.query_one("#panel-action_items EntryTable", EntryTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
    document = render(app.live.session)
    for number, _, words, *_ in rows:
        start = words.rstrip("\u2026")
        assert f"| {number} | {start}" in document, (number, words)


LIGHT_AND_DARK = ("textual-dark", "textual-light", "atom-one-light", "catppuccin-latte", "nord", "high-contrast")


async def test_the_countdown_and_the_header_read_on_light_and_dark_themes(sample_path: Path) -> None:
    """Green, amber and red digits at least 3:1 (large type, WCAG AA) in every state: the
    themes' own green and amber on white were 1.4:1, their red on black 3.4:1."""
    clock = FakeClock(START)
    app = make_app(sample_path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        screen = app.screen
        digits = screen.query_one(BigCountdown)
        low: list[str] = []
        for theme in LIGHT_AND_DARK:
            app.theme = theme
            for state, seconds in (("running", 0), ("under two minutes", 4 * 60), ("over", 120)):
                clock.advance(seconds)
                screen.tick()
                await pilot.pause()
                assert screen.clock_view().phase == {"running": "normal", "over": "over"}.get(state, "warning")
                if contrast(digits) < 3:
                    low.append(f"{theme} {state} digits {contrast(digits):.1f}")
            clock.advance(-6 * 60)
            screen.tick()
        assert low == []


async def test_an_unticked_role_shows_an_empty_box_and_a_ticked_one_its_x(sample_path: Path) -> None:
    """Textual's dim X in an unticked box read as ticked on a shared screen."""
    from textual.widgets import SelectionList

    for theme in ("textual-dark", "high-contrast", "textual-light"):
        app = make_app(sample_path, clock=FakeClock(START))
        async with app.run_test(size=(100, 30)) as pilot:
            app.theme = theme
            await pilot.press("P")
            await pilot.pause()
            roles = app.screen.query_one(SelectionList)
            empty = roles.get_component_rich_style("selection-list--button")
            ticked = roles.get_component_rich_style("selection-list--button-selected")
            assert empty.color == empty.bgcolor, theme  # the X does not show
            assert ticked.color != ticked.bgcolor and ticked.bold, theme


async def test_the_import_dialog_s_unticked_box_is_empty_and_its_ticked_box_shows_its_x(
    sample_path: Path,
) -> None:
    """The "all times" box: Textual draws a dim X in it when unticked, as in a role list."""
    from textual.widgets import Checkbox

    for theme in ("textual-dark", "high-contrast", "textual-light"):
        app = make_app(sample_path, clock=FakeClock(START))
        async with app.run_test(size=(100, 30)) as pilot:
            app.theme = theme
            await pilot.press("m")
            await pilot.pause()
            box = app.screen.query_one("#import-all", Checkbox)
            empty = box.get_component_rich_style("toggle--button")
            assert empty.color == empty.bgcolor, theme  # the X does not show
            box.value = True
            await pilot.pause()
            ticked = box.get_component_rich_style("toggle--button")
            assert ticked.color != ticked.bgcolor and ticked.bold, theme


def test_a_long_checklist_line_goes_on_under_its_words_not_its_mark() -> None:
    from postmortem_tui.ui.widgets.checklist_view import hanging

    lines = [
        "\u2713 Key durations can be computed from the timeline",
        "      went well: the \u00abon-call engineer ignored\u00bb the alert: makes a person the subject",
        "\u2717 \u5ba2\u6237\u8ba2\u5355" * 4,  # wide characters: left to the widget to wrap
    ]
    shown = hanging(lines, 40)
    assert shown[:2] == ["\u2713 Key durations can be computed from the", "  timeline"]
    assert shown[2].startswith("      went well:") and all(row.startswith(" " * 8) for row in shown[3:-1])
    assert all(len(row) <= 40 for row in shown[:-1]) and shown[-1] == lines[2]


async def test_the_wrap_up_checklist_wraps_with_hanging_indents_at_80x24(empty_path: Path) -> None:
    from postmortem_tui.ui.widgets.checklist_view import MARK_STYLES, ChecklistView

    app = make_app(empty_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        view = app.screen.query_one("#checklist", ChecklistView)
        rows = view.render().wrap(view.content_region.width)
        assert len(rows) > len(view.plain.splitlines())  # some lines wrapped at this width
        assert view.size.height == len(rows)
        for row in rows:
            assert row.plain[:1] in MARK_STYLES or row.plain.startswith("  "), row.plain
