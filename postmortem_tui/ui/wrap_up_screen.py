"""Wrap-up: the checklist, a preview of the document, and the export."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Label, Markdown

from ..checklist import checklist_lines
from ..clock_view import clock_view
from ..export import render
from ..live_session import LiveSession
from ..persistence.atomic import atomic_write
from ..persistence.session_file import overwrites_a_session
from .clock_screen import seconds_to_next_change
from .status_line import show_status
from .styles_on_demand import StyledOnDemand
from .widgets.checklist_view import ChecklistView
from .widgets.key_bar import KeyBar
from .widgets.status_bar import StatusBar

PREVIEW_LINES = 1500
"""The preview renders at most this many lines; the export always has everything."""


HEAD_LINES = 30
"""The preview shows the document up to the first section that starts after this many lines
at once, and the rest when that is on screen (see :func:`first_screens`)."""


def first_screens(document: str) -> tuple[str, str]:
    """``document`` cut before its first section (``## ``) that starts after ``HEAD_LINES``
    lines: the part the preview shows first, and the rest. The document's tables come after
    the summary; Textual's Markdown widget makes one widget per table cell and lays them all
    out, so the whole preview took a third of a second to appear, where its first screens,
    tables aside, take a fraction of that."""
    lines = document.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if number >= HEAD_LINES and line.startswith("## "):
            return "".join(lines[:number]), "".join(lines[number:])
    return document, ""


def default_export_path(session_path: Path) -> Path:
    """Beside the session, with its name and .md; never the session itself (one named .md)."""
    path = session_path.with_suffix(".md")
    return path if path != session_path else session_path.with_name(f"{path.stem}-document.md")


class WrapUpScreen(StyledOnDemand, ModalScreen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, ""), (130, "-wide")]
    BINDINGS = [
        Binding("escape", "close", "Back to the meeting"),
        Binding("ctrl+e", "export", "Export", priority=True),
        Binding("d", "details", "Details"),
    ]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self._timer: Timer | None = None
        self._previewing = ""
        """The document the preview is being filled with."""

    def compose(self) -> ComposeResult:
        # The meeting's clock stays in view: step 7 runs its countdown on this screen.
        yield StatusBar(step_time=True, id="status")
        with Horizontal(id="wrap-up"):
            with Vertical(id="wrap-up-side"):
                # The checklist scrolls; the export below it stays in view (at 80x24 the
                # focused Export button was below the fold).
                with VerticalScroll(id="wrap-up-checks"):
                    yield Label("Before it goes out", classes="form-title")
                    yield ChecklistView(id="checklist")
                yield from self._export_controls()
            with VerticalScroll(id="preview"):
                yield Markdown("", id="preview-doc")
                # The rest of the document, once the first screens are up: a widget of its
                # own, as Markdown.append (made for streaming) re-parses and drops the last
                # block already shown (a section's paragraph went missing).
                yield Markdown("", id="preview-more")
        yield KeyBar()

    def _export_controls(self) -> ComposeResult:
        with Vertical(id="wrap-up-export"):
            yield Label("Export the document to", classes="field-label")
            yield Input(
                str(default_export_path(self.live.store.path)),
                id="export-path",
                select_on_focus=False,  # a key typed would replace the whole path
            )
            yield Button("Export", variant="primary", id="export")
            yield Label("", id="export-result", markup=False)

    def on_mount(self) -> None:
        self._show()
        self.tick()
        # The button, not the path: keys such as d (which the checklist names) then act on
        # the screen, and Enter exports. Without scrolling to it: at 80x24 that scrolled
        # the checklist's failed checks out of view above it.
        self.set_focus(self.query_one("#export", Button), scroll_visible=False)

    def _show(self) -> None:
        session = self.live.session
        today = self.live.now().astimezone().date()
        lines = checklist_lines(session, today, self.live.config)
        self.query_one("#checklist", ChecklistView).show(lines)
        document = render(session, now=self.live.now())
        shown = document.splitlines()
        if len(shown) > PREVIEW_LINES:
            document = "\n".join(shown[:PREVIEW_LINES]) + (
                f"\n\n*The preview stops here; the export has all {len(shown)} lines.*\n"
            )
        head, rest = first_screens(document)
        preview = self.query_one("#preview-doc", Markdown)
        more = self.query_one("#preview-more", Markdown)
        self._previewing = document

        def show_rest() -> None:
            if self._previewing is document:  # not shown again meanwhile
                more.update(rest)

        async def fill() -> None:
            await preview.update(head)
            if rest:
                self.call_after_refresh(show_rest)  # once the head is on screen
            else:
                await more.update("")

        self.run_worker(fill, group="preview", exclusive=True)

    def tick(self) -> None:
        """Repaint the header from the clock, and wake when its seconds next turn over."""
        live = self.live
        view = clock_view(live.session, live.clock, live.clock.now(), "", "")
        show_status(self.query_one(StatusBar), live, view, step_time=True)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(seconds_to_next_change(live.clock), self.tick)

    def action_details(self) -> None:
        """The details form, at the first of the distribution's fields still empty."""
        from .forms.details_form import DetailsForm, save_details

        meeting = self.live.session.meeting
        start = "publish_to" if not meeting.publish_to.strip() else None
        start = start or ("reviewers" if not meeting.reviewers else None)

        def saved(result: dict | None) -> None:
            if result is not None:
                save_details(self.live, result, form.session)
                self._show()

        form = DetailsForm(self.live.session, start_field=start)
        self.app.push_screen(form, saved)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        path = Path(self.query_one("#export-path", Input).value.strip()).expanduser()
        if not path.name:
            self._say("Type a file name to export to.")
            return
        if problem := overwrites_a_session(path, self.live.store.path):
            self._failed(f"Not written: {path}: {problem}")
            return
        document = render(self.live.session, now=self.live.now())
        existed = path.exists()
        try:
            atomic_write(path, document.encode("utf-8"), like=self.live.store.path)
        except OSError as error:
            self._failed(f"Not written: {path}: {error.strerror}")
            return
        verb = "Replaced" if existed else "Wrote"
        self._say(f"{verb} {path.resolve()} ({len(document.encode()) // 1024 + 1} KB)")
        self.notify(f"{verb} {path}", title="Exported")

    def _say(self, message: str, failed: bool = False) -> None:
        """The line under the button: hidden until there is something to say, so that at
        80x24 its rows go to the checklist."""
        result = self.query_one("#export-result", Label)
        result.update(message)
        result.set_class(failed, "-failed")
        result.display = True

    def _failed(self, message: str) -> None:
        """Say so under the button, and in a notification too."""
        self._say(message, failed=True)
        self.notify(message, title="Not exported", severity="error")

    def action_close(self) -> None:
        self.dismiss(None)
