"""Load, save and export times and peak memory of the session core, and how they grow.

Run by hand (not part of the test suite), from the project root:

    PYTHONPATH=$PWD python benchmarks/bench_core.py

Cases: the sample session (sample_sessions/checkout-outage.toml) and generated sessions of
100, 1,000 and 10,000 timeline entries with one action item per ten entries (the
10,000-entry session has 1,000 action items), written into a temp folder on the same disk
as /tmp. Each case runs in its own fresh Python process, so its peak RSS is its own.

- load:   ``persistence.load(path)``: read, parse TOML, migrate, validate with pydantic.
- save:   ``persistence.save(session, path)``: TOML text, temp file, fsync, ``os.replace``,
          fsync of the folder (what the autosave does); ``dumps`` alone is shown too.
- export: ``export.render(session)``: the Markdown document.

Times are the median of ``--repeat`` runs (spread: p25-p75). Peak memory is measured in a
separate, untimed pass under tracemalloc (Python allocations made by that one operation),
and maxrss is the process's peak resident size after all of it (Linux VmHWM: interpreter
and imports included; the baseline after imports is shown for comparison).

Growth: time per entry at each size, and the ratio of time per entry at 10k to 1k (and 1k to
100). Linear growth gives ratios near 1; a quadratic step would give ~10.
Target (issue 2): a save of the sample session under 20 ms.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (100, 1_000, 10_000)
SAVE_TARGET = 0.020


def measure_one(path: Path, repeat: int) -> dict:
    """Runs in the child: everything about one session file."""
    import time
    import tracemalloc

    sys.path.insert(0, str(HERE))
    from app_runner import peak_rss

    from postmortem_tui.export import render
    from postmortem_tui.persistence import dumps, load, save

    baseline_rss = peak_rss()
    out = path.with_name(path.stem + "-out.toml")
    session = load(path)
    save(session, out)  # warm: first write creates the file

    def timed(work) -> list[float]:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
        return times

    result = {
        "entries": len(session.timeline),
        "actions": len(session.action_items),
        "bytes": path.stat().st_size,
        "load": timed(lambda: load(path)),
        "save": timed(lambda: save(session, out)),
        "dumps": timed(lambda: dumps(session)),
        "export": timed(lambda: render(session)),
    }
    for name, work in (
        ("load", lambda: load(path)),
        ("save", lambda: save(session, out)),
        ("export", lambda: render(session)),
    ):
        tracemalloc.start()
        work()
        result[f"{name}_peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    result["maxrss"] = peak_rss()
    result["baseline_rss"] = baseline_rss
    return result


def run_child(path: Path, repeat: int) -> dict:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--one", str(path)]
        + ["--repeat", str(repeat)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}" if seconds < 0.1 else f"{seconds * 1000:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per operation")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one, args.repeat)))
        return 0

    sys.path.insert(0, str(HERE))
    from common import SAMPLE, machine, median, write_session

    print(machine())
    print(f"median of {args.repeat} runs (p25-p75 in ms); each case in a fresh process\n")
    with tempfile.TemporaryDirectory(dir="/tmp", prefix="pm-bench-") as tmp:
        folder = Path(tmp)
        cases = [("sample", folder / "sample.toml")]
        cases[0][1].write_bytes(SAMPLE.read_bytes())
        for size in SIZES:
            cases.append((f"{size:,}", write_session(folder / f"s{size}.toml", size)))
        results = {name: run_child(path, args.repeat) for name, path in cases}

    head = (
        f"{'case':<7} {'entries':>7} {'actions':>7} {'file':>8}  "
        f"{'load ms':>7} {'save ms':>7} {'(dumps)':>7} {'export':>7}  "
        f"{'load':>6} {'save':>6} {'export':>6} {'maxrss':>7}"
    )
    print(head)
    print(" " * 60 + "tracemalloc peak, MiB  (baseline RSS after imports below)")
    mib = 2**20
    for name, r in results.items():
        print(
            f"{name:<7} {r['entries']:>7,} {r['actions']:>7,} {r['bytes'] / 1024:>6.0f}KB  "
            f"{ms(median(r['load'])):>7} {ms(median(r['save'])):>7} {ms(median(r['dumps'])):>7} "
            f"{ms(median(r['export'])):>7}  "
            f"{r['load_peak'] / mib:>6.1f} {r['save_peak'] / mib:>6.1f} "
            f"{r['export_peak'] / mib:>6.1f} "
            f"{r['maxrss'] / mib:>6.0f}M"
        )
    print(f"baseline RSS after imports: {results['sample']['baseline_rss'] / mib:.0f} MiB")

    print("\nspread (p25-p75 ms):")
    for name, r in results.items():
        print(
            f"  {name:<7} load {_iqr(r['load'])}  save {_iqr(r['save'])}  "
            f"export {_iqr(r['export'])}"
        )

    print("\ngrowth: microseconds per timeline entry (actions scale with entries)")
    print(f"  {'op':<7} " + " ".join(f"{size:>9,}" for size in SIZES) + "   10k/1k  1k/100")
    linear = True
    for op in ("load", "save", "dumps", "export"):
        per = [median(results[f"{size:,}"][op]) / size for size in SIZES]
        big, mid = per[2] / per[1], per[1] / per[0]
        linear &= big < 1.5
        print(
            f"  {op:<7} "
            + " ".join(f"{p * 1e6:>9.1f}" for p in per)
            + f"   {big:>6.2f}  {mid:>6.2f}"
        )
    print("  memory (tracemalloc peak per entry, bytes):")
    for op in ("load", "save", "export"):
        per = [results[f"{size:,}"][f"{op}_peak"] / size for size in SIZES]
        print(
            f"  {op:<7} " + " ".join(f"{p:>9,.0f}" for p in per)
            + f"   {per[2] / per[1]:>6.2f}  {per[1] / per[0]:>6.2f}"
        )

    sample_save = median(results["sample"]["save"])
    ok = sample_save < SAVE_TARGET
    print(
        f"\nsave of the sample session: {ms(sample_save)} ms "
        f"({'under' if ok else 'OVER'} the 20 ms target)"
    )
    print(f"time per entry 10k vs 1k below 1.5x for every operation: {'yes' if linear else 'NO'}")
    return 0 if ok and linear else 1


def _iqr(values: list[float]) -> str:
    import statistics

    q1, _, q3 = statistics.quantiles(values, n=4)
    return f"{q1 * 1000:.1f}-{q3 * 1000:.1f}"


if __name__ == "__main__":
    raise SystemExit(main())
