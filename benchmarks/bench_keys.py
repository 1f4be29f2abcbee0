"""Keystroke to frame, typed into a real terminal (tmux) at typing speed.

Run by hand (not part of the test suite), from the project root (needs tmux):

    PYTHONPATH=$PWD python benchmarks/bench_keys.py [--runs 4] [--entries 10000]

Three apps, each in its own tmux server (100x30), started through app_runner.py:
  bare        a bare Textual app with one Input (Enter clears it);
  sample      the real app on a copy of sample_sessions/checkout-outage.toml;
  10k         the real app on a generated session of 10,000 timeline entries and 1,000
              action items (--entries changes the size).
Runs rotate through the apps (bare, sample, 10k; then sample, 10k, bare; ...) so that drift
in the machine's load falls on all of them. --baseline-tree adds sample' and 10k': the real
app imported from another source tree (a git archive of an older commit), to compare two
versions in one run.

In each run, once the app has settled after launch, the real app gets ``t`` (the Timeline
panel's input opens, as a note-taker would open it; its own latency is shown as "t"); once
an Input has had the focus for a second, every app gets the same text (how long the app
stayed busy after the input was shown is "then busy": the lateness of a 1 s timer set at
that frame):
lines like ``14:13 replica lag alert fired on orders-db`` typed one key at a time with
``tmux send-keys`` at typing speed (one key every 60-120 ms, about 110 words a minute),
each line ended with Enter; then ctrl+q.

Per key, the latency is from the moment the app's input thread parsed the key from the
terminal to the moment the frame that shows it (the first frame in which the focused
Input's value includes that key) had been written to the terminal, both as the app
records them (see app_runner.py). Typed characters and Enter are reported apart: Enter
in the real app adds a timeline entry, re-sorts the table and wakes the autosave, and is
timed to the first frame that shows the new row (the input empties before that, at once);
in the bare app, to the frame with the emptied input.
"tmux" is the time from just before ``tmux send-keys`` started to the app's parse of the
key (the cost of the tmux client and server, the same for every app; not in the ratios).

Targets (issue 3): typed keys, median per keystroke, sample at most 1.3x bare and the
10,000-entry session at most 1.5x bare.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    HERE,
    ROOT,
    SAMPLE,
    child_env,
    machine,
    median,
    percentile,
    write_session,
)

LINES = (
    "14:13 replica lag alert fired on orders-db",
    "14:19 Priya paused the deploy pipeline",
    "14:27 status page updated: checkout degraded",
)
TARGETS = {"sample": 1.3, "10k": 1.5}


class Tmux:
    """A private tmux server running one command in a window of the given size."""

    count = 0

    def __init__(self, command: list[str], env: dict[str, str], size: str) -> None:
        Tmux.count += 1
        name = f"pm-bench-{os.getpid()}-{Tmux.count}"
        self.base = ["tmux", "-L", name, "-f", "/dev/null"]
        columns, rows = size.split("x")
        # The server is started with the app's environment, which the window inherits.
        subprocess.run(
            [*self.base, "new-session", "-d", "-s", "bench", "-x", columns, "-y", rows,
             shlex.join(command)],
            check=True,
            env={key: value for key, value in env.items() if key != "TMUX"},
        )  # fmt: skip

    def send(self, key: str) -> float:
        """Send one key; returns the monotonic time just before the send started."""
        literal = ["-l", key] if len(key) == 1 else [key]
        started = time.monotonic()
        subprocess.run([*self.base, "send-keys", "-t", "bench", *literal], check=True)
        return started

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)


def script() -> list[str]:
    keys: list[str] = []
    for line in LINES:
        keys.extend(line)
        keys.append("Enter")
    return keys


def expected_values() -> list[str]:
    """The focused Input's value after each key of :func:`script`."""
    values = []
    for line in LINES:
        for index in range(1, len(line) + 1):
            values.append(line[:index])
        values.append("")
    return values


