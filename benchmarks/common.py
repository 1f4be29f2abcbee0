"""Shared pieces of the benchmarks: generated sessions, statistics, the machine line.

Imported by the ``bench_*.py`` scripts only (never by the app runners, whose import time is
part of what they measure).
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_sessions" / "checkout-outage.toml"
HERE = Path(__file__).resolve().parent

WORDS = (
    "checkout orders replica lag lock migration deploy rollback pager alert p99 latency "
    "queue retries 5xx pool exhausted vacuum index customers support status page "
    "Zoë Åsa naïve café — “quoted” [brackets] `ticks` | pipes"
).split()
KINDS = ("impact", "trigger", "alert", "acknowledged", "declared", "mitigated", "resolved")
SOURCES = ("manual", "alert", "chat", "log", "deploy", "metric", "ticket", "other")
OWNERS = ("Dana Whitfield", "Marcus Okafor", "Priya Raman", "Tomás Ferreira", "Lena Vogel")


def make_session(entries: int, actions: int | None = None, seed: int = 1):
    """The sample session with ``entries`` generated timeline entries and ``actions`` action
    items (default: one for every ten entries, as the issue scales them).

    Entries are realistic in size and variety: times with seconds spread over the incident's
    four hours (and later days once a day is full), every source, one in a hundred with a
    kind, one in five with a link, some non-ASCII text and characters TOML must escape.
    """
    from postmortem_tui.model import ActionItem, TimelineEntry
    from postmortem_tui.persistence import load

    rng = random.Random(seed)
    actions = entries // 10 if actions is None else actions
    session = load(SAMPLE)
    start = datetime(2026, 11, 24, 14, 12)
    created = datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)
    timeline = []
    step = max(1, int(4 * 3600 / max(entries, 1)))
    for n in range(entries):
        moment = start + timedelta(seconds=n * step)
        text = " ".join(rng.choices(WORDS, k=rng.randint(6, 16)))
        timeline.append(
            TimelineEntry(
                time=f"{moment:%H:%M:%S}",
                date=moment.date() if moment.date() != start.date() else None,
                text=f"{text} (event {n})",
                source=rng.choice(SOURCES),
                kind=rng.choice(KINDS) if n % 100 == 0 else "other",
                link=f"https://grafana.example.com/d/abc?from={n}" if n % 5 == 0 else "",
                created=created + timedelta(seconds=n),
            )
        )
    items = []
    for n in range(actions):
        items.append(
            ActionItem(
                what=f"Add a guard that {' '.join(rng.choices(WORDS, k=8))} (action {n})",
                owner=rng.choice(OWNERS),
                deadline=date(2026, 12, 11) + timedelta(days=n % 30),
                impact=rng.choice(("high", "medium", "low")),
                effort=rng.choice(("high", "medium", "low")),
                type=rng.choice(("mitigate", "prevent", "detect", "process")),
                status=rng.choice(("open", "in progress", "done")),
                link=f"https://tracker.example.com/OPS-{1000 + n}" if n % 2 else "",
                created=created + timedelta(seconds=n),
            )
        )
    session.timeline = timeline
    session.action_items = items
    return session


def write_session(path: Path, entries: int, actions: int | None = None) -> Path:
    """A generated session, written as schema 1 (no ``session_id``): the form every tree
    reads, so that ``--baseline-tree`` can open it too when that tree predates schema 2
    (the current app migrates it, as it does the bundled sample)."""
    import re

    from postmortem_tui.persistence import save

    save(make_session(entries, actions), path)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^schema_version = \d+$", "schema_version = 1", text, count=1, flags=re.M)
    text = re.sub(r'^session_id = ".*"\n', "", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 40 values is the 38th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 100) * len(ordered) // 100))
    return ordered[min(rank, len(ordered)) - 1]


def spread(values: list[float]) -> str:
    """Interquartile range as ``p25-p75``: how much runs of the same thing differ."""
    q1, _, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else (values * 3)
    return f"{q1 * 1000:.0f}-{q3 * 1000:.0f}"


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import textual

    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {sys.version.split()[0]}, "
        f"Textual {textual.__version__}, {platform.system()} {platform.release()}, "
        f"load average {load:.2f} at start"
    )


def spawn_in_pty(
    command: list[str], env: dict[str, str], columns: int = 100, rows: int = 30
) -> tuple[float, "subprocess.Popen[bytes]", "threading.Thread"]:
    """Start ``command`` in a new pseudo-terminal of ``columns`` x ``rows``.

    A thread reads (and drops) everything the program writes, as a terminal would, so its
    writes never block. Returns the monotonic time just before the start, the process and
    the reading thread (it ends when the program closes the terminal).
    """
    import fcntl
    import pty
    import struct
    import subprocess
    import termios
    import threading

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    def drain() -> None:
        while True:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        os.close(master)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    started = time.monotonic()
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    return started, process, reader


def child_env(home: Path, root: Path = ROOT) -> dict[str, str]:
    """The environment for an app under test: a private home, a common colour terminal.

    Bytecode is cached (in a folder of its own under the temp folder, so the source tree
    stays clean) as it is for an installed app, even where PYTHONDONTWRITEBYTECODE is set:
    compiling every module at each start is not what a user waits for. ``root`` is the
    source tree the app is imported from.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "XDG_", "COLUMNS", "LINES", "PYTHONDONTWRITEBYTECODE"))
    }
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        PYTHONPATH=str(root),
        PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "postmortem-bench-pycache"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


FRAME_MARK = "\x00frame:"


def screens(stream: list[str], columns: int, rows: int):
    """Replay what an app wrote (captured by app_runner.py) in a terminal emulator (pyte):
    yields (frame number, screen lines) after each frame."""
    import pyte

    screen = pyte.Screen(columns, rows)
    emulator = pyte.Stream(screen)
    for text in stream:
        if text.startswith(FRAME_MARK):
            yield int(text[len(FRAME_MARK) :]), [line.rstrip() for line in screen.display]
        else:
            emulator.feed(text)


def first_complete_frame(
    stream: list[str], columns: int, rows: int, masked: tuple[int, ...] = ()
) -> tuple[int, list[str]]:
    """The first frame from which on the terminal shows what it shows at the end (rows in
    ``masked``, such as a wall clock, left out of the comparison), and that final screen."""
    shown = list(screens(stream, columns, rows))
    if not shown:
        raise RuntimeError("the app wrote no frame")

    def key(lines: list[str]) -> list[str]:
        return [line for index, line in enumerate(lines) if index not in masked]

    final = key(shown[-1][1])
    first = shown[-1][0]
    for number, lines in reversed(shown):
        if key(lines) != final:
            break
        first = number
    return first, shown[-1][1]
