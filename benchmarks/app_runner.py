"""Runs one app in the terminal it was started in and records when its frames reach it.

Started by bench_launch.py, bench_keys.py and bench_memory.py, never by hand. The first line
takes the time before any import, so the import of Textual and of the app is measured;
the parent also notes the time just before it started this process, on the same
system-wide monotonic clock.

Apps:
  real          ``postmortem_tui.ui.app.make_app(session)``, the app the ``postmortem``
                command runs.
  bare-static   a bare Textual app: Header, one Static, Footer (the launch baseline).
  bare-model    bare-static that first reads the session with the core (pydantic model,
                TOML), as the real app must before it can show anything: the floor of
                any screen that shows a session (bench_launch.py --floor).
  bare-input    a bare Textual app with one Input (the typing baseline); Enter clears it,
                as the app's entry inputs do.

What is recorded (no change to the app; hooks are installed from outside):
  frames  every frame Textual renders: when ``App._display`` handed it to the driver, when
          the driver's writer thread had written and flushed it to the terminal, the screen
          it showed, the value of the focused Input at that moment, and the row count of
          the list of the panel that Input belongs to (the real app; None in the bare ones).
  keys    every key the driver's input thread parsed from the terminal, with its time.
A frame is taken as written when the write of its bytes and the flush after them returned:
Textual writes from a separate thread, so this includes waiting for that thread.

Modes:
  launch  exit ``--settle`` seconds after the main screen's first frame.
  keys    write the ``--ready`` file ``--settle`` seconds after the main screen's first
          frame, and ``--ready`` with the suffix ``.typing`` ``--settle`` seconds after an
          Input first has the focus; run until the keys sent to it quit the app (ctrl+q).

The report (JSON) goes to the path given by --report when the app has exited.
"""

from __future__ import annotations

import time

T0 = time.monotonic()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

MARK = "\x00frame:"
"""Written into the writer thread's queue after each frame; never reaches the terminal."""


class Recorder:
    def __init__(self) -> None:
        self.frames: list[dict] = []
        self.keys: list[tuple[float, str, str | None]] = []
        self.writes = 0
        self.pending: list[int] = []
        self.on_frame = lambda frame: None
        self.on_key = lambda key: None
        self.capture = False
        self.stream: list[str] = []
        """With ``capture``: everything written to the terminal, a frame mark as ``MARK + n``."""

    def install_driver_hooks(self) -> None:
        """Before the app runs: count writes, time flushes, note keys as they are parsed."""
        from textual import events
        from textual.drivers import _writer_thread, linux_driver

        recorder = self

        class TimedFile:
            """The writer thread's file: swallows frame marks, times the flush after them."""

            def __init__(self, file) -> None:
                self._file = file

            def write(self, text: str) -> int:
                if recorder.capture:
                    recorder.stream.append(text)
                if text.startswith(MARK):
                    recorder.pending.append(int(text[len(MARK) :]))
                    return 0
                return self._file.write(text)

            def flush(self) -> None:
                self._file.flush()
                if recorder.pending:
                    now = time.monotonic()
                    for number in recorder.pending:
                        recorder.frames[number]["written"] = now
                    recorder.pending.clear()

            def __getattr__(self, name: str):
                return getattr(self._file, name)

        thread_init = _writer_thread.WriterThread.__init__

        def init(self, file) -> None:
            thread_init(self, TimedFile(file))

        _writer_thread.WriterThread.__init__ = init

        driver_write = linux_driver.LinuxDriver.write

        def write(self, data: str) -> None:
            if not data.startswith(MARK):
                recorder.writes += 1
            driver_write(self, data)

        linux_driver.LinuxDriver.write = write

        process = linux_driver.LinuxDriver.process_message

        def process_message(self, message) -> None:
            if isinstance(message, events.Key):
                recorder.keys.append((time.monotonic(), message.key, message.character))
            process(self, message)

        linux_driver.LinuxDriver.process_message = process_message

    def install_app_hooks(self, app) -> None:
        """Wrap ``app._display`` to number each frame and send its mark after it."""
        original = app._display

        def display(screen, renderable) -> None:
            before = self.writes
            original(screen, renderable)
            if self.writes == before or app._driver is None:
                return
            focused = app.focused
            table = getattr(getattr(focused, "parent", None), "table", None)  # a panel's list
            frame = {
                "handed": time.monotonic(),
                "written": None,
                "screen": type(screen).__name__,
                "value": getattr(focused, "value", None) if focused is not None else None,
                "rows": getattr(table, "row_count", None),
            }
            self.frames.append(frame)
            app._driver.write(f"{MARK}{len(self.frames) - 1}")
            self.on_frame(frame)

        app._display = display


