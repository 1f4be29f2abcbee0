"""Store-level sync figures: commit-to-visible latency between two processes, idle CPU.

    python benchmarks/bench_sync.py [--entries 200] [--interval-ms 100 250 500] [--idle-seconds 30]

Latency: this process commits an entry through ``SessionStore.mutate`` and saves it at once
(as an app's worker thread would); a second process polls every N ms and notes when each
entry appears in its session. Latency runs from just before ``mutate`` to the poll that
shows it, so it includes the save (lock, merge, atomic write with fsync), the wait for the
next poll and the read and merge there; it leaves out drawing the screen. Entries are spaced
by a random 20-80 ms so they land at random points of the poll cycle.

Idle CPU: a process with the session open polls every N ms and beats its presence record
every 2 s (reading the others' records), while nothing changes; CPU time over wall time.

Contention: two processes each add entries and save after every one, as fast as they can.

Times come from ``time.monotonic`` (system-wide on Linux and macOS, so comparable across
processes). Run it on an idle machine; the numbers are for comparing, not for asserting.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from postmortem_tui.model import Note  # noqa: E402
from postmortem_tui.persistence import load  # noqa: E402
from postmortem_tui.sync import Presence, SessionStore  # noqa: E402
from postmortem_tui.sync.presence import BEAT_SECONDS  # noqa: E402

SAMPLE = ROOT / "sample_sessions" / "checkout-outage.toml"
PREFIX = "bench "


def watch(path: str, interval: float, count: int, ready, results) -> None:
    """Poll until ``count`` bench entries were seen; send {number: monotonic time seen}."""
    store = SessionStore(Path(path))
    seen: dict[int, float] = {}
    ready.set()
    while len(seen) < count:
        time.sleep(interval)
        if store.poll():
            now = time.monotonic()
            for note in store.session.went_well:
                if note.text.startswith(PREFIX):
                    number = int(note.text[len(PREFIX) :])
                    seen.setdefault(number, now)
    results.put(seen)


def latency(path: Path, interval_ms: int, entries: int, context) -> dict[str, float]:
    ready, results = context.Event(), context.Queue()
    watcher = context.Process(
        target=watch, args=(str(path), interval_ms / 1000, entries, ready, results)
    )
    watcher.start()
    ready.wait()
    store = SessionStore(path)
    committed: dict[int, float] = {}
    save_times = []
    rng = random.Random(interval_ms)
    for number in range(entries):
        time.sleep(rng.uniform(0.02, 0.08))
        committed[number] = time.monotonic()
        store.mutate(lambda s: s.went_well.append(Note(text=f"{PREFIX}{number}")))
        started = time.monotonic()
        if not store.save():
            raise SystemExit(store.status().problem)
        save_times.append(time.monotonic() - started)
    seen = results.get(timeout=120)
    watcher.join()
    delays = sorted((seen[n] - committed[n]) * 1000 for n in committed)
    return {
        "median": statistics.median(delays),
        "p95": delays[int(0.95 * (len(delays) - 1))],
        "max": delays[-1],
        "save": statistics.median(save_times) * 1000,
    }


def idle(path: str, interval: float, seconds: float, results) -> None:
    store = SessionStore(Path(path))
    presence = Presence(Path(path), "Bench", "note-taker")
    before, started = time.process_time(), time.monotonic()
    next_beat = started
    while time.monotonic() - started < seconds:
        store.poll()
        if time.monotonic() >= next_beat:
            presence.beat()
            presence.others()
            next_beat += BEAT_SECONDS
        time.sleep(interval)
    cpu, wall = time.process_time() - before, time.monotonic() - started
    presence.close()
    results.put(100 * cpu / wall)


def idle_cpu(path: Path, interval_ms: int, seconds: float, context) -> float:
    results = context.Queue()
    process = context.Process(target=idle, args=(str(path), interval_ms / 1000, seconds, results))
    process.start()
    share = results.get(timeout=seconds + 60)
    process.join()
    return share


def add_and_save(path: str, name: str, count: int, ready, go, results) -> None:
    store = SessionStore(Path(path))
    ready.release()
    go.wait()
    for number in range(count):
        store.mutate(lambda s: s.went_well.append(Note(text=f"{name} {number}")))
        if not store.save():
            raise SystemExit(store.status().problem)
    results.put(time.monotonic())


def contention(path: Path, per_process: int, context) -> float:
    """Saved entries per second, from the common start to the last writer's finish."""
    ready, go, results = context.Semaphore(0), context.Event(), context.Queue()
    writers = [
        context.Process(
            target=add_and_save, args=(str(path), name, per_process, ready, go, results)
        )
        for name in ("a", "b")
    ]
    for writer in writers:
        writer.start()
    for _ in writers:
        ready.acquire()
    started = time.monotonic()
    go.set()
    finished = max(results.get(timeout=600) for _ in writers)
    for writer in writers:
        writer.join()
    assert len(load(path).went_well) >= 2 * per_process
    return 2 * per_process / (finished - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--interval-ms", type=int, nargs="+", default=[100, 250, 500])
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    parser.add_argument("--contention-entries", type=int, default=200)
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs")
        print(f"session: {SAMPLE.name} + {args.entries} entries; latency from mutate() to visible")
        for interval in args.interval_ms:
            path = folder / f"latency-{interval}.toml"
            shutil.copyfile(SAMPLE, path)
            figures = latency(path, interval, args.entries, context)
            print(
                f"poll every {interval:>3} ms: median {figures['median']:6.1f} ms, "
                f"p95 {figures['p95']:6.1f} ms, max {figures['max']:6.1f} ms "
                f"(the writer's save: median {figures['save']:.1f} ms)"
            )
        for interval in args.interval_ms:
            path = folder / f"idle-{interval}.toml"
            shutil.copyfile(SAMPLE, path)
            share = idle_cpu(path, interval, args.idle_seconds, context)
            print(
                f"idle, poll every {interval:>3} ms + presence every {BEAT_SECONDS:g} s: "
                f"{share:.3f}% of a core over {args.idle_seconds:g} s"
            )
        path = folder / "contention.toml"
        shutil.copyfile(SAMPLE, path)
        rate = contention(path, args.contention_entries, context)
        print(
            f"two writers saving after every entry ({args.contention_entries} each): "
            f"{rate:.0f} saved entries/s in all"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
