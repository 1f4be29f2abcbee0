"""The meeting screen: agenda and countdown on the left, the notes panels on the right."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import Input

from ..clock_view import ClockView
from ..live_session import LiveSession
from ..model import Session
from .clock_screen import CLOCK_BINDINGS
from .guidance_actions import GuidanceActions
from .panels.catalog import PANELS, STEP_PANELS
from .panels.list_panel import EntryInput
from .status_line import show_status
from .widgets.agenda_list import AgendaList
from .widgets.big_countdown import BigCountdown
from .widgets.key_bar import KeyBar
from .widgets.layout import Column, Row
from .widgets.panel_tabs import PanelTabs
from .widgets.status_bar import StatusBar
from .widgets.step_panel import StepPanel


class MeetingScreen(GuidanceActions):
    AUTO_FOCUS = "EntryTable"
    """Open with the current panel's list focused, as the panel keys (1-8) leave it: the
    arrows go through its entries at once, and e or Delete act on the row they show."""
    BINDINGS = CLOCK_BINDINGS + [
        Binding("t", "add('timeline')", "Event", id="add-timeline"),
        Binding("w", "add('went_well')", "Went well", show=False),
        Binding("i", "add('could_improve')", "Improve", show=False),
        Binding("g", "add('got_lucky')", "Lucky", show=False),
        Binding("a", "add_action", "Action", id="add-action"),
        Binding("r", "add_root_cause", "Root cause", show=False),
        Binding("P", "add_participant", "Add participant", show=False),
        Binding("e", "edit", "Edit", show=False),
        Binding("k", "set_kind", "Kind", show=False),
        Binding("delete", "delete", "Delete", show=False),
        Binding("ctrl+z", "undo", "Undo delete", show=False),
        Binding("d", "details", "Details", show=False),
        Binding("x", "wrap_up", "Wrap-up", id="wrap-up"),
        Binding("m", "import", "Import", show=False),
        Binding("b", "rebalance", "Rebalance", show=False),
        Binding("v", "toggle_grid", "Impact grid", show=False),
        Binding("o", "backlog", "Backlog check", show=False),
        Binding("c", "criteria", "Criteria", show=False),
        Binding("f5", "present", "Presenter view", show=False, key_display="F5"),
    ] + [
        Binding(str(number), f"show_panel('{panel}')", title, show=False)
        for number, (panel, title) in enumerate(PANELS, start=1)
    ]

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self._last_step = -1
        self._last_panel = ""
        self._follow: str | None = None
        """The running step's panel, waiting to come forward until no one is typing."""

    @property
    def session(self) -> Session:
        return self.live.store.session

    def compose(self) -> ComposeResult:
        # Fitted to the terminal before the widgets are styled: a class set once they are
        # (on the first resize) styled the whole screen a second time at launch.
        self._fit_to(self.app.size)
        yield StatusBar(step_time=True, id="status")
        with Row(id="body"):
            with Column(id="left"):
                yield AgendaList(self.clock_view().agenda, id="agenda")
                yield StepPanel(id="step")
            # Open on the current step's panel; the other panels are made when first
            # brought forward (see PanelHost).
            initial = STEP_PANELS[self.session.agenda.current_step.key]
            with Column(id="panels"):
                yield PanelTabs(PANELS, initial)
                with Column(id="panel-stack"):
                    yield self._made(initial)
        yield KeyBar()

    def on_resize(self) -> None:
        self._fit_to(self.size)
        height = self.size.height
        self.query_one(BigCountdown).max_scale = 1 if height < 34 else 2 if height < 50 else 3

    def _fit_to(self, size: Size) -> None:
        """Lay out for the terminal's size: narrow at 80 columns, roomy on a shared screen."""
        width, height = size
        self.set_class(width < 96, "-narrow")
        self.set_class(width >= 140, "-wide")
        # Tall enough for the countdown's second size: room for an overrun (+01:32) at that
        # size too, or the countdown would shrink when the time is up.
        self.set_class(height >= 34 and 116 <= width < 140, "-tall")
        self.set_class(height >= 50 and width >= 180, "-huge")

    def on_mount(self) -> None:
        # No super().on_mount(): Textual calls ClockScreen.on_mount itself, after this one;
        # calling it here too started a second 0.25 s repaint interval.
        self.refresh_panels()
        self.tick()

    # The clock

    def show_clock(self, view: ClockView) -> None:
        if view.step_index != self._last_step:
            if self._last_step != -1:
                self._changed_quietly("participants")  # the norm stands there on step 1 only
            # The new step's panel comes forward when the step was moved here, or when this
            # terminal was on the old step's panel; not over a panel someone chose to look at
            # while the other terminal moved the step.
            if self.stepped_here or self._last_step == -1 or self.active_panel == self._last_panel:
                self._follow = STEP_PANELS[view.step_key]
            self._last_step = view.step_index
            self._last_panel = STEP_PANELS[view.step_key]
        self.stepped_here = False
        if self._follow is not None:
            self._follow_step()
        self.query_one(AgendaList).show(view.agenda)
        self.query_one(StepPanel).show(
            name=view.step_name,
            countdown=view.countdown,
            phase=view.phase,
            paused=view.paused,
            fraction=view.fraction,
            notice=view.notice,
            prompt=view.prompt,
            short_prompt=view.short_prompt,
        )
        # Under a form or dialog the big countdown is hidden; the header line above it is not.
        # Who else is here goes in the header: as a line of its own, it moved the whole
        # screen down a row when a second terminal opened the session.
        show_status(
            self.query_one(StatusBar),
            self.live,
            view,
            step_time=self.app.screen is not self,
            presence=self.app.syncer.presence_line,
        )

    def _follow_step(self) -> None:
        """Bring the running step's panel forward, its list focused, unless this terminal is
        busy: a step changed by the other terminal, or by a click, must not take the focus
        from words being typed (the keys would become meeting keys) or from an open form.
        It comes forward when the input closes or the form is done (the clock repaints on
        the screen's resume)."""
        if self.app.screen is not self or isinstance(self.focused, Input):
            return
        panel, self._follow = self._follow, None
        if panel is not None and panel != self.active_panel:
            self.call_later(self.action_show_panel, panel)

    @on(EntryInput.Closed)
    def _input_closed(self) -> None:
        if self._follow is not None:
            self.call_after_refresh(self._follow_step)

    @on(AgendaList.StepChosen)
    def _step_chosen(self, event: AgendaList.StepChosen) -> None:
        self.stepped_here = True
        self.live.clock_action(lambda clock: clock.go_to(event.index))
        self.clock_changed()

    def action_present(self) -> None:
        # Imported here, like the wrap-up screen: not needed to launch.
        from .presenter_screen import PresenterScreen

        self.app.push_screen(PresenterScreen(self.live))

    def action_wrap_up(self) -> None:
        # Imported here, like the help screen: Markdown is not needed to launch.
        from .wrap_up_screen import WrapUpScreen

        self.app.push_screen(WrapUpScreen(self.live))

    # Panels

    @on(PanelTabs.Chosen)
    async def _tab_clicked(self, event: PanelTabs.Chosen) -> None:
        await self.action_show_panel(event.panel)

    async def action_show_panel(self, panel: str) -> None:
        self._follow = None  # a panel chosen now is not taken away by a step moved earlier
        target = await self.bring_forward(panel)
        tables = target.query("EntryTable")
        (tables.first() if tables else target).focus()