def progress(frames: list[dict]) -> list[int]:
    """For each frame, how many keys of the script it shows (-1 before the first)."""
    starts = []
    count = 0
    for line in LINES:
        starts.append(count)
        count += len(line) + 1
    line, done, shown = 0, -1, []
    for frame in frames:
        value = frame["value"]
        if isinstance(value, str) and line < len(LINES):
            text = LINES[line]
            last = starts[line] + len(text) - 1  # the line's last character
            if value and text.startswith(value):
                done = max(done, starts[line] + len(value) - 1)
            elif value == "" and done >= last:
                done = last + 1  # the Enter ending this line
                line += 1
            elif done >= last and line + 1 < len(LINES) and LINES[line + 1].startswith(value):
                line += 1  # the Enter and the next keys came in one frame
                done = starts[line] + len(value) - 1
        shown.append(done)
    return shown


def wait_for(path: Path, failure: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(failure)
        time.sleep(0.02)


def run_once(
    kind: str,
    session: Path | None,
    home: Path,
    size: str,
    rng: random.Random,
    profile: Path | None = None,
    root: Path = ROOT,
) -> dict:
    report, ready = home / "report.json", home / "ready"
    typing = ready.with_suffix(".typing")
    for path in (report, ready, typing):
        path.unlink(missing_ok=True)
    app = "bare-input" if kind == "bare" else "real"
    command = [sys.executable, str(HERE / "app_runner.py"), app, "--mode", "keys",
               "--report", str(report), "--ready", str(ready), "--settle", "1.0"]  # fmt: skip
    if session is not None:
        command += ["--session", str(session)]
    if profile is not None:
        command += ["--profile", str(profile)]
    tmux = Tmux(command, child_env(home, root), size)
    try:
        wait_for(ready, f"{kind}: the app did not become ready")
        start_keys = []
        if app == "real":
            start_keys.append(tmux.send("t"))
        wait_for(typing, f"{kind}: no Input got the focus")
        sent = []
        for key in script():
            time.sleep(rng.uniform(0.06, 0.12))
            sent.append(tmux.send(key))
        time.sleep(1.0)
        tmux.send("C-q")
        wait_for(report, f"{kind}: the app did not quit")
        time.sleep(0.1)
        data = json.loads(report.read_text())
    finally:
        tmux.close()
    return measure(kind, data, len(start_keys), sent)


def measure(kind: str, data: dict, skip: int, sent: list[float]) -> dict:
    keys = data["keys"][skip : skip + len(sent)]
    wanted = script()
    got = [(character if key not in ("enter",) else "Enter") for _, key, character in keys]
    if got != wanted:
        raise RuntimeError(f"{kind}: keys arrived as {got!r}, not as sent")
    frames = data["frames"]
    shown = progress(frames)
    latencies, enters, transport = [], [], []
    position = 0
    has_rows = any(f.get("rows") is not None for f in frames)
    for index, (arrived, _, _) in enumerate(keys):
        while position < len(frames) and (
            shown[position] < index or frames[position]["written"] is None
        ):
            position += 1
        if position == len(frames):
            raise RuntimeError(f"{kind}: no frame shows key {index} ({wanted[index]!r})")
        shown_at = position
        if wanted[index] == "Enter" and has_rows:
            # The real app empties its input at Enter, before the entry is added: the Enter
            # is done when a frame shows one row more than the list had when it arrived.
            before = [f.get("rows") or 0 for f in frames if f["handed"] <= arrived]
            wanted_rows = (before[-1] if before else 0) + 1
            while shown_at < len(frames) and (
                (frames[shown_at].get("rows") or 0) < wanted_rows
                or frames[shown_at]["written"] is None
            ):
                shown_at += 1
            if shown_at == len(frames):
                raise RuntimeError(f"{kind}: no frame shows the entry of Enter {index}")
        latency = frames[shown_at]["written"] - arrived
        (enters if wanted[index] == "Enter" else latencies).append(latency)
        transport.append(arrived - sent[index])
    opened, blocked = [], []
    if skip:  # the key that opened the input: until a frame shows an Input with the focus
        arrived = data["keys"][0][0]
        shown = [f["written"] for f in frames if f["value"] is not None and f["handed"] >= arrived]
        opened.append(shown[0] - arrived)
        marks = data["marks"]
        blocked.append(max(0.0, marks["typing_timer"] - marks["typing"] - marks["settle"]))
    return {
        "keys": latencies,
        "enter": enters,
        "open": opened,
        "blocked": blocked,
        "tmux": transport,
        "maxrss": data["maxrss"],
    }


def describe(values: list[float]) -> str:
    return (
        f"median {median(values) * 1000:6.1f} ms  p95 {percentile(values, 0.95) * 1000:6.1f} ms"
        f"  max {max(values) * 1000:6.1f} ms  (n={len(values)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=4, help="typing runs per app")
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--size", default="100x30", help="terminal COLUMNSxROWS")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--profile", type=Path, help="folder: one more run of each app under pyinstrument"
    )
    parser.add_argument(
        "--baseline-tree",
        type=Path,
        help="also run the real app from this source tree (sample' and 10k') in the rotation",
    )
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("tmux is needed: apt-get install tmux", file=sys.stderr)
        return 2

    print(machine())
    rng = random.Random(args.seed)
    apps = ["bare", "sample", "10k"]
    if args.baseline_tree:
        apps += ["sample'", "10k'"]
    results: dict[str, dict[str, list[float]]] = {
        kind: {"keys": [], "enter": [], "open": [], "blocked": [], "tmux": [], "maxrss": []}
        for kind in apps
    }
    with tempfile.TemporaryDirectory(prefix="pm-keys-") as tmp:
        home = Path(tmp)
        big = write_session(home / "big.toml", args.entries)
        sessions = {"bare": None, "sample": home / "sample.toml", "10k": home / "10k.toml"}
        sessions.update({"sample'": sessions["sample"], "10k'": sessions["10k"]})
        roots = {kind: args.baseline_tree if kind.endswith("'") else ROOT for kind in apps}
        print(
            f"{len(script())} keys a run ({len(LINES)} lines), {args.runs} runs per app, "
            f"{args.size}, 10k = {args.entries:,} entries\n"
        )
        for run in range(args.runs):
            order = apps[run % len(apps) :] + apps[: run % len(apps)]
            for kind in order:
                session = sessions[kind]
                if session is not None:  # a fresh copy: each run adds three entries
                    shutil.copyfile(SAMPLE if kind.startswith("sample") else big, session)
                result = run_once(
                    kind.rstrip("'"), session, home, args.size, rng, root=roots[kind].resolve()
                )
                for name in ("keys", "enter", "open", "blocked", "tmux"):
                    results[kind][name].extend(result[name])
                results[kind]["maxrss"].append(result["maxrss"])
                print(
                    f"  run {run + 1} {kind:<6} typed keys median "
                    f"{median(result['keys']) * 1000:5.1f} ms, p95 "
                    f"{percentile(result['keys'], 0.95) * 1000:5.1f} ms; Enter median "
                    f"{median(result['enter']) * 1000:5.1f} ms",
                    flush=True,
                )
        if args.profile:
            from profile_summary import summarise

            args.profile.mkdir(parents=True, exist_ok=True)
            for kind in ("bare", "sample", "10k"):
                session = sessions[kind]
                if session is not None:
                    shutil.copyfile(SAMPLE if kind == "sample" else big, session)
                out = args.profile / f"keys-{kind}.pyisession"
                run_once(kind, session, home, args.size, rng, profile=out)
                print(summarise(str(out)))

    print()
    for kind in apps:
        r = results[kind]
        print(f"{kind}:")
        print(f"  typed keys  {describe(r['keys'])}")
        print(f"  Enter       {describe(r['enter'])}")
        if r["open"]:
            print(f"  t (opens)   {describe(r['open'])}")
            print(f"  (then busy  {describe(r['blocked'])})")
        print(f"  (tmux       {describe(r['tmux'])})")
        print(f"  peak RSS {max(r['maxrss']) / 2**20:.0f} MiB")
    failed = False
    base = results["bare"]
    targets = dict(TARGETS)
    if args.baseline_tree:
        targets.update({f"{kind}'": target for kind, target in TARGETS.items()})
    for kind, target in targets.items():
        r = results[kind]
        ratio = median(r["keys"]) / median(base["keys"])
        p95 = percentile(r["keys"], 0.95) / percentile(base["keys"], 0.95)
        enter = median(r["enter"]) / median(base["enter"])
        ok = ratio <= target
        failed |= not ok
        print(
            f"{kind} / bare: typed keys median {ratio:.2f}x (target at most {target}x: "
            f"{'met' if ok else 'MISSED'}), p95 {p95:.2f}x; Enter median {enter:.2f}x"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
