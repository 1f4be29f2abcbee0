"""The agenda column draws its seven rows itself: cut titles, literal text, repaint on change."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult

from postmortem_tui.clock_view import StepLine
from postmortem_tui.ui.widgets.agenda_list import AgendaList, fit

LINES = (
    StepLine(1, "Set the tone", "6/5", "done", True),
    StepLine(2, "[bold]Timeline[/] reconstruction \x1b[31m|#", "15", "running", False),
    *(StepLine(n, f"Step {n}", "10", "upcoming", False) for n in range(3, 8)),
)


class AgendaApp(App[None]):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width
        self.chosen: list[int] = []

    def compose(self) -> ComposeResult:
        agenda = AgendaList(LINES, id="agenda")
        agenda.styles.width = self.width
        yield agenda

    def on_agenda_list_step_chosen(self, event: AgendaList.StepChosen) -> None:
        self.chosen.append(event.index)


def rows(app: App) -> list[str]:
    agenda = app.query_one(AgendaList)
    return [agenda.render_line(y).text for y in range(agenda.size.height)]


def test_a_long_title_is_cut_with_an_ellipsis_to_the_cells_it_has() -> None:
    assert fit("Timeline reconstruction", 10) == "Timeline \u2026"
    assert fit("short", 8) == "short   "
    wide = fit("\u65e5\u672c\u8a9e\u306e\u624b\u9806\u66f8", 7)  # two cells a character
    assert wide.endswith("\u2026") and cell_len(wide) == 7


async def test_each_step_is_a_row_with_its_mark_title_and_minutes_and_typed_text_is_literal() -> None:
    app = AgendaApp(width=80)
    async with app.run_test(size=(80, 10)):
        shown = rows(app)
        assert len(shown) == 7
        assert shown[0].startswith("\u2713 1 Set the tone") and shown[0].endswith("6/5")
        assert "[bold]Timeline[/] reconstruction \u241b[31m|#" in shown[1]  # ESC made visible
        assert shown[1].startswith("\u25b6 2") and shown[1].endswith("15")
        assert all(len(row) == 80 for row in shown)


async def test_at_a_narrow_width_titles_are_cut_and_the_minutes_stay_whole() -> None:
    app = AgendaApp(width=20)
    async with app.run_test(size=(40, 10)):
        shown = rows(app)
        assert shown[1] == "\u25b6 2 [bold]Time\u2026   15"  # 4 + 11 + 5 cells
        assert all(len(row) == 20 for row in shown)


async def test_a_changed_step_is_drawn_anew_and_a_click_chooses_its_row() -> None:
    app = AgendaApp(width=40)
    async with app.run_test(size=(40, 10)) as pilot:
        agenda = app.query_one(AgendaList)
        before = rows(app)
        moved = list(LINES)
        moved[1] = LINES[1]._replace(state="done", minutes="12/15")
        moved[2] = LINES[2]._replace(state="running")
        agenda.show(moved)
        await pilot.pause()
        after = rows(app)
        assert after[0] == before[0]
        assert after[1].startswith("\u2713 2") and after[1].endswith("12/15")
        assert after[2].startswith("\u25b6 3")
        await pilot.click(AgendaList, offset=(3, 4))
        await pilot.pause()
    assert app.chosen == [4]
