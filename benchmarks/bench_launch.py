"""Launch to first complete frame: the real app on a session against a bare Textual app.

Run by hand (not part of the test suite), from the project root:

    PYTHONPATH=$PWD python benchmarks/bench_launch.py [--runs 20] [--entries 10000]

A (real): ``postmortem_tui.ui.app.make_app(session)`` on a copy of
sample_sessions/checkout-outage.toml (or of a generated session with --entries).
B (bare): a Textual app with a Header, one Static and a Footer.

Each launch is a fresh Python process (app_runner.py) in a new pseudo-terminal of 100x30
whose output is read and dropped as a terminal would, so the interpreter's start, every
import, loading the session, composing, mounting, styling and the first writes are all in
the figure: what the user waits for after pressing Enter. A and B alternate (A B, B A, ...;
with --baseline-tree, A B A', B A' A, ...) so that drift in the machine's load hits both
alike; the ratio is of the medians, and the median of the per-pair ratios is shown too.

"Launch" ends when the first complete frame has been written to the terminal: the runner
keeps everything the app writes, and afterwards it is replayed in a terminal emulator
(pyte); the first complete frame is the first one from which on the screen shows what it
shows once the app has settled (0.6 s after its first frame; the real app's header line,
which has a wall clock, is left out of the comparison). Textual's first frames are partial
(the footer's keys, the table rows come a few frames later), so "first frame" alone would
flatter both apps.

--floor adds F: the bare app after it has read the session with the core (pydantic, the
model, TOML), as the real app must before it shows anything; F/B is the part of the budget
the session model takes before any screen.

Target (issue 3): A at most 1.5x B.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    HERE,
    ROOT,
    SAMPLE,
    child_env,
    first_complete_frame,
    machine,
    median,
    spawn_in_pty,
    write_session,
)

TARGET = 1.5
MASKED = {"real": (0,), "bare-static": (), "bare-model": ()}
"""Screen rows that change on their own (the real app's header has a wall clock)."""


def launch_once(
    kind: str,
    session: Path,
    home: Path,
    columns: int,
    rows: int,
    settle: float,
    profile: Path | None = None,
) -> dict:
    report = home / "report.json"
    root = ROOT
    if kind.startswith("real@"):  # the real app from another source tree
        kind, root = "real", Path(kind.partition("@")[2])
    command = [
        sys.executable,
        str(HERE / "app_runner.py"),
        kind,
        "--session",
        str(session),
        "--report",
        str(report),
        "--capture",
        "--settle",
        str(settle),
    ]
    if profile is not None:
        command += ["--profile", str(profile)]
    started, process, reader = spawn_in_pty(command, child_env(home, root), columns, rows)
    try:
        process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    reader.join(5)
    if process.returncode != 0 or not report.exists():
        raise RuntimeError(f"{kind} exited with {process.returncode} and no report")
    data = json.loads(report.read_text())
    report.unlink()
    first, final = first_complete_frame(data["stream"], columns, rows, MASKED[kind])
    frame = data["frames"][first]
    marks = data["marks"]
    return {
        "total": frame["written"] - started,
        "first_any": data["frames"][0]["written"] - started,
        "startup": data["t0"] - started,
        "imports": marks["app_imported"] - data["t0"],
        "build": data["built"] - marks["app_imported"],
        "to_frame": frame["written"] - data["built"],
        "frame_number": first,
        "maxrss": data["maxrss"],
        "final": final,
    }


def summary(name: str, values: list[float]) -> str:
    import statistics

    q1, q2, q3 = statistics.quantiles(values, n=4)
    return (
        f"{name:<28} median {q2 * 1000:6.0f} ms   p25-p75 {q1 * 1000:5.0f}-{q3 * 1000:<5.0f}"
        f" min {min(values) * 1000:5.0f}  max {max(values) * 1000:5.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="launches of each app")
    parser.add_argument("--entries", type=int, default=0, help="a generated session instead")
    parser.add_argument("--size", default="100x30", help="terminal COLUMNSxROWS")
    parser.add_argument("--settle", type=float, default=0.6)
    parser.add_argument("--show", action="store_true", help="print each app's final screen")
    parser.add_argument(
        "--baseline-tree",
        type=Path,
        help="also launch the real app from this source tree (e.g. a git archive of main)",
    )
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also launch the bare app after reading the session with the core (pydantic)",
    )
    parser.add_argument(
        "--profile", type=Path, help="folder: one more launch of each app under pyinstrument"
    )
    args = parser.parse_args(argv)
    columns, rows = (int(part) for part in args.size.split("x"))

    print(machine())
    with tempfile.TemporaryDirectory(prefix="pm-launch-") as tmp:
        home = Path(tmp)
        session = home / "session.toml"
        if args.entries:
            write_session(session, args.entries)
            what = f"a generated session of {args.entries:,} entries"
        else:
            shutil.copyfile(SAMPLE, session)
            what = "the sample session"
        print(
            f"launch to first complete frame, {columns}x{rows}, real app on {what}, "
            f"{args.runs} launches each, alternating\n"
        )
        apps: tuple[str, ...] = ("real", "bare-static")
        if args.baseline_tree:
            apps += (f"real@{args.baseline_tree.resolve()}",)
        if args.floor:
            apps += ("bare-model",)
        for kind in apps:  # warm the page cache and the .pyc files; not counted
            launch_once(kind, session, home, columns, rows, args.settle)
        results: dict[str, list[dict]] = {kind: [] for kind in apps}
        for run in range(args.runs):
            for kind in apps[run % len(apps) :] + apps[: run % len(apps)]:
                results[kind].append(launch_once(kind, session, home, columns, rows, args.settle))
        if args.profile:
            args.profile.mkdir(parents=True, exist_ok=True)
            for kind in apps[:2]:
                out = args.profile / f"launch-{kind}.pyisession"
                launch_once(kind, session, home, columns, rows, args.settle, profile=out)

    for kind in apps:
        runs = results[kind]
        label = {
            "real": "A real app",
            "bare-static": "B bare app",
            "bare-model": "F bare app + session read",
        }.get(kind, "A' " + kind)
        print(summary(label, [r["total"] for r in runs]))
        for part, title in (
            ("startup", "interpreter start"),
            ("imports", "imports"),
            ("build", "build app (load session)"),
            ("to_frame", "compose ... complete frame"),
            ("first_any", "(first frame of any kind)"),
        ):
            print("  " + summary(title, [r[part] for r in runs]))
        frames = sorted({r["frame_number"] for r in runs})
        rss = median([r["maxrss"] for r in runs]) / 2**20
        print(f"  complete from frame number {frames}; peak RSS at exit {rss:.0f} MiB\n")
    a = median([r["total"] for r in results["real"]])
    b = median([r["total"] for r in results["bare-static"]])
    pairs = [x["total"] / y["total"] for x, y in zip(results["real"], results["bare-static"])]
    ratio = a / b
    print(
        f"ratio A/B of medians: {ratio:.2f}x (per-pair ratios: median {median(pairs):.2f}, "
        f"min {min(pairs):.2f}, max {max(pairs):.2f}); target at most {TARGET}x: "
        f"{'met' if ratio <= TARGET else 'MISSED'}"
    )
    if args.floor:
        floor = median([r["total"] for r in results["bare-model"]])
        print(
            f"floor (bare app that first reads the session with the core): {floor * 1000:.0f} ms, "
            f"{floor / b:.2f}x the bare app; the real app is {a / floor:.2f}x the floor"
        )
    if args.baseline_tree:
        base = median([r["total"] for r in results[apps[2]]])
        print(
            f"baseline tree: {base * 1000:.0f} ms, ratio to bare {base / b:.2f}x; "
            f"this tree / baseline {a / base:.2f}x"
        )
    if args.show:
        for kind in apps[:2]:
            print(f"\nfinal screen of {kind}:")
            print("\n".join(results[kind][-1]["final"]))
    if args.profile:
        from profile_summary import summarise

        for kind in ("real", "bare-static"):
            print()
            print(summarise(str(args.profile / f"launch-{kind}.pyisession")))
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
