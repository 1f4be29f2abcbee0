"""Textual's Footer, recomposed only when the keys it shows change.

Textual's Footer rebuilds all its keys each time the screen's bindings may have changed:
when the screen is pushed, resumed, and at every focus change. At launch that is three
rebuilds of the same keys, each mounting and styling every key anew (~10 ms apiece on the
meeting screen). This one compares what its compose reads first and skips a rebuild that
would show the same keys.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    _shown_keys: Hashable = None

    def _keys(self) -> Hashable:
        """Everything Footer.compose reads from the screen and the app."""
        app = self.app
        keys = tuple(
            (binding, enabled, tooltip, app.get_key_display(binding))
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            palette = self.screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _, binding, enabled, tooltip = palette
                palette = (binding, enabled, tooltip, app.get_key_display(binding))
        return keys, palette, self.compact, self.show_command_palette

    def bindings_changed(self, screen: Screen) -> None:
        if self._bindings_ready and self.is_attached and screen is self.screen:
            if self._keys() == self._shown_keys:
                return
        super().bindings_changed(screen)

    def compose(self):
        if self._bindings_ready:
            self._shown_keys = self._keys()
        return super().compose()
