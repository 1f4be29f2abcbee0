"""Sync figures through the app: keypress-to-display latency between two real app processes,
and the CPU each idle instance uses while watching.

    python benchmarks/bench_sync_ui.py [--entries 200] [--idle-seconds 60]
                                       [--view editor presenter] [--screen] [--json FILE]

Two ``postmortem`` processes (A, the note-taker, and B) open one copy of the sample session,
each in its own window of a private tmux server (120x40; B's presenter view 200x60). This script types into A with
``tmux send-keys`` and reads the times the apps themselves write with the diagnostic trace
(``POSTMORTEM_TRACE``, see ``postmortem_tui/trace.py``). All times are ``time.monotonic``
(CLOCK_MONOTONIC, one clock for every process on a Linux machine).

For each view of B (``editor``: the meeting screen on its Timeline tab; ``presenter``: the
presenter view on the timeline step):

1. Idle CPU: both instances sit with nothing typed for ``--idle-seconds``, first with the
   clock paused, then running (started by a key in A); CPU is utime+stime from
   ``/proc/PID/stat`` (all threads) over wall time, in % of one core.
2. Latency, over ``--entries`` timeline entries: A's input is opened once (``t``); for each
   entry the text is sent in one burst, then after 0.2-0.5 s the Enter key, then a pause of
   0.8-1.6 s (a note-taker's pace; the Enters land at random points of B's 0.25 s poll).

   - key: this script's clock just before ``tmux send-keys Enter`` (so the figures include
     starting the tmux client and tmux writing the key to A's terminal, a few ms);
   - committed (A): the entry is in A's session (the Enter handler ran; the sync worker is
     woken to save it at once);
   - seen (B): B's sync worker polled the file, read and merged it, and B's screen code got
     the news (``PostmortemApp.Synced``);
   - shown (B): after B refreshed its panels, the frame that shows the row was rendered and
     handed to B's terminal writer (``call_after_refresh``);
   - on screen (``--screen`` only): this script saw the row in B's tmux pane
     (``capture-pane`` every 5 ms: what an attached terminal would draw, give or take the
     polling; the polling costs CPU, so it runs only when asked for).

   In the editor view each entry is typed with an earlier time than the last (``03:19 ...``,
   ``03:18 ...``), so it sorts to the top row of B's table, which is on screen; in the
   presenter view entries are stamped with the current time and show among the last twelve.

Run it on an idle machine; the numbers are for comparing, not for asserting.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from postmortem_tui.persistence import load  # noqa: E402

SAMPLE = ROOT / "sample_sessions" / "checkout-outage.toml"
SIZE = (120, 40)
PRESENTER_SIZE = (200, 60)
"""A shared screen; at 120x40 the countdown leaves room for only the oldest of the entries."""
CLK_TCK = os.sysconf("SC_CLK_TCK")


class Tmux:
    """A private tmux server (its own socket, no user config) with one window per app."""

    def __init__(self, name: str) -> None:
        self.base = ["tmux", "-L", name, "-f", "/dev/null"]

    def run(self, *args: str) -> str:
        done = subprocess.run(self.base + list(args), capture_output=True, text=True, check=True)
        return done.stdout

    def start(self, window: str, command: list[str]) -> int:
        line = "exec " + shlex.join(command)
        if window == "A":
            width, height = SIZE
            self.run("new-session", "-d", "-s", "bench", "-n", window, "-x", str(width), "-y", str(height), line)
        else:
            self.run("new-window", "-d", "-t", "bench", "-n", window, line)
        return int(self.run("list-panes", "-t", f"bench:{window}", "-F", "#{pane_pid}").strip())

    def keys(self, window: str, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", f"bench:{window}", *(["-l"] if literal else []), *keys)

    def screen(self, window: str) -> str:
        return self.run("capture-pane", "-p", "-t", f"bench:{window}")

    def wait_for(self, window: str, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen(window):
            if time.monotonic() > deadline:
                raise SystemExit(f"window {window} never showed {text!r}:\n{self.screen(window)}")
            time.sleep(0.1)

    def stop(self) -> None:
        subprocess.run(self.base + ["kill-server"], capture_output=True)


def cpu_seconds(pid: int) -> float:
    """utime + stime of every thread of ``pid`` (fields 14 and 15 of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def idle_cpu(pids: dict[str, int], seconds: float) -> dict[str, float]:
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    started = time.monotonic()
    time.sleep(seconds)
    wall = time.monotonic() - started
    return {name: 100 * (cpu_seconds(pid) - before[name]) / wall for name, pid in pids.items()}


def read_trace(path: Path) -> dict[tuple[str, str], float]:
    """(entry id, event) -> time of its first such line."""
    times: dict[tuple[str, str], float] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            stamp, entry_id, event = line.split()
            times.setdefault((entry_id, event), float(stamp))
    return times


def entry_text(view: str, number: int, entries: int) -> str:
    label = f"bench {number:03d} replica lag alert fired on db-2"
    if view == "presenter":
        return label
    minutes = entries - number  # earlier each time: sorts to the top row of B's table
    return f"{minutes // 60:02d}:{minutes % 60:02d} {label}"


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": statistics.median(ordered),
        "p95": ordered[round(0.95 * (len(ordered) - 1))],
        "max": ordered[-1],
    }


