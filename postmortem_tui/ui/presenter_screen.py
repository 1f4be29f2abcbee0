"""The presenter view: what the room needs on the shared screen, large and high-contrast.

The current step with its countdown (as large as the terminal allows) and prompt, the agenda,
and what the current step has gathered so far. Read-only: only the clock keys work here;
the note-taker's instance is the full editor.
"""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, Static

from ..clock_view import ClockView
from ..export import sorted_actions
from ..model import KIND_TITLES, ROLE_TITLES, Session
from ..prompts import BLAMELESS_NORM, room_prompt
from ..visible_text import one_line
from .clock_screen import CLOCK_BINDINGS, ClockScreen
from .styles_on_demand import StyledOnDemand
from .widgets.agenda_list import AgendaList
from .widgets.big_countdown import BigCountdown
from .widgets.key_bar import KeyBar
from .widgets.layout import Column, Row
from .widgets.quiet import set_text
from .widgets.step_bar import StepBar

SHOWN_ENTRIES = 12
"""The most recent entries of the step's list; the room sees what was just said."""


def step_lines(session: Session, step_key: str, today, config, width: int = 80) -> list[str]:  # type: ignore[no-untyped-def]
    """What the current step has gathered, one screen line each (typed text made visible)."""
    if step_key == "tone":
        people = [
            f"{one_line(p.name)}: " + ", ".join(ROLE_TITLES[r] for r in p.roles)
            for p in session.participants
        ]
        return textwrap.wrap(f"\u201c{BLAMELESS_NORM}\u201d", max(width, 20)) + [""] + people
    if step_key == "timeline":
        day = session.reference_date
        entries = sorted(session.timeline, key=lambda e: e.sort_key(day))
        column = max((len(e.listed_time) for e in entries), default=0)  # the texts line up
        return [
            f"{e.listed_time:<{column}}  {one_line(e.text)}"
            + (f"  [{KIND_TITLES[e.kind]}]" if e.kind != "other" else "")
            for e in entries
        ]
    if step_key == "root_cause":
        rca = session.root_cause
        lines = [
            f"{c}.{n}  {one_line(s.why)} \u2192 {one_line(s.because)}"
            for c, chain in enumerate(rca.chains, start=1)
            for n, s in enumerate(chain.steps, start=1)
        ]
        lines += [f"{f.category}: {one_line(f.text)}" for f in rca.factors]
        if rca.statement.strip():
            lines.append(f"Root cause: {one_line(rca.statement)}")
        return lines
    if step_key in ("went_well", "improve"):
        notes = session.went_well if step_key == "went_well" else session.could_improve
        return [f"\u2022 {one_line(note.text)}" for note in notes]
    if step_key == "actions":
        # who and by when first: a long "what" is cut at the screen's edge, they are not
        return [
            f"{a.priority}  {one_line(a.owner) or 'no owner'} \u00b7 "
            f"{a.deadline.isoformat() if a.deadline else 'no deadline'}  {one_line(a.what)}"
            for a in sorted_actions(session.action_items)
        ]
    # Imported here: the checklist loads every check; the meeting screen that imports this
    # module at launch does not need them until the wrap-up.
    from ..checklist import checklist_lines

    return checklist_lines(session, today, config)