def peak_rss() -> int:
    """The process's peak resident set size in bytes.

    Linux's VmHWM, when there is one: ``ru_maxrss`` survives exec, so a process started by a
    large parent reports the parent's size; VmHWM starts afresh with the new program.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def build(kind: str, session: Path | None, marks: dict[str, float]):
    """The app and the name of its main screen; ``marks["app_imported"]`` when imported."""
    if kind in ("real", "bare-model"):
        try:
            from postmortem_tui.launch import process_settings
        except ImportError:  # a baseline tree from before process_settings
            try:
                from postmortem_tui.launch import NO_PLUGINS
            except ImportError:  # from before launch.py: its command set nothing
                pass
            else:
                os.environ.setdefault(*NO_PLUGINS)
        else:
            process_settings()  # as the `postmortem` command does
    if kind == "real":
        from postmortem_tui.collector import pause_for_launch

        pause_for_launch()  # as `postmortem FILE` does (cli/session_commands.py)
        from postmortem_tui.ui.app import make_app

        marks["app_imported"] = time.monotonic()
        assert session is not None
        return make_app(session), "MeetingScreen"
    if kind == "bare-model":
        from postmortem_tui.collector import pause_for_launch

        pause_for_launch()
        from postmortem_tui.persistence.session_file import load

        assert session is not None
        loaded = load(session)
    from textual.app import App
    from textual.widgets import Footer, Header, Input, Static

    marks["app_imported"] = time.monotonic()

    if kind in ("bare-static", "bare-model"):

        class BareStatic(App):
            def compose(self):
                yield Header()
                yield Static("A bare Textual app: a header, this text and a footer.")
                yield Footer()

        if kind == "bare-model":
            from postmortem_tui.collector import settle_after_launch

            BareStatic.on_mount = lambda self: self.call_after_refresh(settle_after_launch)
            BareStatic.TITLE = loaded.incident.title
        return BareStatic(), "Screen"

    class BareInput(App):
        def compose(self):
            yield Input(placeholder="type here")

        def on_input_submitted(self, event: Input.Submitted) -> None:
            event.input.value = ""

    return BareInput(), "Screen"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("app", choices=("real", "bare-static", "bare-model", "bare-input"))
    parser.add_argument("--session", type=Path)
    parser.add_argument("--report", type=Path, required=True)
    parser.add_argument("--mode", choices=("launch", "keys"), default="launch")
    parser.add_argument(
        "--settle", type=float, default=0.6, help="launch: seconds to run after the first frame"
    )
    parser.add_argument("--capture", action="store_true", help="keep what is written")
    parser.add_argument(
        "--profile",
        type=Path,
        help="save a pyinstrument session: launch mode from the start, keys mode from .typing",
    )
    parser.add_argument(
        "--ready", type=Path, help="keys: file written once the app has settled after launch"
    )
    args = parser.parse_args()

    profiler = None
    if args.profile is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005, async_mode="disabled")
        if args.mode == "launch":
            profiler.start()
    recorder = Recorder()
    recorder.capture = args.capture
    recorder.install_driver_hooks()
    imported = time.monotonic()
    marks: dict[str, float] = {}
    app, main_screen = build(args.app, args.session, marks)
    built = time.monotonic()
    recorder.install_app_hooks(app)

    def frame_seen(frame: dict) -> None:
        if "first" not in marks and frame["screen"] == main_screen:
            marks["first"] = frame["handed"]
            marks["settle"] = args.settle
            if args.mode == "launch":
                app.set_timer(args.settle, app.exit)
            elif args.ready is not None:
                app.set_timer(args.settle, ready)
        elif "ready" in marks and "typing" not in marks and frame["value"] is not None:
            marks["typing"] = frame["handed"]
            app.set_timer(args.settle, typing)

    def ready() -> None:
        marks["ready"] = time.monotonic()
        args.ready.write_text("ready")

    def typing() -> None:
        """An Input has the focus: the keys that follow are typing."""
        marks["typing_timer"] = time.monotonic()  # late by as long as the loop was blocked
        if profiler is not None:
            profiler.start()
        args.ready.with_suffix(".typing").write_text("typing")

    recorder.on_frame = frame_seen
    app.run()
    if profiler is not None:
        profiler.stop()
        profiler.last_session.save(args.profile)
    report = {
        "t0": T0,
        "imported": imported,
        "built": built,
        "marks": marks,
        "frames": recorder.frames,
        "keys": recorder.keys,
        "stream": recorder.stream,
        "maxrss": peak_rss(),
    }
    args.report.write_text(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