def run_view(view: str, args: argparse.Namespace, work: Path) -> dict:
    folder = work / view
    folder.mkdir()
    session = folder / "session.toml"
    shutil.copyfile(SAMPLE, session)
    env = {f"XDG_{kind}_HOME": str(folder / kind.lower()) for kind in ("CONFIG", "DATA", "STATE", "CACHE")}
    env["PYTHONPATH"] = str(ROOT)
    traces = {name: folder / f"trace-{name}.txt" for name in "AB"}

    def command(name: str, *extra: str) -> list[str]:
        app_env = {**env, "POSTMORTEM_TRACE": str(traces[name])}
        return ["env", *(f"{k}={v}" for k, v in app_env.items()), sys.executable, "-m", "postmortem_tui", str(session), *extra]

    tmux = Tmux(f"postmortem-bench-{os.getpid()}")
    tmux.stop()
    try:
        pids = {
            "A": tmux.start("A", command("A", "--name", "Sam", "--role", "note-taker")),
            "B": tmux.start(
                "B",
                command("B", "--name", "Dana", "--role", "facilitator", *(["--present"] if view == "presenter" else [])),
            ),
        }
        if view == "presenter":
            width, height = PRESENTER_SIZE
            tmux.run("resize-window", "-t", "bench:B", "-x", str(width), "-y", str(height))
        tmux.wait_for("A", "Timeline")
        tmux.wait_for("B", "Set the tone")
        if view == "presenter":
            tmux.keys("B", "n")  # the timeline step: the presenter view lists its entries
            tmux.wait_for("B", "Timeline reconstruction")
        else:
            tmux.keys("B", "1")  # the Timeline tab
        tmux.wait_for("A", "2 open")
        time.sleep(3)  # start-up work done, presence beaten

        result: dict = {"view": view}
        if args.idle_seconds:
            result["idle_paused"] = idle_cpu(pids, args.idle_seconds)
            tmux.keys("A", "space")  # start the shared clock
            time.sleep(2)
            result["idle_running"] = idle_cpu(pids, args.idle_seconds)
            tmux.keys("A", "space")
            time.sleep(1)
        if args.entries:
            result.update(latency(view, args, tmux, session, traces))
        tmux.keys("A", "escape", "C-q")
        tmux.keys("B", "C-q")
        time.sleep(1)
        return result
    finally:
        tmux.stop()


def latency(view: str, args: argparse.Namespace, tmux: Tmux, session: Path, traces: dict[str, Path]) -> dict:
    rng = random.Random(args.seed)
    tmux.keys("A", "t")
    time.sleep(0.5)
    keys: dict[int, float] = {}
    send_times: list[float] = []
    on_screen: dict[int, float] = {}
    for number in range(args.entries):
        text = entry_text(view, number, args.entries)
        tmux.keys("A", text, literal=True)
        time.sleep(rng.uniform(0.2, 0.5))
        keys[number] = time.monotonic()
        tmux.keys("A", "Enter")
        send_times.append(time.monotonic() - keys[number])
        pause_until = keys[number] + rng.uniform(0.8, 1.6)
        if args.screen:
            needle = f"bench {number:03d}"
            while time.monotonic() < keys[number] + 5:
                if needle in tmux.screen("B"):
                    on_screen[number] = time.monotonic()
                    break
                time.sleep(0.005)
        time.sleep(max(0.0, pause_until - time.monotonic()))
    time.sleep(2)

    numbers = {}
    for entry in load(session).timeline:
        if entry.text.startswith("bench "):
            numbers[entry.id] = int(entry.text.split()[1])
    a, b = read_trace(traces["A"]), read_trace(traces["B"])
    rows = []
    for entry_id, number in numbers.items():
        times = {
            "committed": a.get((entry_id, "committed")),
            "seen": b.get((entry_id, "seen")),
            "shown": b.get((entry_id, "shown")),
            "screen": on_screen.get(number),
        }
        rows.append((keys[number], times))
    complete = [(key, t) for key, t in rows if None not in (t["committed"], t["seen"], t["shown"])]
    ms = 1000.0
    out = {
        "entries": args.entries,
        "stored": len(numbers),
        "traced": len(complete),
        "key_to_shown": summary([(t["shown"] - key) * ms for key, t in complete]),
        "key_to_committed": summary([(t["committed"] - key) * ms for key, t in complete]),
        "committed_to_seen": summary([(t["seen"] - t["committed"]) * ms for key, t in complete]),
        "seen_to_shown": summary([(t["shown"] - t["seen"]) * ms for key, t in complete]),
        "send_keys": summary([s * ms for s in send_times]),
    }
    screened = [(key, t) for key, t in complete if t["screen"] is not None]
    if screened:
        out["key_to_screen"] = summary([(t["screen"] - key) * ms for key, t in screened])
        out["shown_to_screen"] = summary([(t["screen"] - t["shown"]) * ms for key, t in screened])
        out["screened"] = len(screened)
    return out


def describe(result: dict) -> None:
    print(f"\n== B in the {result['view']} view")
    for phase in ("idle_paused", "idle_running"):
        if phase in result:
            shares = result[phase]
            print(f"idle CPU, clock {phase.split('_')[1]}: A {shares['A']:.2f}%  B {shares['B']:.2f}% of a core")
    if "key_to_shown" in result:
        print(f"entries: {result['entries']} typed, {result['stored']} in the file, {result['traced']} traced")
        for name in (
            "key_to_shown",
            "key_to_committed",
            "committed_to_seen",
            "seen_to_shown",
            "key_to_screen",
            "shown_to_screen",
            "send_keys",
        ):
            if name in result:
                s = result[name]
                label = name.replace("_to_", " -> ").replace("_", " ")
                print(f"  {label:20} median {s['median']:6.1f} ms   p95 {s['p95']:6.1f} ms   max {s['max']:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    parser.add_argument("--view", nargs="+", choices=["editor", "presenter"], default=["editor", "presenter"])
    parser.add_argument("--screen", action="store_true", help="also time the row in B's tmux pane")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("bench_sync_ui needs tmux")
    print(
        f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-sync-ui-") as work:
        for view in args.view:
            result = run_view(view, args, Path(work))
            describe(result)
            results.append(result)
    print(f"\nload average at the end {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
