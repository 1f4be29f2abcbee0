"""The Textual app: opens a session on the meeting screen; a worker keeps it in step with its
file and with other instances on the same session."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import constants, events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import Initialize, Reactive
from textual.screen import Screen

from ..clock import Clock, SystemClock
from ..collector import settle_after_launch, spread_full_collections
from ..config import Config, load_config, remember_theme
from ..live_session import LiveSession
from ..persistence import SessionFileError
from ..sync.syncer import Syncer
from ..trace import Trace
from .clock_screen import ClockScreen
from .meeting_screen import MeetingScreen
from .themes import HIGH_CONTRAST
from .typed_ahead import TypedAhead

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel


def _remembered_theme(app: PostmortemApp) -> str:
    """The theme the app starts in: the remembered one, if it is known."""
    app.register_theme(HIGH_CONTRAST)
    theme = app.live.config.theme
    theme = theme if theme in app.available_themes else constants.DEFAULT_THEME
    app.set_class(True, f"-theme-{theme}", update=False)  # as Textual's theme watcher does
    return theme


class PostmortemApp(App[int]):
    theme: Reactive[str] = Reactive(Initialize(_remembered_theme))
    """Starts in the remembered theme. Setting ``theme`` once the app was made queued a
    second parse of all its styles and a restyle of every widget before the first frame."""

    CSS_PATH = ["styles/app.tcss", "styles/meeting.tcss"]
    """The meeting screen's; other screens add theirs when first made (styles_on_demand.py)."""
    TITLE = "postmortem"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("f1,question_mark", "help", "Help", key_display="?", id="help"),
        Binding("ctrl+s", "save_now", "Save", show=False, id="save"),
        Binding("ctrl+o", "overwrite_broken", "Overwrite unreadable file", show=False),
    ]

    class Synced(Message):
        """Posted from the sync worker when something a person would see changed: another
        instance's edit, the save state, who else is here."""

    def __init__(
        self,
        live: LiveSession,
        config_path: Path | None = None,
        config_error: str = "",
        poll_seconds: float = 0.25,
        autosave: bool = True,
        present: bool = False,
    ) -> None:
        self.live = live  # before App.__init__, which reads the theme (_remembered_theme)
        super().__init__()
        self.present = present
        self.config_path = config_path
        self.config_error = config_error
        self.autosave = autosave
        """Off only for snapshot tests, which need a screen that does not change by itself."""
        self.poll_seconds = poll_seconds
        self.syncer = self._make_syncer()
        self._last_problem: str | None = None
        self._shown_version = live.store.version
        self.trace = Trace(live.session)
        """Off unless POSTMORTEM_TRACE is set: timings for benchmarks/bench_sync_ui.py."""

    def _make_syncer(self) -> Syncer:
        syncer = Syncer(
            self.live.store,
            self.live.presence,
            lambda: self.post_message(self.Synced()),
            self.poll_seconds,
            self.live.time,
        )
        self.live.on_change = syncer.changed
        return syncer

    def get_default_screen(self) -> Screen:
        """The meeting screen is the bottom of the stack: drawn whole in the first frame,
        rather than over an empty screen, one widget at a time."""
        return MeetingScreen(self.live)

    def on_mount(self) -> None:
        if self.autosave:
            self.syncer.start()
        if self.present:
            from .presenter_screen import PresenterScreen

            self.push_screen(PresenterScreen(self.live))
        if self.config_error:
            self.notify(f"Settings not loaded: {self.config_error}", severity="warning", timeout=10)
        if self.live.resume_notice:
            self.notify(self.live.resume_notice, severity="warning", timeout=10)
        if rescued := self.live.rescue_notice():
            self.notify(rescued, title="Notes rescued", severity="warning", timeout=30)
        loop = asyncio.get_running_loop()
        for ending in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(ending, self.ended_from_outside)
        spread_full_collections()
        self.call_after_refresh(settle_after_launch)

    async def on_event(self, event: events.Event) -> None:
        """Keys typed on after an entry key wait, in order, for what it opens (typed_ahead)."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            meeting = self.screen_stack[0] if self.screen_stack else None
            if isinstance(meeting, TypedAhead) and meeting.hold(event):
                return
        await super().on_event(event)

    def ended_from_outside(self) -> None:
        """The terminal was closed (SIGHUP) or the process told to stop (SIGTERM): save what
        is not saved yet (the autosave runs within a second; this is that second), or, if
        the file cannot be written, keep a rescued copy, before ending. Words typed and not
        yet added (an input's line, an open form) are kept beside the rescued copies, and
        named when the session next opens: nobody is there to be asked about them."""
        from .unsent_typing import unsent_words

        words = unsent_words(self.screen_stack)
        self.live.save_or_rescue()
        if words:
            from ..rescue import rescue_typing

            try:
                rescue_typing(words, self.live.store.path, self.live.now())
            except OSError:
                pass  # nowhere left to write: the session itself is saved or rescued
        self.exit(1, return_code=1)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification as plain text: they carry paths, typed values and lines from
        files (``notes[1].toml``, ``[bold]``), which Textual would read as markup by default;
        none of ours uses markup."""
        kwargs = {} if timeout is None else {"timeout": timeout}
        super().notify(message, title=title, severity=severity, markup=False, **kwargs)

    def watch_theme(self, theme: str) -> None:
        config = self.live.config
        if config.theme != theme and not self.config_error:
            self.live.config = config.with_changes(theme=theme)
            try:
                remember_theme(theme, self.config_path)
            except OSError as error:
                self.notify(f"Theme not remembered: {error.strerror}", severity="warning")

    def on_postmortem_app_synced(self, message: Synced) -> None:
        if self.return_code is not None or not self.is_running:
            return  # closing: the screens may already have lost their widgets
        problem = self.live.problem
        if problem != self._last_problem and (problem or self._last_problem):
            self.clear_notifications()  # the last problem's toast is out of date now
        if problem and problem != self._last_problem:
            self.notify(  # the problem says that the changes are kept and saving retried
                f"{problem}. ctrl+s offers to save to another file"
                + (", ctrl+o overwrites the unreadable file" if self._overwritable() else "")
                + ".",
                title="Not saved",
                severity="error",
                timeout=15,
            )
        elif not problem and self._last_problem:
            self.notify("Saved again.", timeout=3)
        self._last_problem = problem
        version = self.live.store.version
        changed = version != self._shown_version
        self._shown_version = version
        new = self.trace.new_entries(self.live.session) if changed else []
        self.trace.write("seen", new)
        for screen in self.screen_stack:
            if isinstance(screen, MeetingScreen) and changed:
                screen.refresh_from_outside()
            if isinstance(screen, ClockScreen):
                screen.clock_changed()  # another instance may have started or moved the clock
        if new:
            self.call_after_refresh(self.trace.write, "shown", new)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .commands import meeting_commands

        yield from super().get_system_commands(screen)
        if isinstance(screen, MeetingScreen):
            yield from meeting_commands(screen)
        yield SystemCommand("Help: every key", "Show the help screen", self.action_help)
        yield SystemCommand("Save as...", "Save the session to another file", self.action_save_as)
        if self._overwritable():  # offered only while the file cannot be read
            yield SystemCommand(
                "Overwrite the unreadable session file",
                "Only after a bad outside edit: replace it with this session (ctrl+o)",
                self.action_overwrite_broken,
            )

    # The screens other than the meeting screen are imported when first opened, not at
    # launch: the help screen's Markdown widget alone costs ~50 ms of imports.

    def action_help(self) -> None:
        from .help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_save_now(self) -> None:
        """Write the session now (it is written on every change anyway); when the file
        cannot be written, offer another file instead."""
        if self.live.store.save(force=True):
            self.notify(f"Saved to {self.live.store.path}", timeout=3)
        else:
            self.action_save_as()

    def action_save_as(self, then_quit: bool = False) -> None:
        """Save to another file and go on there; ``then_quit``: the user was quitting (the
        session file could not be written), so quit once it is saved."""
        from .save_as import SaveAsScreen

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            self.syncer.stop()
            try:
                self.live.save_as(path)
            except SessionFileError as error:
                self.notify(str(error), severity="error")
            else:
                if then_quit:
                    self.exit(0)
                    return
                self.notify(f"Saved to {path}; changes now go there.")
            self.syncer = self._make_syncer()
            if self.autosave:
                self.syncer.start()
            self.post_message(self.Synced())

        others = tuple(self.live.presence.other_labels())
        self.push_screen(SaveAsScreen(self.live.store.path, others), chosen)

    def _overwritable(self) -> bool:
        """The session file cannot be read, and is a file that could be written over (a
        folder in its place cannot)."""
        return self.live.store.status().broken and not self.live.store.path.is_dir()

    def action_overwrite_broken(self) -> None:
        """The user's choice: replace a session file that cannot be read (kept as .broken)."""
        if self.live.store.path.is_dir():
            self.notify("A folder is where the session file was: ctrl+s saves to a file.", timeout=5)
            return
        if not self.live.store.status().broken:
            self.notify("The session file reads fine: nothing to overwrite.", timeout=3)
            return
        if self.live.store.overwrite_broken():
            self.notify(f"Overwrote the unreadable file; its text is kept in {self.live.store.path}.broken")
        self.post_message(self.Synced())

    async def action_quit(self, unsent_checked: bool = False) -> None:
        """Save first; if the file cannot be written, or words are typed but not yet added,
        ask rather than lose anything."""
        from .save_as import CannotSaveScreen
        from .unsent_typing import UnsentTypingScreen, unsent_panel, unsent_typing

        if isinstance(self.screen, UnsentTypingScreen):
            return  # asked already
        unsent = None if unsent_checked else unsent_typing(self.screen_stack)
        if unsent:
            panel = unsent_panel(self.screen_stack)

            async def answered(choice: str | None) -> None:
                if choice == "add" and panel is not None:
                    words = panel.take_all()  # the input's line and any waiting after it
                    if not panel.screen.add_typed(panel, words):  # type: ignore[attr-defined]
                        panel.open_input()  # an error: the words wait, to be put right
                        return
                    await self.action_quit()  # asks again if another panel holds words
                elif choice == "quit":
                    await self.action_quit(unsent_checked=True)
                elif panel is not None and panel.screen is self.screen:  # keep typing: there
                    name = (panel.id or "").removeprefix("panel-")
                    await panel.screen.bring_forward(name, focus_list=False)  # type: ignore[attr-defined]
                    panel.open_input()

            self.push_screen(UnsentTypingScreen(unsent, can_add=panel is not None), answered)
            return
        if self.live.store.save(force=True):
            self.syncer.stop()
            self.exit(0)
            return

        def decided(choice: str | None) -> None:
            if choice == "save-as":
                self.action_save_as(then_quit=True)
            elif choice == "quit":
                self.exit(1)

        self.clear_notifications()  # the dialog says it all; a toast would cover its buttons
        self.push_screen(CannotSaveScreen(self.live.problem or "unknown reason"), decided)


def make_app(
    path: Path,
    clock: Clock | None = None,
    config_path: Path | None = None,
    poll_seconds: float = 0.25,
    autosave: bool = True,
    present: bool = False,
    name: str = "",
    role: str | None = None,
) -> PostmortemApp:
    """Build the app the way the command line does; tests pass a fake clock."""
    config_error = ""
    try:
        config = load_config(config_path)
    except SessionFileError as error:
        config, config_error = Config(), str(error)
    live = LiveSession.open(path, clock or SystemClock(), config, name, role or "")
    return PostmortemApp(live, config_path, config_error, poll_seconds, autosave, present)


def run(path: Path, present: bool = False, name: str = "", role: str | None = None) -> int:
    app = make_app(path, present=present, name=name, role=role)
    result = app.run()
    return int(result or 0)
