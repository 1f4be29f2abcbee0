"""The footer shows the keys of whatever has the focus, though it skips rebuilding when
they stay the same."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from postmortem_tui.ui.widgets.key_footer import KeyFooter


class Pane(Static, can_focus=True):
    BINDINGS = [Binding("f", "flip", "Flip")]

    def action_flip(self) -> None:
        self.update("flipped")


class Demo(App[None]):
    BINDINGS = [Binding("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Pane("pane", id="pane")
        yield Input(id="input")
        yield KeyFooter(compact=True, show_command_palette=False)


def shown(app: App) -> list[str]:
    return [key.description for key in app.screen.query("FooterKey")]


async def test_the_footer_follows_the_focus() -> None:
    app = Demo()
    async with app.run_test() as pilot:
        app.query_one("#pane").focus()
        await pilot.pause()
        assert shown(app) == ["Flip", "Quit"]

        app.query_one("#input").focus()
        await pilot.pause()
        assert shown(app) == ["Quit"]

        app.query_one("#pane").focus()
        await pilot.pause()
        assert shown(app) == ["Flip", "Quit"]
