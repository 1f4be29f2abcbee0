"""The header line: what it keeps in view when there is not room for everything."""

from __future__ import annotations

from textual.app import App, ComposeResult

from postmortem_tui.ui.widgets.status_bar import TITLE_MIN, StatusBar

PARTS = dict(
    severity="SEV1",
    title="Checkout outage: a database migration locked the orders table",
    wall="14:00",
    used="12/90 min",
    projected="ends 15:30",
    late=False,
    saved="saved 14:00:00",
    save_failed=False,
)


class OneBar(App):
    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")


async def test_the_title_gives_way_and_the_rest_keeps_to_the_right() -> None:
    app = OneBar()
    async with app.run_test(size=(80, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.show(**PARTS)
        await pilot.pause()
        line = bar.plain
        assert len(line) == 80 and line.endswith(" saved 14:00:00 ")
        assert " Checkout outage: a data" in line and "\u2026" in line
        bar.show(**{**PARTS, "title": "Short"})
        await pilot.pause()
        assert len(bar.plain) == 80 and bar.plain.endswith(" saved 14:00:00 ")


async def test_a_long_save_failure_ends_in_an_ellipsis_on_the_line() -> None:
    failure = "NOT SAVED: the folder /home/dana/postmortems/2026 no longer exists; ctrl+s retries"
    app = OneBar()
    async with app.run_test(size=(80, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.show(**{**PARTS, "saved": failure, "save_failed": True})
        await pilot.pause()
        line = bar.plain
        assert len(line) <= 80 and line.rstrip().endswith("\u2026")
        assert " NOT SAVED: the folder" in line
        title = next(cells for part, cells in bar.line(80) if part.name == "title")
        assert len(title) == TITLE_MIN and title.startswith(" Checkout")  # what it keeps
        assert bar.part("saved").look == "failed"


async def test_typed_markup_and_control_characters_show_literally() -> None:
    app = OneBar()
    async with app.run_test(size=(100, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.show(**{**PARTS, "title": "[bold]x[/] \x1b[31mred"})
        await pilot.pause()
        assert "[bold]x[/]" in bar.plain and "\x1b" not in bar.plain
        assert "[31mred" in bar.plain


class StepBar(App):
    def compose(self) -> ComposeResult:
        yield StatusBar(step_time=True, id="status")


async def test_a_save_time_that_does_not_fit_drops_its_last_figures_not_cut_mid_word() -> None:
    """At 80 columns under a dialog, where the step's time joins the line."""
    app = StepBar()
    async with app.run_test(size=(80, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.show(**{**PARTS, "saved": "saved Nov 25 15:49", "step_time": "2/7 +03:08"})
        await pilot.pause()
        assert bar.plain.rstrip().endswith(" saved Nov 25") and "\u2026 " not in bar.plain[-16:]
        bar.show(**{**PARTS, "saved": "saved 15:49:07", "step_time": "2/7 +03:08", "wall": "15:49:10"})
        await pilot.pause()
        assert bar.plain.rstrip().endswith(" saved 15:49")


async def test_who_else_is_here_shrinks_to_a_count_before_the_title_gives_way() -> None:
    app = OneBar()
    async with app.run_test(size=(160, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.show(**PARTS, presence="2 open: you (facilitator), Jordan (note-taker)")
        await pilot.pause()
        assert " 2 open: you (facilitator), Jordan (note-taker) " in bar.plain
        assert PARTS["title"][:38] in bar.plain  # the names take no more of the title than this
        await pilot.resize_terminal(120, 3)  # the names would cut the title short: a count
        await pilot.pause()
        assert " 2 open " in bar.plain and PARTS["title"][:55] in bar.plain
        await pilot.resize_terminal(80, 3)
        await pilot.pause()
        assert " 2 open " in bar.plain and "Jordan" not in bar.plain
        assert len(bar.plain) == 80 and bar.plain.endswith(" saved 14:00:00 ")
