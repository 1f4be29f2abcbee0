"""The meeting screen's side panels: made when first brought forward, and up to date with
the session whenever they are in view (a panel out of view catches up when it comes
forward: another instance's change then costs one panel, not eight)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widget import AwaitMount, Widget
from textual.widgets import Input

from .clock_screen import ClockScreen
from .panels.catalog import PANELS, make_panel
from .panels.list_panel import ListPanel
from .widgets.panel_tabs import PanelTabs

if TYPE_CHECKING:
    from ..live_session import LiveSession

ALL_PANELS = tuple(panel for panel, _ in PANELS)


class PanelHost(ClockScreen):
    """The panels of the meeting screen: which one is forward, made when first wanted,
    and brought up to date with the session when in view."""

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self._stale: set[str] = set()
        """Panels whose session changed while they were not in view."""
        self._panels: dict[str, Widget] = {}
        """The panels made so far: the current step's at launch, each other one when it is
        first brought forward. Making all eight at launch cost a sixth of the launch time."""
        self._mounting: dict[str, AwaitMount] = {}

    def _made(self, name: str) -> Widget:
        """Make the panel ``name`` (not yet mounted)."""
        panel = self._panels[name] = make_panel(name)
        panel.display = not self.is_mounted or name == self.active_panel
        self._stale.add(name)
        return panel

    def show_panel(self, panel: str) -> None:
        """Bring ``panel`` forward; it is made, if need be, and brought up to date as it comes
        (``ready_panel``, queued)."""
        tabs = self.query_one(PanelTabs)
        if tabs.active == panel:
            return
        tabs.active = panel
        for name, widget in self._panels.items():
            widget.display = name == panel
        self.call_later(self.ready_panel, panel)

    async def bring_forward(self, name: str, focus_list: bool = True) -> Any:
        """Bring the panel ``name`` forward and return it once it is mounted and up to date.
        Its list takes the focus if the focus was in another panel, now hidden: with none,
        Textual gave it, when a form opened from here closed, to the first list on the
        screen, and the Timeline came forward in its place. (Not with ``focus_list`` False,
        for a caller that gives the focus to the panel's input at once: focusing a list of
        10,000 rows on the way cost ~50 ms.)"""
        self.show_panel(name)
        panel = await self.ready_panel(name)
        if not focus_list:
            return panel
        focused = self.focused
        if focused is None or not (focused is panel or panel in focused.ancestors):
            tables = panel.query("EntryTable")
            if tables and not isinstance(focused, Input):
                tables.first().focus()
        return panel

    async def ready_panel(self, name: str) -> Any:
        """The panel ``name``, mounted and showing the session."""
        if name not in self._panels:
            stack = self.query_one("#panel-stack")
            self._mounting[name] = stack.mount(self._made(name))
        if name in self._mounting:
            await self._mounting[name]  # awaited by each caller that came while it mounted
            self._mounting.pop(name, None)
        if name in self._stale:
            self.refresh_panel(name)
        return self._panels[name]

    def _panel(self, name: str) -> Any:
        """The panel ``name`` if it is mounted, else None."""
        panel = self._panels.get(name)
        return panel if panel is not None and panel.is_mounted else None

    @property
    def active_panel(self) -> str:
        return self.query_one(PanelTabs).active

    def _changed_quietly(self, name: str) -> None:
        """The session changed under ``name``: show it now if it is in view, else when it is."""
        if name == self.active_panel:
            self.refresh_panel(name)
        else:
            self._stale.add(name)

    def refresh_panel(self, name: str) -> None:
        panel = self._panel(name)
        if panel is None:  # not made yet, or mounting: shown when it is
            self._stale.add(name)
            return
        self._stale.discard(name)
        if isinstance(panel, ListPanel):
            panel.participants = tuple(p.name for p in self.live.session.participants)
        if name == "wrap_up":  # its checklist also reads today's date and the config
            panel.update_from(self.live.session, self.live.now().astimezone().date(), self.live.config)
        else:
            panel.update_from(self.live.session)

    def refresh_panels(self) -> None:
        """Show the session in every panel: the one in view at once, the others when next
        brought forward."""
        active = self.active_panel
        for panel in ALL_PANELS:
            if panel == active:
                self.refresh_panel(panel)
            else:
                self._stale.add(panel)
