"""The footer: the keys of whatever has the focus, drawn as one line.

Textual's Footer mounts a widget for each key and styles every one of them anew whenever the
bindings may have changed: when a screen is pushed or resumed and at every focus change. On
the meeting screen that was a tenth of the launch (~35 ms) for one line of text. This widget
draws the same line, compact as Footer(compact=True) draws it, and redraws it only when the
keys change. A click on a key presses it, as in Footer.

While a text field has the focus, a key that types a character types it there: such keys are
left out, and an action that has another key (Help: ``?`` and F1) shows that one.
"""

from __future__ import annotations

import re
import sys
from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.command import CommandPalette
from textual.keys import format_key, key_to_character
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input


class ShownKey(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


_TYPING_NAMES = frozenset({"space", "plus", "minus"})
"""Keys that type a character which ``key_to_character`` does not give for their name."""


def types_a_character(key: str) -> bool:
    """Whether ``key`` (a Textual key name) types a character into a text field."""
    character = key_to_character(key)
    return key in _TYPING_NAMES or (character is not None and character.isprintable())


def takes_text(widget: Widget | None) -> bool:
    """Whether ``widget`` is a text field (Input, or a TextArea one can type in)."""
    if isinstance(widget, Input):
        return True
    # TextArea's module is not imported for this: it is large and not needed at launch.
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea) and not widget.read_only


def _key_name(key: str) -> str:
    """A key by its own name, as the line writes it: F1, esc."""
    return key.upper() if re.fullmatch(r"f\d+", key) else format_key(key)


class KeyBar(Widget, can_focus=False):
    """One line of ``key description`` pairs, a space apart."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        &> .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        &> .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &> .key-bar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    hovered: reactive[int | None] = reactive(None)
    """The key under the mouse pointer, by its place in the line."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[ShownKey, ...] = ()
        self._spans: list[tuple[int, int]] = []

    @property
    def keys(self) -> tuple[ShownKey, ...]:
        """The keys the line shows now."""
        return self._current_keys()

    def _source(self) -> Screen:
        """The screen whose keys the line shows: its own, or the command palette's while the
        palette is open over it (its keys, not the meeting's, which would type a search)."""
        top = self.app.screen
        return top if isinstance(top, CommandPalette) else self.screen

    def _current_keys(self) -> tuple[ShownKey, ...]:
        """Each action once, by its first key, as Textual's Footer shows them."""
        source = self._source()
        typing = takes_text(source.focused)
        seen: set[str] = set()
        keys: list[ShownKey] = []
        for key, (_node, binding, enabled, tooltip) in source.active_bindings.items():
            if not binding.show or binding.action in seen or (typing and types_a_character(key)):
                continue
            seen.add(binding.action)
            keys.append(
                ShownKey(
                    binding.key,
                    self._display(binding, typing),
                    binding.description,
                    enabled,
                    tooltip or binding.tooltip or binding.description,
                )
            )
        return tuple(keys)

    def _display(self, binding: Binding, typing: bool) -> str:
        if typing and binding.key_display and len(binding.key_display) == 1:
            return _key_name(binding.key)  # "?" would type a "?": the line says F1
        return self.app.get_key_display(binding)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)
        self.app.screen_change_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen not in (self.screen, self.app.screen):
            return
        if self._current_keys() != self._shown:
            self.hovered = None
            self.refresh()

    def render(self) -> Text:
        self._shown = self._current_keys()
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        hover_style = self.get_component_rich_style("key-bar--hover")
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int]] = []
        for index, shown in enumerate(self._shown):
            if index:
                line.append(" ")
            start = len(line)
            line.append(shown.display, key_style)
            if shown.description:
                line.append(" " + shown.description, description_style)
            if not shown.enabled:
                line.stylize("dim", start)
            if index == self.hovered:
                line.stylize(hover_style, start)
            spans.append((start, len(line)))
        self._spans = spans
        return line

    def _index_at(self, x: int) -> int | None:
        for index, (start, end) in enumerate(self._spans):
            if start <= x < end and index < len(self._shown):
                return index
        return None

    def key_at(self, x: int) -> ShownKey | None:
        """The key drawn at column ``x`` of the line, if any."""
        index = self._index_at(x)
        return None if index is None else self._shown[index]

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._index_at(event.x)
        if index != self.hovered:
            self.hovered = index
            self.tooltip = None if index is None else self._shown[index].tooltip

    def on_leave(self, event: events.Leave) -> None:
        self.hovered = None

    def on_click(self, event: events.Click) -> None:
        shown = self.key_at(event.x)
        if shown is None:
            return
        event.stop()
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()
