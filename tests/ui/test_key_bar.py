"""The footer line shows the keys of whatever has the focus, and a click presses a key."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from postmortem_tui.ui.widgets.key_bar import KeyBar


class Pane(Static, can_focus=True):
    BINDINGS = [
        Binding("f", "flip", "Flip", tooltip="Turn the pane over"),
        Binding("g", "flip", "Flip again"),
        Binding("h", "hidden", "Hidden", show=False),
        Binding("x", "stuck", "Stuck"),
    ]

    def action_flip(self) -> None:
        self.update("flipped")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "stuck" else True


class Demo(App[None]):
    BINDINGS = [Binding("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Pane("pane", id="pane")
        yield Input(id="input")
        yield KeyBar()


def line(app: App) -> str:
    return app.query_one(KeyBar).render().plain


async def test_the_line_follows_the_focus() -> None:
    app = Demo()
    async with app.run_test() as pilot:
        app.query_one("#pane").focus()
        await pilot.pause()
        assert line(app) == "f Flip x Stuck ^q Quit"

        app.query_one("#input").focus()
        await pilot.pause()
        assert line(app) == "^q Quit"

        app.query_one("#pane").focus()
        await pilot.pause()
        assert [key.description for key in app.query_one(KeyBar).keys] == [
            "Flip",
            "Stuck",
            "Quit",
        ]


async def test_a_click_on_a_key_presses_it() -> None:
    app = Demo()
    async with app.run_test() as pilot:
        app.query_one("#pane").focus()
        await pilot.pause()
        await pilot.click(KeyBar, offset=(3, 0))  # on "Flip"
        await pilot.pause()
        assert str(app.query_one("#pane").render()) == "flipped"


async def test_a_disabled_key_is_dim_and_a_click_on_it_rings_the_bell() -> None:
    app = Demo()
    bells: list[None] = []
    app.bell = lambda: bells.append(None)  # type: ignore[method-assign]
    async with app.run_test() as pilot:
        pane = app.query_one("#pane")
        pane.focus()
        await pilot.pause()
        bar = app.query_one(KeyBar)
        stuck = bar.render()
        start = stuck.plain.index("x Stuck")
        assert any(span.start <= start and "dim" in str(span.style) for span in stuck.spans)
        await pilot.click(KeyBar, offset=(start + 2, 0))
        await pilot.pause()
        assert str(pane.render()) == "pane"
        assert len(bells) == 1
        assert bar.key_at(start + 2).description == "Stuck"
        assert bar.key_at(start - 1) is None  # the space between two keys


async def test_the_key_under_the_pointer_shows_its_tooltip() -> None:
    app = Demo()
    async with app.run_test() as pilot:
        app.query_one("#pane").focus()
        await pilot.pause()
        await pilot.hover(KeyBar, offset=(0, 0))
        await pilot.pause()
        assert app.query_one(KeyBar).tooltip == "Turn the pane over"
