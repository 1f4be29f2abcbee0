"""Styles of the screens that are not up at launch, added when the first of them is made.

At launch Textual parses every file in ``App.CSS_PATH``; the forms', help's and presenter's
styles were half of ours, parsed before the first frame for screens that may never open.
Textual's own per-screen ``CSS_PATH`` would defer them, but at the first such screen it
parses every stylesheet again and restyles every widget (about 40 ms). Added as a source,
a file is parsed alone when the next widget is styled, and applies to the widgets mounted
from then on: none mounted before match its rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import App

STYLES = Path(__file__).parent / "styles"


def add_styles(app: App, name: str) -> None:
    """Add ``styles/NAME`` to the app's stylesheet, once."""
    path = STYLES / name
    sheet = app.stylesheet
    if not sheet.has_source(str(path)):
        sheet.add_source(path.read_text(encoding="utf-8"), read_from=(str(path), ""))


class StyledOnDemand:
    """A screen whose styles are in ``STYLE_FILE``: listed first among its bases, so the
    file is added before the screen is styled."""

    STYLE_FILE: ClassVar[str] = "forms.tcss"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_styles(self.app, self.STYLE_FILE)  # type: ignore[attr-defined]
