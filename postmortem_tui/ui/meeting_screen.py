"""The meeting screen: agenda and countdown on the left, the notes panels on the right."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, TabbedContent, TabPane

from ..agenda_clock import AgendaClock, CountdownAlerts, NextResult, format_countdown, phase
from ..live_session import LiveSession
from ..model import Session
from ..prompts import STEP_PROMPTS
from .entry_actions import EntryActions
from .panels.actions_panel import ActionsPanel
from .panels.notes_panel import ImprovementsPanel, NotesPanel
from .panels.participants_panel import ParticipantsPanel
from .panels.root_cause_panel import RootCausePanel
from .panels.timeline_panel import TimelinePanel
from .panels.wrap_up_panel import WrapUpPanel
from .widgets.agenda_list import AgendaList, StepLine
from .widgets.status_bar import StatusBar
from .widgets.step_panel import StepPanel

PANELS = [
    ("timeline", "Timeline"),
    ("root_cause", "Causes"),
    ("went_well", "Well"),
    ("could_improve", "Improve"),
    ("got_lucky", "Lucky"),
    ("action_items", "Actions"),
    ("participants", "People"),
    ("wrap_up", "Wrap-up"),
]
STEP_PANELS = {
    "tone": "participants",
    "timeline": "timeline",
    "root_cause": "root_cause",
    "went_well": "went_well",
    "improve": "could_improve",
    "actions": "action_items",
    "wrap_up": "wrap_up",
}
CHECKPOINT_SECONDS = 30


class MeetingScreen(EntryActions):
    BINDINGS = [
        Binding("space", "toggle_clock", "Start/Pause", id="toggle"),
        Binding("n", "next_step", "Next", id="next"),
        Binding("p", "previous_step", "Back", id="previous"),
        Binding("plus,equals_sign", "extend(1)", "+1 min", key_display="+", show=False, id="extend"),
        Binding("minus", "extend(-1)", "-1 min", key_display="-", show=False, id="shorten"),
        Binding("t", "add('timeline')", "Timeline", id="add-timeline"),
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
    ] + [
        Binding(str(number), f"show_panel('{panel}')", title, show=False)
        for number, (panel, title) in enumerate(PANELS, start=1)
    ]

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.alerts = CountdownAlerts()
        self._last_step = -1
        self._last_checkpoint = 0.0

    @property
    def session(self) -> Session:
        return self.live.store.session

    @property
    def clock(self) -> AgendaClock:
        return self.live.clock

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield AgendaList(id="agenda")
                yield StepPanel(id="step")
            with TabbedContent(id="panels", initial="timeline"):
                for panel, title in PANELS:
                    with TabPane(title, id=panel):
                        yield self._make_panel(panel)
        yield Footer(compact=True)

    @staticmethod
    def _make_panel(panel: str) -> object:
        if panel == "timeline":
            return TimelinePanel(id="panel-timeline")
        if panel == "root_cause":
            return RootCausePanel(id="panel-root_cause")
        if panel == "went_well":
            return NotesPanel("went_well", "what went well", "Nothing yet: press w.", id="panel-went_well")
        if panel == "could_improve":
            return ImprovementsPanel(
                "could_improve",
                "what could be improved   (alerting: ... to tag it)",
                "Nothing yet: press i.",
                id="panel-could_improve",
            )
        if panel == "got_lucky":
            return NotesPanel("got_lucky", "where we got lucky", "Nothing yet: press g.", id="panel-got_lucky")
        if panel == "action_items":
            return ActionsPanel(id="panel-action_items")
        if panel == "participants":
            return ParticipantsPanel(id="panel-participants")
        return WrapUpPanel(id="panel-wrap_up")

    def on_mount(self) -> None:
        self.refresh_panels()
        self.set_interval(0.25, self.tick)
        self._last_step = -1
        self.tick()

    # The clock

    def tick(self) -> None:
        """Repaint the clock from the shared state; ticks only trigger repaints."""
        clock = self.clock
        clock.agenda = self.session.agenda
        agenda = self.session.agenda
        step = agenda.current_step
        remaining = clock.remaining()
        now = clock.now()
        self._ring_if_due(agenda.current, remaining)
        if agenda.current != self._last_step:
            self._last_step = agenda.current
            self.show_panel(STEP_PANELS[step.key])
            self.query_one(ParticipantsPanel).show_norm(step.key == "tone")
        self._show_agenda(now)
        self._show_step(remaining)
        self._show_status(now)
        if clock.running and self.clock.clock.monotonic() - self._last_checkpoint > CHECKPOINT_SECONDS:
            self._last_checkpoint = self.clock.clock.monotonic()
            self.live.change(lambda s: clock.checkpoint())

    def _ring_if_due(self, index: int, remaining: float) -> None:
        if not self.clock.running:
            return
        crossed = self.alerts.check(index, remaining)
        if crossed is None:
            return
        config = self.live.config
        message = "One minute left on this step." if crossed else "Time is up for this step."
        if config.bell:
            self.app.bell()
        if config.notify:
            self.notify(message, title=self.session.agenda.current_step.title, severity="warning")

    def _show_agenda(self, now: datetime) -> None:
        agenda = self.session.agenda
        lines = []
        for index, step in enumerate(agenda.steps):
            elapsed = self.clock.elapsed(index)
            if index == agenda.current and step.state != "done":
                state = "running" if step.state == "running" else "current"
                minutes = f"{step.minutes}"
            elif step.state == "done":
                state = "done"
                minutes = f"{round(elapsed / 60)}/{step.minutes}"
            else:
                state = "upcoming"
                minutes = f"{step.minutes}" + ("*" if step.spent_seconds else "")
            over = elapsed > step.minutes * 60
            lines.append(StepLine(index + 1, step.title, minutes, state, over))
        self.query_one(AgendaList).show(lines)

    def _show_step(self, remaining: float) -> None:
        agenda = self.session.agenda
        step = agenda.current_step
        clock = self.clock
        if clock.awaiting_confirmation:
            notice = f"{format_countdown(remaining)} left: press n again to move on"
        elif clock.finished:
            notice = "The meeting is over: x to export, p to go back"
        elif not clock.started:
            notice = "Press space to start the meeting"
        elif not clock.running:
            notice = "Paused: space to resume"
        else:
            notice = ""
        if self.live.resume_notice and not clock.running:
            notice = self.live.resume_notice
        self.query_one(StepPanel).show(
            name=f"Step {agenda.current + 1} of 7 \u00b7 {step.title}",
            countdown=format_countdown(remaining),
            phase=phase(remaining).value if clock.started else "normal",
            fraction=clock.elapsed() / (step.minutes * 60),
            notice=notice,
            prompt=STEP_PROMPTS[step.key],
        )

    def _show_status(self, now: datetime) -> None:
        session = self.session
        clock = self.clock
        planned = session.planned_minutes
        used = clock.used_seconds()
        projected = clock.projected_end()
        over = (projected - clock.planned_end(planned)).total_seconds() / 60
        zone_now = now.astimezone()
        ends = projected.astimezone().strftime("%H:%M")
        late = clock.started and over >= 1
        self.query_one(StatusBar).show(
            severity=session.incident.severity or "",
            title=session.incident.title or "Untitled incident (press d)",
            wall=zone_now.strftime("%H:%M"),
            used=f"{_mmss(used)} / {planned}:00",
            projected=f"ends {ends}" + (f" (+{round(over)} min)" if late else ""),
            late=late,
            saved=self.live.save_status(now),
            save_failed=self.live.store.error is not None,
        )

    # Clock keys

    def action_toggle_clock(self) -> None:
        self.live.resume_notice = ""
        self.live.change(lambda s: self.clock.toggle())
        self.tick()

    def action_next_step(self) -> None:
        self.live.resume_notice = ""
        result = self.live.change(lambda s: self.clock.request_next())
        if result is NextResult.FINISHED:
            self.notify("All seven steps are done. Press x to check and export the document.")
        self.tick()

    def action_previous_step(self) -> None:
        self.live.resume_notice = ""
        self.live.change(lambda s: self.clock.previous())
        self.tick()

    def action_extend(self, minutes: int) -> None:
        self.live.change(lambda s: self.clock.extend(minutes))
        self.tick()

    @on(AgendaList.StepChosen)
    def _step_chosen(self, event: AgendaList.StepChosen) -> None:
        self.live.change(lambda s: self.clock.go_to(event.index))
        self.tick()

    def action_wrap_up(self) -> None:
        # Imported here, like the help screen: Markdown is not needed to launch.
        from .wrap_up_screen import WrapUpScreen

        self.app.push_screen(WrapUpScreen(self.live))

    # Panels

    def action_show_panel(self, panel: str) -> None:
        self.show_panel(panel)
        target = self.query_one(f"#panel-{panel}")
        tables = target.query("EntryTable")
        (tables.first() if tables else target).focus()

    def refresh_panels(self) -> None:
        for panel, _ in PANELS:
            self.query_one(f"#panel-{panel}").update_from(self.session)  # type: ignore[attr-defined]


def _mmss(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"
