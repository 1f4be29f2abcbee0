"""The footer line shows the keys of whatever has the focus, and a click presses a key."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static, TextArea

from postmortem_tui.ui.widgets.key_bar import KeyBar, types_a_character


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


class Typing(App[None]):
    """Keys that type a character, as the meeting screen has them, and text fields."""

    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit"),
        Binding("f1,question_mark", "help", "Help", key_display="?"),
        Binding("t", "add", "Event"),
        Binding("plus", "extend", "+1 min", key_display="+"),
        Binding("f2", "export", "Export"),
    ]

    def compose(self) -> ComposeResult:
        yield Pane("pane", id="pane")
        yield Input(id="input")
        yield TextArea("notes", id="notes")
        yield TextArea("read me", id="read-only", read_only=True)
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


async def test_while_typing_keys_that_type_a_character_are_left_out() -> None:
    app = Typing()
    async with app.run_test() as pilot:
        app.query_one("#pane").focus()
        await pilot.pause()
        assert line(app) == "f Flip x Stuck ^q Quit ? Help t Event + +1 min f2 Export"
        for field in ("#input", "#notes"):
            app.query_one(field).focus()
            await pilot.pause()
            # "?" would type a "?" into the field: Help is shown by its other key
            assert line(app) == "^q Quit F1 Help f2 Export", field
        app.query_one("#read-only").focus()
        await pilot.pause()
        assert line(app) == "^q Quit ? Help t Event + +1 min f2 Export"


def test_keys_that_type_a_character() -> None:
    typing = ["a", "P", "1", "question_mark", "space", "plus", "minus", "number_sign"]
    not_typing = ["enter", "escape", "tab", "delete", "f1", "ctrl+s", "shift+tab"]
    assert [key for key in typing + not_typing if types_a_character(key)] == typing