class PresenterScreen(StyledOnDemand, ClockScreen):
    STYLE_FILE = "presenter.tcss"
    BINDINGS = CLOCK_BINDINGS + [
        Binding("f5,escape", "leave", "Editor view", id="leave", key_display="F5"),
        Binding("x", "wrap_up", "Wrap-up"),  # it works here: the footer says so
    ]

    def compose(self) -> ComposeResult:
        yield Label("", id="presenter-title", markup=False)
        with Row(id="presenter-body"):
            yield AgendaList(id="presenter-agenda")
            with Column(id="presenter-main"):
                yield Label("", id="presenter-step", markup=False)
                yield BigCountdown(id="presenter-countdown")
                yield StepBar(id="presenter-progress")
                yield Label("", id="presenter-notice", markup=False)
        # Below the agenda and the countdown, the whole width: the notes are what the room
        # reads, and beside the agenda they were cut at half the screen.
        with Column(id="presenter-notes"):
            yield Static("", id="presenter-prompt", markup=False)
            yield Static("", id="presenter-entries", markup=False)
        yield KeyBar()

    def on_resize(self) -> None:
        """On a small terminal the countdown and the notes get the room; the agenda goes."""
        width, height = self.size
        self.query_one(AgendaList).display = width >= 110 and height >= 26
        # The notes are wrapped to their box's width, known once laid out: without this
        # the first second showed them wrapped for 80 columns and cut, a word lost a line.
        self.call_after_refresh(self.tick)

    def on_mount(self) -> None:
        # No super().on_mount(): Textual calls ClockScreen.on_mount itself, after this one;
        # calling it here too started a second 0.25 s repaint interval.
        countdown = self.query_one(BigCountdown)
        countdown.fill = True
        countdown.max_scale = 40
        self.tick()

    def show_clock(self, view: ClockView) -> None:
        session = self.live.session
        title = session.incident.title or "Post-mortem"
        set_text(
            self.query_one("#presenter-title", Label),
            f"{view.wall}  \u00b7  {view.used}  \u00b7  {view.projected}  \u00b7  {title}",
            one_row=True,
        )
        self.query_one(AgendaList).show(view.agenda)
        set_text(self.query_one("#presenter-step", Label), view.step_name)
        self.query_one(BigCountdown).value = view.countdown
        for phase in ("normal", "warning", "over"):
            self.set_class(view.phase == phase, f"-{phase}")
        self.set_class(view.paused, "-paused")
        self.query_one("#presenter-progress", StepBar).show(view.fraction)
        notice = self.query_one("#presenter-notice", Label)
        set_text(notice, view.notice)
        # Its row is kept when empty: the countdown, sized to the rows left, changed size
        # and moved each time the clock was paused or started.
        notice.set_class(not view.notice, "-empty")
        set_text(self.query_one("#presenter-prompt", Static), room_prompt(view.step_key))
        today = self.clock.now().astimezone().date()
        width = self.query_one("#presenter-entries", Static).content_region.width
        lines = step_lines(session, view.step_key, today, self.live.config, width or 80)
        room = self._entry_room()
        if len(lines) > room and view.step_key == "tone":
            # the norm first (it is read aloud), then as many people as fit: seen to go on
            lines = lines[: room - 1] + [f"\u2026 {len(lines) - room + 1} more"]
        elif len(lines) > room:
            # the newest entries, one line each: what the room has just said
            lines = [f"\u2026 {len(lines) - room + 1} earlier"] + lines[-(room - 1) :]
        set_text(self.query_one("#presenter-entries", Static), "\n".join(lines) or "Nothing yet.")

    def _entry_room(self) -> int:
        """Rows for the step's notes: the notes take at most half the view (app.tcss), and
        never more than the countdown at its smallest leaves, or the newest line falls off
        the end."""
        height = self.size.height - 2  # the title row and the footer
        fixed = 5 + 1  # the countdown at its smallest, and the notes' top border
        for name in ("#presenter-step", "#presenter-progress", "#presenter-notice", "#presenter-prompt"):
            widget = self.query_one(name)
            if widget.display:
                fixed += widget.outer_size.height + widget.styles.margin.height
        prompt = self.query_one("#presenter-prompt")
        half = int(height * 0.5) - 1 - prompt.outer_size.height - prompt.styles.margin.height
        return max(3, min(SHOWN_ENTRIES, half, height - fixed))

    def action_leave(self) -> None:
        self.app.pop_screen()

    async def action_wrap_up(self) -> None:
        """The wrap-up, over the editor view: the notice at the end of the meeting offers x."""
        await self.app.pop_screen()
        await self.app.screen.run_action("wrap_up")
