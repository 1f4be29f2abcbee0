"""Screens that are not up at launch bring their styles when first opened: they look as
designed, also after the theme changes, and the launch does not parse them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.color import Color
from textual.widget import Widget

from postmortem_tui.ui.app import make_app
from postmortem_tui.ui.styles_on_demand import STYLES

Check = Callable[[Widget], bool]

OPENED_BY: dict[str, tuple[str, str, str, Check]] = {
    # key on the meeting screen: what it opens, its style file, a widget there, as styled
    "a": ("ActionForm", "forms.tcss", ".form", lambda w: w.styles.border_top[0] == "thick"),
    "question_mark": ("HelpScreen", "help.tcss", "#help", lambda w: w.styles.border_top[0] == "thick"),
    "x": ("WrapUpScreen", "forms.tcss", "#wrap-up-side", lambda w: w.styles.border_right[0] == "solid"),
    "f5": (
        "PresenterScreen",
        "presenter.tcss",
        "#presenter-title",
        lambda w: w.styles.background == Color(255, 255, 255),
    ),
}


@pytest.mark.parametrize("key", OPENED_BY)
async def test_a_screen_opened_later_is_styled_by_its_own_file(sample_path: Path, key: str) -> None:
    screen_name, style_file, selector, styled = OPENED_BY[key]
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.stylesheet.has_source(str(STYLES / style_file))  # not parsed at launch
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == screen_name
        assert styled(app.screen.query_one(selector))
        app.theme = "high-contrast"  # every style parsed again: the screen's still apply
        await pilot.pause()
        assert styled(app.screen.query_one(selector))
