"""The panels' tab bar: every title readable, the current one whole and underlined, and a
click on a title brings its panel forward."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app
from postmortem_tui.ui.panels.catalog import PANELS
from postmortem_tui.ui.widgets.entry_table import EntryTable
from postmortem_tui.ui.widgets.panel_tabs import MORE_LEFT, MORE_RIGHT, PanelTabs, lay_out

TITLES = [title for _, title in PANELS]
START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def drawn(titles: list[str], active: int, width: int) -> tuple[str, str]:
    """The two lines of the bar as text: titles, and ``=`` where the underline is."""
    layout = lay_out(titles, active, width)
    line = [" "] * width
    for place in layout.placed:
        line[place.title_start : place.title_end] = titles[place.index]
    if layout.more_left is not None:
        line[layout.more_left] = MORE_LEFT
    if layout.more_right is not None:
        line[layout.more_right] = MORE_RIGHT
    start, end = next(p for p in layout.placed if p.index == active).underlined
    return "".join(line), " " * start + "=" * (end - start) + " " * (width - end)


def test_all_titles_show_with_room_where_they_fit() -> None:
    line, under = drawn(TITLES, 2, 80)
    assert line.rstrip() == " Timeline  Causes  Well  Improve  Lucky  Actions  People  Wrap-up"
    assert line.index("Well") - 1 == under.index("=")  # the padding is underlined too
    assert under.count("=") == len(" Well ")


def test_titles_close_up_before_any_is_hidden() -> None:
    line, under = drawn(TITLES, 6, 58)
    assert line == " Timeline Causes Well Improve Lucky Actions People Wrap-up"
    assert under[line.index("People") :].startswith("======") and under.count("=") == 6


def test_a_narrow_bar_shows_whole_titles_around_the_current_one() -> None:
    for width in range(12, 58):
        for active, title in enumerate(TITLES):
            line, under = drawn(TITLES, active, width)
            assert len(line) == width
            words = line.replace(MORE_LEFT, " ").replace(MORE_RIGHT, " ").split()
            assert title in words, (width, line)
            assert all(word in TITLES for word in words), (width, line)  # none cut
            assert under.strip("= ") == "" and line[under.index("=") :].startswith(title)
            hidden_left = TITLES.index(words[0]) > 0
            hidden_right = TITLES.index(words[-1]) < len(TITLES) - 1
            assert line.startswith(MORE_LEFT) == hidden_left, (width, line)
            assert line.endswith(MORE_RIGHT) == hidden_right, (width, line)


async def test_clicks_and_keys_bring_panels_forward_at_80_columns(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        tabs = screen.query_one(PanelTabs)
        assert screen.active_panel == "participants"  # step 1's panel

        def first_line() -> str:
            return "".join(segment.text for segment in tabs.render_line(0))

        for number, (panel, title) in enumerate(PANELS, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            assert screen.active_panel == panel
            assert title in first_line().split(), first_line()

        await pilot.press("1")
        await pilot.pause()
        line = first_line()
        column = line.index("Causes")
        await pilot.click(PanelTabs, offset=(column + 1, 0))
        await pilot.pause()
        assert screen.active_panel == "root_cause"
        assert app.focused is screen.query_one("#panel-root_cause EntryTable", EntryTable)

        # The mark past the last title shown brings the next one forward.
        await pilot.click(PanelTabs, offset=(tabs.size.width - 1, 0))
        await pilot.pause()
        hidden = [title for _, title in PANELS if title not in line.split()]
        assert screen.active_panel == PANELS[TITLES.index(hidden[0])][0]
        assert first_line().startswith(MORE_LEFT)


async def test_hovering_a_title_names_its_key(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        tabs = app.screen.query_one(PanelTabs)
        line = "".join(segment.text for segment in tabs.render_line(0))
        await pilot.hover(PanelTabs, offset=(line.index("Lucky"), 0))
        await pilot.pause()
        assert tabs.hovered == TITLES.index("Lucky") and tabs.tooltip == "Lucky: key 5"
