"""The Textual app: opens a session on the meeting screen, saves in the background."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from ..clock import Clock, SystemClock
from ..config import Config, load_config, remember_theme
from ..live_session import LiveSession
from ..persistence import SessionFileError
from ..store import Autosaver
from .commands import meeting_commands
from .meeting_screen import MeetingScreen
from .save_as import CannotSaveScreen, SaveAsScreen
from .themes import HIGH_CONTRAST


class PostmortemApp(App[int]):
    CSS_PATH = ["styles/app.tcss", "styles/meeting.tcss", "styles/forms.tcss"]
    TITLE = "postmortem"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("f1,question_mark", "help", "Help", key_display="?", id="help"),
        Binding("ctrl+s", "save_as", "Save as", show=False, id="save-as"),
    ]

    @dataclass
    class SaveResult(Message):
        """Posted from the autosave thread after each attempt."""

        error: SessionFileError | None

    def __init__(
        self,
        live: LiveSession,
        config_path: Path | None = None,
        config_error: str = "",
        autosave_delay: float = 0.2,
    ) -> None:
        super().__init__()
        self.live = live
        self.config_path = config_path
        self.config_error = config_error
        self.autosaver = Autosaver(
            live.store,
            lambda error: self.post_message(self.SaveResult(error)),
            delay=autosave_delay,
            before_write=lambda session: live.clock.checkpoint(),
        )
        live.on_change = self.autosaver.changed
        self._last_error = ""

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        if self.live.config.theme in self.available_themes:
            self.theme = self.live.config.theme
        self.autosaver.start()
        self.push_screen(MeetingScreen(self.live))
        if self.config_error:
            self.notify(f"Settings not loaded: {self.config_error}", severity="warning", timeout=10)
        if self.live.resume_notice:
            self.notify(self.live.resume_notice, severity="warning", timeout=10)

    def watch_theme(self, theme: str) -> None:
        config = self.live.config
        if config.theme != theme and not self.config_error:
            self.live.config = config.with_changes(theme=theme)
            try:
                remember_theme(theme, self.config_path)
            except OSError as error:
                self.notify(f"Theme not remembered: {error.strerror}", severity="warning")

    def on_postmortem_app_save_result(self, message: SaveResult) -> None:
        error = str(message.error) if message.error else ""
        if error and error != self._last_error:
            self.notify(
                f"{error}. Everything is kept in memory and saving is retried; "
                "ctrl+s saves to another file.",
                title="Not saved",
                severity="error",
                timeout=15,
            )
        elif not error and self._last_error:
            self.notify("Saved again.", timeout=3)
        self._last_error = error

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MeetingScreen):
            yield from meeting_commands(screen)
        yield SystemCommand("Help: every key", "Show the help screen", self.action_help)
        yield SystemCommand("Save as...", "Save the session to another file", self.action_save_as)

    def action_help(self) -> None:
        # Imported here: the help screen's Markdown widget costs ~50 ms of imports at launch.
        from .help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_save_as(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if self.live.store.save_as(path):
                self.notify(f"Saved to {path}; changes now go there.")
            else:
                self.notify(str(self.live.store.error), severity="error")

        self.push_screen(SaveAsScreen(self.live.store.path), chosen)

    async def action_quit(self) -> None:
        """Save first; if the file cannot be written, ask rather than lose anything."""
        if self.live.store.save(lambda session: self.live.clock.checkpoint()):
            self.autosaver.stop()
            self.exit(0)
            return

        def decided(choice: str | None) -> None:
            if choice == "save-as":
                self.action_save_as()
            elif choice == "quit":
                self.exit(1)

        self.push_screen(CannotSaveScreen(str(self.live.store.error)), decided)


def make_app(
    path: Path,
    clock: Clock | None = None,
    config_path: Path | None = None,
    autosave_delay: float = 0.2,
) -> PostmortemApp:
    """Build the app the way the command line does; tests pass a fake clock."""
    config_error = ""
    try:
        config = load_config(config_path)
    except SessionFileError as error:
        config, config_error = Config(), str(error)
    live = LiveSession.open(path, clock or SystemClock(), config)
    return PostmortemApp(live, config_path, config_error, autosave_delay)


def run(path: Path, present: bool = False, name: str = "", role: str | None = None) -> int:
    app = make_app(path)
    result = app.run()
    return int(result or 0)
